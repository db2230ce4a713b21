"""Summary reports: the statistics of the plan's years, the annual review (sơ kết) of a year and the final review
(tổng kết) of the whole period, drafted as DOCX and PDF/A like every other document."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from generators.core.clock import VN
from generators.core.config import load_province
from generators.core.errors import ThiduaError
from generators.core.files import inside
from generators.core.model import Province
from generators.documents.convert import Converter, ConverterConfig
from generators.documents.draft import Draft
from generators.documents.pdf_normalize import normalize_pdf
from generators.documents.render import render_docx, template_path
from generators.registration.lists import registrations_dir
from generators.reports.contexts import Review, review_context
from generators.reports.sources import commendation_book, period_records
from generators.reports.statistics import Statistics, compute
from thidua.settings import Settings

# Who the reviews go to (Nơi nhận) besides the file copy; the province's own recipients would be data.
ANNUAL_RECIPIENTS = ("Ủy ban nhân dân tỉnh", "Hội đồng Thi đua - Khen thưởng tỉnh")
FINAL_RECIPIENTS = ("Bộ Nội vụ (Vụ Thi đua - Khen thưởng)", "Thường trực Tỉnh ủy, Thường trực HĐND tỉnh",
                    "Hội đồng Thi đua - Khen thưởng tỉnh")


def plan_years(settings: Settings) -> tuple[int, ...]:
    """The years the data holds lists for, from the plan's first year."""
    folder = Path(settings.data) / "registrations"
    years = sorted(int(p.name) for p in folder.iterdir() if p.is_dir() and p.name.isdigit()) if folder.is_dir() else []
    return tuple(y for y in years if y >= load_province(settings.data).plan.date.year)


def statistics(settings: Settings, years=None, province: Province | None = None, *, scope: str | None = None,
               as_of: dt.date | None = None) -> Statistics:
    province = province or load_province(settings.data)
    years = tuple(years or plan_years(settings))
    missing = [y for y in years if not registrations_dir(settings.data, y).is_dir()]
    if missing:
        raise ThiduaError(f"Không có danh sách đăng ký năm {', '.join(map(str, missing))} trong "
                          f"{Path(settings.data) / 'registrations'}.")
    return compute(province, period_records(province, settings.data, years),
                   commendation_book(province, settings.data), scope=scope, as_of=as_of)


def annual_review(province: Province, year: int) -> Review:
    """The board's review of one year, at its end."""
    return Review(province.unit(province.plan.board), (year,), dt.date(year, 12, 20), ANNUAL_RECIPIENTS)


def unit_review(province: Province, code: str, year: int) -> Review:
    """A unit's own annual review of its records and its subordinates' (a district with its communes), sent to
    whom its list goes to."""
    unit = province.unit(code)
    quota = province.plan.quotas.get(unit.plan_role or "")
    if quota is None:
        raise ThiduaError(f"{unit.name} không có chỉ tiêu đăng ký theo Kế hoạch {province.plan.notation}: không "
                          f"có báo cáo sơ kết của đơn vị.")
    upward = province.unit(unit.parent if quota.send_to == "parent" else quota.send_to).name
    return Review(unit, (year,), dt.date(year, 12, 20), (upward,), scope=code)


def final_review(province: Province, years: tuple[int, ...], day: dt.date) -> Review:
    """The province's review of the period, by the People's Committee in office on `day` (after the 2025 reform:
    the merged province's)."""
    return Review(_province_committee(province, day), years, day, FINAL_RECIPIENTS)


def _province_committee(province: Province, day: dt.date):
    for unit in province.units.values():
        if unit.kind.code == "province" and unit.valid_on(day):
            return unit
    raise ThiduaError(f"province.yaml không có Ủy ban nhân dân tỉnh hoạt động ngày {day:%d/%m/%Y}.")


def draft_review(settings: Settings, review: Review, stats: Statistics, province: Province,
                 converter: ConverterConfig | None = None) -> Draft:
    """The review as DOCX and PDF/A-2b in out/<year>/<unit>/, its charts beside it."""
    unit = review.issuer
    kind = "TK" if review.final else "SK"
    span = f"{review.years[0]}-{review.years[-1]}" if review.final else str(review.years[0])
    base = inside(settings.out, str(review.day.year), unit.code, f"BC-{kind}-{span}-{unit.code}")
    ctx = review_context(province, stats, review, base.parent / f"bieu-do-{kind.lower()}-{span}")
    created = dt.datetime.combine(review.day, dt.time(8, 0), VN)
    title = ctx["summary"]
    draft = Draft("BC", unit.code, title, base.with_suffix(".docx"), base.with_suffix(".pdf"), created)
    render_docx(template_path("BC-TK"), ctx, draft.docx, title=title, author=unit.name, created=created)
    Converter(converter).convert([(draft.docx, draft.pdf)])
    normalize_pdf(draft.pdf, created)
    return draft
