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
	assert_equal "$output" $'section\tcount\n-NEG\t1\nMET-NEG\t1\nMET-POS\t1\nRES-NEU\t1'
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
	run2 rcount v e.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'v\tcount\n\t2\na\t1'
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
	run2 rcount -s key a,b k.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'a\tb\tcount\nx\ta\t1\nx\tz\t1\nx\001\ta\t2'
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
	run2 rcount --bar k many.tsv
	assert_equal "$status" 0
	assert_equal "${lines[2]}" $'b\t1\t\342\226\217'
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
	run2 rcount -t -p aspect nolist.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'aspect\tcount\tpercent\ntotal\t0\t0.0'
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
	run2 rcount --weight 2 -t aspect p1.tsv
	assert_equal "$output" $'aspect\tcount\nEMP\t5\nCLA\t2\ntotal\t7'
}

@test "rcount: -w weighs the rows counted of -p and -t" {
	printf '%s\n' $'aspect\tcount' $'EMP\t5' $'CLA\t2' $'NOV\t0' > p1.tsv
	run2 rcount -p -t -w count aspect p1.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" $'aspect\tcount\tpercent\nEMP\t5\t71.4\nCLA\t2\t28.6\nNOV\t0\t0.0\ntotal\t7\t100.0'
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
		run2 rcount -p -t -w count $f c1.tsv c2.tsv
		assert_equal "$status" 0
		assert_equal "$stderr" ""
		# shellcheck disable=SC2086
		assert_equal "$output" "$(rcount -p -t $f in.tsv)"
	done
	rcount -t aspect h1.tsv > c1.tsv
	rcount -t aspect h2.tsv > c2.tsv
	run2 rcount -t -w count aspect c1.tsv c2.tsv
	assert_equal "$output" $'aspect\tcount\nEMP\t2\nCLA\t1\nCMP\t1\nCNT\t1\nNOV\t1\ntotal\t5'
	# Merged parts merge again, totals and all.
	rcount -t -w count aspect c1.tsv c2.tsv > m.tsv
	run2 rcount -p -t -w count aspect m.tsv c1.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'aspect\tcount\tpercent
EMP\t4\t50.0
CLA\t2\t25.0
NOV\t2\t25.0
CMP\t1\t12.5
CNT\t1\t12.5
total\t8\t100.0'
}

@test "rcount: a key named total is a key; only an input's last row is its total" {
	printf '%s\n' k total total a > t.tsv
	run2 rcount -t k t.tsv
	assert_equal "$output" $'k\tcount\ntotal\t2\na\t1\ntotal\t3'
	rcount -t k t.tsv > c.tsv
	run2 rcount -p -t -w count k c.tsv c.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" $'k\tcount\tpercent\ntotal\t4\t66.7\na\t2\t33.3\ntotal\t6\t100.0'
	# From standard input too, and with -s key, where total sorts last.
	rcount -t -s key k t.tsv > s.tsv
	run2 rcount -t -s key -w count k - < s.tsv
	assert_equal "$output" $'k\tcount\na\t1\ntotal\t2\ntotal\t3'
	# Without -p or -t nothing needs a total: the row is a key like any.
	run2 rcount -w count k c.tsv
	assert_equal "$output" $'k\tcount\ntotal\t5\na\t1'
	# A total row followed by a row of its input is a key.
	printf '%s\n' $'k\tcount' $'total\t4' $'a\t1' > notlast.tsv
	run2 rcount -t -w count k notlast.tsv
	assert_equal "$output" $'k\tcount\ntotal\t4\na\t1\ntotal\t5'
}

@test "rcount: a total row of two fields has the others empty" {
	printf '%s\n' $'a\tb\tcount' $'x\ty\t2' $'total\ty\t1' $'total\t\t3' > t2.tsv
	run2 rcount -t -w count a,b t2.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'a\tb\tcount\nx\ty\t2\ntotal\ty\t1\ntotal\t\t3'
	printf '%s\n' $'a\tb\tcount' $'x\ty\t2' $'total\t\t3' $'total\ty\t1' > t3.tsv
	run2 rcount -t -w count a,b t3.tsv
	assert_equal "$output" $'a\tb\tcount\ntotal\t\t3\nx\ty\t2\ntotal\ty\t1\ntotal\t\t6'
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
	run2 rcount -w n k big.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'k\tcount\na\t18446744073709551615'
	printf '%s\n' $'k\tn' $'a\t18446744073709551615' $'a\t1' > over.tsv
	run2 rcount -w n k over.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: over.tsv:3: count overflows"
	printf '%s\n' $'k\tn' $'a\t18446744073709551616' > huge.tsv
	run2 rcount -w n k huge.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "rcount: huge.tsv:2: weight '18446744073709551616' is too large"
}

