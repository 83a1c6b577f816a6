"""The library as self-contained web pages for a phone (the Kiwix export): an entry laid out as
the print-out (safety first, every section in order), a home page by first letter and a page
for each other name. One column, no script, the disclaimer on every page, nothing fetched."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from viewer.core.pages.model import Entry, Listing
from viewer.core.pages.safety import DISCLAIMER, NOT_SAFE
from viewer.core.pages.text import listed
from viewer.core.present.callouts import text_of
from viewer.core.present.document import print_html, severity_badge
from viewer.core.present.render import Renderer

HOME = "index"
ENTRY_FOLDER = "entry/"
BRAND_FOLDER = "brand/"  # a site's brand pages, each leading to its composition's entry
LETTER_FOLDER = "letter/"
NAME_FOLDER = "name/"
OTHER = "#"  # titles that begin with no letter
HOME_LISTS_ALL = 5_000  # up to this many entries the home page lists them all; past it, a page a letter
NO_PAIR_CHECK = ("Only the combinations listed here have an entry. " + NOT_SAFE + " This copy cannot check a "
                 "list of medicines against each other: ask a pharmacist, or use the Drug Combination "
                 "Reference program.")


@dataclass(frozen=True)
class WebSite:
    """What every page says: whose library, in what style, exported when and by what; and
    where each entry lives (``entry_paths``)."""

    name: str
    css: str
    footer: str  # "Exported 7 Dec 2026 by combo-viewer 0.1.0"
    paths: Mapping[str, str] = field(default_factory=dict)
    disclaimer: str = DISCLAIMER

    def path_of(self, page: str) -> str:
        return self.paths.get(page) or entry_path(page)


def entry_path(page: str, folder: str = ENTRY_FOLDER) -> str:
    """Where a page lives in the export: its file's path, without the suffix, under ``folder``."""
    stem, dot, suffix = page.rpartition(".")
    return folder + (stem if dot and "/" not in suffix else page)


def entry_paths(pages: Iterable[str], folder: str = ENTRY_FOLDER) -> dict[str, str]:
    """Each page's place, one each: a page whose place another took ("a.md" beside "a.markdown")
    keeps its suffix."""
    places: dict[str, str] = {}
    taken: set[str] = set()
    for path in sorted(pages):
        place = entry_path(path, folder)
        places[path] = place if place not in taken else folder + path
        taken.add(places[path])
    return places


def letter_of(title: str) -> str:
    first = title.strip()[:1].upper()
    return first if first.isalpha() else OTHER


def letter_path(letter: str) -> str:
    return LETTER_FOLDER + ("other" if letter == OTHER else letter)


def name_path(kind: str, name: str) -> str:
    """A brand's or class's page; a "/" in its name ("30/500") is drawn as one but is not a folder."""
    return f"{NAME_FOLDER}{kind}/{' '.join(name.split()).replace('/', chr(0x2215))}"


def link(here: str, there: str, text: str) -> str:
    """A link from the page at ``here`` to the page at ``there``, relative (as a reader needs it)."""
    target = quote(posixpath.relpath(there, posixpath.dirname(here) or "."), safe="/")
    return f'<a href="{target}">{html.escape(text)}</a>'


_TAG = re.compile(r"""(<(?:[^>"']|"[^"]*"|'[^']*')*>)""")  # a tag, its quoted values whole


def quotes_as_entities(fragment: str) -> str:
    """Quotes in text (never in tags) written as entities, shown the same: a page's raw HTML,
    shown as text ("<img src="http://...">"), never reads to a checker as a link to fetch."""
    parts = _TAG.split(fragment)  # text, tag, text, tag, ...
    parts[::2] = [text.replace('"', "&quot;").replace("'", "&#x27;") for text in parts[::2]]
    return "".join(parts)


def page(site: WebSite, here: str, title: str, body: str) -> str:
    """One whole page: the disclaimer first, a way home, the body, whose library it is."""
    body = quotes_as_entities(body)
    home = "" if here == HOME else f'<nav class="top">{link(here, HOME, "All entries")}</nav>'
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{site.css}</style></head><body>"
        f'<p class="disclaimer" role="note"><b>{html.escape(site.disclaimer)}</b></p>{home}'
        f"<main>{body}</main><footer>{html.escape(site.name)} · {html.escape(site.footer)}</footer></body></html>"
    )


