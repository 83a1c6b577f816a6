"""A content folder's listings kept as one file, read at once and verified as a whole: what a
start and the commands read instead of a row per page.

The file holds the Library of the last complete load (and, for the search command, what the
ranking built from it), pickled and signed with this user's key (cache.signing_key): one keyed
hash over the whole file, checked before anything in it is unpickled, so a file altered or
written by anyone else is never loaded. With it goes a stamp: the program that wrote it, the
times of the folders walked and of the folder's settings files. It is still true of the
folder when no folder changed (nothing added, removed or renamed) and every page has the
signature the walk gave it (no edit in place): a check by file times alone, no page read.

A load that may have raced a change (a folder or page written less than RACY_NS before the
load began, or after: file times are coarse, and a second edit in the same tick with the same
size would look like none) is not stamped, so a snapshot never hides a change. Deleting the file is always safe."""

from __future__ import annotations

import gc
import hashlib
import hmac
import os
import pickle
import signal
import sys
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from viewer import __version__
from viewer.core.catalog.cache import cache_file, signing_key
from viewer.core.catalog.folder import UNKNOWN
from viewer.core.pages.drugs import DRUGS_FILE
from viewer.core.pages.model import Library
from viewer.core.pages.site import CONFIG_FILE
from viewer.core.private import private_folder, read_private, usable_file, write_private

MAGIC = b"combo-viewer snapshot 1\n"
MAC_BYTES = 32
MAX_BYTES = 1 << 31  # a larger file is not ours
PART = 2000  # listings pickled at a time: each part holds the interpreter only briefly (the window's thread runs between)
RACY_NS = 2_000_000_000  # FAT keeps times to 2 s; most file systems to a clock tick of a few ms
_code: str | None = None


@contextmanager
def collections_paused(kept: bool = False) -> Iterator[None]:
    """No cycle collection while a catalog's objects are made: they are all kept, and the
    collector would walk the growing heap again and again (a third of the time at 100,000 pages).
    ``kept``: what was made is kept as long as the program runs (a snapshot read at start), so
    it is moved out of the collector's sight (gc.freeze), as the window does after each reload:
    the first collection after would otherwise walk it all (0.1 s at 100,000 pages)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if kept:
            gc.freeze()
        if enabled:
            gc.enable()


def snapshot_file(root: Path | str, kind: str) -> Path:
    """Where a content folder's snapshot of one kind ("list", "search") is kept."""
    return cache_file(root, f"snapshot-{kind}", ".pickle")


def code_version() -> str:
    """The program that writes and reads snapshots: its version and its source files' times
    (a snapshot of another build is never unpickled into this one's classes)."""
    global _code
    if _code is None:
        package = Path(__file__).resolve().parents[2]
        files = sorted(package.rglob("*.py")) or [Path(sys.executable)]
        digest = hashlib.blake2b(__version__.encode(), digest_size=16)
        for file in files:
            try:
                info = file.stat()
            except OSError:
                continue
            digest.update(f"{file.name}:{info.st_size}:{info.st_mtime_ns};".encode())
        _code = digest.hexdigest()
    return _code


@dataclass(frozen=True)
class Stamp:
    """What must be unchanged for a snapshot of a folder to be true of it."""

    code: str
    root: str
    folders: tuple[tuple[str, int], ...]  # each folder walked (relative) and its modification time
    settings: tuple[tuple[str, tuple[int, int]], ...]  # drugs.yaml and _config.yml: their signatures


def signature_of(path: str) -> tuple[int, int]:
    """A file's (modification time, size), UNKNOWN when it cannot be looked at."""
    try:
        info = os.stat(path)
    except OSError:
        return UNKNOWN
    return info.st_mtime_ns, info.st_size


def folder_times(root: str, folders: Sequence[str]) -> tuple[tuple[str, int], ...]:
    """Each folder (relative, "" for ``root``) and its modification time (-1 when it cannot be read)."""
    return tuple((folder, signature_of(os.path.join(root, folder) if folder else root)[0]) for folder in folders)


def _settings(root: str) -> tuple[tuple[str, tuple[int, int]], ...]:
    return tuple((name, signature_of(os.path.join(root, name))) for name in (DRUGS_FILE, CONFIG_FILE))


