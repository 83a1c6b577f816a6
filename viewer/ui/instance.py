"""One window per user: a second launch hands what it was asked to open to the running window
and exits; a second kiosk refuses to start. Local sockets only (never the network)."""

from __future__ import annotations

import getpass
import hashlib
import json

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 500
MAX_MESSAGE = 64 * 1024


def server_name(scope: str = "") -> str:
    """A name private to this user (and to ``scope``, for tests)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no user name in this environment
        user = "user"
    digest = hashlib.sha256(f"{user}\n{scope}".encode()).hexdigest()[:16]
    return f"combo-viewer-{digest}"


def hand_over(message: dict[str, object], name: str | None = None) -> dict[str, object] | None:
    """Send ``message`` to a running instance; its answer, or None when none is running."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return None
    socket.write(json.dumps(message).encode() + b"\n")
    socket.flush()
    socket.waitForBytesWritten(CONNECT_MS)
    answer: dict[str, object] = {}
    if socket.waitForReadyRead(CONNECT_MS * 4):
        try:
            answer = json.loads(bytes(socket.readLine(MAX_MESSAGE).data()).decode())
        except (ValueError, UnicodeDecodeError):
            answer = {}
    socket.disconnectFromServer()
    return answer if isinstance(answer, dict) else {}


class InstanceServer(QObject):
    """Listens for later launches; ``message`` carries what each asked for (a dict)."""

    message = Signal(dict)

    def __init__(self, kind: str, content: str = "", name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind  # "window" or "kiosk": told to a later launch
        self.content = content  # a launch for another content folder opens a window of its own
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._name = name or server_name()
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if self._server.listen(self._name):
            return True
        QLocalServer.removeServer(self._name)  # a stale socket left by a crash
        return self._server.listen(self._name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_MESSAGE:
                socket.abort()
            return
        try:
            message = json.loads(bytes(socket.readLine(MAX_MESSAGE).data()).decode())
        except (ValueError, UnicodeDecodeError):
            message = None
        accepted = isinstance(message, dict) and self.accepts(message)
        socket.write(json.dumps({"kind": self.kind, "accepted": accepted}).encode() + b"\n")
        socket.flush()
        socket.disconnectFromServer()
        if accepted and isinstance(message, dict):
            self.message.emit(message)

    def accepts(self, message: dict[str, object]) -> bool:
        """A window takes over a launch for its own content folder; a kiosk takes nothing."""
        return self.kind == "window" and not message.get("kiosk") and message.get("content") == self.content
