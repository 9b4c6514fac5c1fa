#!/usr/bin/env bats
# Robustness (issue 5): full disks, closed pipes, unreadable and binary
# inputs, huge sentences, bad options, bounded memory, and the inputs the
# fuzzers found.  The helpers (to_full, run_head1, assert_usage_error,
# big_review) take any tool, so rfilter, rcount and rtags slot in.

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
	HDR=$(printf 'review\tsentence\tsection\taspect\tfunction\tseverity\ttext')
	RSPLIT_USAGE='usage: rsplit [-aNqr] [--strict] [--id NAME] [FILE...]'
	FFFD=$(printf '\357\277\275')
	fixture good_annotated.txt '"Weak baseline.[[EXP-NEG], [EMP-NEG], [CRT], [MAJ]]"'
	fixture other.txt 'Clear paper.[[OAL-POS], [CLA-POS], [APC], [GEN]]\n'
}

# Writes PATH: a JSON review of COUNT letters a, then TAIL.
a_review() {
	{ printf '"'; head -c "$2" /dev/zero | tr '\0' a; printf '%s' "$3"; } > "$1"
}

# --- output errors

@test "robustness: rsplit to a full disk is a write error" {
	run2 to_full rsplit good_annotated.txt
	assert_equal "$status" 1
	assert_equal "$output" ""
	assert_equal "$stderr" "rsplit: write error: No space left on device"
}

@test "robustness: rsplit --help and --version to a full disk are write errors" {
	run2 to_full rsplit --help
	assert_equal "$status" 1
	assert_equal "$stderr" "rsplit: write error: No space left on device"
	run2 to_full rsplit --version
	assert_equal "$status" 1
	assert_equal "$stderr" "rsplit: write error: No space left on device"
}

@test "robustness: rsplit into a closed pipe ends quietly, by SIGPIPE" {
	# About 10 MB of rows: far more than the pipe and the output buffer
	# hold, so rsplit is still writing when head has gone.
	big_review big.txt 100000 'A point.[[MET-NEG], [EMP-NEG], [CRT], [MAJ]] Another point.[[RES-POS], [EMP-POS], [APC], [MIN]]'
	run_head1 rsplit big.txt
	assert_equal "$output" "$HDR"
	assert_equal "$cmd_stderr" ""
	assert_equal "$cmd_status" 141
}

# --- unreadable inputs

@test "robustness: rsplit reports a missing file and a directory, and goes on" {
	mkdir adir
	run2 rsplit -a good_annotated.txt missing.txt adir other.txt
	assert_equal "$status" 1
	assert_equal "$output" "$HDR
good	1	EXP-NEG	EMP-NEG	CRT	MAJ	Weak baseline.
other	1	OAL-POS	CLA-POS	APC	GEN	Clear paper."
	assert_equal "$stderr" "rsplit: missing.txt: No such file or directory
rsplit: adir: Is a directory"
}

@test "robustness: rsplit reports an unreadable standard input" {
	mkdir adir
	run2 rsplit --id in < adir
	assert_equal "$status" 1
	assert_equal "$output" "$HDR"
	assert_equal "$stderr" "rsplit: -: Is a directory"
}

# --- binary and broken text

@test "robustness: rsplit on the 256 byte values: one U+FFFD warning, no annotations" {
	printf "$(printf '\\%03o' $(seq 0 255))" > bytes.bin
	run2 rsplit bytes.bin
	assert_equal "$status" 0
	assert_equal "$output" "$HDR"
	assert_equal "$stderr" "rsplit: bytes.bin:1:1: NUL byte replaced by U+FFFD
rsplit: bytes.bin: no annotations"
}

