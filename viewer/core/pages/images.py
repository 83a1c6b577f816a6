"""What may be drawn from an image file in the content folder: SVG without references."""

from __future__ import annotations

import re

MAX_IMAGE_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 25_000_000  # one decoded image (5000 x 5000), about 100 MB
MAX_ENTRY_PIXELS = 50_000_000  # all images of one entry together
# In SVG, anything that refers to other content: another file (href, xlink:href, url(...) to a
# file, <image>, entities) or its own elements again (<use>, which nests into exponential work).
_SVG_REFERENCE = re.compile(
    rb"<\s*use\b|<\s*image\b|<!ENTITY|<\s*foreignObject\b|(?:xlink:)?href\s*=\s*[\"'](?!#)|url\(\s*[\"']?(?!#)",
    re.IGNORECASE,
)


def looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) and b"<svg" in data[:4096].lower()


def svg_refusal(data: bytes) -> str | None:
    """Why an SVG file is not drawn (it refers to other content), or None."""
    found = _SVG_REFERENCE.search(data)
    if found:
        return f"the SVG refers to other content ({found.group().decode('ascii', 'replace').strip()})"
    return None
