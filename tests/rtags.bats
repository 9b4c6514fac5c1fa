#!/usr/bin/env bats
# rtags: review TSV in, one row per tag out; --check, --list, --scheme.

setup() {
	load helper
	fixture in.tsv '%s\n' \
	    $'review\tsentence\tsection\taspect\tfunction\tseverity\ttext' \
	    $'R1\t1\tMET-NEG,RES-POS\tEMP-NEG\tCRT\tMAJ\tWeak results.' \
	    $'R1\t2\t\t\tSMY\tGEN\tIt does X.' \
	    $'R2\t1\tCNT\tPNF-NEU\tSUG,QSN\tMIN\tA typo?'
	IN=$BATS_TEST_TMPDIR/in.tsv
	USAGE="usage: rtags [-aN] [-l LAYERS] [--names] [--scheme S] [FILE...]
       rtags --check [-N] [-l LAYERS] [--scheme S] [FILE...]
       rtags --list [-N] [--scheme S]"
}

@test "rtags: section and aspect become layer, tag, polarity" {
	expect 0 "$(printf '%s\n' \
	    $'review\tsentence\tlayer\ttag\tpolarity\tfunction\tseverity\ttext' \
	    $'R1\t1\tsection\tMET\tNEG\tCRT\tMAJ\tWeak results.' \
	    $'R1\t1\tsection\tRES\tPOS\tCRT\tMAJ\tWeak results.' \
	    $'R1\t1\taspect\tEMP\tNEG\tCRT\tMAJ\tWeak results.' \
	    $'R2\t1\tsection\tCNT\t\tSUG,QSN\tMIN\tA typo?' \
	    $'R2\t1\taspect\tPNF\tNEU\tSUG,QSN\tMIN\tA typo?')" "" \
	    rtags "$IN"
}

@test "rtags: -l with one layer keeps the others in place" {
	expect 0 "$(printf '%s\n' \
	    $'review\tsentence\tsection\taspect\tlayer\ttag\tpolarity\tseverity\ttext' \
	    $'R1\t1\tMET-NEG,RES-POS\tEMP-NEG\tfunction\tCRT\t\tMAJ\tWeak results.' \
	    $'R1\t2\t\t\tfunction\tSMY\t\tGEN\tIt does X.' \
	    $'R2\t1\tCNT\tPNF-NEU\tfunction\tSUG\t\tMIN\tA typo?' \
	    $'R2\t1\tCNT\tPNF-NEU\tfunction\tQSN\t\tMIN\tA typo?')" "" \
	    rtags -l function "$IN"
}

@test "rtags: --layers with columns apart: tags in -l order, where the first column stood" {
	expect 0 "$(printf '%s\n' \
	    $'review\tsentence\tlayer\ttag\tpolarity\taspect\tfunction\ttext' \
	    $'R1\t1\tseverity\tMAJ\t\tEMP-NEG\tCRT\tWeak results.' \
	    $'R1\t1\tsection\tMET\tNEG\tEMP-NEG\tCRT\tWeak results.' \
	    $'R1\t1\tsection\tRES\tPOS\tEMP-NEG\tCRT\tWeak results.' \
	    $'R1\t2\tseverity\tGEN\t\t\tSMY\tIt does X.' \
	    $'R2\t1\tseverity\tMIN\t\tPNF-NEU\tSUG,QSN\tA typo?' \
	    $'R2\t1\tsection\tCNT\t\tPNF-NEU\tSUG,QSN\tA typo?')" "" \
	    rtags --layers severity,section "$IN"
}