@test "rcount: a total that overflows is an error" {
	printf '%s\n' $'k\tn' $'a\t18446744073709551615' $'b\t1' > over.tsv
	run2 rcount -t -w n k over.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: total count overflows"
	run2 rcount -p -w n k over.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "rcount: total count overflows"
}

@test "rcount: -x: a line total that overflows is an error" {
	printf '%s\n' $'k\tv\tn' $'a\tx\t18446744073709551615' $'a\ty\t1' > over.tsv
	run2 rcount -x -w n k,v over.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: total count overflows"
	printf '%s\n' $'k\tv\tn' $'a\tx\t18446744073709551615' $'b\ty\t1' > over2.tsv
	run2 rcount -x -w n k,v over2.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'k\tx\ty\na\t18446744073709551615\t0\nb\t0\t1'
	run2 rcount -x -t -w n k,v over2.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "rcount: total count overflows"
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
	run2 rcount -w n k neg.tsv
	assert_equal "$stderr" "rcount: neg.tsv:2: weight '-2' is not a non-negative integer"
	printf '%s\n' $'k\tn' $'a\t' > none.tsv
	run2 rcount -w n k none.tsv
	assert_equal "$stderr" "rcount: none.tsv:2: weight '' is not a non-negative integer"
}

@test "rcount: a bad weight is quoted short" {
	{ printf 'k\tn\na\t1'; head -c 10000000 /dev/zero | tr '\0' x; echo; } > long.tsv
	run2 rcount -w n k long.tsv
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: long.tsv:2: weight '1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... (10000001 bytes) is not a non-negative integer"
	{ printf 'k\tn\na\t'; head -c 100 /dev/zero | tr '\0' 9; printf '\001\n'; } > big.tsv
	run2 rcount -w n k big.tsv
	assert_equal "$stderr" "rcount: big.tsv:2: weight '999999999999999999999999999999999999999999999999'... (101 bytes) is too large"
	printf 'k\tn\na\t1\033x\n' > ctl.tsv
	run2 rcount -w n k ctl.tsv
	assert_equal "$stderr" "rcount: ctl.tsv:2: weight '1\\x1bx' is not a non-negative integer"
}

@test "rcount: a row past 100000 combinations is an error at FILE:LINE" {
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
	assert_equal "$stderr" "rcount: wide.tsv:3: the row's values make more than 100000 combinations, the most one row may add"
	# Twelve fields of three items: 531441, found before any is added.
	run2 rcount aspect,aspect,aspect,aspect,aspect,aspect,aspect,aspect,aspect,aspect,aspect,aspect - <<-EOF
	k	section	aspect
	r	X	A,B,C
	EOF
	assert_equal "$status" 1
	assert_equal "$stderr" "rcount: -:2: the row's values make more than 100000 combinations, the most one row may add"
	# -d values count in the product: 317 reviews' worth of pairs.
	printf '%s\n' $'k\tsection\taspect' "r1"$'\t'"$(seq -f 'S%g' 400 | paste -sd, -)"$'\t'"$(seq -f 'A%g' 300 | paste -sd, -)" > pairs.tsv
	run2 rcount -d aspect section pairs.tsv
	assert_equal "$status" 1
	assert_equal "$stderr" "rcount: pairs.tsv:2: the row's values make more than 100000 combinations, the most one row may add"
}

@test "rcount: a key field named count: the count column is count2" {
	run2 bash -c 'rcount review in.tsv | rcount -s key count'
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" $'count\tcount2\n3\t2'
	printf '%s\n' $'count\tcount2\tx' $'1\t1\tx' > c.tsv
	run2 rcount -p -b count,count2 c.tsv
	assert_equal "$output" $'count\tcount2\tcount3\tpercent\tbar\n1\t1\t1\t100.0\t'"$(printf '\342\226\210%.0s' $(seq 40))"
	# The counts of counts merge by their count2.
	printf '%s\n' n 1 2 2 10 > n.tsv
	rcount n n.tsv | rcount count > p.tsv
	run2 rcount -w count2 count p.tsv p.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'count\tcount2\n1\t4\n2\t2'
}

