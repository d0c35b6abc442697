# The two commands a new user needs: `make run` and `make test`.
# Each creates .venv at the repository root when it is missing and installs the project into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench extension clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

run: $(STAMP)
	$(BIN)/onward classify examples/
	$(BIN)/onward run

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check server worker tests bench

bench: $(STAMP)
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/classify.py

extension:  # build/chromium, build/firefox and their zips under extension/; needs only Python
	$(PYTHON) extension/build.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache extension/build extension/node_modules
