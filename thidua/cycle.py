"""One registration cycle: check every list, then each unit's plan and the province list, DOCX and PDF/A."""
from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

from generators.core.clock import VN as VN_TZ
from generators.core.config import load_province
from generators.core.files import sha256
from generators.core.model import Province
from generators.documents.convert import Converter, ConverterConfig
from generators.documents.pdf_normalize import normalize_pdf
from generators.documents.render import render_docx, template_path
from generators.registration.contexts import ds_context, kh_context
from generators.registration.lists import YearData, load_year
from generators.registration.rules import Finding, check_year
from thidua.progress import Progress


@dataclass
class Document:
    kind: str  # KH, DS, ...
    unit: str
    title: str
    docx: Path
    pdf: Path
    created: dt.datetime  # drafting time, from the data: files are reproducible


@dataclass
class RoundResult:
    year: int
    findings: list[Finding]
    documents: list[Document] = field(default_factory=list)
    manifest: Path | None = None
    conversion_processes: int = 0
    conversion_restarts: int = 0


def check(data_dir: Path, year: int) -> tuple[Province, YearData, list[Finding]]:
    province = load_province(data_dir)
    data = load_year(province, data_dir, year)
    return province, data, check_year(province, data)


def plan_documents(province: Province, data: YearData, findings: list[Finding], out_dir: Path) -> list[tuple[Document, dict]]:
    """Which documents the round produces, with their contexts."""
    year_dir = Path(out_dir) / str(data.year)
    docs = []
    for code, reg in sorted(data.registrations.items()):
        unit = province.unit(code)
        if not unit.valid_on(dt.date(data.year, 1, 1)) or unit.plan_role not in province.plan.quotas:
            continue
        ctx = kh_context(province, reg)
        base = year_dir / code / f"KH-{data.year}-{code}"
        created = dt.datetime.combine(reg.sent, dt.time(8, 0), VN_TZ)
        title = f"Kế hoạch bồi dưỡng, nhân rộng gương điển hình tiên tiến năm {data.year} - {unit.name}"
        docs.append((Document("KH", code, title, base.with_suffix(".docx"), base.with_suffix(".pdf"), created), ctx))
    board = province.unit(province.plan.board)
    if data.registrations:
        ctx = ds_context(province, data.year, data.registrations, findings)
        base = year_dir / board.code / f"DS-{data.year}-{board.code}"
        last = max(r.sent for r in data.registrations.values())
        created = dt.datetime.combine(last, dt.time(8, 0), VN_TZ)
        title = f"Danh sách mô hình, tập thể, cá nhân điển hình tiên tiến đăng ký năm {data.year}"
        docs.append((Document("DS", board.code, title, base.with_suffix(".docx"), base.with_suffix(".pdf"), created), ctx))
    return docs


def run_round(data_dir: Path, out_dir: Path, year: int, *, converter: ConverterConfig | None = None,
              show_progress: bool = True) -> RoundResult:
    province, data, findings = check(data_dir, year)
    result = RoundResult(year, findings)
    planned = plan_documents(province, data, findings, out_dir)
    authors = {code: u.name for code, u in province.units.items()}
    bar = Progress(len(planned) * 2, "Tạo văn bản") if show_progress else None
    for doc, ctx in planned:
        render_docx(template_path(doc.kind), ctx, doc.docx, title=doc.title, author=authors[doc.unit],
                    created=doc.created)
        if bar:
            bar.step(doc.docx.name)
    report = Converter(converter).convert([(d.docx, d.pdf) for d, _ in planned],
                                          progress=(lambda p: bar.step(p.name)) if bar else None)
    result.conversion_processes, result.conversion_restarts = report.processes, report.restarts
    for doc, _ in planned:
        normalize_pdf(doc.pdf, doc.created)
    result.documents = [d for d, _ in planned]
    result.manifest = write_manifest(Path(out_dir), year, result.documents)
    return result


def write_manifest(out_dir: Path, year: int, documents: list[Document], issuance: list[dict] | None = None,
                   trust_roots: list[Path] | None = None) -> Path:
    """out/<year>/manifest.json. With issuance, `pdf` is the issued file and the draft and signed ones are kept."""
    def rel(p) -> str:
        return Path(p).relative_to(out_dir).as_posix()

    entries = []
    for i, d in enumerate(documents):
        entry = {"kind": d.kind, "unit": d.unit, "title": d.title, "docx": rel(d.docx), "pdf": rel(d.pdf),
                 "sha256": sha256(d.pdf), "docx_sha256": sha256(d.docx), "pages": len(PdfReader(str(d.pdf)).pages)}
        if issuance:
            info = dict(issuance[i])
            issued, signed = info.pop("issued_pdf"), info.pop("signed_pdf")
            entry.update({"draft_pdf": entry["pdf"], "signed_pdf": rel(signed), "pdf": rel(issued),
                          "sha256": sha256(issued)})
            entry.update(info)
        entries.append(entry)
    body = {"year": year, "documents": entries}
    if trust_roots is not None:
        body["trust_roots"] = [rel(p) for p in trust_roots]
    path = out_dir / str(year) / "manifest.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
