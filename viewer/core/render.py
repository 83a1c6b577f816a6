"""Section Markdown to a safe HTML fragment: no raw HTML, allowed links only, bounded time."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import markdown
import nh3

# Python-Markdown slows down quadratically on unmatched "[" (8,000 take over 10 s) and on very
# deep nesting; past these bounds a section is shown as plain text instead.
MAX_RENDER_CHARS = 200_000
MAX_BRACKETS = 400
MAX_INDENT = 64
MAX_QUOTE_DEPTH = 16

_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "b", "i",
    "code", "pre", "blockquote", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
}
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"align"}, "td": {"align"}}
LINK_SCHEMES = {"http", "https", "mailto"}
_INDENT = re.compile(r"^[ \t]*", re.MULTILINE)
_QUOTES = re.compile(r"^(?:[ \t]*>){%d,}" % (MAX_QUOTE_DEPTH + 1), re.MULTILINE)


@dataclass(frozen=True)
class Rendered:
    """An HTML fragment, and whether the text was too complex and is shown as plain text."""

    html: str
    plain: bool = False


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
        self._md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
        self._md.preprocessors.deregister("html_block")  # raw HTML blocks become text
        self._md.inlinePatterns.deregister("html")  # and so do inline tags

    def render(self, source: str) -> Rendered:
        if not source.strip():
            return Rendered("")
        if too_complex(source):
            return Rendered(plain_html(source), plain=True)
        self._md.reset()
        body = self._md.convert(source)
        return Rendered(sanitise(body))


def too_complex(source: str) -> bool:
    """Whether rendering could take long: size, unmatched brackets, deep lists or quotes."""
    if len(source) > MAX_RENDER_CHARS or source.count("[") > MAX_BRACKETS:
        return True
    if max((len(m.group().expandtabs(4)) for m in _INDENT.finditer(source)), default=0) > MAX_INDENT:
        return True
    return bool(_QUOTES.search(source))


def plain_html(source: str) -> str:
    """The text as escaped paragraphs, nothing interpreted, line breaks and indents kept."""
    paragraphs = re.split(r"\n[ \t]*\n", source.strip("\n"))
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
