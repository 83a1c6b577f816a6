"""A content folder's files: the walk that finds its pages (and what it leaves out, with why),
and reading a page's bytes."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path

from viewer.core.guarded import bounded, is_remote
from viewer.core.pages.drugs import DRUGS_FILE
from viewer.core.pages.model import FileInfo, Ignored, Problem, Severity
from viewer.core.pages.site import CONFIG_FILE, Site
from viewer.core.pages.source import MAX_FILE_BYTES

PAGE_SUFFIXES = (".md", ".markdown")


MAX_DEPTH = 64  # folders deeper than this are reported, not read
CHUNK = 256 * 1024
UNKNOWN = (-1, -1)  # a signature not (yet) known
# Pages are opened read-only, in binary (Windows), never waiting (a pipe swapped in for a page).
# A page's own name is never followed as a link: a link is read only after it is resolved and
# found inside the content folder (a page swapped for a link to /etc/shadow is never read).
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
OUTSIDE = "a link to a file outside the content folder, or a path out of it; not read"
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
    walker = _Walker(os.path.realpath(root) + os.sep, site or Site(), signatures)
    pending: list[tuple[str, str, int]] = [(str(root), "", 0)]
    while pending:
        pending.extend(reversed(walker.visit(*pending.pop())))
    walker.pages.sort(key=lambda page: page.path)
    walker.others.sort(key=lambda other: other.path)
    return Scan(walker.pages, walker.others, walker.walked)


@dataclass
class _Walker:
    inside: str  # the root's real path and a separator: links must stay below it
    site: Site
    signatures: bool
    pages: list[FileInfo] = field(default_factory=list)
    others: list[Ignored] = field(default_factory=list)
    walked: list[str] = field(default_factory=list)

    def visit(self, folder: str, prefix: str, depth: int) -> list[tuple[str, str, int]]:
        """Sort one folder's entries into pages and left-outs; the folders to walk next."""
        self.walked.append(prefix.rstrip("/"))
        try:
            with os.scandir(folder) as found:
                items = sorted(found, key=lambda item: item.name)
        except OSError as exc:
            if prefix:
                self.others.append(Ignored(prefix.rstrip("/"), f"folder cannot be read: {exc.strerror or exc}"))
            return []
        below: list[tuple[str, str, int]] = []
        for item in items:
            if item.name.startswith("."):
                continue
            relative = prefix + item.name
            if not _is_utf8(item.name):
                self.others.append(Ignored(readable_name(relative), NOT_UTF8))
                continue
            try:
                if (folder_below := self._entry(item, relative, depth)) is not None:
                    below.append(folder_below)
            except OSError:  # vanished or unreadable mid-scan: reading it will report why
                if item.name.lower().endswith(PAGE_SUFFIXES):
                    self.pages.append(FileInfo(relative, UNKNOWN))
        return below

    def _entry(self, item: os.DirEntry[str], relative: str, depth: int) -> tuple[str, str, int] | None:
        if item.is_symlink() and (why := _link_problem(item.path, self.inside)):
            self.others.append(Ignored(relative, why))
        elif item.is_dir(follow_symlinks=False):
            why = self.site.exclusion(relative) or (TOO_DEEP if depth >= MAX_DEPTH else None)
            if not why:
                return item.path, relative + "/", depth + 1
            self.others.append(Ignored(relative + "/", why))
        elif not item.is_file():
            self.others.append(Ignored(relative, "not a regular file (a device, pipe or socket); not read"))
        elif why := self.site.exclusion(relative):
            self.others.append(Ignored(relative, why))
        elif item.name.lower().endswith(PAGE_SUFFIXES):
            info = item.stat() if self.signatures else None
            self.pages.append(FileInfo(relative, (info.st_mtime_ns, info.st_size) if info else UNKNOWN))
        elif relative not in (DRUGS_FILE, CONFIG_FILE):
            self.others.append(Ignored(relative, "not a page (.md or .markdown)"))
        return None


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
    they were read from (when ``size`` is not given; else UNKNOWN). On a FUSE or network mount
    a read that does not end within a few seconds is given up, the page reported."""
    if is_remote(str(root)):
        try:
            return bounded(lambda: _read_signed(root, relative, size))
        except TimeoutError as exc:
            return Problem(relative, None, Severity.ERROR, str(exc)), UNKNOWN
    return _read_signed(root, relative, size)


def _read_signed(root: Path | str, relative: str, size: int) -> tuple[bytes | Problem, tuple[int, int]]:
    signature = UNKNOWN
    try:
        descriptor = _open_inside(str(root), relative)
        try:
            if size < 0:
                info = os.fstat(descriptor)
                signature = (info.st_mtime_ns, size := info.st_size)
            wanted = size + 1 if size < CHUNK else CHUNK
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


def _open_inside(root: str, relative: str) -> int:
    """A descriptor of the page, opened only if it lies inside ``root`` once links are resolved."""
    if ".." in relative.replace("\\", "/").split("/"):
        raise PermissionError(0, OUTSIDE)
    path = f"{root}{os.sep}{relative}"
    try:
        return os.open(path, _READ_FLAGS)
    except OSError as exc:
        if exc.errno != errno.ELOOP:  # not a link (O_NOFOLLOW refuses links with ELOOP)
            raise
    target = os.path.realpath(path)
    if not target.startswith(os.path.realpath(root) + os.sep):
        raise PermissionError(0, OUTSIDE) from None
    return os.open(target, _READ_FLAGS)


def _size(path: str, at_least: int) -> int:
    try:
        return max(os.stat(path).st_size, at_least)
    except OSError:
        return at_least
