#!/usr/bin/env bats
# rcount: rows counted by the values of fields.

setup() {
	load helper
	load rows
}

counts_to() {
	outputs rcount "$@"
}

@test "rcount: label items count by code, by count then key" {
	counts_to aspect $'aspect\tcount
EMP\t2
CLA\t1
CMP\t1
CNT\t1
NOV\t1'
}

@test "rcount: -k keeps the polarity" {
	counts_to -k aspect $'aspect\tcount
CLA-NEG\t1
CMP-NEG\t1
CNT\t1
EMP-NEG\t1
EMP-NEU\t1
NOV-POS\t1'
	counts_to --keep-polarity section,severity $'section\tseverity\tcount
CNT\tGEN\t1
CNT\tMAJ\t1
EXP-NEU\tMIN\t1
MET-NEG\tMAJ\t1
OAL-NEU\tGEN\t1
PDI-POS\tMAJ\t1
RES-NEG\tMIN\t1'
}

@test "rcount: a row with several items counts once for each" {
	counts_to severity $'severity\tcount
MAJ\t3
GEN\t2
MIN\t2'
}

@test "rcount: several label fields count every combination" {
	counts_to aspect,severity $'aspect\tseverity\tcount
CLA\tMIN\t1
CMP\tMIN\t1
CNT\tGEN\t1
CNT\tMAJ\t1
EMP\tMAJ\t1
EMP\tMIN\t1
NOV\tMAJ\t1'
}

@test "rcount: an empty label list adds nothing" {
	counts_to aspect,function $'aspect\tfunction\tcount
CLA\tSUG\t1
CMP\tQSN\t1
CNT\tDIS\t1
EMP\tCRT\t1
EMP\tSUG\t1
NOV\tAPC\t1'
}

@test "rcount: a row counts once for a key, even when codes repeat" {
	printf '%s\n' "$H" $'R\t1\tMET-NEG,MET-POS,,RES-NEU,-NEG\t\t\t\tx' > rep.tsv
	run2 rcount section rep.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'section\tcount\nMET\t1\nRES\t1'
	run2 rcount -k section rep.tsv
	assert_equal "$output" $'section\tcount\nMET-NEG\t1\nMET-POS\t1\nRES-NEU\t1'
}

@test "rcount: -k: an item without a code adds nothing, nor counts for -p (issue 23)" {
	expect 0 $'aspect\tcount' "" rcount -k aspect - <<< $'aspect\n-NEU'
	printf '%s\n' aspect -NEU EMP-NEG ,-POS, > nocode.tsv
	expect 0 $'aspect\tcount\tpercent\nEMP-NEG\t1\t100.0\ntotal\t1\t100.0' "" \
	    rcount -k -p -t aspect nocode.tsv
	expect 0 $'aspect\tEMP-NEG\ttotal\nEMP-NEG\t1\t1\ntotal\t1\t1' "" \
	    rcount -k -x -t aspect,aspect nocode.tsv
	expect 0 $'aspect\tcount\nEMP-NEG\t1' "" rcount -k -d aspect aspect nocode.tsv
}

@test "rcount: other fields count whole values" {
	counts_to review $'review\tcount\nR1\t3\nR2\t3'
	counts_to review,function $'review\tfunction\tcount
R1\tAPC\t1
R1\tCRT\t1
R1\tSUG\t1
R2\tDIS\t1
R2\tQSN\t1
R2\tSMY\t1'
}

@test "rcount: an empty value of another field is a key" {
	printf '%s\n' $'k\tv' $'1\t' $'2\ta' $'3\t' > e.tsv
	expect 0 $'v\tcount\n\t2\na\t1' "" rcount v e.tsv
}

@test "rcount: a field may be given by number" {
	counts_to 6 $'severity\tcount\nMAJ\t3\nGEN\t2\nMIN\t2'
}

@test "rcount: -s key sorts by key" {
	counts_to -s key severity $'severity\tcount\nGEN\t2\nMAJ\t3\nMIN\t2'
	counts_to --sort=count severity $'severity\tcount\nMAJ\t3\nGEN\t2\nMIN\t2'
}

@test "rcount: keys of several fields sort field by field" {
	printf '%s\n' $'a\tb' $'x\tz' $'x\001\ta' $'x\ta' $'x\001\ta' > k.tsv
	expect 0 $'a\tb\tcount\nx\ta\t1\nx\tz\t1\nx\001\ta\t2' "" \
	    rcount -s key a,b k.tsv
}

@test "rcount: -p adds the share of the rows counted, one decimal" {
	# Row F holds MAJ,GEN: six rows, seven items, shares of six.
	counts_to -p severity $'severity\tcount\tpercent
MAJ\t3\t50.0
GEN\t2\t33.3
MIN\t2\t33.3'
	counts_to -p aspect $'aspect\tcount\tpercent
EMP\t2\t40.0
CLA\t1\t20.0
CMP\t1\t20.0
CNT\t1\t20.0
NOV\t1\t20.0'
}

@test "rcount: -t adds a total row, the rows counted" {
	counts_to -t severity $'severity\tcount\nMAJ\t3\nGEN\t2\nMIN\t2\ntotal\t6'
	# Row D has no aspect: it adds no key and is not counted.
	counts_to --total --percent aspect,severity $'aspect\tseverity\tcount\tpercent
CLA\tMIN\t1\t20.0
CMP\tMIN\t1\t20.0
CNT\tGEN\t1\t20.0
CNT\tMAJ\t1\t20.0
EMP\tMAJ\t1\t20.0
EMP\tMIN\t1\t20.0
NOV\tMAJ\t1\t20.0
total\t\t5\t100.0'
}

