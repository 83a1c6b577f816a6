"""A real X server for the tests that need one: Xvfb at 1280x800, and openbox on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: 'make test' installs it (scripts/system-deps.sh test)")
    return path


@contextmanager
def xvfb_display(screen: str = "1280x800x24", xvfb_program: str = "Xvfb") -> Iterator[str]:
    """An Xvfb display of its own (the tests', the benchmark's), stopped afterwards."""
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb_program, "-displayfd", str(write), "-screen", "0", screen, "-nolisten", "tcp", "-noreset"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        display = ":" + pipe.readline().strip()
    try:
        yield display
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def xvfb() -> Iterator[str]:
    with xvfb_display(xvfb_program=need("Xvfb")) as display:
        yield display


@pytest.fixture
def window_manager(xvfb: str) -> Iterator[str]:
    """openbox on the Xvfb display: a real window manager that can iconify a window."""
    env = {**os.environ, "DISPLAY": xvfb}
    manager = subprocess.Popen([need("openbox"), "--sm-disable"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    yield xvfb
    manager.terminate()
    manager.wait(10)


def visible_windows(env: dict, name: str) -> list[str]:
    found = subprocess.run([need("xdotool"), "search", "--onlyvisible", "--name", name], env=env, capture_output=True, text=True)
    return found.stdout.split()


def program() -> str:
    installed = Path(sys.executable).with_name("combo-viewer")
    if not installed.exists():
        pytest.fail(f"combo-viewer is not installed beside {sys.executable}")
    return str(installed)
