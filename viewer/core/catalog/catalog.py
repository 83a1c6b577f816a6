"""The list's catalog, read again and again: only changed files re-read, kept in the folder's
catalog file (catalog_cache.py)."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from viewer.core.catalog.cache import catalog_file
from viewer.core.catalog.catalog_cache import CatalogCache, Memo, read_of_values, values_of
from viewer.core.catalog.folder import UNKNOWN, Scan, read_signed
from viewer.core.catalog.library import Read, listing_quickly, load_folder, read_listing, read_listing_quickly
from viewer.core.catalog.snapshot import Stamp, collections_paused, read_list, stamp_of, started, still_true, write_list
from viewer.core.pages.model import FileInfo, Ignored, Library
from viewer.core.pages.site import Site


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

    def __init__(self, root: Path | str, cache_file: Path | None = None, prefetched: Prefetched | None = None,
                 kept: Stamp | None = None) -> None:
        self.root = Path(root)
        self.cache = CatalogCache(cache_file, self.root) if cache_file is not None else None
        self._memo: Memo | None = None  # read on the first load (a start from the snapshot reads it after the first frame)
        self._prefetched: Memo = prefetched.memo if prefetched else {}  # read at launch
        self._changed = False
        self._walked = (prefetched.site, prefetched.walk) if prefetched else None  # for the first load
        self._kept = kept  # the stamp of the snapshot file (snapshot.py) as last read or written
        self._last: tuple[Library, int] | None = None  # the last complete load, and when it began
        self._shown: Library | None = None  # the snapshot's library a window showed first

    def first_load(self) -> Library:
        """What a window shows first: the list's snapshot (one read of one file; the load that
        follows after the first frame finds any change since), else the heads of new pages."""
        kept = read_list(self.root, pages=False)  # the walk after the first frame finds them
        if kept is None:
            return self.load(quick=True)
        self._kept, self._shown = kept
        return self._shown

    def _known(self) -> Memo:
        if self._memo is None:
            listed = {entry.path: entry for entry in self._shown.entries} if self._shown is not None else None
            self._memo = {**self._prefetched, **(self.cache.read(listed) if self.cache is not None else {})}
            self._prefetched = {}
        return self._memo

    def load(self, quick: bool = False) -> Library:
        """The catalog; ``quick`` reads only the heads of pages not in the memo (the window's
        first start: the full read follows in the background, and the cache keeps it)."""
        began = started()
        known_memo = self._known()
        memo: Memo = {}
        changed = False

        def reader(root: str, page: FileInfo) -> Read:
            nonlocal changed
            known = known_memo.get(page.path)
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
        if self._shown is not None:  # the load after a start from the snapshot
            library = self._as_shown(library)
        self._changed = self._changed or changed or len(memo) != len(known_memo)
        self._memo = memo
        self._last = (library, began) if self.complete() else None
        return library

    def _as_shown(self, library: Library) -> Library:
        """The first load after a start from the snapshot, with the listings the window shows: the
        catalog's rows took them where the same (CatalogCache.read), so one copy of each is kept
        and the window's comparison is of the same objects (quick)."""
        shown, self._shown = self._shown, None
        return replace(library, entries=shown.entries) if shown is not None and library.entries == shown.entries else library

    def save(self) -> bool:
        """Write what changed to the catalog file, and the snapshot when the last load was
        complete and the snapshot is not already of it; False when the catalog could not be written."""
        if self.cache is None:
            return True
        changed = self._changed
        if changed:
            if not self.cache.write(self._known()):
                return False
            self._changed = False
        if self._last is not None:
            library, began = self._last
            stamp = stamp_of(library, began)
            if stamp is not None and (changed or stamp != self._kept) and write_list(stamp, library):
                self._kept = stamp
        return True

    def complete(self) -> bool:
        """Whether every page of the last load was read in full."""
        return not any(read.quick for _, read in self._known().values())

    def changed_since(self, other: Library, now: Library) -> set[str]:
        """Paths whose listing differs between two loads (added, removed or edited)."""
        before = {e.path: e for e in other.entries}
        after = {e.path: e for e in now.entries}
        return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def load_kept_catalog(root: Path) -> Library:
    """The listings the window keeps: its snapshot when the folder has not changed since (one
    read, and a stat of each page), else its catalog (a page is parsed only when it changed since
    the catalog was written), kept up to date for the next run and the window: what the commands
    read instead of every page."""
    kept = read_list(root)
    if kept is not None and still_true(kept[1], kept[0]):
        return kept[1]
    loader = CatalogLoader(root, catalog_file(root), kept=kept[0] if kept else None)
    library = loader.load()
    loader.save()  # a catalog that cannot be written costs only the next run's reading
    return library
