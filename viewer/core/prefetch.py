"""The first start's catalog read, begun in child processes before the window's libraries load.

A first start (no catalog cache yet) has two long jobs: loading Qt and the window's code, and
reading the head of every page. They need not wait for each other. At launch one child is
forked; it walks the folder once, forks a reader for each further share of the pages, and reads
the first share itself, while the parent imports. Each sends its share back through its own
pipe as plain data (marshal: strings, numbers and lists). Whatever goes wrong in a
child (it dies, hangs or sends nonsense) costs only time: the parent then reads the pages
itself, as it would without this.

Only where ``fork`` is safe before any library starts threads: Linux, before Qt is imported."""

from __future__ import annotations

import marshal
import os
import select
import signal
import sys
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from viewer.core.catalog import Memo, Prefetched

MIN_SHARES, MAX_SHARES = 2, 4
WAIT_S = 120.0  # shares not sent by then (a hung network folder) are read by the parent instead


class CatalogPrefetch:
    def __init__(self, root: Path, pid: int, pipes: list[int]) -> None:
        self.root = root
        self._pid = pid  # the first child, leader of the readers' process group
        self._pipes = pipes  # read ends, one per share

    @classmethod
    def start(cls, root: Path, shares: int | None = None) -> CatalogPrefetch | None:
        """Fork the readers, or None where that is not possible."""
        if not sys.platform.startswith("linux") or not root.is_dir():
            return None
        shares = shares or min(MAX_SHARES, max(MIN_SHARES, len(os.sched_getaffinity(0))))
        pipes: list[tuple[int, int]] = []
        try:
            pipes = [os.pipe() for _ in range(shares)]
            pid = os.fork()
        except OSError:
            for reading, writing in pipes:
                os.close(reading)
                os.close(writing)
            return None
        if pid == 0:
            _first_child(root, pipes)  # never returns
        try:
            os.setpgid(pid, pid)  # also done by the child: whichever runs first
        except OSError:
            pass
        for _, writing in pipes:
            os.close(writing)
        return cls(root, pid, [reading for reading, _ in pipes])

    def result(self, wait_s: float = WAIT_S) -> Prefetched | None:
        """What the children read, or None when any share is missing (the parent reads then)."""
        from viewer.core.catalog import collections_paused

        try:
            with collections_paused():
                return self._collect(time.monotonic() + wait_s)
        except Exception:  # noqa: BLE001 - a child that died or sent nonsense: read the pages here
            return None
        finally:
            self.cancel()

    def _collect(self, deadline: float) -> Prefetched | None:
        """Each share turned into reads as soon as it arrives, while the others are still read."""
        from viewer.core.catalog import Prefetched, reads_of_rows, walk_of

        pending: dict[int, list[bytes]] = {reading: [] for reading in self._pipes}
        memo: Memo = {}
        walked = None
        while pending:
            left = deadline - time.monotonic()
            ready = select.select(list(pending), [], [], left)[0] if left > 0 else []
            if not ready:
                return None  # too slow: a hung folder
            for reading in ready:
                chunk = os.read(reading, 1 << 20)
                if chunk:
                    pending[reading].append(chunk)
                    continue
                share = marshal.loads(b"".join(pending.pop(reading)))
                if reading == self._pipes[0]:
                    walked, share = share[0], share[1]
                memo.update(reads_of_rows(share))
        if walked is None:
            return None
        site, walk = walk_of(walked, memo)
        return Prefetched(site, walk, memo)

    def cancel(self) -> None:
        """Stop the children (when the window was not needed after all, or all is read)."""
        for reading in self._pipes:
            try:
                os.close(reading)
            except OSError:
                pass
        self._pipes = []
        self._stop()

    def _stop(self) -> None:
        try:
            os.killpg(self._pid, signal.SIGKILL)  # readers still running: no longer wanted
        except OSError:
            pass
        try:
            os.waitpid(self._pid, 0)
        except OSError:
            pass


def _first_child(root: Path, pipes: list[tuple[int, int]]) -> None:
    """Walk the folder, fork a reader per further share, read the first share; then exit."""
    status = 1
    try:
        os.setpgid(0, 0)  # the parent stops every reader with one signal
        import gc

        gc.disable()  # a short life: nothing to collect
        from viewer.core.catalog import rows_of_share, walk_rows
        from viewer.core.folder import scan
        from viewer.core.site import read_site

        site = read_site(root)
        walk = scan(root, site, signatures=False)  # each reader learns its pages' as it opens them
        for share in range(1, len(pipes)):
            if os.fork() == 0:
                _keep_only(pipes, share)
                _send(pipes[share][1], rows_of_share(root, walk.pages, share, len(pipes)))
        _keep_only(pipes, 0)
        _send(pipes[0][1], (walk_rows(site, walk), rows_of_share(root, walk.pages, 0, len(pipes))))
        status = 0
    except BaseException:  # noqa: BLE001 - the parent reads the pages itself
        pass
    finally:
        os._exit(status)


def _keep_only(pipes: list[tuple[int, int]], share: int) -> None:
    """Close every pipe end but this share's writing one (so each pipe ends when its writer does)."""
    for number, (reading, writing) in enumerate(pipes):
        os.close(reading)
        if number != share:
            os.close(writing)

def _send(writing: int, payload: Any) -> None:
    """Write one share to its pipe and leave the process (a reader's whole life)."""
    status = 1
    try:
        with os.fdopen(writing, "wb") as out:
            out.write(marshal.dumps(payload))
        status = 0
    finally:
        os._exit(status)
