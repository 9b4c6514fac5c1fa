#!/usr/bin/env bats
# rfilter: the rows for which expressions hold.

setup() {
	load helper
	load rows
}

filters_to() {
	outputs rfilter "$@"
}

@test "rfilter: F=V on a label field tests each item" {
	filters_to severity=MAJ "$H
$A
$B
$F"
}

@test "rfilter: F=V with a comma list means any of them" {
	filters_to severity=MIN,GEN "$H
$C
$D
$E
$F"
}

@test "rfilter: F=V is a glob; on other fields it tests the whole value" {
	filters_to 'text=*idea*' "$H
$B"
	filters_to 'review=R?' sentence=2 "$H
$B
$E"
	filters_to review=R "$H"
}

@test "rfilter: a code alone ignores polarity" {
	filters_to aspect=EMP "$H
$A
$C"
}

@test "rfilter: a code with polarity needs that exact item" {
	filters_to aspect=EMP-NEG "$H
$A"
}

@test "rfilter: aspect=*-NEG holds for any negative item" {
	filters_to 'aspect=*-NEG' "$H
$A
$C
$E"
}

@test "rfilter: aspect= holds for an empty list" {
	filters_to aspect= "$H
$D"
	filters_to aspect=,NOV "$H
$B
$D"
}

@test "rfilter: F!=V is not F=V" {
	filters_to aspect!=EMP "$H
$B
$D
$E
$F"
	filters_to aspect!= "$H
$A
$B
$C
$E
$F"
}

@test "rfilter: a backslash-escaped comma is part of a value" {
	printf '%s\n' $'k\tv' $'1\ta,b' $'2\ta' > comma.tsv
	expect 0 $'k\tv\n1\ta,b' "" rfilter 'v=a\,b' comma.tsv
}

@test "rfilter: F~RE and F!~RE are POSIX extended regular expressions" {
	filters_to 'text~^(Weak|Add) ' "$H
$A
$C"
	filters_to 'text!~[.]$' "$H
$E"
	filters_to 'aspect~EMP-(NEG|NEU)$' "$H
$A
$C"
}

@test "rfilter: F~RE tests a match anywhere, as one pass from the start: a long value that never matches, a ')' that is a character, a NUL byte before the match" {
	h=$'review\tsentence\tsection\taspect\tfunction\tseverity\ttext'
	{ printf '%s\nR\t1\t\t\t\t\t' "$h"; head -c 65536 /dev/zero | tr '\0' a
	  printf '\nR\t2\t\t\t\t\tx a)b y\n'; } > long.tsv
	expect 0 "$h" "" rfilter 'text~(a|aa)*c' long.tsv
	expect 0 "$h"$'\nR\t2\t\t\t\t\tx a)b y' "" rfilter 'text~a)b|^(a|aa)*$c' long.tsv
	expect 0 "$h"$'\nR\t2\t\t\t\t\tx a)b y' "" rfilter 'text~(a)\)b' long.tsv
	printf '%s\nR\t1\t\t\t\t\tz\0x ab\nR\t2\t\t\t\t\tz\0x b\n' "$h" > nul.tsv
	head -n 2 nul.tsv > want
	expect 0 "" "" bash -c "rfilter 'text~a+b' nul.tsv | cmp - want"
}

@test "rfilter: numeric comparisons" {
	filters_to 'sentence>2' "$H
$C
$F"
	filters_to 'sentence>=12' "$H
$F"
	filters_to 'sentence<2' "$H
$A
$D"
	filters_to 'sentence<=1.5e0' "$H
$A
$D"
	filters_to 'sentence>-1' 'sentence<+2.5' "$H
$A
$B
$D
$E"
}

@test "rfilter: a value that is no number never compares" {
	filters_to 'text<1000' "$H"
	filters_to -v 'text>=0' "$H
$A
$B
$C
$D
$E
$F"
}

@test "rfilter: numbers compare as numbers, not as strings" {
	printf '%s\n' n 9 10 1e1 0.5 -3 ' 4' nan inf 0x10 '' > num.tsv
	expect 0 $'n\n9\n10\n1e1' "" rfilter 'n>=9' num.tsv
}

