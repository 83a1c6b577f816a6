"""Command line: the window (default), check; options become one frozen object first."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from viewer import APP_NAME, __version__
from viewer.options import CheckOptions, ExportOptions, PrintOptions, SearchOptions, WindowOptions
from viewer.paths import CONTENT_ENV, content_dir

if TYPE_CHECKING:
    from viewer.core.catalog.prefetch import CatalogPrefetch

MAX_STDIN_CHARS = 100_000  # a query read from standard input (a pasted list); the rest is not read


class UsageError(Exception):
    """A mistake in how the program was called (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse API: exit 2 with our own wording
        self.print_usage(sys.stderr)
        raise UsageError(message)


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content", metavar="DIR", help=f"content folder (default: ${CONTENT_ENV}, else the bundled pages)"
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


Options = WindowOptions | CheckOptions | SearchOptions | PrintOptions | ExportOptions


def parse_args(argv: list[str]) -> Options:
    commands: dict[str, Callable[[list[str]], Options]] = {
        "check": _parse_check, "search": _parse_search, "print": _parse_print, "export": _parse_export}
    if argv and argv[0] in commands:
        return commands[argv[0]](argv[1:])
    return _parse_window(argv)


def _parse_check(argv: list[str]) -> CheckOptions:
    parser = _Parser(prog="combo-viewer check", description="Lint a content folder.")
    _content_option(parser)
    parser.add_argument("--json", action="store_true", help="print entries and problems as JSON")
    ns = parser.parse_args(argv)
    return CheckOptions(content_dir(ns.content), ns.json)


def _parse_search(argv: list[str]) -> SearchOptions:
    parser = _Parser(prog="combo-viewer search", description="Search the content as the window does.")
    parser.add_argument("query", help="drug names, brands, a class, or words from the text; '-' reads them "
                        "from standard input (a pasted list, one medicine a line)")
    _content_option(parser)
    parser.add_argument("--limit", type=_positive, metavar="N", help="show at most N results")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    ns = parser.parse_args(argv)
    query = sys.stdin.read(MAX_STDIN_CHARS) if ns.query == "-" else ns.query
    if not query.strip():
        raise UsageError("the search query is empty")
    return SearchOptions(content_dir(ns.content), query, ns.limit, ns.json)


def _parse_print(argv: list[str]) -> PrintOptions:
    parser = _Parser(prog="combo-viewer print", description="Print an entry, with no display needed.")
    parser.add_argument("entry", help="the combination, named as in the search box ('clonazepam + sertraline')")
    _content_option(parser)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", type=Path, metavar="FILE", help="write a PDF file (.pdf is added when missing)")
    target.add_argument("--printer", nargs="?", const="", metavar="NAME",
                        help="send to this printer, or to the default printer when no name is given")
    ns = parser.parse_args(argv)
    if ns.pdf is not None and not ns.pdf.name:
        raise UsageError("--pdf needs a file name")
    return PrintOptions(content_dir(ns.content), ns.entry, ns.pdf, ns.printer)


def _parse_export(argv: list[str]) -> ExportOptions:
    parser = _Parser(prog="combo-viewer export", description="Write the library as one file for another reader.")
    parser.add_argument("--zim", type=Path, metavar="FILE", required=True,
                        help="a ZIM file for Kiwix (kiwix-serve, the Kiwix apps); .zim is added when missing")
    _content_option(parser)
    ns = parser.parse_args(argv)
    if not ns.zim.name:
        raise UsageError("--zim needs a file name")
    return ExportOptions(content_dir(ns.content), ns.zim)


def _parse_window(argv: list[str]) -> WindowOptions:
    parser = _Parser(
        prog="combo-viewer",
        description=f"{APP_NAME}: an offline viewer for drug-combination pages.",
        epilog="commands: check (lint a content folder), search (search it), print (an entry to PDF or "
        "a printer), export (the library as a ZIM file for Kiwix). 'combo-viewer COMMAND --help' lists a "
        "command's options.",
    )
    parser.add_argument("entry", nargs="?", help="open this combination at start, e.g. 'clonazepam + sertraline'")
    _content_option(parser)
    parser.add_argument("--kiosk", action="store_true", help="full-screen, locked-down kiosk for public use")
    parser.add_argument("--config", type=Path, metavar="FILE", help="kiosk settings (TOML); needs --kiosk")
    parser.add_argument("--version", action="version", version=f"combo-viewer {__version__}")
    ns = parser.parse_args(argv)
    if ns.config is not None and not ns.kiosk:
        raise UsageError("--config is for the kiosk; add --kiosk")
    if not ns.kiosk:
        page = _page_file(ns.entry)
        if page is None:
            return WindowOptions(content_dir(ns.content), ns.entry)
        content = content_dir(ns.content).resolve()
        if not page.is_relative_to(content):  # a page outside the content folder brings its own site
            from viewer.page_home import content_of_page

            content = content_of_page(page)
            page = page if page.is_relative_to(content) else content / page.name  # a private copy
        return WindowOptions(content, None, page=page.relative_to(content).as_posix())
    from viewer.core.kiosk_config import ConfigError, load_config  # the kiosk's only

    try:
        config = load_config(ns.config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    folder = ns.content or (str(config.content) if config.content else None)
    return WindowOptions(content_dir(folder), ns.entry, kiosk=True, config=config)


def _page_file(entry: str | None) -> Path | None:
    """The page file a command-line entry names (``combo-viewer notes/a-b.md``), or None when
    it names a combination to search for."""
    from viewer.core.catalog.folder import PAGE_SUFFIXES

    if not entry or not entry.lower().endswith(PAGE_SUFFIXES):
        return None
    path = Path(entry).expanduser()
    if not path.is_file():
        raise UsageError(f"no such page file: {entry}")
    return path.resolve()


def run_check(options: CheckOptions) -> int:
    from viewer.core.catalog.library import load_library
    from viewer.core.pages.model import Severity
    from viewer.core.report import library_json, library_text

    library = load_library(options.content)
    print(library_json(library) if options.json else library_text(library))
    return 1 if library.count(Severity.ERROR) else 0


def run_export(options: ExportOptions) -> int:
    try:
        from viewer.zim_command import run_export as export
    except ImportError as exc:
        if (exc.name or "").partition(".")[0] != "libzim":
            raise
        print("combo-viewer: export --zim needs the openZIM bindings: pip install libzim "
              "(GPL-3.0, so not in the bundle)", file=sys.stderr)
        return 1
    return export(options)


def run_window(options: WindowOptions) -> int:
    from viewer.display import display_problem

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    prefetch = start_prefetch(options.content)  # reads pages while Qt loads
    try:
        from viewer.ui.app import run
    except ImportError as exc:  # a system library Qt needs is missing: say which package brings it
        from viewer.system_libs import import_problem

        if prefetch is not None:
            prefetch.cancel()
        print(f"combo-viewer: {import_problem(exc, 'The window')}", file=sys.stderr)
        return 2
    return run(options, prefetch)


def start_prefetch(content: Path) -> CatalogPrefetch | None:
    """A first start's page reading, begun before the window's libraries load (none when the
    catalog cache exists: the start reads that instead)."""
    from viewer.core.catalog import catalog  # noqa: F401 - loaded once, before the readers fork: the window needs it too
    from viewer.core.catalog.cache import catalog_file
    from viewer.core.catalog.prefetch import CatalogPrefetch

    if catalog_file(content).exists():
        return None
    return CatalogPrefetch.start(content)


def _any_locale() -> None:
    """Output in any locale: what the terminal's encoding cannot show is replaced, never a crash
    (a crash reported as exit 1 would read as "no results")."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _any_locale()
    try:
        options = parse_args(argv)
        if not options.content.is_dir():
            raise UsageError(f"content folder not found: {options.content}")
        if isinstance(options, CheckOptions):
            return run_check(options)
        if isinstance(options, SearchOptions):
            from viewer.search_command import run_search

            return run_search(options)
        if isinstance(options, PrintOptions):
            from viewer.print_command import run_print

            return run_print(options)
        if isinstance(options, ExportOptions):
            return run_export(options)
        return run_window(options)
    except UsageError as exc:
        print(f"combo-viewer: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
