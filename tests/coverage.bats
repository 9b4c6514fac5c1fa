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
	run2 rsplit u8.txt
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "$HDR
u8	1	MET-NEG	EMP-NEG	CRT	MAJ	$(printf 'Caf\303\251 \342\200\234ok\342\200\235 \360\237\230\200.')"
}

@test "coverage: rsplit: a bad UTF-8 continuation after a good lead byte is repaired" {
	fixture bad.txt '"a\342\200x \355\240\200 \360\217\200\200 \364\220\200\200.%s"' "$M4"
	run2 rsplit bad.txt
	assert_equal "$status" 0
	assert_equal "$stderr" "rsplit: bad.txt:1:3: invalid UTF-8 replaced by U+FFFD"
	assert_equal "$output" "$HDR
bad	1	MET-NEG	EMP-NEG	CRT	MAJ	a${FFFD}x ${FFFD}${FFFD}${FFFD} ${FFFD}${FFFD}${FFFD}${FFFD} ${FFFD}${FFFD}${FFFD}${FFFD}."
}

@test "coverage: rsplit decodes \\u in upper and lower case; bad hex stays text; \\u0000 is U+FFFD" {
	fixture ux.txt '"A \\u00E9\\u00e9\\u00C9 \\u00Zz \\u0000 end.%s"' "$M4"
	run2 rsplit ux.txt
	assert_equal "$status" 0
	assert_equal "$stderr" "rsplit: ux.txt:1:23: invalid escape kept as text: \\u
rsplit: ux.txt:1:30: NUL byte replaced by U+FFFD"
	assert_equal "$output" "$HDR
ux	1	MET-NEG	EMP-NEG	CRT	MAJ	A $(printf '\303\251\303\251\303\211') \\u00Zz $FFFD end."
}

@test "coverage: rsplit: a backslash or a short \\u at the end of the file stays text" {
	fixture bs.txt '"x\\'
	run2 rsplit -a bs.txt
	assert_equal "$status" 0
	assert_equal "$stderr" "rsplit: bs.txt:1:3: invalid escape kept as text: \\ at the end of the text
rsplit: bs.txt: no annotations"
	assert_equal "$output" "$HDR
bs	1					x\\"
	fixture bs2.txt '"x\\u12'
	run2 rsplit -a bs2.txt
	assert_equal "$status" 0
	assert_equal "$stderr" "rsplit: bs2.txt:1:3: invalid escape kept as text: \\u
rsplit: bs2.txt: no annotations"
	assert_equal "$output" "$HDR
bs2	1					x\\u12"
}

@test "coverage: rsplit: quotes inside the JSON string and brackets after them are text" {
	fixture q.txt '"He said "hi" [1] there.%s"' "$M4"
	run2 rsplit q.txt
	assert_equal "$status" 0
	assert_equal "$stderr" "rsplit: q.txt:1:10: unescaped '\"' kept as text
rsplit: q.txt:1:13: unescaped '\"' kept as text"
	assert_equal "$output" "$HDR
q	1	MET-NEG	EMP-NEG	CRT	MAJ	He said \"hi\" [1] there."
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
		run2 bash -c 'rsplit f.txt | cut -f 2-6; rsplit f.txt | cut -f 7 | wc -c'
		assert_equal "$status" 0
		assert_equal "$stderr" ""
		assert_equal "$output" "sentence	section	aspect	function	severity
1	MET-NEG	EMP-NEG	CRT	MAJ
2	RES-POS	CLA-POS	APC	GEN
$((1048576 - k - 1 + 12))"
	done
}

@test "coverage: rsplit reads a broken marker the same wherever a read cuts it" {
	for k in $(seq 1 48); do
		cut_review "$k" '[[EXP-NEG], [EMP-NEG], [CRT], [MAJ] Authors.' '[DAT-NEG,EXP-NEG], [EMP-NEG], [SUG], [MIN]] x'
		run2 bash -c 'rsplit -a f.txt | cut -f 2-6'
		assert_equal "$status" 0
		assert_equal "$stderr" "rsplit: f.txt:1:$((1048576 - k + 1)): marker not closed by ']]'
rsplit: f.txt:1:$((1048576 - k + 45)): marker opened by one '['"
		assert_equal "$output" "sentence	section	aspect	function	severity
1	EXP-NEG	EMP-NEG	CRT	MAJ
2	DAT-NEG,EXP-NEG	EMP-NEG	SUG	MIN
3				"
	done
}

# --- --scheme on every tool

@test "coverage: rsplit and rfilter take --scheme argu" {
	fixture ar.txt '"Good review.[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]"'
	run2 rsplit --scheme argu ar.txt
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "review	sentence	clarity	justification	depth	fairness	constructiveness	engagement	accuracy	consistency	novelty	ethics	text
ar	1	CLA-POS	JUS-NEG	DEP-NEG	FAI-POS	CON-POS	ENG-NEG	ACC-POS	CST-POS	NOV-NEG	ETH-NEU	Good review."
	printf '%s\n' "$output" > ar.tsv
	run2 rfilter --scheme argu clarity=CLA depth=*-NEG ar.tsv
	assert_equal "$status" 0
	assert_equal "$output" "$(cat ar.tsv)"
	run2 rfilter --scheme argu clarity=CLA-NEG ar.tsv
	assert_equal "$status" 0
	assert_equal "$output" "${output%%$'\n'*}"
	assert_equal "$output" "$(head -n 1 ar.tsv)"
}

