"""Without a usable display the window command explains itself in one sentence."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.helpers import REPO, seed_folder
from viewer.display import NO_DISPLAY, display_problem


def everything(_use: str) -> list[str]:
    return []  # the loader finds every library


def test_no_display_at_all_names_the_commands_that_need_none():
    assert display_problem({}, "linux", everything) == NO_DISPLAY
    assert "combo-viewer check" in NO_DISPLAY


def test_offscreen_or_a_display_is_fine():
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", everything) is None
    assert display_problem({"DISPLAY": ":0"}, "linux", everything) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", everything) is None
    assert display_problem({}, "win32", everything) is None


def test_missing_x11_libraries_are_named_with_the_install_command(monkeypatch):
    from viewer import system_libs

    monkeypatch.setattr(system_libs, "family", lambda: "debian")
    message = display_problem({"DISPLAY": ":0"}, "linux", lambda use: ["libxcb-icccm.so.4", "libGL.so.1"])
    assert message.endswith("install them with: sudo apt-get install libgl1 libxcb-icccm4")
    monkeypatch.setattr(system_libs, "family", lambda: "fedora")
    message = display_problem({"DISPLAY": ":0"}, "linux", lambda use: ["libxcb-icccm.so.4"])
    assert message.endswith("sudo dnf install xcb-util-wm")


def test_the_loader_is_asked_about_qts_own_files():
    from viewer.system_libs import missing_libraries, qt_files

    assert any(f.name == "libqxcb.so" for f in qt_files("desktop"))
    assert any(f.name == "libqoffscreen.so" for f in qt_files("print"))
    assert missing_libraries("print") == []  # this machine runs the suite: nothing is missing


def test_a_missing_library_when_printing_is_one_sentence_naming_the_package():
    from viewer.system_libs import import_problem

    exc = ImportError("libGL.so.1: cannot open shared object file: No such file or directory")
    message = import_problem(exc, "Printing")
    assert message.startswith("Printing needs system libraries that are missing here (libGL.so.1)")
    assert "install them with:" in message and "\n" not in message


def test_the_program_without_a_display_says_so_instead_of_aborting(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run(
        [sys.executable, "-m", "viewer", "--content", str(seed_folder(tmp_path))],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 2
    assert out.stderr.strip() == NO_DISPLAY
