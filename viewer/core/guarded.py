"""Reads of a folder the program does not control (a FUSE or network mount) may never return:
there each read runs in a thread of its own and the caller gives up after a few seconds, so one
stuck page is that page's problem, never the window's or a command's. Local disks are read
directly: their reads end."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

READ_LIMIT_S = 5.0
REMOTE = ("fuse", "nfs", "cifs", "smb", "9p", "ceph", "afs", "sshfs", "glusterfs", "davfs", "lustre", "gfs")
STUCK = "reading it took more than {seconds:.0f} s (a stuck network or FUSE folder?); not read"
T = TypeVar("T")


@lru_cache(maxsize=64)
def is_remote(root: str) -> bool:
    """Whether ``root`` lies on a FUSE or network file system (Linux: /proc/self/mountinfo)."""
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as mounts:
            lines = mounts.read().splitlines()
        path = os.path.realpath(root)
    except OSError:
        return False
    best, kind = "", ""
    for line in lines:
        left, _, right = line.partition(" - ")
        fields = left.split()
        if len(fields) < 5 or not right:
            continue
        point = fields[4].replace("\\040", " ")
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, right.split()[0]
    return kind.startswith(REMOTE)


def bounded(call: Callable[[], T], limit: float = READ_LIMIT_S) -> T:
    """``call()`` in a daemon thread of its own; its result (or its exception), or TimeoutError
    when it has not returned after ``limit`` seconds (the thread is left to its read)."""
    outcome: list[tuple[bool, object]] = []
    done = threading.Event()

    def run() -> None:
        try:
            outcome.append((True, call()))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            outcome.append((False, exc))
        finally:
            done.set()

    threading.Thread(target=run, daemon=True, name="bounded-read").start()
    if not done.wait(limit):
        raise TimeoutError(STUCK.format(seconds=limit))
    ok, value = outcome[0]
    if ok:
        return value  # type: ignore[return-value]
    raise value  # type: ignore[misc]
