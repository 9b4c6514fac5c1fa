#!/usr/bin/env bats
# rsplit refuses a review whose first marker fits another built-in scheme
# better than the scheme in effect (SPEC 3, "The scheme in effect";
# lib/review/fit.c; issue 19, findings 2 and 3): an error even under -q,
# no rows for that review, the run goes on and exits 1.  No review is
# refused under its own scheme: the shared corpus (pra) and the argu
# reviews of tests/data/argu/ under both schemes.

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
	unset REVIEWKIT_SCHEME
	DATA=$BATS_TEST_DIRNAME/data
	PRA_HDR=$(row review sentence section aspect function severity text)
	ARGU_HDR=$(row review sentence clarity justification depth fairness constructiveness engagement accuracy consistency novelty ethics text)
	TEN='[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]'
	# A review of the corpus' kind: a JSON string, a marker a sentence.
	fixture p1_annotated.txt '%s' '"The method is new.[[MET-POS], [NOV-POS], [APC], [MAJ]] The results are weak.[[RES-NEG], [EMP-NEG], [CRT], [MAJ]]"'
	# A two-layer one whose first marker has an aspect alone.
	fixture p2_annotated.txt '%s' '"A new idea.[[null], [NOV-POS]] Clear.[[OAL-POS], [CLA-POS]]"'
	# A model's review on the ten criteria: escapes without quotes (-j).
	fixture a1.txt '%s' "The paper is clear.\\n\\nI recommend rejection.$TEN"
}

# --- finding 2: pra reviews under argu

@test "fit: finding 2: pra reviews under REVIEWKIT_SCHEME=argu are refused, even with -q; the argu review between them is split" {
	REVIEWKIT_SCHEME=argu expect 1 "$ARGU_HDR
$(row a1 1 CLA-POS JUS-NEG DEP-NEG FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG ETH-NEU 'The paper is clear. I recommend rejection.')" \
	    "rsplit: p1_annotated.txt:1:20: the marker holds codes of scheme pra, not of argu; use --scheme pra
rsplit: p2_annotated.txt:1:13: the marker holds codes of scheme pra, not of argu; use --scheme pra" \
	    rsplit -q -j p1_annotated.txt a1.txt p2_annotated.txt
}

@test "fit: finding 2: --scheme argu on the command line refuses a pra review the same way, in every mode" {
	for opts in "" "-r" "-a" "-r -a" "--strict" "-N"; do
		# shellcheck disable=SC2086
		expect 1 "$([ "$opts" = -N ] || echo "$ARGU_HDR")" \
		    "rsplit: p1_annotated.txt:1:20: the marker holds codes of scheme pra, not of argu; use --scheme pra" \
		    rsplit --scheme argu $opts p1_annotated.txt
	done
}

@test "fit: finding 2: a pra marker's aspect alone ([[null], [NOV-POS]]) is no novelty verdict: placement ties, position decides" {
	expect 1 "$(row review sentence clarity justification depth fairness constructiveness engagement accuracy consistency novelty ethics text)" \
	    "rsplit: p2_annotated.txt:1:13: the marker holds codes of scheme pra, not of argu; use --scheme pra" \
	    rsplit --scheme argu p2_annotated.txt
	expect 0 "$(row p2 1 '' NOV-POS '' '' 'A new idea.')
$(row p2 2 OAL-POS CLA-POS '' '' Clear.)" "" rsplit -N p2_annotated.txt
}

# --- finding 3: argu reviews under pra

@test "fit: finding 3: argu reviews under the default scheme are refused, naming argu, even with -q" {
	fixture a2.txt '%s' "Short.${TEN//\],\[/], [}"
	expect 1 "$PRA_HDR" \
	    "rsplit: a1.txt:1:46: the marker holds codes of scheme argu, not of pra; use --scheme argu
rsplit: a2.txt:1:7: the marker holds codes of scheme argu, not of pra; use --scheme argu" \
	    rsplit -q -j a1.txt a2.txt
}

@test "fit: finding 3: no 'kept as text' or 'no annotations' for a refused review, and no row with -a; warnings of the text before its marker come first" {
	expect 1 "" \
	    "rsplit: a1.txt:1:20: JSON escape in a plain file, kept as text (-j decodes escapes): \\n
rsplit: a1.txt:1:46: the marker holds codes of scheme argu, not of pra; use --scheme argu" \
	    rsplit -N -a a1.txt
}

