"""A content folder to a Library: every page read, every file accounted for."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from viewer.core.drugs import DRUGS_FILE, read_drugs
from viewer.core.model import FileInfo, Ignored, Library, Listing, Page, PageKind, Problem, Severity
from viewer.core.page import names_medicine, parse_page, quick_listing, read_head
from viewer.core.site import CONFIG_FILE, Site, read_site
from viewer.core.source import MAX_FILE_BYTES
from viewer.core.title_index import fold

PAGE_SUFFIXES = (".md", ".markdown")
L = TypeVar("L", bound=Listing)


MAX_DEPTH = 64  # folders deeper than this are reported, not read
CHUNK = 256 * 1024
UNKNOWN = (-1, -1)  # a signature not (yet) known
TOO_DEEP = f"more than {MAX_DEPTH} folders deep; not read"


@dataclass(frozen=True)
class Scan:
    """One walk of a content folder: its pages, what was left out, and the folders walked."""

    pages: list[FileInfo]
    ignored: list[Ignored]
    folders: list[str]  # relative, "" for the root itself


def scan(root: Path | str, site: Site | None = None, signatures: bool = True) -> Scan:
    """The pages (with their signatures) under ``root`` and the files and folders left out,
    with why, by relative path with forward slashes, sorted. Hidden files and folders are
    skipped silently; links to folders, folders the site does not publish, and anything
    deeper than MAX_DEPTH are reported as ignored. Walks without recursion. Without
    ``signatures`` the pages' are left unknown (-1, -1): whoever reads them learns them then."""
    site = site or Site()
    pages: list[FileInfo] = []
    others: list[Ignored] = []
    inside = os.path.realpath(root) + os.sep
    pending: list[tuple[str, str, int]] = [(str(root), "", 0)]
    walked: list[str] = []
    while pending:
        folder, prefix, depth = pending.pop()
        walked.append(prefix.rstrip("/"))
        try:
            with os.scandir(folder) as found:
                items = sorted(found, key=lambda item: item.name)
        except OSError as exc:
            if prefix:
                others.append(Ignored(prefix.rstrip("/"), f"folder cannot be read: {exc.strerror or exc}"))
            continue
        folders: list[tuple[str, str, int]] = []
        for item in items:
            if item.name.startswith("."):
                continue
            relative = prefix + item.name
            if not _is_utf8(item.name):
                others.append(Ignored(readable_name(relative), NOT_UTF8))
                continue
            try:
                if item.is_symlink():
                    why = _link_problem(item.path, inside)
                    if why:
                        others.append(Ignored(relative, why))
                        continue
                if item.is_dir(follow_symlinks=False):
                    why = site.exclusion(relative)
                    if why:
                        others.append(Ignored(relative + "/", why))
                    elif depth >= MAX_DEPTH:
                        others.append(Ignored(relative + "/", TOO_DEEP))
                    else:
                        folders.append((item.path, relative + "/", depth + 1))
                    continue
                if not item.is_file():
                    others.append(Ignored(relative, "not a regular file (a device, pipe or socket); not read"))
                    continue
                is_page = item.name.lower().endswith(PAGE_SUFFIXES)
                why = site.exclusion(relative)
                if why:
                    others.append(Ignored(relative, why))
                elif is_page and signatures:
                    info = item.stat()
                    pages.append(FileInfo(relative, (info.st_mtime_ns, info.st_size)))
                elif is_page:
                    pages.append(FileInfo(relative, UNKNOWN))
                elif relative not in (DRUGS_FILE, CONFIG_FILE):
                    others.append(Ignored(relative, "not a page (.md or .markdown)"))
            except OSError:  # vanished or unreadable mid-scan: reading it will report why
                if item.name.lower().endswith(PAGE_SUFFIXES):
                    pages.append(FileInfo(relative, (-1, -1)))
        pending.extend(reversed(folders))
    pages.sort(key=lambda page: page.path)
    others.sort(key=lambda other: other.path)
    return Scan(pages, others, walked)


