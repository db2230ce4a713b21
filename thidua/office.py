"""E-office steps for the province's units: test PKI, the leader's signature, issuance by the records office."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from pyhanko.pdf_utils.reader import PdfFileReader
from pypdf import PdfReader

from dispatch.issuance import IssueRequest, issue
from dispatch.register import Entry, Register
from generators.core.model import Province, Unit
from signing import fields
from signing.pades import SignatureRequest, sign_file
from signing.placement import find_placement, header_facts
from signing.testpki.images import seal_png, signature_png
from signing.testpki.pki import Subject, TestPki

PASSWORD_ENV = "THIDUA_KEY_PASSWORD"
PIN_ENV = "THIDUA_PIN"


@dataclass(frozen=True)
class PkiLayout:
    """Where `thidua pki init` puts each unit's keys and images."""

    folder: Path

    @property
    def root(self) -> Path:
        return self.folder / "root.pem"

    def leader_p12(self, code: str) -> Path:
        return self.folder / "nguoi-ky" / f"{code}.p12"

    def org_p12(self, code: str) -> Path:
        return self.folder / "to-chuc" / f"{code}.p12"

    def signature_image(self, code: str) -> Path:
        return self.folder / "hinh-anh" / f"chu-ky-{code}.png"

    def seal_image(self, code: str) -> Path:
        return self.folder / "hinh-anh" / f"con-dau-{code}.png"


def init_pki(province: Province, folder: Path, password: bytes, units: list[str] | None = None,
             people: list[Subject] = ()) -> PkiLayout:
    """Keys and images for the units' leaders and organisations, and for further `people` (e.g. a council's)."""
    layout = PkiLayout(Path(folder))
    pki = TestPki(layout.folder, password)
    for person in people:
        pki.issue(person, "nguoi-ky")
        signature_png(person.common_name, layout.signature_image(person.key))
    for code in units or sorted(province.units):
        unit = province.unit(code)
        if unit.leader is None:
            continue
        pki.issue(Subject(code, unit.leader.name, unit.name, unit.place), "nguoi-ky")
        pki.issue(Subject(code, unit.name, unit.name, unit.place), "to-chuc")
        signature_png(unit.leader.name, layout.signature_image(code))
        seal_png(list(unit.header_agency), layout.seal_image(code), unit.kind.seal_mm)
    return layout


def sign_as_leader(unit: Unit, src: Path, dst: Path, signer, image: Path | None, tsa_url: str | None = None) -> None:
    """Place the fields from the PDF's own text, then sign the leader's field (ký ban hành)."""
    sign_with_fields(src, dst, unit.leader.name, unit.signature_lines(), unit.kind.seal_mm, unit.place,
                     [(fields.LEADER_FIELD, unit.leader.name, signer, image)], tsa_url=tsa_url)


def sign_with_fields(src: Path, dst: Path, main_name: str, main_titles: list[str], seal_mm: float, location: str,
                     signatures: list[tuple[str, str, object, Path | None]],
                     others: list[tuple[str, str, list[str]]] = (), tsa_url: str | None = None) -> None:
    """Create every field first (main signer, others, seal, number, date), then sign in order:
    `signatures` are (field, name, signer, image); each signature is its own incremental update."""
    placement = find_placement(src, main_name, main_titles, seal_mm, others=list(others))
    dst = Path(dst)
    current = dst.with_name(f".{dst.name}.{os.getpid()}.fields")
    step = dst.with_name(f".{dst.name}.{os.getpid()}.step")
    try:
        fields.prepare(src, current, placement)
        for i, (field_name, name, signer, image) in enumerate(signatures):
            target = dst if i == len(signatures) - 1 else step
            sign_file(current, target, SignatureRequest(field_name, "Ký ban hành", location, name, image, tsa_url),
                      signer)
            if target is step:
                os.replace(step, current)
    finally:
        current.unlink(missing_ok=True)
        step.unlink(missing_ok=True)


def issue_as_office(unit: Unit, src: Path, dst: Path, register: Register, signer, seal: Path | None,
                    issued_date: dt.date, tsa_url: str | None = None) -> Entry:
    with open(src, "rb") as fh:
        page = fields.field_page(PdfFileReader(fh, strict=False), fields.LEADER_FIELD)
    facts = header_facts(src, page)
    title = (PdfReader(str(src)).metadata or {}).get("/Title") or Path(src).stem
    file_copy = next((r.removeprefix("Lưu:").strip() for r in facts.recipients if r.startswith("Lưu:")), "")
    request = IssueRequest(pdf=Path(src), out=Path(dst), issuer=unit.code, notation_suffix=facts.notation_suffix,
                           issued_date=issued_date, type_and_subject=str(title), signer=unit.leader.name,
                           organisation=unit.name, location=unit.place, seal=seal,
                           recipients=[r for r in facts.recipients if not r.startswith("Lưu:")],
                           file_copy=file_copy, tsa_url=tsa_url, printed_year=facts.year)
    return issue(register, request, signer)
