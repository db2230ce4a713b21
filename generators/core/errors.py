"""Typed errors. A user's mistake is a DataError carrying every Problem found."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake in a user's file, located precisely enough to fix by hand."""

    file: str
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None  # Excel letter, e.g. "C"
    header: str | None = None  # the column's header text, for the clerk

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet:
            where.append(f"trang tính «{self.sheet}»")
        if self.row is not None:
            where.append(f"dòng {self.row}")
        if self.column:
            col = f"cột {self.column}"
            if self.header:
                col += f" ({self.header})"
            where.append(col)
        return ", ".join(where) + ": " + self.message


class ThiduaError(Exception):
    """Base of every error thidua reports to a user instead of a traceback."""


class DataError(ThiduaError):
    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ConfigError(ThiduaError):
    """The province or plan configuration is wrong."""


class TemplateError(ThiduaError):
    """A template cannot be rendered with the data."""


class ConversionError(ThiduaError):
    """LibreOffice could not convert a document."""
