# dcval: plain Makefile. See README.md.
#   make                 build build/dcval and build/libdcval.a
#   make check           unit, contract, CLI and corpus tests (then a "N passed, N failed" line)
#   make check SANITIZE=address,undefined   the same under ASan+UBSan (in build-san/)
#   make test            check, then check under sanitizers: the README's test command
#   make conformance     third-party suites from ../shared/conformance
#   make bench           benchmarks (never part of test)

CC ?= cc
PKG_CONFIG ?= pkg-config
PREFIX ?= /usr/local

PKGS := yaml-0.1 jansson libpcre2-8 libmd zlib libzstd
DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
DEP_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lm
# libcsv is no library dependency any more: it is the oracle of the
# differential fuzz target tests/fuzz/fuzz_csvdiff.c (and the bench baseline)
ORACLE_LIBS := -lcsv

WARN := -Wall -Wextra -Werror -Wstrict-prototypes -Wvla -Wwrite-strings \
	-Wformat-security -Wpointer-arith -Wshadow
OPT ?= -O2 -g
CFLAGS_ALL := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(WARN) \
	-Iinclude -Isrc $(DEP_CFLAGS) $(CFLAGS)

ifdef SANITIZE
BUILD ?= build-san
CFLAGS_ALL += -fsanitize=$(SANITIZE) -fno-sanitize-recover=$(SANITIZE) -fno-omit-frame-pointer
LDFLAGS_ALL := -fsanitize=$(SANITIZE)
else
BUILD ?= build
LDFLAGS_ALL :=
endif
LDFLAGS_ALL += $(LDFLAGS)

LIB_SRC := $(sort $(wildcard src/util/*.c src/value/*.c src/stats/*.c src/contract/*.c src/engine/*.c src/read/*.c src/report/*.c \
	src/profile/*.c src/infer/*.c src/diff/*.c src/export/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HEADERS := $(wildcard include/dcval/*.h src/*/*.h)

LIB := $(BUILD)/libdcval.a
BIN := $(BUILD)/dcval

.PHONY: check-tsan
.PHONY: all check test conformance bench bench-deps sketch-accuracy clean check-symbols install uninstall fuzz fuzz-build check-valgrind
all: $(BIN) $(LIB)

$(BUILD)/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $(CLI_OBJ) $(LIB) $(DEP_LIBS)

HARNESS := $(BUILD)/obj/tests/unit/harness.o

$(HARNESS): tests/unit/harness.c tests/unit/harness.h tests/unit/unit.h $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB) $(HARNESS) $(HEADERS) $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit $(LDFLAGS_ALL) -o $@ $< $(HARNESS) $(LIB) $(DEP_LIBS) -lcmocka

# Reliability (#5): the allocation-failure test links a second copy of the
# library whose src/util/alloc.c is built with -DDV_ALLOC_TESTING (a
# countdown of allocations to fail); the fault shim tests/faults/inject.c
# is an LD_PRELOAD object; tests/fuzz/replay.c runs each fuzz target's
# corpus in `make check`.
ALLOC_LIB := $(BUILD)/libdcval-alloctest.a
ALLOC_OBJ := $(BUILD)/obj/src/util/alloc_testing.o
INJECT_SO := $(BUILD)/tests/inject.so
FUZZ_TARGETS := contract csv csvdiff jsonl json jsondiff jsonfast sketch decomp profdoc expr cut
FUZZ_REPLAY := $(FUZZ_TARGETS:%=$(BUILD)/tests/fuzz/replay_%)
CSVDUMP := $(BUILD)/tests/diff/csvdump
EMBED := $(BUILD)/examples/embed
# Code paths other machines take, built here too and run by check: the
# boundary scan's portable masks (no SSE2 or AVX: GCC's vector extension)
# and Eisel-Lemire without unsigned __int128, each test linked against
# that one object rebuilt with the switch (it comes before the library).
PORTABLE_TESTS := $(BUILD)/tests/test_cut_portable $(BUILD)/tests/test_eisel_lemire_portable
TEST_EXTRA := $(BUILD)/tests/test_alloc_fail $(INJECT_SO) $(FUZZ_REPLAY) $(CSVDUMP) $(EMBED) \
	$(PORTABLE_TESTS)

$(BUILD)/obj/portable/cut.o: src/read/cut.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -DDV_CUT_PORTABLE -c -o $@ $<

$(BUILD)/obj/portable/eisel_lemire.o: src/value/eisel_lemire.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -DDV_NO_INT128 -c -o $@ $<

$(BUILD)/tests/test_%_portable: tests/unit/test_%.c $(BUILD)/obj/portable/%.o $(LIB) $(HARNESS) \
		$(HEADERS) $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit $(LDFLAGS_ALL) -o $@ $< $(BUILD)/obj/portable/$*.o $(HARNESS) \
		$(LIB) $(DEP_LIBS) -lcmocka

$(ALLOC_OBJ): src/util/alloc.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -DDV_ALLOC_TESTING -c -o $@ $<

