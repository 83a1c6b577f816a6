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
    from viewer.core.library import load_catalog
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
    assert QGuiApplication.desktopFileName() == "combo-viewer"
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
