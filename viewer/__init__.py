"""Drug Combination Reference: an offline viewer for drug-combination pages."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Drug Combination Reference"
