"""What a figure counts: one record of the data, located so a clerk can open it (file, sheet, row)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Record:
    source: str  # the workbook, as the data folder names it
    sheet: str
    row: int
    unit: str  # the unit the record belongs to (registrant, issuer)
    day: dt.date  # the record's date: a list's sending day, a decision's day
    text: str  # what the row says, shortly: the exemplar's name, the unit's name

    def __str__(self) -> str:
        return f"{self.source}, trang tính «{self.sheet}», dòng {self.row}: {self.text}"
