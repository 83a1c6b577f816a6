"""The exported library served by kiwix-serve, as a clinic serves it to its phones: its title
search finds a drug, its full-text search a word, and an entry comes back whole."""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import quote

import pytest

from tests.helpers import REPO
from tests.kiwix_server import fetch, serving
from viewer.cli import main
from viewer.core.pages.safety import DISCLAIMER

pytest.importorskip("libzim")
pytestmark = pytest.mark.slow


def test_kiwix_serve_answers_from_the_exported_library(tmp_path):
    if shutil.which("kiwix-serve") is None:
        pytest.fail("kiwix-serve is missing: scripts/system-deps.sh test installs kiwix-tools")
    zim = tmp_path / "clinic.zim"
    assert main(["export", "--zim", str(zim), "--content", str(REPO / "content")]) == 0
    with serving(zim) as base:
        status, text = fetch(f"{base}/suggest?content=clinic&term={quote('apixa')}")
        assert status == 200
        suggested = [item.get("path") for item in json.loads(text)]
        assert "entry/apixaban-aspirin" in suggested and "entry/apixaban-ibuprofen" in suggested
        status, text = fetch(f"{base}/search?content=clinic&pattern=bleeding")
        links = re.findall(r'href="([^"]*entry/[^"]+)"', text)
        assert status == 200 and any(link.endswith("entry/apixaban-aspirin") for link in links)
        status, text = fetch(base + next(link for link in links if link.endswith("entry/apixaban-aspirin")))
        assert status == 200 and "<h1>Apixaban + Aspirin</h1>" in text
        assert "MAJOR" in text and DISCLAIMER in text and 'href="../index"' in text
        status, text = fetch(f"{base}/search?content=clinic&pattern=Zoloft")  # a brand, by its keywords
        assert status == 200 and re.search(r'href="[^"]*entry/sertraline-tramadol"', text)
