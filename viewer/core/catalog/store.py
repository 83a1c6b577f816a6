"""One SQLite file per content folder, in the user's cache folder: the catalog of its pages.

Each page has one row: the signature (modification time and size) of the file as last seen,
the listing the list shows for it (signed, so a row altered by anyone else is read again from
the page), and whether the full-text index holds that version's text. The list's cache and the
full-text index keep their state here, so a page's signature is stored once, and whichever
sees a page change marks the other's part of the row stale. The index's sections are in the
same file. It is a cache: deleting it is always safe."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

SCHEMA = "6"  # 5: every section indexed; brand pages listed as brands; 6: indexed sections signed
WAIT_S = 10  # how long a connection waits for the other writer (the list or the index)
_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
TABLES = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS pages(
    path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL,
    title TEXT, drugs TEXT, problems TEXT, kind TEXT, reason TEXT, layout TEXT, severity TEXT, warning TEXT,
    mac TEXT,                              -- the listing's signature; NULL: not listed in this version
    indexed INTEGER NOT NULL DEFAULT 0     -- 1: the index holds this version's text
);
CREATE TABLE IF NOT EXISTS docs(id INTEGER PRIMARY KEY, path TEXT NOT NULL, section TEXT, body TEXT,
    mac TEXT);                             -- the section's signature: an altered row is never shown
CREATE INDEX IF NOT EXISTS docs_path ON docs(path);
CREATE VIRTUAL TABLE IF NOT EXISTS sections USING fts5(
    body, content = 'docs', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
);
CREATE TRIGGER IF NOT EXISTS docs_added AFTER INSERT ON docs BEGIN
    INSERT INTO sections(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER IF NOT EXISTS docs_removed AFTER DELETE ON docs BEGIN
    INSERT INTO sections(sections, rowid, body) VALUES ('delete', old.id, old.body);
END;
"""
# A page as the list last read it; its index status stays unless the file is another version.
SAVE_LISTING = """
INSERT INTO pages(path, mtime_ns, size, title, drugs, problems, kind, reason, layout, severity, warning, mac)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(path) DO UPDATE SET
    indexed = CASE WHEN pages.mtime_ns = excluded.mtime_ns AND pages.size = excluded.size THEN pages.indexed ELSE 0 END,
    mtime_ns = excluded.mtime_ns, size = excluded.size, title = excluded.title, drugs = excluded.drugs,
    problems = excluded.problems, kind = excluded.kind, reason = excluded.reason, layout = excluded.layout,
    severity = excluded.severity, warning = excluded.warning, mac = excluded.mac
"""
# A page as the index last read it; its listing stays unless the file is another version.
SAVE_INDEXED = """
INSERT INTO pages(path, mtime_ns, size, indexed) VALUES (?, ?, ?, 1)
ON CONFLICT(path) DO UPDATE SET
    mac = CASE WHEN pages.mtime_ns = excluded.mtime_ns AND pages.size = excluded.size THEN pages.mac ELSE NULL END,
    mtime_ns = excluded.mtime_ns, size = excluded.size, indexed = 1
"""


def connect(uri: str, on_disk: bool) -> sqlite3.Connection:
    # Each write transaction takes the lock as it begins (waiting its turn): two writers, the
    # list and the index, then never fail by both upgrading from reading at once.
    connection = sqlite3.connect(uri, uri=True, timeout=WAIT_S, check_same_thread=False, isolation_level="IMMEDIATE")
    if on_disk:
        try:
            _write_ahead(connection)
        except sqlite3.Error:
            connection.close()
            raise
        connection.execute("PRAGMA synchronous=OFF")  # a cache: a crash costs a rebuild, never a page
    return connection


def _write_ahead(connection: sqlite3.Connection) -> None:
    """Readers never wait for the writer (WAL; the file keeps the mode once set). Setting it
    needs the file to itself, and SQLite does not wait for that: while the other writer is
    making a new file, it fails at once. So it is tried again, as long as a write would wait."""
    deadline = time.monotonic() + WAIT_S
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode not in _BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def create(connection: sqlite3.Connection, root: Path) -> None:
    """The tables, and the folder they belong to (a file for another folder is never used)."""
    with connection:
        connection.executescript(TABLES)
        connection.executemany("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)",
                               [("schema", SCHEMA), ("root", str(root))])


def remove(path: Path) -> None:
    """Delete a catalog file, with its write-ahead log and shared memory."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def belongs(connection: sqlite3.Connection, root: Path) -> bool:
    """Whether the file is this version's catalog of ``root``."""
    meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    return meta.get("schema") == SCHEMA and meta.get("root") == str(root)
