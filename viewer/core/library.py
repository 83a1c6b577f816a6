"""A content folder to a Library: every page read, every file accounted for."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, TypeVar

from viewer.core.drugs import DRUGS_FILE, load_drugs
from viewer.core.model import Library, Listing, Page, Problem, Severity
from viewer.core.page import parse_page, read_head
from viewer.core.source import MAX_FILE_BYTES

PAGE_SUFFIXES = (".md", ".markdown")
L = TypeVar("L", bound=Listing)


@dataclass(frozen=True)
class FileInfo:
    """A page found by the scan: its relative path and its (mtime_ns, size) signature."""

    path: str
    signature: tuple[int, int]


def scan(root: Path | str) -> tuple[list[FileInfo], list[str]]:
    """The pages (with their signatures) and the other files under ``root``, by relative path
    with forward slashes, sorted; hidden files and folders are skipped, links to folders too."""
    pages: list[FileInfo] = []
    others: list[str] = []

    def walk(folder: str, prefix: str) -> None:
        try:
            with os.scandir(folder) as found:
                items = sorted(found, key=lambda item: item.name)
        except OSError:
            return
        for item in items:
            if item.name.startswith("."):
                continue
            relative = prefix + item.name
            try:
                if item.is_dir(follow_symlinks=False):
                    walk(item.path, relative + "/")
                    continue
                if not item.is_file():
                    continue
                if item.name.lower().endswith(PAGE_SUFFIXES):
                    info = item.stat()
                    pages.append(FileInfo(relative, (info.st_mtime_ns, info.st_size)))
                elif relative != DRUGS_FILE:
                    others.append(relative)
            except OSError:  # vanished or unreadable mid-scan: reading it will report why
                if item.name.lower().endswith(PAGE_SUFFIXES):
                    pages.append(FileInfo(relative, (-1, -1)))

    walk(str(root), "")
    return pages, others


def read_bytes(root: Path | str, relative: str) -> bytes | Problem:
    """A page's bytes, or the error that stops it being read."""
    try:
        with open(os.path.join(root, relative), "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                message = f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit"
                return Problem(relative, None, Severity.ERROR, message)
            return handle.read()
    except OSError as exc:
        return Problem(relative, None, Severity.ERROR, f"cannot read: {exc.strerror or exc}")


def read_page(root: Path | str, relative: str) -> Page:
    """Read and parse one page completely; a file that cannot be read becomes an error."""
    data = read_bytes(root, relative)
    return Page(None, (data,)) if isinstance(data, Problem) else parse_page(relative, data)


def _read_listing(root: str, relative: str) -> tuple[Listing | None, tuple[Problem, ...]]:
    data = read_bytes(root, relative)
    if isinstance(data, Problem):
        return None, (data,)
    head = read_head(relative, data)
    return (head.listing if head.title is not None else None), head.problems


def _read_entry(root: str, page: FileInfo) -> tuple[Listing | None, tuple[Problem, ...]]:
    result = read_page(root, page.path)
    return result.entry, result.problems


def _read_catalog_entry(root: str, page: FileInfo) -> tuple[Listing | None, tuple[Problem, ...]]:
    return _read_listing(root, page.path)


def load_catalog(root: Path | str) -> Library:
    """What the list needs, fast: every page's title and drugs, and the errors that lose a page.

    Section-level warnings (missing sections, FAQs without pairs) come only from load_library.
    """
    return _load(Path(root), _read_catalog_entry)


def load_library(root: Path | str) -> Library:
    """Read every page under ``root`` completely. Raises NotADirectoryError when it is no folder."""
    return _load(Path(root), _read_entry)


Reader = Callable[[str, FileInfo], tuple[Listing | None, tuple[Problem, ...]]]


def _load(root: Path, reader: Reader) -> Library:
    if not root.is_dir():
        raise NotADirectoryError(f"content folder not found: {root}")
    pages, ignored = scan(root)
    entries: list[Listing] = []
    problems: list[Problem] = []
    failed: list[str] = []
    root_text = str(root)
    for page in pages:
        entry, page_problems = reader(root_text, page)
        problems.extend(page_problems)
        if entry is None:
            failed.append(page.path)
        else:
            entries.append(entry)
    drugs, drug_problems = load_drugs(root)
    problems.extend(drug_problems)
    entries, duplicate_problems = tell_apart(entries)
    problems.extend(duplicate_problems)
    entries.sort(key=lambda e: (e.display_title.casefold(), e.path))
    times = [page.signature[0] for page in pages if page.signature[0] > 0]
    return Library(
        root=str(root),
        entries=tuple(entries),
        problems=tuple(problems),
        ignored=tuple(ignored),
        failed=tuple(failed),
        drugs=drugs,
        newest_page=max(times) / 1e9 if times else None,
    )


def tell_apart(entries: list[L]) -> tuple[list[L], list[Problem]]:
    """Entries sharing a title are all kept, each marked with its path, with a warning."""
    by_title: dict[str, list[int]] = defaultdict(list)
    for index, entry in enumerate(entries):
        by_title[entry.title.casefold()].append(index)
    problems: list[Problem] = []
    result = list(entries)
    for indexes in by_title.values():
        if len(indexes) < 2:
            continue
        paths = [entries[i].path for i in indexes]
        for i in indexes:
            entry = entries[i]
            result[i] = replace(entry, distinguisher=entry.path)
            others = ", ".join(p for p in paths if p != entry.path)
            problems.append(
                Problem(entry.path, None, Severity.WARNING, f"title '{entry.title}' is also used by {others}; both are listed")
            )
    return result, problems



Memo = dict[str, tuple[tuple[int, int], Listing | None, tuple[Problem, ...]]]
CATALOG_SCHEMA = 2


class CatalogLoader:
    """Loads the catalog again and again, re-reading only files whose size or time changed.

    With a ``cache_file`` the memo outlives the process: a later start reads the titles of
    unchanged pages from it instead of parsing every page (JSON, never code, so a tampered or
    corrupt cache can only cost a full read)."""

    def __init__(self, root: Path | str, cache_file: Path | None = None) -> None:
        self.root = Path(root)
        self.cache_file = cache_file
        self._memo: Memo = {}
        self._changed = False
        if cache_file is not None:
            self._memo = self._read_cache(cache_file)

    def load(self) -> Library:
        memo: Memo = {}
        changed = False

        def reader(root: str, page: FileInfo) -> tuple[Listing | None, tuple[Problem, ...]]:
            nonlocal changed
            known = self._memo.get(page.path)
            if known is not None and known[0] == page.signature and page.signature != (-1, -1):
                memo[page.path] = known
                return known[1], known[2]
            listing, problems = _read_listing(root, page.path)
            memo[page.path] = (page.signature, listing, problems)
            changed = True
            return listing, problems

        library = _load(self.root, reader)
        self._changed = self._changed or changed or len(memo) != len(self._memo)
        self._memo = memo
        return library

    def save(self) -> bool:
        """Write the memo to the cache file when it changed; False when it could not be written."""
        if self.cache_file is None or not self._changed:
            return True
        rows = [
            [path, list(signature), listing.title if listing else None, list(listing.drugs) if listing else [],
             [[p.line, p.severity.value, p.message] for p in problems]]
            for path, (signature, listing, problems) in self._memo.items()
        ]
        data = {"schema": CATALOG_SCHEMA, "root": str(self.root.resolve()), "pages": rows}
        temporary = self.cache_file.with_suffix(".tmp")
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(temporary, self.cache_file)
        except OSError:
            return False
        self._changed = False
        return True

    def _read_cache(self, path: Path) -> Memo:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("schema") != CATALOG_SCHEMA or data.get("root") != str(self.root.resolve()):
                return {}
            memo: Memo = {}
            for relative, signature, title, drugs, problems in data["pages"]:
                listing = Listing(relative, title, tuple(map(str, drugs))) if isinstance(title, str) else None
                found = tuple(Problem(relative, line, Severity(severity), message) for line, severity, message in problems)
                memo[str(relative)] = ((int(signature[0]), int(signature[1])), listing, found)
            return memo
        except (OSError, ValueError, TypeError, KeyError, IndexError):
            return {}  # missing, corrupt or foreign: read the pages instead

    def changed_since(self, other: Library, now: Library) -> set[str]:
        """Paths whose listing differs between two loads (added, removed or edited)."""
        before = {e.path: e for e in other.entries}
        after = {e.path: e for e in now.entries}
        return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
