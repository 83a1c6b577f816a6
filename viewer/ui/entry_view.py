"""The entry view: a header (title, drugs, generic name, intro) above the section tabs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from viewer.core.present.callouts import CALLOUT_ICON, CALLOUT_WORD, text_of
from viewer.core.present.document import ALL_TABS, EntryDocument
from viewer.ui.find_bar import FindBar
from viewer.ui.text_view import TextView


def show_first_callout(view: TextView) -> None:
    """Scroll a tab just enough that its first warning box is in view (not at all when it is)."""
    found = view.document().find(f"{CALLOUT_ICON} {CALLOUT_WORD}")
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
        # The severity, the warning line and the Banned flag lead, above the title, outside any
        # scrolling: at the smallest window and the largest text they stay on screen.
        self.safety = QLabel()
        self.safety.setObjectName("EntrySafety")
        self.safety.setWordWrap(True)
        self.safety.setTextFormat(Qt.TextFormat.RichText)
        self.safety.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.safety.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.safety.hide()
        self.title = QLabel()
        self.title.setObjectName("EntryTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setAccessibleName("No entry open")
        self.drugs = QLabel()
        self.drugs.setObjectName("EntryDrugs")
        self.drugs.setAccessibleName("Drugs in this combination")
        self.warning = QLabel()
        self.warning.setObjectName("ReloadWarning")
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName("Warning about this page")
        self.warning.hide()
        self.header = TextView("Generic name and introduction")
        self.header.setObjectName("HeaderText")
        self.header.setFrameShape(QFrame.Shape.NoFrame)
        self.header.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.header.document().setDocumentMargin(0)
        self.header.link_activated.connect(self.link_activated)

        header_box = QFrame()
        header_box.setObjectName("EntryHeader")
        header_layout = QVBoxLayout(header_box)
        header_layout.setContentsMargins(18, 12, 18, 6)
        header_layout.setSpacing(2)
        # A safety strip of a few lines stays whole; a very long one (a page's 10 KB warning) gets
        # at most a third of the view and scrolls there, so the title and tabs stay in reach.
        self.safety_box = QScrollArea()
        self.safety_box.setObjectName("EntrySafetyBox")
        self.safety_box.setWidget(self.safety)
        self.safety_box.setWidgetResizable(True)
        self.safety_box.setFrameShape(QFrame.Shape.NoFrame)
        self.safety_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.safety_box.hide()
        header_layout.addWidget(self.safety_box)
        header_layout.addWidget(self.title)
        header_layout.addWidget(self.drugs)
        header_layout.addWidget(self.warning)
        header_layout.addWidget(self.header)
        self._header_layout = header_layout

        self.tabs = QTabWidget()
        self.tabs.setObjectName("SectionTabs")
        self.tabs.setAccessibleName("Sections")
        self.tabs.setDocumentMode(True)
        # Squeezed (to nothing, at worst) before the safety strip is: it asks for no least size.
        self.tabs.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.tabs.tabBar().setUsesScrollButtons(True)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.setMinimumWidth(380)
        self.views: dict[str, TextView] = {}
        for key, label in ALL_TABS:
            view = TextView(label)
            view.setObjectName(f"Tab_{key}")
            view.document().setDocumentMargin(16)
            view.link_activated.connect(self.link_activated)
            self.views[key] = view
        self._labels = dict(ALL_TABS)
        self._keys: list[str] = []
        self.tabs.currentChanged.connect(self._on_tab)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header_box)
        layout.addWidget(self.tabs, 1)
        # The header (names, summary, sources) is searched first; it is always in view.
        self.find_bar = FindBar(lambda: [("header", self.header), *((key, self.views[key]) for key in self._keys)],
                                self._show_found, self.current_tab, always_shown=("header",))
        layout.addWidget(self.find_bar)
        self._preferred_tab = "usage"
        self._css = ""
        self._shown: tuple[EntryDocument, Path | None, Path | None] | None = None
        self._highlight = "#ffe066"
        self._shows_safety = self._shows_header = False
        self._title_text = self._warning_text = ""

    def title_text(self) -> str:
        """The open entry's title in full (the label may show it elided in a small window)."""
        return self._title_text

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
        self._shows_safety = bool(document.safety)
        self.safety.setVisible(self._shows_safety)
        self.safety_box.setVisible(self._shows_safety)
        self.safety.setAccessibleName(text_of(document.safety) or "No safety notes on this page")
        self._title_text = document.title
        self.title.setWordWrap(True)
        self.title.setText(document.title)
        self.title.setToolTip(document.title)
        self.title.setAccessibleName(document.spoken_title)
        self.drugs.setText(document.drugs)
        self.drugs.setAccessibleName(f"Ingredients: {document.drugs}" if document.drugs else "Ingredients")
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
        """Bring the tab of a match found in the page to the front (the header needs none)."""
        if key in self._keys:
            self.select_tab(key, remember=False)

    def highlight(self, section: str, terms: list[str]) -> int:
        """Show the tab that holds a full-text match and mark the matching words in it."""
        key = section if section in self._keys else self.current_tab()
        self.select_tab(key, remember=False)
        return self.views[key].highlight(terms, QColor(self._highlight))

    def set_highlight_colour(self, colour: str) -> None:
        self._highlight = colour

    def set_warning(self, text: str) -> None:
        self._warning_text = text
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
        """Share the height: the safety strip always gets all it needs; then the tabs keep a
        few lines; then the title, the ingredients and the header text (which grows up to a
        third of the view, then scrolls) in that order, each given way in turn when the window
        is small or the text large, so the severity and warning are never pushed off screen.

        The header text is measured on a copy of its document, at the width it will have once
        laid out, so the view's own (possibly stale) layout cannot skew the height."""
        layout = self._header_layout
        margins = layout.contentsMargins()
        width = max(200, self.width() - margins.left() - margins.right())
        line = self.fontMetrics().lineSpacing()
        room = self.height() - margins.top() - margins.bottom() - self.tabs.tabBar().sizeHint().height() - 3 * line

        def take(label: QLabel, wanted: bool) -> bool:
            nonlocal room
            height = label.heightForWidth(width) if label.wordWrap() else label.sizeHint().height()
            fits = wanted and height + layout.spacing() <= room
            if fits:
                room -= height + layout.spacing()
                label.setMinimumHeight(max(0, height))
            label.setVisible(fits)
            return fits

        wanted = self.safety.heightForWidth(width - self.safety_box.verticalScrollBar().sizeHint().width()) if self._shows_safety else 0
        self.safety.setFixedHeight(max(0, wanted))  # the whole text; the box shows it, or scrolls when it is long
        safety = min(wanted, max(4 * line, self.height() // 3))
        self.safety_box.setFixedHeight(max(0, safety))
        room -= safety + layout.spacing() if self._shows_safety else 0
        take(self.warning, bool(self._warning_text))
        self.title.setWordWrap(True)
        self.title.setText(self._title_text)
        if not take(self.title, True) and room >= self.title.fontMetrics().lineSpacing():
            # one line, elided in the middle, rather than none
            self.title.setWordWrap(False)
            metrics = self.title.fontMetrics()
            self.title.setText(metrics.elidedText(self._title_text, Qt.TextElideMode.ElideMiddle, width))
            self.title.setMinimumHeight(metrics.lineSpacing())
            self.title.setVisible(True)
            room -= metrics.lineSpacing() + layout.spacing()
        take(self.drugs, self._shown is not None and bool(self._shown[0].drugs))
        if not self._shows_header:
            self.header.hide()
            return
        probe = self.header.document().clone(self)
        probe.setTextWidth(max(200, width - 2 * self.header.frameWidth()))
        wanted = int(probe.size().height()) + 2 * self.header.frameWidth() + 2
        probe.deleteLater()
        height = min(wanted, max(80, self.height() // 3), room)
        self.header.setVisible(height >= 2 * line)
        self.header.setFixedHeight(max(0, height))

    # Qt API
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_header()
