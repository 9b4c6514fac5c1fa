# reviewkit: rsplit, rfilter, rcount, rtags, ragree.
#
# On a fresh Debian machine, which may lack make itself, start with
#   sh tools/setup demo    install what is missing, build, run the pipeline on examples/
#   sh tools/setup check   install what is missing, build, run every test
# (tools/setup installs make and the build tools, then runs the target).
# Then, or where make is there already:
#   make              build the tools into bin/
#   make demo         install what is missing, build, run the pipeline on examples/
#   make check        install what is missing, build, run every test
#   make check-asan   the tests against an AddressSanitizer + UBSan build
#   make check-valgrind  the tools under valgrind: no memory error, no leak
#   make check-portable  the parsers' tests against a build without SSE2
#                     or AVX2 (-DTSV_PORTABLE), the loops other machines run
#   make check-scaling   instruction counts on hostile inputs at N and 8N:
#                        fails on growth worse than about N log N
#   make coverage     the tests against a gcov build: line coverage per file
#   make bench        the tools against awk, datamash, mlr, cat, Python, DuckDB
#                     and Polars (SPEC 5), with instruction counts (bench/profile)
#   make fuzz         build the libFuzzer targets (fuzz/) into build-fuzz/
#   make fuzz-run     run each for FUZZ_SECONDS; fails on any finding
#                     (FUZZ_LARGE=1: inputs up to 1 MB, a short timeout)
#   make help         this list
#   make install      tools into PREFIX/bin, man pages into PREFIX/share/man,
#                     bash completion into PREFIX/share/bash-completion
#                     (PREFIX=/usr/local), under DESTDIR when set
# Each target that needs packages installs the missing ones through
# tools/install-deps (apt-get, as root or with sudo), after saying what it
# will run and asking; RK_YES=1 installs unasked (make check RK_YES=1).

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
COMPDIR	?= $(PREFIX)/share/bash-completion/completions

CC	?= cc
CFLAGS	?= -O2 -g
# -ffp-contract=off: no fused multiply-add, whatever the compiler's
# default, so that ragree's figures (its --ci interpolation above all)
# are the same bytes on every machine and at every -O.
RK_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes \
	    -Wmissing-prototypes -Wformat=2 -ffp-contract=off -Ilib \
	    $(shell pkg-config --cflags libbsd-overlay 2>/dev/null)
RK_LIBS	= $(shell pkg-config --libs libbsd-overlay 2>/dev/null)

