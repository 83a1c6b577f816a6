"""An Entry as HTML fragments for display: the header, each tab, the page's own notices."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from viewer.core import words
from viewer.core.pages.kinds import BY_KEY, HEADER_KINDS, MORE, NOTICE_KINDS, TAB_KINDS
from viewer.core.pages.model import Entry
from viewer.core.pages.quality import quality_lines
from viewer.core.pages.safety import SERIOUS, severity_sentence, severity_word
from viewer.core.present.callouts import CALLOUT_CLASS
from viewer.core.present.render import Rendered, Renderer, plain_html

TABS = tuple((kind.key, kind.tab) for kind in TAB_KINDS if kind.always)
# Tabs shown only when a page has the section; safety text (warnings, interactions) is never under More.
EXTRA_TABS = tuple((kind.key, kind.tab) for kind in TAB_KINDS if not kind.always)
MAX_FORMATTED_PER_ENTRY = 300  # sections and FAQ answers formatted as Markdown; the rest as plain text
BANNED = "<b>BANNED</b> — this page marks the medicine as banned."  # only when the page says is_banned: true
ALL_TABS = (*TABS, *EXTRA_TABS, MORE)
Render = Callable[[str, str], str]  # (Markdown source, section name) -> HTML


@dataclass(frozen=True)
class EntryDocument:
    """Everything the entry view shows, as safe HTML; ``tabs`` in display order."""

    title: str
    drugs: str
    header: str
    tabs: tuple[tuple[str, str, str], ...]  # (key, tab label, html)
    plain_sections: tuple[str, ...] = ()  # sections shown as plain text because they were too complex
    safety: str = ""  # the severity badge, warning line and Banned flag: never scrolled away
    severity: str = ""  # the page's own severity (safety.SEVERITIES) or ""
    warning: str = ""  # the page's own warning line
    open_tab: str = ""  # a serious entry opens on this tab (its first warning callout), "" for the last used
    callout_tabs: tuple[str, ...] = ()  # tabs holding serious text drawn as callouts

    @property
    def spoken_title(self) -> str:
        """What a screen reader says for the header: severity and warning first, as seen."""
        parts = [severity_sentence(self.severity) if self.severity else "", self.warning, self.title]
        return " ".join(p for p in parts if p)


class DocumentBuilder:
    """Builds EntryDocuments; keeps one Markdown renderer for all of them."""

    def __init__(self, renderer: Renderer | None = None, web_links_as_text: bool = False) -> None:
        self._given = renderer  # made when the first page is built (Markdown loads then)
        # The kiosk opens no web page: there a web link is drawn as its text and address.
        self.web_links_as_text = web_links_as_text

    @property
    def _renderer(self) -> Renderer:
        return self.prepare()

    def prepare(self) -> Renderer:
        """The renderer, made now if it was not yet (Markdown loads then)."""
        if self._given is None:
            self._given = Renderer()
        return self._given

    def build(self, entry: Entry) -> EntryDocument:
        plain: list[str] = []
        budget = Budget(self._renderer)

        def render(source: str, name: str) -> str:
            rendered = budget.render(source)
            if rendered.plain and name not in plain:
                plain.append(name)
            return web_links_as_text(rendered.html) if self.web_links_as_text else rendered.html

        header = header_html(entry, render)
        notices = self._notices(entry, render)
        tabs = []
        for key, label in TABS:
            body = self._faqs(entry, render) if key == "faqs" else render(entry.section(key), label)
            if not body.strip():
                body = f"<p><i>{html.escape(empty_sentence(label, entry, key))}</i></p>"
            tabs.append((key, label, body + notices))
        for key, label in EXTRA_TABS:
            if entry.section(key).strip():
                tabs.append((key, label, render(entry.section(key), label) + notices))
        if entry.other:
            room = max(0, budget.left)
            more = "".join(f"<h2>{html.escape(name)}</h2>{render(text, name)}" for name, text in entry.other[:room])
            if entry.other[room:]:  # past the budget: the rest as one plain block, in order
                more += plain_html("\n\n".join(f"{name}\n\n{text}" for name, text in entry.other[room:]))
                plain.append("More")
            tabs.append((MORE[0], MORE[1], more + notices))
        callout_tabs = tuple(key for key, _, body in tabs if CALLOUT_MARK in body)
        return EntryDocument(
            entry.display_title, " · ".join(entry.drugs), header, tuple(tabs), tuple(plain),
            safety=safety_html(entry), severity=entry.severity, warning=entry.warning,
            open_tab=_warning_tab(callout_tabs) if entry.severity in SERIOUS else "", callout_tabs=callout_tabs,
        )

    @staticmethod
    def _faqs(entry: Entry, render: Render) -> str:
        parts = [render(entry.faq_intro, "FAQs")] if entry.faq_intro else []
        for faq in entry.faqs:
            answer = render(faq.answer, "FAQs") or f"<p><i>{html.escape(no_answer())}</i></p>"
            parts.append(f"<h3>{html.escape(faq.question)}</h3>{answer}")
        return "".join(parts)

    @staticmethod
    def _notices(entry: Entry, render: Render) -> str:
        rows = [
            f"<p><b>{from_page(kind.title)}:</b> {_inline(render(entry.section(kind.key), kind.title))}</p>"
            for kind in NOTICE_KINDS
            if entry.section(kind.key)
        ]
        return f'<hr><div class="notices">{"".join(rows)}</div>' if rows else ""


def section_title(title: str) -> str:
    """A section kind's title (kinds.py) in the reader's language."""
    return words.translate("Sections", title)


def from_page(title: str) -> str:
    """ "Disclaimer (from this page)": the page's own notice, named as such."""
    return words.translate("Entry", "{0} (from this page)").format(section_title(title))


