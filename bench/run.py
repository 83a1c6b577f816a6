"""The benchmark (`make bench`): generated folders of 1,000 to 100,000 pages, each figure
measured in fresh processes and set against the machine's own floor.

Writes docs/benchmarks.md and docs/benchmarks.json. Run by hand; never a timed test in CI."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import kiwix  # noqa: E402
from bench.corpus import generate  # noqa: E402

LOAD = """
import sys, time, json, resource
from viewer.core.catalog import library
load = getattr(library, sys.argv[2])
t = time.perf_counter()
lib = load(sys.argv[1])
print(json.dumps({"entries": len(lib.entries), "problems": len(lib.problems), "seconds": time.perf_counter() - t,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
READ_FLOOR = """
import sys, time, os, json
t = time.perf_counter()
n = 0
for folder, _, files in os.walk(sys.argv[1]):
    for name in files:
        with open(os.path.join(folder, name), "rb") as f:
            n += len(f.read())
print(json.dumps({"bytes": n, "seconds": time.perf_counter() - t}))
"""
QUICK_PATHS = r"""
import sys, os, time, json
from viewer.core.pages.page import quick_listing, read_head
from viewer.core.pages.frontmatter import parse_plain
from viewer.core.pages.yaml_front import parse_yaml
pages = []
for folder, _, files in os.walk(sys.argv[1]):
    for name in files:
        if name.endswith(".md"):
            with open(os.path.join(folder, name), "rb") as f:
                pages.append((os.path.relpath(os.path.join(folder, name), sys.argv[1]), f.read()))
fronts = [data[4:data.find(b"\n---\n", 3)].decode() for _, data in pages if data.startswith(b"---\n")]
fronts = [f for f in fronts if parse_plain(f) is not None]  # the plain form the quick path takes
def best(work):
    times = []
    for _ in range(3):
        t = time.perf_counter(); work(); times.append(time.perf_counter() - t)
    return min(times)
print(json.dumps({
    "listing_bytes_s": best(lambda: [quick_listing(p, d) for p, d in pages]),
    "listing_general_s": best(lambda: [h.listing for h in (read_head(p, d) for p, d in pages) if h.title is not None]),
    "front_plain_s": best(lambda: [parse_plain(f) for f in fronts]),
    "front_yaml_s": best(lambda: [parse_yaml(f, 2, 1 << 16) for f in fronts]),
}))
"""
COLD_RATIO = {10_000: 2.0, 100_000: 2.5}  # cold start within this many times the floor (issue 13)
TARGETS = {  # pages: (start cold s, start warm s, keystroke p95 ms, open p95 ms, peak RSS MB)
    10_000: (1.0, 0.6, 16, 30, 250),
    100_000: (5.0, 2.0, 50, 30, 1024),
}


def run(args: list[str], env: dict[str, str] | None = None) -> str:
    return subprocess.run(args, cwd=REPO, check=True, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=3600).stdout


def best_of(script: str, *args: str, repeat: int = 3) -> dict:
    runs = [json.loads(run([sys.executable, "-c", script, *args])) for _ in range(repeat)]
    return min(runs, key=lambda r: r["seconds"])


def window_run(folder: Path, cache: Path, *flags: str, env: dict[str, str] | None = None) -> dict:
    """One window run (bench/window.py); ``env`` adds to the environment (a display of its own)."""
    return json.loads(run([sys.executable, str(REPO / "bench" / "window.py"), str(folder), repr(time.time()), *flags],
                          env={**(env or {}), "COMBO_VIEWER_CACHE": str(cache)}))


def best_start(folder: Path, caches: list[Path], *flags: str, env: dict[str, str] | None = None) -> float:
    """The quickest of several starts, one per cache folder (like the floors: best of three)."""
    return min(window_run(folder, cache, "--start-only", *flags, env=env)["start_s"] for cache in caches)


def compile_program() -> None:
    """The program as installed: every module compiled once. A module edited since its last
    compile (or a shell with PYTHONDONTWRITEBYTECODE) would be compiled at every start measured."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "viewer")], check=True)


def qt_floor() -> float:
    return min(float(run([sys.executable, str(REPO / "bench" / "floor.py"), repr(time.time())])) for _ in range(3))


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    except OSError:
        memory = 0
    from PySide6 import __version__ as qt

    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, PySide6 {qt}")


def stall_text(run: dict) -> str:
    stall = run.get("fulltext_typing_longest_stall_ms")
    return "-" if stall is None else f"{stall:.0f} ms{mark(stall, 16)}"


def mark(value: float, target: float | None) -> str:
    if target is None:
        return ""
    return " ✓" if value <= target else f" ✗ (target {target})"


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000]
    compile_program()
    qt = qt_floor()
    results = {"date": dt.date.today().isoformat(), "machine": machine(), "qt_window_floor_s": round(qt, 3), "sizes": []}
    print(f"floor: Python + Qt showing an empty window: {qt:.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        for pages in sizes:
            started = time.time()
            folder = generate(Path(tmp) / f"pages-{pages}", pages)
            print(f"{pages:,} pages generated in {time.time() - started:.0f} s")
            read = best_of(READ_FLOOR, str(folder))
            catalog = best_of(LOAD, str(folder), "load_catalog")
            full = best_of(LOAD, str(folder), "load_library", repeat=1)
            cache = Path(tmp) / f"cache-{pages}"
            cold_start = best_start(folder, [Path(tmp) / f"cold-{pages}-{n}" for n in range(3)])  # no cache yet
            cold = window_run(folder, cache)
            warm = window_run(folder, cache)
            cold["start_s"] = min(cold["start_s"], cold_start)
            cold["start_without_readers_s"] = best_start(folder, [Path(tmp) / f"plain-{pages}-{n}" for n in range(3)],
                                                         "--no-readers")
            quick = json.loads(run([sys.executable, "-c", QUICK_PATHS, str(folder)]))
            warm["start_s"] = min(warm["start_s"], best_start(folder, [cache] * 2))
            row = {"pages": pages, "read_floor_s": round(read["seconds"], 3), "catalog_s": round(catalog["seconds"], 3),
                   "full_parse_s": round(full["seconds"], 3), "cold": cold, "warm": warm, "quick_paths": quick}
            results["sizes"].append(row)
            print(json.dumps(row))
    kiwix_rows = kiwix.measure(kiwix.SIZES if len(sys.argv) < 2 else sizes)  # the sizes by default
    results["hostile"] = json.loads(run([sys.executable, str(REPO / "bench" / "hostile.py"), "100"]))
    print(json.dumps(results["hostile"]))
    # Sizes not run this time keep their last figures (`make bench ARGS=10000` updates one row).
    try:
        earlier = json.loads((REPO / "docs" / "benchmarks.json").read_text())
        kept = [row for row in earlier.get("sizes", []) if row.get("pages") not in sizes]
        results["kiwix"] = kiwix.merged(earlier.get("kiwix", []), kiwix_rows)
    except (OSError, ValueError, AttributeError):
        kept, results["kiwix"] = [], kiwix_rows
    results["sizes"] = sorted(kept + results["sizes"], key=lambda row: row["pages"])
    write_report(results)


def quick_paths_table(sizes: list[dict]) -> list[str]:
    """What each path that duplicates a slower one buys: the same work done both ways."""
    rows = [row for row in sizes if "quick_paths" in row and "start_without_readers_s" in row["cold"]]
    if not rows:
        return []
    lines = ["## What each quick path buys", "",
             "Each of these does what a slower, general path does, for the plain pages most sites are made of;",
             "each is measured against that path on the same pages.", "",
             "| pages | cold start with / without the forked readers | listing from the bytes / general head read | "
             "plain front matter / YAML |", "|---|---|---|---|"]
    for row in rows:
        quick, cold = row["quick_paths"], row["cold"]
        lines.append(f"| {row['pages']:,} | {cold['start_s']:.2f} / {cold['start_without_readers_s']:.2f} s "
                     f"| {quick['listing_bytes_s']:.3f} / {quick['listing_general_s']:.3f} s "
                     f"| {quick['front_plain_s']:.3f} / {quick['front_yaml_s']:.3f} s |")
    return lines + [""]


def write_report(results: dict) -> None:
    qt = results["qt_window_floor_s"]
    lines = [
        "# Benchmarks",
        "",
        f"Measured {results['date']} on {results['machine']}, by `make bench` (bench/run.py).",
        "Each figure comes from a fresh process. *Start* is from launching the process to the window",
        "shown with the list filled, the best of three like the floors. *Cold* has nothing cached (no",
        "catalog, no full-text index: the index is built in the background after start, with the list",
        "already usable); *warm* is a later start. Keystrokes",
        "are timed from the text change to the list updated, over 30 drug queries typed letter by",
        "letter (pairs and single drugs), 15 misspelt pairs (fuzzy) and 10 full-text queries. The",
        "longest stall is the longest the window's thread was busy at a stretch (unable to draw or",
        "take a key) while those 10 full-text queries are typed at 80 ms a letter and their results",
        "come in (target 16 ms, one frame).",
        "",
        f"Floors: Python + Qt showing an empty window takes **{qt:.2f} s** here; reading every page's",
        "bytes is given per size. Ratios: start ÷ (Qt floor + read floor); catalog ÷ read floor.",
        "",
        "| pages | start cold | start warm | keystroke p95 (drug / fuzzy / full text) | open p95 | peak RSS | "
        "full-text index ready | PDF export | full-text results p95 (searched off the window's thread) | "
        "longest stall while typing full text |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in results["sizes"]:
        target = TARGETS.get(row["pages"], (None,) * 5)
        cold, warm = row["cold"], row["warm"]
        floor = qt + row["read_floor_s"]
        rss = max(cold["peak_rss_mb"], warm["peak_rss_mb"])
        lines.append(
            f"| {row['pages']:,} | {cold['start_s']:.2f} s{mark(cold['start_s'], target[0])} "
            f"({cold['start_s'] / floor:.2f}×{mark(cold['start_s'] / floor, COLD_RATIO.get(row['pages']))}) "
            f"| {warm['start_s']:.2f} s{mark(warm['start_s'], target[1])} ({warm['start_s'] / floor:.1f}×) "
            f"| {warm['keystroke_drug']['p95_ms']:.1f}{mark(warm['keystroke_drug']['p95_ms'], target[2])} / "
            f"{warm['keystroke_fuzzy']['p95_ms']:.1f} / {warm['keystroke_fulltext']['p95_ms']:.1f} ms "
            f"| {warm['open']['p95_ms']:.1f} ms{mark(warm['open']['p95_ms'], target[3])} "
            f"| {rss:.0f} MB{mark(rss, target[4])} "
            f"| {cold['index_ready_s']:.1f} s cold, {warm['index_ready_s']:.1f} s warm | {warm['pdf_export_ms']:.0f} ms "
            f"| {warm.get('fulltext_results', {}).get('p95_ms', float('nan')):.0f} ms "
            f"| {stall_text(warm)} |"
        )
    lines += ["", "| pages | read every file (floor) | catalog load | catalog ÷ floor | full parse (`check`) | "
              "keystroke p50 drug / fuzzy / full text | drug keystroke p95 while the first index builds |",
              "|---|---|---|---|---|---|---|"]
    for row in results["sizes"]:
        warm, cold = row["warm"], row["cold"]
        during = cold["keystroke_drug_while_indexing_p95_ms"]
        lines.append(
            f"| {row['pages']:,} | {row['read_floor_s']:.3f} s | {row['catalog_s']:.3f} s | "
            f"{row['catalog_s'] / row['read_floor_s']:.1f}× | {row['full_parse_s']:.2f} s | "
            f"{warm['keystroke_drug']['p50_ms']:.1f} / {warm['keystroke_fuzzy']['p50_ms']:.1f} / "
            f"{warm['keystroke_fulltext']['p50_ms']:.1f} ms | {f'{during:.1f} ms' if during else '-'} |"
        )
    lines += ["", "Targets (✓ met, ✗ missed) are those of the benchmark issue for this 2-core machine.", ""]
    lines += quick_paths_table(results["sizes"])
    lines += kiwix.table(results.get("kiwix", []))
    hostile = results.get("hostile")
    if hostile:
        worst = hostile["slowest_random"]
        lines += [
            "## Hostile pages", "",
            "Time to open a page for the screen (parse, build, Qt laying out every tab) and to write its PDF,",
            f"for the known attacks (about 190 KB each) and {hostile['random_samples']} random pages of Markdown's",
            "special characters up to 200 KB (bench/hostile.py, seeded).", "",
            "| input | screen | paper |", "|---|---|---|",
        ]
        lines += [f"| {name} | {t['screen_s']:.2f} s | {t['paper_s']:.2f} s |" for name, t in hostile["known"].items()]
        lines += [f"| slowest random ({worst['chars']:,} chars, starting `{worst['starts'][:12]!r}`) | "
                  f"{worst['screen_s']:.2f} s | {worst['paper_s']:.2f} s |", ""]
    docs = REPO / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "benchmarks.md").write_text("\n".join(lines))
    (docs / "benchmarks.json").write_text(json.dumps(results, indent=2) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