BUILD	?= build
BIN	?= bin
TOOLS	= $(sort $(basename $(notdir $(wildcard cmd/*.c))))
LIBSRC	= $(sort $(wildcard lib/*.c lib/*/*.c))
LIBHDR	= $(wildcard lib/*.h lib/*/*.h)
LIBOBJ	= $(LIBSRC:lib/%.c=$(BUILD)/lib/%.o)
LIBA	= $(BUILD)/libreviewkit.a
PROGS	= $(TOOLS:%=$(BIN)/%)
MAN	= $(sort $(wildcard man/*.[1-9]))
FUZZERS	= $(patsubst fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60

all: $(PROGS)

$(BUILD)/lib/%.o: lib/%.c $(LIBHDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(RK_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/cmd/%.o: cmd/%.c $(LIBHDR) | $(BUILD)/cmd
	$(CC) $(CPPFLAGS) $(RK_CFLAGS) $(CFLAGS) -c -o $@ $<

$(LIBA): $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(BIN)/%: $(BUILD)/cmd/%.o $(LIBA) | $(BIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBA) $(RK_LIBS)

# A libFuzzer target: one fuzz/*.c linked with the library (see fuzz:).
$(BUILD)/fuzz/%: fuzz/%.c $(LIBHDR) $(LIBA) | $(BUILD)/fuzz
	$(CC) $(CPPFLAGS) $(RK_CFLAGS) $(CFLAGS) -fsanitize=fuzzer -o $@ $< \
	    $(LIBA) $(RK_LIBS)

$(BUILD)/cmd $(BUILD)/fuzz $(BIN):
	mkdir -p $@

deps:
	@tools/install-deps

demo: deps
	@$(MAKE) --no-print-directory all
	@tools/demo

check:
	@RK_NEED_TEST=1 tools/install-deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory lint-man
	@tools/run-tests $(BIN)

check-asan:
	@RK_NEED_TEST=1 RK_NEED_CLANG=1 tools/install-deps
	@$(MAKE) --no-print-directory all BUILD=build-asan BIN=build-asan/bin \
	    CC=clang CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
	@ASAN_OPTIONS=detect_leaks=1 tools/run-tests build-asan/bin

# The scanners have a portable loop beside each SSE2 and AVX2 one; x86-64
# never runs it unless built so.  The tests of the tools that scan.
PORTABLE_TESTS = tests/rsplit.bats tests/lines.bats tests/fit.bats \
	tests/argu.bats tests/robustness.bats tests/rfilter.bats \
	tests/rcount.bats tests/scheme.bats
check-portable:
	@RK_NEED_TEST=1 tools/install-deps
	@$(MAKE) --no-print-directory all BUILD=build-portable \
	    BIN=build-portable/bin CPPFLAGS="$(CPPFLAGS) -DTSV_PORTABLE"
	@tools/run-tests build-portable/bin $(PORTABLE_TESTS)

# Every tool over the fixtures and examples under valgrind (memcheck):
# any memory error or definite/indirect leak fails.
check-valgrind:
	@RK_NEED_VALGRIND=1 tools/install-deps
	@$(MAKE) --no-print-directory all
	@tools/check-valgrind $(BIN)

# tools/check-scaling: each tool on hostile families of inputs at sizes N
# and 8N under callgrind (instructions, not seconds); a ratio worse than
# about N log N fails.  About two minutes.
check-scaling:
	@RK_NEED_VALGRIND=1 tools/install-deps
	@$(MAKE) --no-print-directory all
	@tools/check-scaling -b $(BIN)

# The suite against a build with gcc --coverage in build-cov/, then line
# coverage per file of lib/ and cmd/ and their totals (tools/coverage).
coverage:
	@tools/install-deps
	@rm -rf build-cov
	@$(MAKE) --no-print-directory -s all BUILD=build-cov BIN=build-cov/bin \
	    CC=gcc CFLAGS="-O0 -g --coverage" LDFLAGS=--coverage
	@tools/run-tests build-cov/bin > build-cov/tests.log || \
	    { tail -n 1 build-cov/tests.log; exit 1; }
	@tail -n 1 build-cov/tests.log
	@tools/coverage build-cov

# bench/run builds its inputs into bench/data/ and prints a table of
# medians; BENCH_RUNS runs of each command (a few minutes in all).
BENCH_RUNS ?= 5
bench:
	@RK_NEED_BENCH=1 tools/install-deps
	@$(MAKE) --no-print-directory all
	@bench/run $(BENCH_RUNS)

# The library built for libFuzzer with ASan and UBSan into build-fuzz/,
# with a tiny input buffer (INPUT_CHUNK) so that parsers meet its edges.
fuzz:
	@RK_NEED_CLANG=1 tools/install-deps
	@$(MAKE) --no-print-directory fuzzers BUILD=build-fuzz CC=clang \
	    CPPFLAGS=-DINPUT_CHUNK=8 \
	    CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"

fuzzers: $(FUZZERS)

# Each fuzz target for FUZZ_SECONDS from a scratch corpus in build-fuzz/
# (FUZZ_WORK=DIR elsewhere); FUZZ_LARGE=1 for inputs up to 1 MB with a
# short timeout, where a quadratic path shows (tools/fuzz-run).
fuzz-run: fuzz all
	@tools/fuzz-run build-fuzz $(FUZZ_SECONDS)

# The targets, from the comment at the top of this file.
help:
	@sed -n '/^# Then, or where/,/^# Each target/{/^# [A-Z]/d;s/^# \{1,3\}//p;}' Makefile

lint-man:
	@if [ -n "$(MAN)" ]; then mandoc -Tlint -W warning $(MAN) && echo "mandoc -Tlint: $(words $(MAN)) pages clean"; fi

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	install -m 755 $(PROGS) $(DESTDIR)$(BINDIR)
	for m in $(MAN); do \
	    s=$${m##*.}; install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s; done
	install -d $(DESTDIR)$(COMPDIR)
	install -m 644 completion/reviewkit.bash $(DESTDIR)$(COMPDIR)/rsplit
	for t in $(filter-out rsplit,$(TOOLS)); do \
	    ln -sf rsplit $(DESTDIR)$(COMPDIR)/$$t; done

clean:
	rm -rf build build-asan build-cov build-fuzz build-portable bin

.PHONY: all bench deps demo help check check-asan check-portable check-valgrind check-scaling coverage \
	fuzz fuzzers fuzz-run \
	lint-man install clean
.SUFFIXES:
.SECONDARY:
