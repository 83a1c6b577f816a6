"""The list's part of a content folder's catalog (store.py): each page's listing as the list
last read it, signed row by row with this user's key, so a row altered by anyone else only
makes that page be read again; it can never change what a page says."""

from __future__ import annotations

import hmac
import json
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from viewer.core.catalog.cache import row_mac
from viewer.core.catalog.library import Read
from viewer.core.catalog.store import SAVE_LISTING, belongs, connect, create
from viewer.core.pages.model import Listing, PageKind, Problem, Severity
from viewer.core.pages.safety import SEVERITIES
from viewer.core.private import private_file, private_folder, usable_file

Memo = dict[str, tuple[tuple[int, int], Read]]
_KINDS = {kind.value: kind for kind in PageKind}
_COLUMNS = "path, mtime_ns, size, title, drugs, problems, kind, reason, layout, severity, warning"
_NO_TITLE = "\x00"  # no listing: a title no page can have
_DRUGS = "\x1f"  # between a listing's medicines (a page holding this control character is not read)


class CatalogCache:
    def __init__(self, path: Path, root: Path) -> None:
        self.path = path
        self.root = root.resolve()
        self._stored: Memo = {}  # what the file holds, as last read or written

    def read(self, listed: Mapping[str, Listing] | None = None) -> Memo:
        """Every page's listing the file holds with a good signature ({} for no file, another
        folder's, another version's or a damaged one); ``listed``: listings already in memory
        (a window's first list), taken instead of a copy where the same."""
        if not self.path.is_file() or not usable_file(self.path):
            return {}
        try:
            connection = connect(f"file:{self.path}", True)
            try:
                if not belongs(connection, self.root):
                    return {}
                rows = connection.execute(f"SELECT {_COLUMNS}, mac FROM pages WHERE mac IS NOT NULL").fetchall()
            finally:
                connection.close()
        except sqlite3.Error:
            return {}
        memo: Memo = {}
        for row in rows:
            if not isinstance(row[-1], str) or not hmac.compare_digest(row[-1], _mac(row[:-1])):
                continue  # altered, or written by someone else: that page is read again
            try:
                memo[row[0]] = ((int(row[1]), int(row[2])), read_of_values(row[:-1], listed=listed))
            except (ValueError, TypeError, KeyError, IndexError):
                continue
        self._stored = dict(memo)
        return memo

    def write(self, memo: Memo) -> bool:
        """Save the listings that changed since the last read or write; False when it could not."""
        stored = self._stored
        changed = {path: known for path, known in memo.items()
                   if not known[1].quick and stored.get(path) is not known and stored.get(path) != known}
        gone = [(path,) for path in self._stored if path not in memo]
        if not changed and not gone:
            return True
        try:
            private_file(private_folder(self.path.parent) / self.path.name)  # 0600 in 0700, never through a link
            connection = connect(f"file:{self.path}", True)
            try:
                create(connection, self.root)
                if not belongs(connection, self.root):
                    return False  # another version's file: the index starts it afresh first
                with connection:
                    connection.executemany(SAVE_LISTING, [_row(path, *known) for path, known in changed.items()])
                    connection.executemany("DELETE FROM pages WHERE path = ? AND indexed = 0", gone)
                    connection.executemany("UPDATE pages SET mac = NULL WHERE path = ?", gone)
            finally:
                connection.close()
        except (sqlite3.Error, OSError, ValueError):  # ValueError: a folder name that is not UTF-8
            return False
        self._stored.update(changed)
        for (path,) in gone:
            del self._stored[path]
        return True


def values_of(path: str, signature: tuple[int, int], read: Read) -> tuple[Any, ...]:
    """A page's read as plain values: a catalog row's columns, and what a first start's readers send."""
    listing = read.listing
    problems = json.dumps([[p.line, p.severity.value, p.message] for p in read.problems], ensure_ascii=False) if read.problems else ""
    return (path, signature[0], signature[1], listing.title if listing else None,
            _DRUGS.join(listing.drugs) if listing else "", problems, read.kind.value,
            read.reason, read.layout, listing.severity if listing else "", listing.warning if listing else "")


def _row(path: str, signature: tuple[int, int], read: Read) -> tuple[Any, ...]:
    values = values_of(path, signature, read)
    return (*values, _mac(values))


def _mac(values: tuple[Any, ...]) -> str:
    path, mtime, size, title, drugs, problems, kind, reason, layout, severity, warning = values
    title = _NO_TITLE if title is None else title
    payload = f"{path}\x1e{mtime}\x1e{size}\x1e{title}\x1e{drugs}\x1e{problems}\x1e{kind}\x1e{reason}\x1e{layout}\x1e{severity}\x1e{warning}"
    return row_mac(payload.encode("utf-8", "surrogatepass"))


def read_of_values(values: Sequence[Any], quick: bool = False, listed: Mapping[str, Listing] | None = None) -> Read:
    """values_of back to a read (its listing the one in ``listed`` when the same); raises
    ValueError, TypeError, KeyError or IndexError for bad ones."""
    path, _, _, title, drugs, problems, kind, reason, layout, severity, warning = values
    listing = (Listing(path, title, tuple(drugs.split(_DRUGS)) if drugs else (), "",
                       severity if severity in SEVERITIES else "", str(warning)) if isinstance(title, str) else None)
    if listed is not None and listing is not None and (same := listed.get(path)) == listing:
        listing = same
    found = tuple(Problem(path, line, Severity(level), message) for line, level, message in json.loads(problems)) if problems else ()
    return Read(listing, found, _KINDS[kind], str(reason), str(layout), quick)