@test "rtags: all four layers give one row per item" {
	expect 0 "$(printf '%s\n' \
	    $'review\tsentence\tlayer\ttag\tpolarity\ttext' \
	    $'R1\t1\tsection\tMET\tNEG\tWeak results.' \
	    $'R1\t1\tsection\tRES\tPOS\tWeak results.' \
	    $'R1\t1\taspect\tEMP\tNEG\tWeak results.' \
	    $'R1\t1\tfunction\tCRT\t\tWeak results.' \
	    $'R1\t1\tseverity\tMAJ\t\tWeak results.' \
	    $'R1\t2\tfunction\tSMY\t\tIt does X.' \
	    $'R1\t2\tseverity\tGEN\t\tIt does X.' \
	    $'R2\t1\tsection\tCNT\t\tA typo?' \
	    $'R2\t1\taspect\tPNF\tNEU\tA typo?' \
	    $'R2\t1\tfunction\tSUG\t\tA typo?' \
	    $'R2\t1\tfunction\tQSN\t\tA typo?' \
	    $'R2\t1\tseverity\tMIN\t\tA typo?')" "" \
	    rtags -l section,aspect,function,severity "$IN"
}

@test "rtags: -a keeps a row without tags, with empty tag columns" {
	expect 0 "$(printf '%s\n' \
	    $'review\tsentence\tlayer\ttag\tpolarity\tfunction\tseverity\ttext' \
	    $'R1\t1\tsection\tMET\tNEG\tCRT\tMAJ\tWeak results.' \
	    $'R1\t1\tsection\tRES\tPOS\tCRT\tMAJ\tWeak results.' \
	    $'R1\t1\taspect\tEMP\tNEG\tCRT\tMAJ\tWeak results.' \
	    $'R1\t2\t\t\t\tSMY\tGEN\tIt does X.' \
	    $'R2\t1\tsection\tCNT\t\tSUG,QSN\tMIN\tA typo?' \
	    $'R2\t1\taspect\tPNF\tNEU\tSUG,QSN\tMIN\tA typo?')" "" \
	    rtags -a "$IN"
	expect 0 "$(printf '%s\n' \
	    $'review\tsentence\tsection\taspect\tfunction\tlayer\ttag\tpolarity\ttext' \
	    $'R1\t1\tMET-NEG,RES-POS\tEMP-NEG\tCRT\tseverity\tMAJ\t\tWeak results.' \
	    $'R1\t2\t\t\tSMY\tseverity\tGEN\t\tIt does X.' \
	    $'R2\t1\tCNT\tPNF-NEU\tSUG,QSN\tseverity\tMIN\t\tA typo?')" "" \
	    rtags --all -l severity "$IN"
}

@test "rtags: --names adds the name of the code, empty when unknown" {
	fixture odd.tsv '%s\n' \
	    $'review\tsentence\tsection\taspect\tfunction\tseverity\ttext' \
	    $'R3\t1\tXYZ-NEG\t\tAOC\tMAJ\tOdd.'
	expect 0 "$(printf '%s\n' \
	    $'review\tsentence\tlayer\ttag\tpolarity\tname\tfunction\tseverity\ttext' \
	    $'R1\t1\tsection\tMET\tNEG\tMethodology\tCRT\tMAJ\tWeak results.' \
	    $'R1\t1\tsection\tRES\tPOS\tResults\tCRT\tMAJ\tWeak results.' \
	    $'R1\t1\taspect\tEMP\tNEG\tEmpirical / Theoretical Soundness\tCRT\tMAJ\tWeak results.' \
	    $'R1\t2\t\t\t\t\tSMY\tGEN\tIt does X.' \
	    $'R2\t1\tsection\tCNT\t\tUnclassifiable\tSUG,QSN\tMIN\tA typo?' \
	    $'R2\t1\taspect\tPNF\tNEU\tPresentation and Formatting\tSUG,QSN\tMIN\tA typo?' \
	    $'R3\t1\tsection\tXYZ\tNEG\t\tAOC\tMAJ\tOdd.')" "" \
	    rtags --names -a "$IN" "$BATS_TEST_TMPDIR/odd.tsv"
}

