#!/usr/bin/env bats
# rsplit -L: one review per line (SPEC 3), the ways to get there from files
# (rsplit --to-lines) and JSON Lines, and the same pipeline split by GNU parallel (SPEC 7).

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
	HDR=$(row review sentence section aspect function severity text)
	M1='[[MET-NEG], [EMP-NEG], [CRT], [MAJ]]'
	M2='[[PDI-POS], [NOV-POS], [APC], [MIN]]'
	R2L="$BATS_TEST_DIRNAME/../tools/reviews2lines"
}

# lines_are INPUT ROWS STDERR STATUS [OPTION...]: rsplit -N -L OPTION...
# in.lines, where in.lines holds INPUT (printf %s), writes exactly ROWS
# and STDERR and exits with STATUS.
lines_are() {
	local input=$1 rows=$2 err=$3 st=$4
	shift 4
	printf '%s' "$input" > in.lines
	expect "$st" "$rows" "$err" rsplit -N -L "$@" in.lines
}

# --- what a line is

@test "lines: a JSON-string line and a plain line give the rows of their files" {
	printf 'R1\t"Weak results.%s Nice idea.%s"\n' "$M1" "$M2" > in.lines
	printf 'R2\tPlain, "quoted" text.%s The rest.\n' "$M2" >> in.lines
	expect 0 "$HDR
$(row R1 1 MET-NEG EMP-NEG CRT MAJ 'Weak results.')
$(row R1 2 PDI-POS NOV-POS APC MIN 'Nice idea.')
$(row R2 1 PDI-POS NOV-POS APC MIN 'Plain, "quoted" text.')" "" \
	    rsplit -L in.lines
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
	expect 0 "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row R22 1 MET-NEU CLA-NEG SUG MIN 'Some text.')
$(row R22 2 RES-POS EMP-POS APC MIN 'More.')
$(row R3 1 MET-NEG EMP-NEG CRT MAJ 'Bad \q escape.')" \
	    "rsplit: in.lines:2:15: extra '[' before the marker
rsplit: in.lines:2:58: missing comma between groups
rsplit: in.lines:3:9: invalid escape kept as text: \\q" \
	    rsplit -N -L in.lines
	rows=$output
	expect 0 "$rows" "" rsplit -N -L -q in.lines
	expect 1 "$rows" "" rsplit -N -L -q --strict in.lines
}

@test "lines: the id is the field as it is, escaped like any id; TAB and text after it are text" {
	lines_are "$(printf 'a\\b.txt_annotated\tA\tB.%s\n' "$M1")" \
	    "$(row 'a\\b.txt_annotated' 1 MET-NEG EMP-NEG CRT MAJ 'A B.')" "" 0
}

