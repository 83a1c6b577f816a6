"""Without a usable display the window command explains itself in one sentence."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.helpers import REPO, seed_folder
from viewer.display import NO_DISPLAY, display_problem


def everything(_name: str) -> str:
    return "/usr/lib/libfound.so"


def test_no_display_at_all_names_the_commands_that_need_none():
    assert display_problem({}, "linux", everything) == NO_DISPLAY
    assert "combo-viewer check" in NO_DISPLAY


def test_offscreen_or_a_display_is_fine():
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", everything) is None
    assert display_problem({"DISPLAY": ":0"}, "linux", everything) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", lambda _: None) is None
    assert display_problem({}, "win32", everything) is None


def test_missing_x11_libraries_are_named_with_the_install_command():
    message = display_problem({"DISPLAY": ":0"}, "linux", lambda name: None if name == "xcb-icccm" else "x")
    assert message.endswith("install them with: sudo apt-get install libxcb-icccm4")


def test_the_program_without_a_display_says_so_instead_of_aborting(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run(
        [sys.executable, "-m", "viewer", "--content", str(seed_folder(tmp_path))],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 2
    assert out.stderr.strip() == NO_DISPLAY