@test "rfilter: expressions are ANDed; -o ORs them" {
	filters_to severity=MAJ function=APC "$H
$B"
	filters_to -o function=APC aspect=CMP "$H
$B
$E"
	filters_to --or function=APC aspect=CMP "$H
$B
$E"
}

@test "rfilter: -v negates the whole" {
	filters_to -v severity=MAJ function=APC "$H
$A
$C
$D
$E
$F"
	filters_to --invert -o severity=MAJ aspect= "$H
$C
$E"
}

@test "rfilter: -i compares without case in =, globs and regexes" {
	filters_to -i severity=maj,gen "$H
$A
$B
$D
$F"
	filters_to --ignore-case 'aspect=emp-neg' "$H
$A"
	filters_to -i 'text=*IDEA*' "$H
$B"
	filters_to -i 'text~^weak' "$H
$A"
	filters_to 'text~^weak' "$H"
}

@test "rfilter: -i applies to expressions given before it" {
	filters_to severity=gen -i "$H
$D
$F"
}

@test "rfilter: -e gives an expression explicitly" {
	filters_to -e severity=MAJ --expr function=APC "$H
$B"
}

@test "rfilter: the first argument that is no expression is the first file" {
	expect 0 "$H
$D
$D" "" \
	    rfilter function=SMY in.tsv in.tsv
}

@test "rfilter: -- ends the expressions" {
	cp in.tsv 'x=y.tsv'
	expect 0 "$H
$D" "" \
	    rfilter function=SMY -- x=y.tsv
	expect 2 "" \
	    "rfilter: unknown field 'x'
rfilter: the fields are: review sentence section aspect function severity text" \
	    rfilter function=SMY x=y.tsv
}

@test "rfilter: options may follow the operands" {
	filters_to function=SMY,DIS -v "$H
$A
$B
$C
$E"
}

@test "rfilter: a field may be given by number" {
	filters_to 6=MAJ 2=1 "$H
$A"
}

@test "rfilter: -N reads rows without a header and writes none" {
	tail -n +2 in.tsv > nohdr.tsv
	expect 0 "$D
$F" "" \
	    rfilter -N severity=GEN nohdr.tsv
	expect 0 "$E" "" rfilter --no-header 7~Y nohdr.tsv
}

@test "rfilter: several inputs, one header; standard input as -" {
	expect 0 "$H
$B
$B" "" \
	    rfilter aspect=NOV in.tsv - < in.tsv
}

@test "rfilter: with no FILE it reads standard input" {
	expect 0 "$H
$B" "" \
	    rfilter aspect=NOV < in.tsv
}

@test "rfilter: an empty input gives nothing" {
	: > empty.tsv
	expect 0 "" "" rfilter aspect=NOV empty.tsv
}

@test "rfilter: a header that differs is an error naming the file" {
	printf '%s\n' $'review\tsentence' $'R9\t1' > other.tsv
	expect 1 "$H
$B
$B" "rfilter: other.tsv: header differs from that of in.tsv" \
	    rfilter aspect=NOV in.tsv other.tsv in.tsv
}

@test "rfilter: a missing input is reported, the others processed" {
	expect 1 "$H
$B
$B" "rfilter: missing.tsv: No such file or directory" \
	    rfilter aspect=NOV in.tsv missing.tsv in.tsv
}

@test "rfilter: a directory is an unreadable input" {
	mkdir dir
	expect 1 "$H
$B" "rfilter: dir: Is a directory" \
	    rfilter aspect=NOV dir in.tsv
}

@test "rfilter: a short row is an error at FILE:LINE" {
	printf '%s\n' "$H" "$A" $'R3\t1\tMET-NEG' "$B" > short.tsv
	expect 1 "$H
$A" "rfilter: short.tsv:3: row has no field 6 (severity)" \
	    rfilter severity=MAJ short.tsv
}

@test "rfilter: CRLF, a last line without LF and NUL bytes are read" {
	printf 'k\tv\r\n1\ta\0b\r\n2\tx\r\n3\ta\0c' > odd.tsv
	# stdout holds NUL bytes, which no shell variable can: od shows them.
	expect 0 @any "" rfilter 'v~^a' odd.tsv
	assert_equal "$(rfilter 'v~^a' odd.tsv | od -An -c | tr -s ' ')" \
	    "$(printf 'k\tv\n1\ta\0b\n3\ta\0c\n' | od -An -c | tr -s ' ')"
}

