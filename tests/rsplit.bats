#!/usr/bin/env bats
# rsplit: annotated reviews in, review TSV out (SPEC 1, 2, 3).

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
	HDR=$(row review sentence section aspect function severity text)
}

@test "rsplit: a JSON review gives the header and one row per marker" {
	printf '%s' '"Weak results.[[RES-NEG,EXP-NEG], [EMP-NEG], [CRT], [MAJ]] Nice idea.[[PDI-POS], [NOV-POS], [APC], [MAJ]]"' > R1_annotated.txt
	expect 0 "$HDR
$(row R1 1 RES-NEG,EXP-NEG EMP-NEG CRT MAJ 'Weak results.')
$(row R1 2 PDI-POS NOV-POS APC MAJ 'Nice idea.')" "" \
	    rsplit R1_annotated.txt
}

# One test per row of the table in SPEC 1.2.

@test "rsplit 1.2: codes in the wrong case and _ for - are normalised silently" {
	split_is '"A.[[DAt-NEU], [EMp-NEG], [CRt], [MAj]] B.[[EXP_NEU], [null], [SUG], [MIN]]"' \
	    "$(row r 1 DAT-NEU EMP-NEG CRT MAJ A.)
$(row r 2 EXP-NEU '' SUG MIN B.)"
}

@test "rsplit 1.2: null in any case is an empty list" {
	split_is '"A.[[INT-NEU], [NULL]] B.[[INT-NEU], [Null]] C.[[null], [null]]"' \
	    "$(row r 1 INT-NEU '' '' '' A.)
$(row r 2 INT-NEU '' '' '' B.)
$(row r 3 '' '' '' '' C.)"
}

@test "rsplit 1.2: extra and missing spaces make a normal marker" {
	split_is '"A.[[MET-NEU],[EMP-NEU],  [DIS], [GEN]] B.[[ MET-NEU ] , [EMP-NEU] ]"' \
	    "$(row r 1 MET-NEU EMP-NEU DIS GEN A.)
$(row r 2 MET-NEU EMP-NEU '' '' B.)"
}

@test "rsplit 1.2: a form feed or vertical tab between groups is white space, as in the text" {
	split_is $'A one.[[MET-NEG],\f[EMP-NEG],\v[CRT], [MAJ]] B.[[INT-NEU]]' \
	    "$(row r 1 MET-NEG EMP-NEG CRT MAJ 'A one.')
$(row r 2 INT-NEU '' '' '' B.)"
}

# check_start skipped only ' ' and TAB after the first item: a raw line
# end there made the marker text, yet the review as a line (--to-lines
# makes raw line ends spaces) was split, so -L gave other rows (SPEC 3).
@test "rsplit 1.2: a raw line end, VT or FF after a marker's first item is white space, in a file as in its line" {
	local rows
	rows="$(row r 1 MET-NEG EMP-NEG CRT MAJ 'A one.')
$(row r 2 INT-NEU '' '' '' B.)
$(row r 3 EXP-POS,RES-NEG EMP-POS '' '' C.)"
	split_is $'A one.[[MET-NEG\n], [EMP-NEG], [CRT], [MAJ]] B.[[INT-NEU\r\n], [null]] C.[[EXP-POS\v,\fRES-NEG], [EMP-POS]]' \
	    "$rows"
	expect 0 "$rows" "" bash -c 'rsplit --to-lines r.txt | rsplit -N -L'
}

@test "rsplit 1.2: a marker closed by one ] ends after its 4th group" {
	split_is '"Weak baseline.[[EXP-NEG], [EMP-NEG], [CRT], [MAJ] Authors should.[[MET-NEU], [null], [SUG], [MIN]]"' \
	    "$(row r 1 EXP-NEG EMP-NEG CRT MAJ 'Weak baseline.')
$(row r 2 MET-NEU '' SUG MIN 'Authors should.')" \
	    "rsplit: r.txt:1:16: marker not closed by ']]'"
}

@test "rsplit 1.2: a missing comma between groups" {
	split_is '"A.[[OAL-NEG] [IMP-NEG], [CRT], [MAJ]]"' \
	    "$(row r 1 OAL-NEG IMP-NEG CRT MAJ A.)" \
	    "rsplit: r.txt:1:4: missing comma between groups"
}

@test "rsplit 1.2: an extra opening bracket" {
	split_is '"A.[[[RWK-NEU], [CMP-NEU], [SUG], [MIN]]]"' \
	    "$(row r 1 RWK-NEU CMP-NEU SUG MIN A.)" \
	    "rsplit: r.txt:1:4: extra '[' before the marker"
}

@test "rsplit 1.2: a marker opened by one [ with four groups" {
	split_is '"small sizes,[DAT-NEG,EXP-NEG], [EMP-NEG], [CRT], [MAJ]] next.[[MET-NEU], [null], [DIS], [GEN]]"' \
	    "$(row r 1 DAT-NEG,EXP-NEG EMP-NEG CRT MAJ 'small sizes,')
$(row r 2 MET-NEU '' DIS GEN next.)" \
	    "rsplit: r.txt:1:14: marker opened by one '['"
}

@test "rsplit 1.2: one [ and two groups is a marker only when it ends with ]]" {
	split_is '"x[AB-POS], [CD-NEG]] y[AB-POS], [CD-NEG] z"' \
	    "$(row r 1 AB-POS CD-NEG '' '' x)" \
	    "rsplit: r.txt:1:3: marker opened by one '['"
}

@test "rsplit 1.2: a group opened inside another joins it" {
	split_is '"methods.[PDI-POS,[MET-POS], [EMP-POS], [APC], [MAJ]]"' \
	    "$(row r 1 PDI-POS,MET-POS EMP-POS APC MAJ methods.)" \
	    "rsplit: r.txt:1:10: marker opened by one '['
rsplit: r.txt:1:10: group opened inside another; items joined"
}

@test "rsplit 1.2: a group without brackets joins the group before it" {
	split_is '"A.[[MET-POS], [EMP-POS],PNF-POS, [APC], [MAJ]]"' \
	    "$(row r 1 MET-POS EMP-POS,PNF-POS APC MAJ A.)" \
	    "rsplit: r.txt:1:4: items outside brackets joined to a group"
}

@test "rsplit 1.2: a marker not closed before text ends at its 4th group" {
	split_is '"A.[[EXP-POS], [EMP-POS], [APC], [MAJ]\n\nThe next point.[[MET-NEU], [null], [DIS], [GEN]]"' \
	    "$(row r 1 EXP-POS EMP-POS APC MAJ A.)
$(row r 2 MET-NEU '' DIS GEN 'The next point.')" \
	    "rsplit: r.txt:1:4: marker not closed by ']]'"
}

