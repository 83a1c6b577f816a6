"""A FUSE folder for tests: two pages, one of which can be listed but whose read never returns
(as on a network share that went away). Run: python tests/stuck_fuse.py MOUNTPOINT."""

from __future__ import annotations

import errno
import stat
import sys
import threading
import time

import mfusepy as fuse

GOOD = b"---\ntitle: Alpha + Beta\n---\n\n**Usage:** used\n\n**Side effects:** none\n\n**How it Works:** it works\n"
FILES = {"/a.md": GOOD, "/stuck.md": GOOD.replace(b"Alpha", b"Gamma")}


class Stuck(fuse.Operations):
    def getattr(self, path, fh=None):
        now = time.time()
        if path == "/":
            return {"st_mode": stat.S_IFDIR | 0o755, "st_nlink": 2, "st_mtime": now, "st_ctime": now, "st_atime": now}
        if path in FILES:
            return {"st_mode": stat.S_IFREG | 0o644, "st_nlink": 1, "st_size": len(FILES[path]), "st_mtime": now,
                    "st_ctime": now, "st_atime": now}
        raise fuse.FuseOSError(errno.ENOENT)

    def readdir(self, path, fh):
        return [".", "..", *(name[1:] for name in FILES)]

    def open(self, path, flags):
        return 0

    def read(self, path, size, offset, fh):
        if path == "/stuck.md":
            threading.Event().wait()  # never returns
        return FILES[path][offset : offset + size]


if __name__ == "__main__":
    fuse.FUSE(Stuck(), sys.argv[1], foreground=True, nothreads=False, allow_other=True)
