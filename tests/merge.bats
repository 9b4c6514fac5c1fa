#!/usr/bin/env bats
# rcount's merge property (SPEC 7, issue 23): review TSV cut into k parts
# of consecutive rows (k = 2, 3, 7; a review may straddle two), each part
# counted, the parts' outputs merged: for every mode the merge gives the
# one run's output byte for byte, or refuses with an error.  On a fixture
# of odd rows that always runs, and on the corpus (rsplit -q of pra4).

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
}

# One mode a line, " | " between: its name, the one run's options, each
# part's, the merge's, and what the merge gives: "same", the one run's
# bytes, or the refusal: its status and message, after any "FILE:LINE: ".
# Options that start with -N read the rows without their header.
MODES='plain | aspect | aspect | -w count aspect | same
-k | -k aspect | -k aspect | -k -w count aspect | same
-t | -t aspect | -t aspect | -t -w count aspect | same
-p, parts -t | -p aspect | -t aspect | -p -w count aspect | same
-p, parts -p | -p aspect | -p aspect | -p -w count aspect | 1 the input ends without a total row: counts by item do not add up to the rows counted, which -p and -t need; write the parts with rcount -t
-p -t | -p -t aspect | -p -t aspect | -p -t -w count aspect | same
-b | -b aspect | -b aspect | -b -w count aspect | same
-k parts, merged without -k | aspect | -k aspect | -w count aspect | 1 aspect
-k -t parts, merged -t without -k | -t section,aspect | -k -t section,aspect | -t -w count section,aspect | 1 section
-b -p -t -k | -b -p -t -k section | -b -p -t -k section | -b -p -t -k -w count section | same
-s key -t | -s key -t function | -t function | -s key -t -w count function | same
fields | aspect,severity | aspect,severity | -w count aspect,severity | same
fields -k -p -t | -k -p -t section,aspect | -k -t section,aspect | -k -p -t -w count section,aspect | same
fields -p, parts plain | -p aspect,severity | aspect,severity | -p -w count aspect,severity | 1 the input ends without a total row: counts by item do not add up to the rows counted, which -p and -t need; write the parts with rcount -t
no label field -p -t | -p -t review | review | -p -t -w count review | same
-N -p -t | -N -p -t 6 | -N -t 6 | -N -p -t -w 2 1 | same
-d, from pairs | -d review aspect | review,aspect | -d review aspect | same
-d -k -p -t, from pairs | -k -p -t -d review aspect | -k review,aspect | -k -p -t -d review aspect | same
-d, by weights | -d review aspect | -d review aspect | -d review -w count aspect | 2 -d and -w cannot be combined
-x, from pairs | -x function,severity | function,severity | -x -w count function,severity | 2 -x -w cannot merge counts of pairs of label fields unless by -s key without -t and -p: a row counts once in the total of its line or column though it adds to several of its cells; merge tables written by rcount -x -t, with -w total
-x -s key, from pairs | -x -s key function,severity | function,severity | -x -s key -w count function,severity | same
-x | -x function,severity | -x -t function,severity | -x -w total function,severity | same
-x -t | -x -t function,severity | -x -t function,severity | -x -t -w total function,severity | same
-x -p | -x -p function,severity | -x -t function,severity | -x -p -w total function,severity | same
-x -t -p | -x -t -p function,severity | -x -t function,severity | -x -t -p -w total function,severity | same
-x -t -p, from pairs | -x -t -p function,severity | -t function,severity | -x -t -p -w count function,severity | 2 -x -w cannot merge counts of pairs of label fields unless by -s key without -t and -p: a row counts once in the total of its line or column though it adds to several of its cells; merge tables written by rcount -x -t, with -w total
-x -t -p, from -p tables | -x -t -p function,severity | -x -t -p function,severity | -x -t -p -w total function,severity | 1 cell
-x -k -t -p | -x -k -t -p section,aspect | -x -k -t section,aspect | -x -k -t -p -w total section,aspect | same
-x -k tables, merged without -k | -x -t aspect,severity | -x -k -t aspect,severity | -x -t -w total aspect,severity | 1 line
-x -s key -t -p | -x -s key -t -p aspect,function | -x -t aspect,function | -x -s key -t -p -w total aspect,function | same
-x -N tables | -x -t -p function,severity | -N -x -t 5,6 | -x -t -p -w total function,severity | same
-x -t -p, one label field, from pairs | -x -t -p severity,review | -t severity,review | -x -t -p -w count severity,review | 2 -x -w cannot merge counts of pairs of label fields unless by -s key without -t and -p: a row counts once in the total of its line or column though it adds to several of its cells; merge tables written by rcount -x -t, with -w total
-x -t -p, no label field | -x -t -p review,sentence | -t review,sentence | -x -t -p -w count review,sentence | same
-x -d -t -p, from triples | -x -t -p -d review function,severity | review,function,severity | -x -t -p -d review function,severity | same'