@test "rsplit 1.2: a marker inside an escape: \\ and the letter after it form one escape" {
	split_is '"be consistent.\[[INT-NEU], [PNF-NEG], [SUG], [MIN]]n2. Next.[[MET-NEU], [null], [DIS], [GEN]] weights\[[MET-NEG], [EMP-NEG], [CRT], [MAJ]]" ok"' \
	    "$(row r 1 INT-NEU PNF-NEG SUG MIN 'be consistent.')
$(row r 2 MET-NEU '' DIS GEN '2. Next.')
$(row r 3 MET-NEG EMP-NEG CRT MAJ 'weights"')" \
	    "rsplit: r.txt:1:17: marker inside an escape; escape joined across it
rsplit: r.txt:1:104: marker inside an escape; escape joined across it"
}

@test "rsplit 1.2: a split escape with a space after the marker keeps the space" {
	split_is '"A.\[[INT-NEU], [null]] n2.[[INT-NEU], [null]]"' \
	    "$(row r 1 INT-NEU '' '' '' 'A.\n')
$(row r 2 INT-NEU '' '' '' ' 2.')" \
	    "rsplit: r.txt:1:5: marker inside an escape; escape joined across it" -r
}

@test "rsplit 1.2: punctuation after a marker ends the sentence before it" {
	split_is '"a novel idea[[PDI-POS], [NOV-POS], [APC], [MAJ]] . Next,[[MET-NEU], [null], [DIS], [GEN]]), and more"' \
	    "$(row r 1 PDI-POS NOV-POS APC MAJ 'a novel idea.')
$(row r 2 MET-NEU '' DIS GEN 'Next,),')
$(row r 3 '' '' '' '' 'and more')" \
	    "" -a
}

@test "rsplit 1.2: punctuation followed by a letter stays where it is" {
	split_is '"one[[PDI-POS], [NOV-POS], [APC], [MAJ]] .Net two[[MET-NEU], [null], [DIS], [GEN]]"' \
	    "$(row r 1 PDI-POS NOV-POS APC MAJ one)
$(row r 2 MET-NEU '' DIS GEN '.Net two')"
}

@test "rsplit 1.2: raw mode moves no punctuation" {
	split_is '"idea[[PDI-POS], [NOV-POS], [APC], [MAJ]] . Next[[MET-NEU], [null], [DIS], [GEN]]"' \
	    "$(row r 1 PDI-POS NOV-POS APC MAJ idea)
$(row r 2 MET-NEU '' DIS GEN ' . Next')" \
	    "" -r
}

@test "rsplit 1.2: brackets that are no marker stay text, silently" {
	split_is '"the matrix [[1, 2], [3, 4]] e.g. [Lee et al 2013], [Wang 2015], [Chen 2016], [Li 2017], [Pros] [A] ok.[[MET-NEU], [null], [DIS], [GEN]]"' \
	    "$(row r 1 MET-NEU '' DIS GEN 'the matrix [[1, 2], [3, 4]] e.g. [Lee et al 2013], [Wang 2015], [Chen 2016], [Li 2017], [Pros] [A] ok.')"
}

@test "rsplit 1.2: a [[ that starts like a marker but does not parse stays text with a warning" {
	split_is '"A [[MET-NEG, and text. B.[[MET-NEU], [null], [DIS], [GEN]]"' \
	    "$(row r 1 MET-NEU '' DIS GEN 'A [[MET-NEG, and text. B.')" \
	    "rsplit: r.txt:1:4: unfinished marker kept as text"
}

@test "rsplit 1.2: unknown and misspelt codes are kept as written, upper-cased" {
	split_is '"A.[[met-neg], [SEMP-NEU], [AOC], [MAJS]] B.[[EXP-POS<MET-NEU], [], [CRT], [MINJ]]"' \
	    "$(row r 1 MET-NEG SEMP-NEU AOC MAJS A.)
$(row r 2 'EXP-POS<MET-NEU' '' CRT MINJ B.)"
}

@test "rsplit 1.2: an extra closing bracket is part of the marker" {
	split_is '"A.[[TNF-NEU], [CLA-NEG], [CRT], [MIN]]] B.[[MET-NEU], [null], [DIS], [GEN]]"' \
	    "$(row r 1 TNF-NEU CLA-NEG CRT MIN A.)
$(row r 2 MET-NEU '' DIS GEN B.)" \
	    "rsplit: r.txt:1:4: extra ']' after the marker"
}

@test "rsplit 1.2: no marker: no rows and a warning; one unlabelled row with -a" {
	split_is '"Just prose.\n"' "" "rsplit: r.txt: no annotations"
	split_is '"Just prose.\n"' "$(row r 1 '' '' '' '' 'Just prose.')" \
	    "rsplit: r.txt: no annotations" -a
	split_is '' "" "rsplit: r.txt: no annotations"
}

@test "rsplit 1.2: invalid UTF-8 and lone surrogates become U+FFFD, one warning per file" {
	printf '"bad \377 and \\ud800 and \\udc00.[[MET-NEU], [null], [DIS], [GEN]]"' > r.txt
	expect 0 "$(row r 1 MET-NEU '' DIS GEN $'bad \xef\xbf\xbd and \xef\xbf\xbd and \xef\xbf\xbd.')" \
	    "rsplit: r.txt:1:6: invalid UTF-8 replaced by U+FFFD" \
	    rsplit -N r.txt
}

@test "rsplit 1.2: the quote before the last marker is JSON syntax, not text" {
	split_is '"It ends here."[[DAT-NEU], [EMP-NEU], [QSN], [MAJ]]
' "$(row r 1 DAT-NEU EMP-NEU QSN MAJ 'It ends here.')"
}

@test "rsplit 1.2: an unescaped quote inside the string is text, with a warning" {
	split_is '"He said "no".[[DAT-NEU], [EMP-NEU], [QSN], [MAJ]] Then.[[MET-NEU], [null], [DIS], [GEN]]"' \
	    "$(row r 1 DAT-NEU EMP-NEU QSN MAJ 'He said "no".')
$(row r 2 MET-NEU '' DIS GEN Then.)" \
	    "rsplit: r.txt:1:10: unescaped '\"' kept as text
rsplit: r.txt:1:13: unescaped '\"' kept as text"
}

@test "rsplit 1.2: an invalid escape is kept as text, with a warning" {
	split_is '"A \x and \ b.[[MET-NEU], [null], [DIS], [GEN]]"' \
	    "$(row r 1 MET-NEU '' DIS GEN 'A \x and \ b.')" \
	    "rsplit: r.txt:1:4: invalid escape kept as text: \\x
rsplit: r.txt:1:11: invalid escape kept as text: \\ followed by byte 0x20"
}

