# clusterlab: a course site with live Python cells.  `make help` lists the targets.
SHELL := /bin/bash
PY    ?= python3
VENV  := .venv
BIN   := $(VENV)/bin
PORT  ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONHASHSEED := 0

.PHONY: help serve build test test-unit test-e2e bench lint clean chromium browsers

help:  ## list the targets
	@grep -E '^[a-z0-9-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/' | expand -t 14

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,site]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

deps: $(BIN)/.installed node_modules/.installed

chromium: $(BIN)/.installed  ## make sure a Chromium for the browser tests exists (Debian's, installed if missing and root)
	@$(BIN)/python tools/find_chromium.py --install

browsers: chromium  ## also Firefox ESR and WebKitGTK for the cross-engine tests (Debian's, installed if missing and root)
	@$(BIN)/python tools/find_browsers.py --install

build: deps  ## build the static site into site/
	$(BIN)/python tools/build_site.py

serve: build  ## build, then serve the site at http://127.0.0.1:8000 (PORT=... to change)
	$(BIN)/python tools/serve.py --port $(PORT)

# Test processes side by side: much of the suite waits on browsers, so more
# processes than cores pay off (TEST_JOBS=1 runs it in this process).  The
# Firefox and WebKit tests run alone afterwards (pyproject.toml, marker engines).
TEST_JOBS ?= 3
XDIST = $(if $(filter 1,$(TEST_JOBS)),,-n $(TEST_JOBS))

test: build browsers  ## run every test: library (vs scipy/scikit-learn), the runtime's JavaScript, the site end to end
	node --test --test-reporter=spec tests/js/
	$(BIN)/python -m pytest $(XDIST) -m "not engines"
	$(BIN)/python -m pytest -m engines

# The tests that need a built site: the browser's (tests/e2e) and the notebooks' (run in Jupyter).
SITE_TESTS := tests/e2e tests/test_notebook_pages.py

test-unit: deps  ## only the tests that need no built site and no browser (library, pages' code, tools, JavaScript)
	node --test --test-reporter=spec tests/js/
	$(BIN)/python -m pytest -m "not e2e" $(addprefix --ignore=,$(SITE_TESTS))

test-e2e: build browsers  ## only the tests against the built site (browsers, notebooks)
	$(BIN)/python -m pytest $(XDIST) -m "not engines" $(SITE_TESTS)
	$(BIN)/python -m pytest -m engines $(SITE_TESTS)

bench: build browsers  ## print speed and quality ratios against scipy, scikit-learn and plain Pyodide
	$(BIN)/python bench/run_all.py

lint: deps  ## ruff over the Python code
	$(BIN)/ruff check py tests tools bench

clean:  ## remove build output (keeps .venv and node_modules)
	rm -rf site build
