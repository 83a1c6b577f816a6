"""Section Markdown to a safe HTML fragment: no raw HTML, allowed links only, bounded time."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import nh3

from viewer.core.present.callouts import mark_callouts

# Python-Markdown slows down quadratically on unmatched "[" (8,000 take over 10 s), on the
# number of blocks (5,000 setext headings take 1.5 s) and on very deep nesting; past these
# bounds, measured here, a section is shown as plain text instead. Real sections are a few KB.
MAX_RENDER_CHARS = 50_000
MAX_LINES = 1_000
MAX_LINE_CHARS = 5_000
MAX_BRACKETS = 400
# Qt lays out a run of characters with no place to break in time that grows with its square;
# in plain text a run longer than this is cut, saying how much is not shown.
MAX_RUN = 2_000
MAX_INDENT = 64
MAX_QUOTE_DEPTH = 16

_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "b", "i",
    "code", "pre", "blockquote", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
}  # a page's own tables never get the callout's class: the sanitiser drops every class
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"align"}, "td": {"align"}}
LINK_SCHEMES = {"http", "https", "mailto"}
_INDENT = re.compile(r"^[ \t]*", re.MULTILINE)
_QUOTES = re.compile(r"^(?:[ \t]*>){%d,}" % (MAX_QUOTE_DEPTH + 1), re.MULTILINE)
# "* * * * a": every marker opens a list inside the one before it.
_LIST_MARKERS = re.compile(r"^(?:[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]+){%d,}" % (MAX_QUOTE_DEPTH + 1), re.MULTILINE)


@dataclass(frozen=True)
class Rendered:
    """An HTML fragment, and whether the text was too complex and is shown as plain text."""

    html: str
    plain: bool = False
    callouts: int = 0  # serious passages drawn as warning callouts


def is_local_image(src: str) -> bool:
    """An image address inside the content folder: relative, no scheme, never climbing out."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith(("/", "\\")):
        return False
    return ".." not in re.split(r"[/\\]", parts.path)


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    if tag == "img" and name == "src":
        return value if is_local_image(value) else None
    return value


class Renderer:
    """Renders sections; one instance reuses its Markdown parser."""

    def __init__(self) -> None:
        import markdown  # here, not at the top: the window shows its list before any page needs it
        from markdown.extensions.sane_lists import SaneListExtension
        from markdown.extensions.tables import TableExtension

        # Extension objects, not names: names make Markdown scan every installed package's entry
        # points (30 ms at each start).
        self._md = markdown.Markdown(extensions=[SaneListExtension(), TableExtension()], output_format="html")
        self._md.preprocessors.deregister("html_block")  # raw HTML blocks become text
        self._md.inlinePatterns.deregister("html")  # and so do inline tags

    def render(self, source: str, formatted: bool = True) -> Rendered:
        """``formatted=False`` asks for plain text (an entry past its budget of formatting)."""
        if not source.strip():
            return Rendered("")
        if not formatted or too_complex(source):
            return Rendered(plain_html(source), plain=True)
        self._md.reset()
        try:
            body = self._md.convert(source)
        except RecursionError:  # nesting the measures above did not foresee: never the program's end
            return Rendered(plain_html(source), plain=True)
        marked, callouts = mark_callouts(sanitise(body))
        return Rendered(marked, callouts=callouts)


def too_complex(source: str) -> bool:
    """Whether rendering could take long: size, unmatched brackets, deep lists or quotes."""
    if len(source) > MAX_RENDER_CHARS or source.count("[") > MAX_BRACKETS or source.count("\n") > MAX_LINES:
        return True
    if max(map(len, source.split("\n"))) > MAX_LINE_CHARS:
        return True
    if max((len(m.group().expandtabs(4)) for m in _INDENT.finditer(source)), default=0) > MAX_INDENT:
        return True
    return bool(_QUOTES.search(source) or _LIST_MARKERS.search(source))


_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
MAX_PLAIN_SHOWN = 100_000  # characters of one section shown as plain text; the rest is counted, not drawn
MAX_BLANKS = 80  # Qt wraps a long run of spaces kept by pre-wrap in time that grows with its square
_LONG_BLANKS = re.compile(r"[ \t]{%d,}" % (MAX_BLANKS + 1))


def plain_html(source: str) -> str:
    """The text as escaped paragraphs, nothing interpreted, line breaks and indents kept; a run
    of thousands of characters without a space is cut, saying so."""
    source = _LONG_BLANKS.sub(" " * MAX_BLANKS, source)
    rest = ""
    if len(source) > MAX_PLAIN_SHOWN:
        rest = (f"[... {len(source) - MAX_PLAIN_SHOWN:,} more characters of this section are not shown here: "
                "it is too large to display. The page's file holds them all.]")
        source = source[:MAX_PLAIN_SHOWN]
    source = _LONG_RUN.sub(lambda m: f"{m.group()[:MAX_RUN]} [... {len(m.group()) - MAX_RUN:,} more characters without a space, not shown]", source)
    paragraphs = re.split(r"\n[ \t]*\n", source.strip("\n")) + ([rest] if rest else [])
    return "".join(f'<p style="white-space: pre-wrap">{html.escape(p)}</p>' for p in paragraphs)


def sanitise(fragment: str) -> str:
    """Keep only the tags, attributes and link schemes a page may use."""
    return nh3.clean(
        fragment,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        attribute_filter=_keep_attribute,
        link_rel=None,
        strip_comments=True,
    )
