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
