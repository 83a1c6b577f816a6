"""What a screen reader hears, through the real accessibility bus: the installed program on Xvfb
with Qt's AT-SPI bridge on, and a client of the system's pyatspi (tests/ui/screen_reader_client.py)
that types into the search box and listens, as Orca would, for a search, a no-entry, a check
and an opened major entry."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import REPO
from tests.ui.xserver import need, program
from viewer.paths import content_dir

CLIENT = REPO / "tests" / "ui" / "screen_reader_client.py"
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = "/usr/bin/python3"


@pytest.fixture
def accessibility_bus(xvfb: str, tmp_path) -> Iterator[dict[str, str]]:
    """A session bus with the accessibility bus on it, and the environment that reaches both."""
    if not BUS_LAUNCHER.exists():
        pytest.fail(f"{BUS_LAUNCHER} is missing: 'make test' installs at-spi2-core (scripts/system-deps.sh test)")
    if subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode != 0:
        pytest.fail("pyatspi is missing: 'make test' installs python3-pyatspi (scripts/system-deps.sh test)")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    env.update(DISPLAY=xvfb, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_RUNTIME_DIR=str(tmp_path))
    launched = subprocess.run([need("dbus-launch"), "--sh-syntax"], env=env, capture_output=True, text=True, check=True)
    found = dict(re.findall(r"(DBUS_SESSION_BUS_\w+)='?([^';\n]+)'?;", launched.stdout))
    env["DBUS_SESSION_BUS_ADDRESS"] = found["DBUS_SESSION_BUS_ADDRESS"]
    bus = subprocess.Popen([str(BUS_LAUNCHER), "--launch-immediately"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    yield env
    bus.terminate()
    bus.wait(10)
    subprocess.run(["kill", found["DBUS_SESSION_BUS_PID"]], check=False)


@pytest.mark.slow
def test_a_screen_reader_hears_a_search_a_no_entry_a_check_and_a_major_entry(accessibility_bus):
    env = {**accessibility_bus, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
    viewer = subprocess.Popen([program(), "--content", str(content_dir())], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        done = subprocess.run([SYSTEM_PYTHON, str(CLIENT), "combo-viewer"], env=env, capture_output=True,
                              text=True, timeout=120)
    finally:
        viewer.terminate()
        viewer.wait(10)
    assert done.returncode == 0, done.stderr[-2000:]
    heard = json.loads(done.stdout.strip().splitlines()[-1])
    search = heard["search"]
    listed = int(search["count"].split()[0])
    assert search["announced"] == [f"{listed} combinations listed."]  # once, when the typing settles
    assert heard["no entry"]["announced"] == [
        "No entry for 'zzqqx' in this reference. A missing entry does not mean the combination is safe."]
    assert heard["check"]["announced"][0].startswith("Checking 3 medicines in pairs: Sertraline, Tramadol, Sumatriptan")
    assert "Oxycodone + Alprazolam. Severity Major." in heard["entry"]["announced"]
    assert heard["entry"]["title"].startswith("Severity: ⚠ MAJOR")