@test "rsplit 1.2: punctuation typed for the comma between groups is read as a comma" {
	split_is '"Weak.[[MET-NEG], [EMP-NEG]. [CRT], [MAJ]] Next.[[MET-NEG], [EMP-NEG]; [CRT], [MAJ]]"' \
	    "$(row r 1 MET-NEG EMP-NEG CRT MAJ Weak.)
$(row r 2 MET-NEG EMP-NEG CRT MAJ Next.)" \
	    "rsplit: r.txt:1:7: punctuation between groups read as a comma
rsplit: r.txt:1:49: punctuation between groups read as a comma"
}

@test "rsplit 1.2: the rest of a broken [[ is no marker opened by one [" {
	split_is '"see [[MET-NEG], [EMP foo], [CRT], [MAJ]] b.[[INT-NEU], [null], [SMY], [GEN]]"' \
	    "$(row r 1 INT-NEU '' SMY GEN 'see [[MET-NEG], [EMP foo], [CRT], [MAJ]] b.')" \
	    "rsplit: r.txt:1:6: unfinished marker kept as text"
	split_is '"x [[MET-NEG], [EMP-NEG] y [CRT], [MAJ]] b.[[INT-NEU], [null], [SMY], [GEN]]"' \
	    "$(row r 1 MET-NEG EMP-NEG '' '' x)
$(row r 2 INT-NEU '' SMY GEN 'y [CRT], [MAJ]] b.')" \
	    "rsplit: r.txt:1:4: marker not closed by ']]'"
}

@test "rsplit 1.2: the rest of a broken [[ is text however far its ]] is (fuzz: depended on reads)" {
	{ printf '"see [[MET-NEG], [EMP foo '; head -c 1500000 /dev/zero | tr '\0' 'x'
	  printf ' [CRT], [MAJ]] b.[[INT-NEU], [null], [SMY], [GEN]]"'; } > r.txt
	# One row of 1.5 MB: its labels are checked, not its text.
	expect 0 @any "rsplit: r.txt:1:6: unfinished marker kept as text" \
	    rsplit -N r.txt
	assert_equal "${#lines[@]}" 1
	assert_equal "$(cut -f1-6 <<< "$output")" "$(row r 1 INT-NEU '' SMY GEN)"
}

# SPEC 1.3: no label ever lands in another layer's column.  Each way a
# partial or disordered marker could shift its labels, under pra.

@test "rsplit 1.3: a marker without its aspect group: the groups go to their layers" {
	split_is '"A.[[MET-NEG], [CRT], [MAJ]] B.[[MET-NEG], [CRT], [MAJ] Next.[[INT-NEU], [null], [SMY], [GEN]]"' \
	    "$(row r 1 MET-NEG '' CRT MAJ A.)
$(row r 2 MET-NEG '' CRT MAJ B.)
$(row r 3 INT-NEU '' SMY GEN Next.)" \
	    "rsplit: r.txt:1:4: groups moved to the layers of their codes: group 2 belongs to layer function (2 groups out of place)
rsplit: r.txt:1:32: marker not closed by ']]'
rsplit: r.txt:1:32: groups moved to the layers of their codes: group 2 belongs to layer function (2 groups out of place)"
}

@test "rsplit 1.3: swapped groups go to their layers; CNT fits any layer" {
	split_is '"A.[[MET-NEG], [EMP-NEG], [MAJ], [CRT]] B.[[EMP-NEG], [MET-NEG,RES-NEU], [SUG,DFT], [MIN]] C.[[CNT], [CNT], [MIN], [CNT]]"' \
	    "$(row r 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row r 2 MET-NEG,RES-NEU EMP-NEG SUG,DFT MIN B.)
$(row r 3 CNT CNT MIN CNT C.)" \
	    "rsplit: r.txt:1:4: groups moved to the layers of their codes: group 3 belongs to layer severity (2 groups out of place)
rsplit: r.txt:1:43: groups moved to the layers of their codes: group 1 belongs to layer aspect (2 groups out of place)
rsplit: r.txt:1:94: groups out of place kept in their positions: group 3 belongs to layer severity"
}

@test "rsplit 1.3: a one-[ marker without its first group: the groups go to their layers" {
	split_is 'so weak,[EMP-NEG], [CRT], [MAJ]] ok.[[INT-NEU], [null], [SMY], [GEN]]' \
	    "$(row r 1 '' EMP-NEG CRT MAJ 'so weak,')
$(row r 2 INT-NEU '' SMY GEN ok.)" \
	    "rsplit: r.txt:1:9: marker opened by one '['
rsplit: r.txt:1:9: groups moved to the layers of their codes: group 1 belongs to layer aspect (3 groups out of place)"
}

@test "rsplit 1.3: placement is per group: groups whose layer is not evident stay, with a warning" {
	# Two groups for one layer; an unknown code; codes of several
	# layers (first and after one group that moves); an empty group
	# where a group would go.
	split_is '"A.[[MET-NEG], [EMP-NEG], [CRT], [CRT]] B.[[MET-NEG], [XYZ-NEG], [MAJ]] C.[[MET-NEG,EMP-NEG], [CRT], [MAJ]] D.[[null], [MET-NEG], [CRT], [MAJ]] E.[[EMP-NEG, MET-NEG], [CRT], [MAJ]]"' \
	    "$(row r 1 MET-NEG EMP-NEG CRT CRT A.)
$(row r 2 MET-NEG XYZ-NEG '' MAJ B.)
$(row r 3 MET-NEG,EMP-NEG '' CRT MAJ C.)
$(row r 4 '' MET-NEG CRT MAJ D.)
$(row r 5 EMP-NEG,MET-NEG '' CRT MAJ E.)" \
	    "rsplit: r.txt:1:4: groups out of place kept in their positions: group 4 belongs to layer function
rsplit: r.txt:1:43: groups moved to the layers of their codes: group 3 belongs to layer severity
rsplit: r.txt:1:43: groups of no evident layer kept in their positions: group 2 has unknown codes
rsplit: r.txt:1:75: groups moved to the layers of their codes: group 2 belongs to layer function (2 groups out of place)
rsplit: r.txt:1:75: groups of no evident layer kept in their positions: group 1 has codes of several layers
rsplit: r.txt:1:111: groups out of place kept in their positions: group 2 belongs to layer section
rsplit: r.txt:1:147: groups moved to the layers of their codes: group 2 belongs to layer function (2 groups out of place)
rsplit: r.txt:1:147: groups of no evident layer kept in their positions: group 1 has codes of several layers"
	expect 1 "review	sentence	layer	tag	problem
r	1	severity	CRT	code of another layer
r	2	aspect	XYZ-NEG	unknown code
r	3	section	EMP-NEG	code of another layer
r	4	aspect	MET-NEG	code of another layer
r	5	section	EMP-NEG	code of another layer" "$stderr" \
	    bash -c 'rsplit r.txt | rtags --check'
}