NOT_UTF8 = "its name is not valid UTF-8; rename the file to have it read"


def _is_utf8(name: str) -> bool:
    """os.scandir gives undecodable bytes of a name as surrogates."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def readable_name(name: str) -> str:
    """A file name that can be printed and stored: undecodable bytes become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _link_problem(path: str, inside: str) -> str | None:
    """Why a symbolic link is not followed, or None for a link to a file inside the folder."""
    target = os.path.realpath(path)
    if not os.path.exists(target):
        return "a link to nothing (dangling); not read"
    if os.path.isdir(target):
        return "a link to a folder; not followed"
    if not target.startswith(inside):
        return "a link to a file outside the content folder; not followed"
    return None


def read_bytes(root: Path | str, relative: str, size: int = -1) -> bytes | Problem:
    """A page's bytes, or the error that stops it being read; ``size`` is what the folder's
    scan found (the file may have changed since: it is read to its end all the same)."""
    return read_signed(root, relative, size)[0]


def read_signed(root: Path | str, relative: str, size: int = -1) -> tuple[bytes | Problem, tuple[int, int]]:
    """A page's bytes (or the error that stops it being read) and the signature of the file
    they were read from (when ``size`` is not given; else UNKNOWN)."""
    signature = UNKNOWN
    try:
        descriptor = os.open(os.path.join(root, relative), os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
        try:
            if size < 0:
                info = os.fstat(descriptor)
                signature, size = (info.st_mtime_ns, info.st_size), info.st_size
            wanted = size + 1 if 0 <= size < CHUNK else CHUNK
            data = os.read(descriptor, wanted)  # the whole page in one read when its size is known
            if len(data) == wanted:  # grown since the scan, or larger: read on to the end
                chunks, total = [data], len(data)
                while total <= MAX_FILE_BYTES and (chunk := os.read(descriptor, CHUNK)):
                    chunks.append(chunk)
                    total += len(chunk)
                data = b"".join(chunks)
        finally:
            os.close(descriptor)
    except OSError as exc:
        return Problem(relative, None, Severity.ERROR, f"cannot read: {exc.strerror or exc}"), signature
    if len(data) > MAX_FILE_BYTES:
        size = _size(os.path.join(root, relative), len(data))
        message = f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit"
        return Problem(relative, None, Severity.ERROR, message), signature
    return data, signature


def _size(path: str, at_least: int) -> int:
    try:
        return max(os.stat(path).st_size, at_least)
    except OSError:
        return at_least


def read_page(root: Path | str, relative: str) -> Page:
    """Read and parse one page completely; a file that cannot be read becomes an error."""
    data = read_bytes(root, relative)
    return Page(None, (data,)) if isinstance(data, Problem) else parse_page(relative, data)


@dataclass(frozen=True)
class Read:
    """What one page gave: its listing (or none), problems, and whether it is a combination."""

    listing: Listing | None
    problems: tuple[Problem, ...]
    kind: PageKind = PageKind.COMBINATION
    reason: str = ""
    layout: str = ""
    quick: bool = False  # only the head was read: title and drugs, not the sections' problems


def read_listing_quickly(root: str, page: FileInfo) -> Read:
    """A medicine page's title and drugs only (a first start, before the full read in the
    background); a page that may be no medicine page, or has problems, is read in full."""
    return listing_quickly(page.path, read_bytes(root, page.path, page.signature[1]))


def listing_quickly(path: str, data: bytes | Problem) -> Read:
    """read_listing_quickly for bytes already read."""
    if isinstance(data, Problem):
        return Read(None, (data,))
    listing = quick_listing(path, data)
    if listing is not None:
        return Read(listing, (), quick=True)
    head = read_head(path, data)
    if head.title is not None and not head.unpublished and not head.problems and names_medicine(head.body):
        return Read(head.listing, (), quick=True)
    return _listing_of(parse_page(path, data), keep_entry=False)


def read_listing(root: str, page: FileInfo, keep_entry: bool) -> Read:
    """One page read completely; the catalog keeps only its listing."""
    return _listing_of(read_page(root, page.path), keep_entry)


def _listing_of(result: Page, keep_entry: bool) -> Read:
    entry = result.entry
    listing: Listing | None = entry
    if entry is not None and not keep_entry:
        listing = Listing(entry.path, entry.title, entry.drugs, severity=entry.severity, warning=entry.warning)
    return Read(listing, result.problems, result.kind, result.reason, result.layout)


def load_catalog(root: Path | str) -> Library:
    """What the list needs: every page's title and drugs, and every problem `check` reports."""
    return load_folder(Path(root), lambda root, page: read_listing(root, page, False))


def load_library(root: Path | str) -> Library:
    """Read every page under ``root`` completely. Raises NotADirectoryError when it is no folder."""
    return load_folder(Path(root), lambda root, page: read_listing(root, page, True))


Reader = Callable[[str, FileInfo], Read]


def load_folder(root: Path, reader: Reader, walked: tuple[Site, Scan] | None = None) -> Library:
    """The Library of ``root``, each page read by ``reader``; ``walked`` is the folder's settings
    and scan when they were just taken (a first start's readers took them)."""
    if not root.is_dir():
        raise NotADirectoryError(f"content folder not found: {root}")
    site, walk = walked or (read_site(root), None)
    walk = walk or scan(root, site)
    pages, ignored = walk.pages, walk.ignored
    reads = [(page, reader(str(root), page)) for page in pages]
    # A page without medicine sections is still a combination page when it shares its layout
    # with pages that have them ("minimal-medicine"), never when its layout is the site's own
    # ("home", "about") or it has none.
    medicine_layouts = {read.layout for _, read in reads if read.kind is PageKind.COMBINATION and read.layout}
    entries: list[Listing] = []
    problems: list[Problem] = list(site.problems)
    problems += [Problem(i.path, None, Severity.WARNING, i.reason) for i in ignored if i.reason in (NOT_UTF8, TOO_DEEP)]
    failed: list[str] = []
    for page, read in reads:
        if read.kind is PageKind.EXCLUDED or (read.kind is PageKind.OTHER and read.layout not in medicine_layouts):
            ignored.append(Ignored(page.path, read.reason or "not a combination page"))
            continue
        problems.extend(read.problems)
        if read.listing is None:
            failed.append(page.path)
        else:
            entries.append(read.listing)
    ignored.sort(key=lambda item: item.path)
    drugs, drug_problems, name = read_drugs(root)
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
        site_title=site.title,
        name=name,
        permalinks=site.permalinks,
        pages=tuple(pages),
        folders=tuple(walk.folders),
    )


