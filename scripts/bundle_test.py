"""Smoke test of the standalone bundle (`make bundle-test`): copied to a folder outside the
checkout, with no virtualenv on PATH and no PYTHONPATH, it checks, searches, prints a PDF and
opens its window under Xvfb. Prints its size and start times against the virtualenv's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def timed(args: list[str], env: dict[str, str], cwd: Path) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        out = run(args, env, cwd)
        if out.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed: {out.stderr}")
        best = min(best, time.perf_counter() - start)
    return best


def x_server(env: dict[str, str], cwd: Path) -> tuple[subprocess.Popen[bytes], dict[str, str]]:
    """An Xvfb screen that answers. -noreset: by default a server resets when its last client
    leaves, and a window connecting while xdotool's probe has just left is refused "could not
    connect to display". A screen that does not answer is replaced (three tries)."""
    for _ in range(3):
        read, write = os.pipe()
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"],
                                  pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            display = ":" + pipe.readline().strip()
        shown_env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        if run(["xdotool", "getdisplaygeometry"], shown_env, cwd).returncode == 0:
            return server, shown_env
        server.terminate()
        server.wait(10)
    raise SystemExit("no Xvfb screen answered in three tries")


def window_opens(program: Path, env: dict[str, str], cwd: Path) -> float:
    """Seconds from launch to the window on an Xvfb screen."""
    server, shown_env = x_server(env, cwd)
    start = time.perf_counter()
    viewer = subprocess.Popen([str(program)], cwd=cwd, env=shown_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        while time.perf_counter() - start < 60:
            if viewer.poll() is not None:
                raise SystemExit(f"the bundle's window exited with {viewer.returncode}: {viewer.stderr.read()}")
            found = run(["xdotool", "search", "--onlyvisible", "--name", "Drug Combination Reference"], shown_env, cwd)
            if found.stdout.split():
                return time.perf_counter() - start
            time.sleep(0.05)
        raise SystemExit("the bundle's window did not appear within 60 seconds")
    finally:
        viewer.terminate()
        viewer.wait(10)
        server.terminate()
        server.wait(10)


def size_of(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def main() -> None:
    built = Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        away = Path(tmp)
        bundle = away / "combo-viewer"
        shutil.copytree(built, bundle, symlinks=True)
        env = {"PATH": "/usr/bin:/bin", "HOME": str(away), "LANG": "C.UTF-8", "COMBO_VIEWER_CACHE": str(away / "cache")}
        cli = bundle / "combo-viewer-cli"
        checked = run([str(cli), "check"], env, away)
        assert checked.returncode == 0 and " 0 errors, 0 warnings" in checked.stdout, checked.stdout + checked.stderr
        found = run([str(cli), "search", "warfarin, ibuprofen, omeprazole"], env, away)
        assert found.returncode == 0 and "[MAJOR] Warfarin + Ibuprofen" in found.stdout, found.stdout + found.stderr
        printed = run([str(cli), "print", "oxycodone alprazolam", "--pdf", str(away / "out.pdf")], env, away)
        assert printed.returncode == 0, printed.stderr
        text = run(["pdftotext", str(away / "out.pdf"), "-"], env, away).stdout
        assert "Oxycodone + Alprazolam" in text and "Side effects" in text and "MAJOR" in text
        bundle_window = window_opens(bundle / "combo-viewer", env, away)
        bundle_check = timed([str(cli), "check"], env, away)
        venv = REPO / ".venv" / "bin" / "combo-viewer"
        venv_env = {**env, "PATH": f"{venv.parent}:/usr/bin:/bin"}
        venv_window = window_opens(venv, venv_env, away)
        venv_check = timed([str(venv), "check"], venv_env, away)
        venv_size = size_of(REPO / ".venv")
        print(f"bundle: {size_of(bundle) / 1e6:.0f} MB; window shown in {bundle_window:.2f} s; `check` {bundle_check:.2f} s")
        print(f"virtualenv: {venv_size / 1e6:.0f} MB (with the test tools); window shown in {venv_window:.2f} s; "
              f"`check` {venv_check:.2f} s")
        print("bundle smoke test passed: check, search, print --pdf and the window, from", away)


if __name__ == "__main__":
    main()
