"""The entry view: a header (title, drugs, generic name, intro) above the section tabs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from viewer.core.document import ALL_TABS, EntryDocument
from viewer.ui.text_view import TextView


class EntryView(QWidget):
    """Shows an EntryDocument. The chosen tab is kept (by key) when another entry opens."""

    link_activated = Signal(QUrl)
    tab_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EntryView")
        self.title = QLabel()
        self.title.setObjectName("EntryTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setAccessibleName("Combination")
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
        header_layout.addWidget(self.title)
        header_layout.addWidget(self.drugs)
        header_layout.addWidget(self.warning)
        header_layout.addWidget(self.header)
        self._header_layout = header_layout

        self.tabs = QTabWidget()
        self.tabs.setObjectName("SectionTabs")
        self.tabs.setAccessibleName("Sections")
        self.tabs.setDocumentMode(True)
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
        self._preferred_tab = "usage"
        self._css = ""
        self._shown: tuple[EntryDocument, Path | None, Path | None] | None = None
        self._highlight = "#ffe066"

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
        self.title.setText(document.title)
        self.drugs.setText(document.drugs)
        self.drugs.setVisible(bool(document.drugs))
        self.header.set_image_folders(root, folder)
        self.header.setHtml(document.header)
        self.header.setVisible(bool(document.header))
        self._fit_header()
        QTimer.singleShot(0, self, self._fit_header)  # again once the layout has settled (not if we are gone)
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
        self.select_tab(self._preferred_tab, remember=False)

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
        """The header grows with its text up to a third of the view, then scrolls.

        Measured on a copy of the document, at the width the text will have once laid out,
        so the view's own (possibly stale) layout and scroll bar cannot skew the height."""
        margins = self.header.parentWidget().layout().contentsMargins() if self.header.parentWidget() else None
        width = self.width() - (margins.left() + margins.right() if margins else 0)
        probe = self.header.document().clone(self)
        probe.setTextWidth(max(200, width - 2 * self.header.frameWidth()))
        wanted = int(probe.size().height()) + 2 * self.header.frameWidth() + 2
        probe.deleteLater()
        self.header.setFixedHeight(max(0, min(wanted, max(80, self.height() // 3))))

    # Qt API
    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.header.isVisible():
            self._fit_header()
