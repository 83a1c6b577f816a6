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