$(ALLOC_LIB): $(filter-out $(BUILD)/obj/src/util/alloc.o,$(LIB_OBJ)) $(ALLOC_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/tests/test_alloc_fail: tests/unit/test_alloc_fail.c $(ALLOC_LIB) $(HEADERS) tests/unit/unit.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -DDV_ALLOC_TESTING -Itests/unit $(LDFLAGS_ALL) -o $@ $< $(ALLOC_LIB) $(DEP_LIBS) -lcmocka

# The embedding example (README "Validating requests in a service"),
# run by tests/embed/run.sh.
$(EMBED): examples/embed/embed.c $(LIB) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $< $(LIB) $(DEP_LIBS)

# Sessions allocate nothing per record after warm-up: counted the same way.
$(BUILD)/tests/test_session_alloc: tests/unit/test_session_alloc.c $(ALLOC_LIB) $(HEADERS) tests/unit/unit.h tests/unit/session_fixture.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -DDV_ALLOC_TESTING -Itests/unit $(LDFLAGS_ALL) -o $@ $< $(ALLOC_LIB) $(DEP_LIBS) -lcmocka

$(INJECT_SO): tests/faults/inject.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -fPIC -shared -O2 $(WARN) -o $@ $< -ldl

$(BUILD)/tests/fuzz/replay_%: tests/fuzz/replay.c tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h tests/fuzz/fuzz_assert.h $(LIB) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ tests/fuzz/replay.c tests/fuzz/fuzz_$*.c $(LIB) $(DEP_LIBS) $(ORACLE_LIBS)

# The CSV differential test's dump of dcval's rows (tests/diff/run_csv.sh).
$(CSVDUMP): tests/diff/csvdump.c $(LIB) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $< $(LIB) $(DEP_LIBS)

check: $(BIN) $(UNIT_BIN) $(TEST_EXTRA)
	@LC_ALL=C BUILD=$(BUILD) SANITIZE=$(SANITIZE) sh tests/run.sh

# The hostile corpus and the CLI goldens under valgrind: no errors, no leaks.
check-valgrind: $(BIN) $(INJECT_SO)
	@LC_ALL=C BUILD=$(BUILD) VALGRIND=1 sh tests/hostile/run.sh
	@LC_ALL=C BUILD=$(BUILD) VALGRIND=1 sh tests/cli/run.sh
	@LC_ALL=C BUILD=$(BUILD) VALGRIND=1 sh tests/outputs/run.sh

# libFuzzer: each target runs FUZZ_SECONDS seconds (per target, default 60)
# on its seed corpus tests/fuzz/corpus/<target>/; new inputs go to
# build-fuzz/corpus/<target>/, crashes to build-fuzz/crash-<target>-*.
# Then the JSON readers' differential test against Python runs
# FUZZ_DIFF_SEEDS (200 seeds of 2,000 records per format, about 7 min).
FUZZ_SECONDS ?= 60
# the differential JSON test (tests/diff/json_diff.py) runs these seeds
FUZZ_DIFF_SEEDS ?= 1000-1199
FUZZ_CC ?= clang
FUZZ_BUILD := build-fuzz
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g $(WARN) \
	-Iinclude -Isrc $(DEP_CFLAGS) $(FUZZ_SAN)
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=$(FUZZ_BUILD)/obj/%.o)
FUZZ_BIN := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

$(FUZZ_BUILD)/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h tests/fuzz/fuzz_assert.h $(FUZZ_LIB_OBJ) $(HEADERS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJ) $(DEP_LIBS) $(ORACLE_LIBS)

fuzz-build: $(FUZZ_BIN)

# a pattern rule's objects are intermediate to make: keep them
.SECONDARY: $(FUZZ_LIB_OBJ)

# The CSV differential test against Python's csv module runs DIFF_CSV_N
# random inputs here (make check runs 300).
DIFF_CSV_N ?= 20000

# The infer round-trip property test runs INFER_FUZZ_N random tables
# here (make check runs 40).
INFER_FUZZ_N ?= 3000