def stamp_of(library: Library, started_ns: int) -> Stamp | None:
    """The stamp of a library loaded from a walk begun at ``started_ns`` (time.time_ns()), or None
    when the load may have raced a change (anything written since RACY_NS before it began) or a
    page's signature is unknown."""
    root = str(Path(library.root).resolve())
    folders = folder_times(root, library.folders or ("",))
    settings = _settings(root)
    times = [t for _, t in folders] + [s[0] for _, s in settings] + [p.signature[0] for p in library.pages]
    if any(t >= started_ns - RACY_NS for t in times) or any(p.signature == UNKNOWN for p in library.pages):
        return None
    if any(t < 0 for _, t in folders):
        return None
    return Stamp(code_version(), root, folders, settings)


def still_true(library: Library, stamp: Stamp) -> bool:
    """Whether the folder is as it was when ``stamp`` was taken: the same program, no folder
    changed, the settings files and every page with the same signature (one stat each)."""
    return still_true_of(stamp, library.root, ((page.path, *page.signature) for page in library.pages))


def still_true_of(stamp: Stamp, root: str | Path, pages: Iterable[tuple[str, int, int]] | PageChecks) -> bool:
    """still_true for pages given as (path, mtime_ns, size), or as PageChecks."""
    root = str(Path(root).resolve())
    if stamp.code != code_version() or stamp.root != root:
        return False
    if folder_times(root, [folder for folder, _ in stamp.folders]) != stamp.folders or _settings(root) != stamp.settings:
        return False
    if isinstance(pages, PageChecks):
        return pages.unchanged(root + os.sep)
    return _unchanged(root + os.sep, pages)


def _unchanged(prefix: str, pages: Iterable[tuple[str, int, int]]) -> bool:
    stat = os.stat
    try:  # the loop a search at 100,000 pages spends most of its time in: kept plain
        return all((info := stat(prefix + path)).st_mtime_ns == mtime and info.st_size == size
                   for path, mtime, size in pages)
    except (OSError, ValueError):  # gone, or a name the system refuses
        return False


FORK_FROM = 5000  # pages: fewer are checked sooner than a child is forked


@dataclass(frozen=True)
class PageChecks:
    """Every page's path and signature, as three objects rather than one per page (what a kept
    search checks the folder against: 100,000 pages unpickle in a millisecond)."""

    paths: str  # NUL between them: no path holds one
    mtimes: array[int]
    sizes: array[int]

    @classmethod
    def of(cls, library: Library) -> PageChecks:
        pages = library.pages
        return cls("\0".join(page.path for page in pages), array("q", (page.signature[0] for page in pages)),
                   array("q", (page.signature[1] for page in pages)))

    def unchanged(self, prefix: str) -> bool:
        """Whether every page under ``prefix`` still has its signature. Many pages, two cores and
        a process of one thread (the search command's, never the window's): a forked child stats
        the second half while this process stats the first, in half the time (two threads would
        not: the interpreter's lock)."""
        paths = self.paths.split("\0") if self.paths else []
        if not len(paths) == len(self.mtimes) == len(self.sizes):
            return False

        def half(start: int, stop: int) -> bool:
            return _unchanged(prefix, zip(paths[start:stop], self.mtimes[start:stop], self.sizes[start:stop], strict=True))

        if len(paths) < FORK_FROM or not _may_fork():
            return half(0, len(paths))
        return _in_two(half, len(paths))


