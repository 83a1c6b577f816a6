"""`combo-viewer search`: the window's ranking, printed a result a line or as JSON."""

from __future__ import annotations

import gc
import json
import sys
from typing import TYPE_CHECKING

from viewer.core.pages.model import printable
from viewer.core.pages.safety import SEVERITY_WORDS
from viewer.core.search.answers import not_known_line
from viewer.core.search.index import MARK_END, MARK_START
from viewer.core.search.kept import kept_search
from viewer.core.search.search_engine import MISSING_PAIR, NO_RESULT, Hit, Results, checking_line

if TYPE_CHECKING:
    from viewer.options import SearchOptions


def _snippet(hit: Hit) -> str:
    return hit.snippet.replace(MARK_START, "**").replace(MARK_END, "**")


def _notes_json(results: Results) -> list[dict[str, object]]:
    notes: list[dict[str, object]] = [{"kind": "duplicate", "what": d.what, "between": list(d.between), "sentence": d.sentence}
                                      for d in results.duplicates]
    below = "check" if results.check else "list" if len(results) else ""
    notes += [{"kind": "unknown", "name": name, "sentence": not_known_line((name,), below)} for name in results.unknown]
    notes += [{"kind": "not-a-medicine", "name": name} for name in results.text_only]
    notes += [{"kind": "read-as", "word": word, "medicine": name} for word, name in results.read_as]
    notes += [{"kind": "suggestion", "title": h.title, "path": h.path, "because": h.snippet, "severity": h.severity or None,
               "warning": h.warning or None} for h in results.suggestions]
    return notes


def _notes_text(results: Results) -> list[str]:
    lines = [d.line for d in results.duplicates] + [f"unknown: {name}" for name in results.unknown]
    lines += [f"not a medicine: {name}" for name in results.text_only]
    lines += [f"read as: {word}: {name}" for word, name in results.read_as]
    for hit in results.suggestions:
        severity = f"[{SEVERITY_WORDS[hit.severity].upper()}] " if hit.severity else ""
        lines.append(f"did you mean: {hit.snippet}: {severity}{hit.title}  ({hit.path})")
    return lines


def _text_lines(results: Results, hits: list[Hit], query: str) -> list[str]:
    """The human form: what was understood of the query, the check's heading, a result a line."""
    lines = _notes_text(results) + ([checking_line(results)] if results.check else [])
    for hit in hits:
        if hit.kind == "check" and hit.path is None:
            sentence = hit.snippet or MISSING_PAIR
            lines.append(sentence if sentence.startswith(hit.title) else f"pair: {hit.title}: {sentence}")
        elif hit.kind == "check":
            severity = f"[{SEVERITY_WORDS[hit.severity].upper()}] " if hit.severity else ""
            lines.append(f"pair: {severity}{hit.snippet + ': ' if hit.snippet else ''}{hit.title}  ({hit.path})")
            lines += [f"      {hit.warning}"] if hit.warning else []
        elif hit.kind == "fulltext":
            lines.append(f"text: {hit.title}  ({hit.path}): {_snippet(hit)}")
        else:
            lines.append(f"{hit.title}  ({hit.path})")
    return lines if hits else [*lines, NO_RESULT.format(query=" ".join(query.split()))]


def run_search(options: SearchOptions) -> int:
    gc.disable()  # a command that ends in a moment: no cycle collection walking the listings it just read
    kept = kept_search(options.content)
    engine = kept.engine
    if kept.problem:
        print(f"combo-viewer: {printable(kept.problem)}", file=sys.stderr)
    results = engine.search(options.query, options.limit)
    checked = {h.path for h in results.check if h.path}
    hits = list(results.check) + [h for h in results.hits if h.path not in checked]
    if options.limit:
        hits = hits[: options.limit]
    if options.json:
        print(json.dumps(
            _notes_json(results) + [{"title": h.title, "path": h.path, "kind": h.kind, "score": h.score, "snippet": _snippet(h),
              "severity": h.severity or None, "warning": h.warning or None} for h in hits],
            indent=2, ensure_ascii=False,
        ))
    else:
        for line in _text_lines(results, hits, options.query):
            print(printable(line))  # no control character of a page or a file name reaches the terminal
    return 0 if hits else 1
