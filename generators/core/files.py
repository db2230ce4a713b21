"""Files that appear whole or not at all: write beside the target, fsync, rename."""
from __future__ import annotations

import hashlib
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def atomic_path(target: Path, mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path next to `target`; on success it is synced and renamed onto `target`.

    On any exception the temporary file is removed and `target` is left as it was.
    `mode` (e.g. 0o600 for private keys) is applied before any byte is written.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        if mode is not None:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode))
        yield tmp
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes(target: Path, data: bytes, mode: int | None = None) -> Path:
    with atomic_path(target, mode) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
    return Path(target)


def write_text(target: Path, text: str) -> Path:
    return write_bytes(target, text.encode("utf-8"))


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()
