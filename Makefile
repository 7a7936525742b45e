# Everything a fresh machine needs is installed by these targets; see README.md.
#   make serve  - set up, build, serve on http://127.0.0.1:8000
#   make test   - set up (incl. Debian's chromium) and run every test
#   make build  - set up and build the site into site/
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
MODEL_JSON := engine/model.json
PLAN_JSON := engine/plan.json
CHECKER_DIR := build/checker
WHEEL_NAME := connector_engine-0.1.0-py3-none-any.whl
WHEEL := $(CHECKER_DIR)/$(WHEEL_NAME)
STDLIB_ZIP := $(CHECKER_DIR)/python_stdlib.pyc.zip
# What only the connector plan imports (stdlib modules, the engine's plan modules and its
# recipes), fetched when a reader asks for a plan.
STDLIB_PLAN_ZIP := $(CHECKER_DIR)/python_stdlib_plan.pyc.zip
SNAPSHOT := $(CHECKER_DIR)/engine.snapshot
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup build serve test test-fast system-deps checker-assets engine-wheel dist bench bench-docset mutation clean

setup: $(STAMP) $(NODE_STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Pyodide (the checker's runtime) and axe-core (accessibility tests), exact versions from
# package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# Debian's Chromium for the browser tests (never a browser downloaded by a test tool) and
# Debian's nginx with its brotli_static module (the hosting tests serve the archive through
# it under a strict CSP, as the hosting guide says).
BROTLI_MODULE := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
system-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/sbin/nginx ] || [ ! -f $(BROTLI_MODULE) ]; then \
	  echo "Installing Debian's chromium, nginx and its brotli module (browser and hosting tests)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium nginx-light libnginx-mod-http-brotli-static >/dev/null; \
	fi

# The decision model: data/*.yaml -> engine/model.json and the plan's recipes
# engine/plan.json, verified exhaustively (fails the build with a counterexample).
$(MODEL_JSON) $(PLAN_JSON) &: $(wildcard data/*.yaml) $(wildcard engine/*.py) scripts/compile_model.py | $(STAMP)
	$(BIN)/python scripts/compile_model.py

# The engine as its own distribution (packaging/engine/pyproject.toml), built by setuptools
# through `python -m build --wheel --no-isolation` from a fresh copy of engine/; the wheel
# `pip install`s anywhere (the `connector-check` command). Then, for Pyodide, the wheel and
# Pyodide's stdlib byte-compiled by Pyodide itself (bytecode for the Python that runs it:
# faster start-up in the browser).
ENGINE_DIST := build/engine-dist
$(ENGINE_DIST)/$(WHEEL_NAME): $(MODEL_JSON) $(PLAN_JSON) $(wildcard engine/*.py) packaging/engine/pyproject.toml LICENSE scripts/build_engine_wheel.py | $(STAMP)
	$(BIN)/python scripts/build_engine_wheel.py $(ENGINE_DIST)

FULL_WHEEL := build/wheel-compiled/$(WHEEL_NAME)
$(FULL_WHEEL): $(ENGINE_DIST)/$(WHEEL_NAME) $(NODE_STAMP) scripts/pyodide/bytecompile_zip.mjs
	mkdir -p $(dir $(FULL_WHEEL))
	node scripts/pyodide/bytecompile_zip.mjs $(ENGINE_DIST)/$(WHEEL_NAME) $(FULL_WHEEL)

# Only the stdlib modules that start-up, the wheel's unpacking and the engine import
# (found by running them in Pyodide): 0.85 MB brotli on the wire instead of 4.5 MB; what
# only the plan imports (stdlib and engine modules, the recipes) in an archive of its own;
# and the browser's wheel with only the engine modules the worker imports to decide.
$(STDLIB_ZIP): $(FULL_WHEEL) $(NODE_STAMP) scripts/pyodide/bytecompile_zip.mjs
	mkdir -p $(CHECKER_DIR)
	node scripts/pyodide/bytecompile_zip.mjs --stdlib $(STDLIB_ZIP) --only-imported-by $(FULL_WHEEL) \
	  --plan-extras $(STDLIB_PLAN_ZIP) --browser-wheel $(WHEEL)

$(STDLIB_PLAN_ZIP) $(WHEEL): $(STDLIB_ZIP)
	@test -f $@ || { rm -f $(STDLIB_ZIP); $(MAKE) $(STDLIB_ZIP); }

# Python's memory with the engine imported, for the opt-in fast start (memory_snapshot in
# mkdocs.yml; CHECKER_MEMORY_SNAPSHOT=true make build). Made by the same Pyodide.
$(SNAPSHOT): $(WHEEL) $(STDLIB_ZIP) scripts/pyodide/make_snapshot.mjs
	node scripts/pyodide/make_snapshot.mjs $(STDLIB_ZIP) $(WHEEL) $(SNAPSHOT)

checker-assets: $(WHEEL) $(STDLIB_ZIP) $(STDLIB_PLAN_ZIP) $(SNAPSHOT)

# Only the engine's wheel, as pip installs it: build/engine-dist/$(WHEEL_NAME).
engine-wheel: $(ENGINE_DIST)/$(WHEEL_NAME)

build: setup checker-assets
	$(BIN)/mkdocs build --clean

# The intranet archive: dist/<name>-<version>.tar.gz and .zip (see scripts/dist/HOSTING.md).
dist: build
	$(BIN)/python scripts/make_dist.py

serve: build
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: setup system-deps checker-assets
	$(BIN)/python -m pytest

test-fast: setup checker-assets
	$(BIN)/python -m pytest -m "not browser and not slow"

bench: dist system-deps
	$(BIN)/python scripts/bench_build.py
	$(BIN)/python scripts/bench_fidelity.py tests/fidelity_corpus
	$(BIN)/python scripts/bench_engine.py
	$(BIN)/python scripts/bench_checker.py

# Mutation testing (mutmut) of engine/, translator/ and site_structure/ in a copy under
# build/mutation/<package>/: the score printed per package,
# unexplained survivors in build/mutation/<package>-survivors.txt (explained ones in
# scripts/mutation_explained/). Hours: not part of `make test`. PACKAGES=engine etc.,
# MUTATION_ARGS="--max-children 1 --retest-survivors" etc. (scripts/mutation.py --help).
PACKAGES ?= engine translator site_structure
mutation: setup $(MODEL_JSON) $(PLAN_JSON)
	$(BIN)/python scripts/mutation.py $(PACKAGES) $(MUTATION_ARGS)

# A synthetic docset (scripts/make_corpus.py) of 500 and 3,000 articles, built with our
# configuration and with a plain Material one, in turn (tens of minutes on 2 cores).
bench-docset: setup
	$(BIN)/python scripts/bench_docset.py --sizes 500 3000

clean:
	rm -rf site build dist $(MODEL_JSON) $(PLAN_JSON)
