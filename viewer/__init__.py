"""Drug Combination Reference: an offline viewer for drug-combination pages."""

from __future__ import annotations

__version__ = "0.1.0"
from viewer.core.words import QT_TRANSLATE_NOOP

# In English here (the command line, the ZIM's publisher); words.app_name() in the reader's language.
APP_NAME = QT_TRANSLATE_NOOP("Application", "Drug Combination Reference")
