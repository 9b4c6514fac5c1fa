#!/usr/bin/env bats
# Paths the other files did not reach (issue 14, make coverage): literal
# multi-byte UTF-8, \u escapes in upper case, invalid and \u0000, the
# regex checks of rfilter, the repeated header, short rows past the
# header, scheme faults, quoted names with control bytes, --scheme on
# every tool, and markers cut by the end of a read.

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
	HDR=$(printf 'review\tsentence\tsection\taspect\tfunction\tseverity\ttext')
	M4='[[MET-NEG], [EMP-NEG], [CRT], [MAJ]]'
	FFFD=$(printf '\357\277\275')
}

# --- rsplit: decoding

@test "coverage: rsplit keeps literal UTF-8 of two, three and four bytes" {
	fixture u8.txt '"Caf\303\251 \342\200\234ok\342\200\235 \360\237\230\200.%s"' "$M4"
	expect 0 "$HDR
u8	1	MET-NEG	EMP-NEG	CRT	MAJ	$(printf 'Caf\303\251 \342\200\234ok\342\200\235 \360\237\230\200.')" "" \
	    rsplit u8.txt
}

@test "coverage: rsplit: a bad UTF-8 continuation after a good lead byte is repaired" {
	fixture bad.txt '"a\342\200x \355\240\200 \360\217\200\200 \364\220\200\200.%s"' "$M4"
	expect 0 "$HDR
bad	1	MET-NEG	EMP-NEG	CRT	MAJ	a${FFFD}x ${FFFD}${FFFD}${FFFD} ${FFFD}${FFFD}${FFFD}${FFFD} ${FFFD}${FFFD}${FFFD}${FFFD}." \
	    "rsplit: bad.txt:1:3: invalid UTF-8 replaced by U+FFFD" \
	    rsplit bad.txt
}

@test "coverage: rsplit decodes \\u in upper and lower case; bad hex stays text; \\u0000 is U+FFFD" {
	fixture ux.txt '"A \\u00E9\\u00e9\\u00C9 \\u00Zz \\u0000 end.%s"' "$M4"
	expect 0 "$HDR
ux	1	MET-NEG	EMP-NEG	CRT	MAJ	A $(printf '\303\251\303\251\303\211') \\u00Zz $FFFD end." \
	    "rsplit: ux.txt:1:23: invalid escape kept as text: \\u
rsplit: ux.txt:1:30: NUL byte replaced by U+FFFD" \
	    rsplit ux.txt
}

@test "coverage: rsplit: a backslash or a short \\u at the end of the file stays text" {
	fixture bs.txt '"x\\'
	expect 0 "$HDR
bs	1					x\\" \
	    "rsplit: bs.txt:1:3: invalid escape kept as text: \\ at the end of the text
rsplit: bs.txt: no annotations" \
	    rsplit -a bs.txt
	fixture bs2.txt '"x\\u12'
	expect 0 "$HDR
bs2	1					x\\u12" \
	    "rsplit: bs2.txt:1:3: invalid escape kept as text: \\u
rsplit: bs2.txt: no annotations" \
	    rsplit -a bs2.txt
}

@test "coverage: rsplit: quotes inside the JSON string and brackets after them are text" {
	fixture q.txt '"He said "hi" [1] there.%s"' "$M4"
	expect 0 "$HDR
q	1	MET-NEG	EMP-NEG	CRT	MAJ	He said \"hi\" [1] there." \
	    "rsplit: q.txt:1:10: unescaped '\"' kept as text
rsplit: q.txt:1:13: unescaped '\"' kept as text" \
	    rsplit q.txt
}

# Writes f.txt: a JSON review whose first sentence is a's up to byte
# 1 MiB - $1 (the end of rsplit's first read), then MARKER, then TAIL.
cut_review() {
	{ printf '"'; head -c $((1048576 - $1 - 1)) /dev/zero | tr '\0' a
	  printf '%s%s"' "$2" "$3"; } > f.txt
}

