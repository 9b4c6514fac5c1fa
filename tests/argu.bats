#!/usr/bin/env bats
# rsplit under the ten-layer argu scheme (SPEC 1.3, 6.2): one marker of
# ten criteria per review; groups out of place go to their layers or stay
# with a warning, and no label lands in another criterion's column.

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
	export REVIEWKIT_SCHEME=argu
	HDR=$(row review sentence clarity justification depth fairness constructiveness engagement accuracy consistency novelty ethics text)
	TEN='[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]'
	TENROW=(CLA-POS JUS-NEG DEP-NEG FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG ETH-NEU)
}

@test "argu: one row per review, the ten criteria in their columns, -j decoding" {
	printf '%s' "The paper proposes \\u201cX\\u201d.\\n\\nI recommend rejection.$TEN" > R1_annotated.txt
	expect 0 "$HDR
$(row R1 1 "${TENROW[@]}" $'The paper proposes \xe2\x80\x9cX\xe2\x80\x9d. I recommend rejection.')" "" \
	    rsplit -j R1_annotated.txt
}

@test "argu: without -j the escapes stay, with one warning suggesting -j" {
	split_is "A \\u201cX\\u201d.\\nB.$TEN" "$(row r 1 "${TENROW[@]}" 'A \u201cX\u201d.\nB.')" \
	    "rsplit: r.txt:1:3: JSON escape in a plain file, kept as text (-j decodes escapes): \\u"
}

@test "argu: --scheme on the command line beats REVIEWKIT_SCHEME" {
	printf '%s' "A.$TEN" > r.txt
	REVIEWKIT_SCHEME=pra expect 0 "$HDR
$(row r 1 "${TENROW[@]}" A.)" "" \
	    rsplit --scheme argu r.txt
}

@test "argu: model polarities outside the scheme are kept as written; rtags --check reports them" {
	split_is 'A.[[CLA-POS],[JUS-MIX],[DEP-NEG],[FAI-POS],[CON-MIX],[ENG-PAR],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]' \
	    "$(row r 1 CLA-POS JUS-MIX DEP-NEG FAI-POS CON-MIX ENG-PAR ACC-POS CST-POS NOV-NEG ETH-NEU A.)"
	expect 1 "review	sentence	layer	tag	problem
r	1	justification	JUS-MIX	unknown polarity
r	1	constructiveness	CON-MIX	unknown polarity
r	1	engagement	ENG-PAR	unknown polarity" "" \
	    bash -c 'rsplit r.txt | rtags --check'
}

@test "argu: a marker of eleven groups is text, with a warning" {
	split_is 'A.[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU],[ETH-POS]] B.[[CLA-POS]]' \
	    "$(row r 1 CLA-POS '' '' '' '' '' '' '' '' '' 'A.[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU],[ETH-POS]] B.')" \
	    "rsplit: r.txt:1:3: marker has 11 groups; the scheme has 10 layers; kept as text"
}

@test "argu: a model that skips a criterion: nine groups go to their layers" {
	split_is 'A.[[CLA-POS],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]' \
	    "$(row r 1 CLA-POS '' DEP-NEG FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG ETH-NEU A.)" \
	    "rsplit: r.txt:1:3: groups moved to the layers of their codes: group 2 belongs to layer depth (8 groups out of place)"
}

@test "argu: a model that skips the last criterion: nine groups in place, no warning" {
	split_is 'A.[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG]]' \
	    "$(row r 1 CLA-POS JUS-NEG DEP-NEG FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG '' A.)"
}

@test "argu: two swapped criteria go to their layers" {
	split_is 'A.[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[ENG-NEG],[CON-POS],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]' \
	    "$(row r 1 "${TENROW[@]}" A.)" \
	    "rsplit: r.txt:1:3: groups moved to the layers of their codes: group 5 belongs to layer engagement (2 groups out of place)"
}

@test "argu: criteria in reverse order go to their layers" {
	split_is 'A.[[ETH-NEU],[NOV-NEG],[CST-POS],[ACC-POS],[ENG-NEG],[CON-POS],[FAI-POS],[DEP-NEG],[JUS-NEG],[CLA-POS]]' \
	    "$(row r 1 "${TENROW[@]}" A.)" \
	    "rsplit: r.txt:1:3: groups moved to the layers of their codes: group 1 belongs to layer ethics (10 groups out of place)"
}

@test "argu: a code of six letters is kept as written; rtags --check reports it" {
	split_is 'A.[[CLARIT-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]' \
	    "$(row r 1 CLARIT-POS JUS-NEG DEP-NEG FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG ETH-NEU A.)"
	expect 1 "review	sentence	layer	tag	problem
r	1	clarity	CLARIT-POS	unknown code" "" \
	    bash -c 'rsplit r.txt | rtags --check'
}

@test "argu: an unknown code among criteria out of place: it stays, the others go to their layers" {
	split_is 'A.[[CLARIT-POS],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]' \
	    "$(row r 1 CLARIT-POS '' DEP-NEG FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG ETH-NEU A.)" \
	    "rsplit: r.txt:1:3: groups moved to the layers of their codes: group 2 belongs to layer depth (8 groups out of place)
rsplit: r.txt:1:3: groups of no evident layer kept in their positions: group 1 has unknown codes"
}

@test "argu: criteria of two layers in one group stay; the groups after it go to their layers" {
	split_is 'A.[[CLA-POS,JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]' \
	    "$(row r 1 CLA-POS,JUS-NEG '' DEP-NEG FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG ETH-NEU A.)" \
	    "rsplit: r.txt:1:3: groups moved to the layers of their codes: group 2 belongs to layer depth (8 groups out of place)
rsplit: r.txt:1:3: groups of no evident layer kept in their positions: group 1 has codes of several layers"
}