@test "rsplit 1.3: two groups of several layers, one moving group: each group on its own" {
	split_is 'A.[[MET-NEG,EMP-NEG], [EMP-NEG,CRT], [MAJ]] B.' \
	    "$(row r 1 MET-NEG,EMP-NEG EMP-NEG,CRT '' MAJ A.)" \
	    "rsplit: r.txt:1:3: groups moved to the layers of their codes: group 3 belongs to layer severity
rsplit: r.txt:1:3: groups of no evident layer kept in their positions: group 1 has codes of several layers (2 such groups)"
}

@test "rsplit 1.3: a [ inside a group between codes of two layers is a missing ]" {
	split_is '"A.[[MET-NEG, [EMP-NEG], [CRT], [MAJ]] B.[[PDI-POS,[MET-POS], [EMP-POS], [APC], [MAJ]]"' \
	    "$(row r 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row r 2 PDI-POS,MET-POS EMP-POS APC MAJ B.)" \
	    "rsplit: r.txt:1:4: missing ']' before a group of another layer
rsplit: r.txt:1:42: group opened inside another; items joined"
	split_is 'A,[MET-NEG, [EMP-NEG], [CRT], [MAJ]] B.' \
	    "$(row r 1 MET-NEG EMP-NEG CRT MAJ A,)" \
	    "rsplit: r.txt:1:3: marker opened by one '['
rsplit: r.txt:1:3: missing ']' before a group of another layer"
	# One past the last layer: the marker is not read.
	split_is 'A.[[MET-NEG], [EMP-NEG], [CRT], [MAJ, [MET-NEG]] B.[[INT-NEU], [null], [SMY], [GEN]]' \
	    "$(row r 1 INT-NEU '' SMY GEN 'A.[[MET-NEG], [EMP-NEG], [CRT], [MAJ, [MET-NEG]] B.')" \
	    "rsplit: r.txt:1:3: unfinished marker kept as text"
}

@test "rsplit 1.3: a [ inside a group: the mixed group stays, the others go to their layers" {
	split_is 'A.[[EMP-NEG, MET-NEG], [CRT], [MAJ]] B.' \
	    "$(row r 1 EMP-NEG,MET-NEG '' CRT MAJ A.)" \
	    "rsplit: r.txt:1:3: groups moved to the layers of their codes: group 2 belongs to layer function (2 groups out of place)
rsplit: r.txt:1:3: groups of no evident layer kept in their positions: group 1 has codes of several layers"
	expect 1 "review	sentence	layer	tag	problem
r	1	section	EMP-NEG	code of another layer" "$stderr" \
	    bash -c 'rsplit r.txt | rtags --check'
}

@test "rsplit 1.3: a marker closed early by ]] takes the groups after it, never silently" {
	printf '%s' 'A one.[[MET-NEG], [EMP-NEG], [CRT]], [MAJ]] B two.[[RES-POS], [EMP-POS], [APC], [MIN]]' > s1.txt
	expect 1 "$(row s1 1 MET-NEG EMP-NEG CRT MAJ 'A one.')
$(row s1 2 RES-POS EMP-POS APC MIN 'B two.')" \
	    "rsplit: s1.txt:1:7: marker closed early; the groups after ']]' joined to it" \
	    rsplit --strict -N s1.txt
	split_is 'A.[[MET-NEG]], [EMP-NEG] B two.[[RES-POS], [EMP-POS], [APC], [MIN]]' \
	    "$(row r 1 MET-NEG EMP-NEG '' '' A.)
$(row r 2 RES-POS EMP-POS APC MIN 'B two.')" \
	    "rsplit: r.txt:1:3: marker closed early; the groups after ']]' joined to it
rsplit: r.txt:1:3: marker not closed by ']]'"
	split_is 'A.[[MET-NEG], [EMP-NEG], [CRT]] [MAJ]] B.' \
	    "$(row r 1 MET-NEG EMP-NEG CRT MAJ A.)" \
	    "rsplit: r.txt:1:3: marker closed early; the groups after ']]' joined to it"
}

@test "rsplit 1.3: groups after an early ]] that make too many groups: all text" {
	split_is 'A.[[MET-NEG], [EMP-NEG], [CRT]], [MAJ], [MIN]] B.[[INT-NEU], [null], [SMY], [GEN]]' \
	    "$(row r 1 INT-NEU '' SMY GEN 'A.[[MET-NEG], [EMP-NEG], [CRT]], [MAJ], [MIN]] B.')" \
	    "rsplit: r.txt:1:3: marker has 5 groups; the scheme has 4 layers; kept as text"
}

@test "rsplit 1.3: bare items of another layer are a group of their own" {
	split_is 'A one.[[MET-NEG], [EMP-NEG], CRT], [MAJ]] B.[[MET-NEG], [EMP-POS],PNF-POS, [APC], [MAJ]] C.[[MET-NEG], [EMP-NEG], CRT, [MAJ]] D.' \
	    "$(row r 1 MET-NEG EMP-NEG CRT MAJ 'A one.')
$(row r 2 MET-NEG EMP-POS,PNF-POS APC MAJ B.)
$(row r 3 MET-NEG EMP-NEG CRT MAJ C.)" \
	    "rsplit: r.txt:1:7: missing '[' before a group of another layer
rsplit: r.txt:1:45: items outside brackets joined to a group
rsplit: r.txt:1:92: missing '[' before a group of another layer"
}

@test "rsplit 1.3: five groups without a comma before the fifth are too many: text" {
	split_is 'A.[[MET-NEG], [EMP-NEG], [CRT], [MAJ] [MIN]] B.[[INT-NEU], [null], [SMY], [GEN]]' \
	    "$(row r 1 INT-NEU '' SMY GEN 'A.[[MET-NEG], [EMP-NEG], [CRT], [MAJ] [MIN]] B.')" \
	    "rsplit: r.txt:1:3: marker has 5 groups; the scheme has 4 layers; kept as text"
}

@test "rsplit 1.2: a doubled comma between groups is read as one" {
	split_is 'A.[[MET-NEG],, [EMP-NEG], [CRT], [MAJ]] B.' \
	    "$(row r 1 MET-NEG EMP-NEG CRT MAJ A.)" \
	    "rsplit: r.txt:1:3: doubled comma between groups read as one"
}

@test "rsplit 1.3: a long code is read whole and kept as written" {
	split_is '"A.[[ABSTRACT-NEG], [EMP-NEG], [CRT], [MAJ]] B.[[Methodology-NEG], [EMP-NEG], [CRT], [MAJ]]"' \
	    "$(row r 1 ABSTRACT-NEG EMP-NEG CRT MAJ A.)
$(row r 2 METHODOLOGY-NEG EMP-NEG CRT MAJ B.)"
	expect 1 "review	sentence	layer	tag	problem
r	1	section	ABSTRACT-NEG	unknown code
r	2	section	METHODOLOGY-NEG	unknown code" "" \
	    bash -c 'rsplit r.txt | rtags --check'
}

