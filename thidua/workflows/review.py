"""The records office's review of a year's documents, as the manifest lists them, against what the data says."""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from generators.commendation.contexts import council_unit
from generators.core.config import load_province
from generators.core.errors import ThiduaError
from generators.core.files import inside
from generators.documents.review import Expected, ReviewFinding, review_pdf
from thidua.settings import Settings
from thidua.workflows import commendation


@dataclass
class ReviewResult:
    documents: int = 0
    findings: list[ReviewFinding] = field(default_factory=list)


def review_year(settings: Settings) -> ReviewResult:
    manifest = settings.year_dir / "manifest.json"
    if not manifest.is_file():
        raise ThiduaError(f"Không có danh mục văn bản {manifest}: hãy chạy «thidua generate» hoặc «thidua demo» trước.")
    listed = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
    province = load_province(settings.data)
    rnd = commendation.eligibility(settings, province=province) if commendation.has_round(settings) else None
    council = council_unit(province, rnd) if rnd else None
    jobs = []
    for doc in listed:
        pdf = inside(settings.out, *doc["pdf"].split("/"))
        if council and doc["unit"] == council.code:
            unit, signers = council, ((rnd.council.secretary, ("THƯ KÝ",)), (rnd.council.chair, ("CHỦ TỌA",)))
        elif doc["unit"] in province.units:
            unit = province.unit(doc["unit"])
            signers = ((unit.leader.name, tuple(unit.signature_lines(doc["kind"]))),)
        else:
            raise ThiduaError(f"{manifest}: văn bản {doc['pdf']} của đơn vị «{doc['unit']}» không có trong dữ liệu.")
        heading = tuple(filter(None, (unit.header_parent, *unit.header_agency)))
        jobs.append((pdf, Expected(heading, signers), pdf.name.endswith(".issued.pdf"), doc["pdf"]))
    with ThreadPoolExecutor(max_workers=2 * max(1, settings.workers)) as pool:  # poppler runs, not Python
        found = list(pool.map(lambda job: review_pdf(*job), jobs))
    return ReviewResult(len(jobs), [f for fs in found for f in fs])
