# Shared set-up of the BATS suites: the tools under test come from
# $RK_BIN (tools/run-tests sets it; bin/ by default), in the C locale.

bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

export LC_ALL=C
RK_BIN=${RK_BIN:-$BATS_TEST_DIRNAME/../bin}
PATH=$RK_BIN:$PATH
CORPUS=${RK_CORPUS:-$BATS_TEST_DIRNAME/../../shared/corpus}
EXAMPLES=$BATS_TEST_DIRNAME/../examples

# Runs a command with stdout and stderr captured apart: $output is stdout,
# $stderr is stderr (bats 1.5+ --separate-stderr).
run2() {
	run --separate-stderr "$@"
}

# Writes a fixture file from printf arguments; prints nothing.
fixture() {
	local path=$BATS_TEST_TMPDIR/$1
	shift
	# shellcheck disable=SC2059
	printf "$@" > "$path"
}

need_corpus() {
	[ -d "$CORPUS/pra4" ] || skip "no corpus at $CORPUS"
}
