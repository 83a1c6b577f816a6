"""kiwix-serve (Debian's kiwix-tools) serving one ZIM file on 127.0.0.1, for the tests and `make
screenshots`: as a clinic would serve the exported library to its phones."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

START_SECONDS = 30.0


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str, timeout: float = 10.0) -> tuple[int, str]:
    """The status and text of ``url`` (an error status too, with its page)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:  # noqa: S310 - 127.0.0.1 only
            return answer.status, answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@contextmanager
def serving(zim: Path) -> Iterator[str]:
    """The address of a kiwix-serve serving ``zim`` on this machine only; stopped afterwards."""
    for _ in range(5):  # another program may take the port between asking and binding: try another
        port = free_port()
        server = subprocess.Popen(["kiwix-serve", "--address", "127.0.0.1", "--port", str(port), str(zim)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            if _ready(server, base):
                yield base
                return
        finally:
            stop(server)
    raise RuntimeError("kiwix-serve did not start on any free port")


def stop(program: subprocess.Popen[bytes]) -> None:
    """End ``program``: asked first, then killed if it has not ended within 10 seconds."""
    program.terminate()
    try:
        program.wait(10)
    except subprocess.TimeoutExpired:
        program.kill()
        program.wait()


def _ready(server: subprocess.Popen[bytes], base: str) -> bool:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            if fetch(base + "/", timeout=2.0)[0] == 200:
                return True
        except OSError:
            time.sleep(0.1)
    return False