@test "rtags: --names gives no name to a code of another layer" {
	fixture other.tsv '%s\n' \
	    $'review\tsentence\tsection\taspect\tfunction\tseverity\ttext' \
	    $'R1\t1\t\t\tSUB\tMAJ\tMore work.'
	expect 0 "$(printf '%s\n' \
	    $'review\tsentence\tsection\taspect\tlayer\ttag\tpolarity\tname\ttext' \
	    $'R1\t1\t\t\tfunction\tSUB\t\t\tMore work.' \
	    $'R1\t1\t\t\tseverity\tMAJ\t\tMajor\tMore work.')" "" \
	    rtags --names -l function,severity "$BATS_TEST_TMPDIR/other.tsv"
}

@test "rtags: an odd item splits at its first dash" {
	fixture odd.tsv '%s\n' \
	    $'review\tsentence\tsection\taspect\tfunction\tseverity\ttext' \
	    $'R1\t1\tEXP-POS<MET-NEU,MET-\tEMP-NEU\tCRT\tMAJ\tOdd.'
	expect 0 "$(printf '%s\n' \
	    $'review\tsentence\tlayer\ttag\tpolarity\taspect\tfunction\tseverity\ttext' \
	    $'R1\t1\tsection\tEXP\tPOS<MET-NEU\tEMP-NEU\tCRT\tMAJ\tOdd.' \
	    $'R1\t1\tsection\tMET\t\tEMP-NEU\tCRT\tMAJ\tOdd.')" "" \
	    rtags -l section "$BATS_TEST_TMPDIR/odd.tsv"
}

@test "rtags: columns are found by header name, in any order" {
	fixture moved.tsv '%s\n' \
	    $'text\taspect\treview\tsection\tsentence' \
	    $'Nice.\tNOV-POS\tR9\tPDI-POS,MET-POS\t4'
	expect 0 "$(printf '%s\n' \
	    $'text\tlayer\ttag\tpolarity\treview\tsentence' \
	    $'Nice.\tsection\tPDI\tPOS\tR9\t4' \
	    $'Nice.\tsection\tMET\tPOS\tR9\t4' \
	    $'Nice.\taspect\tNOV\tPOS\tR9\t4')" "" \
	    rtags "$BATS_TEST_TMPDIR/moved.tsv"
}

@test "rtags: -N reads and writes no header" {
	tail -n +2 "$IN" > "$BATS_TEST_TMPDIR/nohdr.tsv"
	expect 0 "$(printf '%s\n' \
	    $'R1\t1\tMET-NEG,RES-POS\taspect\tEMP\tNEG\tCRT\tMAJ\tWeak results.' \
	    $'R2\t1\tCNT\taspect\tPNF\tNEU\tSUG,QSN\tMIN\tA typo?')" "" \
	    rtags -N -l aspect "$BATS_TEST_TMPDIR/nohdr.tsv"
	expect 0 "" "" rtags --no-header --check "$BATS_TEST_TMPDIR/nohdr.tsv"
}

@test "rtags: several inputs write the header once; CRLF is accepted" {
	printf 'review\tsentence\tsection\taspect\r\nR5\t1\tINT-NEU\t\r\n' > "$BATS_TEST_TMPDIR/crlf.tsv"
	printf 'review\tsentence\tsection\taspect\nR6\t1\t\tCLA-POS' > "$BATS_TEST_TMPDIR/nolf.tsv"
	expect 0 "$(printf '%s\n' \
	    $'review\tsentence\tlayer\ttag\tpolarity' \
	    $'R5\t1\tsection\tINT\tNEU' \
	    $'R6\t1\taspect\tCLA\tPOS')" "" \
	    rtags "$BATS_TEST_TMPDIR/crlf.tsv" - < "$BATS_TEST_TMPDIR/nolf.tsv"
}

@test "rtags: empty input gives empty output" {
	expect 0 "" "" rtags < /dev/null
}

@test "rtags: --check on a clean input writes only the header" {
	expect 0 $'review\tsentence\tlayer\ttag\tproblem' "" \
	    rtags --check -l section,aspect,function,severity "$IN"
}

