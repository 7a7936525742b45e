# Everything a fresh machine needs is installed by these targets; see README.md.
#   make serve  - set up, build, serve on http://127.0.0.1:8000
#   make test   - set up (incl. Debian's chromium) and run every test
#   make build  - set up and build the site into site/
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup build serve test test-fast system-deps bench clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Debian's Chromium for the browser tests (never a browser downloaded by a test tool).
system-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium (browser tests)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

build: setup
	$(BIN)/mkdocs build --clean

serve: build
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: setup system-deps
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not browser and not slow"

bench: setup
	$(BIN)/python scripts/bench_build.py

clean:
	rm -rf site build dist
