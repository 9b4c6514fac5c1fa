#!/usr/bin/env bats
# tools/install-deps (issue 21, finding 4): it says what it will run and
# asks before changing the system, unless -y or RK_YES=1; dpkg
# --configure -a and apt-get -f only when needed; a noexec TMPDIR is
# named.  apt-get, dpkg, id and a broken jq are stand-ins here that only
# write down how they were called.

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
	DEPS=$BATS_TEST_DIRNAME/../tools/install-deps
	mkdir fake
	LOG=$PWD/calls
	: > "$LOG"
	export LOG FAKE=$PWD/fake
	# jq is "missing" until apt-get installs it.
	printf '#!/bin/sh\nexit 1\n' > fake/jq
	cat > fake/apt-get <<-'EOS'
	#!/bin/sh
	echo "apt-get $*" >> "$LOG"
	case " $* " in
	*" -s "*) cat "$FAKE/fix" 2>/dev/null ;;
	*" --reinstall "*) rm -f "$FAKE/jq" ;;
	esac
	EOS
	cat > fake/dpkg <<-'EOS'
	#!/bin/sh
	case $1 in
	--audit) cat "$FAKE/audit" 2>/dev/null ;;
	*) echo "dpkg $*" >> "$LOG" ;;
	esac
	EOS
	printf '#!/bin/sh\necho 0\n' > fake/id
	chmod +x fake/*
	PATH=$FAKE:$PATH
	export RK_NEED_TEST=1
	# dpkg's database: an empty one of the test's, so that an apt-get
	# running on this machine meanwhile is no "interrupted dpkg" here.
	mkdir -p dpkgdb/updates
	export DPKG_ADMINDIR=$PWD/dpkgdb
	unset RK_YES
	PLAN="reviewkit needs: jq
reviewkit: to install it, as root:
    apt-get update -q
    apt-get install -y -q --no-install-recommends --reinstall jq"
}

@test "deps: with all there it is silent and asks nothing" {
	rm fake/jq
	expect 0 "" "" "$DEPS"
	assert_equal "$(cat "$LOG")" ""
}

@test "deps: without -y and without a terminal it prints the plan and changes nothing" {
	expect 1 "" "$PLAN
reviewkit: no terminal to ask on; run it with -y (tools/install-deps -y, sh tools/setup -y, RK_YES=1 make), or the commands above yourself" \
	    "$DEPS" < /dev/null
	assert_equal "$(cat "$LOG")" "apt-get -s -q -f install"
}

@test "deps: -y, or RK_YES=1, runs the plan unasked" {
	expect 0 "" "$PLAN" "$DEPS" -y < /dev/null
	assert_equal "$(cat "$LOG")" "apt-get -s -q -f install
apt-get update -q
apt-get install -y -q --no-install-recommends --reinstall jq"
	printf '#!/bin/sh\nexit 1\n' > fake/jq
	chmod +x fake/jq
	: > "$LOG"
	RK_YES=1 expect 0 "" "$PLAN" "$DEPS" < /dev/null
	assert_equal "$(sed -n 3p "$LOG")" "apt-get install -y -q --no-install-recommends --reinstall jq"
	expect 2 "" "usage: tools/install-deps [-y]" "$DEPS" -x
}

@test "deps: apt-get -f only for unmet dependencies, naming what it would remove; dpkg --configure -a only after an interrupted dpkg" {
	printf 'Remv libmd-dev [1.0.4-2]\nInst libmd-dev (1.0.4-2 Debian:12)\nConf libbsd-dev (0.11.7-2 Debian:12)\n' > fake/fix
	expect 0 "" "reviewkit needs: jq
reviewkit: to install it, as root:
    apt-get update -q
    apt-get install -y -q --no-install-recommends -f
    apt-get install -y -q --no-install-recommends --reinstall jq
apt-get -f may remove packages: libmd-dev" "$DEPS" -y
	assert_equal "$(cat "$LOG")" "apt-get -s -q -f install
apt-get update -q
apt-get install -y -q --no-install-recommends -f
apt-get install -y -q --no-install-recommends --reinstall jq"
	printf '#!/bin/sh\nexit 1\n' > fake/jq
	chmod +x fake/jq
	: > "$LOG"
	echo 'The following packages are only half configured' > fake/audit
	expect 0 "" "reviewkit needs: jq
reviewkit: to install it, as root:
    dpkg --configure -a
    apt-get update -q
    apt-get install -y -q --no-install-recommends -f
    apt-get install -y -q --no-install-recommends --reinstall jq
apt-get -f may remove packages: (unknown until dpkg has finished)" "$DEPS" -y
	assert_equal "$(cat "$LOG")" "dpkg --configure -a
apt-get update -q
apt-get install -y -q --no-install-recommends -f
apt-get install -y -q --no-install-recommends --reinstall jq"
	# A journal that an interrupted dpkg left in its database, too.
	printf '#!/bin/sh\nexit 1\n' > fake/jq
	chmod +x fake/jq
	: > "$LOG"
	: > fake/audit
	: > dpkgdb/updates/0001
	expect 0 "" "reviewkit needs: jq
reviewkit: to install it, as root:
    dpkg --configure -a
    apt-get update -q
    apt-get install -y -q --no-install-recommends -f
    apt-get install -y -q --no-install-recommends --reinstall jq
apt-get -f may remove packages: (unknown until dpkg has finished)" "$DEPS" -y
	assert_equal "$(head -n 1 "$LOG")" "dpkg --configure -a"
}

@test "deps: on a terminal it asks: no answer or n changes nothing, y installs" {
	command -v script > /dev/null || skip "no script(1) to give it a terminal"
	run script -qec "$DEPS" /dev/null < /dev/null
	assert_equal "$status" 1
	assert_equal "$(cat "$LOG")" "apt-get -s -q -f install"
	: > "$LOG"
	run script -qec "$DEPS" /dev/null <<< n
	assert_equal "$status" 1
	assert_equal "$(tr -d '\r' <<< "$output" | tail -n 1)" "reviewkit: go on? [y/N] reviewkit: nothing installed"
	assert_equal "$(cat "$LOG")" "apt-get -s -q -f install"
	: > "$LOG"
	run script -qec "$DEPS" /dev/null <<< y
	assert_equal "$status" 0
	assert_equal "$(cat "$LOG")" "apt-get -s -q -f install
apt-get update -q
apt-get install -y -q --no-install-recommends --reinstall jq"
}

@test "deps: a TMPDIR where programs cannot run is named, not taken for a missing compiler" {
	[ "$(id -u)" = 0 ] || skip "mounting needs root"
	mkdir nx
	unshare -m true 2> /dev/null || skip "no mount namespace"
	# The stand-ins stay first on PATH: nothing here may reach apt-get.
	rm fake/jq
	expect 1 "" "reviewkit: $PWD/nx: it is mounted noexec; the build checks and the tests run programs in TMPDIR: set it to a folder where they can, as TMPDIR=/var/tmp" \
	    unshare -m sh -c 'mount -t tmpfs -o noexec tmpfs nx &&
	    TMPDIR=$PWD/nx "$0"' "$DEPS"
	assert_equal "$(cat "$LOG")" ""
}
