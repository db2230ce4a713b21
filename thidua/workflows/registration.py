"""The registration round: check every unit's list, then draft each unit's plan and the province list."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generators.core.clock import VN
from generators.core.config import load_province
from generators.core.files import inside
from generators.core.model import Province
from generators.documents.convert import Converter, ConverterConfig
from generators.documents.draft import Draft
from generators.documents.pdf_normalize import normalize_pdf
from generators.documents.render import render_docx, template_path
from generators.registration.contexts import bc_context, cv_context, kh_context
from generators.registration.decisions import load_decisions, settle
from generators.registration.lists import YearData, load_year, registrations_dir
from generators.registration.rules import Finding, check_year
from generators.workbooks.reports import write_findings_xlsx
from thidua.settings import Settings
from thidua.workflows.manifest import write_drafts_manifest
from thidua.workflows.observer import Observer, Silent


@dataclass
class CheckResult:
    province: Province
    data: YearData
    findings: list[Finding]


@dataclass
class RoundResult:
    year: int
    findings: list[Finding]
    documents: list[Draft] = field(default_factory=list)
    manifest: object = None
    conversion_processes: int = 0
    conversion_restarts: int = 0


def check(settings: Settings, province: Province | None = None, xlsx=None) -> CheckResult:
    """Every rule of the plan for every unit's list; with `xlsx`, one row per finding written there."""
    province = province or load_province(settings.data)
    data = load_year(province, settings.data, settings.year)
    result = CheckResult(province, data, check_year(province, data))
    if xlsx:
        write_findings_xlsx(xlsx, province, result.findings, settings.year)
    return result


def plan_documents(province: Province, data: YearData, findings: list[Finding], out_dir,
                   data_dir) -> list[tuple[Draft, dict]]:
    """Which documents the round produces, with their contexts."""
    docs = []
    decisions = load_decisions(registrations_dir(data_dir, data.year), set(province.units))
    for code, reg in sorted(data.registrations.items()):
        unit = province.unit(code)
        if not unit.valid_on(reg.sent) or unit.plan_role not in province.plan.quotas:
            continue
        decided, undecided = settle(findings, decisions, code)
        ctx = kh_context(province, reg, decided)
        base = inside(out_dir, str(data.year), code, f"KH-{data.year}-{code}")
        created = dt.datetime.combine(reg.sent, dt.time(8, 0), VN)
        title = f"Kế hoạch bồi dưỡng, nhân rộng gương điển hình tiên tiến năm {data.year} - {unit.name}"
        docs.append((Draft("KH", code, title, base.with_suffix(".docx"), base.with_suffix(".pdf"), created,
                           tuple(undecided)), ctx))
    board = province.unit(province.plan.board)
    if data.registrations:
        ctx = bc_context(province, data.year, data.registrations, findings)
        base = inside(out_dir, str(data.year), board.code, f"BC-{data.year}-{board.code}")
        last = max(r.sent for r in data.registrations.values())
        created = dt.datetime.combine(last, dt.time(8, 0), VN)
        title = f"Báo cáo kết quả đăng ký mô hình, tập thể, cá nhân điển hình tiên tiến năm {data.year}"
        docs.append((Draft("BC", board.code, title, base.with_suffix(".docx"), base.with_suffix(".pdf"), created),
                     ctx))
    return docs


def generate(settings: Settings, *, checked: CheckResult | None = None, converter: ConverterConfig | None = None,
             observer: Observer | None = None, manifest: bool = True, units: set[str] | None = None) -> RoundResult:
    """Every document of the year's round as DOCX and PDF/A-2b (with `units`, only the plans of those units);
    the drafts' manifest unless `manifest=False`."""
    observer = observer or Silent()
    checked = checked or check(settings)
    province, data, findings = checked.province, checked.data, checked.findings
    result = RoundResult(settings.year, findings)
    planned = plan_documents(province, data, findings, settings.out, settings.data)
    if units is not None:
        planned = [(d, ctx) for d, ctx in planned if d.kind == "KH" and d.unit in units]
    tick = observer.counter(len(planned) * 2, "Tạo văn bản")
    for doc, ctx in planned:
        render_docx(template_path(doc.kind), ctx, doc.docx, title=doc.title, author=province.units[doc.unit].name,
                    created=doc.created)
        tick(doc.docx.name)
    report = Converter(converter).convert([(d.docx, d.pdf) for d, _ in planned], progress=lambda p: tick(p.name))
    result.conversion_processes, result.conversion_restarts = report.processes, report.restarts
    for doc, _ in planned:
        normalize_pdf(doc.pdf, doc.created)
    result.documents = [d for d, _ in planned]
    if manifest:
        result.manifest = write_drafts_manifest(settings.out, settings.year, result.documents)
    return result


def cover_letters(settings: Settings, province: Province, data: YearData, plans, *,
                  converter: ConverterConfig | None = None, observer: Observer | None = None) -> list[Draft]:
    """Each unit's cover letter (công văn) sending its list and its issued plan upward, dated the plan's issue
    day and citing its number: `plans` are (draft, issued record) pairs of the units' plans."""
    observer = observer or Silent()
    planned = []
    for draft, issued in plans:
        if draft.kind != "KH":
            continue
        reg, unit = data.registrations[draft.unit], province.unit(draft.unit)
        ctx = cv_context(province, reg, issued.notation, issued.issued_date, issued.issued_date)
        base = inside(settings.out, str(data.year), unit.code, f"CV-{data.year}-{unit.code}")
        created = dt.datetime.combine(issued.issued_date, dt.time(9, 0), VN)
        title = f"Công văn V/v {ctx['subject']} - {unit.name}"
        planned.append((Draft("CV", unit.code, title, base.with_suffix(".docx"), base.with_suffix(".pdf"), created),
                        ctx))
    tick = observer.counter(len(planned) * 2, "Tạo công văn")
    for doc, ctx in planned:
        render_docx(template_path("CV"), ctx, doc.docx, title=doc.title, author=province.units[doc.unit].name,
                    created=doc.created)
        tick(doc.docx.name)
    Converter(converter).convert([(d.docx, d.pdf) for d, _ in planned], progress=lambda p: tick(p.name))
    for doc, _ in planned:
        normalize_pdf(doc.pdf, doc.created)
    return [d for d, _ in planned]
