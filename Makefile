# SPDX-License-Identifier: MIT
# healthnet developer entry points. Every target sets up what it needs:
# Debian packages via apt-get (as root or with sudo) and Python packages in .venv.
#
#   make demo   build and run the main job on the built-in example region
#   make test   build and run every C++ and Python test
#   make docs   the documentation site (Sphinx + Doxygen; warnings are errors)
#   make bench  time healthnet against igraph, networkx and NetworKit (sizes S, M, L)

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON    ?= python3
VENV      := .venv
VPY       := $(VENV)/bin/python
BUILD     := build
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
APT_PACKAGES := g++ make libboost-graph-dev nlohmann-json3-dev libcli11-dev libexpat1-dev libkainjow-mustache-dev libgtest-dev doxygen chromium clang libclang-rt-14-dev
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help deps venv build demo test test-cpp test-python docs stubs examples clean bench bench-smoke bench-deps fuzz sanitize sanitize-cpp sanitize-thread fixtures

help:
	@echo "make demo   - set up, build, print the example region's metrics and write its report"
	@echo "make test   - set up, build, and run all C++ and Python tests"
	@echo "make docs   - build the documentation site (guide, notebook, Python and C++ API) in $(BUILD)/docs/site"
	@echo "make check-install - pip install . into a fresh venv; run the CLI and the notebook from there"
	@echo "make stubs  - regenerate python/healthnet/_core.pyi"
	@echo "make bench  - time healthnet against igraph, networkx, NetworKit (BENCH_SIZES=S,M,L BENCH_REPS=5)"
	@echo "make bench-smoke - size S, 2 repetitions: check that the libraries agree (CI)"
	@echo "make clean  - remove build outputs (keeps .venv)"
	@echo "make fuzz   - build the libFuzzer targets (clang) and run each FUZZ_SECONDS (60) s; fails on a finding"
	@echo "make sanitize - build with ASan+UBSan in $(SAN_BUILD), run the C++ and Python tests"
	@echo "make sanitize-cpp - the C++ half of make sanitize (what CI runs)"
	@echo "make sanitize-thread - ThreadSanitizer over the C++ concurrency tests (CI runs it)"
	@echo "make fixtures - rewrite the R sna oracle files in tests/data from tests/r/*.R (installs r-cran-sna)"

# ---- set-up -----------------------------------------------------------------
$(BUILD)/.deps-stamp:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@mkdir -p $(BUILD) && touch $@

deps: $(BUILD)/.deps-stamp

$(VENV)/.stamp: requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || { echo "healthnet needs Python >= 3.10"; exit 1; }
	@[ -x $(VPY) ] || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -r requirements-dev.txt
	@touch $@

venv: $(VENV)/.stamp

# ---- build (one CMake tree: library, CLI, tests, Python extension) -----------
$(BUILD)/build.ninja: CMakeLists.txt $(BUILD)/.deps-stamp $(VENV)/.stamp
	$(VENV)/bin/cmake -S . -B $(BUILD) -G Ninja -DCMAKE_MAKE_PROGRAM=$(abspath $(VENV)/bin/ninja) \
	  -DCMAKE_BUILD_TYPE=Release -DHEALTHNET_BUILD_TESTS=ON -DHEALTHNET_BUILD_PYTHON=ON \
	  -DPython_EXECUTABLE=$(abspath $(VPY)) -Dpybind11_DIR=$$($(VPY) -m pybind11 --cmakedir)

build: $(BUILD)/build.ninja
	$(VENV)/bin/cmake --build $(BUILD) -j $(JOBS)
	@# Make the staged package importable from .venv and the CLI callable.
	@$(VPY) -c 'import site,os; p=os.path.join(site.getsitepackages()[0],"healthnet-dev.pth"); open(p,"w").write(os.path.abspath("$(BUILD)/python")+"\n")'
	@ln -sf $(abspath $(BUILD)/healthnet) $(VENV)/bin/healthnet

# ---- the two Quick start commands ------------------------------------------
demo: build
	@echo
	$(BUILD)/healthnet metrics --example
	@mkdir -p $(BUILD)/demo
	$(BUILD)/healthnet report examples/musterstadt.json --scorecard niedersachsen \
	  --compare examples/musterstadt_2022.json --lang de -o $(BUILD)/demo/report.html
	@echo "report: $(abspath $(BUILD)/demo/report.html)"

test: build
	cd $(BUILD) && $(abspath $(VENV)/bin/ctest) --output-on-failure -j $(JOBS)
	HEALTHNET_CLI=$(abspath $(BUILD)/healthnet) $(VPY) -m pytest tests/python

test-cpp: build
	cd $(BUILD) && $(abspath $(VENV)/bin/ctest) --output-on-failure -j $(JOBS)

test-python: build
	HEALTHNET_CLI=$(abspath $(BUILD)/healthnet) $(VPY) -m pytest tests/python

