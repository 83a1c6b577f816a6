"""Before Qt starts: is there a display, and can Qt's X11 plugin load on it?"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

# Debian packages Qt 6's xcb platform plugin needs beyond a base X11 install, by library name.
XCB_PACKAGES = {"xcb-icccm": "libxcb-icccm4", "xcb-keysyms": "libxcb-keysyms1", "xcb-cursor": "libxcb-cursor0"}
NO_DISPLAY = (
    "No display found (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open; "
    "'combo-viewer check', 'combo-viewer search' and 'combo-viewer print' work without one."
)


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    find_library: Callable[[str], str | None] = ctypes.util.find_library,
) -> str | None:
    """One clear sentence when the window cannot open here, else None."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs...: Qt needs no X server
    wants_x11 = qpa.startswith("xcb") or not env.get("WAYLAND_DISPLAY")
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return NO_DISPLAY
    if wants_x11:
        missing = [pkg for lib, pkg in XCB_PACKAGES.items() if not find_library(lib)]
        if missing:
            return (
                "Qt cannot use the X11 display without the libraries "
                f"{', '.join(missing)}; install them with: sudo apt-get install {' '.join(missing)}"
            )
    return None
