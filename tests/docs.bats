#!/usr/bin/env bats
# tools/check-docs: every command README.md and the man pages show, run,
# and its output compared with the page's.

setup() {
	load helper
	CHECK=$BATS_TEST_DIRNAME/../tools/check-docs
	ROOT=$BATS_TEST_DIRNAME/..
	FIX=$BATS_TEST_DIRNAME/docs
}

@test "docs: README.md, bench/README.md and every man page print what they show" {
	cd "$ROOT"
	run2 "$CHECK" "$RK_BIN" README.md bench/README.md man/*.[1-9]
	assert_equal "$stderr" ""
	assert_equal "$status" 0
	assert_regex "${lines[-1]}" '^check-docs: [0-9]+ agree, 0 differ, [0-9]+ skipped [(]no corpus[)]$'
	assert_equal "${#lines[@]}" 1
}

@test "docs: corpus: no README command is skipped when the corpus is there" {
	need_corpus
	cd "$ROOT"
	run2 "$CHECK" "$RK_BIN" README.md bench/README.md
	assert_equal "$status" 0
	assert_regex "$output" '^check-docs: [0-9]+ agree, 0 differ, 0 skipped'
}

@test "docs: the checker reads commands, continuations, hidden and fenced blocks, and excerpts of a saved run; a difference is a diff, or the first line that is not in the run; no corpus skips the rest of a block and what reads its files" {
	cd "$FIX"
	RK_CORPUS=$BATS_TEST_TMPDIR/none run2 "$CHECK" "$RK_BIN" fixture.md fixture.1
	assert_equal "$output" "fixture.md:12: \$ echo wrong
--- shown
+++ printed
@@ -1 +1 @@
-right
+wrong
fixture.md:56: line 57 is not in results.txt as shown: figure 9.99
fixture.md:60: cannot read missing.txt: No such file or directory
fixture.md:63: no lines after the mark
check-docs: 6 agree, 4 differ, 5 skipped (no corpus)"
	assert_equal "$stderr" ""
	assert_equal "$status" 1
}

@test "docs: with the corpus, a block's commands after one that names it run" {
	need_corpus
	cd "$FIX"
	run2 "$CHECK" "$RK_BIN" fixture.md
	assert_equal "$output" "fixture.md:12: \$ echo wrong
--- shown
+++ printed
@@ -1 +1 @@
-right
+wrong
fixture.md:56: line 57 is not in results.txt as shown: figure 9.99
fixture.md:60: cannot read missing.txt: No such file or directory
fixture.md:63: no lines after the mark
check-docs: 10 agree, 4 differ, 0 skipped (no corpus)"
	assert_equal "$status" 1
}

@test "docs: -v names each command that agrees" {
	cd "$FIX"
	RK_CORPUS=$BATS_TEST_TMPDIR/none run2 "$CHECK" -v "$RK_BIN" fixture.1
	assert_equal "$output" "fixture.1:7: agrees
check-docs: 1 agree, 0 differ, 0 skipped (no corpus)"
	assert_equal "$status" 0
}

@test "docs: the checker without files is a usage error" {
	run2 "$CHECK" "$RK_BIN"
	assert_equal "$output" ""
	assert_equal "$stderr" "usage: check-docs [-v] BIN FILE..."
	assert_equal "$status" 2
}