@test "rsplit 1.3: the tail of a marker that cannot be read is text, never a shifted marker" {
	# A typo in the first group, digits in a code, a code over 16
	# letters: each tail would put every label one layer to the left.
	# A "]]" too early takes the groups after it.
	split_is '"A.[[MET NEG], [EMP-NEG], [CRT], [MAJ]] B.[[MET1-NEG], [EMP-NEG], [CRT], [MAJ]] C.[[METHODOLOGICALLYX-NEG], [EMP-NEG], [CRT], [MAJ]] D.[[MET-NEG]], [EMP-NEG], [CRT], [MAJ]] E.[[INT-NEU], [null], [SMY], [GEN]]"' \
	    "$(row r 1 MET-NEG EMP-NEG CRT MAJ 'A.[[MET NEG], [EMP-NEG], [CRT], [MAJ]] B.[[MET1-NEG], [EMP-NEG], [CRT], [MAJ]] C.[[METHODOLOGICALLYX-NEG], [EMP-NEG], [CRT], [MAJ]] D.')
$(row r 2 INT-NEU '' SMY GEN 'E.')" \
	    "rsplit: r.txt:1:4: groups after a marker that could not be read kept as text
rsplit: r.txt:1:43: groups after a marker that could not be read kept as text
rsplit: r.txt:1:83: groups after a marker that could not be read kept as text
rsplit: r.txt:1:136: marker closed early; the groups after ']]' joined to it"
}

@test "rsplit 1.3: the tail warning points at the start of the marker that could not be read" {
	split_is 'A one.[[MET NEG], [EMP-NEG], [CRT], [MAJ]] B.[[1 MET-NEG], [EMP-NEG], [CRT], [MAJ]] C.[[INT-NEU], [null], [SMY], [GEN]]' \
	    "$(row r 1 INT-NEU '' SMY GEN 'A one.[[MET NEG], [EMP-NEG], [CRT], [MAJ]] B.[[1 MET-NEG], [EMP-NEG], [CRT], [MAJ]] C.')" \
	    "rsplit: r.txt:1:7: groups after a marker that could not be read kept as text
rsplit: r.txt:1:46: groups after a marker that could not be read kept as text"
	# A "[[" closed before the tail is not its start.
	split_is 'A [[1, 2]] see [Lee 2013], [CRT], [MAJ]] C.[[INT-NEU], [null], [SMY], [GEN]]' \
	    "$(row r 1 INT-NEU '' SMY GEN 'A [[1, 2]] see [Lee 2013], [CRT], [MAJ]] C.')" \
	    "rsplit: r.txt:1:28: groups after a marker that could not be read kept as text"
}

@test "rsplit 1.3: a bracket missing before a group of another layer: a group of its own" {
	split_is '"A.[[MET-NEG], EMP-NEG], [CRT], [MAJ]] B.[[INT-NEU], [null], [SMY], [GEN]]"' \
	    "$(row r 1 MET-NEG EMP-NEG CRT MAJ A.)
$(row r 2 INT-NEU '' SMY GEN 'B.')" \
	    "rsplit: r.txt:1:4: missing '[' before a group of another layer"
}

@test "rsplit 1.3: a marker with more groups than layers is text, with a warning" {
	split_is '"A.[[MET-NEG], [EMP-NEG], [CRT], [MAJ], [MIN]] B.[[INT-NEU], [null], [SMY], [GEN]]"' \
	    "$(row r 1 INT-NEU '' SMY GEN 'A.[[MET-NEG], [EMP-NEG], [CRT], [MAJ], [MIN]] B.')" \
	    "rsplit: r.txt:1:4: marker has 5 groups; the scheme has 4 layers; kept as text"
}

@test "rsplit 1.3: four groups closed by one ] before a bracket of text stay a marker" {
	split_is '"A.[[MET-NEG], [EMP-NEG], [CRT], [MAJ], [see 2]. B.[[INT-NEU], [null], [SMY], [GEN]]"' \
	    "$(row r 1 MET-NEG EMP-NEG CRT MAJ A.,)
$(row r 2 INT-NEU '' SMY GEN '[see 2]. B.')" \
	    "rsplit: r.txt:1:4: marker not closed by ']]'"
}

# -j and JSON escapes in plain files (SPEC 1.3).

@test "rsplit -j: a JSON string without its quotes is decoded" {
	split_is 'A \u201cq\u201d\nand \"x\" \\alpha.[[MET-NEU], [null], [DIS], [GEN]] "B".[[INT-NEU], [null], [SMY], [GEN]]' \
	    "$(row r 1 MET-NEU '' DIS GEN $'A \xe2\x80\x9cq\xe2\x80\x9d and "x" \\alpha.')
$(row r 2 INT-NEU '' SMY GEN '"B".')" \
	    "rsplit: r.txt:1:70: unescaped '\"' kept as text
rsplit: r.txt:1:72: unescaped '\"' kept as text" -j
	split_is 'A\nB.[[MET-NEU], [null], [DIS], [GEN]]' "$(row r 1 MET-NEU '' DIS GEN 'A\nB.')" "" -j -r
	# A file that starts with a quote is a JSON string with or without -j.
	split_is '"A\nB.[[MET-NEU], [null], [DIS], [GEN]]"' "$(row r 1 MET-NEU '' DIS GEN 'A B.')" "" --json
}

@test "rsplit: a plain file with JSON escapes gets one warning suggesting -j" {
	warn="JSON escape in a plain file, kept as text (-j decodes escapes):"
	split_is 'A\nB \n.[[MET-NEU], [null], [DIS], [GEN]] \u201cC\u201d.[[INT-NEU], [null], [SMY], [GEN]]' \
	    "$(row r 1 MET-NEU '' DIS GEN 'A\nB \n.')
$(row r 2 INT-NEU '' SMY GEN '\u201cC\u201d.')" \
	    "rsplit: r.txt:1:2: $warn \\n"
	split_is 'say \"no\".[[MET-NEU], [null], [DIS], [GEN]]' \
	    "$(row r 1 MET-NEU '' DIS GEN 'say \"no\".')" "rsplit: r.txt:1:5: $warn \\\""
	split_is 'x \u00e9.[[MET-NEU], [null], [DIS], [GEN]]' \
	    "$(row r 1 MET-NEU '' DIS GEN 'x \u00e9.')" "rsplit: r.txt:1:3: $warn \\u"
}

@test "rsplit: LaTeX in a plain file is no JSON escape" {
	split_is '$\nabla f \neq \alpha$, \newline \theta \\ \u{a} \uabc.[[MET-NEU], [null], [DIS], [GEN]]' \
	    "$(row r 1 MET-NEU '' DIS GEN '$\nabla f \neq \alpha$, \newline \theta \\ \u{a} \uabc.')"
}