@test "rtags: --check reports each kind of problem and exits 1" {
	fixture bad.tsv '%s\n' \
	    $'review\tsentence\tsection\taspect\tfunction\tseverity\ttext' \
	    $'R1\t1\tMETH-NEG,EMP-NEG\tEMP\tCRT-NEG,SUB\tMAJ\tOne.' \
	    $'R1\t2\tRES-GOOD,CNT-NEU\tCLA-POS,,CNT\tSMY\tMAJS\tTwo.' \
	    $'R2\t7\tEXP-POS<MET-NEU\tnull\tAPC\tminor\tThree.'
	expect 1 "$(printf '%s\n' \
	    $'review\tsentence\tlayer\ttag\tproblem' \
	    $'R1\t1\tsection\tMETH-NEG\tunknown code' \
	    $'R1\t1\tsection\tEMP-NEG\tcode of another layer' \
	    $'R1\t1\taspect\tEMP\tmissing polarity' \
	    $'R1\t1\tfunction\tCRT-NEG\tunexpected polarity' \
	    $'R1\t1\tfunction\tSUB\tcode of another layer' \
	    $'R1\t2\tsection\tRES-GOOD\tunknown polarity' \
	    $'R1\t2\tsection\tCNT-NEU\tunexpected polarity' \
	    $'R1\t2\taspect\t\tempty item' \
	    $'R1\t2\tseverity\tMAJS\tunknown code' \
	    $'R2\t7\tsection\tEXP-POS<MET-NEU\tunknown polarity' \
	    $'R2\t7\taspect\tnull\tunknown code' \
	    $'R2\t7\tseverity\tminor\tunknown code')" "" \
	    rtags --check -l section,aspect,function,severity "$BATS_TEST_TMPDIR/bad.tsv"
}

@test "rtags: --check reports an item repeated in one list, whole, once per repeat (issue 19 finding 5)" {
	cd "$BATS_TEST_TMPDIR"
	fixture rep.tsv '%s\n' \
	    $'review\tsentence\tsection\taspect\tfunction\tseverity\ttext' \
	    $'R1\t1\tDAT-NEU,DAT-NEU\tEMP-NEG\tCRT\tMAJ\tOne.' \
	    $'R1\t2\tDAT-NEU,DAT-POS,dat-neu\tEMP-NEG,CLA-NEG,EMP-NEG,EMP-NEG\tCRT,SUG,CRT\tMAJ\tTwo.' \
	    $'R1\t3\tXYZ,MET-NEG,XYZ\t,,\tCRT\tMAJ,MAJ\tThree.' \
	    $'R1\t4\tMET-NEG\tEMP-NEG\tCRT\tMAJ\tFour.'
	expect 1 "review	sentence	layer	tag	problem
R1	1	section	DAT-NEU	repeated item
R1	2	section	dat-neu	unknown code
R1	2	aspect	EMP-NEG	repeated item
R1	2	aspect	EMP-NEG	repeated item
R1	2	function	CRT	repeated item
R1	3	section	XYZ	unknown code
R1	3	section	XYZ	repeated item
R1	3	aspect		empty item
R1	3	aspect		empty item
R1	3	aspect		empty item
R1	3	severity	MAJ	repeated item" "" rtags --check rep.tsv
	# The same under argu, whose criteria are single items.
	printf 'review\tsentence\tclarity\tnovelty\nR1\t1\tCLA-POS,CLA-POS\tNOV-NEG,NOV-POS\n' > argu.tsv
	expect 1 "review	sentence	layer	tag	problem
R1	1	clarity	CLA-POS	repeated item" "" rtags --check -l clarity,novelty argu.tsv
}

