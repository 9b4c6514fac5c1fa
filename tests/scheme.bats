#!/usr/bin/env bats
# The scheme in effect (SPEC 3, 6): built-in pra and argu, scheme files,
# --scheme and REVIEWKIT_SCHEME, the same through every tool.

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
	unset REVIEWKIT_SCHEME
	# A made-up scheme of three layers, one of them without polarity.
	fixture three.tsv '%s\n' \
	    $'layer\tcode\tname\tdescription\tpolarity' \
	    $'topic\tMTH\tMethod\tthe method\tyes' \
	    $'topic\tDAT\tData\tthe data\tyes' \
	    $'stance\tPRO\tFor\tin favour\tno' \
	    $'stance\tCON\tAgainst\tagainst\tno' \
	    $'act\tASK\tAsk\tasks something\tno' \
	    $'any\tNA\tNot applicable\tnothing fits\tno'
	fixture R1_annotated.txt '%s' \
	    '"Nice method.[[MTH-POS], [PRO], [ASK]] Data is weak.[[DAT-NEG], [CON]] Why?[[MTH-NEU,DAT-NEU], [NA], [ASK]]"'
	# Two reviews judged on the ten criteria of argu, one marker each.
	fixture A1_annotated.txt '%s' \
	    '"Clear and fair, but thin.[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]"'
	fixture A2_annotated.txt '%s' \
	    '"Unclear, novel.[[CLA-NEG],[JUS-POS],[DEP-POS],[FAI-POS],[CON-NEG],[ENG-PAR],[ACC-POS],[CST-NEU],[NOV-POS],[ETH-NEU]]"'
	HDR3=$'review\tsentence\ttopic\tstance\tact\ttext'
	ARGU_HDR=$'review\tsentence\tclarity\tjustification\tdepth\tfairness\tconstructiveness\tengagement\taccuracy\tconsistency\tnovelty\tethics\ttext'
}

@test "scheme: rsplit writes the layers of a scheme file as its label columns" {
	run2 rsplit --scheme three.tsv R1_annotated.txt
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "$HDR3
R1	1	MTH-POS	PRO	ASK	Nice method.
R1	2	DAT-NEG	CON		Data is weak.
R1	3	MTH-NEU,DAT-NEU	NA	ASK	Why?"
}

@test "scheme: a three-layer scheme file through rfilter, rcount and rtags" {
	rsplit --scheme three.tsv R1_annotated.txt > r.tsv
	run2 rfilter --scheme three.tsv 'topic=DAT' r.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "$HDR3
R1	2	DAT-NEG	CON		Data is weak.
R1	3	MTH-NEU,DAT-NEU	NA	ASK	Why?"
	expect 0 "topic	stance	count
DAT	CON	1
DAT	NA	1
MTH	NA	1
MTH	PRO	1" "" \
	    rcount --scheme three.tsv topic,stance r.tsv
	# The default layers of rtags are those whose codes take a polarity.
	expect 0 "review	sentence	layer	tag	polarity	stance	act	text
R1	1	topic	MTH	POS	PRO	ASK	Nice method.
R1	2	topic	DAT	NEG	CON		Data is weak.
R1	3	topic	MTH	NEU	NA	ASK	Why?
R1	3	topic	DAT	NEU	NA	ASK	Why?" "" \
	    rtags --scheme three.tsv r.tsv
	expect 0 "review	sentence	layer	tag	problem" "" \
	    rtags --scheme three.tsv --check r.tsv
}

@test "scheme: rtags --check judges each code by its scheme file" {
	fixture bad.tsv '%s\n' "$HDR3" \
	    $'R1\t1\tMTH\tPRO-POS\tCON\tA.' \
	    $'R1\t2\tXYZ-NEG\tNA\tASK\tB.'
	run2 rtags --scheme three.tsv --check bad.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" ""
	assert_equal "$output" "review	sentence	layer	tag	problem
R1	1	topic	MTH	missing polarity
R1	1	stance	PRO-POS	unexpected polarity
R1	1	act	CON	code of another layer
R1	2	topic	XYZ-NEG	unknown code"
}

