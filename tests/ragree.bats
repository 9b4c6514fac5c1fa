#!/usr/bin/env bats
# ragree: agreement between raters.  Textbook cases are checked against
# their published figures and against tests/agree_ref.py, an independent
# computation in exact fractions (Python standard library only).

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
	REF=$BATS_TEST_DIRNAME/agree_ref.py
	H=$'review\tsentence\tsection\taspect\tfunction\tseverity\ttext'
	# Two annotators of the same sentences, rows in different orders;
	# each gives a unit the other lacks.
	printf '%s\n' "$H" \
	    $'R1\t1\tMET-NEG,RES-NEG\tEMP-NEG\tCRT\tMAJ\tWeak.' \
	    $'R1\t2\tPDI-POS\tNOV-POS\tAPC\tMAJ\tNovel.' \
	    $'R2\t1\tEXP-NEU\t\tSUG\tMIN\tAdd X.' \
	    $'R2\t2\tRES-NEG\tCMP-NEG\tCRT\tMIN\tNo Y.' > ann1.tsv
	printf '%s\n' "$H" \
	    $'R2\t2\tRES-NEG\tCMP-NEU\tCRT\tMAJ\tNo Y.' \
	    $'R1\t1\tRES-NEG,MET-POS,RES-NEU\tEMP-NEG\tCRT\tMAJ\tWeak.' \
	    $'R2\t1\tEXP-NEU\tCLA-NEU\tSUG,QSN\tMIN\tAdd X.' \
	    $'R1\t3\tOAL-POS\tREC-POS\tFBK\tGEN\tAccept.' > ann2.tsv
	HEAD=$'layer\traters\tunits\tmissing\tagree\tcohen\tfleiss\talpha\tunanimous\tmajority\tsplit'
	USAGE='usage: ragree [-ikN] [-l LAYERS] [-u FIELDS] [-n NAMES] [--pairs]
              [--scheme S] FILE FILE...
       ragree -x LAYER [-kN] [-u FIELDS] [-n NAMES] [--scheme S] FILE FILE'
}