# Issue 12: (review, sentence) is a key of one run, lines as files.
@test "lines: a repeated id is ID#N, N from 2 not taken, with a warning naming both lines" {
	lines_are "$(printf 'R1\tA.%s\nR1\tB.%s\nR1#2\tC.%s\nR1\tD.%s\n' "$M1" "$M2" "$M1" "$M2")" \
	    "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row R1#2 1 PDI-POS NOV-POS APC MIN B.)
$(row R1#2#2 1 MET-NEG EMP-NEG CRT MAJ C.)
$(row R1#3 1 PDI-POS NOV-POS APC MIN D.)" \
	    "rsplit: in.lines:2: review id 'R1' already names in.lines:1; this one is 'R1#2'
rsplit: in.lines:3: review id 'R1#2' already names in.lines:2; this one is 'R1#2#2'
rsplit: in.lines:4: review id 'R1' already names in.lines:1; this one is 'R1#3'" 0
	lines_are "$(printf 'R1\tA.%s\nR1\tB.%s\n' "$M1" "$M2")" \
	    "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row R1#2 1 PDI-POS NOV-POS APC MIN B.)" "" 1 -q --strict
}

@test "lines: the lines files of one run share the ids; the warning quotes ids as values" {
	long=$(printf 'x%.0s' {1..60})
	printf 'R1\tA.%s\n%s\tL.%s\n' "$M1" "$long" "$M1" > a.lines
	printf 'R2\tB.%s\nR1\tC.%s\n%s\tM.%s\n' "$M2" "$M2" "$long" "$M2" > b.lines
	expect 0 "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row "$long" 1 MET-NEG EMP-NEG CRT MAJ L.)
$(row R2 1 PDI-POS NOV-POS APC MIN B.)
$(row R1#2 1 PDI-POS NOV-POS APC MIN C.)
$(row "$long#2" 1 PDI-POS NOV-POS APC MIN M.)" \
	    "rsplit: b.lines:2: review id 'R1' already names a.lines:1; this one is 'R1#2'
rsplit: b.lines:3: review id '$(printf 'x%.0s' {1..48})'... (60 bytes) already names a.lines:2; this one is '$(printf 'x%.0s' {1..48})'... (62 bytes)" \
	    rsplit -N -L a.lines b.lines
}

@test "lines: --scheme and the scheme's layers apply to every line" {
	printf 'P1\tFine.[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]\n' > in.lines
	expect 0 "$(row review sentence clarity justification depth fairness constructiveness engagement accuracy consistency novelty ethics text)
$(row P1 1 CLA-POS JUS-NEG DEP-NEG FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG ETH-NEU Fine.)" "" \
	    rsplit -L --scheme argu in.lines
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
	expect 1 "$(row R2 1 PDI-POS NOV-POS APC MIN $'B\xef\xbf\xbd.')" \
	    "rsplit: in.lines:1: NUL byte in the review id
rsplit: in.lines:2:5: NUL byte replaced by U+FFFD" \
	    rsplit -N -L in.lines
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
	# stdout holds an id of 65536 bytes: its lengths and the rest below.
	expect 1 @any "rsplit: in.lines:2: no TAB in the first 65537 bytes: a review id is at most 65536" \
	    rsplit -N -L in.lines
	assert_equal "$(printf '%s\n' "$output" | cut -f1 | awk '{ print length($0) }')" "65536
2"
	assert_equal "$(printf '%s\n' "$output" | cut -f2-)" "$(row 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row 1 MET-NEG EMP-NEG CRT MAJ C.)"
}

# --- operands and options

@test "lines: standard input is '-'; an unreadable file is reported and the others read" {
	printf 'R1\tA.%s\nR2\n' "$M1" > in.lines
	expect 1 "$(row R1 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row R1#2 1 MET-NEG EMP-NEG CRT MAJ A.)" \
	    "rsplit: missing.lines: No such file or directory
rsplit: -:2: no TAB between review id and text
rsplit: in.lines:1: review id 'R1' already names -:1; this one is 'R1#2'
rsplit: in.lines:2: no TAB between review id and text" \
	    rsplit -N -L missing.lines - in.lines < in.lines
	expect 1 "" "rsplit: .: Is a directory" rsplit -N -L .
}

@test "lines: --id is a usage error with -L" {
	assert_usage_error "rsplit: --id names standard input; with -L each line names its review" \
	    "usage: rsplit [-ajLNqr] [--strict] [--id NAME] [--scheme S] [FILE...]
       rsplit --to-lines [-q] [--strict] [--id NAME] [FILE...]" \
	    rsplit -L --id x
	# The usage is rsplit(1)'s; here only the line of -L matters.
	expect 0 @any "" rsplit --lines --help
	assert_equal "$(printf '%s\n' "$output" | grep -- '-L, --lines')" \
	    "  -L, --lines      one review per line: ID, TAB, what a review file holds"
}

@test "lines: rows go to a full disk as a write error" {
	printf 'R1\tA.%s\n' "$M1" > in.lines
	expect 1 "" "rsplit: write error: No space left on device" \
	    to_full rsplit -L in.lines
}

# SPEC 3: memory is bounded by the longest sentence, not by the line.
@test "lines: a 300 MB line streams in under 64 MB of memory" {
	{ printf 'big\t"'
	  yes -- 'The method is sound.[[MET-POS], [EMP-POS], [APC], [MAJ]] Results are weak.[[RES-NEG], [EMP-NEG], [CRT], [MIN]]' |
	    head -n 2900000 | tr '\n' ' '
	  printf '"\nsmall\tLast.%s\n' "$M1"; } > huge.lines
	[ "$(stat -c %s huge.lines)" -gt 300000000 ]
	expect 0 "5800000 big
      1 small" "" \
	    bash -c '/usr/bin/time -o rss -f %M rsplit -N -L huge.lines | cut -f1 | uniq -c'
	rm huge.lines
	[ "$(cat rss)" -lt 65536 ] || fail "max RSS $(cat rss) KB"
}

# --- from files: rsplit --to-lines (tools/reviews2lines is its old name)

@test "to-lines: the id by rsplit's rule, a TAB, the bytes with raw LF and CR made spaces" {
	printf '"A.\r\n%s\tB\000\\n"\n' "$M1" > 'R1_annotated - Ann.txt'
	printf 'plain' > R2.v2.txt
	expect 0 "" "" \
	    bash -c 'rsplit --to-lines "R1_annotated - Ann.txt" R2.v2.txt > got.lines'
	printf 'R1\t"A.  %s\tB\000\\n" \nR2.v2\tplain\n' "$M1" > want.lines
	cmp got.lines want.lines
	expect 0 "$(rsplit -N 'R1_annotated - Ann.txt' 2>/dev/null)" \
	    "rsplit: got.lines:1:47: NUL byte replaced by U+FFFD
rsplit: got.lines:2: no annotations" \
	    rsplit -N -L got.lines
}

@test "to-lines: ids are rsplit's over the same files, with the same warnings; rsplit -L then warns of none" {
	mkdir a b
	printf 'A.%s' "$M1" > a/R1.txt
	printf 'B.%s' "$M2" > b/R1_annotated.txt
	printf 'C.%s' "$M1" > 'R1#2.txt'
	printf 'D.%s' "$M2" > $'R\0011.txt'
	printf 'E.%s' "$M2" > $'R\0011_annotated.txt'
	files=(a/R1.txt b/R1_annotated.txt 'R1#2.txt' missing/R1.txt b/R1.txt
	    $'R\0011.txt' $'R\0011_annotated.txt')
	printf 'F.%s' "$M1" > b/R1.txt
	warnings="rsplit: b/R1_annotated.txt: review id 'R1' already names a/R1.txt; this one is 'R1#2'
rsplit: R1#2.txt: review id 'R1#2' already names b/R1_annotated.txt; this one is 'R1#2#2'
rsplit: missing/R1.txt: review id 'R1' already names a/R1.txt; this one is 'R1#3'
rsplit: missing/R1.txt: No such file or directory
rsplit: b/R1.txt: review id 'R1' already names a/R1.txt; this one is 'R1#4'
rsplit: R\\0011_annotated.txt: review id 'R\\0011' already names R\\0011.txt; this one is 'R\\0011#2'"
	expect 1 "R1	A.$M1
R1#2	B.$M2
R1#2#2	C.$M1
R1#4	F.$M1
"$'R\0011'"	D.$M2
"$'R\0011#2'"	E.$M2" "$warnings" \
	    rsplit --to-lines "${files[@]}"
	printf '%s\n' "$output" > got.lines
	# The rows are those of the files, whose warnings are the same.
	expect 1 "$(rsplit -N -L got.lines)" "$warnings" rsplit -N "${files[@]}"
	expect 0 "$output" "" rsplit -N -L got.lines
}

@test "to-lines: a file it cannot read or whose id cannot be a line is reported and left out" {
	printf 'A.%s' "$M1" > good.txt
	printf 'x' > $'tab\there.txt'
	printf 'x' > $'cr\rhere.txt'
	printf 'x' > $'lf\nhere.txt'
	expect 1 "good	A.$M1" \
	    "rsplit: missing.txt: No such file or directory
rsplit: .: Is a directory
rsplit: tab\\there.txt: review id 'tab\\there' holds a TAB, LF or CR: no line can carry it
rsplit: cr\\rhere.txt: review id 'cr\\rhere' holds a TAB, LF or CR: no line can carry it
rsplit: lf\\nhere.txt: review id 'lf\\nhere' holds a TAB, LF or CR: no line can carry it" \
	    rsplit --to-lines missing.txt . $'tab\there.txt' $'cr\rhere.txt' $'lf\nhere.txt' good.txt
}

@test "to-lines: standard input is '-', named by --id; -q and --strict as for rows" {
	printf 'A.%s' "$M1" > R1.txt
	expect 0 "R7	A.$M1" "" rsplit --to-lines --id R7 < R1.txt
	expect 0 "-	A.$M1
R1	A.$M1
R1#2	A.$M1" "rsplit: R1.txt: review id 'R1' already names R1.txt; this one is 'R1#2'" \
	    rsplit --to-lines - R1.txt R1.txt < R1.txt
	expect 0 "$output" "" rsplit --to-lines -q - R1.txt R1.txt < R1.txt
	expect 1 "$output" "" rsplit --to-lines -q --strict - R1.txt R1.txt < R1.txt
}

@test "to-lines: options that make rows are usage errors" {
	for o in -a -j -L -r; do
		assert_usage_error "rsplit: --to-lines writes lines, not rows: no -a, -j, -L or -r" \
		    "usage: rsplit [-ajLNqr] [--strict] [--id NAME] [--scheme S] [FILE...]
       rsplit --to-lines [-q] [--strict] [--id NAME] [FILE...]" \
		    rsplit --to-lines "$o" x.txt
	done
}

@test "to-lines: lines go to a full disk as a write error" {
	printf 'A.%s' "$M1" > R1.txt
	expect 1 "" "rsplit: write error: No space left on device" \
	    to_full rsplit --to-lines R1.txt
}

@test "to-lines: tools/reviews2lines is rsplit --to-lines" {
	printf 'A.%s' "$M1" > R1.txt
	expect 1 "R1	A.$M1" "rsplit: missing.txt: No such file or directory" \
	    "$R2L" R1.txt missing.txt
}

@test "to-lines: examples/ as lines give the rows and warnings of the files, in every mode" {
	files=("$EXAMPLES"/*.txt)
	rsplit --to-lines "${files[@]}" > ex.lines
	expect 0 "5 files, 4 modes: 0 differ" "" \
	    python3 "$BATS_TEST_DIRNAME/lines_check.py" "$RK_BIN/rsplit" ex.lines "${files[@]}"
}

# The issue's round trip, on the real corpus: every file as a line gives
# the rows of rsplit FILE; with -r, modulo raw line ends, and exactly the
# rows of copies of the files whose raw LF and CR are spaces (what
# --to-lines changes, and all it changes): tests/lines_check.py.
@test "to-lines: every corpus file as a line gives its rows and warnings, in every mode" {
	need_corpus
	shopt -s dotglob
	files=("$CORPUS"/pra4/* "$CORPUS"/pra2/*)
	rsplit --to-lines "${files[@]}" > corpus.lines 2> tl.err
	# pra2 repeats ids of pra4 (and of itself): each gets rsplit's ID#N.
	assert_equal "$(rsplit -N "${files[@]}" 2>&1 > /dev/null |
	    grep "already names")" "$(cat tl.err)"
	[ "$(wc -l < tl.err)" -gt 600 ] || fail "$(wc -l < tl.err) repeated ids"
	assert_equal "$(cut -f1 corpus.lines | sort | uniq -d)" ""
	expect 0 "${#files[@]} files, 4 modes: 0 differ" "" \
	    python3 "$BATS_TEST_DIRNAME/lines_check.py" "$RK_BIN/rsplit" corpus.lines "${files[@]}"
}

# --- from JSON Lines: the jq command of README.md, "Scaling out"

JQ_LINES='if (.id | type | . == "string" or . == "number")
               and (.review | type) == "string"
               and (.id | tostring | test("^$|[\t\n\r]") | not)
             then "\(.id)\t\(.review | tojson)"
             else "", error("needs a review string and an id, not empty,"
                            + " without TAB, LF or CR") end'

@test "jsonl: jq writes one line per record; a record it cannot write is an empty line rsplit reports" {
	command -v jq > /dev/null || skip "no jq"
	# The command is README's, word for word.
	[[ "$(cat "$BATS_TEST_DIRNAME/../README.md")" == *"jq -r '$JQ_LINES'"* ]]
	printf '%s\n' \
	    '{"id": "P1-R1", "review": "Clear \"GraphMix\" idea.[[PDI-POS], [NOV-POS], [APC], [MAJ]]\nBut Thm 2\tis loose \\ vague.[[MET-NEG], [EMP-NEG], [CRT], [MAJ]] Caf\u00e9 \ud83d\ude00."}' \
	    '{"id": 42, "review": "Tables lack variance.[[TNF-NEG], [EMP-NEG], [SUG], [MIN]]", "score": 3}' \
	    '{"review": "no id"}' \
	    '{"id": "P3\tx", "review": "a TAB in the id"}' \
	    '{"id": "P4", "review": "Plain text, no marker."}' > reviews.jsonl
	# jq 1.6 exits 0 unless the last record failed: rsplit's status tells.
	expect 1 "$HDR
$(row P1-R1 1 PDI-POS NOV-POS APC MAJ 'Clear "GraphMix" idea.')
$(row P1-R1 2 MET-NEG EMP-NEG CRT MAJ 'But Thm 2 is loose \ vague.')
$(row P1-R1 3 '' '' '' '' $'Caf\xc3\xa9 \xf0\x9f\x98\x80.')
$(row 42 1 TNF-NEG EMP-NEG SUG MIN 'Tables lack variance.')
$(row P4 1 '' '' '' '' 'Plain text, no marker.')" \
	    "rsplit: -:3: no TAB between review id and text
rsplit: -:4: no TAB between review id and text
rsplit: -:5: no annotations" \
	    bash -c 'jq -r "$1" reviews.jsonl 2> jq.err | rsplit -L -a' sh "$JQ_LINES"
	assert_equal "$(cat jq.err)" "jq: error (at reviews.jsonl:3): needs a review string and an id, not empty, without TAB, LF or CR
jq: error (at reviews.jsonl:4): needs a review string and an id, not empty, without TAB, LF or CR"
	printf '"Clear \\"GraphMix\\" idea.[[PDI-POS], [NOV-POS], [APC], [MAJ]]\\nBut Thm 2\\tis loose \\\\ vague.[[MET-NEG], [EMP-NEG], [CRT], [MAJ]] Caf\\u00e9 \\ud83d\\ude00."' > P1-R1.txt
	# The one-liner gives the same lines where it can.
	sed -n '1p;2p;5p' reviews.jsonl > good.jsonl
	assert_equal "$(jq -r '"\(.id)\t\(.review | tojson)"' good.jsonl)" \
	    "$(jq -r "$JQ_LINES" good.jsonl)"
	assert_equal "$(jq -r "$JQ_LINES" reviews.jsonl 2>/dev/null | rsplit -r -a -L 2>/dev/null | sed -n 2,4p)" \
	    "$(rsplit -r -a P1-R1.txt | sed 1d)"
}

@test "jsonl: README's check lists the ids jq repeats; rsplit -L makes them ID#N" {
	command -v jq > /dev/null || skip "no jq"
	[[ "$(cat "$BATS_TEST_DIRNAME/../README.md")" == *'    $ cut -f1 reviews.lines | sort | uniq -d'* ]]
	printf '%s\n' '{"id": "P1", "review": "A.[[MET-NEG], [EMP-NEG], [CRT], [MAJ]]"}' \
	    '{"id": "P2", "review": "B."}' '{"id": "P1", "review": "C.[[MET-NEG], [EMP-NEG], [CRT], [MAJ]]"}' > r.jsonl
	jq -r "$JQ_LINES" r.jsonl > reviews.lines
	assert_equal "$(cut -f1 reviews.lines | sort | uniq -d)" "P1"
	expect 0 "$(row P1 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row P1#2 1 MET-NEG EMP-NEG CRT MAJ C.)" \
	    "rsplit: reviews.lines:2: no annotations
rsplit: reviews.lines:3: review id 'P1' already names reviews.lines:1; this one is 'P1#2'" \
	    rsplit -N -L reviews.lines
}

# --- GNU parallel (SPEC 7): the recipes of README.md, "Scaling out"

need_parallel() {
	parallel --version 2>/dev/null | grep -q 'GNU parallel' ||
	    skip "no GNU parallel"
}

# par_is LINES BLOCK: the count of major aspects and the rows, split by
# parallel into blocks of BLOCK bytes, are the single run's byte for byte;
# the same through four parts made by split -n l/4 (as on a shared file
# system), through --sshlogin (here ':', this machine), with shares and
# the total (-p -t) merged from a part file per job, a cross-tab with
# its totals (-x -t -p) from a table per job, reviews per aspect
# (-d review) from the pairs the jobs count, and as Hadoop
# Streaming's mapper and reducer with sort(1) as the shuffle.  Sets
# $single and $jobs.
par_is() {
	local lines=$1 block=$2 par
	single=$(rsplit -L -q "$lines" | rfilter severity=MAJ | rcount aspect)
	par=$({ printf 'aspect\tcount\n'
		parallel --pipepart -a "$lines" --block "$block" -j 2 --joblog jobs \
		    'rsplit -L -N -q | rfilter -N severity=MAJ | rcount -N aspect'
	      } | rcount -w count aspect)
	assert_equal "$par" "$single"
	jobs=$(($(wc -l < jobs) - 1))
	par=$(parallel --pipe -k --block "$block" -j 2 'rsplit -L -N -q' < "$lines")
	assert_equal "$par" "$(rsplit -L -N -q "$lines")"
	split -n l/4 "$lines" part.
	par=$({ printf 'aspect\tcount\n'
		parallel -j 2 'rsplit -L -N -q {} | rfilter -N severity=MAJ | rcount -N aspect' ::: part.*
	      } | rcount -w count aspect)
	assert_equal "$par" "$single"
	par=$({ printf 'aspect\tcount\n'
		parallel --pipe --block "$block" -S 2/: \
		    'rsplit -L -N -q | rfilter -N severity=MAJ | rcount -N aspect' < "$lines"
	      } | rcount -w count aspect)
	assert_equal "$par" "$single"
	mkdir shares
	parallel --pipepart -a "$lines" --block "$block" -j 2 \
	    "rsplit -L -N -q | rfilter -N severity=MAJ | rcount -N -t aspect > shares/{#}"
	par=$(rcount -N -p -t -w 2 1 shares/*)
	assert_equal "$par" "$(rsplit -L -q "$lines" | rfilter severity=MAJ |
	    rcount -p -t aspect | sed 1d)"
	# A cross-tab's totals: the jobs write tables, -w total adds them.
	mkdir tables
	parallel --pipepart -a "$lines" --block "$block" -j 2 \
	    "rsplit -L -N -q | rcount -N -x -t function,severity > tables/{#}"
	par=$(rcount -x -t -p -w total function,severity tables/*)
	assert_equal "$par" "$(rsplit -L -q "$lines" | rcount -x -t -p function,severity)"
	# Reviews per aspect from pairs, whatever job a review is in.
	par=$({ printf 'review\taspect\tcount\n'
		parallel --pipepart -a "$lines" --block "$block" -j 2 \
		    'rsplit -L -N -q | rcount -N review,aspect'
	      } | rcount -p -t -d review aspect)
	assert_equal "$par" "$(rsplit -L -q "$lines" | rcount -p -t -d review aspect)"
	par=$(rsplit -L -N -q "$lines" | rfilter -N severity=MAJ | rcount -N aspect |
	    sort | rcount -N -w 2 1)
	assert_equal "$par" "$(printf '%s\n' "$single" | sed 1d)"
}

@test "parallel: examples/ in three jobs give the single run's count and rows, byte for byte" {
	need_parallel
	rsplit --to-lines "$EXAMPLES"/*.txt > ex.lines
	par_is ex.lines 1200 2> err
	assert_equal "$(cat err)" ""
	# Distinct ids: rcount -d review merges by addition too.
	par=$({ printf 'aspect\tcount\n'
		parallel --pipepart -a ex.lines --block 1200 -j 2 \
		    'rsplit -L -N -q | rcount -N -d review aspect'
	      } | rcount -w count aspect)
	assert_equal "$par" "$(rsplit -L -q ex.lines | rcount -d review aspect)"
	assert_equal "$par" "$(row aspect count)
$(row CMP 5)
$(row EMP 5)
$(row REC 5)
$(row CLA 4)
$(row NOV 3)
$(row PNF 3)
$(row SUB 2)
$(row IMP 1)"
	assert_equal "$jobs" 3
	assert_equal "$single" "$(row aspect count)
$(row EMP 7)
$(row REC 4)
$(row CMP 3)
$(row CLA 2)
$(row NOV 2)
$(row IMP 1)
$(row SUB 1)"
}

@test "parallel: the corpus as lines in blocks of 200 KB gives the single run's count and rows" {
	need_corpus
	need_parallel
	shopt -s dotglob
	# pra4 and pra2 share ids: converted together, they get unique ones.
	rsplit --to-lines "$CORPUS"/pra4/* "$CORPUS"/pra2/* > corpus.lines 2> /dev/null
	assert_equal "$(cut -f1 corpus.lines | sort | uniq -d)" ""
	par_is corpus.lines 200k 2> err
	assert_equal "$(cat err)" ""
	[ "$jobs" -gt 20 ] || fail "$jobs jobs"
	[ "$(printf '%s\n' "$single" | wc -l)" -gt 10 ] || fail "$single"
	# Reviews per aspect add up over the jobs only with unique ids.
	par=$({ printf 'aspect\tcount\n'
		parallel --pipepart -a corpus.lines --block 200k -j 2 \
		    'rsplit -L -N -q | rcount -N -d review aspect'
	      } | rcount -w count aspect)
	assert_equal "$par" "$(rsplit -L -q corpus.lines | rcount -d review aspect)"
	assert_equal "$(rsplit -L -N -q corpus.lines | cut -f1 | uniq | sort | uniq -d)" ""
}

# The scanners choose AVX2 at run time where the processor has it;
# RK_SIMD=sse2 keeps them to SSE2 (the portable loops: make
# check-portable).  Every version writes the same bytes.
@test "simd: RK_SIMD=sse2 writes what the default writes, on the corpus and the argu fixtures, files and lines" {
	need_corpus
	shopt -s dotglob
	rsplit --to-lines "$CORPUS"/pra4/* "$CORPUS"/pra2/* > corpus.lines 2> /dev/null
	rsplit --to-lines "$BATS_TEST_DIRNAME"/data/argu/* > argu.lines 2> /dev/null
	for mode in "-L corpus.lines" "--scheme argu -L argu.lines" \
	    "$CORPUS/pra4/*" "--scheme argu $BATS_TEST_DIRNAME/data/argu/*"; do
		rsplit $mode > default.out 2> default.err; s1=$?
		RK_SIMD=sse2 rsplit $mode > sse2.out 2> sse2.err; s2=$?
		[ -s default.out ] || fail "$mode: no output"
		cmp default.out sse2.out || fail "$mode: stdout differs"
		cmp default.err sse2.err || fail "$mode: stderr differs"
		assert_equal "$s2" "$s1"
	done
}

# A run of white space that fills a whole block of 32 bytes ended the
# AVX2 squeeze's count of the run at ctz(0), which is undefined (found
# by fuzz_lines under UBSan).
@test "simd: runs of 31 to 100 spaces, tabs and escaped newlines are one space, in either version" {
	local sp tb nl
	for n in 31 32 33 63 64 65 100; do
		sp=$(printf '%*s' "$n" '')
		tb=${sp// /$'\t'}
		nl=${sp// /\\n}
		printf 'R1\t"Long%sgap.%s Two%sgaps%shere.%s"\n' "$sp" "$M1" \
		    "$tb" "$nl" "$M2" > in.lines
		for simd in avx2 sse2; do
			RK_SIMD=$simd expect 0 "$(row R1 1 MET-NEG EMP-NEG CRT MAJ 'Long gap.')
$(row R1 2 PDI-POS NOV-POS APC MIN 'Two gaps here.')" "" rsplit -N -L in.lines
		done
	done
}
