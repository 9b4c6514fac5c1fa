# reviewkit: rsplit, rfilter, rcount, rtags.
#
#   make              build the tools into bin/
#   make demo         install what is missing, build, run the pipeline on examples/
#   make check        install what is missing, build, run every test
#   make check-asan   the tests against an AddressSanitizer + UBSan build
#   make check-valgrind  the tools under valgrind: no memory error, no leak
#   make bench        the tools against awk, datamash, mlr, cat, Python (SPEC 5)
#   make fuzz         build the libFuzzer targets (fuzz/) into build-fuzz/
#   make fuzz-run     run each for FUZZ_SECONDS; fails on any finding
#   make install      PREFIX=/usr/local DESTDIR= (tools, man pages, bash completion)

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
COMPDIR	?= $(PREFIX)/share/bash-completion/completions

CC	?= cc
CFLAGS	?= -O2 -g
RK_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes \
	    -Wmissing-prototypes -Wformat=2 -Ilib \
	    $(shell pkg-config --cflags libbsd-overlay 2>/dev/null)
RK_LIBS	= $(shell pkg-config --libs libbsd-overlay 2>/dev/null)

BUILD	?= build
BIN	?= bin
TOOLS	= $(sort $(basename $(notdir $(wildcard cmd/*.c))))
LIBSRC	= $(sort $(wildcard lib/*.c))
LIBOBJ	= $(LIBSRC:lib/%.c=$(BUILD)/lib/%.o)
LIBA	= $(BUILD)/libreviewkit.a
PROGS	= $(TOOLS:%=$(BIN)/%)
MAN	= $(sort $(wildcard man/*.[1-9]))
FUZZERS	= $(patsubst fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60

all: $(PROGS)

$(BUILD)/lib/%.o: lib/%.c $(wildcard lib/*.h) | $(BUILD)/lib
	$(CC) $(CPPFLAGS) $(RK_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/cmd/%.o: cmd/%.c $(wildcard lib/*.h) | $(BUILD)/cmd
	$(CC) $(CPPFLAGS) $(RK_CFLAGS) $(CFLAGS) -c -o $@ $<

$(LIBA): $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(BIN)/%: $(BUILD)/cmd/%.o $(LIBA) | $(BIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBA) $(RK_LIBS)

# A libFuzzer target: one fuzz/*.c linked with the library (see fuzz:).
$(BUILD)/fuzz/%: fuzz/%.c $(wildcard lib/*.h) $(LIBA) | $(BUILD)/fuzz
	$(CC) $(CPPFLAGS) $(RK_CFLAGS) $(CFLAGS) -fsanitize=fuzzer -o $@ $< \
	    $(LIBA) $(RK_LIBS)

$(BUILD)/lib $(BUILD)/cmd $(BUILD)/fuzz $(BIN):
	mkdir -p $@

deps:
	@tools/install-deps

demo: deps
	@$(MAKE) --no-print-directory all
	@tools/demo

check: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory lint-man
	@tools/run-tests $(BIN)

check-asan:
	@RK_NEED_CLANG=1 tools/install-deps
	@$(MAKE) --no-print-directory all BUILD=build-asan BIN=build-asan/bin \
	    CC=clang CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
	@ASAN_OPTIONS=detect_leaks=1 tools/run-tests build-asan/bin

# Every tool over the fixtures and examples under valgrind (memcheck):
# any memory error or definite/indirect leak fails.
check-valgrind:
	@RK_NEED_VALGRIND=1 tools/install-deps
	@$(MAKE) --no-print-directory all
	@tools/check-valgrind $(BIN)

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

# Each fuzz target for FUZZ_SECONDS from a scratch corpus in build-fuzz/.
fuzz-run: fuzz all
	@tools/fuzz-run build-fuzz $(FUZZ_SECONDS)

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
	rm -rf build build-asan build-fuzz bin

.PHONY: all bench deps demo check check-asan check-valgrind fuzz fuzzers fuzz-run \
	lint-man install clean
.SUFFIXES:
.SECONDARY:
