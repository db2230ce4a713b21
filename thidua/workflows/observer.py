"""How a workflow reports progress to whoever runs it (a terminal, a web page, a queue's job log)."""
from __future__ import annotations

from typing import Callable, Protocol


class Observer(Protocol):
    def step(self, title: str) -> None:
        """A new stage of the workflow begins."""

    def note(self, text: str) -> None:
        """A line worth showing to the user (Vietnamese)."""

    def counter(self, total: int, label: str) -> Callable[[str], None]:
        """A callable to invoke once per unit of work (e.g. per file)."""


class Silent:
    def step(self, title: str) -> None:
        pass

    def note(self, text: str) -> None:
        pass

    def counter(self, total: int, label: str) -> Callable[[str], None]:
        return lambda item: None
