# `make demo` and `make test` work on a fresh clone: each creates .venv when missing.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench aeb claims clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) -m demo.run

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: lint
	$(VENV)/bin/pytest

bench: $(STAMP)
	$(PY) -m bench.e2e

aeb: $(STAMP)
	$(PY) -m bench.aeb_eval

claims: $(STAMP)
	$(PY) -m bench.claims_eval

clean:
	rm -rf $(VENV) seasonnews.db* exports/demo .pytest_cache