# cut_parts FILE K: part1.tsv .. partK.tsv, K runs of FILE's consecutive
# rows, each after FILE's header; rows1.tsv .. rowsK.tsv without it.
cut_parts() {
	local file=$1 k=$2 i
	rm -f part*.tsv rows*.tsv
	awk -F'\t' -v k="$k" 'NR == 1 { h = $0; next }
		{ row[++n] = $0 }
		END { for (i = 1; i <= k; i++) {
			f = "part" i ".tsv"; g = "rows" i ".tsv"
			print h > f; printf "" > g
			for (j = int((i - 1) * n / k) + 1; j <= int(i * n / k); j++) {
				print row[j] > f; print row[j] > g
			} } }' "$file"
	tail -n +2 "$file" > all-rows.tsv
}

# merge_modes FILE K: for each mode, FILE counted once and in K parts
# merged; prints a line per mode, "NAME<TAB>K<TAB>RESULT", RESULT being
# "matches", "refused (STATUS): MESSAGE" or "WRONG: ...".
merge_modes() {
	local file=$1 k=$2 name one part merge want i in pre parts st msg
	cut_parts "$file" "$k"
	while IFS='|' read -r name one part merge want; do
		name=$(echo $name) one=$(echo $one) part=$(echo $part)
		merge=$(echo $merge) want=$(echo $want)
		in=$file pre=part
		[[ $one == -N* ]] && in=all-rows.tsv
		[[ $part == -N* ]] && pre=rows
		# shellcheck disable=SC2086
		rcount $one "$in" > one.out 2> one.err || {
			printf '%s\t%s\tWRONG: the one run failed: %s\n' "$name" "$k" "$(cat one.err)"
			continue; }
		parts=()
		for ((i = 1; i <= k; i++)); do
			# shellcheck disable=SC2086
			rcount $part "$pre$i.tsv" > "c$i.out"
			parts+=("c$i.out")
		done
		st=0
		# shellcheck disable=SC2086
		rcount $merge "${parts[@]}" > merged.out 2> merged.err || st=$?
		msg=$(sed -E 's/^rcount: (c[0-9]+\.out:[0-9]+: )?//' merged.err)
		if [ "$want" = same ]; then
			if [ "$st" = 0 ] && [ ! -s merged.err ] && cmp -s one.out merged.out; then
				printf '%s\t%s\tmatches\n' "$name" "$k"
			else
				printf '%s\t%s\tWRONG: status %s, %s\n' "$name" "$k" "$st" \
				    "$(diff one.out merged.out | head -n 3 | tr '\n' ' ')$(cat merged.err)"
			fi
		elif [ "$st" = "${want%% *}" ] && [ ! -s merged.out ] &&
		    [[ $msg == "${want#* }"* ]] && [ "$(wc -l < merged.err)" = 1 ]; then
			printf '%s\t%s\trefused (%s): %s\n' "$name" "$k" "$st" "$msg"
		else
			printf '%s\t%s\tWRONG: status %s, %s, wanted %s\n' "$name" "$k" \
			    "$st" "$(cat merged.err)" "$want"
		fi
	done <<< "$MODES"
}