@test "robustness: rsplit -r -a keeps every byte value, bad ones as U+FFFD" {
	printf "$(printf '\\%03o' $(seq 0 255))" > bytes.bin
	# NUL and each of the 128 bytes >= 0x80 (no two form UTF-8) become
	# U+FFFD; the ASCII between stays, TAB LF CR and \ escaped.
	want=$FFFD$(printf "$(printf '\\%03o' $(seq 1 8))")'\t\n'$(printf '\013\014')'\r'
	want=$want$(printf "$(printf '\\%03o' $(seq 14 91))")'\\'
	want=$want$(printf "$(printf '\\%03o' $(seq 93 127))")
	for _ in $(seq 128 255); do want=$want$FFFD; done
	run2 rsplit -q -r -a bytes.bin
	assert_equal "$status" 0
	assert_equal "$output" "$HDR
bytes	1					$want"
}

@test "robustness: rsplit: NUL and invalid UTF-8 in a JSON review, one warning per file" {
	fixture a.txt '"Bad\000 byte \377 here.[[MET-NEG], [EMP-NEG], [CRT], [MAJ]] Then \303( and \355\240\200 too.[[RES-POS], [EMP-POS], [APC], [MIN]]"'
	fixture b.txt '"Fine \\u00e9.[[INT-NEU], [null], [SMY], [GEN]]\n\nMixed \302.[[PDI-POS], [NOV-POS], [APC], [MAJ]]"'
	run2 rsplit a.txt b.txt
	assert_equal "$status" 0
	assert_equal "$output" "$HDR
a	1	MET-NEG	EMP-NEG	CRT	MAJ	Bad$FFFD byte $FFFD here.
a	2	RES-POS	EMP-POS	APC	MIN	Then $FFFD( and $FFFD$FFFD$FFFD too.
b	1	INT-NEU		SMY	GEN	Fine $(printf '\303\251').
b	2	PDI-POS	NOV-POS	APC	MAJ	Mixed $FFFD."
	assert_equal "$stderr" "rsplit: a.txt:1:5: NUL byte replaced by U+FFFD
rsplit: b.txt:3:7: invalid UTF-8 replaced by U+FFFD"
}

# --- size

@test "robustness: rsplit handles a 50 MB sentence" {
	a_review long.txt 50000000 '.[[MET-NEG], [EMP-NEG], [CRT], [MAJ]]"'
	run2 bash -c 'rsplit long.txt | awk -F"\t" "{ print NR, \$1, \$3, length(\$7) }"'
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "1 review section 4
2 long MET-NEG 50000001"
}

# SPEC 2.1: rsplit's memory is bounded by the longest sentence, not by the
# input: 300 MB of short sentences must run in a small, fixed space.  The
# same test for the TSV tools (rfilter, rtags: bounded by the longest
# line) belongs with them: 300 MB of rsplit's output piped through
# "rfilter -q ...", asserting max RSS < 64 MB the same way.
@test "robustness: rsplit reads 300 MB in under 64 MB of memory" {
	big_review huge.txt 2222222 'The method is sound.[[MET-POS], [EMP-POS], [APC], [MAJ]]\n\nResults are weak, see Table 2.[[RES-NEG,TNF-NEU], [EMP-NEG], [CRT], [MIN]] '
	[ "$(stat -c %s huge.txt)" -gt 300000000 ]
	run2 bash -c '/usr/bin/time -o rss -f %M rsplit -q huge.txt | wc -l'
	rm huge.txt
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" 4444445
	[ "$(cat rss)" -lt 65536 ] || fail "max RSS $(cat rss) KB"
}

# --- options

@test "robustness: rsplit: bad options are usage errors" {
	assert_usage_error "rsplit: unrecognized option '--bogus'" \
	    "$RSPLIT_USAGE" rsplit --bogus good_annotated.txt
	assert_usage_error "rsplit: option '--id' requires an argument" \
	    "$RSPLIT_USAGE" rsplit --id
	assert_usage_error "rsplit: option '--strict' doesn't allow an argument" \
	    "$RSPLIT_USAGE" rsplit --strict=yes
	assert_usage_error "rsplit: invalid option -- 'x'" \
	    "$RSPLIT_USAGE" rsplit -ax
}

# --- found by the fuzzers (fuzz/), kept as regression tests

@test "robustness: rsplit -a on an empty file (fuzz: NULL + 0 under UBSan)" {
	: > empty.txt
	run2 rsplit -a empty.txt
	assert_equal "$status" 0
	assert_equal "$output" "$HDR
empty	1					"
	assert_equal "$stderr" "rsplit: empty.txt: no annotations"
}

@test "robustness: rsplit: a marker cut by the end of a read (fuzz: \"[[I\" was text)" {
	# The first read is 128 KiB (lib/input.c): it ends after "[[I".
	a_review cut.txt 131068 '[[INT-NEU], [null], [SMY], [GEN]]"'
	run2 bash -c 'rsplit cut.txt | awk -F"\t" "{ print \$2, \$3, \$4, \$5, \$6, length(\$7) }"'
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "sentence section aspect function severity 4
1 INT-NEU  SMY GEN 131068"
}

@test "robustness: rfilter: stacked repetitions are too big a regex (fuzz: 3 GB in regcomp)" {
	# glibc copies E's tree for each E+, so each '+' doubled it, and a
	# range's optional copies cost their square; the limit makes the old
	# code fail fast, with "Memory exhausted".
	printf '%s\n' "$HDR" > in.tsv
	run2 bash -c 'ulimit -v 1000000; rfilter "text~a++++++++++++++++++++++++++++++" in.tsv'
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "rfilter: bad expression at column 6: Regular expression too big
  text~a++++++++++++++++++++++++++++++
       ^"
	for re in '((a{1000}){1000}){1000}' 'a{1,10000}' '(a|b|c){1,1000}'; do
		run2 bash -c 'ulimit -v 1000000; rfilter "text~$1" in.tsv' _ "$re"
		assert_equal "$status" 2
		assert_equal "${stderr%%$'\n'*}" "rfilter: bad expression at column 6: Regular expression too big"
	done
}

@test "robustness: rfilter: 30000 nested groups are too big a regex, not a stack overflow" {
	printf '%s\n' "$HDR" > in.tsv
	re=$(printf '(%.0s' $(seq 30000))a$(printf ')%.0s' $(seq 30000))
	run2 rfilter "text~$re" in.tsv
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "${stderr%%$'\n'*}" "rfilter: bad expression at column 6: Regular expression too big"
}

@test "robustness: rfilter: large but flat regexes still work" {
	printf '%s\n' "$HDR" $'R\t1\t\t\t\t\taaa' > in.tsv
	run2 rfilter 'text~^a{1,1000}$' 'text~b{32767}|a' 'text~^((a|b)+)+$' 'text~(a{100}){100}|a' in.tsv
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "$HDR
R	1					aaa"
}

@test "robustness: rtags --scheme: a CR inside a line is an error (fuzz: --list lost it)" {
	printf 'layer\tcode\tname\tdescription\r\nsection\tMET\tM\tx\r\r\n' > s.tsv
	printf '%s\n' "$HDR" > in.tsv
	run2 rtags --list --scheme s.tsv
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "rtags: s.tsv:2: CR byte"
	printf 'layer\tcode\tname\tdescription\r\nsection\tM\rT\tM\tx\r\n' > s.tsv
	run2 rtags --scheme s.tsv in.tsv
	assert_equal "$status" 2
	assert_equal "$stderr" "rtags: s.tsv:2: CR byte"
}

@test "robustness: rfilter: a glob sees past a NUL byte in a field" {
	printf 'k\tv\n1\ta\0b\n2\tab\n3\ta\0c\n' > nul.tsv
	run2 bash -c 'rfilter "v=*b" nul.tsv | cmp - <(printf "k\tv\n1\ta\0b\n2\tab\n")'
	assert_equal "$status" 0
	run2 bash -c 'rfilter "v=a?b" nul.tsv | cmp - <(printf "k\tv\n1\ta\0b\n")'
	assert_equal "$status" 0
	run2 bash -c 'rfilter "v!=a[!b]?" nul.tsv | cmp - <(printf "k\tv\n2\tab\n")'
	assert_equal "$status" 0
}