@test "rtags: --check checks all four layers, or only those chosen with -l" {
	fixture bad.tsv '%s\n' \
	    $'review\tsentence\tsection\taspect\tfunction\tseverity\ttext' \
	    $'R1\t1\tMET-NEG\tEMP-NEG\tCRT\tMAJS\tOne.'
	expect 0 $'review\tsentence\tlayer\ttag\tproblem' "" \
	    rtags --check -l section,aspect "$BATS_TEST_TMPDIR/bad.tsv"
	expect 1 $'review\tsentence\tlayer\ttag\tproblem\nR1\t1\tseverity\tMAJS\tunknown code' "" \
	    rtags --check "$BATS_TEST_TMPDIR/bad.tsv"
	expect 1 $'review\tsentence\tlayer\ttag\tproblem\nR1\t1\tseverity\tMAJS\tunknown code' "" \
	    rtags --check -l severity "$BATS_TEST_TMPDIR/bad.tsv"
}

@test "rtags: --list writes the built-in scheme" {
	# 36 rows: their count, the first and the last, then each layer's count.
	expect 0 @any "" rtags --list
	assert_equal "${#lines[@]}" 36
	assert_equal "${lines[0]}" $'layer\tcode\tname\tdescription\tpolarity'
	assert_equal "${lines[1]}" $'section\tABS\tAbstract\tthe paper\'s abstract\tyes'
	assert_equal "${lines[35]}" $'any\tCNT\tUnclassifiable\tno category of the layer applies; never has a polarity\tno'
	expect 0 "layer 1
section 14
aspect 9
function 8
severity 3
any 1" "" \
	    bash -c 'rtags --list | cut -f1 | uniq -c | awk "{print \$2, \$1}"'
	expect 0 "$(rtags --list | tail -n +2)" "" rtags --list -N
}

@test "rtags: --scheme reads a scheme in the form --list writes" {
	fixture s.tsv '%s\n' \
	    $'layer\tcode\tname\tdescription\tpolarity' \
	    $'section\tMET\tMethod\tthe method\tyes' \
	    $'function\tCRT\tCritique\t\tno' \
	    $'function\tMET\tMeta\ta remark about the review itself\tno' \
	    $'any\tNA\tNot applicable\tno label fits\tno'
	expect 0 "$(cat "$BATS_TEST_TMPDIR/s.tsv")" "" \
	    rtags --list --scheme "$BATS_TEST_TMPDIR/s.tsv"
	fixture t.tsv '%s\n' \
	    $'review\tsentence\tsection\tfunction' \
	    $'R1\t1\tMET-NEG,RES-POS,NA\tCRT,MET'
	expect 0 "$(printf '%s\n' \
	    $'review\tsentence\tlayer\ttag\tpolarity\tname' \
	    $'R1\t1\tsection\tMET\tNEG\tMethod' \
	    $'R1\t1\tsection\tRES\tPOS\t' \
	    $'R1\t1\tsection\tNA\t\tNot applicable' \
	    $'R1\t1\tfunction\tCRT\t\tCritique' \
	    $'R1\t1\tfunction\tMET\t\tMeta')" "" \
	    rtags --scheme "$BATS_TEST_TMPDIR/s.tsv" --names -l section,function "$BATS_TEST_TMPDIR/t.tsv"
	expect 1 "$(printf '%s\n' \
	    $'review\tsentence\tlayer\ttag\tproblem' \
	    $'R1\t1\tsection\tRES-POS\tunknown code')" "" \
	    rtags --scheme "$BATS_TEST_TMPDIR/s.tsv" --check -l section,function "$BATS_TEST_TMPDIR/t.tsv"
}