@test "rcount: -d with -p and -t: shares of the distinct values counted" {
	counts_to -p -t -d review aspect $'aspect\tcount\tpercent
CLA\t1\t50.0
CMP\t1\t50.0
CNT\t1\t50.0
EMP\t1\t50.0
NOV\t1\t50.0
total\t2\t100.0'
	# R3 has no aspect: it is no review counted.
	printf '%s\n' $'R3\t1\tMET-NEG\t\tCRT\tMAJ\tx' >> in.tsv
	counts_to -t -d review aspect $'aspect\tcount\nCLA\t1\nCMP\t1\nCNT\t1\nEMP\t1\nNOV\t1\ntotal\t2'
	counts_to -t -d review severity $'severity\tcount\nMAJ\t3\nMIN\t2\nGEN\t1\ntotal\t3'
}

@test "rcount: -b adds bars scaled to the largest count" {
	full=$(printf '\342\226\210%.0s' $(seq 40))
	part=$(printf '\342\226\210%.0s' $(seq 26))$'\342\226\213'
	counts_to -b -t severity "severity	count	bar
MAJ	3	$full
GEN	2	$part
MIN	2	$part
total	6	"
}

@test "rcount: -b shows at least an eighth for any count" {
	{ echo k; yes a | head -n 1000; echo b; } > many.tsv
	expect 0 $'k\tcount\tbar\na\t1000\t'"$(printf '\342\226\210%.0s' $(seq 40))"$'\nb\t1\t\342\226\217' "" \
	    rcount --bar k many.tsv
}

@test "rcount: -x cross-tabulates two fields" {
	counts_to -x aspect,severity $'aspect\tMAJ\tMIN\tGEN
EMP\t1\t1\t0
CLA\t0\t1\t0
CMP\t0\t1\t0
CNT\t1\t0\t1
NOV\t1\t0\t0'
}

@test "rcount: -x -t adds the rows counted, by line, by column, in all" {
	# CNT's row MAJ,GEN is one row: its line total is 1, not 2.
	counts_to --crosstab -t aspect,severity $'aspect\tMAJ\tMIN\tGEN\ttotal
EMP\t1\t1\t0\t2
CLA\t0\t1\t0\t1
CMP\t0\t1\t0\t1
CNT\t1\t0\t1\t1
NOV\t1\t0\t0\t1
total\t3\t2\t1\t5'
}

@test "rcount: -x -p gives each cell as a share of its line's rows counted" {
	counts_to -x -p aspect,severity $'aspect\tMAJ\tMIN\tGEN
EMP\t50.0\t50.0\t0.0
CLA\t0.0\t100.0\t0.0
CMP\t0.0\t100.0\t0.0
CNT\t100.0\t0.0\t100.0
NOV\t100.0\t0.0\t0.0'
	# The total column keeps the count the line's shares are of.
	counts_to -x -p -t -s key severity,review $'severity\tR1\tR2\ttotal
GEN\t0.0\t100.0\t2
MAJ\t66.7\t33.3\t3
MIN\t50.0\t50.0\t2
total\t50.0\t50.0\t6'
}

@test "rcount: -x -d counts distinct values in cells and totals" {
	counts_to -x -t -d review severity,function $'severity\tAPC\tCRT\tDIS\tQSN\tSMY\tSUG\ttotal
MAJ\t1\t1\t1\t0\t0\t0\t2
MIN\t0\t0\t0\t1\t0\t1\t2
GEN\t0\t0\t1\t0\t1\t0\t1
total\t1\t1\t1\t1\t1\t1\t2'
}

@test "rcount: -x counting nothing writes the first line (and totals)" {
	: > empty.tsv
	run2 rcount -x aspect,severity empty.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "aspect"
	printf '%s\n' "$H" > header.tsv
	run2 rcount -x -t aspect,severity header.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" $'aspect\ttotal\ntotal\t0'
	printf '%s\n' "$H" "$D" $'R3\t1\t\t,,\t\tMIN\tx' > nolist.tsv
	run2 rcount -x -p -t -s key aspect,severity nolist.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" $'aspect\ttotal\ntotal\t0'
	expect 0 $'aspect\tcount\tpercent\ntotal\t0\t0.0' "" \
	    rcount -t -p aspect nolist.tsv
}

@test "rcount: -x -s key sorts rows and columns by key" {
	counts_to -x -s key review,severity $'review\tGEN\tMAJ\tMIN
R1\t0\t2\t1
R2\t2\t1\t1'
}

@test "rcount: -d counts distinct values per key" {
	counts_to -d review severity $'severity\tcount\nMAJ\t2\nMIN\t2\nGEN\t1'
	counts_to --distinct review aspect $'aspect\tcount
CLA\t1
CMP\t1
CNT\t1
EMP\t1
NOV\t1'
}

@test "rcount: -d counts an empty value as one value, in a run of rows and after another (found by fuzz_count: the run's compare read a null buffer)" {
	printf 'review\tsentence\tseverity\n\t1\tMAJ\n\t2\tMIN\nR1\t1\tMAJ\n\t3\tMAJ\n' > e.tsv
	expect 0 $'severity\tcount\nMAJ\t2\nMIN\t1' '' rcount -d review severity e.tsv
}

@test "rcount: -d counts the pairs of a key with an id past 63 (the set) as those of the first 63 (a bit by value), a value back after others too" {
	# 100 keys; key k has the values V0 .. V(k mod 4), each twice, the
	# second time after all the others: sort -u is the oracle.
	awk 'BEGIN { print "review\tkey"; for (r = 0; r < 2; r++)
		for (k = 0; k < 100; k++) for (v = 0; v <= k % 4; v++)
			printf "V%d\tK%d\n", v, k }' > p.tsv
	tail -n +2 p.tsv | sort -u | cut -f2 | sort | uniq -c |
	    awk '{ printf "%s\t%d\n", $2, $1 }' > want
	expect 0 @any '' rcount -d review key p.tsv
	[ "${lines[0]}" = $'key\tcount' ]
	printf '%s\n' "${lines[@]:1}" | sort > got
	diff want got
	[ "$(wc -l < got)" -eq 100 ]
}

@test "rcount: -d on a label field counts distinct codes" {
	counts_to -d aspect review $'review\tcount\nR1\t3\nR2\t2'
	counts_to -k -d aspect review $'review\tcount\nR1\t4\nR2\t2'
}

