"""The combination list: model, proxy, sorting, filtering and keyboard use of the search box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from tests.helpers import FULL_BODY, page
from viewer.core.pages.model import Listing
from viewer.core.search.search_engine import SearchEngine
from viewer.ui.entry_list import EntryFilterProxy, EntryListModel, Role

LISTINGS = [
    Listing("b.md", "sertraline + Clonazepam", ("sertraline", "Clonazepam")),
    Listing("a.md", "Paroxetine + Clonazepam", ("Paroxetine", "Clonazepam")),
    Listing("c.md", "Lithium + Ibuprofen", ("Lithium", "Ibuprofen")),
]


def test_model_and_proxy_pass_the_model_tester(qtmodeltester):
    model = EntryListModel()
    model.set_listings(LISTINGS)
    qtmodeltester.check(model)
    proxy = EntryFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.show(SearchEngine(LISTINGS).search("clon"), ("clon",))
    assert proxy.rowCount() == 2
    qtmodeltester.check(proxy)


def test_the_list_is_sorted_case_insensitively(controller):
    panel = controller.window.list_panel
    titles = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert titles == ["alpha + Beta", "Paroxetine + Clonazepam", "Sertraline + Clonazepam"]
    assert panel.count.text() == "3 combinations"


def test_typing_filters_at_once_in_any_order_and_case(controller, qtbot):
    panel = controller.window.list_panel
    qtbot.keyClicks(panel.search, "CLON sert")
    assert [panel.proxy.index(r, 0).data(Role.PATH) for r in range(panel.proxy.rowCount())] == ["sertraline-clonazepam.md"]
    assert panel.count.text() == "1 of 3"
    panel.set_query("clonazepam / paroxetine")
    assert panel.shown_paths() == ["paroxetine-clonazepam.md"]


def test_arrows_move_from_the_search_box_and_enter_opens(controller, qtbot):
    window = controller.window
    panel = window.list_panel
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "clon")
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.view.currentIndex().data() == "Sertraline + Clonazepam"
    qtbot.keyClick(panel.search, Qt.Key.Key_Up)
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert window.windowTitle() == "Drug Combination Reference — Paroxetine + Clonazepam"


def test_enter_with_nothing_highlighted_opens_the_first_match(controller, qtbot):
    panel = controller.window.list_panel
    qtbot.keyClicks(panel.search, "sert")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert controller.window.windowTitle().endswith("Sertraline + Clonazepam")


def test_escape_clears_the_search(controller, qtbot):
    panel = controller.window.list_panel
    qtbot.keyClicks(panel.search, "lith")
    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.search.text() == "" and panel.shown_count() == 3


def test_ctrl_l_and_ctrl_k_focus_the_search_box_from_anywhere(controller, qtbot):
    window = controller.window
    controller.open_entry("sertraline-clonazepam.md")
    for key in (Qt.Key.Key_L, Qt.Key.Key_K):
        window.entry_view.views["usage"].setFocus()
        qtbot.waitUntil(lambda: window.entry_view.views["usage"].hasFocus())
        qtbot.keyClick(window.entry_view.views["usage"], key, Qt.KeyboardModifier.ControlModifier)
        assert window.list_panel.search.hasFocus()


def test_clicking_a_row_opens_it(controller, qtbot):
    view = controller.window.list_panel.view
    rect = view.visualRect(view.model().index(2, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert controller.current.title == "Sertraline + Clonazepam"


def test_returning_no_data_to_qt_does_not_corrupt_python():
    """Views ask the model for roles it does not have thousands of times a minute. PySide6 6.12.0
    dropped a reference to None on each such call, aborting Python 3.11 after a few thousand."""
    import sys

    model = EntryListModel()
    model.set_listings(LISTINGS)
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(2000):
        assert index.data(Qt.ItemDataRole.DecorationRole) is None  # asked through C++
    assert sys.getrefcount(None) - before > -100


STRENGTHS = ("Aceclofenac 100mg + Paracetamol 325mg", "Aceclofenac 100mg + Chlorzoxazone 250mg + Paracetamol 325mg",
             "Methotrexate + Trimethoprim", "Levothyroxine + Calcium Carbonate")
PAIRS = ("Oxycodone + Clarithromycin", "Methotrexate + Trimethoprim")  # one line, unless the marker takes its room


@pytest.mark.parametrize(("size", "list_width", "rated", "titles"), [
    ((1000, 700), 260, False, STRENGTHS), ((660, 460), 0, True, STRENGTHS), ((660, 460), 260, True, PAIRS)])
def test_long_titles_wrap_so_no_strength_or_ingredient_is_cut(make_controller, tmp_path, qapp, size, list_width, rated,
                                                               titles):
    """Each row's text, where the style puts it (after the row's padding, the severity marker
    and the focus margins), has the height its title needs wrapped at that width."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    folder = tmp_path / "strengths"
    folder.mkdir()
    for n, title in enumerate(titles):
        front = f"title: {title}\nseverity: major\n" if rated else None
        (folder / f"p{n}.md").write_text(page(title, FULL_BODY, front=front))
    controller = make_controller(folder, open_urls=False)
    window = controller.window
    window.resize(*size)
    window.show()
    window.set_list_width(list_width)
    qapp.processEvents()
    view = window.list_panel.view
    metrics = QFontMetrics(view.font())
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    rows = [view.model().index(r, 0) for r in range(view.model().rowCount())]
    assert sorted(i.data() for i in rows) == sorted(titles)
    for index in rows:
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)  # as the view hands it to the delegate: the marker's size and place
        view.itemDelegate().initStyleOption(option, index)
        option.rect = view.visualRect(index)
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
        # The height Qt's wrapped text takes (lines a font's height apart when its leading is negative).
        needed = metrics.boundingRect(QRect(0, 0, text.width() - 2 * margin, 0), Qt.TextFlag.TextWordWrap, index.data()).height()
        assert text.height() >= needed, f"{index.data()!r}: {text.height()} px for {needed} px of text"
    if titles is STRENGTHS:
        assert metrics.horizontalAdvance(titles[1]) > view.viewport().width()  # the long one could not fit on one line
    else:  # each would fit on one line of the list but for the marker beside it
        assert max(map(metrics.horizontalAdvance, titles)) < view.viewport().width() - 40
