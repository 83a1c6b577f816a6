"""One window per user: a second launch hands what it was asked to open to the running window
and exits; a second kiosk refuses to start. Local sockets only (never the network), in a folder
only this user can reach, and only with a peer of this user: another user can neither stop a
window or kiosk from starting nor receive what is handed over."""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import socket
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from viewer.core.catalog.cache import default_cache_dir
from viewer.core.private import private_folder

CONNECT_MS = 500
MAX_MESSAGE = 64 * 1024
MAX_CLIENTS = 8  # connections at once; more are refused, so a flood costs nothing
CLIENT_MS = 2000  # a connection that has not said its message by then is closed
RUNTIME_ENV = "XDG_RUNTIME_DIR"


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in this environment
        return "user"


def _folder() -> Path | None:
    """Where the socket lives: $XDG_RUNTIME_DIR/combo-viewer, else a folder in this user's cache
    folder; each made 0700 and checked to be this user's. None where that cannot be had."""
    runtime = os.environ.get(RUNTIME_ENV)
    for parent, name in ([(Path(runtime), "combo-viewer")] if runtime else []) + [(default_cache_dir(), "run")]:
        try:
            if parent == default_cache_dir():
                private_folder(parent)  # the cache folder itself is the user's alone too
            return private_folder(parent / name)
        except OSError:
            continue
    return None


def server_name(scope: str = "") -> str:
    """The socket's name, private to this user (and to ``scope``, for tests): a path in a 0700
    folder of the user's on Unix, a pipe name elsewhere."""
    digest = hashlib.sha256(f"{_user()}\n{scope}".encode()).hexdigest()[:16]
    folder = _folder() if sys.platform != "win32" else None
    return str(folder / f"instance-{digest}") if folder is not None else f"combo-viewer-{digest}"


def same_user(local: QLocalSocket) -> bool:
    """Whether the other end of a connection runs as this user (Linux: SO_PEERCRED; elsewhere the
    socket's private folder is the guard)."""
    option = getattr(socket, "SO_PEERCRED", None)
    descriptor = int(local.socketDescriptor())
    if option is None or descriptor < 0 or not hasattr(os, "getuid"):
        return True
    try:
        with socket.socket(fileno=os.dup(descriptor)) as peer:
            _pid, uid, _gid = struct.unpack("3i", peer.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i")))
    except OSError:
        return False
    return bool(uid == os.getuid())


def hand_over(message: dict[str, object], name: str | None = None) -> dict[str, object] | None:
    """Send ``message`` to a running instance of this user's; its answer, or None when none
    answers (or the other end is not this user's viewer: then this launch starts normally)."""
    local = QLocalSocket()
    local.connectToServer(name or server_name())
    if not local.waitForConnected(CONNECT_MS):
        return None
    if not same_user(local):
        local.abort()
        return None
    local.write(json.dumps(message).encode() + b"\n")
    local.flush()
    local.waitForBytesWritten(CONNECT_MS)
    answer: object = None
    if local.waitForReadyRead(CONNECT_MS * 4):
        answer = _decode(bytes(local.readLine(MAX_MESSAGE).data()))
    local.disconnectFromServer()
    valid = isinstance(answer, dict) and answer.get("kind") in ("window", "kiosk") and isinstance(answer.get("accepted"), bool)
    return answer if valid else None  # type: ignore[return-value]


def _decode(data: bytes) -> object:
    """JSON of a peer, or None for anything that is not (too deep, not UTF-8, not JSON)."""
    try:
        return json.loads(data.decode())
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


def server_answers(name: str) -> bool:
    """Whether a live server of this user's listens at ``name`` (not a stale socket file)."""
    probe = QLocalSocket()
    probe.connectToServer(name)
    alive = probe.waitForConnected(CONNECT_MS) and same_user(probe)
    probe.abort()
    return alive


class InstanceServer(QObject):
    """Listens for later launches; ``message`` carries what each asked for (a dict)."""

    message = Signal(dict)

    def __init__(self, kind: str, content: str = "", name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind  # "window" or "kiosk": told to a later launch
        self.content = content  # a launch for another content folder opens a window of its own
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.setMaxPendingConnections(MAX_CLIENTS)
        self._name = name or server_name()
        self._server.newConnection.connect(self._accept)
        self._clients: set[QLocalSocket] = set()

    def listen(self) -> bool:
        """Listen, unless another window of this user's already does (a window for another
        content folder then runs alone, never taking over the first one's socket: Qt makes the
        socket beside its name and renames it there, which would replace a live one)."""
        if server_answers(self._name):
            return False
        if self._server.listen(self._name):
            return True
        QLocalServer.removeServer(self._name)  # a stale socket left by a crash
        return self._server.listen(self._name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            local = self._server.nextPendingConnection()
            if len(self._clients) >= MAX_CLIENTS or not same_user(local):
                local.abort()
                local.deleteLater()
                continue
            self._clients.add(local)
            local.readyRead.connect(lambda s=local: self._read(s))
            local.disconnected.connect(lambda s=local: self._forget(s))
            QTimer.singleShot(CLIENT_MS, local, local.abort)  # one that says nothing is closed

    def _forget(self, local: QLocalSocket) -> None:
        self._clients.discard(local)
        local.deleteLater()

    def _read(self, local: QLocalSocket) -> None:
        if not local.canReadLine():
            if local.bytesAvailable() > MAX_MESSAGE:
                local.abort()
            return
        message = _decode(bytes(local.readLine(MAX_MESSAGE).data()))
        accepted = isinstance(message, dict) and self.accepts(message)
        local.write(json.dumps({"kind": self.kind, "accepted": accepted}).encode() + b"\n")
        local.flush()
        local.disconnectFromServer()
        if accepted and isinstance(message, dict):
            self.message.emit(message)

    def accepts(self, message: dict[str, object]) -> bool:
        """A window takes over a launch for its own content folder; a kiosk takes nothing."""
        return self.kind == "window" and not message.get("kiosk") and message.get("content") == self.content