@test "rcount: -w adds a field's integer value, so counts merge" {
	printf '%s\n' $'aspect\tcount' $'EMP\t5' $'CLA\t2' > p1.tsv
	printf '%s\n' $'aspect\tcount' $'EMP\t1' $'NOV\t4' $'CLA\t0' > p2.tsv
	run2 rcount -w count aspect p1.tsv p2.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" $'aspect\tcount\nEMP\t6\nNOV\t4\nCLA\t2'
	printf '%s\n' $'code\tcount' $'EMP\t5' $'CLA\t2' > q.tsv
	run2 rcount --weight 2 -t code q.tsv
	assert_equal "$output" $'code\tcount\nEMP\t5\nCLA\t2\ntotal\t7'
}

@test "rcount: -w weighs the rows counted of -p and -t" {
	# A field that is no label field gives a row one key: the weights
	# of the rows are the rows counted.
	printf '%s\n' $'code\tcount' $'EMP\t5' $'CLA\t2' $'NOV\t0' > p1.tsv
	expect 0 $'code\tcount\tpercent\nEMP\t5\t71.4\nCLA\t2\t28.6\nNOV\t0\t0.0\ntotal\t7\t100.0' "" \
	    rcount -p -t -w count code p1.tsv
}

@test "rcount: parts written with -t merge by -p -t -w count as one run" {
	printf '%s\n' "$H" "$A" "$B" "$C" > h1.tsv
	printf '%s\n' "$H" "$D" "$E" "$F" > h2.tsv
	for f in aspect severity aspect,severity -k\ aspect,function; do
		# shellcheck disable=SC2086
		rcount -t $f h1.tsv > c1.tsv
		# shellcheck disable=SC2086
		rcount -t $f h2.tsv > c2.tsv
		# shellcheck disable=SC2086
		expect 0 "$(rcount -p -t $f in.tsv)" "" rcount -p -t -w count $f c1.tsv c2.tsv
	done
	rcount -t aspect h1.tsv > c1.tsv
	rcount -t aspect h2.tsv > c2.tsv
	expect 0 $'aspect\tcount\nEMP\t2\nCLA\t1\nCMP\t1\nCNT\t1\nNOV\t1\ntotal\t5' "" \
	    rcount -t -w count aspect c1.tsv c2.tsv
	# Merged parts merge again, totals and all.
	rcount -t -w count aspect c1.tsv c2.tsv > m.tsv
	expect 0 $'aspect\tcount\tpercent
EMP\t4\t50.0
CLA\t2\t25.0
NOV\t2\t25.0
CMP\t1\t12.5
CNT\t1\t12.5
total\t8\t100.0' "" \
	    rcount -p -t -w count aspect m.tsv c1.tsv
}

@test "rcount: with -p or -t a total row must end its input (issue 23)" {
	printf '%s\n' k total total a > t.tsv
	run2 rcount -t k t.tsv
	assert_equal "$output" $'k\tcount\ntotal\t2\na\t1\ntotal\t3'
	rcount -t k t.tsv > c.tsv
	# A key "total" before the total row cannot be told from the total
	# of a part run together with the next: both are refused.
	expect 1 "" "rcount: c.tsv:2: a total row before the end of its input: with -p or -t, each part must be an input of its own, its total row last" \
	    rcount -p -t -w count k c.tsv c.tsv
	rcount -t -s key k t.tsv > s.tsv
	expect 1 "" "rcount: -:3: a total row before the end of its input: with -p or -t, each part must be an input of its own, its total row last" \
	    rcount -t -s key -w count k - < s.tsv
	# Parts with their totals, run together into one stream.
	printf '%s\n' a b > u.tsv
	rcount -N -t 1 u.tsv > u1.tsv
	expect 1 "" "rcount: -:3: a total row before the end of its input: with -p or -t, each part must be an input of its own, its total row last" \
	    rcount -N -p -t -w 2 1 - < <(cat u1.tsv u1.tsv)
	expect 0 $'a\t2\t50.0\nb\t2\t50.0\ntotal\t4\t100.0' "" rcount -N -p -t -w 2 1 u1.tsv u1.tsv
	# Without -p or -t nothing needs a total: the row is a key like any.
	expect 0 $'k\tcount\ntotal\t5\na\t1' "" rcount -w count k c.tsv
}

@test "rcount: -x -t -p merge from tables, not from counts of pairs (issue 23)" {
	printf '%s\n' $'function\tseverity' $'CRT\tMAJ,MIN' > m1.tsv
	one=$'function\tMAJ\tMIN\ttotal\nCRT\t100.0\t100.0\t1\ntotal\t100.0\t100.0\t1'
	expect 0 "$one" "" rcount -x -t -p function,severity m1.tsv
	# The row counts once in CRT's total though it adds to two cells:
	# counts of pairs cannot say so, and are refused.
	rcount -t function,severity m1.tsv > m1c.tsv
	expect 2 "" "rcount: -x -w cannot merge counts of pairs of label fields unless by -s key without -t and -p: a row counts once in the total of its line or column though it adds to several of its cells; merge tables written by rcount -x -t, with -w total" \
	    rcount -x -t -p -w count function,severity m1c.tsv
	# The table carries its totals.
	rcount -x -t function,severity m1.tsv > m1t.tsv
	expect 0 "$one" "" rcount -x -t -p -w total function,severity m1t.tsv
	# Two parts, each mode.
	printf '%s\n' "$H" "$A" "$B" "$C" > h1.tsv
	printf '%s\n' "$H" "$D" "$E" "$F" > h2.tsv
	rcount -x -t aspect,severity h1.tsv > t1.tsv
	rcount -x -t aspect,severity h2.tsv > t2.tsv
	expect 0 $'aspect\tMAJ\tMIN\tGEN\ttotal
EMP\t50.0\t50.0\t0.0\t2
CLA\t0.0\t100.0\t0.0\t1
CMP\t0.0\t100.0\t0.0\t1
CNT\t100.0\t0.0\t100.0\t1
NOV\t100.0\t0.0\t0.0\t1
total\t60.0\t40.0\t20.0\t5' "" rcount -x -t -p -w total aspect,severity t1.tsv t2.tsv
	for o in "" -t -p "-s key" "-s key -t -p"; do
		# shellcheck disable=SC2086
		expect 0 "$(rcount -x $o aspect,severity in.tsv)" "" \
		    rcount -x $o -w total aspect,severity t1.tsv t2.tsv
	done
	# A merged table merges again.
	rcount -x -t -w total aspect,severity t1.tsv t2.tsv > m.tsv
	expect 0 "$(rcount -x -t aspect,severity in.tsv in.tsv h1.tsv)" "" \
	    rcount -x -t -w total aspect,severity m.tsv m.tsv t1.tsv
	# Counts of pairs still merge by -s key, where no total counts, and
	# for fields that are no label fields, whose rows add one cell.
	rcount aspect,severity h1.tsv > c1.tsv
	rcount aspect,severity h2.tsv > c2.tsv
	expect 0 "$(rcount -x -s key aspect,severity in.tsv)" "" \
	    rcount -x -s key -w count aspect,severity c1.tsv c2.tsv
	rcount -t review,sentence h1.tsv > c1.tsv
	rcount -t review,sentence h2.tsv > c2.tsv
	expect 0 "$(rcount -x -t -p review,sentence in.tsv)" "" \
	    rcount -x -t -p -w count review,sentence c1.tsv c2.tsv
}

