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

@test "rcount: -p adds the share of the total, one decimal" {
	counts_to -p severity $'severity\tcount\tpercent
MAJ\t3\t42.9
GEN\t2\t28.6
MIN\t2\t28.6'
}

@test "rcount: -t adds a total row" {
	counts_to -t severity $'severity\tcount\nMAJ\t3\nGEN\t2\nMIN\t2\ntotal\t7'
	counts_to --total --percent aspect,severity $'aspect\tseverity\tcount\tpercent
CLA\tMIN\t1\t14.3
CMP\tMIN\t1\t14.3
CNT\tGEN\t1\t14.3
CNT\tMAJ\t1\t14.3
EMP\tMAJ\t1\t14.3
EMP\tMIN\t1\t14.3
NOV\tMAJ\t1\t14.3
total\t\t7\t100.0'
}

@test "rcount: -b adds bars scaled to the largest count" {
	full=$(printf '\342\226\210%.0s' $(seq 40))
	part=$(printf '\342\226\210%.0s' $(seq 26))$'\342\226\213'
	counts_to -b -t severity "severity	count	bar
MAJ	3	$full
GEN	2	$part
MIN	2	$part
total	7	"
}

@test "rcount: -b shows at least an eighth for any count" {
	{ echo k; yes a | head -n 1000; echo b; } > many.tsv
	run2 rcount --bar k many.tsv
	assert_equal "$status" 0
	assert_equal "${lines[2]}" $'b\t1\t\342\226\217'
}

@test "rcount: -x cross-tabulates two fields" {
	counts_to -x aspect,severity $'aspect\tMAJ\tMIN\tGEN
CNT\t1\t0\t1
EMP\t1\t1\t0
CLA\t0\t1\t0
CMP\t0\t1\t0
NOV\t1\t0\t0'
}

@test "rcount: -x -t adds a total row and column" {
	counts_to --crosstab -t aspect,severity $'aspect\tMAJ\tMIN\tGEN\ttotal
CNT\t1\t0\t1\t2
EMP\t1\t1\t0\t2
CLA\t0\t1\t0\t1
CMP\t0\t1\t0\t1
NOV\t1\t0\t0\t1
total\t3\t3\t1\t7'
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
	run2 rcount -x -p aspect,severity in.tsv
	assert_equal "$status" 2
	assert_equal "$stderr" "rcount: -x cannot be combined with -p or -b"
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
