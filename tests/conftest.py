"""Headless Qt for every test, set before anything imports Qt; caches in a temporary folder."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """The full-text index goes to a folder of the test's own, never the user's cache."""
    monkeypatch.setenv("COMBO_VIEWER_CACHE", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("COMBO_VIEWER_KEY_DIR", str(tmp_path_factory.getbasetemp() / "key"))  # never the user's config


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001 - pytest's hook
    """One line for the tests skipped because ../shared is not beside the clone."""
    from tests.helpers import SHARED_MISSING

    skipped = [r for r in terminalreporter.stats.get("skipped", []) if SHARED_MISSING in str(r.longrepr)]
    if skipped:
        terminalreporter.write_line(f"{len(skipped)} tests skipped: each {SHARED_MISSING}")
