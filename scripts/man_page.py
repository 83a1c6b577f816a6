"""combo-viewer.1, the manual page, built from the program's own --help texts (the window's and
each command's), so the two can never disagree:

    python scripts/man_page.py > combo-viewer.1     (make man writes build/combo-viewer.1)"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer import APP_NAME, __version__  # noqa: E402
from viewer.cli import parse_args  # noqa: E402

SECTIONS = (("THE WINDOW", []), ("CHECK", ["check"]), ("SEARCH", ["search"]), ("PRINT", ["print"]), ("EXPORT", ["export"]))


def help_of(argv: list[str]) -> str:
    """What ``combo-viewer ARGV --help`` prints, at 80 columns."""
    os.environ["COLUMNS"] = "80"
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        parse_args([*argv, "--help"])
    return out.getvalue()


def roff(text: str) -> str:
    """Plain text that roff prints as it is (backslashes doubled, no line read as a request)."""
    lines = text.replace("\\", "\\e").splitlines()
    return "\n".join(f"\\&{line}" if line.startswith((".", "'")) else line for line in lines)


def page() -> str:
    lines = [
        f'.TH COMBO-VIEWER 1 "" "combo-viewer {__version__}" "User Commands"',
        ".SH NAME",
        f"combo-viewer \\- {APP_NAME}, an offline viewer for drug-combination pages",
        ".SH SYNOPSIS",
        ".B combo-viewer",
        "[\\fIENTRY\\fR] [\\fB\\-\\-content\\fR \\fIDIR\\fR] [\\fB\\-\\-kiosk\\fR [\\fB\\-\\-config\\fR \\fIFILE\\fR]]",
        ".br",
        ".B combo-viewer",
        "\\fBcheck\\fR | \\fBsearch\\fR | \\fBprint\\fR | \\fBexport\\fR ...",
    ]
    for title, argv in SECTIONS:
        lines += [f".SH {title}", ".nf", roff(help_of(argv).rstrip()), ".fi"]
    lines += [".SH SEE ALSO", "The README in the program's source folder: searching, the kiosk, printing and content."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(page())
