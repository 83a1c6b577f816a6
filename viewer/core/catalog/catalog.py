"""The list's catalog, read again and again: only changed files re-read, kept in the folder's
catalog file (catalog_cache.py)."""

from __future__ import annotations

import gc
import pickle
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.catalog.cache import catalog_file
from viewer.core.catalog.catalog_cache import CatalogCache, Memo, read_of_values, values_of
from viewer.core.catalog.folder import UNKNOWN, Scan, read_signed
from viewer.core.catalog.library import Read, listing_quickly, load_folder, read_listing, read_listing_quickly
from viewer.core.pages.model import FileInfo, Ignored, Library
from viewer.core.pages.site import Site


@contextmanager
def collections_paused() -> Iterator[None]:
    """No cycle collection while a catalog's objects are made: they are all kept, and the
    collector would walk the growing heap again and again (a third of the time at 100,000 pages)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def rows_of_pages(root: Path, pages: list[FileInfo]) -> list[tuple[Any, ...]]:
    """The quick reads of pages as plain values (a catalog row's, and whether the read was
    quick), each with the signature of the file as it was read (a first start's reader: its
    walk took none)."""
    rows = []
    for page in pages:
        data, signature = read_signed(root, page.path)
        read = listing_quickly(page.path, data)
        rows.append((*values_of(page.path, signature, read), read.quick))
    return rows


def reads_of_rows(rows: list[Sequence[Any]]) -> Memo:
    """rows_of_pages back to reads by path."""
    return {str(row[0]): ((int(row[1]), int(row[2])), read_of_values(row[:-1], row[-1] is True)) for row in rows}


def walk_rows(site: Site, walk: Scan, chunks: int) -> list[Any]:
    """A folder's settings and what its walk left out, as plain data (the site pickled: our own
    process reads it), and how many chunks its pages were cut into."""
    return [pickle.dumps(site), [[i.path, i.reason] for i in walk.ignored], walk.folders, chunks]


def walk_of(data: list[Any], pages: list[str], memo: Memo) -> tuple[Site, Scan]:
    """The settings and walk back, each page with the signature its reader found."""
    site, ignored, folders, _ = data
    found = [FileInfo(path, memo[path][0] if path in memo else UNKNOWN) for path in pages]
    return pickle.loads(site), Scan(found, [Ignored(path, reason) for path, reason in ignored], folders)


@dataclass
class Prefetched:
    """What a first start's readers found before the window was up (prefetch.py)."""

    site: Site
    walk: Scan
    memo: Memo


class CatalogLoader:
    """Loads the catalog again and again, re-reading only files whose size or time changed.

    With a ``cache_file`` (the folder's catalog, store.py) the memo outlives the process: a
    later start reads the titles of unchanged pages from it instead of parsing every page (a
    tampered or corrupt row can only cost reading that page)."""

    def __init__(self, root: Path | str, cache_file: Path | None = None, prefetched: Prefetched | None = None) -> None:
        self.root = Path(root)
        self.cache = CatalogCache(cache_file, self.root) if cache_file is not None else None
        self._memo: Memo = self.cache.read() if self.cache is not None else {}
        self._changed = False
        self._walked = (prefetched.site, prefetched.walk) if prefetched else None  # for the first load
        self._memo = {**prefetched.memo, **self._memo} if prefetched else self._memo  # read at launch

    def load(self, quick: bool = False) -> Library:
        """The catalog; ``quick`` reads only the heads of pages not in the memo (the window's
        first start: the full read follows in the background, and the cache keeps it)."""
        memo: Memo = {}
        changed = False

        def reader(root: str, page: FileInfo) -> Read:
            nonlocal changed
            known = self._memo.get(page.path)
            usable = known is not None and known[0] == page.signature and page.signature != UNKNOWN
            if known is not None and usable and (quick or not known[1].quick):
                memo[page.path] = known
                return known[1]
            read = read_listing_quickly(root, page) if quick else read_listing(root, page, False)
            memo[page.path] = (page.signature, read)
            changed = True
            return read

        with collections_paused():
            library = load_folder(self.root, reader, self._walked)
        self._walked = None  # later loads look again
        self._changed = self._changed or changed or len(memo) != len(self._memo)
        self._memo = memo
        return library

    def save(self) -> bool:
        """Write what changed to the catalog file; False when it could not be written."""
        if self.cache is None or not self._changed:
            return True
        if not self.cache.write(self._memo):
            return False
        self._changed = False
        return True

    def complete(self) -> bool:
        """Whether every page of the last load was read in full."""
        return not any(read.quick for _, read in self._memo.values())

    def changed_since(self, other: Library, now: Library) -> set[str]:
        """Paths whose listing differs between two loads (added, removed or edited)."""
        before = {e.path: e for e in other.entries}
        after = {e.path: e for e in now.entries}
        return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def load_kept_catalog(root: Path) -> Library:
    """The listings from the catalog the window keeps (a page is parsed only when it changed since
    the catalog was written), and the catalog kept up to date for the next run and the window:
    what the commands read instead of every page."""
    loader = CatalogLoader(root, catalog_file(root))
    library = loader.load()
    loader.save()  # a catalog that cannot be written costs only the next run's reading
    return library
