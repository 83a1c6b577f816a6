"""The standalone bundle (PyInstaller, one folder) works with no Python of its own on PATH."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import REPO
from viewer.paths import DESKTOP_ID


@pytest.mark.slow
def test_the_bundle_checks_searches_prints_and_opens_its_window_from_another_folder():
    built = subprocess.run(["make", "-C", str(REPO), "bundle"], capture_output=True, text=True, timeout=1200)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    smoke = subprocess.run([sys.executable, str(REPO / "scripts" / "bundle_test.py"), str(REPO / "dist" / "combo-viewer")],
                           capture_output=True, text=True, timeout=1200)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "bundle smoke test passed" in smoke.stdout
    print(smoke.stdout)
    notices = REPO / "dist" / "combo-viewer" / "_internal"
    versions = (notices / "versions.txt").read_text()  # QT-NOTICE.md names it
    for name in ("Python", "PySide6_Essentials", "shiboken6", "Markdown", "PyYAML", "nh3", "RapidFuzz", "platformdirs"):
        assert f"{name} " in versions, f"versions.txt does not name {name}"
    for name in ("Python", "Markdown", "PyYAML", "nh3", "RapidFuzz", "platformdirs", "python-frontmatter"):
        assert any((notices / "LICENSES" / name).iterdir()), f"no licence text for {name} in the bundle"
    made = subprocess.run([sys.executable, str(REPO / "scripts" / "make_deb.py")], capture_output=True, text=True, timeout=900)
    assert made.returncode == 0, made.stderr[-2000:]
    deb = made.stdout.strip().splitlines()[-1]
    listed = subprocess.run(["dpkg-deb", "--contents", deb], capture_output=True, text=True, check=True).stdout
    for path in ("./usr/bin/combo-viewer ->", f"./usr/share/applications/{DESKTOP_ID}.desktop",
                 "./usr/share/man/man1/combo-viewer.1.gz", f"./usr/share/metainfo/{DESKTOP_ID}.metainfo.xml",
                 f"./usr/share/icons/hicolor/256x256/apps/{DESKTOP_ID}.png", "./usr/share/doc/combo-viewer/copyright",
                 "./opt/combo-viewer/_internal/LICENSES/PyYAML/", "./opt/combo-viewer/_internal/versions.txt"):
        assert path in listed, f"{path} is not in the package"
    needs = subprocess.run(["dpkg-deb", "-f", deb, "Depends"], capture_output=True, text=True, check=True).stdout
    assert "libxcb-cursor0" in needs and "libcups2" in needs and "libgtk" not in needs, needs
