"""Side by side with Kiwix, the offline reader clinics use: the same generated pages as a ZIM file
(made by `combo-viewer export --zim`), `kiwix-search` against `combo-viewer search`, each run in a
fresh process, interleaved, the median of five after one run to warm the caches of both.

    python bench/kiwix.py [PAGES ...]     (default 4000 10000 100000; `make bench` runs it too)

Writes its rows into docs/benchmarks.json ("kiwix") and the table into docs/benchmarks.md."""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import generate  # noqa: E402
from tests.kiwix_server import stop  # noqa: E402
from tests.ui.xserver import xvfb_display  # noqa: E402

SIZES = [4_000, 10_000, 100_000]
ROUNDS = 5
SEARCH_RATIO = 10.0  # `search` warm within this many times kiwix-search at every size (the target)
FLAT_RATIO = 1.5  # and at 100,000 pages within this many times itself at 4,000
WINDOW_RATIO = 1.5  # the window's warm start at 100,000 pages within this many times kiwix-desktop's


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def queries(folder: Path) -> dict[str, str]:
    """A drug name (a title word) and a word found only in the text, from the pages themselves."""
    page = next(path for path in sorted(folder.rglob("*.md")) if not path.name.startswith("broken"))
    title = re.search(r"^title: (.+)$", page.read_text(encoding="utf-8"), re.MULTILINE)
    drug = title.group(1).split(" + ")[0] if title else "sertraline"
    return {"drug": drug.lower(), "word": "dizziness"}