@test "rsplit: corpus: the -j hint fires only on the one plain file with JSON escapes" {
	need_corpus
	expect 0 " $CORPUS/pra2/ICLR2018-BJk59JZ0b-R2_annotated.txt" "" \
	    bash -c 'rsplit "$0"/pra4/* "$0"/pra2/* "$0"/pra2/.DS_Store 2>&1 >/dev/null | grep -- "-j decodes" | cut -d: -f2' "$CORPUS"
	expect 0 "$(rsplit "$CORPUS/pra2/ICLR2018-BJk59JZ0b-R2_annotated.txt" 2>/dev/null | wc -l)" \
	    "rsplit: $CORPUS/pra2/ICLR2018-BJk59JZ0b-R2_annotated.txt:1:1582: unescaped '\"' kept as text" \
	    bash -c 'rsplit -j "$0" | wc -l' "$CORPUS/pra2/ICLR2018-BJk59JZ0b-R2_annotated.txt"
}

# Issue 14: no quadratic path.  Each input here took the old code minutes
# (findings 1 and 2); the timeout makes a regression fail, not hang.  The
# scaling check (tools/check-scaling) counts instructions on the same
# families.

@test "rsplit: many warnings in one sentence sort in n log n (issue 14 finding 1)" {
	# 1.6 MB: more than 60 s with the insertion sort, 0.1 s merged.
	python3 -c 'import sys; sys.stdout.write("\"" + "\\q[[AB. x]" * 160000)' > q.txt
	# 320,001 warnings: their ends and counts are checked below.
	expect 0 "$HDR" @any timeout 20 rsplit q.txt
	assert_equal "$(sed -n '1,2p;$p' <<< "$stderr")" "rsplit: q.txt:1:2: invalid escape kept as text: \\q
rsplit: q.txt:1:4: unfinished marker kept as text
rsplit: q.txt: no annotations"
	assert_equal "$(grep -c 'invalid escape' <<< "$stderr")" 160000
	assert_equal "$(grep -c 'unfinished marker' <<< "$stderr")" 160000
}

@test "rsplit: one-[ candidates after a broken [[ are linear (issue 14 finding 2)" {
	# 840 KB: about 100 s when each candidate searched for "]]" again.
	python3 -c 'import sys; sys.stdout.write("[[AB. x] " + "[AB],[CD],[EF],[GH] " * 42000)' > q.txt
	# A row of 840 KB: the count of lines and its start are checked.
	expect 0 @any "rsplit: q.txt:1:1: unfinished marker kept as text
rsplit: q.txt: no annotations" \
	    timeout 20 rsplit -a q.txt
	assert_equal "${#lines[@]}" 2
	assert_equal "${lines[1]:0:26}" "$(row q 1 '' '' '' '' '[[AB. x] [AB],[CD]')"
}

@test "rsplit: a long run of groups is one marker and its tails, in linear time (fuzz: 800 KB timed out)" {
	# The old code read every four groups as a marker of their own; a
	# count of extra groups that went on to MARKER_MAX for every '['
	# made the fuzz build with 1 MB inputs time out.
	python3 -c 'import sys; sys.stdout.write("x " + "[AB],[CD],[EF],[GH]," * 20000)' > q.txt
	# A row of 400 KB and 20,002 warnings: checked by their ends and counts.
	expect 0 @any @any timeout 20 rsplit -N -a q.txt
	assert_equal "${#lines[@]}" 2
	assert_equal "${lines[0]}" "$(row q 1 AB CD EF GH x)"
	assert_equal "${lines[1]:0:29}" "$(row q 2 '' '' '' '' ',[AB],[CD],[EF],[GH],')"
	assert_equal "$(sed -n '1,3p;$p' <<< "$stderr")" "rsplit: q.txt:1:3: marker opened by one '['
rsplit: q.txt:1:3: marker not closed by ']]'
rsplit: q.txt:1:23: groups after a marker that could not be read kept as text
rsplit: q.txt:1:399983: groups after a marker that could not be read kept as text"
	assert_equal "$(grep -c 'could not be read' <<< "$stderr")" 19999
}

@test "rsplit: a quote followed by more than 64 KiB of markers is text, memory stays bounded" {
	{ printf '"A." '; for i in $(seq 2000); do printf '[[MET-NEG], [EMP-NEG], [CRT], [MAJ]]'; done; } > r.txt
	# 2000 rows: their count and the first are checked.
	expect 0 @any "rsplit: r.txt:1:4: unescaped '\"' kept as text" \
	    rsplit -N r.txt
	assert_equal "${#lines[@]}" 2000
	assert_equal "${lines[0]}" "$(row r 1 MET-NEG EMP-NEG CRT MAJ 'A."')"
}

# JSON escapes, forms of file.

@test "rsplit: JSON escapes, surrogate pairs and whitespace runs" {
	split_is '"Tab\there,\r\n  \u201cquoted\u201d \ud83d\ude00 \/ \\alpha \"x\".[[MET-NEU], [null], [DIS], [GEN]]"' \
	    "$(row r 1 MET-NEU '' DIS GEN $'Tab here, \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80 / \\alpha "x".')"
}

@test "rsplit -r: raw text is exact, with \\\\ \\t \\n \\r escaped" {
	split_is '"  Tab\there,\r\n \\alpha.[[MET-NEU], [null], [DIS], [GEN]]"' \
	    "$(row r 1 MET-NEU '' DIS GEN '  Tab\there,\r\n \\alpha.')" "" -r
}

# The memo of markers (lib/review/marker.c) keeps what the bytes up to a
# marker's "]]" say; what follows them is looked at each time: a marker
# read once is read again before a group, a third ']', a comma and a
# group, and at the end of a line, in files and from line to line.
@test "rsplit: a marker read again is read anew past its ]]" {
	local rows err
	rows="$(row r 1 MET-NEG EMP-NEG '' '' A.)
$(row r 2 MET-NEG EMP-NEG CRT MAJ B.)
$(row r 3 MET-NEG EMP-NEG '' '' C.)
$(row r 4 MET-NEG EMP-NEG SUG '' D.)
$(row r 5 MET-NEG EMP-NEG '' '' E.)"
	err="rsplit: r.txt:1:28: marker closed early; the groups after ']]' joined to it
rsplit: r.txt:1:68: extra ']' after the marker
rsplit: r.txt:1:94: marker closed early; the groups after ']]' joined to it"
	split_is 'A.[[MET-NEG], [EMP-NEG]] B.[[MET-NEG], [EMP-NEG]], [CRT], [MAJ]] C.[[MET-NEG], [EMP-NEG]]] D.[[MET-NEG], [EMP-NEG]] , [SUG]] E.[[MET-NEG], [EMP-NEG]]' \
	    "$rows" "$err"
	printf 'a\tA.[[MET-NEG], [EMP-NEG]]\nb\tB.[[MET-NEG], [EMP-NEG]], [CRT], [MAJ]]\nc\tC.[[MET-NEG], [EMP-NEG]]\n' > r.lines
	expect 0 "$(row a 1 MET-NEG EMP-NEG '' '' A.)
$(row b 1 MET-NEG EMP-NEG CRT MAJ B.)
$(row c 1 MET-NEG EMP-NEG '' '' C.)" \
	    "rsplit: r.lines:2:5: marker closed early; the groups after ']]' joined to it" \
	    rsplit -N -L r.lines
}

