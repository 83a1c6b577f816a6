"""The first start's catalog read, begun in child processes before the window's libraries load.

A first start (no catalog cache yet) has two long jobs: loading Qt and the window's code, and
reading the head of every page. They need not wait for each other. At launch one child is
forked; it walks the folder once, cuts the pages into small chunks, puts their numbers in a
shared queue (a pipe) and forks the other readers; every reader takes chunk after chunk until
none is left, so none waits on another. Each chunk's listings go back to the parent as soon as
they are read, as plain data (marshal: strings, numbers and lists) through the reader's own
pipe, and the parent turns them into listings while the rest are read. Whatever goes wrong in
a child (it dies, hangs or sends nonsense) costs only time: the parent then reads the pages
itself, as it would without this.

Only where ``fork`` is safe before any library starts threads: Linux, before Qt is imported."""

from __future__ import annotations

import fcntl
import marshal
import os
import select
import signal
import struct
import sys
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from viewer.core.catalog.catalog import Prefetched
    from viewer.core.catalog.catalog_cache import Memo
    from viewer.core.pages.model import FileInfo

MIN_READERS, MAX_READERS = 2, 4
WAIT_S = 120.0  # chunks not sent by then (a hung network folder) are read by the parent instead
CHUNKS_PER_READER = 16  # small enough to share the work evenly, large enough to cost nothing
PIPE_BYTES = 1 << 20  # room for the listings sent while the parent is still loading Qt
_FRAME = struct.Struct("<I")  # each message: its length, then its marshal bytes
_TOKEN = struct.Struct("<H")  # a chunk's number in the queue


class CatalogPrefetch:
    def __init__(self, pid: int, results: list[int]) -> None:
        self._pid = pid  # the first child, leader of the readers' process group
        self._results = results  # read ends, one per reader

    @classmethod
    def start(cls, root: Path, readers: int | None = None) -> CatalogPrefetch | None:
        """Fork the readers, or None where that is not possible."""
        if not sys.platform.startswith("linux") or not root.is_dir():
            return None
        readers = readers or min(MAX_READERS, max(MIN_READERS, len(os.sched_getaffinity(0))))
        pipes: list[tuple[int, int]] = []
        try:
            pipes = [os.pipe() for _ in range(readers + 1)]  # one per reader's results, then the queue
            for reading, _ in pipes:
                _widen(reading)
            pid = os.fork()
        except OSError:
            _close(*(end for pipe in pipes for end in pipe))
            return None
        if pid == 0:
            _first_child(root, pipes)  # never returns
        try:
            os.setpgid(pid, pid)  # also done by the child: whichever runs first
        except OSError:
            pass
        _close(*(end for pipe in pipes[:-1] for end in pipe[1:]), *pipes[-1])
        return cls(pid, [reading for reading, _ in pipes[:-1]])

    def result(self, wait_s: float = WAIT_S) -> Prefetched | None:
        """What the children read, or None when anything is missing (the parent reads then)."""
        from viewer.core.catalog.snapshot import collections_paused

        try:
            with collections_paused():
                return self._collect(time.monotonic() + wait_s)
        except Exception:  # noqa: BLE001 - a child that died or sent nonsense: read the pages here
            return None
        finally:
            self.cancel()

    def _collect(self, deadline: float) -> Prefetched | None:
        """Every reader's messages, each turned into listings as soon as it is whole."""
        from viewer.core.catalog.catalog import Prefetched, reads_of_rows, walk_of

        pending: dict[int, bytearray] = {reading: bytearray() for reading in self._results}
        memo: Memo = {}
        chunks: dict[int, list[str]] = {}
        walked: list[Any] | None = None
        while pending:
            left = deadline - time.monotonic()
            ready = select.select(list(pending), [], [], left)[0] if left > 0 else []
            if not ready:
                return None  # too slow: a hung folder
            for reading in ready:
                chunk = os.read(reading, PIPE_BYTES)
                if not chunk:
                    if pending.pop(reading):
                        return None  # the reader died in the middle of a message
                    continue
                buffer = pending[reading]
                buffer += chunk
                for message in _messages(buffer):
                    if message[0] == "walk":
                        walked = message[1]
                    else:
                        chunks[message[1]] = [row[0] for row in message[2]]
                        memo.update(reads_of_rows(message[2]))
        if walked is None or len(chunks) != walked[-1]:
            return None  # a reader died before sending everything
        site, walk = walk_of(walked, [path for number in range(len(chunks)) for path in chunks[number]], memo)
        return Prefetched(site, walk, memo)

    def cancel(self) -> None:
        """Stop the children (when the window was not needed after all, or all is read)."""
        _close(*self._results)
        self._results = []
        try:
            os.killpg(self._pid, signal.SIGKILL)  # readers still running: no longer wanted
        except OSError:
            pass
        try:
            os.waitpid(self._pid, 0)
        except OSError:
            pass


