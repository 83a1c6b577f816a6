"""Where the bundled content and resources live, in a checkout or an installed wheel."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

CONTENT_ENV = "COMBO_VIEWER_CONTENT"
# The application id, reverse DNS (a GitHub-style name: no domain is held): the desktop entry is
# resources/desktop/<it>.desktop, and the metainfo, the installed icons and Wayland's app id say it.
DESKTOP_ID = "io.github.combo_viewer.combo_viewer"
_PACKAGE = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """Return the bundled folder ``name`` ("content" or "resources").

    An installed wheel carries it as ``viewer/_<name>``; a source checkout (also an editable
    install) has it beside the package.
    """
    for candidate in (_PACKAGE / f"_{name}", _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder '{name}' is missing from this installation")


def content_dir(option: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The content folder: ``--content`` first, then $COMBO_VIEWER_CONTENT, then the bundled one."""
    env = os.environ if environ is None else environ
    chosen = option or env.get(CONTENT_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return bundled_dir("content")


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix`` (".pdf"), added when it has another or none: a name is never
    cut short ("report.v2" -> "report.v2.pdf")."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