@test "rcount: tables that cannot merge are refused, with the reason (issue 23)" {
	printf '%s\n' "$H" "$A" "$B" "$C" > h1.tsv
	rcount -x -t aspect,severity h1.tsv > t1.tsv
	rcount -x -t -p aspect,severity h1.tsv > p1.tsv
	expect 1 "" "rcount: p1.tsv:2: cell '50.0' is a share, not a count: tables written with -p do not merge; write them with rcount -x -t" \
	    rcount -x -t -w total aspect,severity t1.tsv p1.tsv
	rcount -x aspect,severity h1.tsv > n1.tsv
	expect 1 "" "rcount: n1.tsv:1: the table has no column total; tables merge when rcount -x -t wrote them" \
	    rcount -x -w total aspect,severity t1.tsv n1.tsv
	head -n -1 t1.tsv > e1.tsv
	expect 1 "" "rcount: e1.tsv:4: the table ends without its total line; tables merge when rcount -x -t wrote them" \
	    rcount -x -w total aspect,severity e1.tsv t1.tsv
	expect 1 "" "rcount: -:6: the header again; skipped here and wherever it repeats
rcount: -:5: a total line before the end of its table: each table must be an input of its own" \
	    rcount -x -w total aspect,severity - < <(cat t1.tsv t1.tsv)
	rcount -x -t -k aspect,severity h1.tsv > k1.tsv
	expect 1 "" "rcount: k1.tsv:2: line 'CLA-NEG' is no key of this count (a table written with -k merges with -k)" \
	    rcount -x -w total aspect,severity k1.tsv
	expect 0 "$(rcount -x -k aspect,severity h1.tsv)" "" rcount -x -k -w total aspect,severity k1.tsv
	rcount -x -t -k severity,aspect h1.tsv > k2.tsv
	expect 1 "" "rcount: k2.tsv:1: column 'CLA-NEG' is no key of this count (a table written with -k merges with -k)" \
	    rcount -x -w total severity,aspect k2.tsv
	expect 2 "" "rcount: t1.tsv: a table of 'aspect', not of 'section'" \
	    rcount -x -w total section,severity t1.tsv
	rcount -x -t section,severity h1.tsv > s1.tsv
	expect 1 "" "rcount: s1.tsv:1: a table of 'section', not of 'aspect'" \
	    rcount -x -w total aspect,severity t1.tsv s1.tsv
	printf '%s\n' $'aspect\tMAJ\ttotal' $'EMP\t1' $'total\t1\t1' > short.tsv
	expect 1 "" "rcount: short.tsv:2: line has 2 fields, its table's first line 3" \
	    rcount -x -w total aspect,severity short.tsv
	printf '%s\n' $'aspect\tMAJ\ttotal' $'EMP\t18446744073709551615\t1' $'total\t1\t1' > big.tsv
	expect 1 "" "rcount: big.tsv:2: count overflows" \
	    rcount -x -w total aspect,severity big.tsv big.tsv
	printf '%s\n' $'aspect\tMAJ\ttotal' $'EMP\t1\t18446744073709551615' $'total\t1\t1' > line.tsv
	printf '%s\n' $'aspect\tMAJ\ttotal' $'EMP\t1\t1' $'total\t1\t1' > one.tsv
	expect 1 "" "rcount: total count overflows" \
	    rcount -x -w total aspect,severity line.tsv one.tsv
}

@test "rcount: -p or -t over counts by item need each input's total row (issue 23)" {
	# C holds two aspects: the counts add up to 4, the rows counted are 3.
	printf '%s\n' "$H" "$A" "$B" "$C" > h1.tsv
	rcount aspect h1.tsv > d1.tsv
	expect 1 "" "rcount: d1.tsv:4: the input ends without a total row: counts by item do not add up to the rows counted, which -p and -t need; write the parts with rcount -t" \
	    rcount -p -w count aspect d1.tsv
	rcount -t aspect h1.tsv > d2.tsv
	expect 1 "" "rcount: d1.tsv:4: the input ends without a total row: counts by item do not add up to the rows counted, which -p and -t need; write the parts with rcount -t" \
	    rcount -t -w count aspect d2.tsv d1.tsv
	expect 0 $'aspect\tcount\tpercent\nEMP\t2\t66.7\nCLA\t1\t33.3\nNOV\t1\t33.3' "" \
	    rcount -p -w count aspect d2.tsv
	expect 0 "$(rcount -t aspect h1.tsv h1.tsv)" "" rcount -t -w count aspect d2.tsv d2.tsv
}