@test "rfilter: a long line is read whole" {
	long=$(head -c 300000 /dev/zero | tr '\0' x)
	printf 'k\tv\n1\t%s\n2\ty\n' "$long" > long.tsv
	expect 0 $'k\tv\n1\t'"$long" "" rfilter 'v~^x+$' long.tsv
}

@test "rfilter: no expression is a usage error" {
	expect 2 "" "rfilter: no expression given
usage: rfilter [-iNov] [-e EXPR] [--scheme S] [EXPR...] [--] [FILE...]" \
	    rfilter in.tsv
}

@test "rfilter: a bad option is a usage error" {
	expect 2 "" "rfilter: invalid option -- 'z'
usage: rfilter [-iNov] [-e EXPR] [--scheme S] [EXPR...] [--] [FILE...]" \
	    rfilter -z severity=MAJ in.tsv
}

@test "rfilter: an unknown field suggests the closest" {
	expect 2 "" \
	    "rfilter: unknown field 'aspet'; did you mean 'aspect'?
rfilter: the fields are: review sentence section aspect function severity text" \
	    rfilter aspet=EMP in.tsv
}

@test "rfilter: two letters swapped in a field name are one edit from it" {
	expect 2 "" "rfilter: unknown field 'reivew'; did you mean 'review'?
rfilter: the fields are: review sentence section aspect function severity text" \
	    rfilter reivew=R1 in.tsv
}

@test "rfilter: a field number beyond the header is a usage error" {
	expect 2 "" \
	    "rfilter: field number 9 is too large (the input has 7 fields)" \
	    rfilter 9=x in.tsv
}

