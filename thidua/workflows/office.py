"""E-office steps for one document: the leader's signature, issuance by the records office."""
from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from pyhanko.pdf_utils.reader import PdfFileReader
from pypdf import PdfReader

from dispatch.issuance import IssueRequest, issue, issue_annex
from dispatch.record import IssuedDocument
from dispatch.register import Register, open_register
from generators.core.config import load_province
from generators.core.errors import ThiduaError
from generators.core.files import atomic_path, remove_stale
from generators.core.model import Province, Unit
from signing import fields
from signing.errors import KeyAccessError
from signing.keys import Pkcs11Key, Pkcs12Key, load_pkcs12, pkcs11_signer
from signing.pades import SignatureRequest, sign_file, sign_files_together
from signing.remote.signer import RemoteSigner
from signing.placement import find_placement, header_facts
from signing.roles import check_signer
from signing.testpki.layout import PkiLayout
from signing.verify import Expected
from thidua.settings import PASSWORD_ENV, PIN_ENV, REGISTER_NAME, Settings
from thidua.workflows.remote import RemoteChoice, open_remote_signer

SIGN_REASON = "Ký ban hành"  # the leader's (and a council's signers') signature, before issuance


def sign_as_leader(unit: Unit, src: Path, dst: Path, signer, image: Path | None, tsa_url: str | None = None,
                   kind: str = "", sealing: Unit | None = None) -> None:
    """Place the fields from the PDF's own text, then sign the leader's field (ký ban hành). The seal's field
    is sized for `sealing`, the unit whose office will seal (a cluster's lead unit)."""
    sign_with_fields(src, dst, *_leader_block(unit, kind, sealing), unit.place,
                     [(fields.LEADER_FIELD, unit.leader.name, signer, image)], tsa_url=tsa_url)


def _leader_block(unit: Unit, kind: str, sealing: Unit | None) -> tuple[str, list[str], float]:
    """What the leader's field is placed by: the printed name, the lines above it, the seal's size."""
    return unit.leader.name, unit.signature_lines(kind), (sealing or unit).kind.seal_mm


def sign_with_fields(src: Path, dst: Path, main_name: str, main_titles: list[str], seal_mm: float, location: str,
                     signatures: list[tuple[str, str, object, Path | None]],
                     others: list[tuple[str, str, list[str]]] = (), tsa_url: str | None = None) -> None:
    """Create every field first (main signer, others, seal, number, date), then sign in order:
    `signatures` are (field, name, signer, image); each signature is its own incremental update."""
    for field_name, name, signer, _ in signatures:
        check_signer(signer, field_name, name)  # before any field is placed or anything signed
    placement = find_placement(src, main_name, main_titles, seal_mm, others=list(others))
    dst = Path(dst)
    remove_stale(dst.parent, rf"\.{re.escape(dst.name)}\.(?P<pid>\d+)\.(fields|step)")  # a killed signer's
    current = dst.with_name(f".{dst.name}.{os.getpid()}.fields")
    step = dst.with_name(f".{dst.name}.{os.getpid()}.step")
    try:
        fields.prepare(src, current, placement)
        for i, (field_name, name, signer, image) in enumerate(signatures):
            target = dst if i == len(signatures) - 1 else step
            sign_file(current, target, SignatureRequest(field_name, SIGN_REASON, location, name, image, tsa_url),
                      signer)
            if target is step:
                os.replace(step, current)
    finally:
        current.unlink(missing_ok=True)
        step.unlink(missing_ok=True)


def sign_minutes_first(src: Path, dst: Path, chair: str, secretary: str, seal_mm: float, location: str, signer,
                       image: Path | None, tsa_url: str | None = None) -> None:
    """The council's secretary signs the minutes first: every field is placed (chair, secretary, seal, number,
    date), then the secretary's signature; the chair signs later with `sign_placed_field`."""
    sign_with_fields(src, dst, chair, ["CHỦ TỌA"], seal_mm, location,
                     [(fields.SECRETARY_FIELD, secretary, signer, image)],
                     others=[(fields.SECRETARY_FIELD, secretary, ["THƯ KÝ"])], tsa_url=tsa_url)


