"""Shared test helpers: seed pages, page writing, the "no word lost" check, and another writer
holding a new catalog file."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from viewer.core.pages.model import Entry

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
SHARED_MISSING = "needs ../shared beside the clone (the seed pages and the user's real site)"
SEED_PAROXETINE = "000_56aedd7e32494d1b.txt"
SEED_SERTRALINE = "001_5b1378181357b81a.txt"


def seed_bytes(name: str) -> bytes:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"{SHARED_MISSING}: {path} is missing")
    return path.read_bytes()


def seed_folder(folder: Path) -> Path:
    """Both seed pages copied into ``folder`` as .md files."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "paroxetine-clonazepam.md").write_bytes(seed_bytes(SEED_PAROXETINE))
    (folder / "sertraline-clonazepam.md").write_bytes(seed_bytes(SEED_SERTRALINE))
    return folder


def page(title: str | None = "Alpha + Beta", body: str = "", front: str | None = None) -> str:
    """A page's text: front matter (a title, or ``front`` verbatim) and a body."""
    if front is None:
        front = f"title: {title}\n" if title is not None else "layout: x\n"
    return f"---\n{front}---\n\n{body}"


FULL_BODY = """# Alpha + Beta

**Generic Name:** alpha and beta

**Usage:**

Used for testing.

**Side Effects:**

Drowsiness.

**How it Works:**

Both work.

**FAQs:**

* **Is it safe?** Ask a doctor.

**Disclaimer:** General information only.

**Note:** A note.
"""


def words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in re.findall(r"\w+", text))


def entry_words(entry: Entry) -> Counter[str]:
    parts = [entry.generic_name, entry.intro, entry.usage, entry.side_effects, entry.mechanism,
             entry.faq_intro, entry.dosage, entry.precautions, entry.interactions, entry.pregnancy,
             entry.alternate_names, entry.disclaimer, entry.note]
    parts += [f"{f.question} {f.answer}" for f in entry.faqs]
    parts += [f"{label} {text}" for label, text in entry.other]
    return sum((words(p) for p in parts), Counter())


def lost_words(body: str, entry: Entry, labels: str = "") -> Counter[str]:
    """Words of ``body`` found nowhere in the entry (label and title words excused)."""
    return words(body) - entry_words(entry) - words(labels) - words(entry.title)


@contextmanager
def another_writer_making(path: Path, row: tuple[str, str], seconds: float) -> Iterator[None]:
    """Another connection makes ``path`` a new SQLite file (the list or the index making the
    catalog) and holds its write lock for ``seconds`` while it writes ``row`` into a meta table."""
    path.parent.mkdir(parents=True, exist_ok=True)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO meta VALUES (?, ?)", row)
    done = threading.Timer(seconds, lambda: other.execute("COMMIT"))
    done.start()
    try:
        yield
    finally:
        done.join()
        other.close()


REAL_SITE = REPO.parent / "shared" / "sites" / "rxhive-2024"
SUCCESSOR_SITE = REPO / "tests" / "fixtures" / "sites" / "successor"
needs_real_site = pytest.mark.skipif(not REAL_SITE.is_dir(), reason=f"{SHARED_MISSING}: {REAL_SITE} is missing")
DISCHARGE_LIST = (
    "Atorvastatin 40mg once daily\n"
    "Warfarin 5mg once daily (INR target 2-3)\n"
    "Omeprazole 20mg\n"
    "Sertraline 50mg\n"
    "Ibuprofen 400mg three times a day"
)