def _messages(buffer: bytearray) -> list[Any]:
    """The whole messages at the start of ``buffer``, taken out of it."""
    found = []
    while len(buffer) >= _FRAME.size:
        (length,) = _FRAME.unpack_from(buffer)
        if len(buffer) < _FRAME.size + length:
            break
        found.append(marshal.loads(bytes(buffer[_FRAME.size : _FRAME.size + length])))
        del buffer[: _FRAME.size + length]
    return found


def _widen(descriptor: int) -> None:
    try:
        fcntl.fcntl(descriptor, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except OSError:
        pass  # a smaller pipe only means a reader waits for the parent now and then


def _close(*descriptors: int) -> None:
    for descriptor in descriptors:
        try:
            os.close(descriptor)
        except OSError:
            pass


def _first_child(root: Path, pipes: list[tuple[int, int]]) -> None:
    """Walk the folder, queue its chunks, fork the other readers, read; then exit."""
    status = 1
    try:
        os.setpgid(0, 0)  # the parent stops every reader with one signal
        import gc

        gc.disable()  # a short life: nothing to collect
        from viewer.core.catalog.catalog import walk_rows
        from viewer.core.catalog.folder import scan
        from viewer.core.pages.site import read_site

        site = read_site(root)
        walk = scan(root, site, signatures=False)  # each reader learns its pages' as it opens them
        readers = len(pipes) - 1
        size = max(1, -(-len(walk.pages) // (readers * CHUNKS_PER_READER)))
        chunks = [walk.pages[start : start + size] for start in range(0, len(walk.pages), size)]
        queue_in, queue_out = pipes[-1]
        os.write(queue_out, b"".join(_TOKEN.pack(number) for number in range(len(chunks))))  # under 4 KB: at once
        os.close(queue_out)
        _send(pipes[0][1], ("walk", walk_rows(site, walk, len(chunks))))
        for reader in range(1, readers):
            if os.fork() == 0:
                _read_chunks(root, chunks, queue_in, pipes, reader)
        _read_chunks(root, chunks, queue_in, pipes, 0)
        status = 0
    except BaseException:  # noqa: BLE001 - the parent reads the pages itself
        pass
    finally:
        os._exit(status)


def _read_chunks(root: Path, chunks: list[list[FileInfo]], queue: int, pipes: list[tuple[int, int]], reader: int) -> None:
    """Take chunk after chunk from the queue, read it and send its rows; exit when none is left."""
    status = 1
    try:
        from viewer.core.catalog.catalog import rows_of_pages

        writing = pipes[reader][1]
        _close(*(end for number, pipe in enumerate(pipes[:-1]) for end in pipe if end != writing))
        while len(token := os.read(queue, _TOKEN.size)) == _TOKEN.size:
            (number,) = _TOKEN.unpack(token)
            _send(writing, ("rows", number, rows_of_pages(root, chunks[number])))
        status = 0
    finally:
        os._exit(status)


def _send(writing: int, message: Any) -> None:
    data = marshal.dumps(message)
    view = memoryview(_FRAME.pack(len(data)) + data)
    while view:
        view = view[os.write(writing, view) :]
