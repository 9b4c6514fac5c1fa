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
	# The counts follow the pages: stdout is matched below, not spelt out.
	expect 0 @any "" "$CHECK" "$RK_BIN" README.md bench/README.md man/*.[1-9]
	assert_regex "${lines[-1]}" '^check-docs: [0-9]+ agree, 0 differ, [0-9]+ skipped [(]no corpus[)]$'
	assert_equal "${#lines[@]}" 1
}

@test "docs: corpus: no README command is skipped when the corpus is there" {
	need_corpus
	cd "$ROOT"
	expect 0 @any "" "$CHECK" "$RK_BIN" README.md bench/README.md
	assert_regex "$output" '^check-docs: [0-9]+ agree, 0 differ, 0 skipped'
}

@test "docs: the checker reads commands, continuations, hidden and fenced blocks, and excerpts of a saved run; a difference is a diff, or the first line that is not in the run; no corpus skips the rest of a block and what reads its files" {
	cd "$FIX"
	RK_CORPUS=$BATS_TEST_TMPDIR/none expect 1 "fixture.md:12: \$ echo wrong
--- shown
+++ printed
@@ -1 +1 @@
-right
+wrong
fixture.md:56: line 57 is not in results.txt as shown: figure 9.99
fixture.md:60: cannot read missing.txt: No such file or directory
fixture.md:63: no lines after the mark
check-docs: 6 agree, 4 differ, 5 skipped (no corpus)" "" \
	    "$CHECK" "$RK_BIN" fixture.md fixture.1
}

@test "docs: with the corpus, a block's commands after one that names it run" {
	need_corpus
	cd "$FIX"
	expect 1 "fixture.md:12: \$ echo wrong
--- shown
+++ printed
@@ -1 +1 @@
-right
+wrong
fixture.md:56: line 57 is not in results.txt as shown: figure 9.99
fixture.md:60: cannot read missing.txt: No such file or directory
fixture.md:63: no lines after the mark
check-docs: 10 agree, 4 differ, 0 skipped (no corpus)" "" \
	    "$CHECK" "$RK_BIN" fixture.md
}

@test "docs: -v names each command that agrees" {
	cd "$FIX"
	RK_CORPUS=$BATS_TEST_TMPDIR/none expect 0 "fixture.1:7: agrees
check-docs: 1 agree, 0 differ, 0 skipped (no corpus)" "" \
	    "$CHECK" -v "$RK_BIN" fixture.1
}

@test "docs: the checker without files is a usage error" {
	expect 2 "" "usage: check-docs [-v] BIN FILE..." "$CHECK" "$RK_BIN"
}
