#!/usr/bin/env bats
# rsplit -L: one review per line (SPEC 3), the ways to get there from files
# and JSON Lines, and the same pipeline split by GNU parallel (SPEC 7).

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
	HDR=$(row review sentence section aspect function severity text)
	M1='[[MET-NEG], [EMP-NEG], [CRT], [MAJ]]'
	M2='[[PDI-POS], [NOV-POS], [APC], [MIN]]'
	R2L="$BATS_TEST_DIRNAME/../tools/reviews2lines"
}

# row FIELD...: the fields joined by TABs.
row() {
	local IFS=$'\t'
	printf '%s' "$*"
}

# lines_are INPUT ROWS STDERR STATUS [OPTION...]: rsplit -N -L OPTION...
# in.lines, where in.lines holds INPUT (printf %s), writes exactly ROWS
# and STDERR and exits with STATUS.
lines_are() {
	local input=$1 rows=$2 err=$3 st=$4
	shift 4
	printf '%s' "$input" > in.lines
	run2 rsplit -N -L "$@" in.lines
	assert_equal "$output" "$rows"
	assert_equal "$stderr" "$err"
	assert_equal "$status" "$st"
}

# --- what a line is

@test "lines: a JSON-string line and a plain line give the rows of their files" {
	printf 'R1\t"Weak results.%s Nice idea.%s"\n' "$M1" "$M2" > in.lines
	printf 'R2\tPlain, "quoted" text.%s The rest.\n' "$M2" >> in.lines
	run2 rsplit -L in.lines
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "$HDR
$(row R1 1 MET-NEG EMP-NEG CRT MAJ 'Weak results.')
$(row R1 2 PDI-POS NOV-POS APC MIN 'Nice idea.')
$(row R2 1 PDI-POS NOV-POS APC MIN 'Plain, "quoted" text.')"
	printf '"Weak results.%s Nice idea.%s"' "$M1" "$M2" > R1.txt
	printf 'Plain, "quoted" text.%s The rest.' "$M2" > R2.txt
	for opt in '' -a -r; do
		assert_equal "$(rsplit $opt -L in.lines)" "$(rsplit $opt R1.txt R2.txt)"
	done
}

@test "lines: -a writes a line's unannotated rest, -r its raw text" {
	lines_are "$(printf 'R2\tPlain.%s  The rest. \n' "$M2")" \
	    "$(row R2 1 PDI-POS NOV-POS APC MIN 'Plain.')
$(row R2 2 '' '' '' '' 'The rest.')" "" 0 -a
	lines_are "$(printf 'R2\tPlain.%s  The\\n rest. \n' "$M2")" \
	    "$(row R2 1 PDI-POS NOV-POS APC MIN 'Plain.')
$(row R2 2 '' '' '' '' '  The\\n rest. ')" "" 0 -a -r
}

@test "lines: a line without markers is 'no annotations' at FILE:LINE; -a gives its row" {
	lines_are "$(printf 'R1\tA.%s\nR2\tJust text.\nR3\t\n' "$M1")" \
	    "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)" \
	    "rsplit: in.lines:2: no annotations
rsplit: in.lines:3: no annotations" 0
	lines_are "$(printf 'R2\tJust text.\nR3\t\n')" \
	    "$(row R2 1 '' '' '' '' 'Just text.')
$(row R3 1 '' '' '' '' '')" \
	    "rsplit: in.lines:1: no annotations
rsplit: in.lines:2: no annotations" 0 -a
}

@test "lines: a warning gives the input line and the byte in that line" {
	printf 'R1\t"A.%s"\n' "$M1" > in.lines
	printf 'R22\tSome text.[[[MET-NEU], [CLA-NEG], [SUG], [MIN]] More.[[RES-POS] [EMP-POS], [APC], [MIN]]\n' >> in.lines
	printf 'R3\t"Bad \\q escape.%s"\n' "$M1" >> in.lines
	run2 rsplit -N -L in.lines
	assert_equal "$status" 0
	assert_equal "$stderr" "rsplit: in.lines:2:15: extra '[' before the marker
rsplit: in.lines:2:58: missing comma between groups
rsplit: in.lines:3:9: invalid escape kept as text: \\q"
	assert_equal "$output" "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row R22 1 MET-NEU CLA-NEG SUG MIN 'Some text.')
$(row R22 2 RES-POS EMP-POS APC MIN 'More.')
$(row R3 1 MET-NEG EMP-NEG CRT MAJ 'Bad \q escape.')"
	run2 rsplit -N -L -q in.lines
	assert_equal "$stderr" ""
	run2 rsplit -N -L -q --strict in.lines
	assert_equal "$status" 1
	assert_equal "$stderr" ""
}