@test "coverage: rsplit reads a marker whole wherever a read cuts it" {
	for k in $(seq 1 40); do
		cut_review "$k" "$M4" ' Next.[[RES-POS], [CLA-POS], [APC], [GEN]]'
		expect 0 "sentence	section	aspect	function	severity
1	MET-NEG	EMP-NEG	CRT	MAJ
2	RES-POS	CLA-POS	APC	GEN
$((1048576 - k - 1 + 12))" "" \
		    bash -c 'rsplit f.txt | cut -f 2-6; rsplit f.txt | cut -f 7 | wc -c'
	done
}

@test "coverage: rsplit reads a broken marker the same wherever a read cuts it" {
	for k in $(seq 1 48); do
		cut_review "$k" '[[EXP-NEG], [EMP-NEG], [CRT], [MAJ] Authors.' '[DAT-NEG,EXP-NEG], [EMP-NEG], [SUG], [MIN]] x'
		expect 0 "sentence	section	aspect	function	severity
1	EXP-NEG	EMP-NEG	CRT	MAJ
2	DAT-NEG,EXP-NEG	EMP-NEG	SUG	MIN
3				" \
		    "rsplit: f.txt:1:$((1048576 - k + 1)): marker not closed by ']]'
rsplit: f.txt:1:$((1048576 - k + 45)): marker opened by one '['" \
		    bash -c 'rsplit -a f.txt | cut -f 2-6'
	done
}

# --- --scheme on every tool

@test "coverage: rsplit and rfilter take --scheme argu" {
	fixture ar.txt '"Good review.[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]"'
	expect 0 "review	sentence	clarity	justification	depth	fairness	constructiveness	engagement	accuracy	consistency	novelty	ethics	text
ar	1	CLA-POS	JUS-NEG	DEP-NEG	FAI-POS	CON-POS	ENG-NEG	ACC-POS	CST-POS	NOV-NEG	ETH-NEU	Good review." "" \
	    rsplit --scheme argu ar.txt
	printf '%s\n' "$output" > ar.tsv
	expect 0 "$(cat ar.tsv)" "" \
	    rfilter --scheme argu clarity=CLA depth=*-NEG ar.tsv
	expect 0 "$(head -n 1 ar.tsv)" "" rfilter --scheme argu clarity=CLA-NEG ar.tsv
}

@test "coverage: rcount takes --scheme argu" {
	printf '%s\n' $'review\tsentence\tclarity\tdepth' $'R\t1\tCLA-POS\tDEP-NEG' $'R\t2\tCLA-NEG\tDEP-NEG' > ar.tsv
	expect 0 "clarity	depth	count
CLA-NEG	DEP-NEG	1
CLA-POS	DEP-NEG	1" "" \
	    rcount --scheme argu -k clarity,depth ar.tsv
}

@test "coverage: an empty REVIEWKIT_SCHEME means the default scheme" {
	REVIEWKIT_SCHEME= expect 0 "$(REVIEWKIT_SCHEME=pra rtags --list)" "" rtags --list
	assert_equal "$(printf '%s\n' "$output" | cut -f 1 | uniq | tr '\n' ' ')" "layer section aspect function severity any "
}

@test "coverage: an unknown scheme name and a missing scheme file are usage errors" {
	expect 2 "" \
	    "rtags: no scheme 'nosuch': the built-in schemes are pra, argu, and any other is a scheme file" \
	    rtags --scheme nosuch --list
	expect 2 "" "rtags: ./missing.tsv: No such file or directory" \
	    rtags --scheme ./missing.tsv --list
}

# --- scheme files

@test "coverage: a scheme file of 33 layers is refused" {
	{ printf 'layer\tcode\tname\tdescription\tpolarity\n'
	  for i in $(seq 33); do printf 'l%d\tC%d\tx\ty\tno\n' "$i" "$i"; done; } > s.tsv
	expect 2 "" "rtags: s.tsv:34: more than 32 layers" \
	    rtags --list --scheme s.tsv
}