def no_answer() -> str:
    return words.translate("Entry", "No answer is given on this page.")


def empty_sentence(label: str, entry: Entry | None = None, key: str = "") -> str:
    """What an empty tab says: never that the page lacks what it gives elsewhere."""
    where = dict(entry.given_under).get(key, ()) if entry is not None else ()
    if where:
        names = ", ".join(where)
        return words.translate("Entry", "This page has no {0} section of its own; it gives {1} for each of {2}, under More.").format(
            label, label.lower(), names)
    return words.translate("Entry", "This page has no {0} section. Ask a pharmacist or doctor if you need this information.").format(label)


# Where a serious entry opens when several tabs hold warnings: the warnings tab, then side effects.
_WARNING_TAB_ORDER = (*(kind.key for kind in sorted(TAB_KINDS, key=lambda kind: kind.warning_rank)), MORE[0])
CALLOUT_MARK = f'class="{CALLOUT_CLASS}"'


def _warning_tab(callout_tabs: tuple[str, ...]) -> str:
    return next((key for key in _WARNING_TAB_ORDER if key in callout_tabs), "")


def severity_badge(severity: str) -> str:
    """The severity as a badge: its word always, its colour from the theme's style sheet."""
    if not severity:
        return ""
    icon = "⚠ " if severity in SERIOUS else ""
    return f'<span class="badge-{severity}">&nbsp;{icon}{html.escape(severity_word(severity).upper())}&nbsp;</span>'


def safety_html(entry: Entry) -> str:
    """What leads the entry: the severity badge and the warning line, and the Banned flag."""
    lines = []
    if entry.severity or entry.warning:
        badge = severity_badge(entry.severity)
        severity, watch = words.translate("Entry", "Severity:"), words.translate("Entry", "Watch for:")
        label = f"{severity} {badge}" if badge else f"<b>{watch}</b>"
        warning = f" &nbsp;{html.escape(entry.warning)}" if entry.warning else ""
        lines.append(f'<p class="safety">{label}{warning}</p>')
    if entry.banned:
        lines.append(f'<p class="banned">{BANNED}</p>')
    return "".join(lines)


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def readable_date(text: str) -> str:
    """A date as a reader reads it, with no order to guess: "2025-09-22T17:22:07.690Z" -> "22 Sep 2025";
    anything else as the page writes it."""
    found = _ISO_DATE.fullmatch(text.strip())
    if not found or not 1 <= int(found.group(2)) <= 12:
        return text
    return f"{int(found.group(3))} {_MONTHS[int(found.group(2)) - 1]} {found.group(1)}"


def provenance_line(entry: Entry) -> str:
    """When the page was reviewed or updated, as a reader reads dates ("" when it says neither)."""
    dates = []
    if entry.reviewed:
        dates.append(words.translate("Entry", "Reviewed {0}").format(readable_date(entry.reviewed)))
    if entry.updated:
        dates.append(words.translate("Entry", "Updated {0}").format(readable_date(entry.updated)))
    return " · ".join(dates)


def header_html(entry: Entry, render: Render) -> str:
    """The header under the title: the summary, the generic and other names, the page's opening
    text, when it was reviewed or updated, and its sources. (The severity, warning and Banned
    flag lead above the title: ``safety_html``.)"""
    parts = [quality_html(entry)] if entry.quality else []
    if entry.description:  # Markdown, as the page writes it (a list, bold words), never shown raw
        parts.append(f'<div class="summary">{render(entry.description, "Description")}</div>')
    if entry.brands:
        parts.append(brands_html(entry))
    for kind in HEADER_KINDS:
        if entry.section(kind.key):
            parts.append(f"<p><b>{section_title(kind.title)}:</b> {_inline(render(entry.section(kind.key), kind.title))}</p>")
    if entry.intro:
        parts.append(render(entry.intro, "Introduction"))
    dates = provenance_line(entry)
    if dates:
        parts.append(f'<p class="updated">{html.escape(dates)}</p>')
    if entry.sources:
        sources = words.translate("Entry", "Sources:")
        parts.append(f'<p class="sources"><b>{sources}</b> {html.escape("; ".join(s.short for s in entry.sources))}</p>')
    return "".join(parts)


def quality_html(entry: Entry) -> str:
    """What the page is, in neutral words: unrated, or with unfinished parts (never a warning box)."""
    return f'<p class="quality"><i>{html.escape(" ".join(quality_lines(entry.quality, entry)))}</i></p>'


