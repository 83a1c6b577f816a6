"""viewer.core must work where PySide6 cannot even be imported."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import REPO

SCRIPT = f"""
import sys
sys.modules["PySide6"] = None  # any "import PySide6..." now raises ImportError
import pkgutil, importlib, viewer.core
for info in pkgutil.walk_packages(viewer.core.__path__, "viewer.core."):
    importlib.import_module(info.name)
from viewer.core.pages.page import parse_page
page = parse_page("s.md", open({str(REPO / "content" / "sertraline-clonazepam.md")!r}, "rb").read())
print(len(page.entry.faqs), sorted(m for m, mod in sys.modules.items() if m.startswith("PySide6") and mod))
"""


def test_core_imports_and_reads_a_page_with_pyside6_blocked():
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["4", "[]"]
