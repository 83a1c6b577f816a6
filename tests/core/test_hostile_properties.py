"""Generated hostile input: front matter and drugs.yaml of any YAML shape, and Markdown built
from the runs that slow renderers down. check, search and print never raise; rendering is
bounded in time."""

from __future__ import annotations

import time

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.helpers import FULL_BODY
from viewer.core.catalog.library import load_library
from viewer.core.pages.page import parse_page
from viewer.core.present.document import DocumentBuilder, print_html
from viewer.core.present.render import Renderer
from viewer.core.report import library_json, library_text
from viewer.core.search.index import entry_sections
from viewer.core.search.search_engine import SearchEngine

_TAGS = ["", "!!int ", "!!float ", "!!bool ", "!!timestamp ", "!!str ", "!!null ", "!!binary ", "!!set ", "!!omap "]
_SCALARS = st.one_of(
    st.sampled_from(["2023-02-30", "2024-01-01", "yes", "maybe", "~", "0x1f", ".nan", "-.inf", "1e999",
                     "9" * 4301, "abc", "", "'q'", '"\\u0000"', "12:30:45", "0o17", "[", "{", "&a", "*a"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12).map(lambda t: yaml.safe_dump(t).strip()
                                                                                  .removesuffix("...").strip()),
)
_VALUE = st.recursive(
    st.tuples(st.sampled_from(_TAGS), _SCALARS).map("".join),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
        st.dictionaries(st.sampled_from(["q", "a", "brands", "class", "x"]), inner, max_size=3)
        .map(lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}"),
    ),
    max_leaves=6,
)
_KEYS = st.sampled_from(["title", "description", "lastModified", "is_banned", "published", "faqs", "layout",
                         "reviewed", "severity", "odd", "1", "null"])
_FRONT = st.dictionaries(_KEYS, _VALUE, max_size=5).map(lambda d: "".join(f"{k}: {v}\n" for k, v in d.items()))


def _run_everything(folder) -> None:
    library = load_library(folder)
    library_text(library).encode("utf-8")
    library_json(library).encode("utf-8")
    engine = SearchEngine(library.entries, dict(library.drugs))
    for query in ("alpha", "zoloft", "ssri", "alpha, beta, gamma", "2023"):
        engine.search(query)
    renderer = Renderer()
    for entry in library.entries:
        DocumentBuilder(renderer).build(entry)
        print_html(entry, renderer)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(front=_FRONT)
def test_front_matter_of_any_yaml_shape_never_raises(tmp_path_factory, front):
    folder = tmp_path_factory.mktemp("front")
    (folder / "p.md").write_text(f"---\n{front}---\n\n# Alpha + Beta\n\n{FULL_BODY}", encoding="utf-8")
    (folder / "ok.md").write_text(f"---\ntitle: Gamma + Delta\n---\n\n{FULL_BODY}", encoding="utf-8")
    _run_everything(folder)
    assert "Gamma + Delta" in [e.title for e in load_library(folder).entries]  # one page never hides another


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drugs=st.dictionaries(st.sampled_from(["alpha", "beta", "", "1", "null", "true"]), _VALUE, max_size=4))
def test_drugs_yaml_of_any_shape_never_breaks_check_or_search(tmp_path_factory, drugs):
    folder = tmp_path_factory.mktemp("drugs")
    (folder / "p.md").write_text(f"---\ntitle: Alpha + Beta\n---\n\n{FULL_BODY}", encoding="utf-8")
    (folder / "drugs.yaml").write_text("".join(f"{k!r}: {v}\n" for k, v in drugs.items()), encoding="utf-8")
    _run_everything(folder)


# --- render time -------------------------------------------------------------------------------

_RUNS = st.sampled_from(["#", "-", "=", "*", "_", "[", "]", "<", ">", "`", "|", " ", "\n", "\n\n", "a", "1.", "(", ")",
                         "!", "\\", "    ", "> ", "- ", "* ", "## ", "**", "[a](b)", "<div>", "&amp;", "x" * 50])
_MARKDOWN = st.lists(st.tuples(_RUNS, st.integers(1, 40_000)), min_size=1, max_size=12).map(
    lambda runs: "".join(text * count for text, count in runs)[:200_000]
)
SLOWEST: list[tuple[float, str]] = []


KNOWN_ATTACKS = {  # each about 190 KB: the cases found by hand before this property existed
    "setext headings": "a\n=\n" * 47_500, "rules": "---\n" * 47_500, "stars": "***" * 31_600 + "a" + "***" * 31_600,
    "one word": "x" * 190_000, "brackets": "[" * 190_000, "nested lists": "* " * 95_000, "quotes": "> " * 95_000,
    "backticks": "`" * 190_000, "emphasis": "*a " * 63_000, "many sections": "## Storage\n\nx\n\n" * 12_600,
    "many faqs": "* **Q?** A\n" * 17_000, "liquid": "{%" * 95_000, "kramdown": "{:" * 95_000,
    "open links": "[a](" * 47_000, "blank run": "1." * 19_230 + " " * 100_000 + "<div>" * 16_000,
    "one-line question": "**Q: a" + " " * 190_000 + "b",  # a one-line FAQ's pattern once went quadratic here
}


@settings(max_examples=60, deadline=None)
@example(body=KNOWN_ATTACKS["setext headings"], where="**Usage:**\n\n{}")
@example(body=KNOWN_ATTACKS["rules"], where="**Usage:**\n\n{}")
@example(body=KNOWN_ATTACKS["stars"], where="{}")
@example(body=KNOWN_ATTACKS["one word"], where="{}")
@example(body=KNOWN_ATTACKS["brackets"], where="**Usage:**\n\n{}")
@example(body=KNOWN_ATTACKS["nested lists"], where="**Usage:**\n\n{}")
@example(body=KNOWN_ATTACKS["quotes"], where="{}")
@example(body=KNOWN_ATTACKS["backticks"], where="{}")
@example(body=KNOWN_ATTACKS["emphasis"], where="{}")
@example(body=KNOWN_ATTACKS["many sections"], where="{}")
@example(body=KNOWN_ATTACKS["many faqs"], where="## FAQs\n\n{}")
@example(body=KNOWN_ATTACKS["liquid"], where="{}")
@example(body=KNOWN_ATTACKS["kramdown"], where="**Usage:**\n\n{}")
@example(body=KNOWN_ATTACKS["open links"], where="**Usage:**\n\n{}")
@example(body=KNOWN_ATTACKS["blank run"], where="**Usage:**\n\n{}")
@example(body=KNOWN_ATTACKS["one-line question"], where="## FAQs\n\n{}")
@given(body=_MARKDOWN, where=st.sampled_from(["**Usage:**\n\n{}", "## FAQs\n\n* **Q?** {}", "## Storage\n\n{}", "{}"]))
def test_rendering_an_entry_for_screen_and_paper_is_bounded_in_time(body, where):
    text = f"---\ntitle: Alpha + Beta\n---\n\n{where.format(body)}\n"
    started = time.thread_time()  # CPU time of this thread: a busy machine does not count
    entry = parse_page("p.md", text.encode("utf-8")).entry
    if entry is not None:
        renderer = Renderer()
        DocumentBuilder(renderer).build(entry)
        print_html(entry, renderer)
        entry_sections(entry)  # what the full-text index stores, in a thread that holds the GIL
    took = time.thread_time() - started
    SLOWEST.append((took, repr(text[:80])))
    assert took < 2.0, f"{took:.2f} s for {len(text):,} characters starting {text[:80]!r}"
