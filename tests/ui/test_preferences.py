"""Text size, theme, last tab and window size are applied and remembered."""

from __future__ import annotations

import re

from PySide6.QtCore import QSettings, Qt

from viewer.ui.settings import Preferences
from viewer.ui.theme import load_theme, resolve


def point_sizes(window):
    return (
        window.list_panel.view.font().pointSizeF(),
        window.entry_view.views["usage"].font().pointSizeF(),
        window.entry_view.title.font().pointSizeF(),
    )


def test_ctrl_plus_minus_zero_scale_list_and_content_together(controller, qtbot, settings):
    window = controller.window
    controller.open_entry("sertraline-clonazepam.md")
    base = point_sizes(window)
    qtbot.keyClick(window.list_panel.search, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    bigger = point_sizes(window)
    assert all(b > a for a, b in zip(base, bigger, strict=False))
    assert bigger[0] == bigger[1]  # list and text at the same size
    qtbot.keyClick(window.list_panel.search, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.list_panel.search, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert point_sizes(window)[0] < base[0]
    assert Preferences(settings).zoom == -1
    qtbot.keyClick(window.list_panel.search, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert point_sizes(window) == base and Preferences(settings).zoom == 0


def test_zoom_theme_tab_and_geometry_survive_a_restart(make_controller, content, settings):
    first = make_controller(content)
    first.zoom(1)
    first.zoom(1)
    first.set_theme("high-contrast")
    first.open_entry("sertraline-clonazepam.md")
    first.window.entry_view.tabs.setCurrentIndex(3)
    first.window.resize(900, 600)
    first.window.close()
    settings.sync()
    second = make_controller(content)
    assert second.preferences.zoom == 2 and second.preferences.theme == "high-contrast"
    assert second.window.theme_actions["high-contrast"].isChecked()
    second.open_entry("paroxetine-clonazepam.md")
    assert second.window.entry_view.current_tab() == "faqs"
    assert second.window.list_panel.view.font().pointSizeF() > first.window._base_point_size > 0


def test_geometry_is_saved_on_close(make_controller, content, settings):
    controller = make_controller(content)
    controller.window.resize(901, 611)
    controller.window.close()
    assert Preferences(QSettings(settings.fileName(), QSettings.Format.IniFormat)).geometry is not None


def test_themes_come_from_the_resources_style_sheets(controller):
    for name in ("light", "dark", "high-contrast"):
        theme = load_theme(name)
        assert theme.colours["base"] in theme.window_qss
        applied = re.sub(r"/\*.*?\*/", "", controller.window.styleSheet(), flags=re.DOTALL)
        assert "@" not in applied and "font-size: 10" in applied
        controller.set_theme(name)
        assert controller.window.styleSheet().startswith(theme.window_qss.split("@font_size")[0])
    dark, light = load_theme("dark"), load_theme("light")
    assert dark.colours["base"] != light.colours["base"]
    assert resolve("system") in ("light", "dark")


def test_the_entry_text_follows_the_theme(controller):
    controller.open_entry("sertraline-clonazepam.md")
    controller.set_theme("high-contrast")
    html = controller.window.entry_view.views["faqs"].toHtml().lower()
    assert load_theme("high-contrast").colours["heading"].lower() in html


def test_following_the_system_switches_with_the_desktop(controller):
    from PySide6.QtGui import QGuiApplication

    controller.set_theme("system")
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert load_theme("dark").colours["panel"] in controller.window.styleSheet()
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert load_theme("light").colours["panel"] in controller.window.styleSheet()
    controller.set_theme("high-contrast")
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert load_theme("high-contrast").colours["accent"] in controller.window.styleSheet()


def test_the_list_pane_keeps_the_width_it_was_given(make_controller, content, settings):
    first = make_controller(content)
    first.window.resize(1300, 700)
    first.window.show()
    first.window.splitter.setSizes([520, 780])
    first.window.close()
    settings.sync()
    second = make_controller(content)
    second.window.show()
    assert second.window.splitter.sizes()[0] == 520