def sign_placed_field(src: Path, dst: Path, field_name: str, name: str, location: str, signer, image: Path | None,
                      tsa_url: str | None = None) -> None:
    """A further signature in a field placed earlier (the chair's, after the secretary's), as its own update."""
    check_signer(signer, field_name, name)
    with atomic_path(Path(dst)) as tmp:
        sign_file(src, Path(tmp), SignatureRequest(field_name, SIGN_REASON, location, name, image, tsa_url), signer)


def issue_as_office(unit: Unit, src: Path, dst: Path, register: Register, signer, seal: Path | None,
                    issued_date: dt.date, tsa_url: str | None = None, kind: str = "",
                    sealing_unit: Unit | None = None) -> IssuedDocument:
    """Number, date and the organisation's signature, with the register's entry; the record of the issued file.

    `sealing_unit` signs and seals when it is not the issuing unit (a council without a seal of its own)."""
    sealing = sealing_unit or unit
    with open(src, "rb") as fh:
        page = fields.field_page(PdfFileReader(fh, strict=False), fields.LEADER_FIELD)
    facts = header_facts(src, page)
    title = (PdfReader(str(src)).metadata or {}).get("/Title") or Path(src).stem
    file_copy = next((r.removeprefix("Lưu:").strip() for r in facts.recipients if r.startswith("Lưu:")), "")
    request = IssueRequest(pdf=Path(src), out=Path(dst), issuer=unit.code, notation_suffix=facts.notation_suffix,
                           issued_date=issued_date, type_and_subject=str(title), signer=unit.leader.name,
                           organisation=sealing.name, location=unit.place, seal=seal,
                           recipients=[r for r in facts.recipients if not r.startswith("Lưu:")],
                           file_copy=file_copy, tsa_url=tsa_url, printed_year=facts.year,
                           kind=kind or facts.notation_suffix.split("-", 1)[0],
                           signer_position=" / ".join(unit.signature_lines(kind)))
    return issue(register, request, signer)


# ---------------------------------------------------------------- one document, as `thidua sign` / `issue` ask

KeySpec = Union[Pkcs12Key, Pkcs11Key, RemoteChoice]


def open_signer(key: KeySpec, settings: Settings):
    """A context manager yielding the signer; the secret comes from the settings, never an argument."""
    if isinstance(key, RemoteChoice):
        return open_remote_signer(key, settings)
    if isinstance(key, Pkcs11Key):
        if settings.pin is None:
            raise KeyAccessError(f"Chưa có PIN của token: đặt biến môi trường {PIN_ENV} hoặc nhập khi được hỏi.")
        return pkcs11_signer(key, settings.pin)
    if settings.key_password is None:
        raise KeyAccessError(f"Chưa có mật khẩu tệp khóa: đặt biến môi trường {PASSWORD_ENV} hoặc nhập khi được hỏi.")
    return nullcontext(load_pkcs12(key, settings.key_password))


def signing_units(settings: Settings, code: str) -> tuple[Unit, Unit]:
    """The unit whose leader signs, and the one whose records office numbers and seals: the unit itself, or a
    cluster's or bloc's lead unit."""
    province = load_province(settings.data)
    if code not in province.units:
        raise ThiduaError(f"Không có đơn vị mã «{code}» trong {settings.data / 'province.yaml'}.")
    unit = province.unit(code)
    if unit.leader is None:
        raise ThiduaError(f"Đơn vị «{code}» chưa có người ký trong dữ liệu.")
    return unit, province.unit(unit.issuer_code)


def sealing_unit_of(province: Province, doc: IssuedDocument) -> Unit:
    """The agency whose seal an issued document carries: its issuer, a cluster's lead, or (for an issuer that is
    not a unit, the council) the unit its organisation signature names."""
    if doc.issuer in province.units:
        return province.unit(province.unit(doc.issuer).issuer_code)
    named = [u for u in province.units.values() if u.name == doc.organ_name]
    if not named:
        raise ThiduaError(f"Không xác định được cơ quan đã đóng dấu văn bản {doc.notation} ({doc.organ_name}).")
    return named[0]


def expected_of(unit: Unit, sealing: Unit | None = None) -> Expected:
    """Who may sign a document of the unit, from the data: its leader (as printed), and the unit itself
    (or `sealing`, the body whose seal a council without one of its own uses)."""
    return Expected((unit.leader.name,), (sealing or unit).name)


