"""`make translations`: the interface's words from the code into each resources/translations/*.ts
(Qt Linguist's files, for translators), then the .qm files the program loads. With --check, does
the same into a temporary folder and says what is out of date, changing nothing (the tests)."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FOLDER = REPO / "resources" / "translations"
TOOLS = Path(sys.executable).parent


def sources() -> list[str]:
    return sorted(str(path) for path in (REPO / "viewer").rglob("*.py"))


def update(ts: Path) -> str:
    """lupdate's report for ``ts``: the code's words in, words no longer in the code out."""
    language = ts.stem.rpartition("_")[2]
    done = subprocess.run([str(TOOLS / "pyside6-lupdate"), *sources(), "-locations", "none", "-no-obsolete",
                           "-source-language", "en", "-target-language", language, "-ts", str(ts)],
                          capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def release(ts: Path, qm: Path) -> str:
    done = subprocess.run([str(TOOLS / "pyside6-lrelease"), str(ts), "-qm", str(qm)],
                          capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def check() -> list[str]:
    """What is out of date: a .ts missing the code's words or keeping words it no longer has,
    a translation unfinished, a .qm not made from its .ts."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in sorted(FOLDER.glob("*.ts")):
            copy = Path(tmp) / ts.name
            shutil.copy(ts, copy)
            report = update(copy)
            if copy.read_bytes() != ts.read_bytes():
                problems.append(f"{ts.name}: not up to date with the code ({' '.join(report.split())}); run make translations")
            unfinished = len(re.findall(r'type="unfinished"', ts.read_text(encoding="utf-8")))
            if unfinished:
                problems.append(f"{ts.name}: {unfinished} words not translated yet")
            made = Path(tmp) / ts.with_suffix(".qm").name
            release(ts, made)
            shipped = ts.with_suffix(".qm")
            if not shipped.is_file() or shipped.read_bytes() != made.read_bytes():
                problems.append(f"{shipped.name}: not made from {ts.name}; run make translations")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="say what is out of date, change nothing")
    if parser.parse_args().check:
        problems = check()
        print("\n".join(problems) or "translations: up to date")
        return 1 if problems else 0
    for ts in sorted(FOLDER.glob("*.ts")):
        print(update(ts).strip())
        print(release(ts, ts.with_suffix(".qm")).strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
