"""Files that appear whole or not at all: write beside the target, fsync, rename."""
from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from generators.core.errors import ThiduaError


@contextmanager
def atomic_path(target: Path, mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path next to `target`; on success it is synced and renamed onto `target`.

    On any exception the temporary file is removed and `target` is left as it was.
    `mode` (e.g. 0o600 for private keys) is applied before any byte is written.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target.parent, rf"\.{re.escape(target.name)}\.(?P<pid>\d+)\.tmp")  # a killed writer's
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


def inside(folder: Path, *parts: str) -> Path:
    """`folder / parts…`, refused when the result would lie outside `folder` (a code like '../../X')."""
    base = Path(folder).resolve()
    target = base.joinpath(*parts).resolve()
    if target != base and base not in target.parents:
        raise ThiduaError(f"Đường dẫn «{'/'.join(parts)}» nằm ngoài thư mục {folder}; không ghi.")
    return Path(folder).joinpath(*parts)


class FolderLock:
    """One run per output folder: an exclusive lock on `<folder>/.thidua.lock` holding the runner's PID.

    The kernel releases the lock when its holder dies, so a killed run never blocks the next one.
    """

    NAME = ".thidua.lock"

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._fd: int | None = None

    def __enter__(self) -> "FolderLock":
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.folder / self.NAME, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise ThiduaError(f"Thư mục {self.folder} đang được tiến trình {holder} dùng (một lần chạy khác của "
                              f"thidua); hãy chờ nó xong hoặc dùng thư mục khác.") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)
            self._fd = None


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(folder: Path, pattern: str) -> list[Path]:
    """Remove what killed runs left in `folder`: names matching `pattern`, whose group 'pid' is a dead process.

    `pattern` is a regular expression with a named group `pid`, e.g. r"\\.x\\.pdf\\.(?P<pid>\\d+)\\.issuing".
    """
    removed = []
    regex = re.compile(pattern)
    folder = Path(folder)
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        m = regex.fullmatch(path.name)
        if m and int(m.group("pid")) != os.getpid() and not pid_alive(int(m.group("pid"))):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def file_slug(text: str) -> str:
    """A file name part from any text: no diacritics, only letters, digits, dots and dashes."""
    text = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9.-]+", "_", text).strip("_")