# ---- docs and stubs ---------------------------------------------------------
# Sphinx runs Doxygen itself (XML for breathe), imports the built package and
# runs the built CLI and the example notebook; -E re-reads every page.
docs: build
	HEALTHNET_CLI=$(abspath $(BUILD)/healthnet) PYTHONPATH=$(abspath $(BUILD)/python) \
	  $(VPY) -m sphinx -W --keep-going -E -q -b html -d $(BUILD)/docs/doctrees docs $(BUILD)/docs/site
	@echo "documentation: $(abspath $(BUILD)/docs/site/index.html)"

# The package as users get it: pip install . into a fresh venv in a temp dir.
.PHONY: check-install
check-install: $(BUILD)/.deps-stamp
	PYTHON=$(PYTHON) bash tests/install/check_install.sh

stubs: build
	$(VENV)/bin/pybind11-stubgen healthnet._core -o python --numpy-array-use-type-var
	@echo "regenerated python/healthnet/_core.pyi"

clean:
	rm -rf $(BUILD)

# ---- benchmarks (benchmarks/README.md) -----------------------------------------
# NetworKit is installed only here, not from requirements-dev.txt: it pulls in
# scipy and is needed by nothing else.
BENCH_SIZES ?= S,M,L
BENCH_REPS  ?= 5
BENCH_PACKAGES := networkx igraph networkit

bench-deps: $(VENV)/.stamp
	@missing=""; for p in $(BENCH_PACKAGES); do \
	  $(VPY) -c "import $$p" 2>/dev/null || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then echo "installing into $(VENV):$$missing"; $(VPY) -m pip install -q $$missing; fi

bench: build bench-deps
	$(VPY) benchmarks/bench.py --sizes $(BENCH_SIZES) --reps $(BENCH_REPS) --data $(BUILD)/bench-data

# Size S only, 2 repetitions unless BENCH_REPS is given; fails when results disagree.
bench-smoke: build bench-deps
	$(VPY) -m pytest benchmarks/tests -q -p no:cacheprovider
	$(VPY) benchmarks/bench.py --smoke --data $(BUILD)/bench-data --out $(BUILD)/bench-smoke \
	  $(if $(filter command line environment,$(origin BENCH_REPS)),--reps $(BENCH_REPS))

examples: build
	$(BUILD)/healthnet convert --example examples/musterstadt.json
	$(BUILD)/healthnet convert --example examples/musterstadt.graphml
	$(BUILD)/healthnet convert --example-2022 examples/musterstadt_2022.json