@test "lines: the id is the field as it is, escaped like any id; TAB and text after it are text" {
	lines_are "$(printf 'a\\b.txt_annotated\tA\tB.%s\n' "$M1")" \
	    "$(row 'a\\b.txt_annotated' 1 MET-NEG EMP-NEG CRT MAJ 'A B.')" "" 0
}

@test "lines: --scheme and the scheme's layers apply to every line" {
	printf 'P1\tFine.[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]\n' > in.lines
	run2 rsplit -L --scheme argu in.lines
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "$(row review sentence clarity justification depth fairness constructiveness engagement accuracy consistency novelty ethics text)
$(row P1 1 CLA-POS JUS-NEG DEP-NEG FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG ETH-NEU Fine.)"
}

# --- line ends

@test "lines: CR LF ends a line; the last line needs no LF; a CR at the end of the file ends it" {
	lines_are "$(printf 'R1\tA.%s x\r\nR2\tB.%s\r\nR3\tC.%s' "$M1" "$M2" "$M1")" \
	    "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row R1 2 '' '' '' '' ' x')
$(row R2 1 PDI-POS NOV-POS APC MIN B.)
$(row R3 1 MET-NEG EMP-NEG CRT MAJ C.)" "" 0 -r -a
	lines_are "$(printf 'R3\tC.%s\r' "$M1")" \
	    "$(row R3 1 MET-NEG EMP-NEG CRT MAJ C.)" "" 0 -r -a
}

@test "lines: a lone CR is white space, with a warning at its byte, once a line" {
	lines_are "$(printf 'R1\tA.%s\rB.%s\rC.%s\nR2\tD.%s\n' "$M1" "$M2" "$M1" "$M2")" \
	    "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row R1 2 PDI-POS NOV-POS APC MIN B.)
$(row R1 3 MET-NEG EMP-NEG CRT MAJ C.)
$(row R2 1 PDI-POS NOV-POS APC MIN D.)" \
	    "rsplit: in.lines:1:42: lone CR, read as white space (lines end at LF)" 0
	lines_are "$(printf 'R1\tA.%s\rB.%s\n' "$M1" "$M2")" \
	    "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row R1 2 PDI-POS NOV-POS APC MIN '\rB.')" \
	    "rsplit: in.lines:1:42: lone CR, read as white space (lines end at LF)" 0 -r
	lines_are "$(printf 'R\r1\tA.%s\n' "$M1")" \
	    "$(row 'R\r1' 1 MET-NEG EMP-NEG CRT MAJ A.)" \
	    "rsplit: in.lines:1:2: lone CR, read as white space (lines end at LF)" 0
	lines_are "$(printf 'R1\tA.%s\rB.%s\n' "$M1" "$M2")" \
	    "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row R1 2 PDI-POS NOV-POS APC MIN B.)" "" 1 -q --strict
}

# --- bad lines: an error naming FILE:LINE, the run goes on, status 1

@test "lines: a line without a TAB is an error; the next line is read" {
	lines_are "$(printf 'R1 A.%s\nR2\tB.%s\n\nR3\r\nR4\tC.%s\n' "$M1" "$M2" "$M1")" \
	    "$(row R2 1 PDI-POS NOV-POS APC MIN B.)
$(row R4 1 MET-NEG EMP-NEG CRT MAJ C.)" \
	    "rsplit: in.lines:1: no TAB between review id and text
rsplit: in.lines:3: no TAB between review id and text
rsplit: in.lines:4: no TAB between review id and text" 1
}

@test "lines: an empty id is an error" {
	lines_are "$(printf '\tA.%s\nR2\tB.%s\n' "$M1" "$M2")" \
	    "$(row R2 1 PDI-POS NOV-POS APC MIN B.)" \
	    "rsplit: in.lines:1: empty review id" 1
}

