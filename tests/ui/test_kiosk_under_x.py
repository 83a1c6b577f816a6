"""The kiosk under a real X server and window manager (Xvfb 1280x800, openbox), touched with real
pointer input from xdotool: medicines of the user's real site found by taps alone, and a layout
no drag can change."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import REAL_SITE, REPO, needs_real_site
from tests.ui.xserver import need
from viewer.paths import bundled_dir


def run_kiosk(display: str, content, scenario: str, tmp_path) -> dict:
    need("xdotool")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-m", "tests.ui.kiosk_under_x", str(content), scenario], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@needs_real_site
@pytest.mark.slow
def test_a_patient_finds_two_medicines_of_the_real_site_by_taps_adds_a_third_removes_one_and_starts_again(
        window_manager, tmp_path):
    seen = run_kiosk(window_manager, REAL_SITE, "taps", tmp_path)
    assert seen["screen"] == [1280, 800]
    assert seen["chips after two"] == ["Paracetamol", "Aceclofenac"]
    assert {"Paracetamol", "Aceclofenac"} <= set(seen["open after two"].replace(",", " +").split(" + "))
    assert all(taps <= 6 + 1 for taps in seen["taps"].values()), seen["taps"]  # keys, and the tap on the name
    listed = seen["listed after two"]
    assert listed and all("paracetamol" in t.lower() and "aceclofenac" in t.lower() for t in listed)  # no other pair
    assert not [t for t in listed if ".md" in t], "a file path in the kiosk's list"
    assert len(seen["chips after three"]) == 3 and seen["view after three"] == "check"
    assert seen["check heading"].startswith("Checking 3 medicines")
    assert seen["chips after removing"] == ["Paracetamol", "Aceclofenac"] and seen["open after removing"]
    assert seen["chips after start again"] == [] and seen["view after start again"] == "welcome"
    print(f"taps: {seen['taps']}, {seen['total taps']} in all")


@pytest.mark.slow
def test_no_grip_or_edge_of_the_kiosk_moves_anything_when_dragged(window_manager, tmp_path):
    seen = run_kiosk(window_manager, bundled_dir("content"), "drags", tmp_path)
    assert seen["screen"] == [1280, 800] and seen["layout"]["window"][2:4] == [1280, 800]
    assert len(seen["dragged"]) >= 14  # the splitter, each toolbar's two ends, three strips, eight edges
    assert seen["changed"] == {}