@test "rcount: a total row of two fields has the others empty" {
	printf '%s\n' $'a\tb\tcount' $'x\ty\t2' $'total\ty\t1' $'total\t\t3' > t2.tsv
	run2 rcount -t -w count a,b t2.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'a\tb\tcount\nx\ty\t2\ntotal\ty\t1\ntotal\t\t3'
	printf '%s\n' $'a\tb\tcount' $'x\ty\t2' $'total\t\t3' $'total\ty\t1' > t3.tsv
	expect 1 "" "rcount: t3.tsv:3: a total row before the end of its input: with -p or -t, each part must be an input of its own, its total row last" \
	    rcount -t -w count a,b t3.tsv
	expect 0 $'a\tb\tcount\ntotal\t\t3\nx\ty\t2\ntotal\ty\t1' "" rcount -w count a,b t3.tsv
}

@test "rcount: a bad weight in a total row is an error" {
	printf '%s\n' $'k\tcount' $'a\t1' $'total\tmany' > badtotal.tsv
	run2 rcount -t -w count k badtotal.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: badtotal.tsv:3: weight 'many' is not a non-negative integer"
}

@test "rcount: -w up to the largest count, and overflow is an error" {
	printf '%s\n' $'k\tn' $'a\t18446744073709551614' $'a\t1' > big.tsv
	expect 0 $'k\tcount\na\t18446744073709551615' "" rcount -w n k big.tsv
	printf '%s\n' $'k\tn' $'a\t18446744073709551615' $'a\t1' > over.tsv
	run2 rcount -w n k over.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: over.tsv:3: count overflows"
	printf '%s\n' $'k\tn' $'a\t18446744073709551616' > huge.tsv
	expect 1 "" \
	    "rcount: huge.tsv:2: weight '18446744073709551616' is too large" \
	    rcount -w n k huge.tsv
}

@test "rcount: a total that overflows is an error" {
	printf '%s\n' $'k\tn' $'a\t18446744073709551615' $'b\t1' > over.tsv
	run2 rcount -t -w n k over.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: total count overflows"
	expect 1 "" "rcount: total count overflows" rcount -p -w n k over.tsv
}

@test "rcount: -x: a line total that overflows is an error" {
	printf '%s\n' $'k\tv\tn' $'a\tx\t18446744073709551615' $'a\ty\t1' > over.tsv
	run2 rcount -x -w n k,v over.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: total count overflows"
	printf '%s\n' $'k\tv\tn' $'a\tx\t18446744073709551615' $'b\ty\t1' > over2.tsv
	expect 0 $'k\tx\ty\na\t18446744073709551615\t0\nb\t0\t1' "" \
	    rcount -x -w n k,v over2.tsv
	expect 1 "" "rcount: total count overflows" \
	    rcount -x -t -w n k,v over2.tsv
}

@test "rcount: counts whose sum overflows are fine without -p or -t" {
	printf '%s\n' $'k\tn' $'a\t18446744073709551615' $'b\t1' > over.tsv
	run2 rcount -w n k over.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" $'k\tcount\na\t18446744073709551615\nb\t1'
}

@test "rcount: -w with a value that is no integer is an error" {
	printf '%s\n' $'k\tn' $'a\t2' $'b\t1.5' > frac.tsv
	run2 rcount -w n k frac.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: frac.tsv:3: weight '1.5' is not a non-negative integer"
	printf '%s\n' $'k\tn' $'a\t-2' > neg.tsv
	expect 1 "" \
	    "rcount: neg.tsv:2: weight '-2' is not a non-negative integer" \
	    rcount -w n k neg.tsv
	printf '%s\n' $'k\tn' $'a\t' > none.tsv
	expect 1 "" \
	    "rcount: none.tsv:2: weight '' is not a non-negative integer" \
	    rcount -w n k none.tsv
}

@test "rcount: a bad weight is quoted short" {
	{ printf 'k\tn\na\t1'; head -c 10000000 /dev/zero | tr '\0' x; echo; } > long.tsv
	run2 rcount -w n k long.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: long.tsv:2: weight '1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... (10000001 bytes) is not a non-negative integer"
	{ printf 'k\tn\na\t'; head -c 100 /dev/zero | tr '\0' 9; printf '\001\n'; } > big.tsv
	expect 1 "" \
	    "rcount: big.tsv:2: weight '999999999999999999999999999999999999999999999999'... (101 bytes) is too large" \
	    rcount -w n k big.tsv
	printf 'k\tn\na\t1\033x\n' > ctl.tsv
	expect 1 "" \
	    "rcount: ctl.tsv:2: weight '1\\033x' is not a non-negative integer" \
	    rcount -w n k ctl.tsv
}

@test "rcount: a row past 100000 distinct combinations is an error at FILE:LINE" {
	items=$(seq -f 'A%g' 317 | paste -sd, -)
	printf '%s\n' $'k\tsection\taspect' "r1"$'\t'"X"$'\t'"$items" > wide.tsv
	run2 rcount -x section,aspect wide.tsv
	assert_equal "$status" 0
	# aspect,aspect: 316 x 316 = 99856 keys pass, 317 x 317 do not.
	printf '%s\n' $'k\tsection\taspect' "r1"$'\tX\t'"$(seq -f 'A%g' 316 | paste -sd, -)" > ok.tsv
	run2 rcount aspect,aspect ok.tsv
	assert_equal "$status" 0
	assert_equal "${#lines[@]}" 99857
	printf '%s\n' $'k\tsection\taspect' $'r0\tX\tEMP' "r1"$'\tX\t'"$items" > wide.tsv
	run2 rcount -x aspect,aspect wide.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: wide.tsv:3: the row's values make more than 100000 distinct combinations, the most one row may add"
	# Twelve fields of three items: 531441, found before any is added.
	run2 rcount aspect,aspect,aspect,aspect,aspect,aspect,aspect,aspect,aspect,aspect,aspect,aspect - <<-EOF
	k	section	aspect
	r	X	A,B,C
	EOF
	assert_equal "$status" 1
	assert_equal "$stderr" "rcount: -:2: the row's values make more than 100000 distinct combinations, the most one row may add"
	# -d values count in the product: 317 reviews' worth of pairs.
	printf '%s\n' $'k\tsection\taspect' "r1"$'\t'"$(seq -f 'S%g' 400 | paste -sd, -)"$'\t'"$(seq -f 'A%g' 300 | paste -sd, -)" > pairs.tsv
	run2 rcount -d aspect section pairs.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "rcount: pairs.tsv:2: the row's values make more than 100000 distinct pairs of key and value, the most one row may add"
}