def kiwix_desktop_start(zim: Path, title: str, display: str, home: Path) -> float:
    """From launching kiwix-desktop on ``zim`` to its window titled with the book: the best of three
    after one start (its library and caches written)."""
    env = {**os.environ, "DISPLAY": display, "HOME": str(home), "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox"}
    env.pop("QT_QPA_PLATFORM", None)
    times = []
    for _ in range(4):
        started = time.perf_counter()
        desktop = subprocess.Popen(["kiwix-desktop", str(zim)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while time.perf_counter() - started < 60:
                found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{re.escape(title)} - Kiwix$"],
                                       env=env, capture_output=True, text=True)
                if found.stdout.strip():
                    times.append(time.perf_counter() - started)
                    break
                time.sleep(0.01)
        finally:
            stop(desktop)
    return min(times[1:]) if len(times) > 1 else float("nan")


def viewer_start(folder: Path, display: str, cache: Path) -> float:
    """The viewer's warm start on the same display: launch to the list filled, the best of three.
    ``cache`` is the one the searches wrote (their catalog and snapshot: a start that stops as soon
    as its list is shown writes neither, so a start after it would be a first start again)."""
    from bench.run import best_start

    shown = {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    best_start(folder, [cache], env=shown)  # the files in the page cache
    return best_start(folder, [cache] * 3, env=shown)


def window_starts(folder: Path, zim: Path, work: Path) -> dict:
    """Both windows' warm starts, when kiwix-desktop, Xvfb and xdotool are here."""
    missing = [tool for tool in ("kiwix-desktop", "Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        print(f"window starts skipped: {', '.join(missing)} missing (Debian: kiwix, xvfb, xdotool)")
        return {}
    from libzim.reader import Archive

    title = bytes(Archive(zim).get_metadata("Title")).decode()
    with xvfb_display("1366x768x24") as display:
        return {"kiwix_desktop_start_s": round(kiwix_desktop_start(zim, title, display, work / "kiwix-home"), 3),
                "viewer_start_s": round(viewer_start(folder, display, work / "cache"), 3)}


def side_by_side(folder: Path, work: Path, pages: int) -> dict:
    """The export, then both searches at this size."""
    env = {**os.environ, "COMBO_VIEWER_CACHE": str(work / "cache"), "QT_QPA_PLATFORM": "offscreen"}
    zim = work / f"{folder.name}.zim"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "viewer", "export", "--zim", str(zim), "--content", str(folder)],
                   env=env, cwd=REPO, check=True, capture_output=True)
    row: dict = {"pages": pages, "export_s": round(time.perf_counter() - started, 1),
                 "zim_mb": round(zim.stat().st_size / 1e6, 1)}
    for kind, query in queries(folder).items():
        ours = [sys.executable, "-m", "viewer", "search", query, "--content", str(folder), "--limit", "10"]
        theirs = ["kiwix-search", str(zim), query]
        for warming in (ours, theirs):  # warm: the catalog and index written, the files in the page cache
            timed(warming, env)
        times: dict[str, list[float]] = {"ours": [], "theirs": []}
        for _ in range(ROUNDS):  # interleaved, so a busy moment costs both alike
            times["ours"].append(timed(ours, env))
            times["theirs"].append(timed(theirs, env))
        row[kind] = {"query": query, "search_ms": round(statistics.median(times["ours"]) * 1000, 1),
                     "kiwix_search_ms": round(statistics.median(times["theirs"]) * 1000, 1)}
    row.update(window_starts(folder, zim, work))
    return row


def table(rows: list[dict]) -> list[str]:
    """The report's section: each figure and its ratio, the targets marked."""
    if not rows:
        return []
    lines = ["## Side by side with Kiwix", "",
             "The same generated pages as a ZIM file made by `combo-viewer export --zim`; `kiwix-search` (Debian's",
             "kiwix-tools) against `combo-viewer search`, each a fresh process, warm (one run first), the median of",
             f"five, interleaved (bench/kiwix.py). Targets: `search` within {SEARCH_RATIO:.0f}× of `kiwix-search`, and at",
             f"100,000 pages within {FLAT_RATIO}× of itself at 4,000. Window: a warm start on one Xvfb display, from",
             "launch to the list filled (the viewer) and to the window titled with the book (kiwix-desktop, Debian's",
             f"`kiwix` package), the best of three; target at 100,000 pages: within {WINDOW_RATIO}× of kiwix-desktop.", "",
             "| pages | export | ZIM | drug name: search / kiwix-search | ratio | text word: search / kiwix-search | ratio "
             "| window warm: viewer / kiwix-desktop | ratio |",
             "|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        cells = []
        for kind in ("drug", "word"):
            ours, theirs = row[kind]["search_ms"], row[kind]["kiwix_search_ms"]
            ratio = ours / theirs
            cells.append(f"{ours:.0f} / {theirs:.0f} ms | {ratio:.0f}× {'✓' if ratio <= SEARCH_RATIO else '✗'}")
        if "kiwix_desktop_start_s" in row:
            ours, theirs = row["viewer_start_s"], row["kiwix_desktop_start_s"]
            target = ("✓" if ours / theirs <= WINDOW_RATIO else "✗") if row["pages"] >= 100_000 else ""
            cells.append(f"{ours:.2f} / {theirs:.2f} s | {ours / theirs:.1f}× {target}")
        else:
            cells.append("- | -")
        lines.append(f"| {row['pages']:,} | {row['export_s']:.0f} s | {row['zim_mb']:.1f} MB | {' | '.join(cells)} |")
    by_size = {row["pages"] // 1000: row for row in rows}
    if 4 in by_size and 100 in by_size:
        flat = by_size[100]["drug"]["search_ms"] / by_size[4]["drug"]["search_ms"]
        lines += ["", f"`search` at 100,000 pages ÷ at 4,000: {flat:.1f}× {'✓' if flat <= FLAT_RATIO else '✗'}"]
    return [*lines, ""]


def measure(sizes: list[int]) -> list[dict]:
    if shutil.which("kiwix-search") is None:
        print("Kiwix side by side skipped: kiwix-search missing (scripts/system-deps.sh test installs kiwix-tools)")
        return []
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for pages in sizes:
            folder = generate(Path(tmp) / f"pages-{pages}", pages)
            row = side_by_side(folder, Path(tmp) / f"work-{pages}", pages)
            print(json.dumps(row))
            rows.append(row)
            shutil.rmtree(folder)
    return rows


def merged(earlier: list[dict], new: list[dict]) -> list[dict]:
    """The rows measured now, and those of other sizes from before."""
    sizes = {row["pages"] for row in new}
    return sorted([row for row in earlier if row["pages"] not in sizes] + new, key=lambda row: row["pages"])


def main() -> None:
    from bench.run import compile_program, write_report

    compile_program()
    sizes = [int(a) for a in sys.argv[1:]] or SIZES
    results = json.loads((REPO / "docs" / "benchmarks.json").read_text())
    results["kiwix"] = merged(results.get("kiwix", []), measure(sizes))
    write_report(results)


if __name__ == "__main__":
    main()
