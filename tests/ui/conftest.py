"""A controller on a temporary copy of the seed pages, with settings in a temporary file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.helpers import FULL_BODY, page, seed_folder
from tests.ui.xserver import window_manager, xvfb  # noqa: F401 (fixtures)
from viewer.ui.app import make_application


@pytest.fixture(scope="session", autouse=True)
def application():
    return make_application()


@pytest.fixture
def content(tmp_path) -> Path:
    folder = seed_folder(tmp_path / "content")
    (folder / "extra").mkdir()
    (folder / "extra" / "alpha-beta.md").write_text(
        page("alpha + Beta", FULL_BODY + "\n## Storage\n\nKeep dry. See [the sertraline page](../sertraline-clonazepam.md).\n")
    )
    return folder


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_controller(qtbot, settings):
    from viewer.ui.controller import Controller
    from viewer.ui.settings import Preferences

    made = []

    def make(folder: Path, **kwargs):
        controller = Controller(folder, Preferences(settings), **kwargs)
        qtbot.addWidget(controller.window)
        controller.window.resize(1100, 760)
        controller.window.show()
        qtbot.waitExposed(controller.window)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()


@pytest.fixture
def controller(make_controller, content):
    return make_controller(content, open_urls=False)
