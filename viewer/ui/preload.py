"""What the first page opened and the first print need, loaded in a worker thread soon after
start: the window shows before they load, and then never waits for them."""

from __future__ import annotations

from viewer.core.present.document import DocumentBuilder


def preload(builder: DocumentBuilder) -> None:
    import viewer.ui.printing  # noqa: F401 - Qt's printing module and ours, for the first print

    builder.prepare()  # Markdown, for the first page