# ---- oracle fixtures written by R (not part of make test: the files are committed) ----
# Each tests/r/*.R script writes its expected values with R sna (Butts); the
# tests compare healthnet with the committed files. `git diff tests/data`
# afterwards shows whether R agrees with what is committed.
fixtures:
	@dpkg-query -W -f='$${Status}' r-cran-sna 2>/dev/null | grep -q "install ok installed" || { \
	  echo "installing Debian packages: r-cran-sna"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends r-cran-sna; }
	@for f in tests/r/*.R; do echo "Rscript $$f"; Rscript $$f || exit 1; done
	@git diff --stat -- tests/data

# ---- fuzzing and sanitizers (README "Fuzzing and sanitizers") ---------------
FUZZ_BUILD   ?= $(BUILD)-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := json csv reading survey graphml scorecard
SAN_BUILD    ?= $(BUILD)-asan

# -O2 -g without NDEBUG: the asserts of Boost and nlohmann/json stay on.
# Each target runs alone (one core) for FUZZ_SECONDS. New inputs go to
# $(FUZZ_BUILD)/corpus/<target> (the committed seeds in tests/fuzz/corpus are
# only read), findings to $(FUZZ_BUILD)/artifacts. -max_len: CSV pairs (csv;
# reading adds a sector map) stay small, JSON/GraphML/scorecards need room
# for a few actors or rules.
fuzz: $(BUILD)/.deps-stamp $(VENV)/.stamp
	@command -v clang++ >/dev/null || { echo "make fuzz needs clang: apt-get install clang libclang-rt-14-dev"; exit 1; }
	$(VENV)/bin/cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_MAKE_PROGRAM=$(abspath $(VENV)/bin/ninja) \
	  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g" \
	  -DHEALTHNET_BUILD_FUZZERS=ON \
	  -DHEALTHNET_BUILD_TESTS=OFF -DHEALTHNET_BUILD_CLI=OFF -DHEALTHNET_BUILD_PYTHON=OFF -DHEALTHNET_INSTALL=OFF
	$(VENV)/bin/cmake --build $(FUZZ_BUILD) -j $(JOBS)
	@failed=""; mkdir -p $(FUZZ_BUILD)/artifacts; \
	for t in $(FUZZ_TARGETS); do \
	  case $$t in csv|reading|survey) len=4096;; scorecard) len=12288;; *) len=8192;; esac; \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	  echo "fuzz_$$t: $(FUZZ_SECONDS) s, -max_len=$$len, log $(FUZZ_BUILD)/fuzz_$$t.log"; \
	  if ! $(FUZZ_BUILD)/tests/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=$$len -timeout=10 \
	      -rss_limit_mb=2048 -print_final_stats=1 -dict=tests/fuzz/$$t.dict \
	      -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t- $(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t \
	      > $(FUZZ_BUILD)/fuzz_$$t.log 2>&1; then \
	    failed="$$failed $$t"; grep -aE "ERROR|SUMMARY|invariant|terminate|what\(\)|Test unit written" $(FUZZ_BUILD)/fuzz_$$t.log; \
	  fi; \
	  grep -aE "^Done|stat::number_of_executed_units|stat::peak_rss_mb" $(FUZZ_BUILD)/fuzz_$$t.log | sed 's/^/  /'; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzzing found problems in:$$failed (inputs in $(FUZZ_BUILD)/artifacts)"; exit 1; fi

# ASan + UBSan with gcc, at -O1 with line tables (quicker to build than
# -O2 -g; the asserts of Boost and nlohmann/json stay on). The C++ tests run
# under ctest (Doxygen and the find_package consumer, which have no sanitized
# code, are left to `make test`).
# Python loads the sanitized extension with libasan preloaded, and libstdc++
# with it: ASan looks up the real __cxa_throw when it starts, and without
# libstdc++ loaded by then the first C++ exception (any extension's) aborts.
# detect_leaks=0 there because CPython keeps interned objects and arenas
# alive until exit, which LeakSanitizer would report. HEALTHNET_SANITIZE=1
# lets tests skip what cannot run under ASan (Chromium).
SAN_ASAN_OPTIONS := abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1
SAN_UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
# sanitize-cpp is the C++ half (no Python extension: quicker to build); CI runs
# it. sanitize adds the extension to the same build tree and runs pytest.
SAN_PYTHON ?= OFF
sanitize-cpp: $(BUILD)/.deps-stamp $(VENV)/.stamp
	$(VENV)/bin/cmake -S . -B $(SAN_BUILD) -G Ninja -DCMAKE_MAKE_PROGRAM=$(abspath $(VENV)/bin/ninja) \
	  -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
	  -DHEALTHNET_SANITIZE=ON \
	  -DHEALTHNET_BUILD_TESTS=ON -DHEALTHNET_BUILD_PYTHON=$(SAN_PYTHON) -DHEALTHNET_INSTALL=OFF \
	  -DPython_EXECUTABLE=$(abspath $(VPY)) -Dpybind11_DIR=$$($(VPY) -m pybind11 --cmakedir)
	$(VENV)/bin/cmake --build $(SAN_BUILD) -j $(JOBS)
	cd $(SAN_BUILD) && ASAN_OPTIONS=$(SAN_ASAN_OPTIONS) UBSAN_OPTIONS=$(SAN_UBSAN_OPTIONS) \
	  $(abspath $(VENV)/bin/ctest) --output-on-failure -j $(JOBS) -E '^doxygen_no_warnings$$'

# ThreadSanitizer over the C++ concurrency tests (tests/cpp/test_concurrency.cpp):
# many readers of one network, and readers with a writer under the access
# lock. The Python thread tests run in make test (tests/python/test_threads.py).
TSAN_BUILD ?= $(BUILD)-tsan
sanitize-thread: $(BUILD)/.deps-stamp $(VENV)/.stamp
	$(VENV)/bin/cmake -S . -B $(TSAN_BUILD) -G Ninja -DCMAKE_MAKE_PROGRAM=$(abspath $(VENV)/bin/ninja) \
	  -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
	  -DHEALTHNET_SANITIZE_THREAD=ON -DHEALTHNET_BUILD_TESTS=ON -DHEALTHNET_BUILD_CLI=OFF \
	  -DHEALTHNET_BUILD_PYTHON=OFF -DHEALTHNET_INSTALL=OFF
	$(VENV)/bin/cmake --build $(TSAN_BUILD) -j $(JOBS) --target healthnet_concurrency_tests
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 $(TSAN_BUILD)/tests/cpp/healthnet_concurrency_tests

sanitize: $(BUILD)/.deps-stamp $(VENV)/.stamp
	$(MAKE) sanitize-cpp SAN_PYTHON=ON
	HEALTHNET_SANITIZE=1 LD_PRELOAD="$$(g++ -print-file-name=libasan.so) $$(g++ -print-file-name=libstdc++.so)" \
	  ASAN_OPTIONS=$(SAN_ASAN_OPTIONS):detect_leaks=0 UBSAN_OPTIONS=$(SAN_UBSAN_OPTIONS) \
	  PYTHONPATH=$(abspath $(SAN_BUILD)/python) HEALTHNET_CLI=$(abspath $(SAN_BUILD)/healthnet) \
	  $(VPY) -m pytest tests/python -q -p no:cacheprovider