@test "coverage: a NUL byte in a scheme file is refused" {
	printf 'layer\tcode\tname\tdescription\tpolarity\nsection\tAB\tx\ty\tno\nsection\tA\0B\tx\ty\tno\n' > s.tsv
	expect 2 "" "rtags: s.tsv:3: NUL byte" rtags --list --scheme s.tsv
}

@test "coverage: codes that are prefixes of each other are told apart" {
	printf 'layer\tcode\tname\tdescription\tpolarity\nsection\tABC\tx\ty\tno\nsection\tAB\tx\ty\tno\naspect\tAB\tx\ty\tyes\n' > s.tsv
	expect 0 "$(cat s.tsv)" "" rtags --list --scheme s.tsv
	printf '%s\n' "$HDR" $'R\t1\tAB,ABC\tAB-POS\t\t\tx' > in.tsv
	expect 0 "review	sentence	layer	tag	problem" "" \
	    rtags --check --scheme s.tsv in.tsv
}

# --- reading review TSV

@test "coverage: a line equal to the header is skipped, with one warning" {
	printf 'review\tx\nR\t1\nreview\tx\nR\t2\nreview\tx\n' > rep.tsv
	expect 0 "review	x
R	1
R	2" \
	    "rfilter: rep.tsv:3: the header again; skipped here and wherever it repeats" \
	    rfilter x=1,2 rep.tsv
}

@test "coverage: an empty first input gives its turn to the next for the header" {
	: > empty.tsv
	printf '%s\n' "$HDR" $'R\t1\tMET-NEG\tEMP-NEG\tCRT\tMIN\ta' $'R\t2\tMET-NEG\tEMP-NEG\tCRT\tMAJ\tb' > in.tsv
	expect 0 "$HDR
R	2	MET-NEG	EMP-NEG	CRT	MAJ	b" "" \
	    rfilter severity=MAJ empty.tsv in.tsv
}

@test "coverage: with -N, a field past the default names that a row lacks is an error" {
	printf 'a\tb\n' > n.tsv
	expect 1 "" "rfilter: n.tsv:1: row has no field 9" rfilter -N 9=x n.tsv
	expect 1 "" "rcount: n.tsv:1: row has no field 9" rcount -N 9 n.tsv
}

@test "coverage: field names are listed with control bytes escaped and long ones cut" {
	printf 'A\rb\001c\tx\n1\t2\n' > h.tsv
	expect 2 "" "rfilter: unknown field 'nosuch'
rfilter: the fields are: A\\rb\\001c x" \
	    rfilter nosuch=1 h.tsv
	printf 'x%s\ty\n1\t2\n' "$(printf '\303\251%.0s' $(seq 30))" > h.tsv
	expect 2 "" "rfilter: unknown field 'nosuch'
rfilter: the fields are: x$(printf '\303\251%.0s' $(seq 23))... (61 bytes) y" \
	    rfilter nosuch=1 h.tsv
}

@test "coverage: rtags quotes an unknown layer with its TAB, LF and control bytes escaped" {
	printf '%s\n' "$HDR" > in.tsv
	expect 2 "" "rtags: unknown layer 'a\\tb\\nc\\001$(printf '\303\251')'
rtags: the layers are: section aspect function severity
usage: rtags [-aN] [-l LAYERS] [--names] [--scheme S] [FILE...]
       rtags --check [-N] [-l LAYERS] [--scheme S] [FILE...]
       rtags --list [-N] [--scheme S]" \
	    rtags -l $'a\tb\nc\001\303\251' in.tsv
}

# --- rfilter: expressions