@test "scheme: -N over rows of another scheme's columns stops at each input's first row, when a field is named or is a label field; a plain field by number reads any row" {
	printf 'A1\t1\tCLA-POS\tJUS-NEG\tDEP-NEG\tFAI-POS\tCON-POS\tENG-NEG\tACC-POS\tCST-POS\tNOV-NEG\tETH-NEU\tClear.\n' > a.tsv
	printf 'R1\t1\tMET-NEG\tEMP-NEG\tCRT\tMAJ\tWeak.\n' > p.tsv
	expect 1 "" "rcount: a.tsv:1: row has 13 fields, not the 7 of rsplit's columns under scheme pra (-N); for another scheme, use --scheme" \
	    rcount -N aspect a.tsv
	expect 1 "" "rtags: a.tsv:1: row has 13 fields, not the 7 of rsplit's columns under scheme pra (-N); for another scheme, use --scheme" \
	    rtags -N a.tsv
	expect 1 "" "rfilter: a.tsv:1: row has 13 fields, not the 7 of rsplit's columns under scheme pra (-N); for another scheme, use --scheme" \
	    rfilter -N 4=EMP-NEG a.tsv
	# The second input's first row too, after a first that fits.
	expect 1 $'R1\t1\tMET-NEG\tEMP-NEG\tCRT\tMAJ\tWeak.' "rfilter: a.tsv:1: row has 13 fields, not the 7 of rsplit's columns under scheme pra (-N); for another scheme, use --scheme" \
	    rfilter -N text~. p.tsv a.tsv
	expect 1 "" "rcount: p.tsv:1: row has 7 fields, not the 13 of rsplit's columns under scheme argu (-N); for another scheme, use --scheme" \
	    rcount -N --scheme argu novelty p.tsv
	expect 0 $'NOV-NEG\t1' "" rcount -N --scheme argu novelty a.tsv
	expect 0 "$(cat a.tsv)" "" rfilter -N 13~Clear a.tsv
	cp a.tsv b.tsv
	expect 1 "" "ragree: b.tsv:1: row has 13 fields, not the 7 of rsplit's columns under scheme pra (-N); for another scheme, use --scheme" \
	    ragree -N p.tsv b.tsv
	# Its figures are ragree.bats' to test; here, that it reads them.
	expect 0 @any "" ragree -N --scheme argu a.tsv b.tsv
}

@test "scheme: rsplit refuses a scheme file with a code no marker can hold, naming its line; other tools read it" {
	h=$'layer\tcode\tname\tdescription\tpolarity'
	printf '%s\ntopic\tMTH\tm\tx\tyes\ntopic\tmet\tm\tx\tyes\n' "$h" > low.tsv
	expect 2 "" "rsplit: low.tsv:3: code 'met' is not in capitals, as rsplit writes a marker's codes" \
	    rsplit --scheme low.tsv R1_annotated.txt
	printf '%s\ntopic\tD2\tm\tx\tyes\n' "$h" > digit.tsv
	expect 2 "" "rsplit: digit.tsv:2: code 'D2' is not letters only, as a marker's codes are" \
	    rsplit --scheme digit.tsv R1_annotated.txt
	printf '%s\ntopic\tM\tm\tx\tyes\ntopic\tABCDEFGHIJKLMNOPQ\tm\tx\tyes\n' "$h" > len.tsv
	expect 2 "" "rsplit: len.tsv:2: code 'M' is not of 2 to 16 letters, as a marker's codes are" \
	    rsplit --scheme len.tsv R1_annotated.txt
	printf '%s\ntopic\tABCDEFGHIJKLMNOPQ\tm\tx\tyes\n' "$h" > long.tsv
	REVIEWKIT_SCHEME=long.tsv expect 2 "" "rsplit: long.tsv:2: code 'ABCDEFGHIJKLMNOPQ' is not of 2 to 16 letters, as a marker's codes are" \
	    rsplit R1_annotated.txt
	printf '%s\ntopic\tA\033[1mB\tm\tx\tyes\n' "$h" > esc.tsv
	expect 2 "" "rsplit: esc.tsv:2: code 'A\\033[1mB' is not letters only, as a marker's codes are" \
	    rsplit --scheme esc.tsv R1_annotated.txt
	# Other tools read what no marker holds, such as a study's categories.
	expect 0 "$(cat digit.tsv)" "" rtags --scheme digit.tsv --list
}

@test "scheme: -N names the columns of the scheme in effect (SPEC 2.1)" {
	run2 bash -c 'rsplit -N --scheme three.tsv R1_annotated.txt | rcount -N --scheme three.tsv stance'
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "CON	1
NA	1
PRO	1"
	expect 0 "R1	3	MTH-NEU,DAT-NEU	NA	ASK	Why?" "" \
	    bash -c 'rsplit -N --scheme three.tsv R1_annotated.txt | rfilter -N --scheme three.tsv act=ASK text~y'
}

@test "scheme: a field that is no layer of the scheme is an ordinary field" {
	# Under pra, "topic" names no layer: = compares the whole field.
	rsplit --scheme three.tsv R1_annotated.txt > r.tsv
	expect 0 "$HDR3" "" rfilter topic=DAT r.tsv
	expect 0 "topic	count
DAT-NEG	1
MTH-NEU,DAT-NEU	1
MTH-POS	1" "" \
	    rcount topic r.tsv
}

@test "scheme: argu gives one row per review, the ten criteria in their columns" {
	run2 rsplit --scheme argu A1_annotated.txt A2_annotated.txt
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "$ARGU_HDR
A1	1	CLA-POS	JUS-NEG	DEP-NEG	FAI-POS	CON-POS	ENG-NEG	ACC-POS	CST-POS	NOV-NEG	ETH-NEU	Clear and fair, but thin.
A2	1	CLA-NEG	JUS-POS	DEP-POS	FAI-POS	CON-NEG	ENG-PAR	ACC-POS	CST-NEU	NOV-POS	ETH-NEU	Unclear, novel."
}

