"""The board's commendation round: verdicts and votes (eligibility), and its dossier."""
from __future__ import annotations

from generators.commendation.round import Round, commendation_dir, load_round
from generators.core.config import load_province
from generators.core.model import Province
from generators.workbooks.reports import write_eligibility_xlsx
from thidua.settings import Settings


def has_round(settings: Settings) -> bool:
    return (commendation_dir(settings.data) / f"round-{settings.year}.yaml").exists()


def eligibility(settings: Settings, xlsx=None, province: Province | None = None) -> Round:
    """Every proposal judged under the law in force on its date, the council's votes; with `xlsx`, the workbook.
    `province`: the caller's, when it has loaded it already."""
    province = province or load_province(settings.data)
    rnd = load_round(settings.data, settings.year, province)
    if xlsx:
        write_eligibility_xlsx(xlsx, rnd, province)
    return rnd
