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

# Runs a command with its standard output on /dev/full (a full disk).
to_full() {
	"$@" > /dev/full
}

# Runs "COMMAND... | head -n 1" in a pipe that head closes early: $output
# is what head printed, $cmd_stderr and $cmd_status are the command's
# (its stderr goes to a file, so nothing of head's mixes in).
run_head1() {
	local err=$BATS_TEST_TMPDIR/head1.stderr
	output=$("$@" 2> "$err" | head -n 1; echo "${PIPESTATUS[0]}" > "$err.status")
	cmd_status=$(cat "$err.status")
	cmd_stderr=$(cat "$err")
}

# Asserts that COMMAND... is a usage error: status 2, nothing on stdout,
# and exactly the lines MESSAGE and USAGE on stderr.
assert_usage_error() {
	local message=$1 usage=$2
	shift 2
	run2 "$@"
	assert_equal "$status" 2
	assert_equal "$output" ""
	assert_equal "$stderr" "$message
$usage"
}

# Writes PATH: a JSON-string review of COUNT copies of the line TEXT, made
# in one pass by yes(1), so that hundreds of megabytes take a second.
big_review() {
	local path=$1 count=$2 text=$3
	{ printf '"'; yes -- "$text" | head -n "$count"; printf '"'; } > "$path"
}

# row FIELD...: the fields joined by TABs.
row() {
	local IFS=$'\t'
	printf '%s' "$*"
}

# split_is INPUT ROWS [STDERR] [OPTION...]: rsplit -N OPTION... r.txt, where
# r.txt holds INPUT, writes exactly ROWS and STDERR and exits 0.
split_is() {
	local input=$1 rows=$2 err=${3-}
	shift 3 2>/dev/null || shift $#
	printf '%s' "$input" > r.txt
	run2 rsplit -N "$@" r.txt
	assert_equal "$output" "$rows"
	assert_equal "$stderr" "$err"
	assert_equal "$status" 0
}