def _may_fork() -> bool:
    """Linux, two cores or more, and this process's only thread (a child forked beside another
    thread could find a lock that thread held, held for ever)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return len(os.sched_getaffinity(0)) >= 2 and len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _in_two(check: Callable[[int, int], bool], count: int) -> bool:
    """check(0, count) as check(0, half) here and check(half, count) in a forked child at once;
    here alone when no child can be forked. A child that dies without an answer is a no."""
    middle, pipe = count // 2, list[int]()
    try:
        pipe[:] = reading, writing = os.pipe()
        pid = os.fork()
    except OSError:  # no pipe, or no child: here alone
        for end in pipe:
            os.close(end)
        return check(0, count)
    if pid == 0:  # the child: answer, then leave at once (nothing of the parent's is flushed or run)
        try:
            os.write(writing, b"1" if check(middle, count) else b"0")
        finally:
            os._exit(0)
    os.close(writing)
    try:
        mine = check(0, middle)
        if not mine:
            os.kill(pid, signal.SIGKILL)  # the answer is no already
        return mine and os.read(reading, 1) == b"1"
    finally:
        os.close(reading)
        os.waitpid(pid, 0)


def started() -> int:
    """The time a load begins, for stamp_of."""
    return time.time_ns()


def _mac(body: bytes | memoryview) -> bytes:
    digest = hashlib.blake2b(MAGIC, key=signing_key(), digest_size=MAC_BYTES)  # keyed: a MAC, as row_mac
    digest.update(body)
    return digest.digest()


def write_snapshot(path: Path, parts: Sequence[Any]) -> bool:
    """Keep ``parts`` (each pickled on its own) as one signed file (0600, in a 0700 folder,
    never through a link); False when it could not be written."""
    try:
        pickled = [pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL) for part in parts]
        body = pickle.dumps(pickled, protocol=pickle.HIGHEST_PROTOCOL)
        write_private(private_folder(path.parent) / path.name, MAGIC + _mac(body) + body)
    except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
        return False
    return True


def _read_raw(path: Path) -> list[bytes] | None:
    """The parts of a snapshot file still pickled, once its signature is found good."""
    if not usable_file(path):
        return None
    try:
        data = read_private(path, MAX_BYTES)
    except OSError:
        return None
    head = len(MAGIC) + MAC_BYTES
    if not data.startswith(MAGIC) or len(data) <= head:
        return None
    body = memoryview(data)[head:]
    if not hmac.compare_digest(data[len(MAGIC):head], _mac(body)):
        return None  # altered, or written by someone else: never unpickled
    try:
        raw = pickle.loads(body)  # a list of bytes, each a part still pickled
    except Exception:  # noqa: BLE001 - signed by us, but not this program's form: read the pages instead
        return None
    return raw if isinstance(raw, list) and all(isinstance(part, bytes) for part in raw) else None


def unpickled(raw: Sequence[bytes]) -> list[Any] | None:
    """Parts of a snapshot read by read_kept, unpickled (None when they no longer load)."""
    try:
        with collections_paused(kept=True):
            return [pickle.loads(part) for part in raw]
    except Exception:  # noqa: BLE001 - a snapshot of ours that no longer loads: read the pages instead
        return None


def _entry_parts(count: int) -> int:
    """How many parts ``count`` listings take."""
    return -(-count // PART)


def library_parts(library: Library) -> list[Any]:
    """A library as parts of a few thousand listings each (write_snapshot)."""
    entries, pages = library.entries, library.pages
    return [replace(library, entries=(), pages=()), len(entries),
            *(entries[i : i + PART] for i in range(0, len(entries), PART)),
            *(pages[i : i + PART] for i in range(0, len(pages), PART))]


def library_of_parts(parts: Sequence[Any]) -> Library:
    """library_parts back to the library; raises ValueError, TypeError or IndexError for others."""
    head, count, *rest = parts
    if not isinstance(head, Library) or not isinstance(count, int):
        raise TypeError("not a library's parts")
    entry_parts = _entry_parts(count)
    entries = tuple(item for part in rest[:entry_parts] for item in part)
    pages = tuple(item for part in rest[entry_parts:] for item in part)
    if len(entries) != count:
        raise ValueError("parts missing")
    return replace(head, entries=entries, pages=pages)


def read_kept(root: Path | str, kind: str) -> tuple[Stamp, list[bytes]] | None:
    """A snapshot of ``root`` written by this very program (its stamp read and checked first:
    objects of another build are never unpickled into this one's classes), with the rest of its
    parts still pickled (unpickled()), or None."""
    raw = _read_raw(snapshot_file(root, kind))
    first = unpickled(raw[:1]) if raw else None
    stamp = first[0] if first else None
    if not isinstance(stamp, Stamp) or stamp.code != code_version() or stamp.root != str(Path(root).resolve()):
        return None
    return stamp, raw[1:] if raw else []


def read_list(root: Path | str, pages: bool = True) -> tuple[Stamp, Library] | None:
    """The list's snapshot of ``root`` and its stamp (not checked against the folder: the window
    shows it and then looks for changes), or None. Without ``pages`` the library has none (a
    window's first list: only the walk after the first frame needs their signatures, 70 ms of
    unpickling at 100,000 pages)."""
    kept = read_kept(root, "list")
    if kept is None:
        return None
    stamp, raw = kept
    first = unpickled(raw[:2])
    if first is None:
        return None
    try:
        head, count = first
        rest = unpickled(raw[2:] if pages else raw[2 : 2 + _entry_parts(count)])
        if rest is not None:
            return stamp, replace(library_of_parts([head, count, *rest]), root=str(root))  # as the caller names the folder
    except (ValueError, TypeError, IndexError):
        pass
    return None


def write_list(stamp: Stamp, library: Library) -> bool:
    """Keep the list's snapshot of a complete load (stamp_of)."""
    return write_snapshot(snapshot_file(stamp.root, "list"), [stamp, *library_parts(library)])