@test "rcount: -s key orders numbers by value, like sort -V" {
	printf '%s\n' n 2 10 1 11 02 a10 a9 b 1.10 1.9 '' > v.tsv
	run2 rcount -s key n v.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'n\tcount\n\t1\n1\t1\n1.9\t1\n1.10\t1\n02\t1\n2\t1\n10\t1\n11\t1\na9\t1\na10\t1\nb\t1'
	assert_equal "$(sort -V v.tsv | grep -v '^n$' | sed 's/$/\t1/')" "$(tail -n +2 <<< "$output")"
	printf '%s\n' $'a\tb' $'x10\t2' $'x9\t10' $'x9\t9' $'x\t1' > k2.tsv
	run2 rcount -s key a,b k2.tsv
	assert_equal "$output" $'a\tb\tcount\nx\t1\t1\nx9\t9\t1\nx9\t10\t1\nx10\t2\t1'
	run2 rcount -x -s key a,b k2.tsv
	assert_equal "$output" $'a\t1\t2\t9\t10\nx\t1\t0\t0\t0\nx9\t0\t0\t1\t1\nx10\t0\t1\t0\t0'
}

@test "rcount: -N reads rows without a header and writes none" {
	tail -n +2 in.tsv > nohdr.tsv
	run2 rcount -N severity nohdr.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'MAJ\t3\nGEN\t2\nMIN\t2'
	run2 rcount --no-header -x -s key 1,6 nohdr.tsv
	assert_equal "$output" $'review\tGEN\tMAJ\tMIN\nR1\t0\t2\t1\nR2\t2\t1\t1'
}

@test "rcount: several inputs and standard input" {
	run2 rcount review in.tsv - < in.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'review\tcount\nR1\t6\nR2\t6'
	run2 rcount review < in.tsv
	assert_equal "$output" $'review\tcount\nR1\t3\nR2\t3'
}

@test "rcount: an empty input gives the header only" {
	: > empty.tsv
	run2 rcount -t aspect empty.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'aspect\tcount\ntotal\t0'
}

@test "rcount: CRLF and a last line without LF are read" {
	printf 'k\tv\r\n1\ta\r\n2\tb\r\n3\ta' > crlf.tsv
	run2 rcount v crlf.tsv
	assert_equal "$status" 0
	assert_equal "$output" $'v\tcount\na\t2\nb\t1'
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
	run2 rcount -d reviews aspect in.tsv
	assert_equal "$status" 2
	assert_equal "${stderr%%$'\n'*}" "rcount: unknown field 'reviews'; did you mean 'review'?"
}

@test "rcount: a field name where a file should be hints at FIELDS" {
	run2 rcount aspect severity in.tsv
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "rcount: 'severity' is a field, not a file; to count by several fields write 'aspect,severity'"
}

@test "rcount: usage errors" {
	run2 rcount
	assert_equal "$status" 2
	assert_equal "$stderr" "rcount: no FIELDS given
usage: rcount [-bkNptx] [-d F] [-s count|key] [-w F] [--scheme S] FIELDS
              [FILE...]"
	run2 rcount -z aspect in.tsv
	assert_equal "$status" 2
	assert_equal "$stderr" "rcount: invalid option -- 'z'
usage: rcount [-bkNptx] [-d F] [-s count|key] [-w F] [--scheme S] FIELDS
              [FILE...]"
	run2 rcount aspect, in.tsv
	assert_equal "$status" 2
	assert_equal "$stderr" "rcount: empty field name in FIELDS 'aspect,'"
	run2 rcount -s size aspect in.tsv
	assert_equal "$status" 2
	assert_equal "$stderr" "rcount: -s takes count or key, not 'size'"
}

@test "rcount: options that do not combine are usage errors" {
	run2 rcount -x aspect in.tsv
	assert_equal "$status" 2
	assert_equal "$stderr" "rcount: -x needs two fields, not 1"
	run2 rcount -x -b aspect,severity in.tsv
	assert_equal "$status" 2
	assert_equal "$stderr" "rcount: -x cannot be combined with -b"
	run2 rcount -d review -w sentence aspect in.tsv
	assert_equal "$status" 2
	assert_equal "$stderr" "rcount: -d and -w cannot be combined"
}

@test "rcount: a write error is reported" {
	run2 bash -c 'rcount aspect in.tsv > /dev/full'
	assert_equal "$status" 1
	assert_equal "$stderr" "rcount: write error: No space left on device"
}

@test "rcount: a closed pipe ends it quietly" {
	run2 bash -c 'seq 300000 | rcount -N 1 | head -n 1; echo "${PIPESTATUS[1]}"'
	assert_equal "$stderr" ""
	assert_equal "$output" $'1\t1\n141'
}

