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
	{ printf '"'; head -c 131068 /dev/zero | tr '\0' a
	  printf '[[INT-NEU], [null], [SMY], [GEN]]"'; } > cut.txt
	run2 bash -c 'rsplit cut.txt | awk -F"\t" "{ print \$2, \$3, \$4, \$5, \$6, length(\$7) }"'
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "sentence section aspect function severity 4
1 INT-NEU  SMY GEN 131068"
}