@test "rcount: the bound is on a row's distinct keys, not its items (issue 23)" {
	# 100001 items of one code add one key, with -k, -x and -d too.
	{ printf 'review\taspect\nR1\t'; yes MET-NEG | head -n 100001 | paste -sd, -; } > same.tsv
	expect 0 $'aspect\tcount\nMET\t1' "" rcount aspect same.tsv
	expect 0 $'aspect\tcount\nMET-NEG\t1' "" rcount -k aspect same.tsv
	expect 0 $'aspect\tMET\ttotal\nMET\t1\t1\ntotal\t1\t1' "" rcount -x -t aspect,aspect same.tsv
	expect 0 $'review\tcount\nR1\t1' "" rcount -d aspect review same.tsv
	# 100001 distinct ones are too many, said for one field.
	{ printf 'review\taspect\nR1\t'; seq -f 'A%g' 100001 | paste -sd, -; } > wide.tsv
	expect 1 "" "rcount: wide.tsv:2: the row holds more than 100000 distinct keys of aspect, the most one row may add" \
	    rcount aspect wide.tsv
	{ printf 'R1\t1\t\t'; tail -n 1 wide.tsv | cut -f 2 | tr -d '\n'
	  printf '\t\t\tx\n'; } > wide-n.tsv
	expect 1 "" "rcount: wide-n.tsv:1: the row holds more than 100000 distinct keys of aspect, the most one row may add" \
	    rcount -N 4 wide-n.tsv
	# Repeats of 100000 distinct ones are fine.
	{ printf 'review\taspect\nR1\t'; seq -f 'A%g' 100000 | paste -sd, -; } > max.tsv
	{ printf 'R1\t'; seq -f 'A%g' 100000 | paste -sd, -; } >> max.tsv
	run2 rcount -t aspect max.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "${#lines[@]}" 100002
	assert_equal "${lines[100001]}" $'total\t2'
}


@test "rcount: a -x table of more than 10^7 cells is an error, before any output" {
	# N rows of N values on each side would make N^2 cells from N rows.
	awk 'BEGIN { print "a\tb"; for (i = 0; i < 3163; i++) print "x" i "\ty" i }' > dense.tsv
	expect 1 "" "rcount: -x: 3163 values by 3163 make more than 10000000 cells, the most a table may have; without -x the pairs are counted one a line" \
	    rcount -x a,b dense.tsv
	expect 1 "" "rcount: -x: 3163 values by 3163 make more than 10000000 cells, the most a table may have; without -x the pairs are counted one a line" \
	    rcount -x -t -p a,b dense.tsv
	# 10^7 cells and one line: 3163 x 3162 = 10001406 is too many.
	head -n 3163 dense.tsv > edge.tsv
	printf 'x0\ty3162\n' >> edge.tsv
	expect 1 "" "rcount: -x: 3162 values by 3163 make more than 10000000 cells, the most a table may have; without -x the pairs are counted one a line" \
	    rcount -x a,b edge.tsv
	run2 rcount a,b dense.tsv
	assert_equal "$status" 0
	assert_equal "${#lines[@]}" 3164
}

@test "rcount: a key field named count: the count column is count2" {
	run2 bash -c 'rcount review in.tsv | rcount -s key count'
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" $'count\tcount2\n3\t2'
	printf '%s\n' $'count\tcount2\tx' $'1\t1\tx' > c.tsv
	expect 0 $'count\tcount2\tcount3\tpercent\tbar\n1\t1\t1\t100.0\t'"$(printf '\342\226\210%.0s' $(seq 40))" "" \
	    rcount -p -b count,count2 c.tsv
	# The counts of counts merge by their count2.
	printf '%s\n' n 1 2 2 10 > n.tsv
	rcount n n.tsv | rcount count > p.tsv
	expect 0 $'count\tcount2\n1\t4\n2\t2' "" \
	    rcount -w count2 count p.tsv p.tsv
}

@test "rcount: -s key orders numbers by value, other bytes by value, as rcount(1) says" {
	printf '%s\n' n 2 10 1 11 02 a10 a9 b 1.10 1.9 '' > v.tsv
	run2 rcount -s key n v.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'n\tcount\n\t1\n1\t1\n1.9\t1\n1.10\t1\n02\t1\n2\t1\n10\t1\n11\t1\na9\t1\na10\t1\nb\t1'
	# Not sort -V's order (issue 23): it puts letters before other
	# bytes, so ab before a-b, and a~ before a.
	printf '%s\n' n ab a-b a_b 'a~' a A a9 a10 > w.tsv
	expect 0 $'n\tcount\nA\t1\na\t1\na-b\t1\na9\t1\na10\t1\na_b\t1\nab\t1\na~\t1' "" \
	    rcount -s key n w.tsv
	expect 1 "" "sort: -:4: disorder: a9" sort -V -c - <<< "$(tail -n +2 <<< "$output" | cut -f 1)"
	man=$(tr '\n' ' ' < "$BATS_TEST_DIRNAME/../man/rcount.1")
	[[ $man == *'That is not the order of .Ql sort -V ,'* ]]
	[[ $man == *'is skipped, with one warning for the run.'* ]]
	[[ $man == *'an empty field, or commas only'* ]]
	printf '%s\n' $'a\tb' $'x10\t2' $'x9\t10' $'x9\t9' $'x\t1' > k2.tsv
	run2 rcount -s key a,b k2.tsv
	assert_equal "$output" $'a\tb\tcount\nx\t1\t1\nx9\t9\t1\nx9\t10\t1\nx10\t2\t1'
	run2 rcount -x -s key a,b k2.tsv
	assert_equal "$output" $'a\t1\t2\t9\t10\nx\t1\t0\t0\t0\nx9\t0\t0\t1\t1\nx10\t0\t1\t0\t0'
}


