"""A page whose read never returns (a FUSE or network folder) is that page's problem: `check`
finishes and names it, SIGTERM ends a command, and the window opens on what could be read."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import REPO


@pytest.fixture
def stuck_folder(tmp_path):
    """tests/stuck_fuse.py mounted (root and /dev/fuse needed), unmounted again."""
    if not shutil.which("fusermount3") or not os.path.exists("/dev/fuse"):
        pytest.skip("needs FUSE (the fuse3 package and /dev/fuse)")
    mount = tmp_path / "mount"
    mount.mkdir()
    server = subprocess.Popen([sys.executable, str(REPO / "tests" / "stuck_fuse.py"), str(mount)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while not os.path.ismount(mount):
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.skip(f"could not mount a FUSE folder here: {server.stderr.read().decode()[-300:]}")
        time.sleep(0.05)
    try:
        yield mount
    finally:
        subprocess.run(["fusermount3", "-u", "-z", str(mount)], capture_output=True)
        server.kill()
        server.wait(10)


def test_check_finishes_and_names_the_page_whose_read_never_returns(stuck_folder):
    done = subprocess.run([sys.executable, "-m", "viewer", "check", "--content", str(stuck_folder)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert "stuck.md: error: reading it took more than 5 s" in done.stdout
    assert done.stdout.strip().endswith("1 entries, 1 errors, 1 warnings, 0 ignored") and done.returncode == 1


def test_sigterm_ends_a_command_stuck_on_a_read(stuck_folder):
    command = subprocess.Popen([sys.executable, "-m", "viewer", "check", "--content", str(stuck_folder)], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2)
    command.send_signal(signal.SIGTERM)
    assert command.wait(timeout=15) != 0


def test_the_window_opens_on_what_could_be_read(stuck_folder, tmp_path):
    from viewer.core.catalog.catalog import CatalogLoader

    library = CatalogLoader(Path(stuck_folder)).load(quick=True)
    assert [e.title for e in library.entries] == ["Alpha + Beta"]
    assert library.failed == ("stuck.md",)
