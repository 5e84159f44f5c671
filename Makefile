# Two commands for a fresh machine: `make run` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXAMPLES := $(wildcard examples/*.txt)

.PHONY: run test lint evaluate benchmark model attribution-model kb clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev,batch,web,corpus,linking]'
	touch $@

run: $(VENV)/.installed  ## analyze the bundled example article(s) and print the report
	@for article in $(EXAMPLES); do $(BIN)/quellenlage analyze "$$article"; done

test: $(VENV)/.dev-installed  ## lint, type-check and run the tests
	$(BIN)/ruff check src tests tools training benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

evaluate: $(VENV)/.installed  ## the evaluation gates CI runs (needs ../shared beside the repository)
	$(BIN)/python tools/check_floors.py

benchmark: $(VENV)/.installed
	$(BIN)/python benchmarks/speed.py

model: $(VENV)/.dev-installed  ## retrain the shipped language model from ../shared/data (~1 h 15 min on 2 shared cores, one thread)
	$(BIN)/pip install --quiet -e '.[dev,training]'
	OMP_NUM_THREADS=1 $(BIN)/python training/train.py
	$(MAKE) attribution-model

attribution-model: $(VENV)/.dev-installed  ## retrain the attribution layer (medium, confidence) on Wikinews train (~5 min)
	$(BIN)/pip install --quiet -e '.[dev,training]'
	$(BIN)/python training/train_attribution.py

kb: $(VENV)/.installed  ## rebuild the shipped knowledge base from ../shared/data/lexicons
	$(BIN)/python tools/build_kb.py

clean:
	rm -rf $(VENV) build .mypy_cache .ruff_cache .pytest_cache
