"""Window timings on a generated folder: keystrokes into the search box, opening entries."""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QSettings  # noqa: E402

from viewer.ui.app import make_application  # noqa: E402
from viewer.ui.controller import Controller  # noqa: E402
from viewer.ui.settings import Preferences  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def typing_times(controller: Controller, app, queries: list[str]) -> list[float]:
    """Milliseconds from a keystroke's text change to the list (and count) updated."""
    panel = controller.window.list_panel
    times = []
    for query in queries:
        panel.search.clear()
        app.processEvents()
        for end in range(1, len(query) + 1):
            start = time.perf_counter()
            panel.search.setText(query[:end])
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
    return times


FULLTEXT_QUERIES = ["withdrawal", "blood pressure", "serotonin", "driving risk", "kidney", "sleep evening",
                    "monitoring", "stomach bleeding", "appetite", "breathing sedation"]


def main(folder: Path) -> dict:
    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        started = time.perf_counter()
        ready_at: list[float] = []
        controller = Controller(folder, Preferences(settings), open_urls=False)
        controller.fulltext.ready.connect(lambda *_: ready_at.append(time.perf_counter()))
        controller.window.resize(1280, 820)
        controller.window.show()
        app.processEvents()
        shown = (time.perf_counter() - started) * 1000
        rng = random.Random(7)
        entries = controller.library.entries
        drugs = sorted({d.lower() for e in entries for d in e.drugs})
        queries = [" ".join(rng.sample(drugs, 2)) for _ in range(15)] + [rng.choice(drugs) for _ in range(15)]
        indexing = controller.fulltext.running()
        during = typing_times(controller, app, queries[:10]) if indexing else []
        waited = time.perf_counter()
        while not ready_at and time.perf_counter() - waited < 120:
            app.processEvents()
            time.sleep(0.01)
        index_ready = ((ready_at[0] if ready_at else time.perf_counter()) - started) * 1000
        typing = typing_times(controller, app, queries)
        fulltext = typing_times(controller, app, FULLTEXT_QUERIES)
        opening = []
        for entry in rng.sample(list(entries), 200):
            start = time.perf_counter()
            controller.open_entry(entry.path)
            app.processEvents()
            opening.append((time.perf_counter() - start) * 1000)
        controller.watcher.stop()
    return {
        "entries": len(entries),
        "window_shown_ms": round(shown, 1),
        "keystroke_p50_ms": round(statistics.median(typing), 2),
        "keystroke_p95_ms": round(percentile(typing, 95), 2),
        "keystroke_while_indexing_p95_ms": round(percentile(during, 95), 2) if during else None,
        "index_ready_ms": round(index_ready, 0),
        "fulltext_keystroke_p50_ms": round(statistics.median(fulltext), 2),
        "fulltext_keystroke_p95_ms": round(percentile(fulltext, 95), 2),
        "open_p50_ms": round(statistics.median(opening), 2),
        "open_p95_ms": round(percentile(opening, 95), 2),
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
