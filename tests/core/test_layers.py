"""The core's structure holds: no two of its modules import each other, however indirectly (the
layers themselves are an import-linter contract in `make lint`)."""

from __future__ import annotations

import grimp


def test_no_core_modules_import_each_other_in_a_circle():
    graph = grimp.build_graph("viewer")
    core = sorted(m for m in graph.modules if m.startswith("viewer.core."))
    circles = []
    for module in core:
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith("viewer.core.") and graph.find_shortest_chain(importer=imported, imported=module):
                circles.append((module, imported))
    assert circles == []