@test "rsplit: a plain file decodes nothing and keeps quotes" {
	split_is $'Plain "text" with \\n kept.[[MET-NEU], [null], [DIS], [GEN]]\r\nNext line.[[RES-POS], [EMP-POS], [APC], [MAJ]]\r\n' \
	    "$(row r 1 MET-NEU '' DIS GEN 'Plain "text" with \n kept.')
$(row r 2 RES-POS EMP-POS APC MAJ 'Next line.')"
}

@test "rsplit: a BOM and spaces before the opening quote are not text" {
	split_is $'\xef\xbb\xbf  \n"Text.[[MET-NEU], [null], [DIS], [GEN]]"' \
	    "$(row r 1 MET-NEU '' DIS GEN 'Text.')" "" -r
}

@test "rsplit: warnings give the line and column of real newlines" {
	split_is $'"One.[[MET-NEU], [null], [DIS], [GEN]]\n\nTwo.[[OAL-NEG] [IMP-NEG], [CRT], [MAJ]]"' \
	    "$(row r 1 MET-NEU '' DIS GEN One.)
$(row r 2 OAL-NEG IMP-NEG CRT MAJ Two.)" \
	    "rsplit: r.txt:3:5: missing comma between groups"
}

@test "rsplit: two-layer markers leave function and severity empty" {
	split_is '"Intro.[[INT-NEU], [null]] Clear.[[OAL-POS], [CLA-POS]]"' \
	    "$(row r 1 INT-NEU '' '' '' Intro.)
$(row r 2 OAL-POS CLA-POS '' '' Clear.)"
}

# Options.

@test "rsplit -a: the rest after the last marker is a row when it is not blank" {
	split_is '"A.[[MET-NEU], [null], [DIS], [GEN]] Thanks.\n"' \
	    "$(row r 1 MET-NEU '' DIS GEN A.)
$(row r 2 '' '' '' '' Thanks.)" "" -a
	split_is '"A.[[MET-NEU], [null], [DIS], [GEN]]  \n"' \
	    "$(row r 1 MET-NEU '' DIS GEN A.)" "" -a
}

@test "rsplit -q silences warnings; --strict exits 1 after a warning" {
	printf '%s' '"A.[[OAL-NEG] [IMP-NEG], [CRT], [MAJ]]"' > r.txt
	expect 0 "$(row r 1 OAL-NEG IMP-NEG CRT MAJ A.)" "" rsplit -N -q r.txt
	expect 1 "$(row r 1 OAL-NEG IMP-NEG CRT MAJ A.)" \
	    "rsplit: r.txt:1:4: missing comma between groups" \
	    rsplit -N --strict r.txt
	expect 1 "$(row r 1 OAL-NEG IMP-NEG CRT MAJ A.)" "" rsplit -N -q --strict r.txt
}

@test "rsplit --strict: exit 0 when there is no warning" {
	split_is '"A.[[MET-NEU], [null], [DIS], [GEN]]"' "$(row r 1 MET-NEU '' DIS GEN A.)" "" --strict
}

@test "rsplit --id names standard input; - is its default id" {
	expect 0 "$(row paper7-R2 1 MET-NEU '' DIS GEN A.)" "" \
	    rsplit -N --id paper7-R2 < <(printf '%s' '"A.[[MET-NEU], [null], [DIS], [GEN]]"')
	expect 0 "$(row - 1 MET-NEU '' DIS GEN A.)" "" \
	    rsplit -N - < <(printf '%s' '"A.[[MET-NEU], [null], [DIS], [GEN]]"')
}

@test "rsplit: review ids drop the extension and an annotated suffix" {
	m='"A.[[MET-NEU], [null], [DIS], [GEN]]"'
	mkdir d
	for f in 'ICLR2018-B1x-R2_annotated - Ann.txt' 'P-R1_annotated(1).txt' \
	    'Q-R3_annotated_annotated.txt' 'unannotated_1.txt' \
	    'plain.review.txt' 'noext' $'odd\tname.txt'; do
		printf '%s' "$m" > "d/$f"
	done
	expect 0 "$(row ICLR2018-B1x-R2 1 MET-NEU '' DIS GEN A.)
$(row P-R1 1 MET-NEU '' DIS GEN A.)
$(row Q-R3 1 MET-NEU '' DIS GEN A.)
$(row unannotated_1 1 MET-NEU '' DIS GEN A.)
$(row plain.review 1 MET-NEU '' DIS GEN A.)
$(row noext 1 MET-NEU '' DIS GEN A.)
$(row 'odd\tname' 1 MET-NEU '' DIS GEN A.)" "" \
	    rsplit -N d/ICLR* d/P-* d/Q-* d/un* d/plain.review.txt d/noext d/odd*
}

@test "rsplit: sentences are numbered per review across several files" {
	printf '%s' '"A.[[MET-NEU], [null], [DIS], [GEN]] B.[[MET-NEU], [null], [DIS], [GEN]]"' > a.txt
	printf '%s' '"C.[[RES-NEG], [EMP-NEG], [CRT], [MAJ]]"' > b.txt
	expect 0 "$HDR
$(row a 1 MET-NEU '' DIS GEN A.)
$(row a 2 MET-NEU '' DIS GEN B.)
$(row b 1 RES-NEG EMP-NEG CRT MAJ C.)" "" \
	    rsplit a.txt b.txt
}

@test "rsplit --version and --help" {
	expect 0 "rsplit (reviewkit) 0.1.0" "" rsplit --version
	expect 0 "rsplit (reviewkit) 0.1.0" "" rsplit -V
	# The help is rsplit(1)'s in short: its synopsis and two lines of it.
	expect 0 @any "" rsplit -h
	assert_equal "${lines[0]}" "usage: rsplit [-ajLNqr] [--strict] [--id NAME] [--scheme S] [FILE...]"
	assert_line "  -j, --json       decode JSON escapes in a file that does not start"
	assert_line "A marker has at most one group per layer; groups whose codes belong"
}

