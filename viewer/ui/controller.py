"""Wires the content library to the window: opening entries, history, search states, reload."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from viewer.core.catalog.cache import catalog_file
from viewer.core.catalog.catalog import CatalogLoader
from viewer.core.catalog.prefetch import CatalogPrefetch
from viewer.core.pages.model import Entry, Library, Severity
from viewer.core.present.document import DocumentBuilder
from viewer.core.search.search_engine import Results
from viewer.core.session.looks import Looks
from viewer.core.session.session import NoResult, PairCheck, Reloaded, ReloadOutcome, SearchState, Session, View, place_query
from viewer.ui.about import add_help_menu
from viewer.ui.announcer import Announcer
from viewer.ui.appearance import Appearance
from viewer.ui.background import SerialWorker
from viewer.ui.entry_list import EntryListModel
from viewer.ui.indexing import FullTextBuilder, IndexStatus
from viewer.ui.main_window import MainWindow
from viewer.ui.modes import DESK, Mode
from viewer.ui.preload import preload
from viewer.ui.settings import Preferences
from viewer.ui.text_search import TextSearcher
from viewer.ui.watcher import ContentWatcher, FolderStatus

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from viewer.ui.problems import ProblemsDialog

AFTER_FIRST_FRAME_MS = 100  # after the window is shown: its first frame is painted by then


class Controller(QObject):
    """Where logic meets the view (the window emits and shows); ``mode``: the desk's or the kiosk's."""

    went_home = Signal()  # back at the start (the kiosk clears its own widgets then)

    def __init__(self, root: Path, preferences: Preferences, open_urls: bool = True, mode: Mode = DESK,
                 prefetch: CatalogPrefetch | None = None) -> None:
        super().__init__()
        self.root, self.preferences, self.mode = root, preferences, mode
        self.open_urls = open_urls and mode.open_urls
        self.model = EntryListModel(self)
        self.window = MainWindow(self.model, mode)  # built while the pages are read (prefetch.py)
        self.loader = CatalogLoader(root, catalog_file(root), prefetch.result() if prefetch else None)
        looks = Looks(preferences.zoom, preferences.theme)
        self.session = Session(root, self.loader.first_load(), looks=looks,  # the snapshot, or heads of new pages
                               lists_everything=mode.list_before_asked is None)
        self.model.set_listings(self.library.entries)
        self.builder = DocumentBuilder(web_links_as_text=mode.web_links_as_text)
        self.watcher = ContentWatcher(self.loader, self)
        self.fulltext = FullTextBuilder(root, self)
        self._engine_builder: SerialWorker | None = None
        self._connect()
        self.help_actions = add_help_menu(self.window, lambda: self.library, self.window.welcome.help.text)
        self.appearance = Appearance(self.window, looks, preferences, self)  # zoom, theme, last tab, geometry
        self.announcer = Announcer(self.session, self.window, self)  # what changed, told to a screen reader
        self.zoom, self.set_theme = looks.zoom_by, looks.choose_theme
        self._show_welcome()
        self._show_problems()
        # Nothing on screen needs these: they start once the window is up and painted.
        self.window.first_shown.connect(
            lambda: QTimer.singleShot(AFTER_FIRST_FRAME_MS, self, self._start_background_work)  # not if we are gone
        )

    def _start_background_work(self) -> None:
        if self.fulltext.stopped():
            return
        # The search engine is built off the window's thread before the first keystroke needs it.
        library = self.library
        self._engine_builder = SerialWorker(lambda: self._build_engine(library), self)
        self._engine_builder.finished.connect(self._engine_built)
        self._engine_builder.request()
        self.watcher.watch(self.library)
        # Catches anything changed between the first load and watching, and saves the catalog
        # cache for the next start (in the watcher's thread: one writer).
        self.watcher.reload_now()
        self._update_fulltext()

    def _build_engine(self, library: Library) -> object:  # in a pool thread
        built = self.session.engine_for(library)
        preload(self.builder)
        return built

    def _engine_built(self, built: object) -> None:
        if isinstance(built, tuple):
            self.session.adopt_engine(built)
        gc.freeze()  # the listings live as long as the window: collections need not walk them again

    def _connect(self) -> None:
        """The window follows the session's events, and tells the controller what the user does."""
        w = self.window
        events = self.session.events
        events.title.connect(w.setWindowTitle)
        events.history.connect(w.set_history_state)
        events.status.connect(lambda message, milliseconds: w.statusBar().showMessage(message, milliseconds))
        w.entry_requested.connect(self.open_entry)
        w.text_hit_requested.connect(self.open_text_hit)
        w.back_requested.connect(self.go_back)
        w.forward_requested.connect(self.go_forward)
        w.query_changed.connect(self._on_query)
        w.list_panel.enter_pressed.connect(self._enter)
        self.text_search = TextSearcher(self)
        self.text_search.arrived.connect(self._text_arrived)
        w.link_activated.connect(self.follow_link)
        w.problems_requested.connect(self.show_problems_dialog)
        w.print_requested.connect(self.print_preview)
        w.export_pdf_requested.connect(self.export_pdf)
        w.closing.connect(self._save)
        self.watcher.reloaded.connect(self.apply_reload)
        self.folder_status = FolderStatus(self.watcher, self.window.statusBar(), self)
        self.index_status = IndexStatus(self.fulltext, self.window.statusBar(), self)
        self.fulltext.ready.connect(lambda index, _count: self._index_ready(index))

    # --- entries -------------------------------------------------------------------------------

    def open_by_name(self, name: str) -> bool:
        """Open the entry a name means (command line); otherwise search for it."""
        found, _ = self.session.engine.choose(name)
        if found is None:
            self.window.list_panel.set_query(name)
        return found is not None and self.open_entry(found.path)

    @property
    def library(self) -> Library:
        return self.session.library

    @property
    def current(self) -> Entry | None:
        return self.session.current

    def open_entry(self, path: str, record: bool = True) -> bool:
        from_check = self.session.query if record and isinstance(self.session.state, PairCheck) and self.session.view == View.CHECK else None
        opened = self.session.open(path, record, from_check)
        if opened.entry is None:
            self.session.say(opened.error, 8000)
            return False
        self._set_view(View.ENTRY)  # first: whatever the window's change sets off reads it
        self.window.show_entry(self.builder.build(opened.entry), self.root, (self.root / path).parent)
        self.window.entry_view.set_warning(opened.warning)
        self.window.list_panel.select_path(path)
        self.update_history()
        return True

    def open_text_hit(self, path: str, section: str) -> bool:
        """Open a full-text result on the tab that holds the match, with the words marked."""
        if not self.open_entry(path):
            return False
        terms = list(self.session.state.results.text_terms) if self.session.state is not None else []
        self.window.entry_view.highlight(section, terms)
        return True

    def go_home(self) -> None:
        """Back to the start: no search, nothing open, first tab, scrolled to the top, no history."""
        self.show_start()
        self.went_home.emit()

    def show_start(self, query: str = "") -> None:
        """The start screen, nothing open, the list showing ``query``'s matches (the kiosk's medicines)."""
        self.session.close()
        self.window.reset_view()
        self.window.list_panel.set_query(query)
        if self.session.view != View.CHECK:  # a pair check the query asks for stays
            self._show_welcome()

    def go_back(self) -> None:
        """Back in history; in a mode whose Back leads home, to the start after the first place."""
        if not self.session.history.can_go_back() and self.mode.back_leads_home and self.session.view != View.WELCOME:
            self.go_home()
            return
        self._go_to(self.session.back())

    def go_forward(self) -> None:
        self._go_to(self.session.forward())

    def _go_to(self, place: str | None) -> None:
        """A page of the history, or a pair check (its query back in the search box)."""
        if place is None:
            return
        query = place_query(place)
        if query is None:
            self.open_entry(place, record=False)
        elif query == self.session.query:
            self._on_query(query)  # the box already says it: show the check again
        else:
            self.window.list_panel.set_query(query)  # answered through _on_query
        self.update_history()

    def update_history(self) -> None:
        self.session.history_changed(self.mode.back_leads_home)  # the window's buttons follow the event

    def _set_view(self, view: View) -> None:
        """What the right-hand side shows is the session's; set before the window draws it."""
        self.session.view = view
        self.update_history()

    # --- search states -------------------------------------------------------------------------

    def _on_query(self, text: str) -> None:
        """A query typed: title and drug matches at once, full text off the window's thread."""
        self.session.query = text
        state = self.session.search(text)
        if state.results.text_wanted:
            self.text_search.search(self.session.engine, state.results)
        else:
            self.text_search.cancel()
        self._show_state(text, state)

    def _text_arrived(self, results: object) -> None:
        text = self.session.query
        assert isinstance(results, Results)
        if results.text_failed:
            self.session.say(self.tr("The full-text index was damaged; it is being rebuilt. Title search works meanwhile."), 8000)
            self._update_fulltext()
        self._show_state(text, self.session.state_for(text, results))

    def _show_state(self, text: str, state: SearchState) -> None:
        self.session.state = state
        results = state.results
        self.window.list_panel.show_results(results, results.text_terms, notes=not isinstance(state, (PairCheck, NoResult)))
        if isinstance(state, PairCheck):
            self._set_view(View.CHECK)
            self.window.show_check(state.heading, list(state.rows), results.notes, results.suggestions, len(results.drugs))
        elif isinstance(state, NoResult):
            self._set_view(View.NO_RESULT)
            self.window.show_no_result(text, list(state.nearest), results.notes, results.suggestions)
        elif self.session.view in (View.NO_RESULT, View.CHECK) and not results.text_wanted:
            self._show_resting_state()  # not while the text is still searched: no flip on every key

    def _enter(self) -> None:
        """Enter with no row chosen opens only the query's own entry; else the sentence on screen stands."""
        path = self.session.enter_path(self.session.state) if self.session.state is not None else None
        if path is not None:
            self.open_entry(path)
        elif self.session.query.strip():
            self.session.say(self.tr("No entry answers this search on its own: choose one from the list."))

    def _show_resting_state(self) -> None:
        if self.current is not None:
            self._set_view(View.ENTRY)
            self.window.return_to_entry()  # the entry view still holds it: nothing to render again
            self.window.list_panel.select_path(self.current.path)
        else:
            self._show_welcome()

    def _show_welcome(self) -> None:
        self._set_view(View.WELCOME)
        self.window.show_welcome(len(self.library.entries), self.root.name or str(self.root))

    # --- links and closing -----------------------------------------------------------------------

    def follow_link(self, url: QUrl) -> None:
        """A link on the open page: the session says where it leads; file: and the like do nothing."""
        kind, target = self.session.follow(url.scheme(), url.path())
        if kind == "web" and self.open_urls:
            QDesktopServices.openUrl(url)
        elif kind == "entry":
            self.open_entry(target)
        elif kind == "said":
            self.session.say(target)

    def _save(self) -> None:
        self.appearance.save()
        self.shutdown()

    def shutdown(self) -> None:
        """Stop the background work (reloads, indexing) before the window goes away."""
        self.watcher.stop()
        self.fulltext.stop()
        self.text_search.stop()
        self.appearance.stop()
        if self._engine_builder is not None:
            self._engine_builder.stop()

    # --- printing ------------------------------------------------------------------------------

    def print_preview(self) -> QPrintPreviewDialog | None:
        """File > Print...: a preview of the whole entry, printable from there."""
        from viewer.ui.print_dialogs import preview_entry  # printing loads when first asked for

        return preview_entry(self.window, self.current, self.library)

    def export_pdf(self) -> Path | None:
        """File > Export PDF...: ask where, add .pdf when the name has none, write it."""
        from viewer.ui.print_dialogs import export_entry_pdf

        return export_entry_pdf(self.window, self.current, self.library)

    # --- full-text index -----------------------------------------------------------------------

    def _update_fulltext(self) -> None:
        self.index_status.started()
        self.fulltext.update(self.library.pages)

    def _index_ready(self, index: object) -> None:
        self.session.set_fulltext(index)  # type: ignore[arg-type]
        if self.session.query.strip():
            self._on_query(self.session.query)

    # --- problems and reload -------------------------------------------------------------------

    def _show_problems(self) -> None:
        self.window.set_problem_count(self.library.count(Severity.ERROR), self.library.count(Severity.WARNING))

    def show_problems_dialog(self) -> ProblemsDialog:
        from viewer.ui.problems import ProblemsDialog  # the dialog loads when first asked for

        dialog = ProblemsDialog(self.library.problems, self.root.name or str(self.root), self.window)
        dialog.open()
        return dialog

    def apply_reload(self, library: Library) -> None:
        previous = self.library
        unchanged = library.entries == previous.entries and library.problems == previous.problems
        changed = set() if unchanged else self.loader.changed_since(previous, library) | set(library.failed)
        outcome = self.session.reload(library, changed)
        # What the reload built lives until the next one: the collector need not walk it again
        # (a full collection over 100,000 pages' objects would stall the window).
        gc.freeze()
        if not unchanged:
            self.model.set_listings(library.entries)
            self._update_fulltext()
            self._show_problems()
            if self.session.view == View.WELCOME:
                self._show_welcome()
        self._follow_current(outcome)
        if not unchanged:
            self._on_query(self.session.query)
            if self.current is not None:  # the new results keep the open entry selected
                self.window.list_panel.select_path(self.current.path)

    def _follow_current(self, outcome: ReloadOutcome) -> None:
        """Keep the open entry: re-read it if its file changed, follow it if it was renamed."""
        path = outcome.path
        if outcome.kind is Reloaded.CHANGED or (outcome.kind is Reloaded.KEPT and path and self.session.file_changed(path)):
            self.open_entry(path or "", record=False)
        elif outcome.kind is Reloaded.KEPT and path:
            self.window.list_panel.select_path(path)
        elif outcome.kind is Reloaded.RENAMED and path:
            self.open_entry(path)
        elif outcome.kind is Reloaded.REMOVED:
            self.window.entry_view.set_warning(self.tr("This page was removed from the content folder. Showing the last version read."))
