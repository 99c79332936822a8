# `make serve` and `make test` each do all their own set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test test-fast build check lint setup browser dist clean bench audit

serve: setup  ## Build the demo site and serve it at http://127.0.0.1:8000
	$(PY) -m generator serve

test: setup browser  ## Run every test, the browser tests included, on every core (at most 4 workers)
	$(PY) -m pytest -n auto --maxprocesses 4 --dist worksteal

test-fast: setup  ## The tests that need no browser (scoring, build, content, errors), on every core; no browser set-up
	$(PY) -m pytest -m "not browser" -q -n auto

build: setup  ## Build the demo site into site/ (strict)
	$(PY) -m generator build --strict

audit: setup browser  ## Audit every page, state, scheme and width of the demo (audit/report.md) and of a new site; 1 on any failure
	$(PY) -m generator build --strict
	@# And a new trust's site as `huddle new site` writes it (its placeholders still to fill: not strict).
	rm -rf build/starter && $(PY) -m generator new site build/starter --name "Example NHS Trust"
	cd build/starter && ../../$(PY) -m generator build -q
	@# Both audits side by side, a core each (each drives one page at a time); the new site's said once both end.
	( cd build/starter && ../../$(PY) -m generator audit site > ../starter-audit.log 2>&1; echo $$? > ../starter-audit.rc ) & \
	$(PY) -m generator audit site; demo=$$?; wait; \
	echo "The new site (build/starter):"; cat build/starter-audit.log; \
	test $$demo = 0 && test "$$(cat build/starter-audit.rc)" = 0

bench: setup browser  ## Time the assessment page, and its download on weak networks (the README's tables)
	$(PY) bench/assessment.py

check: setup  ## Check config and frameworks without building
	$(PY) -m generator check

# Huddle's wheel, dist/huddle_leadership-<version>-py3-none-any.whl, carrying its theme and the pinned
# Pyodide's boot files (from `npm ci`): what a trust installs with pip to build its own site with Python alone.
dist: setup
	rm -rf dist build
	$(PY) -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .
	@ls dist/*.whl

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	node_modules/.bin/eslint theme/assets/huddle
	$(PY) -m mypy generator
	$(PY) -m mypy --strict generator/scoring

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@# A .venv made before the rename to huddle-leadership has Huddle installed as "huddle" too: remove it
	@# first, as uninstalling it later would take the `huddle` command both share.
	@$(PY) -m pip uninstall --quiet --yes huddle 2>/dev/null || true
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# A Chromium for the browser tests: Debian's when present or installable
# (this machine, CI), otherwise Playwright's own download (a laptop); and nginx, Firefox ESR and
# WebKitGTK where apt can add them.
browser: setup
	@if [ -n "$$HUDDLE_CHROMIUM" ] || command -v chromium >/dev/null 2>&1; then \
	  echo "Browser: $${HUDDLE_CHROMIUM:-$$(command -v chromium)}"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  $(PY) -m playwright install chromium; \
	fi
	@# nginx, for the test of the snippet in docs/hosting.md; skipped where it cannot be installed.
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null) || true; \
	fi
	@# Firefox ESR and WebKitGTK (WebKitWebDriver, MiniBrowser, drawn in Xvfb) for tests/test_every_browser.py,
	@# Debian's, never a download; where apt-get cannot add them, those tests are skipped and say why.
	@if { ! command -v firefox-esr >/dev/null 2>&1 || ! command -v WebKitWebDriver >/dev/null 2>&1 || ! command -v Xvfb >/dev/null 2>&1; } \
	    && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb >/dev/null) || true; \
	fi

clean:
	rm -rf site .site-new-* .site-old-* $(VENV) node_modules dist build