@test "scheme: REVIEWKIT_SCHEME=argu serves a whole pipeline" {
	export REVIEWKIT_SCHEME=argu
	run2 bash -c 'rsplit A1_annotated.txt A2_annotated.txt | rfilter "novelty=*-NEG" | rcount -k clarity'
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "clarity	count
CLA-POS	1"
	# A model's polarity outside the scheme is kept, and --check reports it.
	expect 1 "review	sentence	layer	tag	problem
A2	1	engagement	ENG-PAR	unknown polarity" "" \
	    bash -c 'rsplit A1_annotated.txt A2_annotated.txt | rtags --check'
	expect 0 "review	sentence	layer	tag	polarity
A2	1	engagement	ENG	PAR
A2	1	novelty	NOV	POS" "" \
	    bash -c 'rsplit A2_annotated.txt | rtags -l engagement,novelty | cut -f 1,2,8-10'
}

@test "scheme: --scheme overrides REVIEWKIT_SCHEME, and an empty one means pra" {
	REVIEWKIT_SCHEME=argu expect 0 "" "rsplit: /dev/null: no annotations" \
	    rsplit --scheme pra -N /dev/null
	REVIEWKIT_SCHEME=argu expect 0 $'review\tsentence\tsection\taspect\tfunction\tseverity\ttext' "" \
	    bash -c 'rsplit --scheme pra R1_annotated.txt | head -1'
	REVIEWKIT_SCHEME= expect 0 $'review\tsentence\tsection\taspect\tfunction\tseverity\ttext' "" \
	    bash -c 'rsplit R1_annotated.txt | head -1'
	REVIEWKIT_SCHEME=three.tsv expect 0 "$HDR3" "" \
	    bash -c 'rsplit R1_annotated.txt | head -1'
}