@test "fit: finding 3: a model that skips the first criterion (nine groups, none in place) is refused under pra" {
	fixture a3.txt '%s' 'Thin.[[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]'
	expect 1 "" \
	    "rsplit: a3.txt:1:6: the marker holds codes of scheme argu, not of pra; use --scheme argu" \
	    rsplit -N a3.txt
	expect 0 "$(row a3 1 '' JUS-NEG DEP-NEG FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG ETH-NEU Thin.)" \
	    "rsplit: a3.txt:1:6: groups moved to the layers of their codes: group 1 belongs to layer justification (9 groups out of place)" \
	    rsplit -N --scheme argu a3.txt
}

@test "fit: the error gives the line and column of the marker's first bracket, also in a file of several lines and on standard input" {
	printf 'The paper\nis clear.\n  I recommend rejection.%s\n' "$TEN" > a4.txt
	expect 1 "" \
	    "rsplit: a4.txt:3:25: the marker holds codes of scheme argu, not of pra; use --scheme argu" \
	    rsplit -N a4.txt
	expect 1 "" \
	    "rsplit: -:3:25: the marker holds codes of scheme argu, not of pra; use --scheme argu" \
	    sh -c 'rsplit -N < a4.txt'
}

@test "fit: -L: a refused line names FILE:LINE:COL, and the next line is split" {
	printf 'A1\tThe paper is clear.%s\nP1\tWeak.[[RES-NEG], [EMP-NEG], [CRT], [MAJ]]\nA2\t  Fine.%s\n' "$TEN" "$TEN" > in.lines
	expect 1 "$(row P1 1 RES-NEG EMP-NEG CRT MAJ Weak.)" \
	    "rsplit: in.lines:1:23: the marker holds codes of scheme argu, not of pra; use --scheme argu
rsplit: in.lines:3:11: the marker holds codes of scheme argu, not of pra; use --scheme argu" \
	    rsplit -N -q -L in.lines
	expect 1 "$(row A1 1 CLA-POS JUS-NEG DEP-NEG FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG ETH-NEU 'The paper is clear.')
$(row A2 1 CLA-POS JUS-NEG DEP-NEG FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG ETH-NEU Fine.)" \
	    "rsplit: in.lines:2:9: the marker holds codes of scheme pra, not of argu; use --scheme pra" \
	    rsplit -N -L --scheme argu in.lines
}

# --- what decides, and what does not

@test "fit: only the first marker decides; a later marker of the other scheme is read as the scheme in effect reads it" {
	fixture p3.txt '%s' "Good.[[MET-POS], [EMP-POS], [APC], [MAJ]] Odd.$TEN"
	expect 0 "$(row p3 1 MET-POS EMP-POS APC MAJ Good.)" \
	    "rsplit: p3.txt:1:47: marker has 10 groups; the scheme has 4 layers; kept as text" \
	    rsplit -N p3.txt
}

@test "fit: a first marker that fits no scheme, or both alike, keeps the scheme in effect" {
	fixture n1.txt '%s' 'Hm.[[XYZ-POS], [QQQ]] Ok.[[null], [null]]'
	expect 0 "$(row n1 1 XYZ-POS QQQ '' '' Hm.)
$(row n1 2 '' '' '' '' Ok.)" "" rsplit -N n1.txt
	expect 0 "$(row n1 1 XYZ-POS QQQ '' '' '' '' '' '' '' '' Hm.)
$(row n1 2 '' '' '' '' '' '' '' '' '' '' Ok.)" "" rsplit -N --scheme argu n1.txt
	# One group of CLA: pra moves it to aspect, argu has it in place.
	fixture n2.txt '%s' 'Clear.[[CLA-POS]]'
	expect 0 "$(row n2 1 CLA-POS '' '' '' '' '' '' '' '' '' Clear.)" "" \
	    rsplit -N --scheme argu n2.txt
	expect 1 "" "rsplit: n2.txt:1:7: the marker holds codes of scheme argu, not of pra; use --scheme argu" \
	    rsplit -N n2.txt
}