def tell_apart(entries: list[L]) -> tuple[list[L], list[Problem]]:
    """Entries sharing a title are all kept, each marked with the shortest end of its path
    that no namesake shares (usually the file name), with a warning."""
    by_title: dict[str, list[int]] = defaultdict(list)
    for index, entry in enumerate(entries):
        by_title[fold(entry.title)].append(index)
    problems: list[Problem] = []
    result = list(entries)
    for indexes in by_title.values():
        if len(indexes) < 2:
            continue
        paths = [entries[i].path for i in indexes]
        for i in indexes:
            entry = entries[i]
            result[i] = replace(entry, distinguisher=distinguishing_part(entry.path, paths))
            others = ", ".join(p for p in paths if p != entry.path)
            problems.append(
                Problem(entry.path, None, Severity.WARNING, f"title '{entry.title}' is also used by {others}; {'both' if len(paths) == 2 else 'all'} are listed")
            )
    return result, problems


def distinguishing_part(path: str, paths: list[str]) -> str:
    """The fewest trailing parts of ``path`` that end no other of ``paths``."""
    parts = path.split("/")
    others = [p.split("/") for p in paths if p != path]
    for count in range(1, len(parts) + 1):
        tail = parts[-count:]
        if all(other[-count:] != tail for other in others):
            return "/".join(tail)
    return path
