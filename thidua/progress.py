"""A one-line progress bar on a terminal; silent when output is not a terminal."""
from __future__ import annotations

import sys
import threading


class Progress:
    def __init__(self, total: int, label: str, stream=None):
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self._lock = threading.Lock()

    def step(self, note: str = "") -> None:
        with self._lock:
            self.done += 1
            if not self.enabled:
                return
            width = 30
            filled = int(width * self.done / max(1, self.total))
            bar = "█" * filled + "·" * (width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total} {note[:40]:<40}")
            if self.done >= self.total:
                self.stream.write("\n")
            self.stream.flush()
