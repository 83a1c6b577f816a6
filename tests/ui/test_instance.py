"""One window per user: a page file opens, a second launch hands over, a second kiosk refuses."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.helpers import REPO, seed_folder
from viewer.cli import UsageError, parse_args
from viewer.options import WindowOptions
from viewer.ui.about import about_text
from viewer.ui.instance import InstanceServer, server_name

CLIENT = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QCoreApplication
    app = QCoreApplication([])
    from viewer.ui.instance import hand_over
    print(json.dumps(hand_over(json.loads(sys.argv[2]), sys.argv[1])))
""")


def launch(name: str, message: dict) -> dict | None:
    """A second launch, in a process of its own, as a user would start one."""
    import json

    out = subprocess.run([sys.executable, "-c", CLIENT, name, json.dumps(message)], cwd=REPO,
                         capture_output=True, text=True, timeout=60, check=True).stdout
    return json.loads(out)


def test_a_page_file_on_the_command_line_opens_that_page_with_its_folder(tmp_path):
    folder = seed_folder(tmp_path / "notes")
    options = parse_args([str(folder / "sertraline-clonazepam.md")])
    assert options == WindowOptions(folder.resolve(), None, page="sertraline-clonazepam.md")
    (folder / "sub").mkdir()
    (folder / "sub" / "a.md").write_text((folder / "sertraline-clonazepam.md").read_text())
    options = parse_args(["--content", str(folder), str(folder / "sub" / "a.md")])
    assert options.content == folder.resolve() and options.page == "sub/a.md"  # inside the content: kept
    with pytest.raises(UsageError, match="no such page file"):
        parse_args([str(folder / "missing.md")])
    assert parse_args(["clonazepam + sertraline"]).entry == "clonazepam + sertraline"  # a name, not a file


def test_the_window_opens_the_page_it_was_started_with(make_controller, tmp_path):
    from viewer.ui.launch import open_request

    folder = seed_folder(tmp_path / "c")
    controller = make_controller(folder, open_urls=False)
    open_request(controller, {"page": "paroxetine-clonazepam.md", "entry": None})
    assert controller.current.title == "Paroxetine + Clonazepam"
    open_request(controller, {"page": None, "entry": "sertraline clonazepam"})
    assert controller.current.title == "Sertraline + Clonazepam"


def test_a_second_launch_hands_its_entry_to_the_running_window(qtbot, tmp_path):
    name = server_name(f"test-{tmp_path.name}")
    server = InstanceServer("window", "/srv/content", name=name)
    assert server.listen()
    received = []
    server.message.connect(received.append)
    import threading

    answer: list = []
    worker = threading.Thread(target=lambda: answer.append(launch(name, {"entry": "sertraline", "content": "/srv/content"})))
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=30000)
    assert answer == [{"kind": "window", "accepted": True}]
    assert received == [{"entry": "sertraline", "content": "/srv/content"}]
    other = []
    worker = threading.Thread(target=lambda: other.append(launch(name, {"entry": "x", "content": "/elsewhere"})))
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=30000)
    assert other == [{"kind": "window", "accepted": False}]  # another folder: it opens its own window
    server.close()


def test_nothing_is_running_means_no_answer(tmp_path):
    assert launch(server_name(f"none-{tmp_path.name}"), {"entry": "x"}) is None


def test_a_second_kiosk_refuses_to_start_with_a_clear_message(qtbot, tmp_path, monkeypatch, capsys):
    from viewer.ui import app as app_module
    from viewer.ui import instance

    monkeypatch.setattr(instance, "hand_over", lambda message, name=None: {"kind": "kiosk", "accepted": False})
    status = app_module.run(WindowOptions(tmp_path, None, kiosk=True))
    assert status == 1 and "a kiosk is already running" in capsys.readouterr().err
    status = app_module.run(WindowOptions(tmp_path, "sertraline"))
    assert status == 1  # nor a window beside a kiosk
    monkeypatch.setattr(instance, "hand_over", lambda message, name=None: {"kind": "window", "accepted": True})
    assert app_module.run(WindowOptions(tmp_path, "sertraline")) == 0  # handed over: this launch ends
    assert app_module.run(WindowOptions(tmp_path, None, kiosk=True)) == 1


def test_the_about_box_names_version_licences_and_content(tmp_path):
    from viewer import __version__
    from viewer.core.catalog.library import load_catalog
    from viewer.paths import content_dir

    text = about_text(load_catalog(content_dir()))
    for words in (__version__, "MIT licence", "CC BY 4.0", "Drug Combination Reference starter library", "LGPL",
                  "opens no network connection"):
        assert words in text
    assert "entries" in text