@test "coverage: rcount takes --scheme argu" {
	printf '%s\n' $'review\tsentence\tclarity\tdepth' $'R\t1\tCLA-POS\tDEP-NEG' $'R\t2\tCLA-NEG\tDEP-NEG' > ar.tsv
	run2 rcount --scheme argu -k clarity,depth ar.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "clarity	depth	count
CLA-NEG	DEP-NEG	1
CLA-POS	DEP-NEG	1"
}

@test "coverage: an empty REVIEWKIT_SCHEME means the default scheme" {
	REVIEWKIT_SCHEME= run2 rtags --list
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "${output%%$'\n'*}" "layer	code	name	description	polarity"
	assert_equal "$(printf '%s\n' "$output" | cut -f 1 | uniq | tr '\n' ' ')" "layer section aspect function severity any "
}

@test "coverage: an unknown scheme name and a missing scheme file are usage errors" {
	run2 rtags --scheme nosuch --list
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "rtags: no scheme 'nosuch': the built-in schemes are pra, argu, and any other is a scheme file"
	run2 rtags --scheme ./missing.tsv --list
	assert_equal "$status" 2
	assert_equal "$stderr" "rtags: ./missing.tsv: No such file or directory"
}

# --- scheme files

@test "coverage: a scheme file of 33 layers is refused" {
	{ printf 'layer\tcode\tname\tdescription\tpolarity\n'
	  for i in $(seq 33); do printf 'l%d\tC%d\tx\ty\tno\n' "$i" "$i"; done; } > s.tsv
	run2 rtags --list --scheme s.tsv
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "rtags: s.tsv:34: more than 32 layers"
}

@test "coverage: a NUL byte in a scheme file is refused" {
	printf 'layer\tcode\tname\tdescription\tpolarity\nsection\tAB\tx\ty\tno\nsection\tA\0B\tx\ty\tno\n' > s.tsv
	run2 rtags --list --scheme s.tsv
	assert_equal "$status" 2
	assert_equal "$stderr" "rtags: s.tsv:3: NUL byte"
}

@test "coverage: codes that are prefixes of each other are told apart" {
	printf 'layer\tcode\tname\tdescription\tpolarity\nsection\tABC\tx\ty\tno\nsection\tAB\tx\ty\tno\naspect\tAB\tx\ty\tyes\n' > s.tsv
	run2 rtags --list --scheme s.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "$(cat s.tsv)"
	printf '%s\n' "$HDR" $'R\t1\tAB,ABC\tAB-POS\t\t\tx' > in.tsv
	run2 rtags --check --scheme s.tsv in.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "review	sentence	layer	tag	problem"
}

# --- reading review TSV

@test "coverage: a line equal to the header is skipped, with one warning" {
	printf 'review\tx\nR\t1\nreview\tx\nR\t2\nreview\tx\n' > rep.tsv
	run2 rfilter x=1,2 rep.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" "rfilter: rep.tsv:3: the header again; skipped here and wherever it repeats"
	assert_equal "$output" "review	x
R	1
R	2"
}

@test "coverage: an empty first input gives its turn to the next for the header" {
	: > empty.tsv
	printf '%s\n' "$HDR" $'R\t1\tMET-NEG\tEMP-NEG\tCRT\tMIN\ta' $'R\t2\tMET-NEG\tEMP-NEG\tCRT\tMAJ\tb' > in.tsv
	run2 rfilter severity=MAJ empty.tsv in.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "$HDR
R	2	MET-NEG	EMP-NEG	CRT	MAJ	b"
}

@test "coverage: with -N, a field past the default names that a row lacks is an error" {
	printf 'a\tb\n' > n.tsv
	run2 rfilter -N 9=x n.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rfilter: n.tsv:1: row has no field 9"
	run2 rcount -N 9 n.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "rcount: n.tsv:1: row has no field 9"
}

@test "coverage: field names are listed with control bytes escaped and long ones cut" {
	printf 'A\rb\001c\tx\n1\t2\n' > h.tsv
	run2 rfilter nosuch=1 h.tsv
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "rfilter: unknown field 'nosuch'
rfilter: the fields are: A\\rb\\001c x"
	printf 'x%s\ty\n1\t2\n' "$(printf '\303\251%.0s' $(seq 30))" > h.tsv
	run2 rfilter nosuch=1 h.tsv
	assert_equal "$status" 2
	assert_equal "$stderr" "rfilter: unknown field 'nosuch'
rfilter: the fields are: x$(printf '\303\251%.0s' $(seq 23))... (61 bytes) y"
}

@test "coverage: rtags quotes an unknown layer with its TAB, LF and control bytes escaped" {
	printf '%s\n' "$HDR" > in.tsv
	run2 rtags -l $'a\tb\nc\001\303\251' in.tsv
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "${stderr%%$'\n'*}" "rtags: unknown layer 'a\\tb\\nc\\001$(printf '\303\251')'"
}