@test "fit: a first marker with no code of any scheme ([[null], [null]]) does not decide: the next marker that has one does, and the error points at it" {
	# A two-layer review that opens with a greeting: under argu, its pra
	# markers landed in clarity and justification, status 0 (review).
	fixture p5.txt '%s' '"Dear authors.[[null], [null]] The method is weak.[[MET-NEG], [EMP-NEG]] Tables are clear.[[TNF-POS], [CLA-POS]]"'
	REVIEWKIT_SCHEME=argu expect 1 "$ARGU_HDR" \
	    "rsplit: p5.txt:1:51: the marker holds codes of scheme pra, not of argu; use --scheme pra" \
	    rsplit -q p5.txt
	expect 0 "$(row p5 1 '' '' '' '' 'Dear authors.')
$(row p5 2 MET-NEG EMP-NEG '' '' 'The method is weak.')
$(row p5 3 TNF-POS CLA-POS '' '' 'Tables are clear.')" "" rsplit -N p5.txt
	# Unknown codes alone are no sign either; nor is a marker kept as text.
	fixture p6.txt '%s' 'Hm.[[XYZ-NEG], [QQQ], [ZZZ], [MAJS]] Weak.[[MET-NEG], [EMP-NEG], [CRT], [MAJ]]'
	expect 1 "" "rsplit: p6.txt:1:43: the marker holds codes of scheme pra, not of argu; use --scheme pra" \
	    rsplit -N --scheme argu p6.txt
	fixture a5.txt '%s' "Fine.[[null],[null],[null],[null],[null],[null],[null],[null],[null],[null]] And.$TEN"
	expect 1 "" "rsplit: a5.txt:1:82: the marker holds codes of scheme argu, not of pra; use --scheme argu" \
	    rsplit -N a5.txt
	printf 'P5\t%s\nA5\t%s\n' "$(cat p5.txt)" "$(cat a5.txt)" > in.lines
	expect 1 "$(row A5 1 '' '' '' '' '' '' '' '' '' '' Fine.)
$(row A5 2 CLA-POS JUS-NEG DEP-NEG FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG ETH-NEU And.)" \
	    "rsplit: in.lines:1:54: the marker holds codes of scheme pra, not of argu; use --scheme pra" \
	    rsplit -N -L --scheme argu in.lines
	expect 1 "" "rsplit: -:1:51: the marker holds codes of scheme pra, not of argu; use --scheme pra" \
	    sh -c 'rsplit -N --scheme argu < p5.txt'
}

@test "fit: the marker that decides for an empty first one is looked for 64 KiB and 64 brackets on, no further: memory and time stay bounded" {
	{ printf 'Hi.[[null], [null]] '; head -c 70000 /dev/zero | tr '\0' a; printf ' Weak.[[MET-NEG], [EMP-NEG]]'; } > far.txt
	{ printf 'Hi.[[null], [null]] '; head -c 60000 /dev/zero | tr '\0' a; printf ' Weak.[[MET-NEG], [EMP-NEG]]'; } > near.txt
	expect 0 "2" "" sh -c 'rsplit -N -q --scheme argu far.txt | wc -l'
	expect 1 "" "rsplit: near.txt:1:60027: the marker holds codes of scheme pra, not of argu; use --scheme pra" \
	    rsplit -N -q --scheme argu near.txt
	# Each bracket may be parsed for 1 KiB: 64 of them, not 64 KiB.
	{ printf 'Hi.[[null], [null]] '; for i in $(seq 64); do printf '[%s] ' "$i"; done; printf 'Weak.[[MET-NEG], [EMP-NEG]]'; } > many.txt
	{ printf 'Hi.[[null], [null]] '; for i in $(seq 63); do printf '[%s] ' "$i"; done; printf 'Weak.[[MET-NEG], [EMP-NEG]]'; } > fewer.txt
	expect 0 "2" "" sh -c 'rsplit -N -q --scheme argu many.txt | wc -l'
	expect 1 "" "rsplit: fewer.txt:1:332: the marker holds codes of scheme pra, not of argu; use --scheme pra" \
	    rsplit -N -q --scheme argu fewer.txt
}

