"""Render time of hostile pages: the known attacks and random runs of Markdown's special
characters (seeded), each up to 200 KB, for the screen (Qt laying out every tab) and for paper
(a PDF written). Prints JSON: every known attack and the slowest input found."""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.core.test_hostile_properties import KNOWN_ATTACKS  # noqa: E402
from viewer.core.pages.page import parse_page  # noqa: E402
from viewer.core.present.document import DocumentBuilder  # noqa: E402
from viewer.ui.entry_view import EntryView  # noqa: E402
from viewer.ui.printing import PrintContext, export_pdf  # noqa: E402

RUNS = ["#", "-", "=", "*", "_", "[", "]", "<", ">", "`", "|", " ", "\n", "\n\n", "a", "1.", "(", ")", "!", "\\",
        "    ", "> ", "- ", "* ", "## ", "**", "[a](b)", "<div>", "&amp;", "x" * 50]


def random_markdown(rng: random.Random) -> str:
    parts = [rng.choice(RUNS) * rng.randint(1, 40_000) for _ in range(rng.randint(1, 12))]
    return "".join(parts)[:200_000]


def timed(app: QApplication, view: EntryView, folder: Path, body: str) -> tuple[float, float]:
    data = f"---\ntitle: Alpha + Beta\n---\n\n**Usage:**\n\n{body}\n".encode()
    started = time.perf_counter()
    entry = parse_page("p.md", data).entry
    view.show_document(DocumentBuilder().build(entry))
    app.processEvents()
    screen = time.perf_counter() - started
    started = time.perf_counter()
    export_pdf(entry, folder / "x.pdf", PrintContext.for_folder(folder))
    return screen, time.perf_counter() - started


def main() -> None:
    app = QApplication([])
    view = EntryView()
    view.resize(1000, 700)
    view.show()
    rng = random.Random(12)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        known = {name: timed(app, view, folder, body) for name, body in KNOWN_ATTACKS.items()}
        samples = [random_markdown(rng) for _ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 100)]
        found = [(timed(app, view, folder, body), body) for body in samples]
    (screen, paper), body = max(found, key=lambda item: max(item[0]))
    worst_known = max(known, key=lambda name: max(known[name]))
    print(json.dumps({
        "known": {name: {"screen_s": round(s, 3), "paper_s": round(p, 3)} for name, (s, p) in known.items()},
        "slowest_known": worst_known,
        "random_samples": len(samples),
        "slowest_random": {"screen_s": round(screen, 3), "paper_s": round(paper, 3), "chars": len(body), "starts": body[:40]},
    }))


if __name__ == "__main__":
    main()
