"""What each command needs, parsed from the command line into frozen objects before any work."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.core.kiosk_config import KioskConfig


@dataclass(frozen=True)
class WindowOptions:
    """What the window needs to start, known before any Qt object exists."""

    content: Path
    entry: str | None = None
    kiosk: bool = False
    config: KioskConfig | None = None
    page: str | None = None  # a page file to open, relative to ``content`` (combo-viewer page.md)


@dataclass(frozen=True)
class CheckOptions:
    content: Path
    json: bool = False


@dataclass(frozen=True)
class PrintOptions:
    content: Path
    entry: str
    pdf: Path | None = None
    printer: str | None = None  # "" means the default printer


@dataclass(frozen=True)
class SearchOptions:
    content: Path
    query: str
    limit: int | None = None
    json: bool = False


@dataclass(frozen=True)
class ExportOptions:
    content: Path
    zim: Path