@test "rcount: -N reads rows without a header and writes none" {
	tail -n +2 in.tsv > nohdr.tsv
	expect 0 $'MAJ\t3\nGEN\t2\nMIN\t2' "" rcount -N severity nohdr.tsv
	expect 0 $'review\tGEN\tMAJ\tMIN\nR1\t0\t2\t1\nR2\t2\t1\t1' "" \
	    rcount --no-header -x -s key 1,6 nohdr.tsv
}

@test "rcount: several inputs and standard input" {
	expect 0 $'review\tcount\nR1\t6\nR2\t6' "" \
	    rcount review in.tsv - < in.tsv
	expect 0 $'review\tcount\nR1\t3\nR2\t3' "" rcount review < in.tsv
}

@test "rcount: an empty input gives the header only" {
	: > empty.tsv
	expect 0 $'aspect\tcount\ntotal\t0' "" rcount -t aspect empty.tsv
}

@test "rcount: CRLF and a last line without LF are read" {
	printf 'k\tv\r\n1\ta\r\n2\tb\r\n3\ta' > crlf.tsv
	expect 0 $'v\tcount\na\t2\nb\t1' "" rcount v crlf.tsv
}

@test "rcount: a header that differs is an error naming the file" {
	printf '%s\n' $'review\tsentence' $'R9\t1' > other.tsv
	run2 rcount review in.tsv other.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "rcount: other.tsv: header differs from that of in.tsv"
	assert_equal "$output" $'review\tcount\nR1\t3\nR2\t3'
}

@test "rcount: a missing input is reported, the others processed" {
	run2 rcount review missing.tsv in.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "rcount: missing.tsv: No such file or directory"
	assert_equal "$output" $'review\tcount\nR1\t3\nR2\t3'
}

@test "rcount: a short row is an error at FILE:LINE" {
	printf '%s\n' "$H" "$A" $'R3\t1\tMET-NEG' > short.tsv
	run2 rcount -d review aspect short.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: short.tsv:3: row has no field 4 (aspect)"
}

@test "rcount: an unknown field suggests the closest" {
	run2 rcount aspet in.tsv
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: unknown field 'aspet'; did you mean 'aspect'?
rcount: the fields are: review sentence section aspect function severity text"
	expect 2 "" "rcount: unknown field 'reviews'; did you mean 'review'?
rcount: the fields are: review sentence section aspect function severity text" \
	    rcount -d reviews aspect in.tsv
}

@test "rcount: a field name where a file should be hints at FIELDS" {
	run2 rcount aspect severity in.tsv
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: 'severity' is a field, not a file; to count by several fields write 'aspect,severity'"
}

@test "rcount: usage errors" {
	expect 2 "" "rcount: no FIELDS given
usage: rcount [-bkNptx] [-d F] [-s count|key] [-w F] [--scheme S] FIELDS
              [FILE...]" \
	    rcount
	expect 2 "" "rcount: invalid option -- 'z'
usage: rcount [-bkNptx] [-d F] [-s count|key] [-w F] [--scheme S] FIELDS
              [FILE...]" \
	    rcount -z aspect in.tsv
	expect 2 "" "rcount: empty field name in FIELDS 'aspect,'" \
	    rcount aspect, in.tsv
	expect 2 "" "rcount: -s takes count or key, not 'size'" \
	    rcount -s size aspect in.tsv
}

@test "rcount: options that do not combine are usage errors" {
	expect 2 "" "rcount: -x needs two fields, not 1" rcount -x aspect in.tsv
	expect 2 "" "rcount: -x cannot be combined with -b" \
	    rcount -x -b aspect,severity in.tsv
	expect 2 "" "rcount: -d and -w cannot be combined" \
	    rcount -d review -w sentence aspect in.tsv
}

@test "rcount: a write error is reported" {
	expect 1 "" "rcount: write error: No space left on device" \
	    bash -c 'rcount aspect in.tsv > /dev/full'
}

@test "rcount: a closed pipe ends it quietly" {
	expect 0 $'1\t1\n141' "" \
	    bash -c 'seq 300000 | rcount -N 1 | head -n 1; echo "${PIPESTATUS[1]}"'
}

@test "rcount: --version and --help" {
	expect 0 "rcount (reviewkit) 0.1.0" "" rcount --version
	expect 0 "rcount (reviewkit) 0.1.0" "" rcount -V
	# The help is rcount(1)'s in short; it begins with the synopsis.
	expect 0 @any "" rcount --help
	assert_equal "${lines[0]}" "usage: rcount [-bkNptx] [-d F] [-s count|key] [-w F] [--scheme S] FIELDS"
	expect 0 "$output" "" rcount -h
}