def expected_signers(settings: Settings, unit_code: str) -> Expected:
    return expected_of(*signing_units(settings, unit_code))


def sign_documents(settings: Settings, unit_code: str, pairs: list[tuple[Path, Path]], key: KeySpec | None = None,
                   image: Path | None = None, kind: str = "", done=None) -> Unit:
    """The leader of `unit_code` signs every (src, dst) pair: with a remote key in one run (the signer approves
    once; if they refuse, none is signed), with a local key one after another (`done(src)` after each)."""
    unit, sealing = signing_units(settings, unit_code)
    layout = PkiLayout(settings.pki_folder)
    image = image or layout.signature_image(unit.code)
    with open_signer(key or Pkcs12Key(layout.leader_p12(unit.code)), settings) as signer:
        if not isinstance(signer, RemoteSigner):
            for src, dst in pairs:
                sign_as_leader(unit, src, dst, signer, image, settings.tsa_url, kind=kind, sealing=sealing)
                if done:
                    done(src)
            return unit
        check_signer(signer, fields.LEADER_FIELD, unit.leader.name)
        with tempfile.TemporaryDirectory(prefix=".thidua-ky-", dir=Path(pairs[0][1]).parent) as work:
            jobs = []
            for i, (src, dst) in enumerate(pairs):
                prepared = Path(work) / f"{i}.pdf"
                fields.prepare(src, prepared, find_placement(src, *_leader_block(unit, kind, sealing)))
                jobs.append((prepared, Path(dst), SignatureRequest(fields.LEADER_FIELD, SIGN_REASON, unit.place,
                                                                   unit.leader.name, image, settings.tsa_url)))
            sign_files_together(jobs, signer)
    return unit


def issue_document(settings: Settings, unit_code: str, src: Path, dst: Path, day: dt.date,
                   key: KeySpec | None = None, seal: Path | None = None) -> IssuedDocument:
    """The records office of `unit_code` numbers, dates and seals `src` into `dst`, recording it in the register."""
    return issue_for(settings, *signing_units(settings, unit_code), src, dst, day, key, seal)


def issue_for(settings: Settings, unit: Unit, sealing: Unit, src: Path, dst: Path, day: dt.date,
              key: KeySpec | None = None, seal: Path | None = None, kind: str = "") -> IssuedDocument:
    """Issuance for `unit` under `sealing`'s seal: also an issuer that is not a unit (the council's minutes)."""
    key = key or Pkcs12Key(PkiLayout(settings.pki_folder).org_p12(sealing.code))
    [record] = issue_many(settings, [IssueJob(unit, sealing, Path(src), Path(dst), day, kind, seal)], key)
    return record


@dataclass(frozen=True)
class IssueJob:
    unit: Unit
    sealing: Unit  # whose seal and organisation signature it carries
    src: Path
    dst: Path
    day: dt.date
    kind: str = ""
    seal: Path | None = None  # the sealing unit's own image when None


def issue_many(settings: Settings, jobs: list[IssueJob], key: KeySpec) -> Iterator[IssuedDocument]:
    """One records office's batch: the register opened and the organisation's key loaded once; each record
    yielded as soon as its document is issued, so a failure later in the batch leaves the earlier ones issued."""
    layout = PkiLayout(settings.pki_folder)
    target = settings.register or settings.out / REGISTER_NAME
    with open_register(target) as register, open_signer(key, settings) as signer:
        for job in jobs:
            yield issue_as_office(job.unit, job.src, job.dst, register, signer,
                                  job.seal or layout.seal_image(job.sealing.code), job.day, settings.tsa_url,
                                  kind=job.kind, sealing_unit=job.sealing)


def issue_separate_annex(settings: Settings, unit_code: str, src: Path, dst: Path, parent_notation: str,
                         key: KeySpec | None = None) -> Unit:
    """An annex issued as its own file: the organisation's text-only signature citing the parent document."""
    unit, sealing = signing_units(settings, unit_code)
    layout = PkiLayout(settings.pki_folder)
    with open_signer(key or Pkcs12Key(layout.org_p12(sealing.code)), settings) as signer:
        issue_annex(src, dst, parent_notation, sealing.name, unit.place, signer, settings.tsa_url)
    return unit
