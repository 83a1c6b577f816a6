"""Where the per-folder caches live (the catalog and the full-text index): the user's cache folder."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from viewer.core.private import private_folder, read_private, usable_file, write_private

CACHE_ENV = "COMBO_VIEWER_CACHE"


def default_cache_dir() -> Path:
    """The user's cache folder for this program (not made here: private_folder makes it 0700)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("combo-viewer", appauthor=False))


def cache_file(root: Path | str, kind: str, suffix: str, folder: Path | None = None) -> Path:
    """The cache file of one kind for one content folder, keyed by the folder's absolute path."""
    key = hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:16]
    return (folder or default_cache_dir()) / f"{kind}-{key}{suffix}"


MAX_TRIES = 8


def catalog_file(root: Path | str, folder: Path | None = None) -> Path:
    """A content folder's catalog (store.py; ``folder``: the cache folder, else the user's): the
    first of its names where nothing stands but a regular file of this user's (and the same for
    the SQLite journal files beside it). A link or another user's file found there is left
    untouched, and a new catalog made beside it."""
    first = cache_file(root, "catalog", ".sqlite3", folder)
    for attempt in range(MAX_TRIES):
        path = first if attempt == 0 else first.with_name(f"{first.stem}-{attempt}{first.suffix}")
        if all(usable_file(Path(f"{path}{suffix}")) for suffix in ("", "-wal", "-shm", "-journal")):
            return path
    return first.with_name(f"{first.stem}-{os.getpid()}{first.suffix}")


KEY_ENV = "COMBO_VIEWER_KEY_DIR"
_key: bytes | None = None


def signing_key() -> bytes:
    """This user's secret for signing caches, kept outside the cache folder (in the config
    folder, readable by the user alone), so a cache altered by anyone else is noticed. When it
    cannot be kept, a fresh key for this run: caches of earlier runs are then simply not trusted."""
    global _key
    if _key is None:
        override = os.environ.get(KEY_ENV)
        if override:
            folder = Path(override)
        else:
            from platformdirs import user_config_dir

            folder = Path(user_config_dir("combo-viewer", appauthor=False))
        path = folder / "cache-key"
        try:
            key = read_private(path, 33)  # never through a link, never another user's file
        except OSError:
            key = b""
        if len(key) != 32:
            key = os.urandom(32)
            try:
                write_private(private_folder(folder) / "cache-key", key)  # 0600 in a folder of 0700
            except OSError:
                pass
        _key = key
    return _key


def row_mac(payload: bytes) -> str:
    """The keyed hash that proves one cached row was written by this user's viewer, unaltered
    (BLAKE2b keyed with the same secret: quick enough for each of 100,000 rows)."""
    return hashlib.blake2b(payload, key=_key or signing_key(), digest_size=16).hexdigest()
