#!/usr/bin/env bats
# tools/check-fresh-debian -n: the checks of its folder and tarball, which
# guard what it runs as root (issue 21, finding 3), without debootstrap.

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
	CFD=$BATS_TEST_DIRNAME/../tools/check-fresh-debian
	T=$(pwd -P)
}

@test "fresh: a missing DIR would be made, mode 700; one made so is safe" {
	expect 0 "check-fresh-debian: would make $T/c (mode 700), then $T/c/bookworm-minbase.tar" "" \
	    "$CFD" -n c
	[ ! -e c ]
	mkdir -m 700 c
	expect 0 "check-fresh-debian: $T/c is safe; would make $T/c/bookworm-minbase.tar" "" \
	    "$CFD" -n "$T/c/"
}

@test "fresh: a DIR that is a link, writable by others, or not the caller's is refused" {
	mkdir -m 700 c
	ln -s c l
	expect 1 "" "check-fresh-debian: $T/l is a symbolic link; DIR must be the caller's alone" \
	    "$CFD" -n l
	mkdir -m 777 w
	expect 1 "" "check-fresh-debian: $T/w is writable by others (mode 777); DIR must be the caller's alone" \
	    "$CFD" -n w
	mkdir -m 720 g
	expect 1 "" "check-fresh-debian: $T/g is writable by others (mode 720); DIR must be the caller's alone" \
	    "$CFD" -n g
	[ "$(id -u)" = 0 ] || skip "chown needs root"
	mkdir -m 700 o
	chown 65534 o
	expect 1 "" "check-fresh-debian: $T/o is owned by uid 65534, not by uid 0; DIR must be the caller's alone" \
	    "$CFD" -n o
}

@test "fresh: a folder above DIR must be the caller's or root's, writable by no one else unless sticky" {
	mkdir -m 777 w
	expect 1 "" "check-fresh-debian: $T/w is writable by others (mode 777), above DIR; DIR must be the caller's alone" \
	    "$CFD" -n w/c
	mkdir -m 1777 s
	expect 0 "check-fresh-debian: would make $T/s/c (mode 700), then $T/s/c/bookworm-minbase.tar" "" \
	    "$CFD" -n s/c
	mkdir -m 700 s/c
	expect 0 "check-fresh-debian: $T/s/c is safe; would make $T/s/c/bookworm-minbase.tar" "" \
	    "$CFD" -n s/c
	expect 1 "" "check-fresh-debian: nope: no such folder" "$CFD" -n nope/c
	expect 1 "" "check-fresh-debian: DIR must name a folder of its own, not /" "$CFD" -n /
	expect 1 "" "check-fresh-debian: DIR must name a folder of its own, not s/.." \
	    "$CFD" -n s/..
	[ "$(id -u)" = 0 ] || skip "chown needs root"
	# Planted first in a sticky folder: someone else's, so refused.
	mkdir -m 700 s/p
	chown 65534 s/p
	expect 1 "" "check-fresh-debian: $T/s/p is owned by uid 65534, not by uid 0; DIR must be the caller's alone" \
	    "$CFD" -n s/p
	mkdir -m 755 s/q
	chown 65534 s/q
	expect 1 "" "check-fresh-debian: $T/s/q is owned by uid 65534, not by uid 0, above DIR; DIR must be the caller's alone" \
	    "$CFD" -n s/q/c
}

@test "fresh: the tarball is used only when it matches the checksum recorded when it was made" {
	mkdir -m 700 c
	printf 'pristine root\n' > c/bookworm-minbase.tar
	expect 0 "check-fresh-debian: $T/c is safe; would make $T/c/bookworm-minbase.tar" \
	    "check-fresh-debian: $T/c/bookworm-minbase.tar has no recorded checksum; making it again" \
	    "$CFD" -n c
	(cd c && sha256sum bookworm-minbase.tar > bookworm-minbase.tar.sha256)
	expect 0 "check-fresh-debian: $T/c is safe; would unpack $T/c/bookworm-minbase.tar ($(cut -c1-16 c/bookworm-minbase.tar.sha256))" "" \
	    "$CFD" -n c
	printf 'planted root\n' > c/bookworm-minbase.tar
	expect 1 "" "bookworm-minbase.tar: FAILED
sha256sum: WARNING: 1 computed checksum did NOT match
check-fresh-debian: $T/c/bookworm-minbase.tar does not match $T/c/bookworm-minbase.tar.sha256; remove both or use -r" \
	    "$CFD" -n c
	expect 0 "check-fresh-debian: $T/c is safe; would make $T/c/bookworm-minbase.tar" "" \
	    "$CFD" -n -r c
}
