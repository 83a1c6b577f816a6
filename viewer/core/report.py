"""A Library as the `check` command prints it: problem lines and a summary, or JSON."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from viewer.core.pages.kinds import KINDS
from viewer.core.pages.model import Entry, Library, Severity, printable
from viewer.core.pages.quality import NO_SEVERITY

COMMON_AT_LEAST = 10  # a library this small has each warning on its own line


def entry_json(entry: Entry) -> dict[str, Any]:
    """An entry as plain data; front matter is never dumped as it is."""
    return {
        "path": entry.path,
        "title": entry.display_title,
        "drugs": list(entry.drugs),
        "description": entry.description,
        "updated": entry.updated,
        "banned": entry.banned,
        "quality": sorted({flag.kind for flag in entry.quality}),
        "sections": {
            **{kind.key: entry.section(kind.key) for kind in KINDS},
            "intro": entry.intro,
            "faqs": [{"question": f.question, "answer": f.answer} for f in entry.faqs],
            "faqs_intro": entry.faq_intro,
            "other": [{"label": label, "text": text} for label, text in entry.other],
        },
    }


def library_json(library: Library) -> str:
    data = {
        "entries": [entry_json(e) for e in library.entries if isinstance(e, Entry)],
        "problems": [
            {"path": p.path, "line": p.line, "severity": p.severity.value, "message": p.message}
            for p in library.problems
        ],
        "ignored": [{"path": i.path, "reason": i.reason} for i in library.ignored],
        "brands": [{"path": b.path, "name": b.name, "leads_to": b.target or None, "company": b.company,
                    "strength": b.strength, "pack_size": b.pack_size, "mrp": b.mrp} for b in library.brands],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def library_text(library: Library) -> str:
    """One line per problem, except that a warning which holds for most pages of the library (the
    site's own form, not a problem of a page) is one line with its count."""
    pages = Counter(p.message for p in library.problems if p.severity is Severity.WARNING)
    common = {message for message, count in pages.items() if count >= COMMON_AT_LEAST and count > len(library.entries) // 2}
    lines = [str(p) for p in library.problems if p.message not in common or p.severity is not Severity.WARNING]
    lines += [f"{pages[message]:,} of {len(library.entries):,} pages: warning: {message}" for message in sorted(common)]
    unrated = [e.path for e in library.entries if isinstance(e, Entry) and any(f.kind == NO_SEVERITY for f in e.quality)]
    if unrated:
        named = f": {', '.join(map(printable, unrated))}" if len(unrated) <= COMMON_AT_LEAST else ""
        lines.append(f"{len(unrated):,} of {len(library.entries):,} pages state no severity (shown as unrated){named}")
    lines.append(
        f"{len(library.entries)} entries, {library.count(Severity.ERROR)} errors, "
        f"{library.count(Severity.WARNING)} warnings, {len(library.ignored)} ignored"
        + (f", {len(library.brands)} brand pages" if library.brands else "")
    )
    return "\n".join(lines)
