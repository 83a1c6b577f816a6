"""Full-text index of every section and FAQ: SQLite FTS5, in the content folder's catalog
(store.py), updated page by page from file size and modification time."""

from __future__ import annotations

import hmac
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from viewer.core.catalog.cache import cache_file, catalog_file, row_mac
from viewer.core.catalog.snapshot import signature_of
from viewer.core.catalog.store import SAVE_INDEXED, belongs, connect, create, remove
from viewer.core.pages.kinds import HEADER_KINDS, MORE, NOTICE_KINDS, TAB_KINDS
from viewer.core.pages.model import Entry, FileInfo
from viewer.core.pages.text import fold
from viewer.core.private import private_file, private_folder

MARK_START, MARK_END = "\x02", "\x03"  # around matched words in snippets
# Link text and address are bounded and may not hold another "[" or "(": on "[" x 100,000 an
# unbounded pattern tries every start to the end (hours, holding the GIL and so the window).
_MARKUP = re.compile(r"!?\[([^\[\]\n]{0,500})\]\([^()\n]{0,500}\)|[*_#>`|]+")


BATCH = 500  # pages indexed per transaction (and between two progress reports)
WRITER_TURN_S = 0.05  # between batches
RANK_AT_MOST = 2000  # matching sections ranked by relevance; beyond this, first found first


def snippet_text(snippet: str) -> str:
    """A snippet without its match markers."""
    return snippet.replace(MARK_START, "").replace(MARK_END, "")


def word_matches(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of every word of ``text`` that starts with one of ``words``, compared without
    case or accents ("sérotonin" for "serotonin"): the one rule for the snippet in the list, the
    words marked in a tab, and the index's own matching (FTS5 prefix queries, diacritics removed)."""
    words = [fold_for_search(w) for w in words if w]
    if not words:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*")
    return [match.span() for match in pattern.finditer(fold_for_search(text))]


def phrase_matches(text: str, phrase: str) -> list[tuple[int, int]]:
    """(start, end) of every place ``phrase`` stands in ``text``, anywhere in a word, compared
    without case or accents: find in page, as a browser's."""
    wanted = fold_for_search(" ".join(phrase.split()))
    if not wanted:
        return []
    folded, found, at = fold_for_search(text), [], 0
    while (at := folded.find(wanted, at)) >= 0:
        found.append((at, at + len(wanted)))
        at += len(wanted)
    return found


def make_snippet(text: str, words: Sequence[str], width: int = 110) -> str:
    """About ``width`` characters around the first match, matches marked, cut at word edges."""
    spans = word_matches(text, words)
    start = max(0, (spans[0][0] if spans else 0) - width // 3)
    end = min(len(text), start + width)
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    piece = text[start:end]
    out, last = [], 0
    for begin, finish in word_matches(piece, words):
        out.append(piece[last:begin] + MARK_START + piece[begin:finish] + MARK_END)
        last = finish
    out.append(piece[last:])
    return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else "")


def fold_for_search(text: str) -> str:
    """Lower case with accents removed, keeping every character's position."""
    return "".join(fold(ch)[:1] or ch for ch in text) if not text.isascii() else text.lower()


def plain(markdown: str) -> str:
    """Markdown reduced to its words, for indexing and readable snippets."""
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or " ", markdown).split())


def entry_sections(entry: Entry) -> list[tuple[str, str]]:
    """(tab key, text) rows for one entry: every section a page has, in its own tab; the header
    (description, names, opening text) and the page's notices count as Usage."""
    header = " ".join(entry.section(kind.key) for kind in HEADER_KINDS if kind.indexed)
    rows = [("usage", plain(f"{entry.title}. {entry.description} {header} {entry.intro}"))]
    for kind in TAB_KINDS:
        if kind.key == "faqs":
            rows.append((kind.key, plain(" ".join([entry.faq_intro, *(f"{f.question} {f.answer}" for f in entry.faqs)]))))
        elif kind.indexed:
            rows.append((kind.key, plain(entry.section(kind.key))))
    rows.append((MORE[0], plain(" ".join(f"{label}. {text}" for label, text in entry.other))))
    rows.append(("usage", plain(" ".join(entry.section(kind.key) for kind in NOTICE_KINDS if kind.indexed))))
    return [(key, text) for key, text in rows if text]