@test "rcount: --version and --help" {
	run2 rcount --version
	assert_equal "$status" 0
	assert_equal "$output" "rcount (reviewkit) 0.1.0"
	run2 rcount -V
	assert_equal "$output" "rcount (reviewkit) 0.1.0"
	run2 rcount --help
	assert_equal "$status" 0
	assert_equal "${lines[0]}" "usage: rcount [-bkNptx] [-d F] [-s count|key] [-w F] [--scheme S] FIELDS"
	run2 rcount -h
	assert_equal "$status" 0
	assert_equal "$stderr" ""
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
		run2 rcount -w count $f c1.tsv c2.tsv
		assert_equal "$status" 0
		# shellcheck disable=SC2086
		assert_equal "$output" "$(rcount $f all.tsv)"
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
	run2 rcount -s key severity all.tsv
	assert_equal "$output" "$(awk -F'\t' 'NR > 1 { delete seen
		n = split($6, it, ",")
		for (i = 1; i <= n; i++) {
			sub(/-.*/, "", it[i])
			if (it[i] != "" && !seen[it[i]]++) c[it[i]]++
		} }
		END { print "severity\tcount"; for (k in c) print k "\t" c[k] | "sort" }' all.tsv)"
}

@test "rcount: a header repeated mid-stream is not counted, with one warning" {
	cat in.tsv in.tsv in.tsv > three.tsv
	run2 rcount severity - < three.tsv
	assert_equal "$output" "$(printf 'severity\tcount\nMAJ\t9\nGEN\t6\nMIN\t6')"
	assert_equal "$stderr" "rcount: -:8: the header again; skipped here and wherever it repeats"
	assert_equal "$status" 0
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
		run2 rcount -p -t -w count $f c1.tsv c2.tsv
		assert_equal "$status" 0
		# shellcheck disable=SC2086
		assert_equal "$output" "$(rcount -p -t $f all.tsv)"
	done
}

# Prints the lines README.md shows after "    $ COMMAND", unindented.
readme_output() {
	awk -v cmd="    \$ $1" '
		$0 == cmd { on = 1; next }
		on && /^    / { sub(/^    /, ""); print; next }
		on { exit }' "$BATS_TEST_DIRNAME/../README.md"
}

# Runs a README command where corpus/ and examples/ are what it names.
readme_run() {
	ln -sfn "$CORPUS" corpus
	ln -sfn "$EXAMPLES" examples
	bash -o pipefail -c "$1"
}

@test "rcount: corpus: the README's rcount tables and figures" {
	need_corpus
	for cmd in \
	    'rsplit -q corpus/pra4/* | rfilter severity=MAJ function=CRT | rcount -p -b aspect | head -8' \
	    'rsplit -q corpus/pra4/* | rcount -d review aspect | head -5' \
	    'rsplit -q examples/*.txt | rcount -x -t function,severity' \
	    'rsplit -q examples/*.txt | rtags -l aspect | rfilter polarity=NEG | rcount -x -t review,tag'; do
		want=$(readme_output "$cmd")
		[ -n "$want" ]
		assert_equal "$(readme_run "$cmd")" "$want"
	done
	# "-t adds their number, 2213"; two in three, six times CMP.
	run2 readme_run 'rsplit -q corpus/pra4/* | rfilter severity=MAJ function=CRT | rcount -t aspect'
	assert_equal "${lines[1]}" $'EMP\t1495'
	assert_equal "${lines[2]}" $'CMP\t241'
	assert_equal "${lines[${#lines[@]} - 1]}" $'total\t2213'
	grep -q '(`-t` adds their number, 2213)' "$BATS_TEST_DIRNAME/../README.md"
	# Appreciation 2466 of 2602, summary 2860 of 3115, question 1388 of 1816.
	run2 readme_run 'rsplit -q corpus/pra4/* | rcount -x -t function,severity | awk -F"\t" -v OFS="\t" '\''
		NR == 1 { for (i = 2; i <= NF; i++) col[$i] = i; next }
		$1 == "APC" { print $1, $col["MAJ"], $col["total"] }
		$1 == "SMY" { print $1, $col["GEN"], $col["total"] }
		$1 == "QSN" { print $1, $col["MIN"], $col["total"] }'\'' | sort'
	assert_equal "$output" $'APC\t2466\t2602\nQSN\t1388\t1816\nSMY\t2860\t3115'
	for fig in '(2466 of 2602)' '(2860 of 3115)' '(1388 of 1816)'; do
		grep -qF "$fig" "$BATS_TEST_DIRNAME/../README.md"
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