def test_every_window_has_the_icon_and_the_desktop_files_name(controller):
    from PySide6.QtGui import QGuiApplication

    assert not QGuiApplication.windowIcon().isNull()
    assert not controller.window.windowIcon().isNull()
    from viewer.paths import DESKTOP_ID

    # Wayland matches the window to resources/desktop/<this>.desktop: the menu's icon and name
    assert QGuiApplication.desktopFileName() == DESKTOP_ID
    assert (REPO / "resources" / "desktop" / f"{DESKTOP_ID}.desktop").is_file()
    sizes = {(s.width(), s.height()) for s in QGuiApplication.windowIcon().availableSizes()}
    assert {(16, 16), (48, 48), (256, 256)} <= sizes


def test_help_has_how_to_use_on_f1_and_about(controller, qtbot):
    from PySide6.QtWidgets import QMessageBox

    actions = controller.help_actions
    assert actions["help"].shortcut().toString() == "F1"
    actions["about"].trigger()
    box = controller.window.findChild(QMessageBox, "AboutBox")
    assert box is not None and "MIT licence" in box.text() and box.isVisible()
    box.close()


def test_the_socket_lies_in_a_folder_only_its_user_can_reach(tmp_path):
    import os
    import stat
    from pathlib import Path

    folder = Path(server_name("any")).parent
    info = os.lstat(folder)
    assert stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) == 0o700


@pytest.fixture
def other_user():
    """A second local user (root only), removed again."""
    import os
    import shutil

    if os.geteuid() != 0 or not shutil.which("useradd"):
        pytest.skip("a second user needs root and useradd")
    name = f"combo{os.getpid() % 100000}"
    if subprocess.run(["useradd", "--no-create-home", name], capture_output=True).returncode != 0:
        pytest.skip("useradd refused")
    try:
        yield name
    finally:
        subprocess.run(["userdel", name], capture_output=True)


def test_another_user_can_neither_reach_the_window_nor_stop_it(qtbot, tmp_path, other_user):
    import json
    import shutil
    import threading

    name = server_name(f"user-{tmp_path.name}")
    server = InstanceServer("window", "/srv/content", name=name)
    assert server.listen()
    received = []
    server.message.connect(received.append)
    probe = ("import socket, sys\ns = socket.socket(socket.AF_UNIX)\n"
             "try:\n    s.connect(sys.argv[1]); s.sendall(b'{\"page\": \"../../etc/shadow\", \"content\": \"/srv/content\"}\\n')\n"
             "    print('connected')\nexcept OSError as e:\n    print('refused', e.errno)\n")
    done = []
    worker = threading.Thread(target=lambda: done.append(subprocess.run(
        ["runuser", "-u", other_user, "--", shutil.which("python3", path="/usr/bin:/bin") or "python3", "-c", probe, name],
        capture_output=True, text=True, timeout=30)))
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=30000)
    assert done[0].stdout.startswith("refused") and received == []
    answer = []
    worker = threading.Thread(target=lambda: answer.append(launch(name, {"entry": "x", "content": "/srv/content"})))
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=30000)
    assert answer == [{"kind": "window", "accepted": True}] and json.dumps(received)  # its own user still hands over
    server.close()


def test_a_window_for_another_folder_never_takes_over_the_first_ones_socket(qtbot, tmp_path):
    import threading

    name = server_name(f"two-{tmp_path.name}")
    first = InstanceServer("window", "/srv/first", name=name)
    assert first.listen()
    second = InstanceServer("window", "/srv/second", name=name)
    assert not second.listen()  # it runs alone
    received = []
    first.message.connect(received.append)
    answer = []
    worker = threading.Thread(target=lambda: answer.append(launch(name, {"entry": "x", "content": "/srv/first"})))
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=30000)
    assert answer == [{"kind": "window", "accepted": True}] and received  # the first still answers
    first.close()


def test_a_hostile_message_or_a_flood_costs_the_window_nothing(qtbot, tmp_path):
    import threading

    name = server_name(f"flood-{tmp_path.name}")
    server = InstanceServer("window", "/srv/content", name=name)
    assert server.listen()
    deep = "[" * 30000 + "]" * 30000
    flood = ("import socket, sys\nsockets = []\nfor _ in range(200):\n    s = socket.socket(socket.AF_UNIX)\n"
             "    try:\n        s.connect(sys.argv[1]); sockets.append(s)\n    except OSError:\n        pass\n"
             "sockets[0].sendall(sys.argv[2].encode() + b'\\n')\nprint(sockets[0].recv(100).decode())\n")
    done = []
    worker = threading.Thread(target=lambda: done.append(subprocess.run(
        [sys.executable, "-c", flood, name, deep], capture_output=True, text=True, timeout=30)))
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=30000)
    assert '"accepted": false' in done[0].stdout  # too deep: refused, never a RecursionError
    qtbot.wait(50)
    assert len(server._clients) <= 8
    server.close()


def test_a_hand_over_never_opens_a_file_outside_the_content_folder(controller, tmp_path):
    from viewer.ui.launch import open_request

    open_request(controller, {"page": "../../../../etc/passwd", "entry": None})
    assert controller.current is None
    assert "not a page of the content folder" in controller.window.statusBar().currentMessage()