@test "argu: two groups for one criterion: they stay, with a warning" {
	split_is 'A.[[CLA-POS],[JUS-NEG],[JUS-POS],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]' \
	    "$(row r 1 CLA-POS JUS-NEG JUS-POS FAI-POS CON-POS ENG-NEG ACC-POS CST-POS NOV-NEG ETH-NEU A.)" \
	    "rsplit: r.txt:1:3: groups out of place kept in their positions: group 3 belongs to layer justification"
}

@test "argu: a typo in the first group leaves the marker text, never its tail as a shifted marker" {
	split_is 'A.[[CLA POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]] B.[[CLA-NEU]]' \
	    "$(row r 1 CLA-NEU '' '' '' '' '' '' '' '' '' 'A.[[CLA POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]] B.')" \
	    "rsplit: r.txt:1:3: groups after a marker that could not be read kept as text"
}

@test "argu: a marker closed by one ] ends after the tenth group" {
	split_is "A.${TEN%]} B.[[CLA-NEU]]" \
	    "$(row r 1 "${TENROW[@]}" A.)
$(row r 2 CLA-NEU '' '' '' '' '' '' '' '' '' B.)" \
	    "rsplit: r.txt:1:3: marker not closed by ']]'"
}

@test "argu: a marker opened by one [ is one with all ten groups" {
	split_is "A,${TEN#[} B.[CLA-NEU], [JUS-NEU] C.[[CLA-NEU]]" \
	    "$(row r 1 "${TENROW[@]}" A,)
$(row r 2 CLA-NEU '' '' '' '' '' '' '' '' '' 'B.[CLA-NEU], [JUS-NEU] C.')" \
	    "rsplit: r.txt:1:3: marker opened by one '['"
}

@test "argu: after a pra review's first marker, a ten-group marker is text under pra; after an argu one, a pra marker stays in place under argu" {
	# The first marker decides the scheme (tests/fit.bats); later ones
	# are read as the scheme in effect reads them.
	printf '%s' "A.[[MET-NEG], [EMP-NEG], [CRT], [MAJ]] B.$TEN" > r.txt
	expect 0 "$(row r 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row r 2 '' '' '' '' "B.$TEN")" \
	    "rsplit: r.txt:1:42: marker has 10 groups; the scheme has 4 layers; kept as text" \
	    rsplit --scheme pra -N -a r.txt
	# After a JSON string's closing quote, too: the quote is no text.
	printf '%s' "\"A.[[MET-NEG], [EMP-NEG], [CRT], [MAJ]] B.\"$TEN" > r.txt
	expect 0 "$(row r 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row r 2 '' '' '' '' "B.$TEN")" \
	    "rsplit: r.txt:1:44: marker has 10 groups; the scheme has 4 layers; kept as text" \
	    rsplit --scheme pra -N -a r.txt
	split_is "A.$TEN B.[[MET-NEG], [EMP-NEG], [CRT], [MAJ]]" \
	    "$(row r 1 "${TENROW[@]}" A.)
$(row r 2 MET-NEG EMP-NEG CRT MAJ '' '' '' '' '' '' B.)"
}

@test "argu: the rows pass through rfilter and rcount under the same scheme" {
	printf '%s' "A.$TEN" > a.txt
	printf '%s' 'B.[[CLA-NEG],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-POS],[ETH-NEU]]' > b.txt
	# A layer of one code counts by polarity (SPEC 3).
	expect 0 "clarity	count
CLA-POS	1" "" bash -c 'rsplit a.txt b.txt | rfilter "novelty=*-NEG" | rcount clarity'
}

@test "argu: a marker closed early by ]] takes the groups after it, with a warning" {
	printf '%s' 'A one.[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS]],[NOV-NEG],[ETH-NEU]] B two.[[CLA-NEU]]' > s1.txt
	expect 1 "$(row s1 1 "${TENROW[@]}" 'A one.')
$(row s1 2 CLA-NEU '' '' '' '' '' '' '' '' '' 'B two.')" \
	    "rsplit: s1.txt:1:7: marker closed early; the groups after ']]' joined to it" \
	    rsplit --strict -N s1.txt
}

@test "argu: a [ inside a group between two criteria is a missing ]" {
	split_is 'A.[[CLA-POS, [JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],[ETH-NEU]]' \
	    "$(row r 1 "${TENROW[@]}" A.)" \
	    "rsplit: r.txt:1:3: missing ']' before a group of another layer"
}

@test "argu: a bare criterion after the last bracket is a group of its own" {
	split_is 'A one.[[CLA-POS],[JUS-NEG],[DEP-NEG],[FAI-POS],[CON-POS],[ENG-NEG],[ACC-POS],[CST-POS],[NOV-NEG],ETH-NEU]]' \
	    "$(row r 1 "${TENROW[@]}" 'A one.')" \
	    "rsplit: r.txt:1:7: missing '[' before a group of another layer"
}

@test "argu: the 42 reviews of tests/data/argu, as a human and models write them, give the rows and warnings of argu.tsv and argu.err" {
	cd "$BATS_TEST_DIRNAME/data" || exit 1
	expect 0 "$(cat argu.tsv)" "$(cat argu.err)" rsplit -j argu/*.txt
	assert_equal "$(printf '%s\n' "$output" | cut -f1 | sort -u | wc -l)" 43
}
