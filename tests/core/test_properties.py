"""Property tests: the loader takes any bytes, and a page's words all land somewhere."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.helpers import lost_words
from viewer.core.pages.labels import LABELS
from viewer.core.pages.model import Page
from viewer.core.pages.page import parse_page
from viewer.core.present.render import Renderer

_MARKUP = st.sampled_from(
    ["---\n", "---", "\n", "\r\n", "# ", "## ", "**", "__", ":", "* ", "1. ", "Q: ", "A: ", "?", "[", "](",
     "<script>", "&a ", "*a", "title: ", "\ufeff", "\x00", "```\n", "> ", "    ", "Usage", "FAQs"]
)
_TEXTISH = st.lists(st.one_of(_MARKUP, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=2000), _TEXTISH.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_bytes_give_an_entry_or_problems_and_never_raise(data):
    result = parse_page("fuzz.md", data)
    assert isinstance(result, Page)
    assert result.entry is not None or result.problems


@settings(max_examples=200, deadline=None)
@given(_TEXTISH)
def test_rendering_any_text_never_raises(text):
    Renderer().render(text)


_WORD = st.from_regex(r"[a-z]{3,8}", fullmatch=True)
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)
_LABEL = st.sampled_from(sorted(LABELS) + ["storage", "interactions"])
_STYLE = st.sampled_from(["**{}:**", "**{}**", "## {}", "### {}", "**{}:** "])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(_STYLE, _LABEL, st.lists(_PARAGRAPH, min_size=1, max_size=3)),
        min_size=1,
        max_size=8,
    )
)
def test_generated_pages_lose_no_word(sections):
    body = "# Alpha + Beta\n\nopening words\n\n"
    labels = []
    for style, label, paragraphs in sections:
        labels.append(label)
        body += style.format(label.title()) + ("" if style.endswith(" ") else "\n\n") + "\n\n".join(paragraphs) + "\n\n"
    entry = parse_page("gen.md", f"---\ntitle: Alpha + Beta\n---\n{body}".encode()).entry
    assert lost_words(body, entry, " ".join(labels)) == {}


_FRONT_LINE = st.tuples(
    st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,8}", fullmatch=True),
    st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
        st.sampled_from(["true", "False", "yes", "no", "null", "~", "1", "0x1f", "1.5", "2024-01-01", ".inf",
                         "a: b", "x #c", "'q'", '"q"', "[1]", "&a", "*a", "!tag", "|", "- x", "Paroxetine + Clonazepam ."]),
    ),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_FRONT_LINE, max_size=5))
@example([("NO", "")])  # a key YAML reads as False
@example([("on", "x"), ("Null", "y")])
@example([("A", "0:")])  # a value ending in a colon is a YAML error
@example([("a", "6ayM\t")])  # so is a tab in many places
def test_the_plain_front_matter_shortcut_agrees_with_yaml(lines):
    import yaml

    from viewer.core.pages.frontmatter import FrontMatterError, parse, parse_plain
    from viewer.core.pages.yaml_front import _Loader

    text = "".join(f"{k}: {v}\n" for k, v in lines)
    shortcut = parse_plain(text)
    if shortcut is None:
        return
    try:
        expected = yaml.load(text, Loader=_Loader) or {}  # safe, with dates kept as text
    except yaml.YAMLError:
        raise AssertionError(f"shortcut accepted what YAML rejects: {text!r}") from None
    assert shortcut == expected
    try:
        assert parse(text) == expected
    except FrontMatterError:
        raise AssertionError(text) from None