@test "lines: a NUL byte in the id is an error; in the text it is U+FFFD, as in a file" {
	printf 'R\0001\tA.%s\nR2\tB\000.%s\n' "$M1" "$M2" > in.lines
	run2 rsplit -N -L in.lines
	assert_equal "$output" "$(row R2 1 PDI-POS NOV-POS APC MIN $'B\xef\xbf\xbd.')"
	assert_equal "$stderr" "rsplit: in.lines:1: NUL byte in the review id
rsplit: in.lines:2:5: NUL byte replaced by U+FFFD"
	assert_equal "$status" 1
}

@test "lines: a bad last line without LF is an error too" {
	lines_are "$(printf 'R1\tA.%s\nno tab' "$M1")" \
	    "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)" \
	    "rsplit: in.lines:2: no TAB between review id and text" 1
	lines_are "$(printf 'R1\tA.%s\n\t' "$M1")" \
	    "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)" \
	    "rsplit: in.lines:2: empty review id" 1
}

@test "lines: an id of 65536 bytes is read; no TAB in the first 65537 is an error, and the line is skipped" {
	{ head -c 65536 /dev/zero | tr '\0' i; printf '\tA.%s\n' "$M1"
	  head -c 200000 /dev/zero | tr '\0' j; printf '\tB.%s\n' "$M2"
	  printf 'R3\tC.%s\n' "$M1"; } > in.lines
	run2 rsplit -N -L in.lines
	assert_equal "$status" 1
	assert_equal "$stderr" "rsplit: in.lines:2: no TAB in the first 65537 bytes: a review id is at most 65536"
	assert_equal "$(printf '%s\n' "$output" | cut -f1 | awk '{ print length($0) }')" "65536
2"
	assert_equal "$(printf '%s\n' "$output" | cut -f2-)" "$(row 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row 1 MET-NEG EMP-NEG CRT MAJ C.)"
}

# --- operands and options

@test "lines: standard input is '-'; an unreadable file is reported and the others read" {
	printf 'R1\tA.%s\nR2\n' "$M1" > in.lines
	run2 rsplit -N -L missing.lines - in.lines < in.lines
	assert_equal "$status" 1
	assert_equal "$stderr" "rsplit: missing.lines: No such file or directory
rsplit: -:2: no TAB between review id and text
rsplit: in.lines:2: no TAB between review id and text"
	assert_equal "$output" "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)"
	run2 rsplit -N -L .
	assert_equal "$status" 1
	assert_equal "$stderr" "rsplit: .: Is a directory"
	assert_equal "$output" ""
}

@test "lines: --id is a usage error with -L" {
	assert_usage_error "rsplit: --id names standard input; with -L each line names its review" \
	    "usage: rsplit [-aLNqr] [--strict] [--id NAME] [--scheme S] [FILE...]" \
	    rsplit -L --id x
	run2 rsplit --lines --help
	assert_equal "$status" 0
	assert_equal "$(printf '%s\n' "$output" | grep -- --lines)" \
	    "  -L, --lines      one review per line: ID, TAB, what a review file holds"
}

@test "lines: rows go to a full disk as a write error" {
	printf 'R1\tA.%s\n' "$M1" > in.lines
	run2 to_full rsplit -L in.lines
	assert_equal "$status" 1
	assert_equal "$stderr" "rsplit: write error: No space left on device"
}

# SPEC 3: memory is bounded by the longest sentence, not by the line.
@test "lines: a 300 MB line streams in under 64 MB of memory" {
	{ printf 'big\t"'
	  yes -- 'The method is sound.[[MET-POS], [EMP-POS], [APC], [MAJ]] Results are weak.[[RES-NEG], [EMP-NEG], [CRT], [MIN]]' |
	    head -n 2900000 | tr '\n' ' '
	  printf '"\nsmall\tLast.%s\n' "$M1"; } > huge.lines
	[ "$(stat -c %s huge.lines)" -gt 300000000 ]
	run2 bash -c '/usr/bin/time -o rss -f %M rsplit -N -L huge.lines | cut -f1 | uniq -c'
	rm huge.lines
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "5800000 big
      1 small"
	[ "$(cat rss)" -lt 65536 ] || fail "max RSS $(cat rss) KB"
}
