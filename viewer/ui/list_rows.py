"""How the list's rows are drawn: title rows that wrap to the lines the longest title on
screen needs (measured where the style puts the text), the kiosk's rows that each take their
own height, and full-text rows (title over the words found)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from viewer.core.search.index import MARK_START, snippet_text
from viewer.ui.entry_list import EntryFilterProxy, Role


def snippet_from_match(snippet: str, before: int = 12) -> str:
    """The snippet from a word or two before its first match, for a narrow list row."""
    first = snippet.find(MARK_START)
    if first > before:
        start = snippet.find(" ", first - before, first)
        snippet = "…" + snippet[(start + 1 if start >= 0 else first) :]
    return snippet_text(snippet)



class TitleList(QListView):
    """The list of titles. Says when it is resized or its text restyled (its rows refit then)
    from its own handlers, not through an event filter that every paint would pass through."""

    resized = Signal()
    restyled = Signal()

    # Qt API
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.resized.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.restyled.emit()


class HitDelegate(QStyledItemDelegate):
    """Rows are one line; when the results hold full-text matches, two: the title, and under it
    "in text:" with the words around the match, dimmed. All rows keep one height, so the view
    can lay out thousands of them without asking each its size."""

    def __init__(self, proxy: EntryFilterProxy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy

    # Qt API
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        if self._proxy.has_fulltext():
            size.setHeight(size.height() + QFontMetrics(option.font).height())
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.data(Role.KIND) != "fulltext":
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(4, 0, -4, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        main = opt.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = main if selected else opt.palette.color(group, QPalette.ColorRole.PlaceholderText)
        metrics = QFontMetrics(opt.font)
        italic = QFont(opt.font)
        italic.setItalic(True)
        half = rect.height() // 2
        top, bottom = rect.adjusted(0, 0, 0, -half), rect.adjusted(0, rect.height() - half, 0, 0)
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(main)
        painter.drawText(top, flags, metrics.elidedText(title, Qt.TextElideMode.ElideMiddle, top.width()))
        painter.setFont(italic)
        painter.setPen(muted)
        text = "in text: " + snippet_from_match(index.data(Role.SNIPPET) or "")
        painter.drawText(bottom, flags, QFontMetrics(italic).elidedText(text, Qt.TextElideMode.ElideRight, bottom.width()))
        painter.restore()


class WrappingDelegate(QStyledItemDelegate):
    """List rows as tall as their title needs once wrapped to the list's width: nothing cut."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    # Qt API
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        icon = self._view.iconSize().width() + 12 if index.data(Qt.ItemDataRole.DecorationRole) is not None else 0
        width = max(80, self._view.viewport().width() - icon - 40)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        lines = QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 0), Qt.TextFlag.TextWordWrap, text)
        return QSize(size.width(), max(size.height(), lines.height() + 20))


MAX_ROW_LINES = 3  # a title longer than three lines of the list (rare) is cut at its end


def line_height(metrics: QFontMetrics) -> int:
    """The height one wrapped line takes where the style draws a row's text: the text layout
    rounds each line up (a 15 px line spacing can take 16 px a line), so three lines of a row
    sized by line spacing would lose the third to an ellipsis."""
    return max(1, metrics.lineSpacing(), metrics.boundingRect(QRect(0, 0, 1 << 16, 0), Qt.TextFlag.TextWordWrap, "Ag").height())


def text_room(view: QAbstractItemView, option: QStyleOptionViewItem) -> tuple[int, int]:
    """Where the style puts a row's text in ``option.rect`` (its padding, the row's icon and the
    focus margins taken off): the width the text may take, and the height of its rect."""
    style = view.style()
    text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return text.width() - 2 * margin, text.height()


