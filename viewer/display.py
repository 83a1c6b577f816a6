"""Before Qt starts: is there a display, and can Qt's X11 plugin load on it?"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

from viewer.system_libs import missing_libraries, sentence

NO_DISPLAY = (
    "No display found (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open; "
    "'combo-viewer check', 'combo-viewer search' and 'combo-viewer print' work without one."
)


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    missing: Callable[[str], list[str]] = missing_libraries,
) -> str | None:
    """One clear sentence when the window cannot open here, else None. ``missing`` says which
    shared libraries the loader cannot find for Qt's files (viewer.system_libs)."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs...: Qt needs no X server
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return NO_DISPLAY
    wants_x11 = qpa.startswith("xcb") or not env.get("WAYLAND_DISPLAY")
    libraries = missing("desktop" if wants_x11 else "print")
    if libraries:
        return sentence(libraries, "The window")
    return None