def entry_page(site: WebSite, entry: Entry, renderer: Renderer) -> str:
    """An entry as the print-out lays it out: the safety line, the title, the quality line, the
    summary, brands, dates and sources, then every section under its heading, FAQs and the rest."""
    return page(site, site.path_of(entry.path), entry.display_title, print_html(entry, renderer))


def entry_list(site: WebSite, here: str, entries: Iterable[Listing]) -> str:
    rows = []
    for item in entries:
        badge = f" {severity_badge(item.severity)}" if item.severity else ""
        rows.append(f"<li>{link(here, site.path_of(item.path), item.display_title)}{badge}</li>")
    return f'<ul class="entries">{"".join(rows)}</ul>'


def by_letter(entries: Sequence[Listing]) -> list[tuple[str, list[Listing]]]:
    """The entries grouped by their title's first letter, letters in order, "#" last."""
    groups: dict[str, list[Listing]] = {}
    for item in entries:
        groups.setdefault(letter_of(item.display_title), []).append(item)
    return sorted(groups.items(), key=lambda group: (group[0] == OTHER, group[0]))


def home_page(site: WebSite, entries: Sequence[Listing], others: int) -> tuple[str, list[tuple[str, str, str]]]:
    """The home page, and the letter pages it links to when it does not list every entry itself
    ((path, title, html) each)."""
    groups = by_letter(entries)
    split = len(entries) > HOME_LISTS_ALL
    letters = "".join(f"<li>{_letter_link(letter, split)}</li>" for letter, _ in groups)
    count = f"{len(entries)} {'entry' if len(entries) == 1 else 'entries'}"
    names = f", and {others} brand and class names that lead to them" if others else ""
    body = [
        f"<h1>{html.escape(site.name)}</h1>",
        f"<p>{count}{names}. Search with your reader's search box (a medicine, a brand or words from the text), "
        "or choose a letter.</p>",
        f'<p class="notsafe" role="note"><b>{html.escape(NO_PAIR_CHECK)}</b></p>',
        f'<ul class="letters">{letters}</ul>',
    ]
    pages = []
    for letter, items in groups:
        if split:
            here = letter_path(letter)
            pages.append((here, f"{site.name}: {letter}", page(site, here, f"{site.name}: {letter}",
                                                               f"<h1>{html.escape(letter)}</h1>{entry_list(site, here, items)}")))
        else:
            body.append(f'<h2 id="{_anchor(letter)}">{html.escape(letter)}</h2>{entry_list(site, HOME, items)}')
    return page(site, HOME, site.name, "".join(body)), pages


def _letter_link(letter: str, split: bool) -> str:
    """A letter on the home page: its own page when the home page does not list the entries."""
    return link(HOME, letter_path(letter), letter) if split else f'<a href="#{_anchor(letter)}">{html.escape(letter)}</a>'


def _anchor(letter: str) -> str:
    return "other" if letter == OTHER else f"l-{ord(letter):x}"


def name_title(kind: str, name: str) -> str:
    """How a brand or class is listed among titles: "Zoloft (brand)", "SSRI (class of medicines)"."""
    return f"{name} (brand)" if kind == "brand" else f"{name} (class of medicines)"


def name_page(site: WebSite, kind: str, name: str, medicines: Sequence[str], entries: Sequence[Listing]) -> str:
    """A brand's or class's page: what it stands for, then the entries that include one of them."""
    which = listed([html.escape(medicine) for medicine in medicines])
    lead = (f"{html.escape(name)} contains {which}." if kind == "brand"
            else f"Medicines of the class {html.escape(name)} in this library: {which}.")
    here = name_path(kind, name)
    body = (f"<h1>{html.escape(name)}</h1><p>{lead} Entries that include "
            f"{'it' if len(medicines) == 1 else 'one of them'}:</p>{entry_list(site, here, entries)}"
            f'<p class="notsafe" role="note">{html.escape(NOT_SAFE)}</p>')
    return page(site, here, name_title(kind, name), body)


def text_of_page(fragment: str) -> str:
    """The words of a page's body (not the disclaimer every page repeats), for a search index."""
    return text_of(fragment.split("<main>", 1)[-1].split("</main>", 1)[0])