# Runs ragree ARGS... and expects status 0, no stderr and the output
# given as the last argument.
agrees_to() {
	local args=("${@:1:$#-1}") want=${!#}
	run2 ragree "${args[@]}"
	assert_equal "$stderr" ""
	assert_equal "$status" 0
	assert_equal "$output" "$want"
}

# The same table from the independent reference: ARGS... as for
# agree_ref.py table (which needs -l).
same_as_ref() {
	local want
	want=$(python3 "$REF" table "$@")
	assert_equal "$output" "$want"
}

# Writes a textbook case into the folder of its name.
textbook() {
	mkdir "$1"
	python3 "$REF" write "$1" "$1"
}

@test "ragree: Cohen's kappa of a 2x2 table worked by hand is 0.400" {
	textbook cohen
	agrees_to --scheme cohen/scheme.tsv cohen/r1.tsv cohen/r2.tsv "$HEAD
category	2	50	0	0.700	0.400	0.394	0.400	35	0	15"
	same_as_ref -l category cohen/r1.tsv cohen/r2.tsv
	run2 ragree --scheme cohen/scheme.tsv -x category cohen/r1.tsv cohen/r2.tsv
	assert_equal "$output" $'r1\tN\tY\nN\t15\t10\nY\t5\t20'
}

@test "ragree: Fleiss' kappa of the 10 subjects, 14 raters, 5 categories is 0.210" {
	textbook fleiss
	agrees_to --scheme fleiss/scheme.tsv fleiss/r*.tsv "$HEAD
category	14	10	0	0.100	0.235	0.210	0.216	1	2	7"
	same_as_ref -l category fleiss/r*.tsv
}

@test "ragree: Krippendorff's alpha of his 2011 example with missing values is 0.743" {
	textbook kripp
	agrees_to --scheme kripp/scheme.tsv kripp/[ABCD].tsv "$HEAD
category	4	8	4	0.625	0.644	0.641	0.743	5	2	1"
	same_as_ref -l category kripp/[ABCD].tsv
}

@test "ragree: a unit's value is the set of codes: order, repetition and polarity aside" {
	agrees_to ann1.tsv ann2.tsv "$HEAD
section	2	3	2	1.000	1.000	1.000	1.000	3	0	0
aspect	2	3	2	0.667	0.571	0.538	0.615	2	0	1
function	2	3	2	0.667	0.400	0.333	0.444	2	0	1
severity	2	3	2	0.667	0.400	0.333	0.444	2	0	1"
	same_as_ref -l section,aspect,function,severity ann1.tsv ann2.tsv
}

@test "ragree: -k compares items with their polarity" {
	agrees_to -k -l section,aspect ann1.tsv ann2.tsv "$HEAD
section	2	3	2	0.667	0.571	0.538	0.615	2	0	1
aspect	2	3	2	0.333	0.250	0.143	0.286	1	0	2"
	same_as_ref -k -l section,aspect ann1.tsv ann2.tsv
	run2 ragree --keep-polarity --layers aspect ann2.tsv ann1.tsv
	assert_equal "${lines[1]}" $'aspect\t2\t3\t2\t0.333\t0.250\t0.143\t0.286\t1\t0\t2'
}

@test "ragree: -i writes a row per layer and code: has the unit it or not" {
	agrees_to -i -l section,aspect ann1.tsv ann2.tsv $'layer\tkey\traters\tunits\tmissing\tagree\tcohen\tfleiss\talpha\tunanimous\tmajority\tsplit
section\tEXP\t2\t3\t2\t1.000\t1.000\t1.000\t1.000\t3\t0\t0
section\tMET\t2\t3\t2\t1.000\t1.000\t1.000\t1.000\t3\t0\t0
section\tOAL\t2\t3\t2\t1.000\tnan\tnan\tnan\t3\t0\t0
section\tPDI\t2\t3\t2\t1.000\tnan\tnan\tnan\t3\t0\t0
section\tRES\t2\t3\t2\t1.000\t1.000\t1.000\t1.000\t3\t0\t0
aspect\tCLA\t2\t3\t2\t0.667\t0.000\t-0.200\t0.000\t2\t0\t1
aspect\tCMP\t2\t3\t2\t1.000\t1.000\t1.000\t1.000\t3\t0\t0
aspect\tEMP\t2\t3\t2\t1.000\t1.000\t1.000\t1.000\t3\t0\t0
aspect\tNOV\t2\t3\t2\t1.000\tnan\tnan\tnan\t3\t0\t0
aspect\tREC\t2\t3\t2\t1.000\tnan\tnan\tnan\t3\t0\t0'
	same_as_ref -i -l section,aspect ann1.tsv ann2.tsv
}

@test "ragree: -i -k has a row per item, polarity and all" {
	agrees_to -i -k -l aspect ann1.tsv ann2.tsv $'layer\tkey\traters\tunits\tmissing\tagree\tcohen\tfleiss\talpha\tunanimous\tmajority\tsplit
aspect\tCLA-NEU\t2\t3\t2\t0.667\t0.000\t-0.200\t0.000\t2\t0\t1
aspect\tCMP-NEG\t2\t3\t2\t0.667\t0.000\t-0.200\t0.000\t2\t0\t1
aspect\tCMP-NEU\t2\t3\t2\t0.667\t0.000\t-0.200\t0.000\t2\t0\t1
aspect\tEMP-NEG\t2\t3\t2\t1.000\t1.000\t1.000\t1.000\t3\t0\t0
aspect\tNOV-POS\t2\t3\t2\t1.000\tnan\tnan\tnan\t3\t0\t0
aspect\tREC-POS\t2\t3\t2\t1.000\tnan\tnan\tnan\t3\t0\t0'
	same_as_ref -i -k -l aspect ann1.tsv ann2.tsv
}

@test "ragree: units match by id whatever the order of rows and of files" {
	{ head -n 1 ann2.tsv; tail -n +2 ann2.tsv | sort -r; } > ann2r.tsv
	run2 ragree ann1.tsv ann2.tsv
	local want=$output
	run2 ragree -n ann1,ann2 ann1.tsv ann2r.tsv
	assert_equal "$output" "$want"
	run2 ragree ann2.tsv ann1.tsv
	assert_equal "$output" "$want"
}

@test "ragree: -u review,text matches units where sentences were numbered differently" {
	printf '%s\n' "$H" \
	    $'R1\t5\tRES-NEG,MET-POS\tEMP-NEG\tCRT\tMAJ\tWeak.' \
	    $'R1\t6\tPDI-NEU\tNOV-POS\tAPC\tMAJ\tNovel.' \
	    $'R2\t7\tEXP-NEU\t\tSUG\tMIN\tAdd X.' > renum.tsv
	run2 ragree -l section ann1.tsv renum.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "ragree: the files share no unit (matched by review,sentence)"
	agrees_to -u review,text -l section,aspect ann1.tsv renum.tsv "$HEAD
section	2	3	1	1.000	1.000	1.000	1.000	3	0	0
aspect	2	3	1	1.000	1.000	1.000	1.000	3	0	0"
	same_as_ref -u review,text -l section,aspect ann1.tsv renum.tsv
	agrees_to --units 1,7 -l section -N <(tail -n +2 ann1.tsv) <(tail -n +2 renum.tsv) \
	    $'section\t2\t3\t1\t1.000\t1.000\t1.000\t1.000\t3\t0\t0'
}

@test "ragree: units only some raters gave count in missing, and alpha uses them" {
	printf '%s\n' "$H" \
	    $'R1\t1\tMET-NEG\t\t\t\tx' \
	    $'R2\t1\tEXP\t\t\t\tx' \
	    $'R3\t1\tRES\t\t\t\tx' > m1.tsv
	printf '%s\n' "$H" \
	    $'R1\t1\tMET\t\t\t\tx' \
	    $'R3\t1\tRES\t\t\t\tx' > m2.tsv
	printf '%s\n' "$H" \
	    $'R1\t1\tMET\t\t\t\tx' \
	    $'R2\t1\tEXP\t\t\t\tx' \
	    $'R4\t1\tEXP\t\t\t\tx' > m3.tsv
	agrees_to -l section m1.tsv m2.tsv m3.tsv "$HEAD
section	3	1	3	1.000	nan	nan	1.000	1	0	0"
	same_as_ref -l section m1.tsv m2.tsv m3.tsv
	agrees_to --pairs -l section m1.tsv m2.tsv m3.tsv $'layer\trater1\trater2\tunits\tagree\tcohen
section\tm1\tm2\t2\t1.000\t1.000
section\tm1\tm3\t2\t1.000\t1.000
section\tm2\tm3\t1\t1.000\tnan'
	same_as_ref --pairs -l section m1.tsv m2.tsv m3.tsv
}

@test "ragree: three raters: unanimous, majority and split units" {
	printf '%s\n' "$H" $'R\t1\t\t\tCRT\t\tx' $'R\t2\t\t\tCRT\t\tx' \
	    $'R\t3\t\t\tSUG\t\tx' $'R\t4\t\t\tQSN\t\tx' > t1.tsv
	printf '%s\n' "$H" $'R\t1\t\t\tCRT\t\tx' $'R\t2\t\t\tCRT\t\tx' \
	    $'R\t3\t\t\tCRT\t\tx' $'R\t4\t\t\tSUG\t\tx' > t2.tsv
	printf '%s\n' "$H" $'R\t1\t\t\tCRT\t\tx' $'R\t2\t\t\tSUG\t\tx' \
	    $'R\t3\t\t\tSUG\t\tx' $'R\t4\t\t\tDIS\t\tx' > t3.tsv
	agrees_to -l function t1.tsv t2.tsv t3.tsv "$HEAD
function	3	4	0	0.250	0.118	0.067	0.144	1	2	1"
	same_as_ref -l function t1.tsv t2.tsv t3.tsv
	agrees_to --pairs -l function t1.tsv t2.tsv t3.tsv $'layer\trater1\trater2\tunits\tagree\tcohen
function\tt1\tt2\t4\t0.500\t0.111
function\tt1\tt3\t4\t0.500\t0.333
function\tt2\tt3\t4\t0.250\t-0.091'
	same_as_ref --pairs -l function t1.tsv t2.tsv t3.tsv
}

@test "ragree: an empty list is a value like any other" {
	printf '%s\n' "$H" $'R\t1\t\tEMP-NEG\t\t\tx' $'R\t2\t\t\t\t\tx' \
	    $'R\t3\t\t,\t\t\tx' > e1.tsv
	printf '%s\n' "$H" $'R\t1\t\tEMP-POS\t\t\tx' $'R\t2\t\t\t\t\tx' \
	    $'R\t3\t\tEMP\t\t\tx' > e2.tsv
	agrees_to -l aspect e1.tsv e2.tsv "$HEAD
aspect	2	3	0	0.667	0.400	0.333	0.444	2	0	1"
	agrees_to -x aspect e1.tsv e2.tsv $'e1\t\tEMP
\t1\t1
EMP\t0\t1'
}

@test "ragree: undefined coefficients are nan" {
	printf '%s\n' "$H" $'R\t1\t\t\t\tMAJ\tx' $'R\t2\t\t\t\tMAJ\tx' > n1.tsv
	cp n1.tsv n2.tsv
	agrees_to -l severity,section n1.tsv n2.tsv "$HEAD
severity	2	2	0	1.000	nan	nan	nan	2	0	0
section	2	2	0	1.000	nan	nan	nan	2	0	0"
	printf '%s\n' "$H" $'R\t1\t\t\t\tMAJ\tx' $'R\t2\t\t\t\tMIN\tx' > n3.tsv
	agrees_to -l severity n1.tsv n3.tsv "$HEAD
severity	2	2	0	0.500	0.000	-0.333	0.000	1	0	1"
	# Light's mean is undefined when one pair's kappa is.
	agrees_to -l severity n1.tsv n2.tsv n3.tsv "$HEAD
severity	3	2	0	0.500	nan	-0.200	0.000	1	1	0"
	same_as_ref -l severity n1.tsv n2.tsv n3.tsv
}

@test "ragree: -x is the confusion table of two raters, in rcount -x's form" {
	agrees_to -x section ann1.tsv ann2.tsv $'ann1\tEXP\tMET,RES\tRES
EXP\t1\t0\t0
MET,RES\t0\t1\t0
RES\t0\t0\t1'
	agrees_to -k --confusion aspect -n A,B ann1.tsv ann2.tsv $'A\t\tCLA-NEU\tCMP-NEG\tCMP-NEU\tEMP-NEG
\t0\t1\t0\t0\t0
CLA-NEU\t0\t0\t0\t0\t0
CMP-NEG\t0\t0\t0\t1\t0
CMP-NEU\t0\t0\t0\t0\t0
EMP-NEG\t0\t0\t0\t0\t1'
	tail -n +2 ann1.tsv > h1
	tail -n +2 ann2.tsv > h2
	agrees_to -N -x function h1 h2 \
	    $'h1\tCRT\tQSN,SUG\tSUG\nCRT\t2\t0\t0\nQSN,SUG\t0\t0\t0\nSUG\t0\t1\t0'
}

@test "ragree: raters are named by base name without extension, or by -n" {
	mkdir -p a/b
	cp ann1.tsv a/b/human.v1.tsv
	cp ann2.tsv gpt
	agrees_to --pairs -l section a/b/human.v1.tsv gpt $'layer\trater1\trater2\tunits\tagree\tcohen
section\thuman.v1\tgpt\t3\t1.000\t1.000'
	agrees_to --pairs -l section --names 'x y,z' ann1.tsv - < ann2.tsv $'layer\trater1\trater2\tunits\tagree\tcohen
section\tx y\tz\t3\t1.000\t1.000'
}

@test "ragree: -N reads files without header and writes none" {
	agrees_to -N -l section <(tail -n +2 ann1.tsv) <(tail -n +2 ann2.tsv) \
	    $'section\t2\t3\t2\t1.000\t1.000\t1.000\t1.000\t3\t0\t0'
}

@test "ragree: CRLF line ends and a last line without LF" {
	printf '%s\r\n' "$H" $'R1\t1\tMET-NEG,RES-NEG\tEMP-NEG\tCRT\tMAJ\tWeak.' > c1.tsv
	printf '%s\r\n%s' "$H" $'R1\t1\tRES,MET\tEMP-NEG\tCRT\tMAJ\tWeak.' > c2.tsv
	agrees_to -l section,severity c1.tsv c2.tsv "$HEAD
section	2	1	0	1.000	nan	nan	nan	1	0	0
severity	2	1	0	1.000	nan	nan	nan	1	0	0"
}

@test "ragree: the layers of another scheme" {
	printf 'review\tsentence\tclarity\tjustification\tdepth\tfairness\tconstructiveness\tengagement\taccuracy\tconsistency\tnovelty\tethics\ttext\n' > h.tsv
	{ cat h.tsv; printf 'R1\t1\tCLA-POS\tJUS-NEG\t\t\t\t\t\t\t\t\tx\nR2\t1\tCLA-NEG\tJUS-NEG\t\t\t\t\t\t\t\t\tx\n'; } > q1.tsv
	{ cat h.tsv; printf 'R1\t1\tCLA-POS\tJUS-POS\t\t\t\t\t\t\t\t\tx\nR2\t1\tCLA-NEG\tJUS-NEG\t\t\t\t\t\t\t\t\tx\n'; } > q2.tsv
	REVIEWKIT_SCHEME=argu agrees_to -k -u review -l justification,clarity q1.tsv q2.tsv "$HEAD
justification	2	2	0	0.500	0.000	-0.333	0.000	1	0	1
clarity	2	2	0	1.000	1.000	1.000	1.000	2	0	0"
	run2 ragree --scheme argu -l section q1.tsv q2.tsv
	assert_equal "$status" 2
	assert_equal "${stderr%%$'\n'*}" "ragree: unknown layer 'section'"
}

@test "ragree: -i --pairs: a row per layer, key and pair" {
	agrees_to -i --pairs -l severity -n a,b ann1.tsv ann2.tsv $'layer\tkey\trater1\trater2\tunits\tagree\tcohen
severity\tGEN\ta\tb\t3\t1.000\tnan
severity\tMAJ\ta\tb\t3\t0.667\t0.400
severity\tMIN\ta\tb\t3\t0.667\t0.400'
}

@test "ragree: a closed pipe ends ragree quietly" {
	run_head1 ragree ann1.tsv ann2.tsv
	assert_equal "$output" "$HEAD"
	assert_equal "$cmd_stderr" ""
}

@test "ragree: an unknown scheme, or a bad scheme file, is a usage error" {
	run2 ragree --scheme argue ann1.tsv ann2.tsv
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "ragree: no scheme 'argue': the built-in schemes are pra, argu, and any other is a scheme file"
	printf 'layer\tcode\tname\tdescription\tpolarity\ntopic\tMTH\tM\tx\tmaybe\n' > bad.tsv
	REVIEWKIT_SCHEME=bad.tsv run2 ragree ann1.tsv ann2.tsv
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "ragree: bad.tsv:2: polarity 'maybe', expected yes or no"
}

@test "ragree: fewer than two files is a usage error" {
	assert_usage_error "ragree: two rater files or more are needed, one per rater" "$USAGE" ragree
	assert_usage_error "ragree: two rater files or more are needed, one per rater" "$USAGE" ragree ann1.tsv
}

@test "ragree: -x takes two raters and no -i, -l or --pairs" {
	assert_usage_error "ragree: -x compares two raters, not 3" "$USAGE" \
	    ragree -x section ann1.tsv ann2.tsv ann1.tsv
	for opt in -i -l=section --pairs; do
		assert_usage_error "ragree: -x writes one table: no -i, -l or --pairs" "$USAGE" \
		    ragree -x section ${opt/=/ } ann1.tsv ann2.tsv
	done
}

@test "ragree: an unknown layer, or one given twice, is a usage error" {
	assert_usage_error "ragree: unknown layer 'bogus'
ragree: the layers are: section aspect function severity" "$USAGE" \
	    ragree -l section,bogus ann1.tsv ann2.tsv
	assert_usage_error "ragree: unknown layer 'text'
ragree: the layers are: section aspect function severity" "$USAGE" \
	    ragree -x text ann1.tsv ann2.tsv
	assert_usage_error "ragree: layer 'aspect' given twice" "$USAGE" \
	    ragree -l aspect,section,aspect ann1.tsv ann2.tsv
	assert_usage_error "ragree: empty name in -l 'section,'" "$USAGE" \
	    ragree -l section, ann1.tsv ann2.tsv
	assert_usage_error "ragree: empty name in -u ''" "$USAGE" \
	    ragree -u '' ann1.tsv ann2.tsv
}

@test "ragree: -n with the wrong number of names, or two raters of one name" {
	assert_usage_error "ragree: -n names 3 raters, but 2 files are given" "$USAGE" \
	    ragree -n a,b,c ann1.tsv ann2.tsv
	assert_usage_error "ragree: raters 1 and 3 are both named 'a'; name them with -n" "$USAGE" \
	    ragree -n a,b,a ann1.tsv ann2.tsv ann1.tsv
	mkdir x
	cp ann2.tsv x/ann1.tsv
	assert_usage_error "ragree: raters 1 and 2 are both named 'ann1'; name them with -n" "$USAGE" \
	    ragree ann1.tsv x/ann1.tsv
}

@test "ragree: a header without a unit field or a layer is a usage error naming the file" {
	printf 'review\tsentence\tsection\ttext\nR1\t1\tMET\tx\n' > nolayer.tsv
	run2 ragree ann1.tsv nolayer.tsv
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "ragree: nolayer.tsv: the header has no field for the layer 'aspect'
ragree: the fields of nolayer.tsv are: review sentence section text"
	run2 ragree -l section -u review,sentense ann1.tsv nolayer.tsv
	assert_equal "$status" 2
	assert_equal "$stderr" "ragree: ann1.tsv: the header has no field 'sentense'
ragree: the fields of ann1.tsv are: review sentence section aspect function severity text"
	run2 ragree -l section -u 5 nolayer.tsv ann1.tsv
	assert_equal "$status" 2
	assert_equal "$stderr" "ragree: nolayer.tsv: the header has no field '5'
ragree: the fields of nolayer.tsv are: review sentence section text"
}

@test "ragree: a unit given twice by one rater names the file and both lines" {
	printf '%s\n' "$H" $'R1\t1\tMET-NEG\t\t\t\tA' $'R1\t2\t\t\t\t\tB' \
	    $'R1\t1\tMET\t\t\t\tC' > dup.tsv
	run2 ragree ann1.tsv dup.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "ragree: dup.tsv:4: unit review 'R1', sentence '1' given again; first at dup.tsv:2"
	printf '%s\n' "$H" $'R1\t1\t\t\t\t\tA' $'R2\t1\t\t\t\t\tA' > dup2.tsv
	run2 ragree -u text ann1.tsv dup2.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "ragree: dup2.tsv:3: unit text 'A' given again; first at dup2.tsv:2"
}

@test "ragree: files that share no unit are an error" {
	printf '%s\n' "$H" $'R9\t1\tMET-NEG\tEMP-NEG\tCRT\tMAJ\tA' > other.tsv
	run2 ragree ann1.tsv other.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "ragree: the files share no unit (matched by review,sentence)"
	: > empty.tsv
	run2 ragree -u review,text ann1.tsv empty.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "ragree: the files share no unit (matched by review,text)"
}

@test "ragree: a row without a field that ragree reads stops with FILE:LINE" {
	printf '%s\n' "$H" $'R1\t1\tMET-NEG' > short.tsv
	run2 ragree ann1.tsv short.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "ragree: short.tsv:2: row has no field 6 (severity)"
}

@test "ragree: an unreadable file is reported and left out; status 1" {
	run2 ragree -l section ann1.tsv missing.tsv ann2.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "ragree: missing.tsv: No such file or directory"
	assert_equal "$output" "$HEAD
section	2	3	2	1.000	1.000	1.000	1.000	3	0	0"
	mkdir adir
	run2 ragree --pairs -l section adir ann1.tsv ann2.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "ragree: adir: Is a directory"
	assert_equal "$output" $'layer\trater1\trater2\tunits\tagree\tcohen
section\tann1\tann2\t3\t1.000\t1.000'
	run2 ragree ann1.tsv missing.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "ragree: missing.tsv: No such file or directory
ragree: fewer than two rater files could be read"
}

@test "ragree: a bad option, --help, --version, a write error" {
	run2 ragree --bogus ann1.tsv ann2.tsv
	assert_equal "$status" 2
	assert_equal "$stderr" "ragree: unrecognized option '--bogus'
$USAGE"
	run2 ragree --help
	assert_equal "$status" 0
	assert_equal "${lines[0]}" "${USAGE%%$'\n'*}"
	run2 ragree -V
	assert_equal "$output" "ragree (reviewkit) 0.1.0"
	run2 to_full ragree ann1.tsv ann2.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "ragree: write error: No space left on device"
}

# The README's section on ragree, run from a folder where examples/ and
# corpus/ stand as the README has them: each "    $ COMMAND" line whose
# command matches the extended regex PATTERN runs in order, and the
# indented lines after it must be exactly its output.
check_readme() {
	local pattern=$1 line cmd="" want="" on=false
	readme_runs=0
	ln -s "$BATS_TEST_DIRNAME/../examples" examples
	ln -s "$CORPUS" corpus
	while IFS= read -r line; do
		case $line in
		'### Agreement between annotators: ragree') on=true; continue ;;
		'## '*|'### '*) $on && break ;;
		esac
		$on || continue
		if [[ $line == '    $ '* ]] || [[ $line != '    '* ]]; then
			run_readme "$pattern" "$cmd" "$want"
			cmd="" want=""
			[[ $line == '    $ '* ]] && cmd=${line#'    $ '}
		elif [ -n "$cmd" ]; then
			want+=${want:+$'\n'}${line#'    '}
		fi
	done < "$BATS_TEST_DIRNAME/../README.md"
	run_readme "$pattern" "$cmd" "$want"
	[ "$readme_runs" -gt 1 ]
}

# Runs the README command $2 when it matches $1; its output must be $3.
# Called as a plain statement, so that a failed assertion fails the test.
run_readme() {
	if [ -z "$2" ] || ! grep -qE "$1" <<< "$2"; then
		return 0
	fi
	run bash -c "$2"
	assert_equal "$status" 0
	assert_equal "$output" "$3"
	readme_runs=$((readme_runs + 1))
}

@test "ragree: the README's tables on the examples are the commands' output" {
	check_readme 'examples/'
}

@test "ragree: the README's corpus tables are the commands' output (pra4 and pra2 as two raters)" {
	need_corpus
	check_readme 'corpus/|pra[24]\.tsv'
}

@test "ragree: on the corpus, pra4 against pra2 by review,text agrees with the reference" {
	need_corpus
	rsplit -q "$CORPUS"/pra4/* > pra4.tsv
	# Three reviews of pra2 come in two copies; a unit given twice is an
	# error, so both copies stay out (whatever ids rsplit gives them).
	rsplit -q "$CORPUS"/pra2/* 2>/dev/null |
	    rfilter -v 'review=ICLR2018-Hk3ddfWRW-R1*,ICLR2018-Hk3ddfWRW-R3*,ICLR2018-HyHmGyZCZ-R2*' > pra2.tsv
	run2 ragree -u review,text -l section,aspect pra4.tsv pra2.tsv
	assert_equal "$status" 0
	same_as_ref -u review,text -l section,aspect pra4.tsv pra2.tsv
	run2 ragree -i -u review,text -l section pra4.tsv pra2.tsv
	same_as_ref -i -u review,text -l section pra4.tsv pra2.tsv
}

@test "ragree: an exact half rounds to even, as ragree(1) says: 9/16 is 0.562 (issue 23)" {
	{ printf 'review\tsentence\tseverity\n'; for i in $(seq 16); do printf 'R\t%d\tMAJ\n' "$i"; done; } > h.tsv
	{ printf 'review\tsentence\tseverity\n'; for i in $(seq 16); do printf 'R\t%d\t%s\n' "$i" "$( [ "$i" -le 9 ] && echo MAJ || echo MIN)"; done; } > m.tsv
	expect 0 $'layer\traters\tunits\tmissing\tagree\tcohen\tfleiss\talpha\tunanimous\tmajority\tsplit
severity\t2\t16\t0\t0.562\t0.000\t-0.280\t-0.240\t9\t0\t7' "" ragree -l severity h.tsv m.tsv
	grep -q '^An exact half rounds to even, as Python and R print it: 9/16 is 0.562.$' \
	    "$BATS_TEST_DIRNAME/../man/ragree.1"
}
