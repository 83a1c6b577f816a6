"""Colours as they are drawn, measured in the window's own pixels: every severity badge on a
plain and on a selected row, and Back and Forward enabled and disabled, in each theme."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QToolBar

from viewer.paths import content_dir
from viewer.ui.entry_list import Role

THEMES = ["light", "dark", "high-contrast"]


def luminance(colour: QColor) -> float:
    """WCAG relative luminance."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def inks(image: QImage, rect: QRect) -> tuple[QColor, QColor]:
    """The background (the commonest colour in ``rect``) and the ink drawn on it (of the colours
    of at least four pixels, the one that stands out most; edge pixels blend the two)."""
    counts = Counter(image.pixelColor(x, y).rgb() for x in range(rect.left(), rect.right() + 1)
                     for y in range(rect.top(), rect.bottom() + 1))
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    drawn = [QColor.fromRgb(rgb) for rgb, n in counts.items() if n >= 4]
    return background, max(drawn, key=lambda c: contrast(c, background))


@pytest.fixture
def desk(make_controller):
    controller = make_controller(content_dir())
    controller.window.resize(1280, 820)
    return controller


@pytest.mark.parametrize("theme", THEMES)
def test_every_severity_badge_is_readable_on_a_plain_and_a_selected_row(desk, qtbot, theme):
    desk.set_theme(theme)
    panel = desk.window.list_panel
    view, proxy = panel.view, panel.proxy
    levels: dict[str, int] = {}
    for row in range(proxy.rowCount()):
        levels.setdefault(proxy.index(row, 0).data(Role.LISTING).severity, row)
    assert {"contraindicated", "major", "moderate"} <= set(levels)
    for level, row in levels.items():
        if not level:
            continue
        index = proxy.index(row, 0)
        for selected in (False, True):
            panel.select_path(index.data(Role.PATH) if selected else None)
            view.scrollTo(index)
            qtbot.wait(20)
            assert view.viewport().rect().contains(view.visualRect(index)), (level, view.visualRect(index))
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)  # as the view hands it to the delegate: the marker's size and place
            view.itemDelegate().initStyleOption(option, index)
            option.rect = view.visualRect(index)
            badge = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, option, view)
            image = view.viewport().grab().toImage()
            background, ink = inks(image, badge.adjusted(1, 1, -1, -1))
            ratio = contrast(background, ink)
            assert ratio >= 4.5, f"{theme}: the {level} badge on a {'selected' if selected else 'plain'} row: {ratio:.1f}:1"


@pytest.mark.parametrize("theme", THEMES)
def test_disabled_back_and_forward_look_unlike_enabled_ones(desk, qtbot, theme):
    window = desk.window
    desk.set_theme(theme)
    desk.open_entry("sertraline-tramadol.md")
    desk.open_entry("sertraline-clonazepam.md")
    qtbot.wait(20)
    assert window.back_action.isEnabled() and not window.forward_action.isEnabled()
    toolbar = window.findChild(QToolBar, "NavigationToolbar")
    image = window.grab().toImage()  # the button on the toolbar's own background
    drawn = {}
    for name, action in (("back", window.back_action), ("forward", window.forward_action)):
        button = toolbar.widgetForAction(action)
        place = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        drawn[name] = inks(image, place.adjusted(3, 3, -3, -3))
    background, enabled = drawn["back"]
    assert contrast(background, enabled) >= 4.5, f"{theme}: Back is hard to read"
    assert contrast(enabled, drawn["forward"][1]) >= 2.0, f"{theme}: disabled Forward is drawn like the enabled Back"