class FullTextIndex:
    """The index for one content folder. Safe to search from one thread while another updates."""

    def __init__(self, root: Path | str, cache_dir: Path | None = None, checked: tuple[int, ...] | None = None) -> None:
        """``checked``: the file's signature when it was last checked whole and complete (kept.py);
        while the file still has it, it is not checked again."""
        self.root = Path(root).resolve()
        self.path: Path | None = catalog_file(self.root, cache_dir)
        self._uri = f"file:{self.path}"
        self._local = threading.local()
        self._lock = threading.Lock()  # one writer at a time
        self.damaged = False  # a query met a damaged database: the next update starts afresh
        self.storage_problem = ""  # why the cache folder could not keep the index (it is in memory)
        self._tampered: set[str] = set()  # pages with a row this program did not write: indexed again
        self._generation = 0  # bumped when the file is replaced, so every thread reconnects
        try:
            private_folder(self.path.parent)
            _remove_legacy(self.root, self.path.parent)
            private_file(self.path)
            if checked is None or checked != self.file_signature():
                self._open_checked()
        except (OSError, sqlite3.Error) as exc:  # no usable cache: the index lives in memory this run
            self._use_memory(exc)

    def file_signature(self) -> tuple[int, ...]:
        """The index file's and its write-ahead log's (modification time, size): unchanged while
        nothing writes to them ((-1,) when kept in memory)."""
        if self.path is None:
            return (-1,)
        return signature_of(str(self.path)) + signature_of(f"{self.path}-wal")

    def _use_memory(self, reason: BaseException) -> None:
        """Keep the index in memory from now on, saying why the cache could not hold it."""
        self.storage_problem = str(reason) or type(reason).__name__
        self.close()
        self.path = None
        self._generation += 1
        self._uri = f"file:combo-viewer-{os.getpid()}-{id(self)}?mode=memory&cache=shared"
        self._keep_alive = self._connect()
        create(self._keep_alive, self.root)

    # --- connections -------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        return connect(self._uri, self.path is not None)  # corrupt after a crash: rebuilt (_open_checked)

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is not None and getattr(self._local, "generation", 0) != self._generation:
            connection.close()  # the file was replaced (started afresh) since this thread opened it
            connection = None
        if connection is None:
            connection = self._local.connection = self._connect()
            self._local.generation = self._generation
        return connection

    def _open_checked(self) -> None:
        """Open the cache; a corrupt or foreign file is thrown away and started afresh. A file
        kept busy longer than a connection waits (store.connect) is the list's, being written:
        it is left as it is, and the index waits its turn again when it writes."""
        try:
            connection = self._connection()
            create(connection, self.root)  # the list may have made the file first: no reason to start afresh
            if belongs(connection, self.root) and connection.execute("PRAGMA quick_check").fetchone()[0] == "ok":
                return
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode & 0xFF in _BUSY:
                return  # busy all that time
            raise  # cannot be opened or written: the caller keeps the index in memory
        except sqlite3.DatabaseError:
            pass  # not a database at all
        self._start_afresh()

    def _start_afresh(self) -> None:
        """Throw the cached index away and create an empty one (every page is indexed again)."""
        self.damaged = False
        self._generation += 1
        if self.path is None:
            with self._keep_alive:
                self._keep_alive.executescript("DROP TABLE IF EXISTS sections; DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS pages;")
            create(self._keep_alive, self.root)
            return
        self.close()
        remove(self.path)
        create(self._connection(), self.root)

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # --- building ----------------------------------------------------------------------------

    def update(
        self,
        pages: Sequence[FileInfo] | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Bring the index up to date with the folder; returns how many pages were (re)indexed.

        ``cancelled`` is asked between pages: when it says yes the update stops, keeping what is
        done (the rest is indexed next time). A cache that fails while it is written (a full or
        read-only disk) is given up for the index in memory."""
        try:
            return self._update(pages, progress, cancelled)
        except sqlite3.OperationalError as error:
            if self.path is None or error.sqlite_errorcode & 0xFF not in _STORAGE:
                raise
            self._use_memory(error)
            return self._update(pages, progress, cancelled)

    def _update(self, pages: Sequence[FileInfo] | None, progress: Callable[[int, int], None] | None,
                cancelled: Callable[[], bool] | None) -> int:
        # Here, not at the top: a search answered from the kept file reads no page, nor loads the reader.
        from viewer.core.catalog.folder import scan
        from viewer.core.pages.site import read_site

        if pages is None:
            pages = scan(self.root, read_site(self.root)).pages
        with self._lock:
            if self.damaged:
                self._start_afresh()
            connection = self._connection()
            known = {path: (mtime, size) for path, mtime, size in
                     connection.execute("SELECT path, mtime_ns, size FROM pages WHERE indexed = 1")}
            current = {page.path: page.signature for page in pages}
            tampered, self._tampered = self._tampered, set()
            stale = [p for p in pages if known.get(p.path) != p.signature or p.path in tampered]
            held = known.keys() | {path for (path,) in connection.execute("SELECT DISTINCT path FROM docs")}
            removed = [path for path in held if path not in current]
            total = len(stale)
            with connection:
                for path in removed:
                    self._forget(connection, path)
            for start in range(0, total, BATCH):
                with connection:  # one transaction a batch: fewer, larger FTS segments to merge
                    for number, page in enumerate(stale[start : start + BATCH]):
                        if cancelled is not None and cancelled():
                            return start + number
                        self._index(connection, page)
                        time.sleep(0)  # let the window's thread run: it waits one page's indexing at most
                if progress is not None:
                    progress(min(start + BATCH, total), total)
                if start + BATCH < total:
                    time.sleep(WRITER_TURN_S)  # the list's save, waiting for the file, gets its turn
            return total

    def _forget(self, connection: sqlite3.Connection, path: str) -> None:
        connection.execute("DELETE FROM docs WHERE path = ?", (path,))  # the trigger updates the index
        connection.execute("DELETE FROM pages WHERE path = ?", (path,))  # gone from the folder

    def _index(self, connection: sqlite3.Connection, page: FileInfo) -> None:
        from viewer.core.catalog.library import read_page  # see _update

        connection.execute("DELETE FROM docs WHERE path = ?", (page.path,))
        entry = read_page(self.root, page.path).entry
        if entry is not None:
            connection.executemany(
                "INSERT INTO docs(path, section, body, mac) VALUES (?, ?, ?, ?)",
                [(page.path, key, text, doc_mac(page.path, key, text)) for key, text in entry_sections(entry)],
            )
        connection.execute(SAVE_INDEXED, (page.path, *page.signature))

    def page_count(self) -> int:
        return int(self._connection().execute("SELECT count(*) FROM pages WHERE indexed = 1").fetchone()[0])

    # --- searching ---------------------------------------------------------------------------

    def holds(self, word: str) -> bool:
        """Whether any page's text has a word starting with ``word`` (raises sqlite3.Error when damaged)."""
        if not re.fullmatch(r"\w+", word):
            return False
        found = self._connection().execute("SELECT 1 FROM sections WHERE sections MATCH ? LIMIT 1", (f'"{word}"*',))
        return found.fetchone() is not None

    def search(self, terms: Sequence[str], limit: int = 50) -> list[tuple[str, str, str, float]]:
        """(path, section, snippet, score 0-0.5) for pages holding every term (as a word prefix),
        best first, one row per page. Snippets mark matches with MARK_START / MARK_END."""
        words = [t for t in terms if re.fullmatch(r"\w+", t)]
        if not words:
            return []
        try:
            ranked, docs = self._matches(" AND ".join(f'"{w}"*' for w in words), limit)
        except sqlite3.Error:
            self.damaged = True  # say so, and rebuild on the next update; never a silent "no result"
            raise
        results: list[tuple[str, str, str, float]] = []
        seen: set[str] = set()
        for rowid, rank in ranked:
            if rowid not in docs or docs[rowid][0] in seen:
                continue
            path, section, body, mac = docs[rowid]
            if not (isinstance(mac, str) and hmac.compare_digest(mac, doc_mac(path, section, body))):
                self._tampered.add(path)  # not written by this program for this text: never shown; indexed again
                continue
            seen.add(path)
            relevance = max(0.0, -rank)  # bm25: more negative is better
            results.append((path, section, make_snippet(body, words), round(0.5 * relevance / (1.0 + relevance), 3)))
            if len(results) >= limit:
                break
        return results

    def _matches(self, query: str, limit: int) -> tuple[list[tuple[int, float]], dict[int, tuple[str, str, str, object]]]:
        """The matching sections' (rowid, rank), best first, and their (path, section, body, mac):
        each signature is checked only where its row is used (search stops at its limit)."""
        connection = self._connection()
        found = [r for (r,) in connection.execute(
            "SELECT rowid FROM sections WHERE sections MATCH ? LIMIT ?", (query, RANK_AT_MOST + 1)
        )]
        if len(found) <= RANK_AT_MOST:
            # Few enough to rank by relevance (bm25 costs a little per matching row).
            ranked = connection.execute(
                "SELECT rowid, rank FROM sections WHERE sections MATCH ? ORDER BY rank LIMIT ?",
                (query, limit * 4),
            ).fetchall()
        else:
            # A word on most pages: relevance means little; keep the first pages found.
            ranked = [(rowid, -1.0) for rowid in found[: limit * 4]]
        if not ranked:
            return [], {}
        marks = ",".join("?" * len(ranked))
        rows = connection.execute(f"SELECT id, path, section, body, mac FROM docs WHERE id IN ({marks})",
                                  [rowid for rowid, _ in ranked])
        return ranked, {rowid: (path, section, body, mac) for rowid, path, section, body, mac in rows}


_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
_STORAGE = (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM)


def doc_mac(path: str, section: str, body: str) -> str:
    """The signature of one indexed section, so a row altered by anyone else is never shown."""
    return row_mac(f"{path}\x1e{section}\x1e{body}".encode("utf-8", "surrogatepass"))


def _remove_legacy(root: Path, folder: Path) -> None:
    """The caches of versions before the one catalog: a list cache and an index of their own."""
    cache_file(root, "catalog", ".json", folder).unlink(missing_ok=True)
    remove(cache_file(root, "fulltext", ".sqlite3", folder))
