"""`combo-viewer print`: an entry to a PDF file or a printer, with no display and no dialog."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from viewer.core.catalog.catalog import load_kept_catalog
from viewer.core.catalog.library import read_page
from viewer.core.pages.model import printable
from viewer.core.search.search_engine import NO_RESULT, SearchEngine
from viewer.paths import with_suffix

if TYPE_CHECKING:
    from viewer.core.pages.model import Entry, Library
    from viewer.options import PrintOptions


def run_print(options: PrintOptions) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # paper needs no screen
    try:
        from PySide6.QtGui import QGuiApplication

        from viewer.ui.fonts import load_bundled_fonts
        from viewer.ui.printing import PrintContext, export_pdf, find_printer, print_to_printer
    except ImportError as exc:  # a system library Qt needs is missing: say which package brings it
        from viewer.system_libs import import_problem

        print(f"combo-viewer: {import_problem(exc, 'Printing')}", file=sys.stderr)
        return 1

    library = load_kept_catalog(options.content)
    chosen = _chosen_entry(options, library)
    if isinstance(chosen, int):
        return chosen
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - needed for painting
    load_bundled_fonts()  # Hindi on paper on a machine with no Indic font
    context = PrintContext.for_library(library)
    try:
        if options.pdf is not None:
            pdf = with_suffix(options.pdf, ".pdf")
            pages = export_pdf(chosen, pdf, context)
            print(printable(f"{chosen.display_title}: {pages} page{'s' if pages != 1 else ''} written to {pdf}"))
        else:
            info = find_printer(options.printer)
            if info.isNull():
                wanted = f"no printer named '{options.printer}'" if options.printer else "no default printer is set up"
                print(f"combo-viewer: {wanted}", file=sys.stderr)
                return 1
            pages = print_to_printer(chosen, info, context)
            print(printable(f"{chosen.display_title}: {pages} page{'s' if pages != 1 else ''} sent to {info.printerName()}"))
    except OSError as exc:
        print(f"combo-viewer: printing failed: {exc}", file=sys.stderr)
        return 1
    return 0


def _chosen_entry(options: PrintOptions, library: Library) -> Entry | int:
    """The one entry the command names, read in full; else the exit status, the reason said."""
    engine = SearchEngine.for_library(library)
    chosen, candidates = engine.choose(options.entry)
    if chosen is None:
        if candidates:
            print(f"combo-viewer: '{options.entry}' matches several entries; name one of them:", file=sys.stderr)
            for item in candidates[:15]:
                print(f"  {printable(item.display_title)}", file=sys.stderr)
        else:
            print(NO_RESULT.format(query=options.entry.strip()), file=sys.stderr)
        return 2
    page = read_page(options.content, chosen.path)
    if page.entry is None:
        print(f"combo-viewer: cannot read {chosen.path}: {page.problems[0].message}", file=sys.stderr)
        return 1
    brands = library.brands_of(chosen.path)
    return replace(page.entry, brands=brands) if brands else page.entry
