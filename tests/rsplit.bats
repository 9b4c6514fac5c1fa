#!/usr/bin/env bats
# rsplit: annotated reviews in, review TSV out.

setup() {
	load helper
	HDR=$(printf 'review\tsentence\tsection\taspect\tfunction\tseverity\ttext')
}

@test "rsplit: a JSON review gives one row per marker" {
	fixture R1_annotated.txt '"Weak results.[[RES-NEG,EXP-NEG], [EMP-NEG], [CRT], [MAJ]] Nice idea.[[PDI-POS], [NOV-POS], [APC], [MAJ]]"'
	run2 rsplit "$BATS_TEST_TMPDIR/R1_annotated.txt"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$output" "$HDR
R1	1	RES-NEG,EXP-NEG	EMP-NEG	CRT	MAJ	Weak results.
R1	2	PDI-POS	NOV-POS	APC	MAJ	Nice idea."
}

@test "rsplit: --version and --help" {
	run2 rsplit --version
	assert_equal "$status" 0
	assert_equal "$output" "rsplit (reviewkit) 0.1.0"
	run2 rsplit -h
	assert_equal "$status" 0
	assert_equal "${lines[0]}" "usage: rsplit [-aNqr] [--strict] [--id NAME] [FILE...]"
}

@test "rsplit: a bad option is a usage error" {
	run2 rsplit -z
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "rsplit: invalid option -- 'z'
usage: rsplit [-aNqr] [--strict] [--id NAME] [FILE...]"
}
