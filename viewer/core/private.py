"""What the program keeps (caches, the signing key, its socket) reachable by its own user only:
folders of mode 0700 and files of mode 0600, owned by the user, never reached through a link.
A path that is not so (a link planted by someone else, a file of another user) is left as it is
and not used."""

from __future__ import annotations

import os
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class NotPrivate(OSError):
    """A path this program will not keep anything in, and why."""


def _uid() -> int | None:
    return os.getuid() if hasattr(os, "getuid") else None


def private_folder(folder: Path) -> Path:
    """``folder`` made (0700) if missing, and checked: a real folder of this user's, reachable
    by no one else (a folder of ours with a wider mode is narrowed). Raises NotPrivate."""
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise NotPrivate(f"{folder} is a link or not a folder")
    uid = _uid()
    if uid is not None and info.st_uid != uid:
        raise NotPrivate(f"{folder} belongs to another user")
    if uid is not None and stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(folder, FOLDER_MODE)
    return folder


def usable_file(path: Path) -> bool:
    """Whether ``path`` is absent or a regular file of this user's, not a link."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    uid = _uid()
    return stat.S_ISREG(info.st_mode) and (uid is None or info.st_uid == uid)


def private_file(path: Path) -> Path:
    """``path`` created empty (0600) when missing, never through a link; an existing file of
    ours is narrowed to 0600. Raises NotPrivate for anything else (a link, another user's file)."""
    if not usable_file(path):
        raise NotPrivate(f"{path} is a link, not a regular file, or another user's")
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, FILE_MODE)
        os.close(descriptor)
    except FileExistsError:
        if _uid() is not None and stat.S_IMODE(os.lstat(path).st_mode) & 0o077:
            os.chmod(path, FILE_MODE)  # a regular file of ours (checked above), never a link
    return path


def write_private(path: Path, data: bytes) -> None:
    """Write a small file (the key) as a new 0600 file, never through a link: whatever stood at
    ``path`` (a link someone planted) is removed first, never written through."""
    if os.path.lexists(path) and not usable_file(path):
        os.unlink(path)  # removes the link itself, never its target
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, FILE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read_private(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file of ours, never through a link (else OSError)."""
    descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW)
    with os.fdopen(descriptor, "rb") as handle:
        if not usable_file(path) or not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise NotPrivate(f"{path} is not a regular file of this user's")
        return handle.read(limit)
