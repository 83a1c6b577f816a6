"""Content described as data: a section kind is one row of viewer/core/kinds.py, and a row
added there reaches the labels, a tab, the print-out, `check --json` and full-text search."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.helpers import REPO

SCRIPT = r'''
import importlib.util, json, os, sys, tempfile, types
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
source = Path("viewer/core/pages/kinds.py").read_text()
row = '    Kind("storage", "Storage and disposal", ("storage", "how to store"), tab="Storage"),\n'
source = source.replace("\n)\nBY_KEY", "\n" + row + ")\nBY_KEY")
module = types.ModuleType("viewer.core.pages.kinds")
module.__file__ = "viewer/core/pages/kinds.py"
sys.modules["viewer.core.pages.kinds"] = module
exec(compile(source, "viewer/core/pages/kinds.py", "exec"), module.__dict__)

from viewer.core.present.document import DocumentBuilder, print_html
from viewer.core.search.index import FullTextIndex
from viewer.core.catalog.library import load_library
from viewer.core.present.render import Renderer
from viewer.core.report import entry_json

folder = Path(tempfile.mkdtemp())
(folder / "a.md").write_text("---\ntitle: Alpha + Beta\n---\n\n**Usage:** used\n\n**Side effects:** none\n\n"
                             "**How to store:** Keep below twenty-five degrees.\n")
entry = load_library(folder).entries[0]
document = DocumentBuilder().build(entry)
index = FullTextIndex(folder, folder / ".cache")
index.update()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from viewer.ui.entry_view import EntryView
print(json.dumps({
    "tabs": [(key, label) for key, label, _ in document.tabs],
    "printed": "<h2>Storage and disposal</h2>" in print_html(entry, Renderer()),
    "check": entry_json(entry)["sections"].get("storage"),
    "found": [(path, section) for path, section, _, _ in index.search(["degrees"])],
    "view": "storage" in EntryView().views,
}))
'''


def test_a_section_kind_added_in_one_row_reaches_tabs_print_check_and_search(tmp_path):
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=120,
                         env={"COMBO_VIEWER_CACHE": str(tmp_path), "COMBO_VIEWER_KEY_DIR": str(tmp_path / "key"),
                              "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout)
    assert ["storage", "Storage"] in seen["tabs"] and seen["printed"] and seen["view"]
    assert seen["check"] == "Keep below twenty-five degrees."
    assert seen["found"] == [["a.md", "storage"]]


def test_every_kind_is_named_in_one_file():
    found = subprocess.run(["grep", "-rln", "--include=*.py", "pregnancy", "viewer/"], cwd=REPO, capture_output=True, text=True).stdout.split()
    assert found == ["viewer/core/pages/kinds.py"]
