"""Where the per-folder caches live (the catalog and the full-text index): the user's cache folder."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CACHE_ENV = "COMBO_VIEWER_CACHE"


def default_cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("combo-viewer", appauthor=False))


def cache_file(root: Path | str, kind: str, suffix: str, folder: Path | None = None) -> Path:
    """The cache file of one kind for one content folder, keyed by the folder's absolute path."""
    key = hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:16]
    return (folder or default_cache_dir()) / f"{kind}-{key}{suffix}"


def catalog_file(root: Path | str, folder: Path | None = None) -> Path:
    """A content folder's catalog (store.py; ``folder``: the cache folder, else the user's)."""
    return cache_file(root, "catalog", ".sqlite3", folder)


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
            key = path.read_bytes()
        except OSError:
            key = b""
        if len(key) != 32:
            key = os.urandom(32)
            try:
                folder.mkdir(parents=True, exist_ok=True)
                handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(handle, "wb") as out:
                    out.write(key)
            except OSError:
                pass
        _key = key
    return _key


def row_mac(payload: bytes) -> str:
    """The keyed hash that proves one cached row was written by this user's viewer, unaltered
    (BLAKE2b keyed with the same secret: quick enough for each of 100,000 rows)."""
    return hashlib.blake2b(payload, key=_key or signing_key(), digest_size=16).hexdigest()
