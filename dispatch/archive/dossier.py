"""What an archival package holds: a dossier (hồ sơ) of issued documents, each kept as its extended PDF/A."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from dispatch.record import IssuedDocument


@dataclass(frozen=True)
class ArchivedDocument:
    record: IssuedDocument
    data: bytes
    """The PDF/A as archived: issued, then extended for the long term."""
    level: str
    """The long-term level reached: B-LT or B-LTA."""
    extended_at: dt.datetime

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Dossier:
    organ_id: str
    organ_name: str
    year: int
    number: int
    """The dossier's number in the agency's annual dossier list (danh mục hồ sơ)."""
    heading: str
    """The heading's abbreviation in the list, e.g. "TĐKT"."""
    title: str
    documents: tuple[ArchivedDocument, ...]
    maintenance: str = "01"
    """Retention code (01-07 in the circular's list); 01: permanent (vĩnh viễn)."""

    @property
    def file_code(self) -> str:
        """FileCode = OrganId + FileCatalog (year) + FileNotation (the dossier's number)."""
        return f"{self.organ_id}.{self.year}.{self.number:02d}"

    @property
    def notation(self) -> str:
        return f"{self.number:02d}.{self.heading}"

    def doc_code(self, ordinal: int) -> str:
        return f"{self.file_code}.{ordinal:03d}"
