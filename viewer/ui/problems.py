"""The list of pages that could not be read, as path:line: message."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout, QWidget

from viewer.core.pages.model import Problem


class ProblemsDialog(QDialog):
    def __init__(self, problems: Sequence[Problem], folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Problems in the content folder"))
        self.setAccessibleName(self.windowTitle())
        self.resize(760, 360)
        self.model = QStringListModel([str(p) for p in problems], self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Problems"))
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        intro = QLabel(self.tr("Problems for the authors of the pages in {0}: errors are pages (or parts) that could not "
                               "be read, the other pages unaffected; warnings are things an author may want to fix.").format(folder))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
