# Two commands on a fresh machine: `make demo` and `make test`. Each bootstraps .venv idempotently.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE ?= examples/dar-hamiz-market-blast
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: screenshots demo test lint typecheck pytest bench train-ner train-parser train-clean clean-venv sysdeps browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel

# Reinstall only when the project's metadata changes. torch is pinned to the local CPU wheel (see README).
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $(STAMP)

sysdeps:
	./scripts/setup_rouge.sh

# Debian's Chromium for the desk's browser tests (Playwright drives it; its own browser download needs the net).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium) \
		|| echo "browser: chromium not installed; the browser tests will skip and say why"

demo: $(STAMP)
	mkdir -p out
	$(BIN)/corroborate brief $(EXAMPLE) --format json -o out/briefing.json
	$(BIN)/corroborate brief $(EXAMPLE) --format html -o out/briefing.html
	$(BIN)/corroborate brief $(EXAMPLE)
	@echo "JSON and HTML written to out/briefing.json and out/briefing.html"
	rm -f out/demo.db
	$(BIN)/corroborate ingest examples/*/ --db out/demo.db
	@echo "Open the demo stories in the desk: $(BIN)/corroborate serve --db out/demo.db  ->  http://127.0.0.1:8000/stories"

# Screenshots of the desk and the static HTML for docs/screenshots/ (from the data `make demo` writes).
screenshots: $(STAMP) browser
	$(BIN)/python scripts/screenshots.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks training

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) sysdeps browser
	$(BIN)/python -m pytest -q

test: lint typecheck pytest

bench: $(STAMP) sysdeps
	$(BIN)/python benchmarks/brief_speed.py
	$(BIN)/python benchmarks/summarize.py --dataset duc2004

train-ner: $(STAMP)
	$(BIN)/python training/train_ner.py

# The UD tagger + parser, from ../shared/data/ud (EWT train only: CC BY-SA; see its model card).
train-parser: $(STAMP)
	$(BIN)/python training/train_parser.py

# The furniture line classifier, from ../shared/data/boilerplate (research-use data: see its model card).
train-clean: $(STAMP)
	$(BIN)/python training/validate_markers.py
	$(BIN)/python training/train_clean.py

clean-venv:
	rm -rf $(VENV)
