"""Installed from a wheel, the program still finds its bundled pages and styles."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from tests.helpers import REPO

FIND = "from viewer.paths import bundled_dir; print(bundled_dir('content')); print(bundled_dir('resources'))"


def test_a_wheel_carries_content_and_resources_and_finds_them(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("combo_viewer-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "viewer/_resources/style.qss" in names and "viewer/_resources/themes.toml" in names
    assert any(n.startswith("viewer/_content/") and n.endswith(".md") for n in names)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    found = subprocess.run([sys.executable, "-c", FIND], cwd=tmp_path, env={"PYTHONPATH": str(target)},
                           capture_output=True, text=True, check=True).stdout.split()
    assert found == [str(target / "viewer" / "_content"), str(target / "viewer" / "_resources")]