@test "coverage: rfilter -i folds upper case in the value and in the field" {
	printf '%s\n' "$HDR" $'R\t1\tMET-NEG\tEMP-NEG\tCRT\tmaj\ta' $'R\t2\tMET-NEG\tEMP-NEG\tCRT\tMAJ\tb' $'R\t3\tMET-NEG\tEMP-NEG\tCRT\tMIN\tc' > in.tsv
	expect 0 "$HDR
R	1	MET-NEG	EMP-NEG	CRT	maj	a
R	2	MET-NEG	EMP-NEG	CRT	MAJ	b" "" \
	    rfilter -i severity=MAJ in.tsv
	expect 0 "$HDR
R	1	MET-NEG	EMP-NEG	CRT	maj	a
R	2	MET-NEG	EMP-NEG	CRT	MAJ	b" "" \
	    rfilter -i severity=maj in.tsv
	expect 0 "$HDR
R	2	MET-NEG	EMP-NEG	CRT	MAJ	b" "" \
	    rfilter -i 'text=B' in.tsv
}

# re_is STATUS STDOUT STDERR EXPR: rfilter EXPR over re.tsv, a header and
# one row, writes exactly STDOUT and STDERR and exits with STATUS.  $ROW
# is the row; a regex that cannot compile gets its message, the
# expression and a caret under its column 6.
ROW=$'R\t1\tMET-NEG\tEMP-NEG\tCRT\tMAJ\tAb{c} x]y [:z bbb'
re_is() {
	printf '%s\n' "$HDR" "$ROW" > re.tsv
	expect "$1" "$2" "$3" rfilter "$4" re.tsv
}

# re_bad EXPR MESSAGE: rfilter EXPR is a usage error with regcomp's MESSAGE.
re_bad() {
	re_is 2 "" "rfilter: bad expression at column 6: $2
  $1
       ^" "$1"
}

@test "coverage: rfilter regexes: brackets with ], ^, classes and equivalents" {
	for e in 'text~[^]a]' 'text~x[]x]y' 'text~^[[:alpha:]]b' 'text~[[=b=]]{3}' 'text~[[.z.]]' 'text~b{1,}' 'text~\{c\}' \
	    'text~[^[:alpha:][:space:]{}:\[]'; do
		re_is 0 "$HDR
$ROW" "" "$e"
	done
	re_is 0 "$HDR" "" 'text~^[[:digit:]]'
	re_is 0 "$HDR" "" 'text~a)'
}

@test "coverage: rfilter regexes: an open bracket or interval is regcomp's error" {
	re_bad 'text~[abc' 'Unmatched [, [^, [:, [., or [='
	re_bad 'text~[[:alpha:]' 'Unmatched [, [^, [:, [., or [='
	re_bad 'text~b{x' 'Unmatched \{'
	re_bad 'text~b{1' 'Unmatched \{'
	re_bad 'text~{c}' 'Invalid preceding regular expression'
}

@test "coverage: rfilter regexes: intervals past RE_DUP_MAX and nested ones are too big" {
	for e in 'text~b{99999}' 'text~b{1,99999}' 'text~(a{1000}){1000}' 'text~((a{100}){100}){100}' 'text~(b{1,}){2000}'; do
		re_bad "$e" 'Regular expression too big'
	done
}

@test "coverage: rfilter numbers: a fraction without leading digit, signs, exponents" {
	printf '%s\n' "$HDR" $'R\t0.25\t\t\t\t\ta' $'R\t-300\t\t\t\t\tb' $'R\t1e\t\t\t\t\tc' $'R\t+2.5E1\t\t\t\t\td' > n.tsv
	expect 0 "$HDR
R	0.25					a
R	-300					b" "" \
	    rfilter 'sentence<.5' n.tsv
	expect 0 "$HDR
R	-300					b" "" \
	    rfilter 'sentence<-1e+2' n.tsv
	expect 0 "$HDR
R	+2.5E1					d" "" \
	    rfilter 'sentence>=25' n.tsv
	for e in 'sentence<1e' 'sentence<1x' 'sentence<e5' 'sentence<.' 'sentence<1e+' 'sentence<1.5.'; do
		expect 2 "" "rfilter: bad expression at column 10: expected a number
  $e
           ^" \
		    rfilter "$e" n.tsv
	done
}
