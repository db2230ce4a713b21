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


class TerminalObserver:
    """Workflow steps as headed sections, work as a progress bar on standard error."""

    def step(self, title: str) -> None:
        print(f"\n== {title}", flush=True)

    def note(self, text: str) -> None:
        print(text, flush=True)

    def counter(self, total: int, label: str):
        bar = Progress(total, label)
        return bar.step


class QuietObserver(TerminalObserver):
    def counter(self, total: int, label: str):
        return lambda item: None


def with_key_password(settings, prompt: str = "Mật khẩu tệp khóa: "):
    """The settings holding the PKCS#12 password: from THIDUA_KEY_PASSWORD, else typed at the terminal."""
    from thidua.settings import PASSWORD_ENV

    if settings.key_password is None:
        settings = settings.but(key_password=ask_secret(prompt, PASSWORD_ENV))
    return settings


def ask_secret(prompt: str, env_name: str) -> bytes:
    """A password or PIN typed at the terminal (never an argument, never echoed)."""
    import getpass
    import os

    from signing.errors import KeyAccessError

    if not os.isatty(0):
        raise KeyAccessError(f"Chưa có mật khẩu/PIN: đặt biến môi trường {env_name} hoặc chạy trong cửa sổ lệnh "
                             "để nhập.")
    return getpass.getpass(prompt).encode("utf-8")
