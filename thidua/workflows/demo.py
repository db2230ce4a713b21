"""The whole sample round, as `make demo` runs it: check, draft, sign and issue, then the commendation dossier.

The province is loaded once; the register is created once before the signing
workers start; the manifest is written once, at the end, from the issued records.
"""
from __future__ import annotations

import datetime as dt
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

from dispatch.archive.verify import ArchiveReport
from dispatch.record import IssuedDocument
from dispatch.register import open_register
from generators.commendation.round import Round
from generators.core.clock import now_vn
from generators.core.config import load_plan, load_province
from generators.core.errors import ThiduaError
from generators.core.files import FolderLock
from generators.documents.draft import Draft
from generators.workbooks.reports import write_eligibility_xlsx
from signing.testpki.pki import CRL_DIR
from signing.testpki.publication import publishing
from thidua.settings import Settings

ARCHIVE_DIR = "luu-tru"
from thidua.workflows import certificates, commendation, dossier, exchange, registration, reports
from thidua.workflows.issuing import sign_and_issue
from thidua.workflows.manifest import write_issued_manifest
from thidua.workflows.observer import Observer, Silent
from thidua.workflows.archiving import ArchivedPackage, archive_year, verify_archives
from thidua.workflows.pki import init_pki
from thidua.workflows.registers import PrintedRegister, export_registers
from thidua.workflows.review import ReviewResult, review_year


@dataclass
class DemoResult:
    checked: registration.CheckResult
    drafted: registration.RoundResult
    findings_xlsx: Path
    issued: list[IssuedDocument] = field(default_factory=list)
    commendation: Round | None = None
    eligibility_xlsx: Path | None = None
    random_password: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    manifest: Path | None = None
    held: list[Draft] = field(default_factory=list)  # drafted but not final: not put up for signing
    review: ReviewResult | None = None  # the records office's review of every issued document
    review_report: Draft | None = None  # the board's annual review (báo cáo sơ kết) of the year
    letters: list[Draft] = field(default_factory=list)  # each unit's cover letter (công văn) sending its plan
    certificates: object = None  # the decision's award certificates (workflows.certificates.CertificateBatch)
    final_review: IssuedDocument | None = None  # the province's final review of the plan's period, if the data has it
    sent: list[exchange.Sent] = field(default_factory=list)  # the units' plans sent to the board by edXML
    received: list[exchange.Received] = field(default_factory=list)  # and the board's receipt of each
    registers: list[PrintedRegister] = field(default_factory=list)  # the registers printed for binding
    archived: list[ArchivedPackage] = field(default_factory=list)  # one package per agency's dossier
    archive_reports: list[ArchiveReport] = field(default_factory=list)  # each package verified again

    @property
    def passed(self) -> int:
        return sum(1 for d in self.issued if d.verification and d.verification.indication == "TOTAL_PASSED")

    @property
    def refused(self) -> list[exchange.Received]:
        return [r for r in self.received if r.refused]

    @property
    def ok(self) -> bool:
        return self.passed == len(self.issued) and not (self.review and self.review.findings) and not self.refused \
            and all(r.ok for r in self.archive_reports) \
            and (self.final_review is None or self.final_review.verification.indication == "TOTAL_PASSED") and all(
                c.indication == "TOTAL_PASSED" for c in (self.certificates.certificates if self.certificates else []))


def _fresh_register(settings: Settings) -> str | Path:
    """The register the demo issues into: it must hold no document yet (a replay never deletes a register)."""
    target = settings.register_target
    with open_register(target) as register:  # schema created once, before the workers start
        held = register.entries(year=settings.year)
    if held:
        raise ThiduaError(f"Sổ đăng ký {target} đã có {len(held)} văn bản năm {settings.year}; bản chạy thử không "
                          f"ghi đè hay xóa sổ đăng ký: hãy dùng --out với một thư mục mới (hoặc xóa thư mục cũ).")
    return target


def run_demo(settings: Settings, observer: Observer | None = None) -> DemoResult:
    """The whole round into `settings.out`, which no other run may use meanwhile. The test PKI's CRLs are
    published on loopback for the run (the archive step fetches them)."""
    with FolderLock(settings.out), publishing(settings.pki_folder / CRL_DIR) as crls:
        return _run_demo(settings, observer or Silent(), crls.url)


