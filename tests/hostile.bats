#!/usr/bin/env bats
# Hostile names and values (SPEC 2.1, issue 21): whatever comes from
# outside reaches stderr with C0 and C1 controls, DEL and invalid UTF-8
# escaped (lib/msg.c), in every tool and every kind of message.

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
	unset REVIEWKIT_SCHEME
	# An OSC that sets the terminal's title, a CSI in its C1 form, DEL,
	# invalid UTF-8 (a stray byte, an overlong NUL, a surrogate) and a
	# newline followed by a dash: N as bytes, S as a message shows it.
	N=$'x\e]0;T\a\xc2\x9b\x7f\xff\xc0\x80\xed\xa0\x80\n-y'
	S='x\033]0;T\007\302\233\177\377\300\200\355\240\200\n-y'
	E=$'\e[31m'
	SE='\033[31m'
	HDR=$(row review sentence section aspect function severity text)
	M='[[MET-NEG], [EMP-NEG], [CRT], [MAJ]]'
	RAGREE_USAGE='usage: ragree [-ikN] [-l LAYERS] [-u FIELDS] [-n NAMES | -r F] [-g NAME]
              [--pairs] [--units] [--mean] [--order LIST] [--weights W]
              [--metric M] [--ci PCT [--boot N] [--seed S]] [--digits N]
              [--scheme S] FILE...
       ragree -x LAYER [-kN] [-u FIELDS] [-n NAMES | -r F] [--scheme S]
              FILE...'
}

@test "hostile: every tool names a missing file with its controls and bad bytes escaped" {
	expect 1 "" "rsplit: $S.txt: No such file or directory" \
	    rsplit -N -- "$N.txt"
	expect 1 "" "rfilter: $S.tsv: No such file or directory" \
	    rfilter aspect=EMP -- "$N.tsv"
	expect 1 "aspect	count" "rcount: $S.tsv: No such file or directory" \
	    rcount aspect -- "$N.tsv"
	expect 1 "" "rtags: $S.tsv: No such file or directory" \
	    rtags -- "$N.tsv"
	expect 1 "" "ragree: $S.1: No such file or directory
ragree: $S.2: No such file or directory
ragree: fewer than two rater files could be read" \
	    ragree -n a,b -- "$N.1" "$N.2"
}

@test "hostile: a message at FILE or FILE:LINE escapes the file name" {
	: > "$N.txt"
	expect 0 "" "rsplit: $S.txt: no annotations" rsplit -N -- "$N.txt"
	printf '%s\n%s\n' "$(row R1 "a $M")" "$(row R1 "b $M")" > "$N.lines"
	expect 0 "$(row R1 1 MET-NEG EMP-NEG CRT MAJ a)
$(row 'R1#2' 1 MET-NEG EMP-NEG CRT MAJ b)" \
	    "rsplit: $S.lines:2: review id 'R1' already names $S.lines:1; this one is 'R1#2'" \
	    rsplit -N -L -- "$N.lines"
	printf '%s\n%s\n' "$HDR" R1 > "$N.tsv"
	expect 1 "" "rcount: $S.tsv:2: row has no field 4 (aspect)" \
	    rcount aspect -- "$N.tsv"
	printf '%s\n%s\n' "$HDR" "$(row R1 1 MET-NEG EMP-NEG CRT MAJ t)" > a.tsv
	printf 'review\tother\n' > "$N.b.tsv"
	expect 1 "$HDR
$(row R1 1 MET-NEG EMP-NEG CRT MAJ t)" \
	    "rfilter: $S.b.tsv: header differs from that of a.tsv" \
	    rfilter aspect=EMP -- a.tsv "$N.b.tsv"
	cp a.tsv "$N.a.tsv"
	printf 'review\tother\n' > b.tsv
	expect 1 "$HDR
$(row R1 1 MET-NEG EMP-NEG CRT MAJ t)" \
	    "rfilter: b.tsv: header differs from that of $S.a.tsv" \
	    rfilter aspect=EMP -- "$N.a.tsv" b.tsv
	printf 'layer\tcode\n' > "$N.scheme"
	expect 2 "" "rtags: ./$S.scheme:1: the header must be: layer, code, name, description, polarity, TAB-separated" \
	    rtags --list --scheme "./$N.scheme"
	printf '%s\n%s\n' "$HDR" "$(row R1 1 MET-NEG EMP-NEG CRT MAJ t)" > "$N.r1"
	expect 2 "" "ragree: $S.r1: the header has no field 'nosuch'
ragree: the fields of $S.r1 are: review sentence section aspect function severity text" \
	    ragree -u nosuch -- "$N.r1" a.tsv
}