class RowsDelegate(QStyledItemDelegate):
    """Title rows that wrap: every row is as tall as the longest title on screen needs at the
    list's width (one, two or three lines), so no ingredient or strength is cut from the middle
    and all rows keep one height (the view lays out thousands without asking each). Scrolling
    goes a row at a time, so a new height never moves the top row."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self.lines = 1
        self._fitted: tuple[str, int, str] = ("", -1, "")
        self.sets_wrap = True  # the view wraps text only when a title needs more than a line
        self._font_key = view.font().key()  # kept: asked on every keystroke, changed only by restyled
        self._width = -1  # list_width, kept until the list is resized or restyled
        self._chrome = -1  # the style's padding above and below a row's text, once measured
        self._heights: dict[tuple[str, int, int], int] = {}  # (font, lines, icon height): the row's height
        self._rooms: dict[tuple[int, str, int], tuple[int, int]] = {}  # (width, font, icon width): _room

    def fit(self, longest: str) -> None:
        """Rows tall enough for ``longest`` wrapped at the width the style leaves the text (the
        row's padding, the marker and the focus margins taken off); relaid out if that changed."""
        view = self._view
        model = view.model()
        key = (longest, self.list_width(), self._font_key)
        if key == self._fitted or model is None or model.rowCount() == 0:
            return  # each keystroke asks: most leave the longest title and the width as they were
        self._fitted = key
        width, chrome = self._room(model)
        metrics = QFontMetrics(view.font())
        if metrics.horizontalAdvance(longest) <= width:
            lines = 1
        else:
            needed = metrics.boundingRect(QRect(0, 0, width, 0), Qt.TextFlag.TextWordWrap, longest).height()
            lines = max(1, min(MAX_ROW_LINES, round(needed / line_height(metrics))))
        if self.sets_wrap and view.wordWrap() != (lines > 1):
            view.setWordWrap(lines > 1)  # one line drawn without laying out wrapped text: a quicker paint
        if (lines, chrome) != (self.lines, self._chrome):
            self.lines, self._chrome = lines, chrome
            self._heights.clear()
            self.sizeHintChanged.emit(model.index(0, 0))

    def restyled(self) -> None:
        """The view's style changed: measure again."""
        self._rooms.clear()
        self._fitted = ("", -1, "")
        self._font_key = self._view.font().key()
        self.resized()

    def resized(self) -> None:
        """The list's width changed: measured again when next asked."""
        self._width = -1

    def list_width(self) -> int:
        """The rows' width with the scroll bar shown, whether or not it is: the rows fit before
        the bar comes and goes with the number of results, and need no refit when it does."""
        if self._width < 0:
            view = self._view
            self._width = view.contentsRect().width() - view.verticalScrollBar().sizeHint().width()
        return self._width

    def _room(self, model: QAbstractItemModel) -> tuple[int, int]:
        """The width the style leaves a row's text, and what it keeps above and below the text
        (its padding), as the style measures a row of the list's width (kept per width and font)."""
        view = self._view
        key = (self.list_width(), self._font_key, view.iconSize().width())
        if key not in self._rooms:
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)  # as the view hands it over: the marker's size and place included
            self.initStyleOption(option, model.index(0, 0))
            option.rect = QRect(0, 0, key[0], 200)
            width, height = text_room(view, option)
            self._rooms[key] = (max(40, width), 200 - height)
        return self._rooms[key]

    def one_line(self) -> int:
        """The height of a row of one line."""
        return self._row_height(1)

    def _row_height(self, lines: int) -> int:
        """A row of ``lines`` lines of the list's text, the marker beside them, the style's padding round them."""
        key = (self._font_key, lines, self._view.iconSize().height())
        if key not in self._heights:
            metrics = QFontMetrics(self._view.font())
            text = lines * line_height(metrics) + 2  # a pixel each side: no last line lost to rounding
            self._heights[key] = max(key[2], text) + (self._chrome if self._chrome >= 0 else metrics.height() // 2 + 4)
        return self._heights[key]

    # Qt API
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        # Rows are as wide as the list whatever the width given here: only the height counts.
        return QSize(1, self._row_height(self.lines))
