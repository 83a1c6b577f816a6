"""Back and forward through the entries opened, as a browser does."""

from __future__ import annotations


class History:
    """A list of visited keys with a cursor; visiting drops anything ahead of the cursor."""

    def __init__(self) -> None:
        self._items: list[str] = []
        self._index = -1

    @property
    def current(self) -> str | None:
        return self._items[self._index] if self._index >= 0 else None

    def visit(self, key: str) -> None:
        if key == self.current:
            return
        del self._items[self._index + 1 :]
        self._items.append(key)
        self._index += 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def back(self) -> str | None:
        if self.can_go_back():
            self._index -= 1
        return self.current

    def forward(self) -> str | None:
        if self.can_go_forward():
            self._index += 1
        return self.current

    def forget(self, keys: set[str]) -> None:
        """Drop keys that no longer exist (pages deleted while the window is open)."""
        current = self.current
        self._items = [k for k in self._items if k not in keys]
        self._index = self._items.index(current) if current in self._items else len(self._items) - 1

    def clear(self) -> None:
        self._items.clear()
        self._index = -1