def _run_demo(settings: Settings, observer: Observer, crl_url: str) -> DemoResult:
    province = load_province(settings.data)
    register = _fresh_register(settings)

    observer.step(f"Bước 1: kiểm tra danh sách đăng ký năm {settings.year}")
    xlsx = settings.year_dir / "ket-qua-kiem-tra.xlsx"
    checked = registration.check(settings, province, xlsx=xlsx)

    observer.step("Bước 2: tạo kế hoạch của từng đơn vị và danh sách tổng hợp của tỉnh")
    start = time.monotonic()
    drafted = registration.generate(settings, checked=checked, observer=observer, manifest=False)
    result = DemoResult(checked, drafted, xlsx)
    result.timings["generate"] = time.monotonic() - start

    rnd = commendation.eligibility(settings, province=province) if commendation.has_round(settings) else None
    observer.step("Bước 3: lãnh đạo ký, văn thư cấp số và phát hành (PKI thử nghiệm trong out/pki)")
    password = settings.key_password
    if password is None:
        password, result.random_password = secrets.token_urlsafe(24).encode(), True
    start = time.monotonic()
    units = [d.unit for d in drafted.documents] + ([rnd.meta["board"], rnd.meta["decider"]] if rnd else [])
    units += [u.code for u in province.units.values() if u.kind.code == "province"]  # the final review's issuer
    layout = init_pki(province, settings.pki_folder, password, sorted(set(units)),
                      dossier.council_people(rnd) if rnd else [], crl_url=crl_url)
    ready = [d for d in drafted.documents if not d.undecided]
    result.held = [d for d in drafted.documents if d.undecided]
    result.issued = sign_and_issue(settings.data, ready, password, layout, register, settings.workers,
                                   settings.tsa_url)
    result.timings["issue"] = time.monotonic() - start
    observer.step("Bước 3b: mỗi đơn vị gửi danh sách và kế hoạch lên cấp trên bằng công văn (số, ngày của kế "
                  "hoạch lấy từ sổ đăng ký)")
    start = time.monotonic()
    result.letters = registration.cover_letters(settings, province, checked.data, list(zip(ready, result.issued)),
                                                observer=observer)
    result.issued += sign_and_issue(settings.data, result.letters, password, layout, register, settings.workers,
                                    settings.tsa_url)
    result.timings["letters"] = time.monotonic() - start

    if rnd:
        observer.step(f"Bước 4: xét khen thưởng năm {settings.year}, Hội đồng biểu quyết, tờ trình, biên bản, "
                      f"quyết định")
        result.commendation = rnd
        result.eligibility_xlsx = settings.year_dir / "ket-qua-xet-khen-thuong.xlsx"
        write_eligibility_xlsx(result.eligibility_xlsx, rnd, province)
        result.issued += dossier.produce(province, rnd, settings.out, layout, register, password)
        decision = result.issued[-1]  # the dossier ends with the decision
        result.certificates = certificates.produce(province, rnd, decision, settings.data, settings.out, layout,
                                                   password)
    observer.step(f"Bước 5: Sở Nội vụ báo cáo sơ kết năm {settings.year}: số liệu, bảng và biểu đồ tính từ dữ liệu")
    start = time.monotonic()
    annual = reports.annual_review(province, settings.year)
    result.review_report = reports.draft_review(settings, annual, reports.statistics(settings, (settings.year,),
                                                                                     province), province)
    result.issued += sign_and_issue(settings.data, [result.review_report], password, layout, register, 1,
                                    settings.tsa_url)
    years = reports.plan_years(settings)
    if len(years) > 1 and years[-1] > settings.year:  # the data holds the plan's whole period: its final review
        final = reports.final_review(province, years, dt.date(years[-1], 10, 20))
        stats = reports.statistics(settings, years, province, as_of=final.day)
        draft = reports.draft_review(settings, final, stats, province)
        # Issued in the year it is dated, so outside this year's manifest, registers and archive.
        result.final_review = sign_and_issue(settings.data, [draft], password, layout, register, 1,
                                             settings.tsa_url)[0]
    result.timings["report"] = time.monotonic() - start
    result.manifest = write_issued_manifest(settings.out, settings.year, result.issued, [layout.root])
    observer.step("Bước 6: văn thư soát các văn bản đã phát hành")
    result.review = review_year(settings)

    observer.step("Bước 7: các đơn vị gửi kế hoạch lên Sở Nội vụ bằng gói tin edXML; Sở Nội vụ tiếp nhận, vào sổ "
                  "văn bản đến và trả lời trạng thái")
    start = time.monotonic()
    keyed = settings.but(key_password=password, pki=layout.folder, register=str(register))
    _exchange_plans(keyed, province, result)
    result.timings["exchange"] = time.monotonic() - start
    observer.step("Bước 8: in sổ đăng ký văn bản đi, đến (DOCX, PDF/A, XLSX)")
    result.registers = export_registers(keyed) + export_registers(keyed, incoming=True)
    observer.step("Bước 9: lưu trữ: bổ sung dữ liệu kiểm tra hiệu lực dài hạn, lập gói lưu trữ cho hồ sơ của "
                  "từng cơ quan và kiểm tra lại từng gói")
    start = time.monotonic()
    result.archived = archive_year(keyed, settings.year_dir / ARCHIVE_DIR)
    result.archive_reports = verify_archives(keyed, [p.path for p in result.archived], workers=settings.workers)
    result.timings["archive"] = time.monotonic() - start
    return result


def _exchange_plans(settings: Settings, province, result: DemoResult) -> None:
    """Each unit's issued plan to the board, sent and received on its issue date (the demo replays the year);
    the board checks the day's packages in parallel, registers them in order, and each sender reads the answer."""
    board = province.unit(load_plan(settings.data / "plan.yaml").board)
    plans = sorted((d for d in result.issued if d.kind == "KH" and d.issuer != board.code),
                   key=lambda d: (d.issued_date, d.issuer))  # received in the order sent
    at = [dt.datetime.combine(d.issued_date, dt.time(16, 0), now_vn().tzinfo) for d in plans]
    with exchange.Office(settings, province) as office:
        result.sent = [office.send(d.files.issued_pdf, [board.organ_id], at=t) for d, t in zip(plans, at)]
        result.received = office.receive_all([(s.package, t) for s, t in zip(result.sent, at)], board.code,
                                             settings.workers)
        answers = [(got.statuses[-1], t) for got, t in zip(result.received, at) if got.statuses]
        office.receive_all(answers)  # each sender's office reads the board's last answer: column (9) Ký nhận