@test "rtags: a malformed scheme file is an error at FILE:LINE, status 2" {
	S=$BATS_TEST_TMPDIR/s.tsv
	H=$'layer\tcode\tname\tdescription\tpolarity'
	check_scheme() {
		expect 2 "" "rtags: $S:$1" rtags --scheme "$S" "$IN"
	}
	: > "$S"
	check_scheme "1: no header"
	printf 'layer\tcode\tname\n' > "$S"
	check_scheme "1: the header must be: layer, code, name, description, polarity, TAB-separated"
	printf '%s\n' "$H" > "$S"
	check_scheme "2: no codes"
	printf '%s\n' "$H" $'section\tMET\tMethodology\tx' > "$S"
	check_scheme "2: 4 fields, expected 5 (layer, code, name, description, polarity)"
	printf '%s\n' "$H" $'section\tMET\tMethodology\tx\tyes\ty' > "$S"
	check_scheme "2: 6 fields, expected 5 (layer, code, name, description, polarity)"
	printf '%s\n' "$H" $'section\tMET\tMethodology\tx\tyes' '' > "$S"
	check_scheme "3: 1 fields, expected 5 (layer, code, name, description, polarity)"
	printf '%s\n' "$H" $'\tMET\tMethodology\tx\tyes' > "$S"
	check_scheme "2: empty layer"
	printf '%s\n' "$H" $'sec tion\tMET\tMethodology\tx\tyes' > "$S"
	check_scheme "2: layer name 'sec tion' may hold only letters, digits, '_' and '.'"
	printf '%s\n' "$H" $'12\tMET\tMethodology\tx\tyes' > "$S"
	check_scheme "2: layer name '12' is a number, which would mean a column"
	printf '%s\n' "$H" $'text\tMET\tMethodology\tx\tyes' > "$S"
	check_scheme "2: layer name 'text' is a column of review TSV already"
	printf '%s\n' "$H" $'any\tCNT\tC\tx\tno' > "$S"
	check_scheme "2: no layer but 'any'"
	printf '%s\n' "$H" $'section\t\tMethodology\tx\tyes' > "$S"
	check_scheme "2: empty code"
	printf '%s\n' "$H" $'section\tMET-NEG\tMethodology\tx\tyes' > "$S"
	check_scheme "2: code 'MET-NEG' contains '-'"
	printf '%s\n' "$H" $'section\tMET\tMethodology\tx\tYes' > "$S"
	check_scheme "2: polarity 'Yes', expected yes or no"
	printf '%s\n' "$H" $'aspect\tEMP\tE\tx\tyes' $'section\tMET\tM\tx\tyes' $'aspect\tCLA\tC\tx\tyes' $'section\tMET\tM2\ty\tyes' > "$S"
	check_scheme "5: duplicate code 'MET' (line 3 has it in layer section)"
	printf '%s\n' "$H" $'section\tCNT\tC\tx\tyes' $'function\tCRT\tC\tx\tno' $'any\tCNT\tU\ty\tno' > "$S"
	check_scheme "4: duplicate code 'CNT' (line 2 has it in layer section)"
}

@test "rtags: a missing scheme file is an error, status 2" {
	expect 2 "" "rtags: $BATS_TEST_TMPDIR/none: No such file or directory" \
	    rtags --scheme "$BATS_TEST_TMPDIR/none" "$IN"
}

@test "rtags: an unknown layer in -l is a usage error" {
	expect 2 "" "rtags: unknown layer 'aspekt'
rtags: the layers are: section aspect function severity
$USAGE" \
	    rtags -l section,aspekt "$IN"
	expect 2 "" "rtags: unknown layer 'any'
rtags: the layers are: section aspect function severity
$USAGE" \
	    rtags -l any "$IN"
	expect 2 "" "rtags: unknown layer ''
rtags: the layers are: section aspect function severity
$USAGE" \
	    rtags -l '' "$IN"
	expect 2 "" "rtags: layer 'section' given twice
$USAGE" \
	    rtags -l section,severity,section "$IN"
}

@test "rtags: an input without a chosen column is a usage error naming the layers it has and lacks" {
	fixture short.tsv '%s\n' $'review\tsentence\tsection\ttext' $'R1\t1\tMET-NEG\tx'
	expect 2 "" "rtags: $BATS_TEST_TMPDIR/short.tsv: the header has 1 of the 4 layers of scheme pra (section; no aspect, function, severity); for another scheme, use --scheme FILE" \
	    rtags "$BATS_TEST_TMPDIR/short.tsv"
}

