"""Rendering never lets raw HTML, remote images or odd links through, and never takes long."""

from __future__ import annotations

import html
import re

import pytest

from viewer.core.present.render import MAX_RUN, Renderer, is_local_image


@pytest.fixture(scope="module")
def render():
    return Renderer().render


@pytest.mark.parametrize(
    "raw",
    [
        "<script>alert(1)</script>",
        "<style>body{display:none}</style>",
        '<iframe src="http://example.com"></iframe>',
        '<img src="http://example.com/x.png">',
        "<table>" * 20 + "x" + "</table>" * 20,
    ],
)
def test_raw_html_is_shown_as_text_never_as_markup(render, raw):
    out = render(f"Before\n\n{raw}\n\nafter").html
    assert "<script" not in out and "<style" not in out and "<iframe" not in out
    assert "<table" not in out and "<img" not in out
    assert "&lt;" in out


@pytest.mark.parametrize(
    "link, kept",
    [
        ("http://example.com", True),
        ("https://example.com/a?b=c", True),
        ("mailto:pharmacy@example.com", True),
        ("sertraline-clonazepam.md", True),
        ("file:///etc/passwd", False),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
    ],
)
def test_only_web_mail_and_entry_links_survive(render, link, kept):
    out = render(f"[label]({link})").html
    assert ("href" in out) is kept
    assert "label" in out


@pytest.mark.parametrize(
    "src, kept",
    [
        ("images/pill.png", True),
        ("http://example.com/x.png", False),
        ("https://example.com/x.png", False),
        ("file:///etc/x.png", False),
        ("data:image/png;base64,AAAA", False),
        ("/etc/x.png", False),
        ("../outside.png", False),
        ("//example.com/x.png", False),
    ],
)
def test_images_only_from_inside_the_content_folder(render, src, kept):
    assert ("src=" in render(f"![alt]({src})").html) is kept
    assert is_local_image(src) is kept


@pytest.mark.parametrize(
    "source",
    ["[" * 8000, "![" * 3000, "".join("  " * i + "- x\n" for i in range(400)), ">" * 400 + " deep"],
)
def test_pathological_markdown_falls_back_to_plain_text_keeping_the_text(render, source):
    rendered = render(source)
    assert rendered.plain
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered.html))
    assert (text.count("x") == source.count("x") and "deep" in text.split()) or "deep" not in source
    longest = max(len(run) for run in source.split())
    if longest > MAX_RUN:  # a run with no place to break is cut, saying how much is not shown
        assert f"{longest - MAX_RUN:,} more characters without a space, not shown" in text
        assert source[:MAX_RUN] in text
    else:
        assert " ".join(source.split()) == " ".join(text.split())


def test_ordinary_markdown_is_rendered(render):
    rendered = render("* **Alpha:** one\n* two\n\nSee [x](https://example.com).")
    assert not rendered.plain
    assert "<li><strong>Alpha:</strong> one</li>" in rendered.html
    assert '<a href="https://example.com">x</a>' in rendered.html