# merge_property FILE: merge_modes for k = 2, 3, 7; fails on any WRONG.
merge_property() {
	local k
	for k in 2 3 7; do
		merge_modes "$1" "$k"
	done > table.tsv
	if grep -q WRONG table.tsv; then
		grep WRONG table.tsv
		return 1
	fi
	assert_equal "$(wc -l < table.tsv)" "$((3 * $(wc -l <<< "$MODES")))"
}

# Rows that test the edges: several items, repeated codes, empty lists
# and items without a code, a review in several parts.
odd_rows() {
	printf 'review\tsentence\tsection\taspect\tfunction\tseverity\ttext\n'
	printf '%s\t%s\t%s\t%s\t%s\t%s\tx\n' \
	    R1 1 MET-NEG EMP-NEG CRT MAJ \
	    R1 2 MET-NEG,RES-POS EMP-NEG,CLA-NEU CRT,SUG MAJ,MIN \
	    R1 3 '' '' SMY GEN \
	    R1 4 INT-NEU -NEU,EMP-POS QSN MIN \
	    R2 1 RES-NEG,RES-POS CMP-NEG,CMP-NEG CRT MAJ \
	    R2 2 CNT CNT DIS GEN,MAJ \
	    R2 3 EXP-NEU NOV-POS APC MAJ \
	    R2 4 EXP-NEU ,, SUG MIN \
	    R3 1 DAT-NEG EMP-NEG,EMP-NEU DFT MAJ,MAJ \
	    R3 2 MET-POS NOV-POS,IMP-POS APC,FBK MAJ \
	    R3 3 OAL-NEU REC-NEU FBK GEN \
	    R4 1 MET-NEG CLA-NEG QSN MIN \
	    R4 2 MET-NEG,EXP-NEG CLA-NEG,PNF-NEG CRT,SUG MIN,MAJ \
	    R4 3 TNF-NEU PNF-NEU SUG MIN \
	    R4 4 '' '' '' '' \
	    R5 1 ABS-POS CLA-POS APC GEN \
	    R5 2 RES-NEG EMP-NEG,SUB-NEG CRT,DFT MAJ \
	    R5 3 RES-NEG EMP-NEG CRT MAJ \
	    R5 4 BIB-NEU,-POS '' SUG MIN \
	    R5 5 EXP-NEU EMP-NEU QSN,DIS MIN,GEN
}

@test "merge: odd rows in 2, 3 and 7 parts: every mode merges to one run's bytes, or is refused" {
	odd_rows > odd.tsv
	merge_property odd.tsv
}

@test "merge: corpus in 2, 3 and 7 parts: every mode merges to one run's bytes, or is refused" {
	need_corpus
	rsplit -q "$CORPUS"/pra4/* > all.tsv
	merge_property all.tsv
}

@test "merge: the odd rows' parts do differ from one run where a merge is refused" {
	# The refusals guard real differences: summed, the parts' counts by
	# item give more rows counted than the one run, and the cross-tab's
	# totals more than its rows.
	odd_rows > odd.tsv
	cut_parts odd.tsv 3
	for i in 1 2 3; do rcount aspect "part$i.tsv"; done | grep -v '^aspect' |
	    awk -F'\t' '{ n += $2 } END { print n }' > sum
	assert_equal "$(cat sum)" 20
	expect 0 $'total\t16' "" bash -c 'rcount -t aspect odd.tsv | tail -n 1'
	# The lines' totals add up to 24; the rows counted are 19.
	expect 0 $'function\tMAJ\tMIN\tGEN\ttotal
CRT\t6\t2\t0\t6
SUG\t2\t5\t0\t5
APC\t2\t0\t1\t3
QSN\t0\t3\t1\t3
DFT\t2\t0\t0\t2
DIS\t1\t1\t2\t2
FBK\t1\t0\t1\t2
SMY\t0\t0\t1\t1
total\t10\t8\t5\t19' "" rcount -x -t function,severity odd.tsv
}