@test "rsplit: a bad option is a usage error" {
	expect 2 "" "rsplit: invalid option -- 'z'
usage: rsplit [-ajLNqr] [--strict] [--id NAME] [--scheme S] [FILE...]
       rsplit --to-lines [-q] [--strict] [--id NAME] [FILE...]" \
	    rsplit -z
	expect 2 "" "rsplit: option '--id' requires an argument
usage: rsplit [-ajLNqr] [--strict] [--id NAME] [--scheme S] [FILE...]
       rsplit --to-lines [-q] [--strict] [--id NAME] [FILE...]" \
	    rsplit --id
}

@test "rsplit: the examples split without a surprise" {
	# The rows are README's; here their count, and only the slips the
	# examples hold on purpose.
	expect 0 @any "rsplit: $EXAMPLES/ICLR2099-Demo1-R2_annotated.txt:1:357: marker not closed by ']]'
rsplit: $EXAMPLES/ICLR2099-Demo2-R1_annotated.txt:1:495: missing comma between groups
rsplit: $EXAMPLES/ICLR2099-Demo2-R2_annotated.txt:1:407: extra '[' before the marker" \
	    rsplit "$EXAMPLES"/*.txt
	assert_equal "${#lines[@]}" 41
}

# The real corpus (SPEC 1.2, 2): skipped when ../shared/corpus is absent.

@test "rsplit: corpus: a row per marker, no marker left, raw texts are the review" {
	need_corpus
	files=("$CORPUS"/pra4/* "$CORPUS"/pra2/* "$CORPUS"/pra2/.DS_Store)
	expect 0 "${#files[@]} files, 0 differ" "" \
	    python3 "$BATS_TEST_DIRNAME/corpus_check.py" "$RK_BIN/rsplit" "${files[@]}"
}

# Review ids are unique in a run (lib/review/ids.c): the second file with an id
# gets ID#2, with a warning naming both files.

@test "rsplit: two files with one review id: the second is ID#2, with a warning" {
	mkdir a
	printf '%s' '"Good.[[INT-POS], [NOV-POS], [APC], [MAJ]]"' > a/X-R1_annotated.txt
	printf '%s' '"Bad.[[MET-NEG], [EMP-NEG], [CRT], [MAJ]] Worse.[[RES-NEG], [EMP-NEG], [CRT], [MIN]]"' > 'a/X-R1_annotated_annotated.txt'
	expect 0 "$(row X-R1 1 INT-POS NOV-POS APC MAJ Good.)
$(row 'X-R1#2' 1 MET-NEG EMP-NEG CRT MAJ Bad.)
$(row 'X-R1#2' 2 RES-NEG EMP-NEG CRT MIN Worse.)" \
	    "rsplit: a/X-R1_annotated_annotated.txt: review id 'X-R1' already names a/X-R1_annotated.txt; this one is 'X-R1#2'" \
	    rsplit -N a/X-R1_annotated.txt a/X-R1_annotated_annotated.txt
}

@test "rsplit: a third file is ID#3; a file whose own id is ID#2 moves on too" {
	for f in 'X_annotated.txt' 'X_annotated(1).txt' 'X - annotated.txt' 'X#2.txt'; do
		printf '%s' '"A.[[INT-POS], [NOV-POS], [APC], [MAJ]]"' > "$f"
	done
	expect 0 "$(row X 1 INT-POS NOV-POS APC MAJ A.)
$(row 'X#2' 1 INT-POS NOV-POS APC MAJ A.)
$(row 'X#3' 1 INT-POS NOV-POS APC MAJ A.)
$(row 'X#2#2' 1 INT-POS NOV-POS APC MAJ A.)" \
	    "rsplit: X_annotated(1).txt: review id 'X' already names X_annotated.txt; this one is 'X#2'
rsplit: X - annotated.txt: review id 'X' already names X_annotated.txt; this one is 'X#3'
rsplit: X#2.txt: review id 'X#2' already names X_annotated(1).txt; this one is 'X#2#2'" \
	    rsplit -N 'X_annotated.txt' 'X_annotated(1).txt' 'X - annotated.txt' 'X#2.txt'
}

@test "rsplit: the same file twice, and --id naming a file's id, are clashes too" {
	printf '%s' '"A.[[INT-POS], [NOV-POS], [APC], [MAJ]]"' > R1.txt
	expect 0 "$(row R1 1 INT-POS NOV-POS APC MAJ A.)
$(row 'R1#2' 1 INT-POS NOV-POS APC MAJ A.)
$(row 'R1#3' 1 INT-POS NOV-POS APC MAJ A.)" \
	    "rsplit: -: review id 'R1' already names R1.txt; this one is 'R1#2'
rsplit: R1.txt: review id 'R1' already names R1.txt; this one is 'R1#3'" \
	    rsplit -N --id R1 R1.txt - R1.txt < R1.txt
}

@test "rsplit: an id clash is a warning: -q silences it, --strict exits 1" {
	printf '%s' '"A.[[INT-POS], [NOV-POS], [APC], [MAJ]]"' > R1.txt
	expect 0 "$(row R1 1 INT-POS NOV-POS APC MAJ A.)
$(row 'R1#2' 1 INT-POS NOV-POS APC MAJ A.)" "" \
	    rsplit -Nq R1.txt R1.txt
	expect 1 "$output" "" rsplit -Nq --strict R1.txt R1.txt
}

@test "rsplit: corpus: no (review, sentence) key twice; the pra2 clashes, each named" {
	need_corpus
	for d in pra4 pra2; do
		expect 0 "0" "" \
		    sh -c 'rsplit -qN "$1"/* | cut -f1,2 | sort | uniq -d | wc -l' sh "$CORPUS/$d"
	done
	cd "$CORPUS"
	# grep -c exits 1 when it counts none.
	expect 1 "0" "" \
	    sh -c 'rsplit pra4/* 2>&1 >/dev/null | grep -c "review id"'
	expect 0 "rsplit: pra2/ICLR2018-Hk3ddfWRW-R1_annotated.txt: review id 'ICLR2018-Hk3ddfWRW-R1' already names pra2/ICLR2018-Hk3ddfWRW-R1_annotated(1).txt; this one is 'ICLR2018-Hk3ddfWRW-R1#2'
rsplit: pra2/ICLR2018-Hk3ddfWRW-R3_annotated.txt: review id 'ICLR2018-Hk3ddfWRW-R3' already names pra2/ICLR2018-Hk3ddfWRW-R3_annotated(1).txt; this one is 'ICLR2018-Hk3ddfWRW-R3#2'
rsplit: pra2/ICLR2018-HyHmGyZCZ-R2_annotated_annotated.txt: review id 'ICLR2018-HyHmGyZCZ-R2' already names pra2/ICLR2018-HyHmGyZCZ-R2_annotated.txt; this one is 'ICLR2018-HyHmGyZCZ-R2#2'" "" \
	    sh -c 'rsplit pra2/* 2>&1 >/dev/null | grep "review id"'
}