def brands_html(entry: Entry) -> str:
    """The site's own brand pages of this composition: name, strength and company."""
    return f'<p class="brands"><b>Brands on this site:</b> {html.escape("; ".join(entry.brands))}</p>'


def _inline(fragment: str) -> str:
    """A one-paragraph fragment without its <p> wrapper, to sit after a bold label."""
    text = fragment.strip()
    if text.startswith("<p>") and text.endswith("</p>") and text.count("<p>") == 1:
        return text[3:-4]
    return text


_LINK = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)
_IMAGE = re.compile(r"<img\b[^>]*>")
_ALT = re.compile(r'\balt="([^"]*)"')


def web_links_as_text(fragment: str) -> str:
    """Web and mail links as their text followed by their address; links to pages stay links."""

    def link(match: re.Match[str]) -> str:
        address = html.unescape(match.group(1))
        if not re.match(r"(?i)(?:https?|mailto):", address):
            return match.group(0)
        return links_as_text(match.group(0))

    return _LINK.sub(link, fragment)


def links_as_text(fragment: str) -> str:
    """For paper: each link becomes its text followed by its address; images their description."""

    def link(match: re.Match[str]) -> str:
        address, text = html.unescape(match.group(1)), match.group(2)
        plain_text = html.unescape(re.sub(r"<[^>]+>", "", text)).strip()
        if not address or address == plain_text or address == f"mailto:{plain_text}":
            return text
        return f"{text} ({html.escape(address)})"

    def image(match: re.Match[str]) -> str:
        alt = _ALT.search(match.group(0))
        return f"[image: {alt.group(1) if alt and alt.group(1) else 'no description'}]"

    fragment = _LINK.sub(link, fragment)
    fragment = re.sub(r"<a>(.*?)</a>", r"\1", fragment, flags=re.DOTALL)  # links whose address was refused
    return _IMAGE.sub(image, fragment)


def _print_heading(entry: Entry, renderer: Renderer) -> list[str]:
    """Page 1's top: safety first, then the title, drugs, summary, brands, dates and sources."""
    parts = [safety_html(entry), f"<h1>{html.escape(entry.display_title)}</h1>"]
    if entry.quality:
        parts.append(quality_html(entry))
    if entry.drugs:
        parts.append(f'<p class="drugs">{html.escape(" · ".join(entry.drugs))}</p>')
    if entry.description:
        parts.append(links_as_text(renderer.render(entry.description).html))
    if entry.brands:
        parts.append(brands_html(entry))
    dates = provenance_line(entry)
    if dates:
        parts.append(f"<p>{html.escape(dates)}</p>")
    if entry.sources:
        parts.append(f'<p><b>Sources:</b> {html.escape("; ".join(map(str, entry.sources)))}</p>')
    return parts


class Budget:
    """Formatting costs per call: of one entry, the first MAX_FORMATTED_PER_ENTRY sources are
    formatted and the rest rendered as plain text (every word kept), so a page of thousands of
    sections or FAQs opens and prints quickly."""

    def __init__(self, renderer: Renderer) -> None:
        self._renderer = renderer
        self.left = MAX_FORMATTED_PER_ENTRY

    def render(self, source: str) -> Rendered:
        self.left -= 1
        return self._renderer.render(source, formatted=self.left >= 0)


def print_html(entry: Entry, renderer: Renderer) -> str:
    """The whole entry for printing: every section in order under a heading, FAQs as questions
    with answers and any other sections; the page's own Disclaimer and Note come first. As on screen,
    past the first MAX_FORMATTED_PER_ENTRY blocks the rest print as plain text, every word kept."""
    budget = Budget(renderer)

    def render(source: str) -> str:
        return links_as_text(budget.render(source).html)

    def section(title: str, source: str) -> str:
        body = render(source) if source.strip() else ""
        return f"<h2>{html.escape(title)}</h2>" + (body or f"<p><i>{empty_sentence(title)}</i></p>")

    parts = _print_heading(entry, renderer)
    parts += [section(section_title(kind.title), entry.section(kind.key)) for kind in HEADER_KINDS if entry.section(kind.key)]
    # The page's own Disclaimer and Note (often that it is AI-written) on page 1, where a reader sees it.
    parts += [section(from_page(kind.title), entry.section(kind.key)) for kind in NOTICE_KINDS if entry.section(kind.key)]
    if entry.intro:
        parts.append(section(words.translate("Entry", "Introduction"), entry.intro))
    for kind in TAB_KINDS:
        if kind.key != "faqs" and (kind.always or entry.section(kind.key).strip()):
            parts.append(section(section_title(kind.title), entry.section(kind.key)))
    faqs = [render(entry.faq_intro)] if entry.faq_intro else []
    for faq in entry.faqs:
        answer = render(faq.answer) if faq.answer else f"<p><i>{html.escape(no_answer())}</i></p>"
        faqs.append(f"<h3>{html.escape(faq.question)}</h3>{answer}")
    title = section_title(BY_KEY["faqs"].title)
    parts.append(f"<h2>{html.escape(title)}</h2>" + ("".join(faqs) or f"<p><i>{empty_sentence(title)}</i></p>"))
    for label, text in entry.other:
        parts.append(section(label, text))
    return "".join(parts)
