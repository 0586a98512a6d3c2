# legation: `make demo` sets up and runs the main job, `make test` sets up and runs the tests.
# The venv's interpreter: the system's CPython 3.11+ where Debian or Ubuntu ship one with venv (built with
# profile-guided and link-time optimisation, it extracts ~10 % faster than a plain source build such as
# pyenv's: docs/performance.md), else python3. `make PYTHON=python3.12 ...` picks another.
PYTHON ?= $(shell for p in /usr/bin/python3.11 /usr/bin/python3.12 /usr/bin/python3.13; do \
	$$p -c 'import ensurepip, venv, bz2, sqlite3' >/dev/null 2>&1 && { echo $$p; exit; }; done; echo python3)
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DB ?= legation.db
BENCH_ARGS ?=
FUZZ_ARGS ?=
LOAD_ARGS ?=
CRASH_ARGS ?=

.PHONY: demo test lint bench fuzz load crash setup native clean

$(BIN)/legation: pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,web]'
	touch $(BIN)/legation

setup: $(BIN)/legation

# Recompile, in place, the Cython-built modules whose source changed since (setup.py). Until then an
# edited module runs as pure Python, never as its stale build (legation/_native.py).
# (setup installs Cython and setuptools>=77 with the test extra.)
native: setup
	$(BIN)/python setup.py --quiet build_ext --inplace

# Build the knowledge base from the bundled articles, then serve it (Ctrl+C to stop).
demo: setup
	$(BIN)/legation ingest --samples --db $(DB)
	$(BIN)/legation serve --db $(DB) --host $(HOST) --port $(PORT)

# The tests run the modules as they ship: compiled where they can be (`native`), so after an edit too.
test: native
	$(BIN)/ruff check src tests bench fuzz
	$(BIN)/pytest -q $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src tests bench fuzz

bench: native
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# A million fuzzed articles through read, extract and ingest (docs/reliability.md); e.g. FUZZ_ARGS='--inputs 10000'.
fuzz: setup
	$(BIN)/python fuzz/fuzz.py $(FUZZ_ARGS)

# 100,000 requests against `legation serve` over 10,000 records (docs/reliability.md); about 20 minutes.
load: setup
	$(BIN)/python bench/load.py $(LOAD_ARGS)

# 50 SIGKILLs of `legation ingest` over 2,000 articles, SQLite (and PostgreSQL with LEGATION_TEST_PG set).
crash: setup
	$(BIN)/python bench/crash_safety.py $(CRASH_ARGS)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache src/legation/_native.json
	find src/legation \( -name '*.so' -o -name '*.c' \) -delete
