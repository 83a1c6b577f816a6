"""The machine's floor: Python with Qt showing an empty window, timed from process launch."""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

launched = float(sys.argv[1])
app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
window.show()
app.processEvents()
print(time.time() - launched)
