"""The entry view: a header (title, drugs, generic name, intro) above the section tabs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from viewer.core import words
from viewer.core.present.callouts import CALLOUT_ICON, callout_word, text_of
from viewer.core.present.document import ALL_TABS, EntryDocument
from viewer.ui.find_bar import FindBar
from viewer.ui.text_view import TextView


def show_first_callout(view: TextView) -> None:
    """Scroll a tab just enough that its first warning box is in view (not at all when it is)."""
    found = view.document().find(f"{CALLOUT_ICON} {callout_word()}")
    if found.isNull():
        return
    top = view.cursorRect(found).top()
    if top > view.viewport().height() * 2 // 3:
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + top - view.fontMetrics().lineSpacing() * 2)


class EntryView(QWidget):
    """Shows an EntryDocument. The chosen tab is kept (by key) when another entry opens."""

    link_activated = Signal(QUrl)
    tab_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EntryView")
        # The severity, the warning line and the Banned flag lead, above the title: the first
        # thing an opened entry shows, whatever the window's size or the text's.
        self.safety = QLabel()
        self.safety.setObjectName("EntrySafety")
        self.safety.setWordWrap(True)
        self.safety.setTextFormat(Qt.TextFormat.RichText)
        self.safety.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.safety.hide()
        self.title = QLabel()
        self.title.setObjectName("EntryTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setAccessibleName(self.tr("No entry open"))
        self.drugs = QLabel()
        self.drugs.setObjectName("EntryDrugs")
        self.drugs.setAccessibleName(self.tr("Drugs in this combination"))
        self.warning = QLabel()
        self.warning.setObjectName("ReloadWarning")
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(self.tr("Warning about this page"))
        self.warning.hide()
        self.header = TextView(self.tr("Generic name and introduction"))
        self.header.setObjectName("HeaderText")
        self.header.setFrameShape(QFrame.Shape.NoFrame)
        self.header.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # never a scroll box:
        self.header.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # always its whole height
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.header.document().setDocumentMargin(0)
        self.header.link_activated.connect(self.link_activated)

        header_box = QFrame()
        header_box.setObjectName("EntryHeader")
        header_layout = QVBoxLayout(header_box)
        header_layout.setContentsMargins(18, 12, 18, 6)
        header_layout.setSpacing(2)
        header_layout.addWidget(self.safety)
        header_layout.addWidget(self.title)
        header_layout.addWidget(self.drugs)
        header_layout.addWidget(self.warning)
        header_layout.addWidget(self.header)
        self._header_layout = header_layout

        self.tabs = QTabWidget()
        self.tabs.setObjectName("SectionTabs")
        self.tabs.setAccessibleName(self.tr("Sections"))
        self.tabs.setDocumentMode(True)
        self.tabs.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # sized by _fit_header
        self.tabs.tabBar().setUsesScrollButtons(True)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.setMinimumWidth(380)
        self.views: dict[str, TextView] = {}
        self._labels = {key: words.translate("Sections", label) for key, label in ALL_TABS}
        for key, label in self._labels.items():
            view = TextView(label)
            view.setObjectName(f"Tab_{key}")
            view.document().setDocumentMargin(16)
            view.link_activated.connect(self.link_activated)
            self.views[key] = view
        self._keys: list[str] = []
        self.tabs.currentChanged.connect(self._on_tab)

        # The header and the tabs scroll as one page (when the header leaves the tabs too little
        # room); the find bar stays below it.
        self.header_box = header_box
        self.inner = QWidget()
        inner_layout = QVBoxLayout(self.inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.setSpacing(0)
        inner_layout.addWidget(header_box)
        inner_layout.addWidget(self.tabs)
        inner_layout.addStretch(1)
        self.page = QScrollArea()
        self.page.setObjectName("EntryPage")
        self.page.setWidget(self.inner)
        self.page.setWidgetResizable(True)
        self.page.setFrameShape(QFrame.Shape.NoFrame)
        self.page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page.viewport().installEventFilter(self)
        for view in self.views.values():
            view.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.page, 1)
        # The header (names, summary, sources) is searched first; it is always in view.
        self.find_bar = FindBar(lambda: [("header", self.header), *((key, self.views[key]) for key in self._keys)],
                                self._show_found, self.current_tab, always_shown=("header",))
        layout.addWidget(self.find_bar)
        self._preferred_tab = "usage"
        self._css = ""
        self._shown: tuple[EntryDocument, Path | None, Path | None] | None = None
        self._highlight = "#ffe066"
        self._shows_header = False
        self._fitted = (-1, -1)  # the page's viewport size the header was last fitted to

    def add_header_action(self, widget: QWidget) -> None:
        """A control of the caller's under the header text (the kiosk's Print button)."""
        self._header_layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)

    def set_content_css(self, css: str) -> None:
        """Style for entry text; documents already shown are set again so they take it."""
        self._css = css
        for view in (self.header, *self.views.values()):
            view.document().setDefaultStyleSheet(css)
        if self._shown is not None:
            self.show_document(*self._shown)

    def show_document(self, document: EntryDocument, root: Path | None = None, folder: Path | None = None) -> None:
        self._shown = (document, root, folder)
        self.safety.setText(f"<html><head><style>{self._css}</style></head><body>{document.safety}</body></html>")
        self.safety.setVisible(bool(document.safety))
        self.safety.setAccessibleName(text_of(document.safety) or self.tr("No safety notes on this page"))
        self.page.verticalScrollBar().setValue(0)  # an entry opens at its top: its severity first
        self.title.setText(document.title)
        self.title.setToolTip(document.title)
        self.title.setAccessibleName(document.spoken_title)
        self.drugs.setText(document.drugs)
        self.drugs.setAccessibleName(self.tr("Ingredients: {0}").format(document.drugs) if document.drugs else self.tr("Ingredients"))
        self.drugs.setVisible(bool(document.drugs))
        self.header.set_image_folders(root, folder)
        self.header.setHtml(document.header)
        self._shows_header = bool(document.header)
        self.header.setVisible(self._shows_header)
        self._fit_header()
        QTimer.singleShot(0, self, self._fit_header)  # again once the layout has settled (not if we are gone)
        self._show_tabs(document, root, folder)

    def _show_tabs(self, document: EntryDocument, root: Path | None, folder: Path | None) -> None:
        keys = [key for key, _, _ in document.tabs]
        if keys != self._keys:
            self.tabs.blockSignals(True)
            self.tabs.clear()
            for key in keys:
                self.tabs.addTab(self.views[key], self._labels[key])
            self.tabs.blockSignals(False)
            self._keys = keys
        for key, _, html in document.tabs:
            view = self.views[key]
            view.set_image_folders(root, folder)
            view.setExtraSelections([])
            view.setHtml(html)
            view.verticalScrollBar().setValue(0)
        # A major or contraindicated entry opens on its warning; any other on the last tab used
        # (opening on the warning is not the user's choice: the last tab stays remembered).
        self.select_tab(self._preferred_tab, remember=False)
        if document.open_tab in self._keys:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(self._keys.index(document.open_tab))
            self.tabs.blockSignals(False)
            QTimer.singleShot(0, self, lambda view=self.views[document.open_tab]: show_first_callout(view))
        self.find_bar.refresh()

    def _show_found(self, key: str) -> None:
        """Bring the tab of a match found in the page to the front, and the match into view once
        it is marked."""
        if key in self._keys:
            self.select_tab(key, remember=False)
        QTimer.singleShot(0, self, lambda: self.bring_into_view(key))

    def highlight(self, section: str, terms: list[str]) -> int:
        """Show the tab that holds a full-text match and mark the matching words in it."""
        key = section if section in self._keys else self.current_tab()
        self.select_tab(key, remember=False)
        return self.views[key].highlight(terms, QColor(self._highlight))

    def set_highlight_colour(self, colour: str) -> None:
        self._highlight = colour

    def set_warning(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        self._fit_header()

    def current_tab(self) -> str:
        index = self.tabs.currentIndex()
        return self._keys[index] if 0 <= index < len(self._keys) else self._preferred_tab

    def tab_keys(self) -> list[str]:
        return list(self._keys)

    def select_tab(self, key: str, remember: bool = True) -> None:
        if remember:
            self._preferred_tab = key
        target = key if key in self._keys else (self._keys[0] if self._keys else None)
        if target is not None:
            # A fallback (the wanted tab is missing on this entry) is not the user's choice.
            self.tabs.blockSignals(target != key)
            self.tabs.setCurrentIndex(self._keys.index(target))
            self.tabs.blockSignals(False)

    def _on_tab(self, index: int) -> None:
        if 0 <= index < len(self._keys):
            self._preferred_tab = self._keys[index]
            self.tab_changed.emit(self._keys[index])

    def _fit_header(self) -> None:
        """The header (severity, title, ingredients, warning, introduction) at its whole height,
        never a scroll box of its own, and the tabs in the rest of the view. When that rest is
        too small for reading (large text, a small window), the tabs take the whole view below
        the header and the entry scrolls as one page: the header first, then the tabs.

        The header text is measured on a copy of its document, at the width it will have once
        laid out, so the view's own (possibly stale) layout cannot skew the height."""
        width = self.page.viewport().width()
        if self._shows_header:
            margins = self._header_layout.contentsMargins()
            probe = self.header.document().clone(self)
            probe.setTextWidth(max(100, width - margins.left() - margins.right() - 2 * self.header.frameWidth()))
            self.header.setFixedHeight(int(probe.size().height()) + 2 * self.header.frameWidth() + 2)
            probe.deleteLater()
        header = self.header_box.heightForWidth(width)
        header = header if header > 0 else self.header_box.sizeHint().height()
        view = self.page.viewport().height()
        reading = max(view // 2, self.tabs.tabBar().sizeHint().height() + 8 * self.fontMetrics().lineSpacing())
        tabs = max(view - header if view - header >= reading else view,
                   self.tabs.tabBar().sizeHint().height() + 2 * self.fontMetrics().lineSpacing())
        self.tabs.setFixedHeight(tabs)
        self.inner.setFixedHeight(header + tabs)
        self._fitted = (width, view)

    def bring_into_view(self, key: str) -> None:
        """Scroll the page so the marked match in ``key`` (the header or a tab) is on screen."""
        if key in self._keys:
            self.page.ensureWidgetVisible(self.tabs, 0, 0)
            return
        rect = self.header.cursorRect()
        where = self.header.viewport().mapTo(self.inner, rect.topLeft())
        self.page.ensureVisible(where.x(), where.y() + rect.height() // 2, 0, rect.height() * 2)

    # Qt API
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.page.viewport():
            if self._fitted != (self.page.viewport().width(), self.page.viewport().height()):
                self._fit_header()  # the window was resized, or the page's scroll bar came or went
        elif isinstance(event, QWheelEvent) and event.angleDelta().y() < 0:
            # Reading on down a tab first scrolls the header away (a page, not two boxes).
            bar = self.page.verticalScrollBar()
            if bar.value() < bar.maximum():
                bar.setValue(bar.value() + max(bar.singleStep(), self.fontMetrics().lineSpacing() * 3))
                return True
        return super().eventFilter(watched, event)
