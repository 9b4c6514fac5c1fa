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
	USAGE='usage: ragree [-ikN] [-l LAYERS] [-u FIELDS] [-n NAMES | -r F] [-g NAME]
              [--pairs] [--units] [--mean] [--order LIST] [--weights W]
              [--metric M] [--ci PCT [--boot N] [--seed S]] [--digits N]
              [--scheme S] FILE...
       ragree -x LAYER [-kN] [-u FIELDS] [-n NAMES | -r F] [--scheme S]
              FILE...'
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
	expect 0 $'r1\tN\tY\nN\t15\t10\nY\t5\t20' "" \
	    ragree --scheme cohen/scheme.tsv -x category cohen/r1.tsv cohen/r2.tsv
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
	expect 0 "$HEAD"$'\naspect\t2\t3\t2\t0.333\t0.250\t0.143\t0.286\t1\t0\t2' "" \
	    ragree --keep-polarity --layers aspect ann2.tsv ann1.tsv
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
	# Whatever the table, the next two runs must write it.
	expect 0 @any "" ragree ann1.tsv ann2.tsv
	local want=$output
	expect 0 "$want" "" ragree -n ann1,ann2 ann1.tsv ann2r.tsv
	expect 0 "$want" "" ragree ann2.tsv ann1.tsv
}

@test "ragree: -u review,text matches units where sentences were numbered differently" {
	printf '%s\n' "$H" \
	    $'R1\t5\tRES-NEG,MET-POS\tEMP-NEG\tCRT\tMAJ\tWeak.' \
	    $'R1\t6\tPDI-NEU\tNOV-POS\tAPC\tMAJ\tNovel.' \
	    $'R2\t7\tEXP-NEU\t\tSUG\tMIN\tAdd X.' > renum.tsv
	expect 1 "" \
	    "ragree: the files share no unit (matched by review,sentence)" \
	    ragree -l section ann1.tsv renum.tsv
	agrees_to -u review,text -l section,aspect ann1.tsv renum.tsv "$HEAD
section	2	3	1	1.000	1.000	1.000	1.000	3	0	0
aspect	2	3	1	1.000	1.000	1.000	1.000	3	0	0"
	same_as_ref -u review,text -l section,aspect ann1.tsv renum.tsv
	agrees_to --unit-fields 1,7 -l section -N <(tail -n +2 ann1.tsv) <(tail -n +2 renum.tsv) \
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
	expect 2 "" "ragree: unknown layer 'section'
ragree: the layers are: clarity justification depth fairness constructiveness engagement accuracy consistency novelty ethics
$USAGE" \
	    ragree --scheme argu -l section q1.tsv q2.tsv
}

