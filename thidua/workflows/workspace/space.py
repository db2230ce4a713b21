"""A workspace on disk: the province's data the units send into, the documents, the test PKI, the register and
the database. Created once from a data folder; opened by the server at every start."""
from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from generators.core.config import load_province
from generators.core.files import inside
from generators.core.model import Province
from thidua.settings import Settings
from thidua.workflows.workspace.database import Database

DATABASE_NAME = "workspace.sqlite"
REGISTER_FILE = "so-dang-ky.sqlite"


@dataclass(frozen=True)
class WorkspaceConfig:
    folder: Path
    """Everything the workspace writes: data/, out/, pki/, keys/, uploads/, previews/, the database and logs."""
    database: str | None = None
    """`postgresql://…` for a shared server; None: a SQLite file in the folder."""
    register: str | None = None
    """The outgoing register (a SQLite path or `postgresql://…`); None: a SQLite file in out/."""
    max_upload_bytes: int = 5 * 1024 * 1024
    """The largest request body accepted (an upload of a workbook, a DOCX or a PDF)."""


class Workspace:
    def __init__(self, config: WorkspaceConfig, settings: Settings):
        self.config = config
        folder = Path(config.folder)
        self.folder = folder
        self.settings = settings.but(data=folder / "data", out=folder / "out", pki=folder / "pki",
                                     register=config.register or str(folder / "out" / REGISTER_FILE))
        self.db = Database(config.database or folder / DATABASE_NAME)
        self._province: Province | None = None

    @property
    def province(self) -> Province:
        if self._province is None:
            self._province = load_province(self.settings.data)
        return self._province

    @property
    def year(self) -> int:
        return self.settings.year

    def path(self, *parts: str) -> Path:
        """A path inside the workspace folder, whatever the parts say."""
        return inside(self.folder, *parts)

    def relative(self, path: Path) -> str:
        return Path(path).resolve().relative_to(self.folder.resolve()).as_posix()

    def session_secret(self) -> str:
        """The key that signs session cookies: made once, kept in the folder, readable by its owner only."""
        path = self.folder / "session.key"
        if not path.exists():
            path.write_text(secrets.token_urlsafe(48), encoding="ascii")
            path.chmod(0o600)
        return path.read_text(encoding="ascii").strip()

    def close(self) -> None:
        self.db.close()


def copy_data(source: Path, target: Path, year: int, leave_out: set[str]) -> None:
    """The province's data into the workspace; the year's lists of `leave_out` units are theirs to send."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.py", "__pycache__", ".*", "~$*"))
    for code in leave_out:
        (target / "registrations" / str(year) / f"{code}.xlsx").unlink(missing_ok=True)