# --- rfilter: expressions

@test "coverage: rfilter -i folds upper case in the value and in the field" {
	printf '%s\n' "$HDR" $'R\t1\tMET-NEG\tEMP-NEG\tCRT\tmaj\ta' $'R\t2\tMET-NEG\tEMP-NEG\tCRT\tMAJ\tb' $'R\t3\tMET-NEG\tEMP-NEG\tCRT\tMIN\tc' > in.tsv
	run2 rfilter -i severity=MAJ in.tsv
	assert_equal "$status" 0
	assert_equal "$output" "$HDR
R	1	MET-NEG	EMP-NEG	CRT	maj	a
R	2	MET-NEG	EMP-NEG	CRT	MAJ	b"
	run2 rfilter -i severity=maj in.tsv
	assert_equal "$output" "$HDR
R	1	MET-NEG	EMP-NEG	CRT	maj	a
R	2	MET-NEG	EMP-NEG	CRT	MAJ	b"
	run2 rfilter -i 'text=B' in.tsv
	assert_equal "$output" "$HDR
R	2	MET-NEG	EMP-NEG	CRT	MAJ	b"
}

# Runs rfilter with EXPR over one row; prints status, stdout, stderr.
re_try() {
	printf '%s\n' "$HDR" $'R\t1\tMET-NEG\tEMP-NEG\tCRT\tMAJ\tAb{c} x]y [:z bbb' > re.tsv
	run2 rfilter "$1" re.tsv
}

@test "coverage: rfilter regexes: brackets with ], ^, classes and equivalents" {
	for e in 'text~[^]a]' 'text~x[]x]y' 'text~^[[:alpha:]]b' 'text~[[=b=]]{3}' 'text~[[.z.]]' 'text~b{1,}' 'text~\{c\}'; do
		re_try "$e"
		assert_equal "$status" 0
		assert_equal "$stderr" ""
		assert_equal "$output" "$(cat re.tsv)"
	done
	re_try 'text~[^[:alpha:][:space:]{}:\[]'
	assert_equal "$status" 0
	assert_equal "$output" "$(cat re.tsv)"
	re_try 'text~^[[:digit:]]'
	assert_equal "$status" 0
	assert_equal "$output" "$HDR"
	re_try 'text~a)'
	assert_equal "$status" 0
	assert_equal "$output" "$HDR"
}

@test "coverage: rfilter regexes: an open bracket or interval is regcomp's error" {
	re_try 'text~[abc'
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "rfilter: bad expression at column 6: Unmatched [, [^, [:, [., or [=
  text~[abc
       ^"
	re_try 'text~[[:alpha:]'
	assert_equal "$status" 2
	assert_equal "$stderr" "rfilter: bad expression at column 6: Unmatched [, [^, [:, [., or [=
  text~[[:alpha:]
       ^"
	re_try 'text~b{x'
	assert_equal "$status" 2
	assert_equal "$stderr" "rfilter: bad expression at column 6: Unmatched \\{
  text~b{x
       ^"
	re_try 'text~b{1'
	assert_equal "$status" 2
	assert_equal "$stderr" "rfilter: bad expression at column 6: Unmatched \\{
  text~b{1
       ^"
	re_try 'text~{c}'
	assert_equal "$status" 2
	assert_equal "$stderr" "rfilter: bad expression at column 6: Invalid preceding regular expression
  text~{c}
       ^"
}

@test "coverage: rfilter regexes: intervals past RE_DUP_MAX and nested ones are too big" {
	for e in 'text~b{99999}' 'text~b{1,99999}' 'text~(a{1000}){1000}' 'text~((a{100}){100}){100}' 'text~(b{1,}){2000}'; do
		re_try "$e"
		assert_equal "$status" 2
		assert_equal "$output" ""
		assert_equal "$stderr" "rfilter: bad expression at column 6: Regular expression too big
  $e
       ^"
	done
}

@test "coverage: rfilter numbers: a fraction without leading digit, signs, exponents" {
	printf '%s\n' "$HDR" $'R\t0.25\t\t\t\t\ta' $'R\t-300\t\t\t\t\tb' $'R\t1e\t\t\t\t\tc' $'R\t+2.5E1\t\t\t\t\td' > n.tsv
	run2 rfilter 'sentence<.5' n.tsv
	assert_equal "$status" 0
	assert_equal "$output" "$HDR
R	0.25					a
R	-300					b"
	run2 rfilter 'sentence<-1e+2' n.tsv
	assert_equal "$output" "$HDR
R	-300					b"
	run2 rfilter 'sentence>=25' n.tsv
	assert_equal "$output" "$HDR
R	+2.5E1					d"
	for e in 'sentence<1e' 'sentence<1x' 'sentence<e5' 'sentence<.' 'sentence<1e+' 'sentence<1.5.'; do
		run2 rfilter "$e" n.tsv
		assert_equal "$status" 2
		assert_equal "$stderr" "rfilter: bad expression at column 10: expected a number
  $e
           ^"
	done
}
