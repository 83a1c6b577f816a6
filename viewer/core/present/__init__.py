"""An Entry as HTML: Markdown rendered safely and in bounded time, serious text drawn as warning boxes, the header, the tabs and the print-out."""
