"""The right-hand panels shown when no entry is: the welcome, "no entry for ...", the pair check."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from viewer.core.pages.model import Listing
from viewer.core.pages.safety import severity_word
from viewer.core.present.callouts import CALLOUT_ICON
from viewer.core.search.search_engine import Hit, no_result
from viewer.core.words import QT_TRANSLATE_NOOP, app_name


def heard(widget: QWidget) -> str:
    """What a screen reader says for ``widget`` (its accessible name: given, or its text)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else widget.accessibleName()


def _label(text: str, name: str, heading: bool = False) -> QLabel:
    """A panel's text; a screen reader hears what it says (its name is its text), and ``name``
    as what it is."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName("PanelHeading" if heading else "PanelText")
    label.setWordWrap(True)
    label.setAccessibleDescription(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class WrapButton(QPushButton):
    """A button whose words wrap onto more lines when it is narrower than they are, never cut
    (a five-ingredient title in a check row, a portrait screen)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(text)
        self.label.setObjectName("WrapButtonText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the button takes the tap
        self._box = QHBoxLayout(self)
        self._box.setContentsMargins(12, 6, 12, 6)
        self._box.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        return self.label.text()

    # Qt API
    def sizeHint(self) -> QSize:  # noqa: N802
        margins = self._box.contentsMargins()
        hint = self.label.sizeHint()
        return QSize(hint.width() + margins.left() + margins.right(), max(super().sizeHint().height(),
                     hint.height() + margins.top() + margins.bottom()))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        margins = self._box.contentsMargins()
        text = self.label.heightForWidth(width - margins.left() - margins.right())
        return max(super().sizeHint().height(), text + margins.top() + margins.bottom())


class WelcomePanel(QWidget):
    """Shown before anything is opened: how many entries, and how to search."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Welcome")
        self.heading = _label(app_name(), self.tr("Welcome"), heading=True)
        self.summary = _label("", self.tr("Entries loaded"))
        self.help = _label(
            self.tr("<p>Type one or two drug names in the search box: the order does not matter, and the "
                    "first letters are enough (<i>sert clon</i>).</p>"
                    "<p><b>Down</b> moves into the list, <b>Enter</b> opens an entry, <b>Esc</b> clears the "
                    "search, <b>Ctrl+L</b> returns to the search box from anywhere. <b>Alt+Left</b> and "
                    "<b>Alt+Right</b> go back and forward.</p>"),
            self.tr("How to search"),
        )
        self.help.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.help)
        layout.addStretch(1)
        self._layout = layout

    def set_body(self, widget: QWidget) -> None:
        """A widget of the caller's in place of the desk's text, given all the room (the kiosk's
        keyboard and the names it suggests, which say what to do themselves)."""
        for label in (self.heading, self.summary, self.help):
            label.hide()
        self._layout.setContentsMargins(0, 0, 0, 0)
        area = QScrollArea()  # on a very small screen it scrolls, and the banner above keeps its room
        area.setObjectName("WelcomeBody")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        widget.setContentsMargins(16, 10, 16, 10)
        area.setWidget(widget)
        self._layout.insertWidget(self._layout.count() - 1, area, 1)
        self._layout.setStretch(self._layout.count() - 1, 0)

    def set_count(self, count: int, folder: str) -> None:
        loaded = self.tr("1 combination entry loaded from {1}.") if count == 1 else self.tr("{0} combination entries loaded from {1}.")
        self.summary.setText(loaded.format(f"{count:,}", folder))
        self.summary.setAccessibleName(self.summary.text())


class NoResultPanel(QWidget):
    """Shown when a search finds nothing: the safety sentence and the nearest matches."""

    suggestion_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoResult")
        self.message = _label("", self.tr("No result"), heading=True)
        self.hint = _label("", self.tr("Nearest matches"))
        self.notes = notes_label(self.tr("What the search understood"))
        self.notes.linkActivated.connect(self.suggestion_chosen)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(32, 28, 32, 28)
        self._layout.setSpacing(10)
        self._layout.addWidget(self.notes)
        self._layout.addWidget(self.message)
        self._layout.addWidget(self.hint)
        self._buttons: list[QPushButton] = []
        self._nearest: list[str] = []  # the paths the buttons open
        self._layout.addStretch(1)

    def show_query(self, query: str, nearest: list[Listing], notes: tuple[str, ...] = (),
                   suggestions: tuple[Hit, ...] = ()) -> None:
        show_notes(self.notes, notes, suggestions)
        self.message.setText(no_result(query))
        self.message.setAccessibleName(self.message.text())  # heard as shown, the safety sentence included
        self.hint.setText(self.tr("Did you mean:") if nearest else self.tr("Check the spelling, or search for one drug only."))
        self.hint.setAccessibleName(self.hint.text())
        if [item.path for item in nearest] == self._nearest:
            return  # the same suggestions (a keystroke that left them): nothing made again
        self._nearest = [item.path for item in nearest]
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        for position, item in enumerate(nearest, start=3):
            button = WrapButton(item.display_title)
            button.setObjectName("SuggestionButton")
            button.setAccessibleName(self.tr("Open {0}").format(item.display_title))
            button.clicked.connect(lambda _=False, path=item.path: self.suggestion_chosen.emit(path))
            self._layout.insertWidget(position, button)
            self._buttons.append(button)

    def suggestions(self) -> list[str]:
        return [b.text() for b in self._buttons]


CHECK_NOTE = QT_TRANSLATE_NOOP(
    "CheckPanel",
    "Each pair is looked up on its own. Three or more medicines together can carry risks that no "
    "single pair shows: ask a pharmacist to review them all."
)
PAIR_NOTE = QT_TRANSLATE_NOOP("CheckPanel", "This pair is looked up as its pages state it. Ask a pharmacist if you are unsure.")


def notes_html(notes: tuple[str, ...], suggestions: tuple[Hit, ...]) -> str:
    """What is said before any result (shared ingredients, unknown names), and for an unknown
    name the entries a known name close to it leads to, as links with their severity."""
    parts = [f"<p><b>{CALLOUT_ICON} {html.escape(note)}</b></p>" for note in notes]
    if suggestions:
        links = []
        for hit in suggestions:
            severity = f" ({severity_word(hit.severity)})" if hit.severity else ""
            links.append(f'<a href="{html.escape(hit.path or "")}">{html.escape(hit.snippet)}: '
                         f"{html.escape(hit.title)}{severity}</a>")
        did_you_mean = QCoreApplication.translate("Notes", "Did you mean: {0}")
        parts.append(f"<p>{did_you_mean.format('; '.join(links))}</p>")
    return "".join(parts)


def notes_label(name: str) -> QLabel:
    """A label for notes_html: its links open the entry they name (never a file or the web)."""
    label = QLabel()
    label.setObjectName("QueryNotes")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    label.setAccessibleName(name)
    label.hide()
    return label


def show_notes(label: QLabel, notes: tuple[str, ...], suggestions: tuple[Hit, ...]) -> None:
    text = notes_html(notes, suggestions)
    label.setText(text)
    label.setAccessibleName(" ".join(notes) or QCoreApplication.translate("Notes", "No notes"))
    label.setVisible(bool(text))


class CheckPanel(QWidget):
    """Three or more drugs: every pair among them, with its entry or the missing-entry sentence."""

    entry_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CheckPanel")
        self.heading = _label("", self.tr("Medicines checked"), heading=True)
        self.note = _label(self.tr(CHECK_NOTE), self.tr("About this check"))
        self.notes = notes_label(self.tr("What the check found first"))
        self.notes.linkActivated.connect(self.entry_chosen)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 28, 32, 12)
        outer.setSpacing(10)
        outer.addWidget(self.notes)
        outer.addWidget(self.heading)
        outer.addWidget(self.note)
        # Many medicines make many rows: they scroll, never squeeze over each other.
        rows = QWidget()
        rows.setObjectName("CheckRows")
        self._layout = QVBoxLayout(rows)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)
        self._layout.addStretch(1)
        self.rows_area = QScrollArea()
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_area.setWidget(rows)
        outer.addWidget(self.rows_area, 1)
        self._rows: list[QWidget] = []
        self._pairs: tuple[Hit, ...] = ()

    def show_check(self, heading: str, pairs: list[Hit], notes: tuple[str, ...] = (), suggestions: tuple[Hit, ...] = (),
                   medicines: int = 3) -> None:
        self.heading.setText(heading)
        self.heading.setAccessibleName(heading)
        show_notes(self.notes, notes, suggestions)
        self.note.setText(self.tr(CHECK_NOTE if medicines >= 3 else PAIR_NOTE))
        self.note.setAccessibleName(self.note.text())
        if tuple(pairs) == self._pairs:
            return  # the same rows (a keystroke that did not change the pairs): nothing made again
        self._pairs = tuple(pairs)
        for row in self._rows:
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._rows = []
        for position, hit in enumerate(pairs):
            row = self._entry_row(hit) if hit.path else self._missing_row(hit)
            self._layout.insertWidget(position, row)
            self._rows.append(row)

    def _entry_row(self, hit: Hit) -> QWidget:
        """A pair with an entry: its severity (word and colour) and its warning, as the page
        states them, over a button that opens it."""
        severity = f"{severity_word(hit.severity).upper()}: " if hit.severity else ""
        name = f"{hit.snippet}: {hit.title}" if hit.snippet else hit.title
        open_it = self.tr("Open the entry.")
        spoken = f"{severity}{name}.{' ' + hit.warning if hit.warning else ''} {open_it}"
        row = QFrame()
        row.setObjectName("CheckRow")
        row.setProperty("severity", hit.severity or "none")
        row.setAccessibleName(spoken)
        layout = QVBoxLayout(row)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.setSpacing(2)
        button = WrapButton(self.tr("{0} — open the entry").format(f"{severity}{name}"))
        button.setObjectName("SuggestionButton")
        button.setAccessibleName(spoken)
        button.setToolTip(spoken)
        button.clicked.connect(lambda _=False, path=hit.path: self.entry_chosen.emit(path))
        layout.addWidget(button)
        if hit.warning:
            warning = _label(hit.warning, hit.warning)
            warning.setObjectName("CheckWarning")
            layout.addWidget(warning)
        return row

    def _missing_row(self, hit: Hit) -> QWidget:
        text = hit.snippet if hit.snippet.startswith(hit.title) else f"{hit.title}: {hit.snippet}"
        row = _label(text, text)
        row.setObjectName("MissingPair")
        return row

    def rows(self) -> list[str]:
        """What each row says, as a screen reader hears it."""
        return [heard(row) for row in self._rows]
