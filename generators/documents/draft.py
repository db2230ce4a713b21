"""A drafted document: its DOCX and unsigned PDF/A, before the leader signs."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Draft:
    kind: str
    """KH, DS, TTr, BB, QĐ."""
    unit: str
    """The issuing unit's code."""
    title: str
    docx: Path
    pdf: Path
    created: dt.datetime
    """Drafting time, from the data (never the clock): files are reproducible."""
    undecided: tuple[str, ...] = ()
    """Findings on the document's data with no decision recorded: it is not final and is not put up for signing."""

    @property
    def signed_pdf(self) -> Path:
        return self.pdf.with_name(self.pdf.stem + ".signed.pdf")

    @property
    def issued_pdf(self) -> Path:
        return self.pdf.with_name(self.pdf.stem + ".issued.pdf")
