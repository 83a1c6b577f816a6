"""`combo-viewer export --zim FILE`: the library as one ZIM file for Kiwix (kiwix-serve on a
clinic's network, the Kiwix apps on a phone), written with the openZIM bindings (libzim).

The file is written beside its final name and moved there only when whole, so a reader watching
the folder (kiwix-serve --monitorLibrary) never opens half a file."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from libzim.writer import Creator, Hint, IndexData, Item, StringProvider  # type: ignore[import-untyped,unused-ignore]

from viewer import APP_NAME, __version__
from viewer.core.catalog.catalog import load_kept_catalog
from viewer.core.catalog.library import read_page
from viewer.core.pages.drugs import with_fallback
from viewer.core.pages.model import Library, Listing, Problem, Severity, printable
from viewer.core.present.document import readable_date
from viewer.core.present.render import Renderer
from viewer.core.present.web import (
    BRAND_FOLDER,
    HOME,
    WebSite,
    entry_page,
    entry_paths,
    home_page,
    name_page,
    name_path,
    name_title,
    text_of_page,
)
from viewer.core.search.names import OtherName, names_of_entries, other_names
from viewer.paths import bundled_dir, with_suffix
from viewer.styles import styled, theme_colours

if TYPE_CHECKING:
    from viewer.options import ExportOptions

LANGUAGE = "eng"  # ISO 639-3, as the ZIM metadata wants it
ILLUSTRATION = "icons/combo-viewer-48.png"  # resources/: the 48x48 picture a reader's library shows
MAX_TITLE = 30  # the ZIM's Title and Description metadata, as openZIM recommends them
MAX_DESCRIPTION = 80


@dataclass(frozen=True)
class Written:
    entries: int
    names: int
    left_out: tuple[str, ...]  # "path: why", for the summary


class _Index(IndexData):  # type: ignore[misc,unused-ignore]
    """What the search finds a page by: its title, its words (not the disclaimer every page
    repeats) and, for an entry, the brands and classes of its medicines."""

    def __init__(self, title: str, text: str, keywords: str) -> None:
        super().__init__()
        self._title, self._text, self._keywords = title, text, keywords

    def has_indexdata(self) -> bool:
        return bool(self._text)

    def get_title(self) -> str:
        return self._title

    def get_content(self) -> str:
        return self._text

    def get_keywords(self) -> str:
        return self._keywords

    def get_wordcount(self) -> int:
        return len(self._text.split())


class _Page(Item):  # type: ignore[misc,unused-ignore]
    def __init__(self, path: str, title: str, content: str, front: bool, keywords: str = "") -> None:
        super().__init__()
        self._path, self._title, self._content, self._front = path, title, content, front
        index = _Index(title, text_of_page(content) if front else "", keywords)
        self.get_indexdata = lambda: index

    def get_path(self) -> str:
        return self._path

    def get_title(self) -> str:
        return self._title

    def get_mimetype(self) -> str:
        return "text/html"

    def get_contentprovider(self) -> StringProvider:
        return StringProvider(self._content)

    def get_hints(self) -> dict[Hint, int]:
        return {Hint.FRONT_ARTICLE: self._front}


class Progress:
    """Pages done of the total, with an estimate: one line redrawn on a terminal, else a line
    every tenth."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total, self.stream = total, stream or sys.stderr
        self.started = self._shown = time.monotonic()
        self._tty = self.stream.isatty()
        self._tenth = 0

    def step(self, done: int) -> None:
        now = time.monotonic()
        tenth = done * 10 // max(1, self.total)
        if (self._tty and now - self._shown < 0.25 and done < self.total) or (not self._tty and tenth == self._tenth):
            return
        self._shown, self._tenth = now, tenth
        left = (now - self.started) / max(1, done) * (self.total - done)
        line = f"{done} of {self.total} pages written" + (f", about {left:.0f} s left" if done < self.total else "")
        self.stream.write(f"\r{line}\033[K" if self._tty else line + "\n")
        self.stream.flush()

    def say(self, line: str) -> None:
        self.stream.write(("\n" if self._tty else "") + line + "\n")
        self.stream.flush()


def run_export(options: ExportOptions) -> int:
    started = time.monotonic()
    target = with_suffix(options.zim, ".zim")
    library = load_kept_catalog(options.content)
    partial = target.with_name(f".{target.name}.partial")
    try:
        written = write_zim(partial, library)
        os.replace(partial, target)
    except (OSError, RuntimeError) as exc:  # a full disk, a folder not writable: libzim says RuntimeError
        print(f"combo-viewer: cannot write {target}: {exc}", file=sys.stderr)
        return 1
    finally:
        for leftover in (partial, partial.with_name(partial.name + ".tmp")):
            leftover.unlink(missing_ok=True)
    for line in written.left_out:
        print(printable(f"left out: {line}"), file=sys.stderr)
    size = target.stat().st_size
    print(printable(f"{target}: {written.entries} entries, {written.names} brand and class names, "
                    f"{len(written.left_out)} pages left out, {size / 1e6:.1f} MB, written in {time.monotonic() - started:.0f} s"))
    return 0