@test "fit: a pra marker without its section group fits pra, where its groups move to their layers" {
	fixture p4.txt '%s' 'Unclear.[[CLA-NEG], [CRT], [MAJ]]'
	expect 0 "$(row p4 1 '' CLA-NEG CRT MAJ Unclear.)" \
	    "rsplit: p4.txt:1:9: groups moved to the layers of their codes: group 1 belongs to layer aspect (3 groups out of place)" \
	    rsplit -N p4.txt
	expect 1 "" "rsplit: p4.txt:1:9: the marker holds codes of scheme pra, not of argu; use --scheme pra" \
	    rsplit -N --scheme argu p4.txt
}

@test "fit: a scheme given as a file is trusted: no review is refused under it" {
	rtags --list --scheme pra > pra.tsv
	rtags --list --scheme argu > argu.tsv
	expect 0 "$(row a1 1 '' '' '' '' "The paper is clear. I recommend rejection.$TEN")" \
	    "rsplit: a1.txt:1:46: marker has 10 groups; the scheme has 4 layers; kept as text
rsplit: a1.txt: no annotations" \
	    rsplit -N -a -j --scheme ./pra.tsv a1.txt
	# What the user's scheme says goes, as wrong as it may be here.
	expect 0 "$(row p1 1 MET-POS '' APC MAJ '' '' '' '' NOV-POS '' 'The method is new.')
$(row p1 2 RES-NEG EMP-NEG CRT MAJ '' '' '' '' '' '' 'The results are weak.')" \
	    "rsplit: p1_annotated.txt:1:20: groups moved to the layers of their codes: group 2 belongs to layer novelty
rsplit: p1_annotated.txt:1:20: groups of no evident layer kept in their positions: group 1 has unknown codes (3 such groups)" \
	    env REVIEWKIT_SCHEME=./argu.tsv rsplit -N p1_annotated.txt
}

# --- the corpus and the argu reviews of tests/data, under each scheme

# Counts the refusals on stderr file $1, checking that it holds nothing
# else but "no annotations" lines; prints "REFUSED NOANNOT".
refusals() {
	local refused noannot other
	refused=$(grep -c ': the marker holds codes of scheme [a-z]*, not of [a-z]*; use --scheme [a-z]*$' "$1")
	noannot=$(grep -c ': no annotations$' "$1")
	other=$(grep -v -e ': the marker holds codes of scheme' -e ': no annotations$' "$1" | wc -l)
	[ "$other" -eq 0 ] || { grep -v -e ': the marker holds' -e ': no annotations$' "$1" | head -5; return 1; }
	echo "$refused $noannot"
}

