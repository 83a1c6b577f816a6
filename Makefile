# Each target creates .venv when it is missing and installs what it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test quick test-random lint check bench screenshots translations system-deps install-desktop uninstall-desktop man deb deb-in-chroot bundle bundle-test clean

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

## make test: the linters, then the whole suite, headless (slow tests too)
test: lint
	@bash scripts/system-deps.sh test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -p no:randomly

## make quick: the suite without the slow (soak) tests, for the local loop
quick: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -p no:randomly -m "not slow" -q

## make test-random: the suite in a random order (each test must pass alone and in any order)
test-random: $(VENV)/.installed-test
	@bash scripts/system-deps.sh test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -p randomly

## make lint: ruff, mypy (all of viewer/, strict on viewer/core) and the import contracts (core has no Qt)
lint: $(VENV)/.installed-test
	$(BIN)/ruff check viewer tests bench scripts
	$(BIN)/mypy viewer
	$(BIN)/lint-imports
	$(BIN)/python scripts/check_sizes.py

## make check: lint the bundled content
check: $(VENV)/.installed-run
	$(BIN)/combo-viewer check

## make bench: speed on generated folders of 1,000 to 100,000 pages (ARGS="10000" for one size)
bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py $(ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache

## make translations: the interface's words into resources/translations/*.ts, then the .qm files (docs/translating.md)
translations: $(VENV)/.installed-test
	$(BIN)/python scripts/translations.py

## make screenshots: PNGs of the main window states into docs/screenshots/
screenshots: $(VENV)/.installed-test
	@bash scripts/system-deps.sh screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

## make install-desktop: the applications-menu entry, icons and metainfo, for this user
install-desktop: $(VENV)/.installed-run
	bash scripts/install-desktop.sh

## make deb: a Debian package of the bundle (after make bundle), in dist/
deb:
	$(BIN)/python scripts/make_deb.py

## make deb-in-chroot: the .deb installed, run and removed with apt in a fresh Debian 12 (root, debootstrap)
deb-in-chroot:
	bash scripts/deb_in_chroot.sh

## make man: the manual page, from the program's own --help texts, in build/combo-viewer.1
man: $(VENV)/.installed-run
	mkdir -p build && $(BIN)/python scripts/man_page.py > build/combo-viewer.1

## make uninstall-desktop: removes what install-desktop put there, and nothing else
uninstall-desktop:
	bash scripts/install-desktop.sh uninstall

## make bundle: a standalone one-folder program (PyInstaller) in dist/combo-viewer/, no Python needed
bundle: $(VENV)/.installed-run
	$(BIN)/python -m pip install -q "pyinstaller>=6"
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/combo-viewer.spec
	@du -sh dist/combo-viewer

## make bundle-test: build the bundle, copy it out of the checkout, run check, search, print and its window
bundle-test: bundle
	@bash scripts/system-deps.sh test
	$(BIN)/python scripts/bundle_test.py dist/combo-viewer
