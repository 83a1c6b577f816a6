# Each target creates .venv when it is missing and installs what it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test check bench screenshots system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed-run

## make run: open the viewer on the bundled content (ARGS="..." passes options)
run: $(VENV)/.installed-run
	@bash scripts/system-deps.sh desktop
	$(BIN)/combo-viewer $(ARGS)

## make test: the whole suite, headless
test: $(VENV)/.installed-test
	@bash scripts/system-deps.sh test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

## make check: lint the bundled content
check: $(VENV)/.installed-run
	$(BIN)/combo-viewer check

## make bench: speed on generated folders of 1,000 to 100,000 pages (ARGS="10000" for one size)
bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py $(ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache

## make screenshots: PNGs of the main window states into docs/screenshots/
screenshots: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py