@test "scheme: --list writes the scheme in effect, and each tool reads it back to the same bytes" {
	# Each scheme on reviews of its own: under a built-in, a review of
	# the other is refused (tests/fit.bats), under a file it is not.
	for s in pra argu; do
		rtags --list --scheme "$s" > "$s.tsv"
		if [ "$s" = pra ]; then
			set -- "$EXAMPLES"/*.txt
		else
			set -- A1_annotated.txt A2_annotated.txt
		fi
		rsplit --scheme "$s" "$@" > "want.$s" 2> "wanterr.$s" || true
		rsplit --scheme "./$s.tsv" "$@" > "got.$s" 2> "goterr.$s" || true
		cmp "want.$s" "got.$s"
		cmp "wanterr.$s" "goterr.$s"
		expect 0 "$(cat "$s.tsv")" "" rtags --list --scheme "./$s.tsv"
	done
	rsplit -q "$EXAMPLES"/*.txt > ex.tsv
	for t in "rfilter aspect=*-NEG" "rcount -k -t aspect,severity" "rtags --names" "rtags --check -l aspect"; do
		$t ex.tsv > want 2>&1 || true
		$t --scheme ./pra.tsv ex.tsv > got 2>&1 || true
		cmp want got
	done
	expect 0 "$(cat three.tsv)" "" rtags --list --scheme three.tsv
}

@test "scheme: the built-in argu scheme, as --list writes it" {
	expect 0 "layer	code	polarity
clarity	CLA	yes
justification	JUS	yes
depth	DEP	yes
fairness	FAI	yes
constructiveness	CON	yes
engagement	ENG	yes
accuracy	ACC	yes
consistency	CST	yes
novelty	NOV	yes
ethics	ETH	yes" "" \
	    bash -c 'rtags --list --scheme argu | cut -f 1,2,5'
	expect 0 "Clarity of Review" "" \
	    bash -c 'rtags --list --scheme argu | cut -f 3 | sed -n 2p'
}

@test "scheme: an unknown scheme name is a usage error in every tool" {
	for t in "rsplit /dev/null" "rfilter aspect=EMP /dev/null" "rcount aspect /dev/null" "rtags /dev/null"; do
		run2 $t --scheme argue
		assert_equal "$status" 2
		assert_equal "$output" ""
		assert_equal "$stderr" "${t%% *}: no scheme 'argue': the built-in schemes are pra, argu, and any other is a scheme file"
	done
	REVIEWKIT_SCHEME=nope expect 2 "" \
	    "rcount: no scheme 'nope': the built-in schemes are pra, argu, and any other is a scheme file" \
	    rcount aspect /dev/null
	expect 2 "" "rcount: ./argue: No such file or directory" \
	    rcount --scheme ./argue aspect /dev/null
}

@test "scheme: a bad scheme file is a usage error at FILE:LINE in every tool" {
	printf 'layer\tcode\tname\tdescription\tpolarity\ntopic\tMTH\tM\tx\tmaybe\n' > bad.tsv
	for t in "rsplit /dev/null" "rfilter aspect=EMP /dev/null" "rcount aspect /dev/null" "rtags /dev/null"; do
		run2 $t --scheme bad.tsv
		assert_equal "$status" 2
		assert_equal "$output" ""
		assert_equal "$stderr" "${t%% *}: bad.tsv:2: polarity 'maybe', expected yes or no"
	done
}

@test "scheme: a scheme file of more than 32 layers is refused" {
	{ printf 'layer\tcode\tname\tdescription\tpolarity\n'
	  for i in $(seq 1 33); do printf 'l%d\tC%d\tc\tx\tno\n' "$i" "$i"; done; } > wide.tsv
	expect 2 "" "rtags: wide.tsv:34: more than 32 layers" \
	    rtags --list --scheme wide.tsv
	head -n 33 wide.tsv > wide32.tsv
	expect 0 "33" "" bash -c 'rtags --list --scheme wide32.tsv | wc -l'
}

@test "scheme: a scheme file may put the codes of a layer anywhere; layers keep the order of first appearance" {
	fixture mixed.tsv '%s\n' \
	    $'layer\tcode\tname\tdescription\tpolarity' \
	    $'b\tBB\tB\tx\tno' $'a\tAA\tA\tx\tyes' $'b\tBC\tB2\tx\tno'
	fixture m_annotated.txt '%s' '"X.[[BB], [AA-POS]]"'
	expect 0 "review	sentence	b	a	text
m	1	BB	AA-POS	X." "" \
	    rsplit --scheme mixed.tsv m_annotated.txt
}

# --- The scheme in effect for review TSV (SPEC 3): the header chooses it,
# a scheme the header contradicts is refused, a layer of one code is
# judged by its polarity (issue 19); a missing layer is named (issue 23).

# argu_tsv: two reviews of argu as rsplit --scheme argu writes them.
argu_tsv() {
	rsplit --scheme argu A1_annotated.txt A2_annotated.txt > argu.tsv
	printf '%s\n' "$ARGU_HDR" \
	    $'A1\t1\tCLA-POS\tJUS-NEG\tDEP-NEG\tFAI-POS\tCON-POS\tENG-NEG\tACC-POS\tCST-POS\tNOV-NEG\tETH-NEU\tClear and fair, but thin.' \
	    $'A2\t1\tCLA-NEG\tJUS-POS\tDEP-POS\tFAI-POS\tCON-NEG\tENG-PAR\tACC-POS\tCST-NEU\tNOV-POS\tETH-NEU\tUnclear, novel.' |
	    cmp - argu.tsv
}

@test "scheme: with no option, the header chooses: rfilter clarity=CLA reads rsplit --scheme argu output as argu (issue 19 finding 1)" {
	argu_tsv
	expect 0 "$(cat argu.tsv)" "" rfilter clarity=CLA argu.tsv
	expect 0 "$(head -2 argu.tsv)" "" rfilter 'novelty=*-NEG' - < argu.tsv
	# The first header is that of the first input with a line.
	: > empty.tsv
	expect 0 "$(sed -n 1p argu.tsv; sed -n 3p argu.tsv)" "" rfilter clarity=CLA-NEG empty.tsv argu.tsv
	# rtags takes argu's layers, all of which take a polarity.
	expect 0 "review	sentence	layer	tag	polarity	text
A1	1	clarity	CLA	POS	Clear and fair, but thin.
A1	1	novelty	NOV	NEG	Clear and fair, but thin.
A2	1	clarity	CLA	NEG	Unclear, novel.
A2	1	novelty	NOV	POS	Unclear, novel." "" bash -c 'rtags argu.tsv | rfilter layer=clarity,novelty'
	# No header (an empty input, or -N): pra, the default.
	expect 0 "" "" rfilter aspect=EMP empty.tsv
	expect 2 "" "rcount: unknown field 'novelty'; did you mean 'severity'?
rcount: the fields are: review sentence section aspect function severity text" rcount -N novelty - < argu.tsv
	# A header of no built-in scheme's layers is read under pra.
	rsplit --scheme three.tsv R1_annotated.txt > three_out.tsv
	expect 0 "topic	count
DAT-NEG	1
MTH-NEU,DAT-NEU	1
MTH-POS	1" "" rcount topic three_out.tsv
}

@test "scheme: a layer of one code is judged by its polarity: rcount novelty counts NOV-POS and NOV-NEG under argu (issue 19 finding 4)" {
	argu_tsv
	want="novelty	count
NOV-NEG	1
NOV-POS	1"
	expect 0 "$want" "" rcount novelty argu.tsv
	expect 0 "$want" "" rcount --scheme argu novelty argu.tsv
	REVIEWKIT_SCHEME=argu expect 0 "$want" "" rcount novelty argu.tsv
	expect 0 "$want" "" rcount -k novelty argu.tsv
	expect 0 "clarity	novelty	count
CLA-NEG	NOV-POS	1
CLA-POS	NOV-NEG	1" "" rcount clarity,novelty argu.tsv
	expect 0 "engagement	count
ENG-NEG	1
ENG-PAR	1" "" rcount -s key engagement argu.tsv
	# pra keeps its codes: -k is what gives the polarity there.
	rsplit -q "$EXAMPLES"/*.txt > pra.tsv
	expect 0 "$(rcount --scheme pra aspect pra.tsv)" "" rcount aspect pra.tsv
	run2 rcount aspect pra.tsv
	refute_output --partial -NEG
}

@test "scheme: a scheme file's layer of one code counts by polarity; one with an 'any' code does not" {
	fixture pol.tsv '%s\n' $'layer\tcode\tname\tdescription\tpolarity' \
	    $'topic\tMTH\tMethod\tthe method\tyes' $'topic\tDAT\tData\tthe data\tyes' \
	    $'polarity\tPOL\tPolarity\tthe stance\tyes'
	fixture p.tsv '%s\n' $'review\tsentence\ttopic\tpolarity\ttext' \
	    $'R1\t1\tMTH-POS\tPOL-NEG\tA.' $'R1\t2\tDAT-NEG\tPOL-NEG\tB.' $'R1\t3\tMTH-NEU\tPOL-POS\tC.'
	expect 0 "topic	polarity	count
DAT	POL-NEG	1
MTH	POL-NEG	1
MTH	POL-POS	1" "" rcount -s key --scheme pol.tsv topic,polarity p.tsv
	# With a code of "any", the layer holds two codes: the code counts.
	{ cat pol.tsv; printf 'any\tNA\tNone\tnothing fits\tno\n'; } > pol_any.tsv
	expect 0 "polarity	count
POL	3" "" rcount --scheme pol_any.tsv polarity p.tsv
	expect 0 "polarity	count
POL-NEG	2
POL-POS	1" "" rcount -k --scheme pol_any.tsv polarity p.tsv
}

@test "scheme: ragree judges argu layers by polarity without -k, so its coefficients are no longer nan (issue 19 finding 4)" {
	H="$ARGU_HDR"
	printf '%s\n' "$H" \
	    $'R1\t1\tCLA-POS\tJUS-NEG\tDEP-NEG\tFAI-POS\tCON-POS\tENG-NEG\tACC-POS\tCST-POS\tNOV-NEG\tETH-NEU\tA.' \
	    $'R2\t1\tCLA-NEG\tJUS-POS\tDEP-POS\tFAI-POS\tCON-NEG\tENG-NEU\tACC-POS\tCST-NEU\tNOV-POS\tETH-NEU\tB.' \
	    $'R3\t1\tCLA-POS\tJUS-POS\tDEP-NEU\tFAI-NEG\tCON-POS\tENG-POS\tACC-NEG\tCST-POS\tNOV-POS\tETH-NEG\tC.' > human.tsv
	printf '%s\n' "$H" \
	    $'R1\t1\tCLA-POS\tJUS-NEG\tDEP-POS\tFAI-POS\tCON-POS\tENG-PAR\tACC-POS\tCST-POS\tNOV-NEG\tETH-NEU\tA.' \
	    $'R2\t1\tCLA-NEG\tJUS-NEG\tDEP-POS\tFAI-NEU\tCON-MIX\tENG-NEU\tACC-POS\tCST-NEU\tNOV-NEG\tETH-NEU\tB.' \
	    $'R3\t1\tCLA-POS\tJUS-POS\tDEP-NEU\tFAI-NEG\t\tENG-POS\tACC-NEG\tCST-POS\tNOV-POS\tETH-NEU\tC.' > model.tsv
	want="layer	raters	units	missing	agree	cohen	fleiss	alpha	unanimous	majority	split
clarity	2	3	0	1.000	1.000	1.000	1.000	3	0	0
justification	2	3	0	0.667	0.400	0.333	0.444	2	0	1
depth	2	3	0	0.667	0.500	0.455	0.545	2	0	1
fairness	2	3	0	0.667	0.500	0.455	0.545	2	0	1
constructiveness	2	3	0	0.333	0.143	0.000	0.167	1	0	2
engagement	2	3	0	0.667	0.571	0.538	0.615	2	0	1
accuracy	2	3	0	1.000	1.000	1.000	1.000	3	0	0
consistency	2	3	0	1.000	1.000	1.000	1.000	3	0	0
novelty	2	3	0	0.667	0.400	0.333	0.444	2	0	1
ethics	2	3	0	0.667	0.000	-0.200	0.000	2	0	1"
	expect 0 "$want" "" ragree --scheme argu -u review human.tsv model.tsv
	expect 0 "$want" "" ragree -u review human.tsv model.tsv
	expect 0 "$want" "" ragree --scheme argu -k -u review human.tsv model.tsv
	# The first file may be standard input.
	expect 0 "$want" "" ragree -u review -n human,model - model.tsv < human.tsv
	expect 0 "human	NOV-NEG	NOV-POS
NOV-NEG	1	0
NOV-POS	1	1" "" ragree -x novelty -u review human.tsv model.tsv
	expect 0 "layer	key	raters	units	missing	agree	cohen	fleiss	alpha	unanimous	majority	split
novelty	NOV-NEG	2	3	0	0.667	0.400	0.333	0.444	2	0	1
novelty	NOV-POS	2	3	0	0.667	0.400	0.333	0.444	2	0	1" "" ragree -i -l novelty -u review human.tsv model.tsv
}

@test "scheme: a scheme given that the header contradicts is a usage error naming the one that fits (issue 19)" {
	argu_tsv
	rsplit -q "$EXAMPLES"/*.txt > pra.tsv
	for t in "rfilter aspect=EMP" "rcount aspect" "rtags" "rtags --check"; do
		expect 2 "" "${t%% *}: argu.tsv: the header's label fields are the layers of scheme argu, not of pra; use --scheme argu" \
		    $t --scheme pra argu.tsv
		REVIEWKIT_SCHEME=pra expect 2 "" "${t%% *}: argu.tsv: the header's label fields are the layers of scheme argu, not of pra; use --scheme argu" \
		    $t argu.tsv
		expect 2 "" "${t%% *}: pra.tsv: the header's label fields are the layers of scheme pra, not of argu; use --scheme pra" \
		    $t --scheme argu pra.tsv
		REVIEWKIT_SCHEME=argu expect 2 "" "${t%% *}: pra.tsv: the header's label fields are the layers of scheme pra, not of argu; use --scheme pra" \
		    $t pra.tsv
		# A scheme file the user gives is checked the same way.
		expect 2 "" "${t%% *}: pra.tsv: the header's label fields are the layers of scheme pra, not of three.tsv; use --scheme pra" \
		    $t --scheme three.tsv pra.tsv
	done
	expect 2 "" "ragree: argu.tsv: the header's label fields are the layers of scheme argu, not of pra; use --scheme argu" \
	    ragree --scheme pra -u review -n a,b argu.tsv argu.tsv
	REVIEWKIT_SCHEME=argu expect 2 "" "ragree: pra.tsv: the header's label fields are the layers of scheme pra, not of argu; use --scheme pra" \
	    ragree -n a,b pra.tsv pra.tsv
	# ragree checks every file, whichever chose the scheme.
	expect 2 "" "ragree: pra.tsv: the header's label fields are the layers of scheme pra, not of argu; use --scheme pra" \
	    ragree -u review argu.tsv pra.tsv
	# Standard input, and a first header from the second input.
	expect 2 "" "rcount: -: the header's label fields are the layers of scheme argu, not of pra; use --scheme argu" \
	    rcount --scheme pra novelty - < argu.tsv
	: > empty.tsv
	expect 2 "" "rfilter: argu.tsv: the header's label fields are the layers of scheme argu, not of pra; use --scheme argu" \
	    rfilter --scheme pra novelty=NOV empty.tsv argu.tsv
	# Nothing to contradict: no header, or a header of no built-in.
	expect 0 "" "" rfilter --scheme argu novelty=NOV empty.tsv
	# -N: rows of other columns than rsplit's under the scheme stop the tool.
	expect 1 "" "rfilter: -:1: row has 13 fields, not the 7 of rsplit's columns under scheme pra (-N); for another scheme, use --scheme" \
	    rfilter -N --scheme pra aspect=EMP - < argu.tsv
	rsplit --scheme three.tsv R1_annotated.txt > three_out.tsv
	expect 0 "$(head -1 three_out.tsv)" "" rfilter --scheme argu topic=DAT three_out.tsv
	# One layer of the scheme asked for is enough.
	printf 'review\tclarity\taspect\nR1\tCLA-POS\tEMP-NEG\n' > mixed.tsv
	expect 0 "$(cat mixed.tsv)" "" rfilter --scheme pra aspect=EMP mixed.tsv
}

@test "scheme: a tool that needs a layer the header lacks names the layers it has and lacks, and suggests --scheme (issue 23 finding 5)" {
	printf 'review\tsentence\taspect\ttext\nR1\t1\tEMP-NEG\tx\n' > out.tsv
	msg="the header has 1 of the 4 layers of scheme pra (aspect; no section, function, severity); for another scheme, use --scheme FILE"
	expect 2 "" "rtags: out.tsv: $msg" rtags out.tsv
	expect 2 "" "rtags: out.tsv: $msg" rtags --check out.tsv
	expect 2 "" "rtags: out.tsv: $msg" rtags -l severity out.tsv
	expect 2 "" "rcount: out.tsv: $msg" rcount section out.tsv
	expect 2 "" "rfilter: out.tsv: $msg" rfilter severity=MAJ out.tsv
	expect 2 "" "ragree: out.tsv: $msg" ragree -n a,b out.tsv out.tsv
	# What it has is enough for what it is asked.
	expect 0 "aspect	count
EMP	1" "" rcount aspect out.tsv
	# A header with none of them, and a scheme of one layer.
	printf 'review\tsentence\ttext\nR1\t1\tx\n' > bare.tsv
	expect 2 "" "rtags: bare.tsv: the header has 0 of the 4 layers of scheme pra (no section, aspect, function, severity); for another scheme, use --scheme FILE" \
	    rtags bare.tsv
	fixture one.tsv '%s\n' $'layer\tcode\tname\tdescription\tpolarity' $'polarity\tPOL\tPolarity\tthe stance\tyes'
	expect 2 "" "rtags: bare.tsv: the header has 0 of the 1 layer of scheme one.tsv (no polarity); for another scheme, use --scheme FILE" \
	    rtags --scheme one.tsv bare.tsv
	# A field that is no layer of the scheme is still an unknown field.
	expect 2 "" "rcount: unknown field 'sektion'; did you mean 'section'?
rcount: the fields are: review sentence section aspect function severity text" \
	    rcount -N sektion out.tsv
}

@test "scheme: a scheme file of more than 1 MiB is a usage error naming it (issue 21 finding 5)" {
	# Exactly 1 MiB is a scheme: one code with a long description.
	head -c 1048576 /dev/zero | tr '\0' x > pad
	{ printf 'layer\tcode\tname\tdescription\tpolarity\nl\tC\tn\t'
	  head -c $((1048576 - 37 - 6 - 4)) pad; printf '\tno\n'; } > mib.tsv
	expect 0 "l	C	no" "" bash -c 'rtags --list --scheme mib.tsv | tail -n 1 | cut -f 1,2,5'
	assert_equal "$(wc -c < mib.tsv)" 1048576
	# One byte more, a valid scheme still, is refused.
	{ printf 'layer\tcode\tname\tdescription\tpolarity\nl\tC\tn\tx'
	  head -c $((1048576 - 37 - 6 - 4)) pad; printf '\tno\n'; } > big.tsv
	expect 2 "" "rcount: big.tsv: more than 1 MiB, too large for a scheme file" \
	    rcount --scheme big.tsv l /dev/null
	REVIEWKIT_SCHEME=./big.tsv expect 2 "" "rcount: ./big.tsv: more than 1 MiB, too large for a scheme file" \
	    rcount aspect /dev/null
	# A file with no end is refused as soon as it is past the bound.
	expect 2 "" "rfilter: /dev/zero: more than 1 MiB, too large for a scheme file" \
	    rfilter --scheme /dev/zero aspect=EMP /dev/null
	REVIEWKIT_SCHEME=/dev/zero expect 2 "" "rsplit: /dev/zero: more than 1 MiB, too large for a scheme file" \
	    rsplit /dev/null
}

@test "scheme: a built-in scheme's name that is also a file here means the built-in, with a warning (issue 21 finding 5)" {
	cp three.tsv argu
	warn="names the built-in scheme argu, not the file argu in the current directory; for the file, write ./argu"
	rtags --list --scheme argu > want 2>/dev/null
	expect 0 "$(cat want)" "rtags: --scheme argu $warn" rtags --list --scheme argu
	REVIEWKIT_SCHEME=argu expect 0 "$(cat want)" "rtags: REVIEWKIT_SCHEME=argu $warn" rtags --list
	expect 0 "$ARGU_HDR" "rsplit: --scheme argu $warn" rsplit -q --scheme argu /dev/null
	expect 0 "$(cat three.tsv)" "" rtags --list --scheme ./argu
	# No name given, nothing to warn of.
	rtags --list > want_pra
	cp three.tsv pra
	expect 0 "$(cat want_pra)" "" rtags --list
}

@test "scheme: a relative REVIEWKIT_SCHEME path is read from the current directory" {
	mkdir -p sub
	cp three.tsv sub/s.tsv
	REVIEWKIT_SCHEME=sub/s.tsv expect 0 "$(cat three.tsv)" "" rtags --list
	cd sub
	REVIEWKIT_SCHEME=sub/s.tsv expect 2 "" "rtags: sub/s.tsv: No such file or directory" rtags --list
	REVIEWKIT_SCHEME=s.tsv expect 0 "$(cat ../three.tsv)" "" rtags --list
}

# argu_raters: four raters' argu TSV of 40 reviews each (r1.tsv to
# r4.tsv), made from SPEC 6.2 by arithmetic: polarities outside the
# scheme as models write them, criteria left empty, a review one rater
# skipped.
argu_raters() {
	for r in 1 2 3 4; do
		awk -v r="$r" 'BEGIN {
			split("clarity justification depth fairness constructiveness engagement accuracy consistency novelty ethics", L, " ")
			split("CLA JUS DEP FAI CON ENG ACC CST NOV ETH", C, " ")
			split("POS NEG NEU", P, " ")
			printf "review\tsentence"
			for (l = 1; l <= 10; l++) printf "\t%s", L[l]
			printf "\ttext\n"
			for (i = 1; i <= 40; i++) {
				if (r == 4 && i == 7) continue
				printf "ICLR2099-Fix%02d-R1\t1", i
				for (l = 1; l <= 10; l++) {
					p = P[(i * 7 + l * 3 + (i % r == 0)) % 3 + 1]
					if ((i + l + r) % 17 == 0) p = "PAR"
					v = C[l] "-" p
					if ((i * l + r) % 23 == 0) v = ""
					printf "\t%s", v
				}
				printf "\tReview %d as rater %d read it.\n", i, r
			}
		}' > "r$r.tsv"
	done
}

# argu_reviews: argu annotated reviews as language models write them
# (SPEC 1.3), split by rsplit --scheme argu -j into split.tsv.
argu_reviews() {
	printf '%s' 'Clear.\n\nThe \u201cmethod\u201d is new.[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]' > m1_annotated.txt
	printf '%s' 'Skips one.[[CLA-NEG],[DEP-POS],[FAI-POS],[CON-NEG],[ENG-NEU],[ACC-POS],[CST-NEU],[NOV-POS],[ETH-NEU]]' > m2_annotated.txt
	printf '%s' 'Swaps two.[[CLA-POS],[DEP-NEU],[JUS-POS],[FAI-NEG],[CON-POS],[ENG-POS],[ACC-NEG],[CST-POS],[NOV-POS],[ETH-NEG]]' > m3_annotated.txt
	printf '%s' 'Model words.[[CLA-MIX],[JUS-PAR],[DEP-NEG],[FAI-POS],[CON-MIX],[ENG-PAR],[ACC-POS],[CST-POS],[NOV-NEU],[ETH-NEU]]' > m4_annotated.txt
	printf '%s' 'One bracket.[CLA-NEU],[JUS-NEU],[DEP-NEU],[FAI-NEU],[CON-NEU],[ENG-NEU],[ACC-NEU],[CST-NEU],[NOV-NEG],[ETH-POS]]' > m5_annotated.txt
	printf '%s' '"Quoted.\nFine."[[cla-pos],[jus_pos],[DEP-POS],[FAI-POS],[CON-POS],[ENG-POS],[ACC-POS],[CST-POS],[NOV-POS],[ETH-POS]]' > m6_annotated.txt
	rsplit --scheme argu -j -q m?_annotated.txt > split.tsv
}

# runs_agree FIT WRONG FILE TOOL ARG...: TOOL ARG... with no option is the
# run of reference; with the scheme FIT (option or environment) it gives
# the same bytes and status; with WRONG (option, environment) or the
# scheme file three.tsv it is refused, status 2, naming FILE and FIT.
# Counts the runs in $accepted and $refused.
runs_agree() {
	local fit=$1 wrong=$2 file=$3 tool=$4 ref refst got st s msg
	shift 4
	ref=$("$tool" "$@" 2>&1) && refst=0 || refst=$?
	[ "$refst" -le 1 ] || { echo "$tool $*: status $refst: $ref"; return 1; }
	got=$("$tool" --scheme "$fit" "$@" 2>&1) && st=0 || st=$?
	[ "$got" = "$ref" ] && [ "$st" = "$refst" ] || { echo "$tool --scheme $fit $*: differs"; return 1; }
	got=$(REVIEWKIT_SCHEME=$fit "$tool" "$@" 2>&1) && st=0 || st=$?
	[ "$got" = "$ref" ] && [ "$st" = "$refst" ] || { echo "REVIEWKIT_SCHEME=$fit $tool $*: differs"; return 1; }
	accepted=$((accepted + 2))
	for s in "$wrong" three.tsv; do
		msg="$tool: $file: the header's label fields are the layers of scheme $fit, not of $s; use --scheme $fit"
		expect 2 "" "$msg" "$tool" --scheme "$s" "$@"
		REVIEWKIT_SCHEME=$s expect 2 "" "$msg" "$tool" "$@"
		refused=$((refused + 2))
	done
}

@test "scheme: argu fixtures: no option gives what --scheme argu -k gives; every wrong scheme is refused naming argu, none under argu" {
	argu_raters
	argu_reviews
	cp "$EXAMPLES"/argu/*.tsv .
	accepted=0 refused=0
	for f in r1.tsv r2.tsv r3.tsv r4.tsv split.tsv human.tsv model-a.tsv model-b.tsv model-c.tsv; do
		# Finding 1: the label fields are argu's with no option.
		[ "$(rfilter clarity=CLA "$f" | wc -l)" -eq "$(rfilter 'clarity=CLA-*' "$f" | wc -l)" ]
		[ "$(rfilter clarity=CLA "$f" | wc -l)" -gt 1 ]
		# Finding 4: keys with polarity, as -k gives them.
		expect 0 "$(rcount --scheme argu -k novelty "$f")" "" rcount novelty "$f"
		expect 0 "$(rcount --scheme argu -k -x clarity,novelty "$f")" "" rcount -x clarity,novelty "$f"
		for t in "rfilter clarity=CLA" "rfilter novelty=*-NEG" "rcount novelty" \
		    "rcount -x clarity,novelty" "rcount -d review ethics" "rtags" "rtags --check"; do
			runs_agree argu pra "$f" $t "$f"
		done
	done
	run2 rcount novelty r1.tsv
	refute_output --partial $'\nNOV\t'
	for set in "r1.tsv r2.tsv r3.tsv r4.tsv" "human.tsv model-a.tsv model-b.tsv model-c.tsv"; do
		# shellcheck disable=SC2086
		expect 0 "$(ragree --scheme argu -k -u review $set)" "" ragree -u review $set
		# shellcheck disable=SC2086
		expect 0 "$(ragree --scheme argu -k -u review --pairs $set)" "" ragree -u review --pairs $set
		run2 ragree -u review $set
		refute_output --partial $'\tnan'
		# shellcheck disable=SC2086
		runs_agree argu pra "${set%% *}" ragree -u review $set
	done
	assert_equal "$accepted $refused" "130 260"
}

@test "scheme: corpus: no option reads rsplit's output as pra; every wrong scheme is refused naming pra, none under pra" {
	need_corpus
	rsplit -q "$CORPUS"/pra4/*.txt > pra4.tsv
	rsplit -q "$CORPUS"/pra2/* > pra2.tsv
	accepted=0 refused=0
	for f in pra4.tsv pra2.tsv; do
		for t in "rfilter severity=MAJ" "rfilter aspect=*-NEG" "rcount aspect" "rcount -k aspect" \
		    "rcount -x aspect,severity" "rcount -d review section" "rtags" "rtags --check"; do
			runs_agree pra argu "$f" $t "$f"
		done
		# pra keeps its codes: no key of a label field has a polarity.
		run2 rcount aspect "$f"
		refute_output --partial -NEG
		runs_agree pra argu "$f" ragree -n a,b "$f" "$f"
	done
	assert_equal "$accepted $refused" "36 72"
}