@test "rfilter: a bad regex shows where it is" {
	expect 2 "" "rfilter: bad expression at column 6: Unmatched ( or \\(
  text~(a
       ^" \
	    rfilter 'text~(a' in.tsv
}

@test "rfilter: a bad number shows where it is" {
	expect 2 "" "rfilter: bad expression at column 11: expected a number
  sentence>=2x
            ^" \
	    rfilter 'sentence>=2x' in.tsv
	expect 2 "" "rfilter: bad expression at column 10: expected a number
  sentence<
           ^" \
	    rfilter -e 'sentence<' in.tsv
}

@test "rfilter: a bad operator or a missing field name shows where" {
	expect 2 "" "rfilter: bad expression at column 7: expected != or !~
  aspect!EMP
        ^" \
	    rfilter 'aspect!EMP' in.tsv
	expect 2 "" "rfilter: bad expression at column 1: expected a field name before the operator
  =EMP
  ^" \
	    rfilter '=EMP' in.tsv
	expect 2 "" "rfilter: bad expression at column 7: expected an operator (= != ~ !~ < <= > >=)
  aspect
        ^" \
	    rfilter -e aspect in.tsv
}

@test "rfilter: a write error is reported" {
	expect 1 "" "rfilter: write error: No space left on device" \
	    bash -c 'rfilter severity=MAJ in.tsv > /dev/full'
}

@test "rfilter: a closed pipe ends it quietly" {
	expect 0 $'R\t1\t\t\t\t\tx\n141' "" \
	    bash -c 'yes "$(printf "R\t1\t\t\t\t\tx")" | head -n 500000 |
	    rfilter -N review=R | head -n 1; echo "${PIPESTATUS[2]}"'
}

@test "rfilter: --version and --help" {
	expect 0 "rfilter (reviewkit) 0.1.0" "" rfilter --version
	expect 0 "rfilter (reviewkit) 0.1.0" "" rfilter -V
	# The help is rfilter(1)'s in short; its first line is the synopsis.
	expect 0 @any "" rfilter --help
	assert_equal "${lines[0]}" "usage: rfilter [-iNov] [-e EXPR] [--scheme S] [EXPR...] [--] [FILE...]"
	expect 0 "$output" "" rfilter -h
}

@test "rfilter: corpus: E and -v E partition the rows" {
	need_corpus
	rsplit -q "$CORPUS"/pra4/* > all.tsv
	for e in severity=MAJ 'aspect=*-NEG' aspect= 'section=MET,EXP' \
	    'text~[0-9]' 'sentence>10' 'function!=SMY'; do
		rfilter "$e" all.tsv > yes.tsv
		rfilter -v "$e" all.tsv > no.tsv
		y=$(($(wc -l < yes.tsv) - 1))
		n=$(($(wc -l < no.tsv) - 1))
		assert_equal "$((y + n))" "$(($(wc -l < all.tsv) - 1))"
		[ "$y" -gt 0 ] && [ "$n" -gt 0 ]
		assert_equal "$(cat yes.tsv <(tail -n +2 no.tsv) | sort | cksum)" \
		    "$(sort all.tsv | cksum)"
	done
}

@test "rfilter: corpus: severity=MAJ agrees with awk on items" {
	need_corpus
	rsplit -q "$CORPUS"/pra4/* > all.tsv
	expect 0 "$(awk -F'\t' 'NR == 1 || ("," $6 ",") ~ /,MAJ,/' all.tsv)" "" \
	    rfilter severity=MAJ all.tsv
}

# Friction (issue 12): saying what is wrong.

U='usage: rfilter [-iNov] [-e EXPR] [--scheme S] [EXPR...] [--] [FILE...]'

@test "rfilter: spaces around the operator are named" {
	assert_usage_error "rfilter: no expression given: write 'severity = MAJ' without spaces, as severity=MAJ" "$U" \
	    rfilter severity = MAJ in.tsv
	assert_usage_error "rfilter: no expression given: write 'severity =MAJ' without spaces, as severity=MAJ" "$U" \
	    rfilter severity =MAJ in.tsv
	assert_usage_error "rfilter: no expression given: write 'aspect != EMP' without spaces, as aspect!=EMP" "$U" \
	    rfilter aspect != EMP
}

@test "rfilter: a first operand that is neither file nor expression is named" {
	assert_usage_error "rfilter: no expression given: 'severity' has no operator (= != ~ !~ < <= > >=) and is no file" "$U" \
	    rfilter severity in.tsv
	assert_usage_error "rfilter: no expression given" "$U" \
	    rfilter in.tsv
}

@test "rfilter: an expression after the first file is named" {
	assert_usage_error "rfilter: no expression given: expressions come before files, and 'severity=MAJ' follows the file in.tsv" "$U" \
	    rfilter in.tsv severity=MAJ
}

@test "rfilter: a headerless input without -N: the first line is named a data row" {
	tail -n +2 in.tsv > nohdr.tsv
	expect 2 "" \
	    "rfilter: unknown field 'severity': the first line of nohdr.tsv looks like a data row, not a header (field 2 is '1'); for input without a header, use -N" \
	    rfilter severity=MAJ nohdr.tsv
	expect 0 "$A
$B
$F" "" \
	    rfilter -N severity=MAJ nohdr.tsv
}

@test "rfilter: an annotated review as input: rsplit is suggested" {
	printf '%s' '"Weak results.[[RES-NEG], [EMP-NEG], [CRT], [MAJ]] Nice idea.[[PDI-POS], [NOV-POS], [APC], [MAJ]]"' > R1.txt
	printf 'Plain text, no tab.[[RES-NEG], [EMP-NEG], [CRT], [MAJ]]\n' > R2.txt
	for f in R1.txt R2.txt; do
		expect 2 "" \
		    "rfilter: unknown field 'severity': $f is no review TSV but an annotated review; rsplit makes review TSV of it" \
		    rfilter severity=MAJ "$f"
	done
}

# Values the scheme cannot hold: a warning, the meaning unchanged.

# warns EXPR... WARNING: rfilter EXPR... in.tsv writes only the header,
# exactly WARNING on stderr, and exits 0.
warns() {
	local args=("${@:1:$#-1}") want=${!#}
	expect 0 "$H" "$want" rfilter "${args[@]}" in.tsv
}

@test "rfilter: a value in the wrong case: did you mean" {
	warns severity=maj "rfilter: severity=maj: 'maj' is no code of severity; did you mean 'MAJ'?"
	warns aspect=emp-neg "rfilter: aspect=emp-neg: 'emp-neg' is no item of aspect; did you mean 'EMP-NEG'?"
}

@test "rfilter: -i takes a value in any case without a warning" {
	outputs rfilter -i severity=maj "$H
$A
$B
$F"
}

@test "rfilter: a misspelt code: the closest one" {
	warns severity=MJA "rfilter: severity=MJA: 'MJA' is no code of severity; did you mean 'MAJ'?"
	warns aspect=CMPP "rfilter: aspect=CMPP: 'CMPP' is no code of aspect; did you mean 'CMP'?"
	warns aspect=XYZW "rfilter: aspect=XYZW: 'XYZW' is no code of aspect"
}

@test "rfilter: _ for -, and a misspelt polarity" {
	warns aspect=EMP_NEG "rfilter: aspect=EMP_NEG: 'EMP_NEG' is no item of aspect; did you mean 'EMP-NEG'?"
	warns aspect=EMP-NGE "rfilter: aspect=EMP-NGE: 'EMP-NGE' is no item of aspect; did you mean 'EMP-NEG'?"
	warns section=MET-XX "rfilter: section=MET-XX: 'MET-XX' is no item of section"
}

@test "rfilter: a code of another layer, a polarity where none belongs" {
	warns aspect=MET "rfilter: aspect=MET: 'MET' is a code of section, not of aspect"
	warns severity=MAJ-NEG "rfilter: severity=MAJ-NEG: the codes of severity take no polarity; did you mean 'MAJ'?"
}

@test "rfilter: == and a number on a label field" {
	warns aspect==EMP "rfilter: aspect==EMP: '=' is written once: aspect=EMP"
	warns 'aspect>3' "rfilter: aspect>3: aspect is a label field, a list of codes, never a number"
}

@test "rfilter: each alternative is checked; != too; the rows keep the meaning" {
	expect 0 "$H
$A
$C" \
	    "rfilter: aspect=EMP,CMPP: 'CMPP' is no code of aspect; did you mean 'CMP'?" \
	    rfilter aspect=EMP,CMPP in.tsv
	expect 0 "$H
$B
$C
$E
$F" \
	    "rfilter: severity!=MJA: 'MJA' is no code of severity; did you mean 'MAJ'?" \
	    rfilter severity!=MJA 'sentence>1' in.tsv
}

@test "rfilter: globs, empty lists, CNT, other fields and regexes are not checked" {
	outputs rfilter 'aspect=*-NEG' "$H
$A
$C
$E"
	outputs rfilter 'aspect=E*' "$H
$A
$C"
	outputs rfilter aspect= "$H
$D"
	outputs rfilter aspect=CNT "$H
$F"
	outputs rfilter review=maj 'aspect~^xyz' "$H"
}

@test "rfilter --scheme argu: values are checked against that scheme" {
	printf 'review\tsentence\tclarity\tjustification\ttext\nR1\t1\tCLA-POS\tJUS-NEG\tFine.\n' > argu.tsv
	expect 0 "$(head -2 argu.tsv)" "" \
	    rfilter --scheme argu clarity=CLA-POS argu.tsv
	expect 0 "$(head -1 argu.tsv)" \
	    "rfilter: clarity=cla-pos: 'cla-pos' is no item of clarity; did you mean 'CLA-POS'?
rfilter: clarity=JUS: 'JUS' is a code of justification, not of clarity
rfilter: clarity=CLA-MIX: 'CLA-MIX' is no item of clarity
rfilter: justification=JSU: 'JSU' is no code of justification; did you mean 'JUS'?" \
	    rfilter --scheme argu clarity=cla-pos clarity=JUS clarity=CLA-MIX justification=JSU argu.tsv
}

@test "rfilter: under argu, pra's layers are ordinary fields, never checked" {
	# A header with a layer of argu is not contradicted by --scheme argu.
	printf 'review\tclarity\taspect\tseverity\nR1\tCLA-POS\tEMP-NEG\tMAJ\n' > mixed.tsv
	expect 0 $'review\tclarity\taspect\tseverity' "" \
	    rfilter --scheme argu severity=MJA mixed.tsv
	REVIEWKIT_SCHEME=argu expect 0 $'review\tclarity\taspect\tseverity' "" \
	    rfilter 'aspect>3' mixed.tsv
}

# A header repeated mid-stream (lib/tsvin.c) is skipped with one warning.

@test "rfilter: a header repeated mid-stream is no row, with one warning" {
	cat in.tsv in.tsv in.tsv > three.tsv
	expect 0 "$H
$D
$F
$D
$F
$D
$F" \
	    "rfilter: three.tsv:8: the header again; skipped here and wherever it repeats" \
	    rfilter severity=GEN three.tsv
	expect 0 "$H" \
	    "rfilter: three.tsv:8: the header again; skipped here and wherever it repeats" \
	    rfilter -v 'sentence>0' three.tsv
}

# --- Patterns by characters of UTF-8 (issue 23, finding 4)

# Rows whose text is Café, Cafe, Caf and an invalid byte, Caf, a
# four-byte character, and é made of e and a combining accent (two).
utf8_rows() {
	printf 'review\ttext\n'
	printf 'R%s\t%s\n' 1 'Café' 2 Cafe 3 $'Caf\351' 4 Caf 5 $'Caf\360\237\230\200' 6 $'Cafe\314\201'
}

# matches EXPR REVIEW...: rfilter EXPR gives the header and those rows,
# in the C locale and in C.UTF-8 alike.
matches() {
	local expr=$1 want loc
	shift
	want=$(utf8_rows | grep -E "^(review|$(IFS='|'; echo "$*"))"$'\t')
	for loc in C C.UTF-8; do
		expect 0 "$want" "" env LC_ALL=$loc rfilter "$expr" u.tsv
	done
}

@test "rfilter: ?, [...] and . match one UTF-8 character, whatever the locale (issue 23)" {
	utf8_rows > u.tsv
	matches 'text=Caf?' R1 R2 R3 R5
	matches 'text=Caf??' R6
	matches 'text=Caf[éè]' R1
	matches 'text=Caf[!e]' R1 R3 R5
	matches 'text=Caf[à-ê]' R1
	matches 'text~^Caf.$' R1 R2 R3 R5
	matches 'text~^Caf[^e]$' R1 R3 R5
	matches 'text~^Caf\W$' R1 R3 R5
	matches 'text~^Caf[éè]$' R1
	matches 'text~^Caf.{2}$' R6
	# A repetition takes the whole character, not its last byte.
	matches 'text~^Café+$' R1
	matches 'text~^Caf(é|e)?$' R1 R2 R4
	# An invalid byte is one character, matched as itself.
	matches "$(printf 'text=Caf[\351]')" R3
	matches "$(printf 'text~^Caf\351$')" R3
	matches 'text~^.{4}$' R1 R2 R3 R5
}

@test "rfilter: -i folds ASCII letters in UTF-8 patterns, not others (issue 23)" {
	utf8_rows > u.tsv
	expect 0 "$(utf8_rows | sed -n '1,4p;6p')" "" rfilter -i 'text=CAF?' u.tsv
	expect 0 "$(utf8_rows | sed -n '1,2p' | sed 's/é/É/')" "" rfilter -i 'text~^cAF[É]$' - < <(utf8_rows | sed 's/é/É/')
	expect 0 "$(utf8_rows | sed -n 1p)" "" rfilter -i 'text~^caf[É]$' u.tsv
}

@test "rfilter: a '-' in a bracket expression is a range, not the whole-item rule (issue 23)" {
	printf '%s\n' section MET-NEG LET MAT-POS NET > s.tsv
	expect 0 $'section\nMET-NEG\nLET\nNET' "" rfilter 'section=[L-N]ET' s.tsv
	expect 0 $'section\nMET-NEG\nMAT-POS' "" rfilter 'section=M[A-E]T' s.tsv
	# A '-' outside the brackets still tests whole items.
	expect 0 $'section\nMET-NEG' "" rfilter 'section=M[A-E]T-NEG' s.tsv
	expect 0 $'section\nMAT-POS' "" rfilter 'section=*[!E]T-*' s.tsv
}

@test "rfilter: a pattern ending in a lone backslash, or a bracket that cannot be, is a usage error (issue 23)" {
	printf '%s\n' text 'a\' a '[a' > b.tsv
	expect 2 "" "rfilter: bad expression at column 7: Trailing backslash
  text=a\\
        ^" rfilter 'text=a\' b.tsv
	expect 2 "" "rfilter: bad expression at column 9: Trailing backslash
  text=x,a\\
          ^" rfilter 'text=x,a\' b.tsv
	expect 2 "" "rfilter: bad expression at column 6: Trailing backslash
  text~a\\
       ^" rfilter 'text~a\' b.tsv
	expect 0 $'text\na\\' "" rfilter 'text=a\\' b.tsv
	expect 0 $'text\n[a' "" rfilter 'text=[a' b.tsv
	expect 2 "" "rfilter: bad expression at column 6: Invalid range end
  text=[z-a]
       ^" rfilter 'text=[z-a]' b.tsv
	expect 2 "" "rfilter: bad expression at column 6: Invalid range end
  text~[ü-é]
       ^" rfilter 'text~[ü-é]' b.tsv
	expect 2 "" "rfilter: bad expression at column 8: Invalid character class name
  text=a*[[:letter:]]
         ^" rfilter 'text=a*[[:letter:]]' b.tsv
}

# Another scheme's header mid-stream was a row: argu's rows went out
# under pra's header, status 0.
@test "rfilter: a header of other columns mid-stream stops it, after the rows before" {
	printf '%s\n' $'review\tsentence\tclarity\tjustification\tdepth\tfairness\tconstructiveness\tengagement\taccuracy\tconsistency\tnovelty\tethics\ttext' \
	    $'P1\t1\tCLA-POS\tJUS-NEG\tDEP-NEG\tFAI-POS\tCON-POS\tENG-NEG\tACC-POS\tCST-POS\tNOV-NEG\tETH-NEU\tFine.' > other.tsv
	expect 1 "$H
$C
$D
$E" "rfilter: -:8: a header other than that of -:1, of inputs run together; give each input as a file of its own" \
	    bash -c 'cat in.tsv other.tsv | rfilter -v severity=MAJ'
}

@test "rfilter(1) says what rfilter does with numbers, empty items, NUL and a repeated header (issue 23)" {
	printf '%s\n' $'score\taspect\ttext' $'9007199254740992\t,\ta' $'9007199254740991\t,,EMP\ta' > n.tsv
	expect 0 $'score\taspect\ttext\n9007199254740992\t,\ta' "" rfilter 'score>=9007199254740993' n.tsv
	expect 0 $'score\taspect\ttext\n9007199254740992\t,\ta' "" rfilter 'aspect=' n.tsv
	printf 'text\na\000b\n' > nul.tsv
	expect 0 "text" "" rfilter 'text~^a.b$' nul.tsv
	rfilter 'text~^a[^x]b$' nul.tsv > out.tsv
	cmp out.tsv nul.tsv
	expect 0 $'score\taspect\ttext\n9007199254740992\t,\ta\n9007199254740992\t,\ta' \
	    "rfilter: -:4: the header again; skipped here and wherever it repeats" \
	    rfilter 'score>9007199254740991' - < <(cat n.tsv n.tsv)
	man=$(tr '\n' ' ' < "$BATS_TEST_DIRNAME/../man/rfilter.1")
	[[ $man == *'Both are read as IEEE double-precision numbers, as awk reads them'* ]]
	[[ $man == *'one of empty items only .Pq Ql \&,'* ]]
	[[ $man == *'does not match a NUL byte'* ]]
	[[ $man == *'is skipped, with one warning for the run.'* ]]
	[[ $man == *"starts with the header's first two names but differs from it"* ]]
	[[ $man == *'Patterns read the stream as UTF-8, whatever the locale'* ]]
}

@test "rfilter: a rewritten regex is measured as regcomp sees it: .{1,1500} stays in, [^é]{1,1000} is too big (issue 23)" {
	printf '%s\n' text 'Café' > c.tsv
	expect 0 $'text\nCafé' "" rfilter 'text~^.{1,1500}$' c.tsv
	expect 0 $'text\nCafé' "" rfilter 'text~^[^,]{1,1000}$' c.tsv
	expect 0 $'text\nCafé' "" rfilter 'text~^[^é]{1,100}é$' c.tsv
	expect 2 "" "rfilter: bad expression at column 6: Regular expression too big
  text~^[^é]{1,1000}\$
       ^" rfilter 'text~^[^é]{1,1000}$' c.tsv
}