@test "fit: corpus: every pra4 and pra2 review is refused under argu, naming pra; none under pra, whose rows are those of the unchecked scheme file" {
	need_corpus
	rtags --list --scheme pra > pra.tsv
	for d in pra4 pra2; do
		# stderr holds one line per file, checked by refusals below.
		REVIEWKIT_SCHEME=argu expect 1 "" @any rsplit -N -q "$CORPUS/$d"/*
		printf '%s\n' "$stderr" > err
		run refusals err
		assert_equal "$output" "$([ $d = pra4 ] && echo '990 0' || echo '675 0')"
		run grep -c 'holds codes of scheme pra, not of argu; use --scheme pra$' err
		assert_equal "$output" "$([ $d = pra4 ] && echo 990 || echo 675)"
		# Without -q: the warnings of the text before each first marker
		# and "no annotations" for the 6 empty files, never a row.
		REVIEWKIT_SCHEME=argu rsplit -N "$CORPUS/$d"/* > out 2> err || true
		assert_equal "$(wc -c < out)" 0
		assert_equal "$(grep -c 'holds codes of scheme' err)" "$([ $d = pra4 ] && echo 990 || echo 675)"
		assert_equal "$(grep -c ': no annotations$' err)" "$([ $d = pra4 ] && echo 0 || echo 6)"
		for opts in "" "-r -a"; do
			# shellcheck disable=SC2086
			rsplit $opts "$CORPUS/$d"/* > checked 2> checked.err
			# shellcheck disable=SC2086
			rsplit $opts --scheme ./pra.tsv "$CORPUS/$d"/* > trusted 2> trusted.err
			cmp checked trusted
			cmp checked.err trusted.err
			assert_equal "$(grep -c 'holds codes' checked.err)" 0
		done
		assert_equal "$(rsplit -qN "$CORPUS/$d"/* | wc -l)" "$([ $d = pra4 ] && echo 17303 || echo 10044)"
	done
}

@test "fit: corpus as lines: refused line by line under argu, none under pra, rows as the unchecked scheme file's" {
	need_corpus
	rtags --list --scheme pra > pra.tsv
	"$BATS_TEST_DIRNAME/../tools/reviews2lines" "$CORPUS"/pra4/* "$CORPUS"/pra2/* > corpus.lines 2> /dev/null
	# stderr: one refusal a line, counted by refusals below.
	REVIEWKIT_SCHEME=argu expect 1 "" @any rsplit -N -q -L corpus.lines
	printf '%s\n' "$stderr" > err
	run refusals err
	assert_equal "$output" "1665 0"
	rsplit -L -r -a corpus.lines > checked 2> checked.err
	rsplit -L -r -a --scheme ./pra.tsv corpus.lines > trusted 2> trusted.err
	cmp checked trusted
	cmp checked.err trusted.err
	assert_equal "$(grep -c 'holds codes' checked.err)" 0
	assert_equal "$(wc -l < checked)" 27370
}

@test "fit: the argu reviews of tests/data: none refused under argu, where they give the rows of argu.tsv; all 42 refused under pra, naming argu" {
	cd "$DATA"
	expect 0 "$(cat argu.tsv)" "$(cat argu.err)" rsplit --scheme argu -j argu/*.txt
	assert_equal "$(printf '%s\n' "$output" | wc -l)" 43
	# stderr: one refusal a file, counted by refusals below.
	expect 1 "$PRA_HDR" @any rsplit -q -j argu/*.txt
	printf '%s\n' "$stderr" > "$BATS_TEST_TMPDIR/err"
	run refusals "$BATS_TEST_TMPDIR/err"
	assert_equal "$output" "42 0"
	assert_equal "$(grep -c 'holds codes of scheme argu, not of pra; use --scheme argu$' "$BATS_TEST_TMPDIR/err")" 42
	# The same under argu as the unchecked scheme file, in every mode.
	rtags --list --scheme argu > "$BATS_TEST_TMPDIR/argu.tsv"
	for opts in "" "-r" "-a" "-r -a"; do
		# shellcheck disable=SC2086
		rsplit -j $opts --scheme argu argu/*.txt > "$BATS_TEST_TMPDIR/checked" 2>&1
		# shellcheck disable=SC2086
		rsplit -j $opts --scheme "$BATS_TEST_TMPDIR/argu.tsv" argu/*.txt > "$BATS_TEST_TMPDIR/trusted" 2>&1
		cmp "$BATS_TEST_TMPDIR/checked" "$BATS_TEST_TMPDIR/trusted"
	done
}

@test "fit: the argu reviews of tests/data as lines: 42 split under argu, 42 refused under pra" {
	"$BATS_TEST_DIRNAME/../tools/reviews2lines" "$DATA"/argu/*.txt > argu.lines
	# The rows are those of the files; the warnings name lines, not files
	# (tests/lines.bats holds them alike), and none is a refusal.
	expect 0 "$(tail -n +2 "$DATA/argu.tsv")" @any \
	    rsplit -N -j -L --scheme argu argu.lines
	assert_equal "$(printf '%s\n' "$stderr" | grep -c 'holds codes')" 0
	assert_equal "$(printf '%s\n' "$stderr" | wc -l)" 14
	# stderr: one refusal a line, counted by refusals below.
	expect 1 "" @any rsplit -N -q -j -L argu.lines
	printf '%s\n' "$stderr" > err
	run refusals err
	assert_equal "$output" "42 0"
}

@test "fit: rsplit --help says what is refused" {
	# The whole help is tests/rsplit.bats'; these are its lines here.
	expect 0 @any "" rsplit --help
	assert_line "A review whose first marker (the first with a code of a built-in"
	assert_line "scheme) fits another built-in scheme better than the scheme in effect"
	assert_line "gives no rows but an error, even with -q, and rsplit exits 1; under a"
	assert_line "scheme file nothing is refused."
}
