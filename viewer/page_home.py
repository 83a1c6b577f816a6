"""The content folder a page given alone opens in: its site, or its own folder when that is the
user's own; a page in a shared or system folder (/tmp, /, a home folder's top) opens alone, from
a private copy, so nothing else there is ever read or indexed; the copy goes when the program ends."""

from __future__ import annotations

import atexit
import os
import shutil
import stat
import tempfile
from pathlib import Path

SITE_MARKERS = ("_config.yml", "drugs.yaml")
MAX_SITE_LEVELS = 8  # folders looked at above a page for its site


def _shared(folder: Path) -> bool:
    """A folder others can write to (/tmp), another user's, the filesystem's top or a folder
    right under it (/usr, /etc...), or a home folder itself: never a content folder of a page's own."""
    try:
        info = os.stat(folder)
    except OSError:
        return True
    others = hasattr(os, "getuid") and info.st_uid != os.getuid()
    writable = bool(info.st_mode & (stat.S_IWOTH | stat.S_ISVTX))
    top = folder.parent == folder or folder.parent == Path(folder.anchor)
    return others or writable or top or folder == Path.home()


def content_of_page(page: Path) -> Path:
    """The folder to open ``page`` in (``page`` resolved): the nearest folder above holding a
    site's _config.yml or a drugs.yaml, else the page's own folder, else a private copy."""
    for folder in list(page.parents)[:MAX_SITE_LEVELS]:
        if _shared(folder):
            break
        if any((folder / marker).is_file() for marker in SITE_MARKERS):
            return folder
    if not _shared(page.parent):
        return page.parent
    return _private_copy(page)


def _private_copy(page: Path) -> Path:
    """A folder of this user's alone (0700) holding a copy of the page, and nothing else, removed
    when the program ends (a copy left behind would be a stale page in a shared folder)."""
    folder = Path(tempfile.mkdtemp(prefix="combo-viewer-page-"))
    atexit.register(shutil.rmtree, folder, True)
    (folder / page.name).write_bytes(page.read_bytes())
    return folder
