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
	expect 2 "" "$message
$usage" "$@"
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
	expect 0 "$rows" "$err" rsplit -N "$@" r.txt
}

# expect STATUS STDOUT STDERR COMMAND...: runs COMMAND with its standard
# output and error apart and asserts all three at once; on a mismatch it
# prints each stream that differs as a unified diff (expected, then
# actual).  A test that does not care about a stream says so by giving
# the word @any in its place.  $output, $stderr and $status stay set.
expect() {
	local want_status=$1 want_out=$2 want_err=$3 bad=0
	shift 3
	run --separate-stderr "$@"
	if [ "$want_status" != @any ] && [ "$status" != "$want_status" ]; then
		printf 'status: expected %s, got %s\n' "$want_status" "$status"
		bad=1
	fi
	_expect_stream stdout "$want_out" "$output" || bad=1
	_expect_stream stderr "$want_err" "$stderr" || bad=1
	return "$bad"
}

# _expect_stream NAME WANT GOT: silent when WANT is @any or equals GOT,
# else a diff of the two under a heading, and status 1.
_expect_stream() {
	[ "$2" = @any ] && return 0
	[ "$2" = "$3" ] && return 0
	printf -- '-- %s differs (- expected, + actual) --\n' "$1"
	diff -u --label expected --label actual <(printf '%s\n' "$2") \
	    <(printf '%s\n' "$3") | tail -n +3
	return 1
}