@test "rtags: a row without a chosen field stops with status 1" {
	fixture short.tsv '%s\n' \
	    $'review\tsentence\tsection\taspect\tfunction\tseverity\ttext' \
	    $'R1\t1\tMET-NEG\tEMP-NEG\tCRT\tMAJ\tOk.' \
	    $'R1\t2\tMET-NEG'
	expect 1 "$(printf '%s\n' \
	    $'review\tsentence\tlayer\ttag\tpolarity\tfunction\tseverity\ttext' \
	    $'R1\t1\tsection\tMET\tNEG\tCRT\tMAJ\tOk.' \
	    $'R1\t1\taspect\tEMP\tNEG\tCRT\tMAJ\tOk.')" \
	    "rtags: $BATS_TEST_TMPDIR/short.tsv:3: row has no field 4 (aspect)" \
	    rtags "$BATS_TEST_TMPDIR/short.tsv"
}

@test "rtags: an unreadable input is reported, the others are processed" {
	expect 1 "$(printf '%s\n' \
	    $'review\tsentence\tsection\taspect\tfunction\tlayer\ttag\tpolarity\ttext' \
	    $'R1\t1\tMET-NEG,RES-POS\tEMP-NEG\tCRT\tseverity\tMAJ\t\tWeak results.' \
	    $'R1\t2\t\t\tSMY\tseverity\tGEN\t\tIt does X.' \
	    $'R2\t1\tCNT\tPNF-NEU\tSUG,QSN\tseverity\tMIN\t\tA typo?' \
	    $'R1\t1\tMET-NEG,RES-POS\tEMP-NEG\tCRT\tseverity\tMAJ\t\tWeak results.' \
	    $'R1\t2\t\t\tSMY\tseverity\tGEN\t\tIt does X.' \
	    $'R2\t1\tCNT\tPNF-NEU\tSUG,QSN\tseverity\tMIN\t\tA typo?')" \
	    "rtags: $BATS_TEST_TMPDIR/missing: No such file or directory
rtags: $BATS_TEST_TMPDIR: Is a directory" \
	    rtags -l severity "$IN" "$BATS_TEST_TMPDIR/missing" "$BATS_TEST_TMPDIR" "$IN"
}

@test "rtags: an input with another header is an error naming it" {
	fixture other.tsv '%s\n' $'review\tsentence\tsection\taspect' $'R9\t1\tMET-NEG\t'
	expect 1 "$(printf '%s\n' \
	    $'review\tsentence\tlayer\ttag\tpolarity\taspect\tfunction\tseverity\ttext' \
	    $'R1\t1\tsection\tMET\tNEG\tEMP-NEG\tCRT\tMAJ\tWeak results.' \
	    $'R1\t1\tsection\tRES\tPOS\tEMP-NEG\tCRT\tMAJ\tWeak results.' \
	    $'R2\t1\tsection\tCNT\t\tPNF-NEU\tSUG,QSN\tMIN\tA typo?')" \
	    "rtags: $BATS_TEST_TMPDIR/other.tsv: header differs from that of $IN" \
	    rtags -l section "$IN" "$BATS_TEST_TMPDIR/other.tsv"
}

@test "rtags: a write error is reported, status 1" {
	expect 1 "" "rtags: write error: No space left on device" \
	    bash -c 'rtags "$1" > /dev/full' _ "$IN"
	expect 1 "" "rtags: write error: No space left on device" \
	    bash -c 'rtags --list > /dev/full'
}