fuzz: $(FUZZ_BIN) $(BIN) $(CSVDUMP)
	BUILD=$(BUILD) DIFF_CSV_N=$(DIFF_CSV_N) DIFF_CSV_SEED=$$(date +%s) sh tests/diff/run_csv.sh
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t; \
		echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
		$(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_BUILD)/crash-$$t- \
			$(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t || exit 1; \
	done
	@echo "infer round trip: $(INFER_FUZZ_N) random tables"
	@BUILD=$(BUILD) INFER_N=$(INFER_FUZZ_N) INFER_SEED=$$(date +%s) sh tests/infer/run.sh
	@echo "json_diff: seeds $(FUZZ_DIFF_SEEDS)"
	@BUILD=$(BUILD) DIFF_SEEDS=$(FUZZ_DIFF_SEEDS) DIFF_RECORDS=2000 sh tests/diff/run_json.sh

# ends with the sanitizer run's line `N passed, N failed`
test:
	$(MAKE) check
	$(MAKE) check-tsan
	$(MAKE) check SANITIZE=address,undefined

# One compiled contract shared by validators on several threads, under
# ThreadSanitizer (in build-tsan/): any write to shared state is a report.
check-tsan:
	@$(MAKE) --no-print-directory SANITIZE=thread BUILD=build-tsan build-tsan/tests/test_session_threads
	@TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/test_session_threads
	@$(MAKE) --no-print-directory SANITIZE=thread BUILD=build-tsan build-tsan/dcval
	@BUILD=build-tsan sh tests/par/tsan.sh

check-symbols: $(LIB)
	@bad=$$(nm -g --defined-only $(LIB) | awk 'NF==3 {print $$3}' | grep -v -E '^(dcval_|dv_)' || true); \
	if [ -n "$$bad" ]; then echo "exported symbols without dcval_/dv_ prefix:"; echo "$$bad"; exit 1; fi; \
	echo "check-symbols: ok"

conformance: $(BIN)
	@python3 tests/conformance/run.py --dcval $(BIN) --suites ../shared/conformance

# Benchmarks (#6), never part of check or test: see README "Performance".
# `make bench-deps` installs the peers (DuckDB, ajv from npm; pandas,
# valgrind from Debian); `make bench` runs without them and says which are
# missing. BENCH_MB=N (default 100), BENCH_RUNS=N (default 5), BENCH_BIG=1.
BENCH_DIR := $(BUILD)/bench
BENCH_BINS := $(BENCH_DIR)/gen $(BENCH_DIR)/gen_vec $(BENCH_DIR)/runstat \
	$(BENCH_DIR)/baseline_csv $(BENCH_DIR)/baseline_jsonl $(BENCH_DIR)/serve

$(BENCH_DIR)/gen $(BENCH_DIR)/runstat: $(BENCH_DIR)/%: tests/bench/%.c tests/bench/genio.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 $(WARN) -o $@ $<

# the embedding rows' generator (sqrt: -lm)
$(BENCH_DIR)/gen_vec: tests/bench/gen_vec.c tests/bench/genio.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 $(WARN) -o $@ $< -lm

$(BENCH_DIR)/baseline_csv: BENCH_LIBS := -lcsv
$(BENCH_DIR)/baseline_jsonl: BENCH_LIBS := $(shell $(PKG_CONFIG) --libs jansson 2>/dev/null)
$(BENCH_DIR)/baseline_%: tests/bench/baseline_%.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(OPT) $(WARN) $(DEP_CFLAGS) -o $@ $< $(BENCH_LIBS)

# the serving path (#19): in-memory sessions and a live pipe
$(BENCH_DIR)/serve: tests/bench/serve.c $(LIB) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $< $(LIB) $(DEP_LIBS)

bench: $(BIN) $(BENCH_BINS)
	python3 tests/bench/run.py --dcval $(BIN) --bin $(BENCH_DIR)

# Accuracy and memory of the statistics sketches (src/stats/): the tables
# of README "Statistics sketches". Never part of check or test.
$(BUILD)/tests/sketch_accuracy: tests/bench/sketch_accuracy.c tests/unit/stats_data.h $(LIB) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit $(LDFLAGS_ALL) -o $@ $< $(LIB) $(DEP_LIBS)

sketch-accuracy: $(BUILD)/tests/sketch_accuracy
	$(BUILD)/tests/sketch_accuracy

bench-deps:
	apt-get update && apt-get install -y python3-pandas valgrind
	cd tests/bench && npm install --no-audit --no-fund

# Install (#4): the command, the static library, its headers, a pkg-config
# file (from dcval.pc.in) and the man page; DESTDIR is honoured.
# `make uninstall` removes exactly these files (and include/dcval/ when
# it is left empty).
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR ?= $(PREFIX)/share/man
PUB_HEADERS := $(sort $(wildcard include/dcval/*.h))
VERSION := $(shell sed -n 's/^\#define DCVAL_VERSION "\(.*\)"/\1/p' include/dcval/dcval.h)

install: $(BIN) $(LIB)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
		$(DESTDIR)$(INCLUDEDIR)/dcval $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/dcval
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libdcval.a
	install -m 644 $(PUB_HEADERS) $(DESTDIR)$(INCLUDEDIR)/dcval/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
		dcval.pc.in >$(DESTDIR)$(LIBDIR)/pkgconfig/dcval.pc
	chmod 644 $(DESTDIR)$(LIBDIR)/pkgconfig/dcval.pc
	install -m 644 doc/dcval.1 $(DESTDIR)$(MANDIR)/man1/dcval.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dcval $(DESTDIR)$(LIBDIR)/libdcval.a \
		$(DESTDIR)$(LIBDIR)/pkgconfig/dcval.pc $(DESTDIR)$(MANDIR)/man1/dcval.1 \
		$(PUB_HEADERS:include/dcval/%=$(DESTDIR)$(INCLUDEDIR)/dcval/%)
	rmdir $(DESTDIR)$(INCLUDEDIR)/dcval 2>/dev/null || true

clean:
	rm -rf build build-san build-fuzz build-tsan