@test "hostile: the review ids of rsplit -L are escaped in its warnings" {
	printf '%s\n%s\n' "$(row "R$E" "a $M")" "$(row "R$E" "b $M")" > r.lines
	expect 0 "$(row "R$E" 1 MET-NEG EMP-NEG CRT MAJ a)
$(row "R$E#2" 1 MET-NEG EMP-NEG CRT MAJ b)" \
	    "rsplit: r.lines:2: review id 'R$SE' already names r.lines:1; this one is 'R$SE#2'" \
	    rsplit -N -L r.lines
}

@test "hostile: field names and values from the data are escaped" {
	printf '%s\t%s\n%s\t%s\n' "a$E" $'b\xff' R 1 > h.tsv
	expect 2 "" "rcount: unknown field 'nosuch'
rcount: the fields are: a$SE b\\377" \
	    rcount nosuch h.tsv
	printf 'review\tcount\nR\t1\xc2\x9b\n' > w.tsv
	expect 1 "" "rcount: w.tsv:2: weight '1\\302\\233' is not a non-negative integer" \
	    rcount -w count review w.tsv
}

@test "hostile: option arguments are escaped in every tool's usage errors" {
	expect 2 "" "rsplit: no scheme '$SE': the built-in schemes are pra, argu, and any other is a scheme file" \
	    rsplit --scheme "$E"
	expect 2 "" "rcount: unknown field '$SE'
rcount: the fields are: review sentence section aspect function severity text" \
	    rcount "$E" /dev/null
	expect 2 "" "rcount: -s takes count or key, not '$SE'" \
	    rcount -s "$E" aspect
	expect 2 "" "rcount: empty field name in FIELDS 'aspect,,$SE'" \
	    rcount aspect,,"$E"
	expect 2 "" "rfilter: unknown field '$SE'
rfilter: the fields are: review sentence section aspect function severity text" \
	    rfilter -N "$E=1" /dev/null
	# The caret stands under the character at the column as shown.
	expect 2 "" "rfilter: bad expression at column 6: Unmatched ( or \\(
  text~\033(
       ^" \
	    rfilter $'text~\e(' /dev/null
	expect 2 "" "rfilter: bad expression at column 4: expected != or !~
  \302\233\033!x
              ^" \
	    rfilter -e $'\xc2\x9b\e!x' /dev/null
	expect 2 "" "rtags: unknown layer '$SE'
rtags: the layers are: section aspect function severity
usage: rtags [-aN] [-l LAYERS] [--names] [--scheme S] [FILE...]
       rtags --check [-N] [-l LAYERS] [--scheme S] [FILE...]
       rtags --list [-N] [--scheme S]" \
	    rtags -l "$E" /dev/null
	expect 2 "" "ragree: raters 1 and 2 are both named '$SE'; name them with -n
$RAGREE_USAGE" \
	    ragree -n "$E,$E" a.tsv b.tsv
	expect 2 "" "ragree: unknown layer '$SE'
ragree: the layers are: section aspect function severity
$RAGREE_USAGE" \
	    ragree -n x,y -l "$E" /dev/null /dev/null
}

@test "hostile: getopt's messages for a bad option escape what was typed" {
	local U='usage: rsplit [-ajLNqr] [--strict] [--id NAME] [--scheme S] [FILE...]
       rsplit --to-lines [-q] [--strict] [--id NAME] [FILE...]'
	expect 2 "" "rsplit: invalid option -- '\\033'
$U" rsplit $'-\e'
	expect 2 "" "rsplit: invalid option -- '\\302'
$U" rsplit $'-q\xc2\x9b'
	expect 2 "" "rsplit: unrecognized option '--$SE'
$U" rsplit "--$E"
	expect 2 "" "rsplit: unrecognized option '--x=$SE'
$U" rsplit "--x=$E"
	expect 2 "" "rsplit: option '--strict' doesn't allow an argument
$U" rsplit "--str=$E"
	expect 2 "" "rsplit: option '--s' is ambiguous; possibilities: '--strict' '--scheme'
$U" rsplit --s
	expect 2 "" "rsplit: option '--id' requires an argument
$U" rsplit --id
	expect 2 "" "rtags: option requires an argument -- 'l'
usage: rtags [-aN] [-l LAYERS] [--names] [--scheme S] [FILE...]
       rtags --check [-N] [-l LAYERS] [--scheme S] [FILE...]
       rtags --list [-N] [--scheme S]" rtags -al
	expect 2 "" "rfilter: unrecognized option '--$SE'
usage: rfilter [-iNov] [-e EXPR] [--scheme S] [EXPR...] [--] [FILE...]" \
	    rfilter aspect=EMP "--$E"
	expect 2 "" "rcount: invalid option -- '\\177'
usage: rcount [-bkNptx] [-d F] [-s count|key] [-w F] [--scheme S] FIELDS
              [FILE...]" rcount $'-k\x7f' aspect
	expect 2 "" "ragree: unrecognized option '--$SE'
$RAGREE_USAGE" ragree "--$E" a b
}

@test "hostile: read errors, marker warnings, lone CRs, units and expressions escape too" {
	mkdir "$N.d"
	expect 1 "" "rsplit: $S.d: Is a directory" rsplit -N -- "$N.d"
	printf '"A.[[MET-NEG], [EMP-NEG], [CRT], [MAJ] B."' > "r$E.txt"
	expect 0 "$(row "r$E" 1 MET-NEG EMP-NEG CRT MAJ A.)" \
	    "rsplit: r$SE.txt:1:4: marker not closed by ']]'" rsplit -N -- "r$E.txt"
	printf 'R\ta\rb%s\n' "$M" > "$N.lines"
	expect 0 "$(row R 1 MET-NEG EMP-NEG CRT MAJ 'a b')" \
	    "rsplit: $S.lines:1:4: lone CR, read as white space (lines end at LF)" \
	    rsplit -N -L -- "$N.lines"
	printf '"A.%s"' "$M" > "$N.r.txt"
	expect 2 "" "rcount: unknown field 'nosuch': $S.r.txt is no review TSV but an annotated review; rsplit makes review TSV of it" \
	    rcount nosuch -- "$N.r.txt"
	printf '%s\n%s\n%s\n' "$HDR" "$(row R 1 '' '' '' '' t)" \
	    "$(row R 1 '' '' '' '' t)" > "$N.tsv"
	cp "$N.tsv" b.tsv
	expect 1 "" "ragree: $S.tsv:3: unit review 'R', sentence '1' given again; first at $S.tsv:2" \
	    ragree -- "$N.tsv" b.tsv
	expect 2 "" "rcount: field number 9$SE is invalid (the input has 7 fields)" \
	    rcount "9$E" b.tsv
	expect 0 "$HDR" "rfilter: severity=M\\177\\302\\233: 'M\\177\\302\\233' is no code of severity" \
	    rfilter $'severity=M\x7f\xc2\x9b' b.tsv
	expect 0 "$HDR" "rfilter: severity==MAJ\\033: '=MAJ\\033' is no code of severity" \
	    rfilter $'severity==MAJ\e' b.tsv
	expect 0 "$HDR" "rfilter: section=MET-\\033: 'MET-\\033' is no item of section" \
	    rfilter $'section=MET-\e' b.tsv
	printf 'layer\tcode\tname\tdescription\tpolarity\nseverity\tM\e\tx\ty\tno\n' > s.tsv
	expect 0 "$HDR" "rfilter: severity=M: 'M' is no code of severity; did you mean 'M\\033'?" \
	    rfilter --scheme ./s.tsv severity=M b.tsv
	local U='usage: rfilter [-iNov] [-e EXPR] [--scheme S] [EXPR...] [--] [FILE...]'
	expect 2 "" "rfilter: no expression given: write '$SE =x' without spaces, as $SE=x
$U" rfilter "$E" =x
	expect 2 "" "rfilter: no expression given: expressions come before files, and 'x=$SE' follows the file $S.tsv
$U" rfilter "$N.tsv" "x=$E"
	expect 2 "" "rfilter: no expression given: '$SE' has no operator (= != ~ !~ < <= > >=) and is no file
$U" rfilter "$E"
}

@test "hostile: a long name or value is cut to a marked prefix" {
	local a1022
	a1022=$(printf 'a%.0s' {1..1022})
	# 1022 bytes and a euro sign of 3: cut before the sign.
	expect 1 "" "rsplit: $a1022... (1025 bytes): File name too long" \
	    rsplit -N "$a1022"$'\xe2\x82\xac'
	expect 1 "" "rsplit: $a1022\\033\\033... (1025 bytes): File name too long" \
	    rsplit -N "$a1022"$'\e\e\e'
	# A C1 control that does not fit whole is left out whole.
	printf 'review\tcount\nR\tx%s\n' "$(printf '1%.0s' {1..46})"$'\xc2\x9b' > w.tsv
	expect 1 "" "rcount: w.tsv:2: weight 'x$(printf '1%.0s' {1..46})'... (49 bytes) is not a non-negative integer" \
	    rcount -w count review w.tsv
}

@test "hostile: files named like options are files when named ./*, as the man pages say" {
	mkdir d
	printf '"A.%s"' "$M" > d/-
	printf '"B.%s"' "$M" > d/--strict
	printf '"C.%s"' "$M" > d/-q
	cd d
	expect 0 "$(row - 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row --strict 1 MET-NEG EMP-NEG CRT MAJ B.)
$(row -q 1 MET-NEG EMP-NEG CRT MAJ C.)" "" rsplit -N ./*
	rsplit ./* > ../all.tsv
	expect 0 "$HDR
$(row --strict 1 MET-NEG EMP-NEG CRT MAJ B.)" "" \
	    rfilter text=B. -- ../all.tsv
	# A bare * takes two names for options (--strict and -q: quiet, yet
	# status 1 for the warning about empty standard input) and one for
	# standard input: no row.
	expect 1 "" "" rsplit -N * < /dev/null
	local page
	for page in rsplit rfilter rcount rtags ragree; do
		sed -n '/^\.Sh EXAMPLES/,/^\.Sh SEE ALSO/p' \
		    "$BATS_TEST_DIRNAME/../man/$page.1" | grep -q "^\.Dl \\$ $page .*\./\*" ||
		    fail "$page(1) shows no ./* example"
	done
}

@test "hostile: rsplit's refusal of a review of another scheme escapes the file name" {
	printf 'Fine.[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]' > "$N.txt"
	expect 1 "" "rsplit: $S.txt:1:6: the marker holds codes of scheme argu, not of pra; use --scheme argu" \
	    rsplit -N -q -- "$N.txt"
}

@test "hostile: a scheme file's bad layer name and duplicate code are escaped" {
	printf 'layer\tcode\tname\tdescription\tpolarity\nl%s\tAAA\tA\t\tyes\n' "$E" > s1.tsv
	expect 2 "" "rtags: ./s1.tsv:2: layer name 'l$SE' may hold only letters, digits, '_' and '.'" \
	    rtags --list --scheme ./s1.tsv
	printf 'layer\tcode\tname\tdescription\tpolarity\nl1\tA%sA\tA\t\tyes\nl1\tA%sA\tB\t\tyes\n' "$E" "$E" > s2.tsv
	expect 2 "" "rtags: ./s2.tsv:3: duplicate code 'A${SE}A' (line 2 has it in layer l1)" \
	    rtags --list --scheme ./s2.tsv
}
