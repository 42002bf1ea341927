# The README's two commands: `make run` and `make test`. Both install what is
# missing (as root; otherwise they say what to install and exit 3), then
# configure and build with CMake.
BUILD      ?= build
ASAN_BUILD ?= build-asan
CMAKE_ARGS ?=
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
MIGSTAT    := $(BUILD)/migstat

.PHONY: all deps test-deps build run test test-asan test-valgrind fuzz clean

all: build

deps:
	@sh scripts/ensure-deps.sh

test-deps:
	@sh scripts/ensure-deps.sh --test

build: deps
	cmake -S . -B $(BUILD) $(CMAKE_ARGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS) --target migstat

# The main job: every shipped figure table and the example articles
# (invented, data/examples/articles, dated by its sources.tsv) ->
# out/report.html, out/report.md, out/report.json with charts; the articles'
# figures alone also go to out/examples_extracted.jsonl.
run: build
	$(MIGSTAT) report data/figures/*.csv data/examples/articles/*.txt -o out
	@echo "report: out/report.html, out/report.md, out/report.json (charts in out/charts)"
	@tail -n +2 data/examples/articles/sources.tsv | while IFS='	' read -r id outlet lang pub note; do \
	    $(MIGSTAT) extract -q --lang "$$lang" --published "$$pub" "data/examples/articles/$$id.txt" || exit 1; \
	done > out/examples_extracted.jsonl
	@echo "figures from the example articles: out/examples_extracted.jsonl ($$(wc -l < out/examples_extracted.jsonl) figures)"

test: test-deps
	cmake -S . -B $(BUILD) -DMS_TESTS=ON -DMS_REQUIRE_TESTS=ON $(CMAKE_ARGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure --no-tests=error -j $(JOBS)

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer.
test-asan: test-deps
	cmake -S . -B $(ASAN_BUILD) -DMS_TESTS=ON -DMS_REQUIRE_TESTS=ON -DMS_SANITIZE=ON $(CMAKE_ARGS) >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    ctest --output-on-failure --no-tests=error -j $(JOBS)

# The same suite under valgrind memcheck (the build of `make test`): any
# memory error or definite leak fails. Slow: minutes, not seconds.
test-valgrind: test
	sh scripts/valgrind-tests.sh $(BUILD)

# Every libFuzzer target of tests/fuzz for FUZZ_SECONDS each (clang, with
# ASan + UBSan). New inputs go to $(FUZZ_BUILD)/corpus/<target>, crashes to
# $(FUZZ_BUILD)/crashes/<target>/ (copy one into tests/fuzz/regressions/
# <target>/ to keep it as a test). Fails when a target crashes.
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz:
	@sh scripts/ensure-deps.sh --fuzz
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DMS_FUZZ=ON -DMS_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	sh scripts/run-fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) out

# Every benchmark in one run (not part of make test): tables against
# Miller, pandas, awk, datamash and wc -l (bench/run.sh); news text against
# Recognizers-Text and compromise (bench/extract/run.sh); 200 charts in one
# gnuplot process against one process per chart (bench/charts/run.sh).
# Ratios go to docs/PERFORMANCE.md. bench-big: time and peak memory at
# three sizes up to 1 GB (bench/big/run.sh).
.PHONY: bench bench-tables bench-extract bench-charts bench-big
bench: bench-tables bench-extract bench-charts

bench-tables:
	sh bench/run.sh

bench-extract: build
	sh bench/extract/run.sh

bench-charts: build
	sh bench/charts/run.sh

bench-big: build
	sh bench/big/run.sh
