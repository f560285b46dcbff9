# SPDX-License-Identifier: MIT
# healthnet developer entry points. Every target sets up what it needs:
# Debian packages via apt-get (as root or with sudo) and Python packages in .venv.
#
#   make demo   build and run the main job on the built-in example region
#   make test   build and run every C++ and Python test
#   make docs   Doxygen for include/ (warnings are errors)

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON    ?= python3
VENV      := .venv
VPY       := $(VENV)/bin/python
BUILD     := build
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
APT_PACKAGES := g++ make libboost-graph-dev nlohmann-json3-dev libgtest-dev doxygen chromium
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help deps venv build demo test test-cpp test-python docs stubs examples clean

help:
	@echo "make demo   - set up, build, print the example region's metrics and write its report"
	@echo "make test   - set up, build, and run all C++ and Python tests"
	@echo "make docs   - build the C++ API docs with Doxygen"
	@echo "make stubs  - regenerate python/healthnet/_core.pyi"
	@echo "make clean  - remove build outputs (keeps .venv)"

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
docs: $(BUILD)/.deps-stamp
	doxygen docs/Doxyfile
	@echo "C++ API docs: $(BUILD)/docs/html/index.html"

stubs: build
	$(VENV)/bin/pybind11-stubgen healthnet._core -o python --numpy-array-use-type-var
	@echo "regenerated python/healthnet/_core.pyi"

clean:
	rm -rf $(BUILD)

examples: build
	$(BUILD)/healthnet convert --example examples/musterstadt.json
	$(BUILD)/healthnet convert --example examples/musterstadt.graphml
	$(BUILD)/healthnet convert --example-2022 examples/musterstadt_2022.json