@test "rtags: bad combinations of options are usage errors" {
	expect 2 "" "rtags: --list reads no input and takes only -N and --scheme
$USAGE" \
	    rtags --list "$IN"
	expect 2 "" "rtags: --list reads no input and takes only -N and --scheme
$USAGE" \
	    rtags --list --check
	expect 2 "" "rtags: --list reads no input and takes only -N and --scheme
$USAGE" \
	    rtags --list -l section
	expect 2 "" "rtags: --check writes problems, not tags: no -a or --names
$USAGE" \
	    rtags --check --names "$IN"
	expect 2 "" "rtags: --check writes problems, not tags: no -a or --names
$USAGE" \
	    rtags --check -a "$IN"
	expect 2 "" "rtags: invalid option -- 'z'
$USAGE" \
	    rtags -z
}

@test "rtags: --version and --help" {
	expect 0 "rtags (reviewkit) 0.1.0" "" rtags --version
	expect 0 "rtags (reviewkit) 0.1.0" "" rtags -V
	# The help is rtags(1)'s in short; it begins with the synopsis.
	expect 0 @any "" rtags -h
	assert_equal "$(head -n 3 <<< "$output")" "$USAGE"
	expect 0 "$output" "" rtags --help
}

@test "rtags: corpus: one row per item of the chosen columns" {
	need_corpus
	rsplit -q "$CORPUS"/*/*.txt > "$BATS_TEST_TMPDIR/all.tsv"
	items() {
		awk -F'\t' -v cols="$1" 'BEGIN { n = split(cols, c, ",") }
		    NR > 1 { for (i = 1; i <= n; i++) if ($c[i] != "")
		    t += split($c[i], a, ",") } END { print t + 0 }' \
		    "$BATS_TEST_TMPDIR/all.tsv"
	}
	want=$(items 3,4)
	got=$(rtags -N < <(tail -n +2 "$BATS_TEST_TMPDIR/all.tsv") | wc -l)
	assert_equal "$got" "$want"
	want=$(items 3,4,5,6)
	got=$(rtags -l section,aspect,function,severity "$BATS_TEST_TMPDIR/all.tsv" | tail -n +2 | wc -l)
	assert_equal "$got" "$want"
	[ "$want" -gt 50000 ]
}

@test "rtags: corpus: --check finds only the known slips" {
	need_corpus
	# stdout is the number of problems, bounded below.
	expect 0 @any "" \
	    bash -c "rsplit -q '$CORPUS'/*/*.txt | rtags --check -l section,aspect,function,severity | tail -n +2 | wc -l"
	[ "$output" -gt 0 ]
	[ "$output" -lt 100 ]
}

@test "rtags: review-tags(7) lists every code of the built-in scheme with its name" {
	man=$BATS_TEST_DIRNAME/../man/review-tags.7
	missing=$(rtags --list -N | while IFS=$'\t' read -r _ code name _; do
		grep -qxF ".It Li $code No $name" "$man" || echo "$code"
	done)
	assert_equal "$missing" ""
}

@test "rtags: a header repeated mid-stream is no tag, with one warning" {
	cat "$IN" "$IN" > "$BATS_TEST_TMPDIR/twice.tsv"
	cd "$BATS_TEST_TMPDIR"
	expect 0 "$(printf '%s\n' \
	    $'review\tsentence\tsection\taspect\tfunction\tlayer\ttag\tpolarity\ttext' \
	    $'R1\t1\tMET-NEG,RES-POS\tEMP-NEG\tCRT\tseverity\tMAJ\t\tWeak results.' \
	    $'R1\t2\t\t\tSMY\tseverity\tGEN\t\tIt does X.' \
	    $'R2\t1\tCNT\tPNF-NEU\tSUG,QSN\tseverity\tMIN\t\tA typo?' \
	    $'R1\t1\tMET-NEG,RES-POS\tEMP-NEG\tCRT\tseverity\tMAJ\t\tWeak results.' \
	    $'R1\t2\t\t\tSMY\tseverity\tGEN\t\tIt does X.' \
	    $'R2\t1\tCNT\tPNF-NEU\tSUG,QSN\tseverity\tMIN\t\tA typo?')" \
	    "rtags: twice.tsv:5: the header again; skipped here and wherever it repeats" \
	    rtags -l severity twice.tsv
}
