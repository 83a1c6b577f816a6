"""The installed program, started as a user would, in a real X11 window on Xvfb."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from tests.helpers import seed_folder
from tests.ui.xserver import need, program, visible_windows

SCREENSHOT = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv)
app.primaryScreen().grabWindow(0).save(sys.argv[1])
"""


def test_the_installed_program_opens_a_real_window_naming_the_entry(xvfb, tmp_path):
    content = seed_folder(tmp_path / "content")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=xvfb, XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path), QT_QPA_PLATFORM="xcb")
    viewer = subprocess.Popen(
        [program(), "--content", str(content), "clonazepam + sertraline"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        window_id = ""
        deadline = time.monotonic() + 30
        while not window_id and time.monotonic() < deadline:
            if viewer.poll() is not None:
                pytest.fail(f"combo-viewer exited with {viewer.returncode}: {viewer.stderr.read()}")
            found = subprocess.run([need("xdotool"), "search", "--onlyvisible", "--name", "Drug Combination Reference"],
                                   env=env, capture_output=True, text=True)
            window_id = found.stdout.split()[0] if found.stdout.split() else ""
            time.sleep(0.2)
        assert window_id, "no window appeared within 30 seconds"
        name = subprocess.run([need("xdotool"), "getwindowname", window_id], env=env, capture_output=True, text=True)
        assert name.stdout.strip() == "Drug Combination Reference — Sertraline + Clonazepam"
        time.sleep(0.5)  # let it paint
        shot = tmp_path / "end-to-end.png"
        subprocess.run([sys.executable, "-c", SCREENSHOT, str(shot)], env=env, check=True, timeout=60)
        from PySide6.QtGui import QImage

        image = QImage(str(shot))
        assert image.width() == 1280 and image.height() == 800
        colours = {image.pixel(x, y) for x in range(0, 1280, 40) for y in range(0, 800, 40)}
        assert len(colours) > 3, "the screen is blank"
        target = os.environ.get("COMBO_VIEWER_E2E_SHOT")
        if target:
            shutil.copy(shot, target)
    finally:
        viewer.terminate()
        viewer.wait(10)


def test_the_kiosk_comes_back_full_screen_after_the_window_manager_minimises_it(window_manager, tmp_path):
    content = seed_folder(tmp_path / "content")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=window_manager, XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path), QT_QPA_PLATFORM="xcb")
    kiosk = subprocess.Popen([program(), "--kiosk", "--content", str(content)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        shown: list[str] = []
        while not shown and time.monotonic() < deadline:
            if kiosk.poll() is not None:
                pytest.fail(f"the kiosk exited with {kiosk.returncode}: {kiosk.stderr.read()}")
            shown = visible_windows(env, "Drug Combination Reference")
            time.sleep(0.2)
        assert shown, "no kiosk window appeared within 30 seconds"
        window_id = shown[0]
        time.sleep(0.5)
        for attempt in range(2):  # twice: it must keep coming back
            subprocess.run([need("xdotool"), "windowminimize", window_id], env=env, check=True)
            minimised_at = time.monotonic()
            back = False
            while time.monotonic() - minimised_at < 1.0:
                time.sleep(0.05)
                if window_id in visible_windows(env, "Drug Combination Reference"):
                    geometry = subprocess.run([need("xdotool"), "getwindowgeometry", window_id], env=env,
                                              capture_output=True, text=True).stdout
                    back = "1280x800" in geometry
                    if back:
                        break
            assert back, f"the kiosk was still minimised or not full screen a second later (try {attempt + 1})"
            time.sleep(0.3)
    finally:
        kiosk.terminate()
        kiosk.wait(10)
