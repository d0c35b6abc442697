# The two commands a new user needs: `make run` (or `make run PORT=5001`) and `make test`.
# Each creates .venv at the repository root when it is missing and installs the project into it.

PYTHON ?= python3
PORT ?= 5000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

LOCK := requirements.lock
COMPILE := $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --all-build-deps --strip-extras --extra dev \
	--no-emit-find-links --no-emit-index-url --no-emit-trusted-host --output-file $(LOCK) pyproject.toml

.PHONY: run test lint bench extension clean lock translations model

# Every package, direct and transitive, comes from the lock at its pinned version and hash;
# the project itself is then installed without its dependencies.
$(STAMP): $(LOCK) pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

lock: $(STAMP)  # move every pin to the newest release pyproject.toml allows, then `make test`
	$(COMPILE) --upgrade

run: $(STAMP)
	$(BIN)/onward classify examples/
	$(BIN)/onward run --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check onward server worker tests bench

model: $(STAMP)  # rebuild worker/classify/model.json from tests/corpus/tuned (tests/worker/test_model.py checks it is current)
	$(BIN)/python bench/model.py

bench: $(STAMP)
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/classify.py

translations:  # after changing a text of the advice: its message ids into messages.pot and every .po, then translate the new ones
	$(BIN)/pybabel extract -F server/translations/babel.cfg -k _ -k N_ --no-location --sort-output --width 120 \
		--project Onward --version 0.1 --copyright-holder "Onward" -o server/translations/messages.pot .
	$(BIN)/pybabel update -i server/translations/messages.pot -d server/translations --width 120 --ignore-obsolete \
		--no-fuzzy-matching

extension:  # build/chromium, build/firefox and their zips under extension/; needs only Python
	$(PYTHON) extension/build.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache extension/build extension/node_modules
