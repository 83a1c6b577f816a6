"""One benchmark process: start the window on a folder and measure it, reporting JSON.

argv: FOLDER LAUNCHED_AT [--start-only] [--no-readers]. --no-readers starts without the
first start's forked readers (what they buy is measured against it). LAUNCHED_AT is the parent's time.time() just before it
started this process, so start-up includes the interpreter and the imports."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from viewer.cli import start_prefetch  # noqa: E402

# As `combo-viewer` starts: with no catalog cache, the pages are read while Qt loads (the
# benchmark's own modules load after, as they are no part of the program).
PREFETCH = start_prefetch(Path(sys.argv[1])) if __name__ == "__main__" and "--no-readers" not in sys.argv else None

import json  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from PySide6.QtCore import QSettings  # noqa: E402

from viewer.ui.app import make_application  # noqa: E402
from viewer.ui.controller import Controller  # noqa: E402
from viewer.ui.settings import Preferences  # noqa: E402

FULLTEXT_QUERIES = ["withdrawal", "blood pressure", "serotonin", "driving risk", "kidney", "sleep evening",
                    "monitoring", "stomach bleeding", "appetite", "breathing sedation"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else 0.0


def typing(controller: Controller, app, queries: list[str]) -> list[float]:
    """Milliseconds from each keystroke's text change to the list (and its count) updated."""
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


def text_arrival(controller: Controller, app, queries: list[str]) -> list[float]:
    """Milliseconds from a full-text query typed to its text results in the list (they are
    searched off the window's thread)."""
    panel = controller.window.list_panel
    times = []
    for query in queries:
        panel.search.clear()
        app.processEvents()
        start = time.perf_counter()
        panel.search.setText(query)
        app.processEvents()
        while panel.proxy.text_pending() and time.perf_counter() - start < 10:
            app.processEvents()
            time.sleep(0.001)
        times.append((time.perf_counter() - start) * 1000)
    return times


def pump(app, seconds: float, stalls: list[float]) -> None:
    """Run the event loop for ``seconds``, noting how long each round kept the thread busy."""
    end = time.perf_counter() + seconds
    while (now := time.perf_counter()) < end:
        app.processEvents()
        stalls.append((time.perf_counter() - now) * 1000)
        time.sleep(0.001)


def typing_stalls(controller: Controller, app, queries: list[str], pace: float = 0.08) -> list[float]:
    """Milliseconds the window's thread was busy at a stretch (unable to draw or take a key)
    while full-text queries are typed at a brisk 80 ms a letter and their results come in."""
    panel = controller.window.list_panel
    stalls: list[float] = []
    for query in queries:
        panel.search.clear()
        pump(app, 0.2, [])
        for end in range(1, len(query) + 1):
            start = time.perf_counter()
            panel.search.setText(query[:end])
            app.processEvents()
            stalls.append((time.perf_counter() - start) * 1000)
            pump(app, pace, stalls)
        waited = time.perf_counter()
        while panel.proxy.text_pending() and time.perf_counter() - waited < 10:
            pump(app, 0.01, stalls)
    return stalls


def misspell(word: str, rng: random.Random) -> str:
    position = rng.randrange(1, len(word) - 1)
    return word[:position] + word[position + 1 :]  # one letter dropped


def summary(times: list[float]) -> dict:
    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(percentile(times, 95), 2)}


def main() -> None:
    folder, launched = Path(sys.argv[1]), float(sys.argv[2])
    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        ready_at: list[float] = []
        controller = Controller(folder, Preferences(settings), open_urls=False, prefetch=PREFETCH)
        controller.fulltext.ready.connect(lambda *_: ready_at.append(time.time()))
        window = controller.window
        window.resize(1280, 820)
        window.show()
        while window.list_panel.proxy.rowCount() == 0 and controller.library.entries:
            app.processEvents()
        app.processEvents()
        shown = time.time() - launched
        if "--start-only" in sys.argv:
            controller.shutdown()
            print(json.dumps({"start_s": round(shown, 3)}))
            return

        rng = random.Random(7)
        entries = controller.library.entries
        drugs = sorted({d.lower() for e in entries for d in e.drugs})
        drug_queries = [" ".join(rng.sample(drugs, 2)) for _ in range(15)] + [rng.choice(drugs) for _ in range(15)]
        fuzzy_queries = [" ".join(misspell(d, rng) for d in rng.sample(drugs, 2)) for _ in range(15)]
        settle = time.time()
        while not controller.fulltext.running() and not ready_at and time.time() - settle < 1:
            app.processEvents()  # background work starts just after the first frame
        while_indexing = typing(controller, app, drug_queries[:8]) if controller.fulltext.running() else []

        waited = time.time()
        while not ready_at and time.time() - waited < 900:
            app.processEvents()
            time.sleep(0.01)
        index_ready = (ready_at[0] if ready_at else time.time()) - launched

        drug = typing(controller, app, drug_queries)
        fuzzy = typing(controller, app, fuzzy_queries)
        fulltext = typing(controller, app, FULLTEXT_QUERIES)
        arrival = text_arrival(controller, app, FULLTEXT_QUERIES * 2)
        stalls = typing_stalls(controller, app, FULLTEXT_QUERIES)
        opening = []
        for entry in rng.sample(list(entries), min(200, len(entries))):
            start = time.perf_counter()
            controller.open_entry(entry.path)
            app.processEvents()
            opening.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        from viewer.ui.printing import PrintContext, export_pdf  # as the program: loaded when first printing

        export_pdf(controller.current, Path(tmp) / "entry.pdf", PrintContext.for_library(controller.library))
        pdf_ms = (time.perf_counter() - start) * 1000
        controller.shutdown()
    print(json.dumps({
        "entries": len(entries),
        "start_s": round(shown, 3),
        "index_ready_s": round(index_ready, 2),
        "keystroke_drug": summary(drug),
        "keystroke_fuzzy": summary(fuzzy),
        "keystroke_fulltext": summary(fulltext),
        "fulltext_results": summary(arrival),
        "fulltext_typing_longest_stall_ms": round(max(stalls), 1),
        "keystroke_drug_while_indexing_p95_ms": round(percentile(while_indexing, 95), 2) if while_indexing else None,
        "open": summary(opening),
        "pdf_export_ms": round(pdf_ms, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))


if __name__ == "__main__":
    main()