@test "rcount: corpus: -w count over two halves equals the whole" {
	need_corpus
	rsplit -q "$CORPUS"/pra4/* > all.tsv
	n=$(($(wc -l < all.tsv) / 2))
	head -n "$n" all.tsv > h1.tsv
	{ head -n 1 all.tsv; tail -n +"$((n + 1))" all.tsv; } > h2.tsv
	for f in aspect -k\ section,aspect function,severity review; do
		# shellcheck disable=SC2086
		rcount $f h1.tsv > c1.tsv
		# shellcheck disable=SC2086
		rcount $f h2.tsv > c2.tsv
		# shellcheck disable=SC2086
		expect 0 "$(rcount $f all.tsv)" "" rcount -w count $f c1.tsv c2.tsv
	done
}

@test "rcount: corpus: -x cells equal the two-field counts" {
	need_corpus
	rsplit -q "$CORPUS"/pra4/* > all.tsv
	for f in function,severity section,aspect aspect,review; do
		rcount -x "$f" all.tsv | awk -F'\t' -v OFS='\t' '
			NR == 1 { for (i = 2; i <= NF; i++) col[i] = $i; next }
			{ for (i = 2; i <= NF; i++) if ($i > 0) print $1, col[i], $i }' |
			sort > cells.tsv
		rcount -s key "$f" all.tsv | tail -n +2 | sort > pairs.tsv
		[ -s pairs.tsv ]
		assert_equal "$(cksum < cells.tsv)" "$(cksum < pairs.tsv)"
	done
}

@test "rcount: corpus: counts agree with awk" {
	need_corpus
	rsplit -q "$CORPUS"/pra4/* > all.tsv
	expect 0 "$(awk -F'\t' 'NR > 1 { delete seen
		n = split($6, it, ",")
		for (i = 1; i <= n; i++) {
			sub(/-.*/, "", it[i])
			if (it[i] != "" && !seen[it[i]]++) c[it[i]]++
		} }
		END { print "severity\tcount"; for (k in c) print k "\t" c[k] | "sort" }' all.tsv)" "" \
	    rcount -s key severity all.tsv
}

@test "rcount: a header repeated mid-stream is not counted, with one warning" {
	cat in.tsv in.tsv in.tsv > three.tsv
	run2 rcount severity - < three.tsv
	assert_equal "$output" "$(printf 'severity\tcount\nMAJ\t9\nGEN\t6\nMIN\t6')"
	assert_equal "$stderr" "rcount: -:8: the header again; skipped here and wherever it repeats"
	assert_equal "$status" 0
}

# Another scheme's header mid-stream was a data row: argu's justification
# column was counted as pra's aspect (JUS 1, justification 1), status 0.
@test "rcount: a header of other columns mid-stream (inputs run together) stops the count" {
	printf '%s\n' $'review\tsentence\tclarity\tjustification\tdepth\tfairness\tconstructiveness\tengagement\taccuracy\tconsistency\tnovelty\tethics\ttext' \
	    $'P1\t1\tCLA-POS\tJUS-NEG\tDEP-NEG\tFAI-POS\tCON-POS\tENG-NEG\tACC-POS\tCST-POS\tNOV-NEG\tETH-NEU\tFine.' > argu.tsv
	expect 1 "" "rcount: -:8: a header other than that of -:1, of inputs run together; give each input as a file of its own" \
	    bash -c 'cat in.tsv argu.tsv | rcount aspect'
	expect 1 "" "rcount: -:3: a header other than that of -:1, of inputs run together; give each input as a file of its own" \
	    bash -c 'cat argu.tsv in.tsv | rcount novelty'
}

@test "rcount: corpus: -t parts merged by -p -t -w count equal one run" {
	need_corpus
	rsplit -q "$CORPUS"/pra4/* > all.tsv
	n=$(($(wc -l < all.tsv) / 2))
	head -n "$n" all.tsv > h1.tsv
	{ head -n 1 all.tsv; tail -n +"$((n + 1))" all.tsv; } > h2.tsv
	for f in aspect -k\ section,aspect function,severity review; do
		# shellcheck disable=SC2086
		rcount -t $f h1.tsv > c1.tsv
		# shellcheck disable=SC2086
		rcount -t $f h2.tsv > c2.tsv
		# shellcheck disable=SC2086
		expect 0 "$(rcount -p -t $f all.tsv)" "" rcount -p -t -w count $f c1.tsv c2.tsv
	done
}

@test "rcount: the hash's seed, new in every run, changes no byte: keys, ids and order never come from where a key sits (issue 21)" {
	# 3000 keys in an order no sort gives, each counted twice or once.
	awk 'BEGIN { printf "review\tsentence\tsection\taspect\tfunction\tseverity\ttext\n"
		for (i = 0; i < 3000; i++) {
			k = (i * 7919) % 3000
			printf "R%d\t1\t\t\t\t\tk%d\n", k % 17, k
			if (k % 3 == 0)
				printf "R%d\t2\t\t\t\t\tk%d\n", k % 17, k
		} }' > "$BATS_TEST_TMPDIR/keys.tsv"
	want=$(printf 'text\tcount\n'
	    awk 'BEGIN { for (k = 0; k < 3000; k += 3) printf "k%d\t2\n", k
		for (k = 0; k < 3000; k++) if (k % 3) printf "k%d\t1\n", k }' |
	    LC_ALL=C sort -t "$(printf '\t')" -k2,2nr -k1,1)
	expect 0 "$want" "" rcount text "$BATS_TEST_TMPDIR/keys.tsv"
	expect 0 "$want" "" rcount text "$BATS_TEST_TMPDIR/keys.tsv"
	first=$(rcount -d text review "$BATS_TEST_TMPDIR/keys.tsv")
	for i in 1 2 3; do
		expect 0 "$first" "" rcount -d text review "$BATS_TEST_TMPDIR/keys.tsv"
	done
}

@test "rcount -w: counts written with -k and merged without it are refused, not summed by code (a row of EMP-NEG,EMP-POS counts once for EMP)" {
	printf 'aspect\nEMP-NEG,EMP-POS\nEMP-NEG\n' > k.tsv
	rcount -k aspect k.tsv > kc.tsv
	expect 1 "" "rcount: kc.tsv:2: aspect 'EMP-NEG' is no key of this count (counts written with -k merge with -k)" \
	    rcount -w count aspect kc.tsv
	rcount -k -p -b -t aspect k.tsv > kt.tsv
	expect 1 "" "rcount: kt.tsv:2: aspect 'EMP-NEG' is no key of this count (counts written with -k merge with -k)" \
	    rcount -t -w count aspect kt.tsv
	expect 0 "$(rcount -k aspect k.tsv)" "" rcount -k -w count aspect kc.tsv
	# Review TSV with a weight column of its own is no output of rcount:
	# its lists count per item as ever.
	printf 'aspect\tcount\ttext\nEMP-NEG,EMP-POS\t2\tx\n' > w.tsv
	expect 0 "aspect	count
EMP	2" "" rcount -w count aspect w.tsv
}