@test "ragree: -i --pairs: a row per layer, key and pair, of the keys the pair gave on the units both gave" {
	# GEN is only in a unit that b alone gave: no row.
	agrees_to -i --pairs -l severity -n a,b ann1.tsv ann2.tsv $'layer\tkey\trater1\trater2\tunits\tagree\tcohen
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

@test "ragree: -x takes two raters and no -i, -l, -g, --pairs, --units, --mean, --order or --ci" {
	assert_usage_error "ragree: -x compares two raters, not 3" "$USAGE" \
	    ragree -x section ann1.tsv ann2.tsv ann1.tsv
	for opt in -i -l=section -g=ann1 --pairs --units --mean --order=MIN,MAJ --ci=95; do
		assert_usage_error "ragree: -x writes one table: no -i, -l, -g, --pairs, --units, --mean, --order or --ci" "$USAGE" \
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
	assert_usage_error "ragree: empty name in -n 'a,'" "$USAGE" \
	    ragree -n a, ann1.tsv ann2.tsv
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
	assert_equal "$stderr" "ragree: nolayer.tsv: the header has 1 of the 4 layers of scheme pra (section; no aspect, function, severity); for another scheme, use --scheme FILE"
	expect 2 "" \
	    "ragree: ann1.tsv: the header has no field 'sentense'; did you mean 'sentence'?
ragree: the fields of ann1.tsv are: review sentence section aspect function severity text" \
	    ragree -l section -u review,sentense ann1.tsv nolayer.tsv
	expect 2 "" "ragree: nolayer.tsv: the header has no field '5'
ragree: the fields of nolayer.tsv are: review sentence section text" \
	    ragree -l section -u 5 nolayer.tsv ann1.tsv
}

@test "ragree: a unit given twice by one rater names the file and both lines" {
	printf '%s\n' "$H" $'R1\t1\tMET-NEG\t\t\t\tA' $'R1\t2\t\t\t\t\tB' \
	    $'R1\t1\tMET\t\t\t\tC' > dup.tsv
	run2 ragree ann1.tsv dup.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "ragree: dup.tsv:4: unit review 'R1', sentence '1' given again; first at dup.tsv:2"
	printf '%s\n' "$H" $'R1\t1\t\t\t\t\tA' $'R2\t1\t\t\t\t\tA' > dup2.tsv
	expect 1 "" \
	    "ragree: dup2.tsv:3: unit text 'A' given again; first at dup2.tsv:2" \
	    ragree -u text ann1.tsv dup2.tsv
}

@test "ragree: files that share no unit are an error" {
	printf '%s\n' "$H" $'R9\t1\tMET-NEG\tEMP-NEG\tCRT\tMAJ\tA' > other.tsv
	run2 ragree ann1.tsv other.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "ragree: the files share no unit (matched by review,sentence)"
	: > empty.tsv
	expect 1 "" "ragree: the files share no unit (matched by review,text)" \
	    ragree -u review,text ann1.tsv empty.tsv
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
	expect 2 "" "ragree: unrecognized option '--bogus'
$USAGE" \
	    ragree --bogus ann1.tsv ann2.tsv
	# The help is ragree(1)'s in short; it begins with the synopsis.
	expect 0 @any "" ragree --help
	assert_equal "${lines[0]}" "${USAGE%%$'\n'*}"
	expect 0 "ragree (reviewkit) 0.1.0" "" ragree -V
	expect 1 "" "ragree: write error: No space left on device" \
	    to_full ragree ann1.tsv ann2.tsv
}

@test "ragree: on the corpus, pra4 against pra2 by review,text agrees with the reference" {
	need_corpus
	rsplit -q "$CORPUS"/pra4/* > pra4.tsv
	# Three reviews of pra2 come in two copies; a unit given twice is an
	# error, so both copies stay out (whatever ids rsplit gives them).
	rsplit -q "$CORPUS"/pra2/* 2>/dev/null |
	    rfilter -v 'review=ICLR2018-Hk3ddfWRW-R1*,ICLR2018-Hk3ddfWRW-R3*,ICLR2018-HyHmGyZCZ-R2*' > pra2.tsv
	# stdout is the reference's table: same_as_ref compares them.
	expect 0 @any "" ragree -u review,text -l section,aspect pra4.tsv pra2.tsv
	same_as_ref -u review,text -l section,aspect pra4.tsv pra2.tsv
	expect 0 @any "" ragree -i -u review,text -l section pra4.tsv pra2.tsv
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

# --- published figures (tests/agree_ref.py names the source of each case)

@test "ragree: Krippendorff (2011): alpha 0.743 nominal, 0.815 ordinal, 0.849 interval" {
	textbook kripp
	local s="--scheme kripp/scheme.tsv" f="kripp/A.tsv kripp/B.tsv kripp/C.tsv kripp/D.tsv"
	expect 0 $'layer\talpha\ncategory\t0.743' "" bash -c "ragree $s $f | cut -f1,8"
	expect 0 $'alpha\n0.815' "" bash -c "ragree $s --order A,B,C,D,E --metric ordinal $f | cut -f8"
	expect 0 $'alpha\n0.849' "" bash -c "ragree $s --order A,B,C,D,E --metric interval $f | cut -f8"
	run2 ragree $s --order A,B,C,D,E --metric ordinal $f
	same_as_ref -l category --order A,B,C,D,E --metric ordinal $f
	run2 ragree $s --order A,B,C,D,E --metric interval --digits 15 $f
	same_as_ref -l category --order A,B,C,D,E --metric interval --digits 15 $f
}

@test "ragree: ordinal alpha of 2.4 million values: Krippendorff's 2011 example 60000 times, 0.810654" {
	# The expected disagreement grows as the fourth power of the values
	# (an ordinal value is up to twice their number); summed in 64-bit
	# integers it overflowed past about 1.3 million values, and ordinal
	# alpha came out as -0.307.  The figures are Krippendorff's formula on
	# the example's coincidence matrix times 60000, in exact fractions:
	# 19430401891/23968800000 ordinal, 24342859/28800000 interval,
	# 6720001/9120000 nominal.
	textbook kripp
	local r
	for r in A B C D; do
		awk -F'\t' -v OFS='\t' 'NR == 1 { print; next }
		    { for (i = 1; i <= 60000; i++) print $1 i, $2, $3, $4 }' \
		    "kripp/$r.tsv" > "$r.tsv"
	done
	local s="--scheme kripp/scheme.tsv --digits 6 --order A,B,C,D,E"
	expect 0 $'alpha\n0.810654' "" bash -c "ragree $s --metric ordinal [ABCD].tsv | cut -f8"
	expect 0 $'alpha\n0.845238' "" bash -c "ragree $s --metric interval [ABCD].tsv | cut -f8"
	expect 0 $'alpha\n0.736842' "" bash -c "ragree $s [ABCD].tsv | cut -f8"
}

@test "ragree: Wikipedia's example of Krippendorff's alpha: 0.691358 nominal, 0.810845 interval" {
	textbook wiki
	local s="--scheme wiki/scheme.tsv --digits 6" f="wiki/A.tsv wiki/B.tsv wiki/C.tsv"
	expect 0 $'alpha\n0.691358' "" bash -c "ragree $s $f | cut -f8"
	expect 0 $'alpha\n0.810845' "" bash -c "ragree $s --order A,B,C,D --metric interval $f | cut -f8"
	run2 ragree $s --order A,B,C,D --metric ordinal $f
	same_as_ref -l category --digits 6 --order A,B,C,D --metric ordinal $f
}

@test "ragree: Gwet (2014), two abstractors: kappa 0.7964094, Scott's pi 0.7962397, alpha 0.7972585, quadratic kappa 0.8921569" {
	textbook abstr
	# With two raters, fleiss is Scott's pi.
	expect 0 "$HEAD
category	2	100	0	0.8900000	0.7964094	0.7962397	0.7972585	89	0	11" "" \
	    ragree --scheme abstr/scheme.tsv --digits 7 abstr/r1.tsv abstr/r2.tsv
	expect 0 $'cohen\n0.8921569' "" bash -c "ragree --scheme abstr/scheme.tsv --digits 7 --order A,B,C --weights quadratic abstr/r1.tsv abstr/r2.tsv | cut -f6"
	run2 ragree --scheme abstr/scheme.tsv --digits 15 --order A,B,C --weights linear --pairs abstr/r1.tsv abstr/r2.tsv
	same_as_ref -l category --digits 15 --order A,B,C --weights linear --pairs abstr/r1.tsv abstr/r2.tsv
}

@test "ragree: Gwet (2014), 15 subjects, 6 raters: Fleiss' kappa 0.4139265, alpha 0.4204384" {
	textbook six
	expect 0 $'fleiss\talpha\n0.4139265\t0.4204384' "" bash -c "ragree --scheme six/scheme.tsv --digits 7 six/r*.tsv | cut -f7,8"
	run2 ragree --scheme six/scheme.tsv six/r*.tsv
	same_as_ref -l category six/r*.tsv
}

@test "ragree: Artstein and Poesio (2008) and scikit-learn's weighting example: 0.348, 0.8013; 0.9315, linear 0.9412, quadratic 0.9541" {
	textbook ap1
	textbook ap4
	textbook skw
	expect 0 $'cohen\n0.348' "" bash -c "ragree --scheme ap1/scheme.tsv ap1/r1.tsv ap1/r2.tsv | cut -f6"
	expect 0 $'cohen\n0.8013' "" bash -c "ragree --scheme ap4/scheme.tsv --digits 4 ap4/r1.tsv ap4/r2.tsv | cut -f6"
	local s="--scheme skw/scheme.tsv --digits 4 --order A,B,C" f="skw/r1.tsv skw/r2.tsv"
	expect 0 $'cohen\n0.9315' "" bash -c "ragree $s $f | cut -f6"
	expect 0 $'cohen\n0.9412' "" bash -c "ragree $s --weights linear $f | cut -f6"
	expect 0 $'cohen\n0.9541' "" bash -c "ragree $s --weights quadratic $f | cut -f6"
	run2 ragree --scheme skw/scheme.tsv --order A,B,C --weights linear --metric ordinal -g r1 skw/r1.tsv skw/r2.tsv
	same_as_ref -l category --order A,B,C --weights linear --metric ordinal -g r1 skw/r1.tsv skw/r2.tsv
}

@test "ragree: scikit-learn's precision_recall_fscore_support example: macro F1 0.2667, micro 0.3333" {
	textbook pets
	expect 0 $'layer\trater\tunits\taccuracy\tkappa\tprecision\trecall\tf1\tmacro_f1
category\tpred\t6\t0.3333\t0.0000\t0.3333\t0.3333\t0.3333\t0.2667' "" \
	    ragree --scheme pets/scheme.tsv --digits 4 -g truth pets/truth.tsv pets/pred.tsv
	run2 ragree --scheme pets/scheme.tsv -i -g truth pets/truth.tsv pets/pred.tsv
	same_as_ref -l category -i -g truth pets/truth.tsv pets/pred.tsv
}

@test "ragree: the independent reference agrees on 300 generated cases (missing units, one category, ties, several items, -i, -g, -r, weights, ordinal and interval alpha, --ci)" {
	expect 0 "300 cases agree" "" python3 "$REF" check "$RK_BIN" 300 1
}

@test "ragree: and on 300 more, from another seed" {
	expect 0 "300 cases agree" "" python3 "$REF" check "$RK_BIN" 300 2
}

# --- the study's options, hand-made cases

@test "ragree: -g judges each rater against the gold: accuracy, kappa, precision, recall, F1 of items, macro F1" {
	expect 0 $'layer\trater\tunits\taccuracy\tkappa\tprecision\trecall\tf1\tmacro_f1
section\tann2\t3\t1.000\t1.000\t1.000\t1.000\t1.000\t1.000
aspect\tann2\t3\t0.667\t0.571\t0.667\t1.000\t0.800\t0.667
function\tann2\t3\t0.667\t0.400\t0.750\t1.000\t0.857\t0.667' "" \
	    ragree -g ann1 -l section,aspect,function ann1.tsv ann2.tsv
	same_as_ref -g ann1 -l section,aspect,function ann1.tsv ann2.tsv
	run2 ragree --gold ann2 -k ann1.tsv ann2.tsv ann1.tsv -n a,ann2,c
	same_as_ref -g ann2 -k -n a,ann2,c -l section,aspect,function,severity ann1.tsv ann2.tsv ann1.tsv
}

# argu has a layer called accuracy: -g's table was taken for argu data,
# so REVIEWKIT_SCHEME=pra refused it (status 2) and rfilter warned that
# accuracy holds codes.  A figure table holds no label field.
@test "ragree: -g's table is read by rfilter and rcount under any scheme: its accuracy is a figure, not argu's layer" {
	ragree -g ann1 -l section,aspect,function ann1.tsv ann2.tsv > g.tsv
	rows=$'layer\trater\tunits\taccuracy\tkappa\tprecision\trecall\tf1\tmacro_f1
aspect\tann2\t3\t0.667\t0.571\t0.667\t1.000\t0.800\t0.667
function\tann2\t3\t0.667\t0.400\t0.750\t1.000\t0.857\t0.667'
	expect 0 "$rows" "" rfilter 'kappa<0.9' g.tsv
	REVIEWKIT_SCHEME=pra expect 0 "$rows" "" rfilter 'kappa<0.9' g.tsv
	expect 0 "$rows" "" rfilter 'accuracy<0.9' g.tsv
	REVIEWKIT_SCHEME=pra expect 0 $'rater\tcount\nann2\t3' "" rcount rater g.tsv
	expect 0 $'rater\tcount\nann2\t3' "" rcount --scheme argu rater g.tsv
}

@test "ragree: -i -g: each key's binary figures, no macro F1; nan where a denominator is 0" {
	# APC and FBK are only in units that one of the two gave: no row.
	expect 0 $'layer\tkey\trater\tunits\taccuracy\tkappa\tprecision\trecall\tf1
function\tCRT\tann1\t3\t1.000\t1.000\t1.000\t1.000\t1.000
function\tQSN\tann1\t3\t0.667\t0.000\tnan\t0.000\t0.000
function\tSUG\tann1\t3\t1.000\t1.000\t1.000\t1.000\t1.000' "" \
	    ragree -i -g ann2 -l function ann1.tsv ann2.tsv
	same_as_ref -i -g ann2 -l function ann1.tsv ann2.tsv
}

@test "ragree: -i -g: a rater's rows and mean are its own and the gold's, whatever the other raters gave" {
	# m2 writes a polarity outside the scheme (CON-MIX), as models do.
	# m1 gets no row for it: neither m1 nor the human gave it, and its
	# accuracy of 1 lifted m1's mean accuracy from 0.833 to 0.875, so that
	# m1's mean changed with the raters beside it.
	printf 'review\tsentence\tclarity\tjustification\tdepth\tfairness\tconstructiveness\tengagement\taccuracy\tconsistency\tnovelty\tethics\ttext\n' > h.tsv
	{ cat h.tsv; printf 'R%s\t1\t\t\t\t\tCON-%s\t\t\t\t\t\tx\n' 1 POS 2 NEG 3 NEU 4 POS; } > human.tsv
	{ cat h.tsv; printf 'R%s\t1\t\t\t\t\tCON-%s\t\t\t\t\t\tx\n' 1 POS 2 NEG 3 POS 4 POS; } > m1.tsv
	{ cat h.tsv; printf 'R%s\t1\t\t\t\t\tCON-%s\t\t\t\t\t\tx\n' 1 MIX 2 NEG 3 NEU; } > m2.tsv
	local m1=$'constructiveness\tCON-NEG\tm1\t4\t1.000\t1.000\t1.000\t1.000\t1.000
constructiveness\tCON-NEU\tm1\t4\t0.750\t0.000\tnan\t0.000\t0.000
constructiveness\tCON-POS\tm1\t4\t0.750\t0.500\t0.667\t1.000\t0.800'
	local head=$'layer\tkey\trater\tunits\taccuracy\tkappa\tprecision\trecall\tf1'
	expect 0 "$head
constructiveness	CON-MIX	m2	3	0.667	0.000	0.000	nan	0.000
${m1%%$'\n'*}
constructiveness	CON-NEG	m2	3	1.000	1.000	1.000	1.000	1.000
$(sed -n 2p <<< "$m1")
constructiveness	CON-NEU	m2	3	1.000	1.000	1.000	1.000	1.000
${m1##*$'\n'}
constructiveness	CON-POS	m2	3	0.667	0.000	nan	0.000	0.000
mean		m1		0.833	0.500	0.833	0.667	0.600
mean		m2		0.833	0.500	0.667	0.667	0.500" "" \
	    ragree -u review -i -g human --mean -l constructiveness human.tsv m1.tsv m2.tsv
	expect 0 "$head
$m1
mean		m1		0.833	0.500	0.833	0.667	0.600" "" \
	    ragree -u review -i -g human --mean -l constructiveness human.tsv m1.tsv
	run2 ragree -u review -i -g human --mean -l constructiveness human.tsv m1.tsv m2.tsv
	same_as_ref -k -u review -i -g human --mean -l constructiveness human.tsv m1.tsv m2.tsv
	# --pairs likewise: m1 and the human gave no CON-MIX.
	expect 0 $'layer\tkey\trater1\trater2\tunits\tagree\tcohen
constructiveness\tCON-MIX\thuman\tm2\t3\t0.667\t0.000
constructiveness\tCON-MIX\tm1\tm2\t3\t0.667\t0.000' "" \
	    bash -c 'ragree -u review -i --pairs -l constructiveness human.tsv m1.tsv m2.tsv | sed -n "1p; /MIX/p"'
}

@test "ragree: --mean averages the rows at full precision, nan left out, per rater with -g and per pair with --pairs" {
	expect 0 $'layer\trater\tunits\taccuracy\tkappa\tprecision\trecall\tf1\tmacro_f1
aspect\tann2\t3\t0.333\t0.250\t0.333\t0.500\t0.400\t0.250
function\tann2\t3\t0.667\t0.400\t0.750\t1.000\t0.857\t0.667
mean\tann2\t\t0.500\t0.325\t0.542\t0.750\t0.629\t0.458' "" \
	    ragree -g ann1 -k -l aspect,function --mean ann1.tsv ann2.tsv
	# 0.250 and 0.400 average to 0.325, though 0.2500 and 0.4000 would
	# too: the means of the three decimals would be 0.5415, not 0.542.
	printf '%s\n' "$H" $'R\t1\t\t\t\tMAJ\tx' $'R\t2\t\t\t\tMAJ\tx' > n1.tsv
	printf '%s\n' "$H" $'R\t1\t\t\t\tMAJ\tx' $'R\t2\t\t\t\tMIN\tx' > n3.tsv
	expect 0 $'layer\trater1\trater2\tunits\tagree\tcohen
severity\tn1\tn3\t2\t0.500\t0.000
section\tn1\tn3\t2\t1.000\tnan
mean\tn1\tn3\t\t0.750\t0.000' "" ragree --pairs --mean -l severity,section n1.tsv n3.tsv
	expect 0 "$HEAD
severity	2	2	0	0.500	0.000	-0.333	0.000	1	0	1
section	2	2	0	1.000	nan	nan	nan	2	0	0
mean				0.750	0.000	-0.333	0.000			" "" \
	    ragree --mean -l severity,section n1.tsv n3.tsv
	run2 ragree --mean -i -l section,aspect ann1.tsv ann2.tsv
	same_as_ref --mean -i -l section,aspect ann1.tsv ann2.tsv
	assert_equal "${lines[-1]}" $'mean\t\t\t\t\t0.967\t0.833\t0.800\t0.833\t\t\t'
}

@test "ragree: --digits N gives N decimals, 0 to 15; never -0" {
	expect 0 $'agree\tcohen\tfleiss\n1\t1\t1\n1\t1\t1\n1\t0\t0' "" \
	    bash -c "ragree --digits 0 -l section,aspect,function ann1.tsv ann2.tsv | cut -f5-7"
	run2 ragree --digits 15 -l aspect ann1.tsv ann2.tsv
	assert_equal "${lines[1]}" $'aspect\t2\t3\t2\t0.666666666666667\t0.571428571428571\t0.538461538461538\t0.615384615384615\t2\t0\t1'
	same_as_ref --digits 15 -l aspect ann1.tsv ann2.tsv
	printf '%s\n' "$H" $'R\t1\t\t\t\tMAJ\tx' $'R\t2\t\t\t\tMAJ\tx' $'R\t3\t\t\t\tMIN\tx' > z1.tsv
	printf '%s\n' "$H" $'R\t1\t\t\t\tMAJ\tx' $'R\t2\t\t\t\tMIN\tx' $'R\t3\t\t\t\tMAJ\tx' > z2.tsv
	expect 0 "$HEAD
severity	2	3	0	0	0	0	0	1	0	2" "" ragree --digits 0 -l severity z1.tsv z2.tsv
}

@test "ragree: --units writes each unit's values, '.' where a rater gave none, and agree; rfilter and rcount take it" {
	expect 0 $'review\tsentence\tlayer\tann1\tann2\tagree
R1\t1\tsection\tMET,RES\tMET,RES\tyes
R1\t1\tseverity\tMAJ\tMAJ\tyes
R1\t2\tsection\tPDI\t.\tyes
R1\t2\tseverity\tMAJ\t.\tyes
R2\t1\tsection\tEXP\tEXP\tyes
R2\t1\tseverity\tMIN\tMIN\tyes
R2\t2\tsection\tRES\tRES\tyes
R2\t2\tseverity\tMIN\tMAJ\tno
R1\t3\tsection\t.\tOAL\tyes
R1\t3\tseverity\t.\tGEN\tyes' "" ragree --units -l section,severity ann1.tsv ann2.tsv
	expect 0 $'layer\tcount\naspect\t1\nfunction\t1\nseverity\t1' "" \
	    bash -c 'ragree --units ann1.tsv ann2.tsv | rfilter agree=no | rcount layer'
	expect 0 $'review\ttext\tlayer\tann1\tann2\tagree
R1\tWeak.\taspect\tEMP-NEG\tEMP-NEG\tyes
R1\tNovel.\taspect\tNOV-POS\t.\tyes
R2\tAdd X.\taspect\t\tCLA-NEU\tno
R2\tNo Y.\taspect\tCMP-NEG\tCMP-NEU\tno
R1\tAccept.\taspect\t.\tREC-POS\tyes' "" ragree --units -k -u 1,7 -l aspect ann1.tsv ann2.tsv
	run2 ragree --units -k -u review,text -l aspect ann1.tsv ann2.tsv
	same_as_ref --units -k -u review,text -l aspect ann1.tsv ann2.tsv
}

@test "ragree: --units refuses a rater named as another of its columns" {
	for n in review layer agree; do
		expect 2 "" "ragree: --units: rater '$n' has the name of another column; name the raters otherwise" \
		    ragree --units -n "$n",b ann1.tsv ann2.tsv
	done
}

@test "ragree: -r F reads the raters from a field, in order of first appearance, as one stream" {
	{ printf 'annotator\t%s\n' "$H"
	  tail -n +2 ann2.tsv | sed 's/^/zoe\t/'
	  tail -n +2 ann1.tsv | sed 's/^/al\t/'; } > long.tsv
	expect 0 $'layer\trater1\trater2\tunits\tagree\tcohen
section\tzoe\tal\t3\t1.000\t1.000
aspect\tzoe\tal\t3\t0.667\t0.571' "" ragree --rater annotator --pairs -l section,aspect long.tsv
	run2 ragree -r 1 -g al --mean < long.tsv
	same_as_ref -r annotator -g al --mean -l section,aspect,function,severity long.tsv
	# Two inputs are one stream: the same rows cut in two.
	head -n 4 long.tsv > long1.tsv
	{ head -n 1 long.tsv; tail -n +5 long.tsv; } > long2.tsv
	run2 ragree -r annotator long1.tsv long2.tsv
	local two=$output
	run2 ragree -r annotator long.tsv
	assert_equal "$two" "$output"
	expect 0 $'zoe\tEXP\tMET,RES\tRES\nEXP\t1\t0\t0\nMET,RES\t0\t1\t0\nRES\t0\t0\t1' "" \
	    ragree -r annotator -x section long.tsv
}

@test "ragree: -r: a missing field, an empty rater, a unit given twice, fewer than two raters" {
	{ printf 'annotator\t%s\n' "$H"; tail -n +2 ann1.tsv | sed 's/^/al\t/'; } > one.tsv
	expect 1 "" "ragree: fewer than two raters in field 'annotator'" ragree -r annotator one.tsv
	expect 2 "" "ragree: one.tsv: the header has no field 'rater'
ragree: the fields of one.tsv are: annotator review sentence section aspect function severity text" \
	    ragree -r rater one.tsv
	{ cat one.tsv; printf '\tR9\t1\tMET\t\t\t\tx\n'; } > empty.tsv
	expect 1 "" "ragree: empty.tsv:6: the rater field 'annotator' is empty" ragree -r annotator empty.tsv
	{ head -n 1 one.tsv; tail -n +3 one.tsv | sed 's/^al/bo/'; } > bo.tsv
	{ head -n 1 one.tsv; sed -n 3p one.tsv; } > twice.tsv
	expect 1 "" "ragree: twice.tsv:2: unit review 'R1', sentence '2' given again by rater 'al'; first at one.tsv:3" \
	    ragree -r annotator one.tsv bo.tsv twice.tsv
}

# Three raters of severity, GEN < MIN < MAJ; the sixth unit's values are
# empty and of two items, which no order places.
ordered_raters() {
	printf '%s\n' "$H" $'R\t1\t\t\t\tGEN\tx' $'R\t2\t\t\t\tMIN\tx' $'R\t3\t\t\t\tMAJ\tx' \
	    $'R\t4\t\t\t\tMAJ\tx' $'R\t5\t\t\t\tMIN\tx' $'R\t6\t\t\t\t\tx' > o1.tsv
	printf '%s\n' "$H" $'R\t1\t\t\t\tMIN\tx' $'R\t2\t\t\t\tMIN\tx' $'R\t3\t\t\t\tMAJ\tx' \
	    $'R\t4\t\t\t\tMIN\tx' $'R\t5\t\t\t\tGEN\tx' $'R\t6\t\t\t\tMAJ\tx' > o2.tsv
	printf '%s\n' "$H" $'R\t1\t\t\t\tGEN\tx' $'R\t2\t\t\t\tMAJ\tx' $'R\t3\t\t\t\tMAJ\tx' \
	    $'R\t4\t\t\t\tMAJ\tx' $'R\t6\t\t\t\tMAJ,MIN\tx' > o3.tsv
}

@test "ragree: --order with --weights and --metric: weighted kappas, ordinal and interval alpha; nominal figures stay" {
	ordered_raters
	local note="ragree: 2 values in 1 unit (counted per layer) are empty or of several items, which --order cannot place; the ordered figures leave them out"
	expect 0 "$HEAD
severity	3	5	1	0.200	0.186	0.123	0.137	1	3	1" "" \
	    ragree -l severity --order GEN,MIN,MAJ o1.tsv o2.tsv o3.tsv
	expect 0 "$HEAD
severity	3	5	1	0.200	0.397	0.123	0.137	1	3	1" "$note" \
	    ragree -l severity --order GEN,MIN,MAJ --weights linear o1.tsv o2.tsv o3.tsv
	expect 0 "$HEAD
severity	3	5	1	0.200	0.504	0.123	0.566	1	3	1" "$note" \
	    ragree -l severity --order GEN,MIN,MAJ --weights quadratic --metric ordinal o1.tsv o2.tsv o3.tsv
	expect 0 $'layer\trater1\trater2\tunits\tagree\tcohen
severity\to1\to2\t6\t0.333\t0.400
severity\to1\to3\t5\t0.600\t0.833
severity\to2\to3\t5\t0.200\t0.250' "$note" \
	    ragree -l severity --order GEN,MIN,MAJ --weights quadratic --pairs o1.tsv o2.tsv o3.tsv
	for a in "--weights linear --metric interval" "--weights quadratic -g o2" "--metric ordinal --pairs --mean"; do
		run2 ragree -l severity --order GEN,MIN,MAJ $a o1.tsv o2.tsv o3.tsv
		same_as_ref -l severity --order GEN,MIN,MAJ $a o1.tsv o2.tsv o3.tsv
	done
}

@test "ragree: --order of polarities places each item by its polarity (argu's criteria)" {
	local f=("$EXAMPLES"/argu/human.tsv "$EXAMPLES"/argu/model-a.tsv "$EXAMPLES"/argu/model-b.tsv "$EXAMPLES"/argu/model-c.tsv)
	expect 0 "$HEAD
clarity	4	11	1	0.455	0.658	0.545	0.643	5	5	1
novelty	4	11	1	0.091	0.223	0.231	0.182	1	8	2" "" \
	    ragree --scheme argu -k -u review --order NEG,NEU,POS --weights quadratic --metric ordinal -l clarity,novelty "${f[@]}"
	same_as_ref -k -u review --order NEG,NEU,POS --weights quadratic --metric ordinal -l clarity,novelty "${f[@]}"
	run2 ragree --scheme argu -k -u review --order NEG,NEU,POS --weights linear -g human --mean -l clarity,depth,ethics "${f[@]}"
	same_as_ref -k -u review --order NEG,NEU,POS --weights linear -g human --mean -l clarity,depth,ethics "${f[@]}"
	# A model wrote a polarity the scheme lacks.
	expect 2 "" "ragree: $EXAMPLES/argu/model-c.tsv:8: engagement 'ENG-MIX' has no polarity of --order 'NEG,NEU,POS'" \
	    ragree --scheme argu -k -u review --order NEG,NEU,POS --weights linear -g human "${f[@]}"
}

@test "ragree: --order missing a value that occurs names it where it first occurs, FILE:LINE, status 2" {
	expect 2 "" "ragree: ann2.tsv:5: severity 'GEN' is no value of --order 'MIN,MAJ'" \
	    ragree -l severity --order MIN,MAJ ann1.tsv ann2.tsv
	expect 2 "" "ragree: ann1.tsv:3: function 'APC' is no value of --order 'CRT,SUG'" \
	    ragree -l function --order CRT,SUG --weights linear ann1.tsv ann2.tsv
	expect 2 "" "ragree: ann2.tsv:2: aspect 'CMP-NEU' has no polarity of --order 'NEG,POS'" \
	    ragree -k -l aspect --order NEG,POS --weights linear ann1.tsv ann2.tsv
	# Without -k the codes lose their polarity: nothing to place them by.
	expect 2 "" "ragree: ann1.tsv:3: section 'PDI' has no polarity of --order 'NEG,NEU,POS'" \
	    ragree -l section --order NEG,NEU,POS --metric ordinal ann1.tsv ann2.tsv
	{ printf 'annotator\t%s\n' "$H"
	  tail -n +2 ann1.tsv | sed 's/^/al\t/'; } > l1.tsv
	{ printf 'annotator\t%s\n' "$H"
	  tail -n +2 ann2.tsv | sed 's/^/zoe\t/'; } > l2.tsv
	expect 2 "" "ragree: l2.tsv:5: severity 'GEN' is no value of --order 'MIN,MAJ'" \
	    ragree -r annotator -l severity --order MIN,MAJ l1.tsv l2.tsv
	expect 2 "" "ragree: --order names 'MIN' twice
$USAGE" ragree -l severity --order MIN,MAJ,MIN ann1.tsv ann2.tsv
}

# Percentile intervals of --ci: the columns of one row, lo <= C <= hi.
contains_estimates() {
	awk -F'\t' -v cols="$1" 'NR > 1 { n = split(cols, c, ",")
		for (i = 1; i <= n; i++)
			if (!($(c[i] + 1) <= $c[i] && $c[i] <= $(c[i] + 2))) bad++ }
		END { exit bad > 0 }'
}

@test "ragree: --ci: a percentile interval after each coefficient, which contains it" {
	local f=("$EXAMPLES"/argu/human.tsv "$EXAMPLES"/argu/model-a.tsv "$EXAMPLES"/argu/model-b.tsv "$EXAMPLES"/argu/model-c.tsv)
	run2 ragree --scheme argu -k -u review --ci 95 "${f[@]}"
	assert_equal "$status" 0
	assert_equal "${lines[0]}" $'layer\traters\tunits\tmissing\tagree\tcohen\tcohen_lo\tcohen_hi\tfleiss\tfleiss_lo\tfleiss_hi\talpha\talpha_lo\talpha_hi\tunanimous\tmajority\tsplit'
	assert_equal "${#lines[@]}" 11
	contains_estimates 6,9,12 <<< "$output"
	run2 ragree --scheme argu -k -u review --ci 90 -g human --mean "${f[@]}"
	assert_equal "${lines[0]}" $'layer\trater\tunits\taccuracy\tkappa\tkappa_lo\tkappa_hi\tprecision\trecall\tf1\tmacro_f1'
	contains_estimates 5 <<< "$output"
	run2 ragree --scheme argu -k -u review --ci 80 --pairs "${f[@]}"
	assert_equal "${lines[0]}" $'layer\trater1\trater2\tunits\tagree\tcohen\tcohen_lo\tcohen_hi'
	contains_estimates 6 <<< "$output"
}

@test "ragree: --ci is the same bytes for a seed, on every build: the default 1000 resamples, seed 1" {
	local f=("$EXAMPLES"/argu/human.tsv "$EXAMPLES"/argu/model-a.tsv "$EXAMPLES"/argu/model-b.tsv "$EXAMPLES"/argu/model-c.tsv)
	# These bytes, from the -O2 build, are those of -O0 and of the
	# sanitizer build (make check-asan runs this test too).
	local want="layer	rater	units	accuracy	kappa	kappa_lo	kappa_hi	precision	recall	f1	macro_f1
clarity	model-a	12	0.917	0.875	0.600	1.000	0.917	0.917	0.917	0.915
clarity	model-b	11	0.727	0.598	0.222	1.000	0.727	0.727	0.727	0.722
clarity	model-c	12	0.667	0.500	0.066	0.862	0.667	0.667	0.667	0.656
novelty	model-a	12	0.833	0.736	0.333	1.000	0.833	0.833	0.833	0.830
novelty	model-b	11	0.545	0.345	0.000	0.721	0.545	0.545	0.545	0.524
novelty	model-c	12	0.500	0.200	-0.200	0.582	0.500	0.500	0.500	0.382
mean	model-a		0.875	0.806	0.488	1.000	0.875	0.875	0.875	0.873
mean	model-b		0.636	0.471	0.222	0.701	0.636	0.636	0.636	0.623
mean	model-c		0.583	0.350	0.072	0.600	0.583	0.583	0.583	0.519"
	expect 0 "$want" "" ragree --scheme argu -k -u review -l clarity,novelty -g human --mean --ci 95 "${f[@]}"
	same_as_ref -k -u review -l clarity,novelty -g human --mean --ci 95 "${f[@]}"
	expect 0 "$want" "" ragree --scheme argu -k -u review -l clarity,novelty -g human --mean --ci 95 --boot 1000 --seed 1 "${f[@]}"
	run2 ragree --scheme argu -k -u review -l clarity,novelty -g human --mean --ci 95 --seed 2 "${f[@]}"
	assert_equal "$status" 0
	[ "$output" != "$want" ]
	run2 ragree --scheme argu -k -u review -l clarity,novelty -g human --mean --ci 95 --boot 40 --seed 7 "${f[@]}"
	same_as_ref -k -u review -l clarity,novelty -g human --mean --ci 95 --boot 40 --seed 7 "${f[@]}"
}

@test "ragree: --ci narrows as the units grow: four times the reviews, half the width" {
	mkdir four
	local r k
	for r in human model-a model-b model-c; do
		{ head -n 1 "$EXAMPLES/argu/$r.tsv"
		  for k in 1 2 3 4; do tail -n +2 "$EXAMPLES/argu/$r.tsv" | sed "s/^ICLR2099-/K$k-/"; done
		} > "four/$r.tsv"
	done
	ragree --scheme argu -k -u review --ci 95 "$EXAMPLES"/argu/*.tsv | cut -f1,7,8,13,14 > one.out
	ragree --scheme argu -k -u review --ci 95 four/*.tsv | cut -f7,8,13,14 > four.out
	expect 0 "" "" bash -c "paste one.out four.out | awk -F'\t' 'NR > 1 && !(\$7 - \$6 < \$3 - \$2 && \$9 - \$8 < \$5 - \$4) { print }'"
	assert_equal "$(wc -l < one.out)" 11
}

@test "ragree: bad values of the study's options are errors, status 2" {
	expect 2 "" "ragree: -g names no rater: 'bob'" ragree -g bob ann1.tsv ann2.tsv
	{ printf 'annotator\t%s\n' "$H"; tail -n +2 ann1.tsv | sed 's/^/al\t/'
	  tail -n +2 ann2.tsv | sed 's/^/zoe\t/'; } > long.tsv
	expect 2 "" "ragree: -g names no rater: 'bob'" ragree -r annotator -g bob long.tsv
	expect 1 "" "ragree: missing.tsv: No such file or directory
ragree: -g: the file of rater 'missing' could not be read" ragree -g missing ann1.tsv ann2.tsv missing.tsv
	expect 2 "" "ragree: --digits takes a whole number from 0 to 15, not '16'" ragree --digits 16 ann1.tsv ann2.tsv
	expect 2 "" "ragree: --digits takes a whole number from 0 to 15, not '-1'" ragree --digits -1 ann1.tsv ann2.tsv
	expect 2 "" "ragree: --boot takes a whole number from 1 to 1000000, not '0'" ragree --ci 95 --boot 0 ann1.tsv ann2.tsv
	expect 2 "" "ragree: --seed takes a whole number from 0 to 9223372036854775807, not 'x'" ragree --ci 95 --seed x ann1.tsv ann2.tsv
	for pct in 0 100 -5 95x '' nan; do
		expect 2 "" "ragree: --ci takes a per cent above 0 and below 100, not '$pct'" ragree --ci "$pct" ann1.tsv ann2.tsv
	done
	expect 2 "" "ragree: --weights takes linear or quadratic, not 'cubic'" ragree --order MIN,MAJ --weights cubic ann1.tsv ann2.tsv
	expect 2 "" "ragree: --metric takes ordinal or interval, not 'ratio'" ragree --order MIN,MAJ --metric ratio ann1.tsv ann2.tsv
}

@test "ragree: options that do not go together are usage errors" {
	local e
	while IFS='|' read -r e args; do
		# shellcheck disable=SC2086
		assert_usage_error "ragree: $e" "$USAGE" ragree $args ann1.tsv ann2.tsv
	done <<-'EOF'
	-r names the raters by a field: not with -n|-r annotator -n a,b
	--weights and --metric need --order|--weights linear
	--weights and --metric need --order|--metric ordinal
	-i compares keys, not ordered values: no --order|-i --order MIN,MAJ
	-g and --pairs write different tables: choose one|-g ann1 --pairs
	--units writes values, not figures: no -i, -g, --pairs, --mean, --order or --ci|--units -i
	--units writes values, not figures: no -i, -g, --pairs, --mean, --order or --ci|--units --mean
	--units writes values, not figures: no -i, -g, --pairs, --mean, --order or --ci|--units --ci 95
	--boot and --seed need --ci|--boot 10
	--boot and --seed need --ci|--seed 3
	EOF
	expect 2 "" "ragree: -x compares two raters, not 3" ragree -r 1 -x section <<-EOF
	rater	$H
	a	R	1	MET			x
	b	R	1	MET			x
	c	R	1	MET			x
	EOF
}

@test "ragree: examples/study/run takes the raw folders to the study's tables, byte for byte its expected output" {
	"$EXAMPLES/study/run" > study.out
	cmp study.out "$EXAMPLES/study/expected"
	# Every file of the study is valid but condor's one polarity.
	local a
	for a in human alpaca bison; do
		expect 0 $'review\tsentence\tlayer\ttag\tproblem' "" \
		    bash -c "rsplit -q -j --scheme argu '$EXAMPLES'/study/$a/*.txt | rtags --scheme argu --check"
	done
}