def write_zim(path: Path, library: Library, progress: Progress | None = None) -> Written:
    """Every entry of ``library`` (its catalog: listings only) into a new ZIM file at ``path``, each
    page read and laid out in turn, so memory holds one page at a time; a page that cannot be read
    or laid out is left out and named, never the whole export."""
    names = other_names(library.entries, with_fallback(library.drugs))
    site = website(library)
    progress = progress or Progress(len(library.entries) + len(names))
    left_out = [f"{path}: {_why_not(library.problems_for(path))}" for path in library.failed]
    with _quiet_stdout(), Creator(path).config_verbose(False).config_indexing(True, LANGUAGE).set_mainpath(HOME) as creator:
        _describe(creator, library, site)
        exported = _write_entries(creator, library, site, names_of_entries(names), progress, left_out)
        shown = {listing.path: listing for listing in exported}
        places = entry_paths((brand.path for brand in library.brands), BRAND_FOLDER)
        for brand in library.brands:
            if brand.target in shown:
                creator.add_redirection(places[brand.path], brand.name, site.path_of(brand.target), {Hint.FRONT_ARTICLE: True})
        names = _name_pages(creator, site, names, shown, progress, len(library.entries))
        home, letters = home_page(site, exported, len(names))
        creator.add_item(_Page(HOME, site.name, home, True))
        for letter in letters:
            creator.add_item(_Page(*letter, front=False))
        progress.say("finishing: the search indexes and compression")
    return Written(len(exported), len(names), tuple(left_out))


def _write_entries(creator: Creator, library: Library, site: WebSite, keywords: dict[str, tuple[str, ...]],
                   progress: Progress, left_out: list[str]) -> list[Listing]:
    """Each entry read, laid out and added; the listings of those written."""
    brands: dict[str, list[str]] = {}
    for brand in library.brands:
        brands.setdefault(brand.target, []).append(brand.details)
    renderer = Renderer()
    exported = []
    for done, listing in enumerate(library.entries, 1):
        why_not = _write_entry(creator, library.root, listing, site, renderer, brands, keywords)
        if why_not is None:
            exported.append(listing)
        else:
            left_out.append(f"{listing.path}: {why_not}")
        progress.step(done)
    return exported


def _write_entry(creator: Creator, root: str, listing: Listing, site: WebSite, renderer: Renderer,
                 brands: dict[str, list[str]], keywords: dict[str, tuple[str, ...]]) -> str | None:
    """One entry read, laid out and added; why not, when it could not be."""
    page = read_page(root, listing.path)
    if page.entry is None:
        return _why_not(page.problems)
    entry = replace(page.entry, brands=tuple(brands[listing.path])) if listing.path in brands else page.entry
    try:
        content = entry_page(site, replace(entry, distinguisher=listing.distinguisher), renderer)
    except Exception as exc:  # noqa: BLE001 - one page's fault is that page's, never the export's
        return f"could not be laid out ({type(exc).__name__}: {exc})"
    creator.add_item(_Page(site.path_of(listing.path), listing.display_title, content, True,
                           " ".join(keywords.get(listing.path, ()))))
    return None


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """libzim prints its steps ("Resolve redirect") to the process's standard output even when
    told not to be verbose; the command's own output is the summary."""
    sys.stdout.flush()
    kept = os.dup(1)
    try:
        with open(os.devnull, "wb") as nowhere:
            os.dup2(nowhere.fileno(), 1)
        yield
    finally:
        os.dup2(kept, 1)
        os.close(kept)


def _name_pages(creator: Creator, site: WebSite, names: list[OtherName], by_path: dict[str, Listing],
                progress: Progress, done: int) -> list[OtherName]:
    kept = []
    for other in names:
        entries = [by_path[path] for path in other.paths if path in by_path]
        if entries:
            creator.add_item(_Page(name_path(other.kind, other.name), name_title(other.kind, other.name),
                                   name_page(site, other.kind, other.name, other.medicines, entries), True))
            kept.append(other)
        progress.step(done + len(kept))
    return kept


def website(library: Library) -> WebSite:
    resources = bundled_dir("resources")
    colours = theme_colours("light", resources)
    css = styled("content.css", colours, resources) + styled("web.css", colours, resources)
    today = readable_date(dt.date.today().isoformat())
    return WebSite(library.display_name, _compact(css), f"Exported {today} by combo-viewer {__version__}",
                   entry_paths(entry.path for entry in library.entries))


def _compact(css: str) -> str:
    return " ".join(re.sub(r"/\*.*?\*/", " ", css, flags=re.DOTALL).split())


def _describe(creator: Creator, library: Library, site: WebSite) -> None:
    """The ZIM's metadata (openZIM's list) and its 48x48 illustration."""
    slug = re.sub(r"[^a-z0-9]+", "-", site.name.casefold()).strip("-") or "library"
    description = f"{len(library.entries)} medicine and combination pages, offline"
    for name, value in {
        "Name": f"combo-viewer_{LANGUAGE[:2]}_{slug}",
        "Title": _cut(site.name, MAX_TITLE),
        "Description": _cut(description, MAX_DESCRIPTION),
        "LongDescription": f"{site.name}: {description}. {site.disclaimer}",
        "Language": LANGUAGE,
        "Creator": site.name,
        "Publisher": APP_NAME,
        "Date": dt.date.today().isoformat(),
        "Tags": "_category:other;_pictures:no;_videos:no;_ftindex:yes",
        "Scraper": f"combo-viewer {__version__}",
    }.items():
        creator.add_metadata(name, value)
    creator.add_illustration(48, (bundled_dir("resources") / ILLUSTRATION).read_bytes())


def _cut(text: str, most: int) -> str:
    """``text`` within ``most`` characters: whole words where they fit ("Drug Combination Reference
    starter library" -> "Drug Combination Reference"), else cut with an ellipsis."""
    if len(text) <= most:
        return text
    words = text[: most + 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return words if " " in text[: most + 1] and len(words) >= most // 2 else text[: most - 1].rstrip() + "…"


def _why_not(problems: Sequence[Problem]) -> str:
    """Why a page gave no entry: its first error (else its first problem)."""
    errors = [p for p in problems if p.severity is Severity.ERROR] or list(problems)
    return errors[0].message if errors else "no entry could be read from it"
