"""The benchmark: loading corpora of generated pages, each measured in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import generate  # noqa: E402

LOAD = """
import sys, time, json, resource
from viewer.core import library
load = getattr(library, sys.argv[2])
t = time.perf_counter()
lib = load(sys.argv[1])
elapsed = time.perf_counter() - t
print(json.dumps({"entries": len(lib.entries), "problems": len(lib.problems), "seconds": elapsed,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
FLOOR = """
import sys, time, os, json
t = time.perf_counter()
n = 0
for folder, _, files in os.walk(sys.argv[1]):
    for name in files:
        with open(os.path.join(folder, name), "rb") as f:
            n += len(f.read())
print(json.dumps({"bytes": n, "seconds": time.perf_counter() - t}))
"""


def measure(script: str, folder: Path, *args: str, repeat: int = 3) -> dict:
    runs = [
        json.loads(subprocess.run([sys.executable, "-c", script, str(folder), *args], cwd=REPO, check=True,
                                  capture_output=True, text=True).stdout)
        for _ in range(repeat)
    ]
    return min(runs, key=lambda r: r["seconds"])


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for pages in sizes:
            folder = generate(Path(tmp) / str(pages), pages)
            floor = measure(FLOOR, folder)
            catalog = measure(LOAD, folder, "load_catalog")
            full = measure(LOAD, folder, "load_library")
            cache = Path(tmp) / f"cache-{pages}"
            env = {**os.environ, "COMBO_VIEWER_CACHE": str(cache)}
            ui = json.loads(subprocess.run([sys.executable, str(REPO / "bench" / "ui.py"), str(folder)], cwd=REPO,
                                           check=True, capture_output=True, text=True, env=env).stdout)
            warm = json.loads(subprocess.run([sys.executable, str(REPO / "bench" / "ui.py"), str(folder)], cwd=REPO,
                                             check=True, capture_output=True, text=True, env=env).stdout)
            results.append({"pages": pages, "catalog": catalog, "full": full, "read_floor": floor, "window": ui,
                            "window_warm": warm})
            print(f"{pages:>7,} pages ({catalog['entries']:,} entries); reading every file's bytes: {floor['seconds']:.3f} s")
            for name, run in (("catalog (what the window loads)", catalog), ("full read (check)", full)):
                print(
                    f"    {name:<32} {run['seconds']:.3f} s, {run['seconds'] / floor['seconds']:.1f}x the floor, "
                    f"{run['problems']} problems, peak RSS {run['rss_mb']:.0f} MB"
                )
            print(
                f"    window: shown with the list filled in {ui['window_shown_ms']:.0f} ms (in-process, after imports); "
                f"keystroke p50 {ui['keystroke_p50_ms']} ms, p95 {ui['keystroke_p95_ms']} ms "
                f"(p95 {ui['keystroke_while_indexing_p95_ms']} ms while the first index build runs); "
                f"open an entry p50 {ui['open_p50_ms']} ms, p95 {ui['open_p95_ms']} ms"
            )
            print(
                f"    full text: index built in the background, ready {ui['index_ready_ms'] / 1000:.1f} s after start "
                f"(warm start: {warm['index_ready_ms'] / 1000:.2f} s); keystroke p50 {ui['fulltext_keystroke_p50_ms']} ms, "
                f"p95 {ui['fulltext_keystroke_p95_ms']} ms"
            )
    out = REPO / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "load.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
