"""The records office's exchange with other agencies: issued documents sent as edXML packages, packages
received into the incoming register, each answered with a status package (spec 05 §4)."""
from __future__ import annotations

import datetime as dt
import hashlib
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from dispatch.edxml import envelope, signature, status, xmlfile
from dispatch.edxml.config import EdxmlConfig
from dispatch.edxml.envelope import Attachment, Business, Header
from dispatch.edxml.organs import Organ
from dispatch.edxml.receipt import CheckedPackage, check
from dispatch.errors import PackageRefused
from dispatch.record import IssuedDocument, ReceivedDocument
from dispatch.register import Register, open_register
from generators.core.clock import now_vn
from generators.core.config import load_province
from generators.core.errors import ThiduaError
from generators.core.files import atomic_path, file_slug as slug, sha256, write_bytes
from generators.core.model import Province, Unit
from signing.keys import Pkcs12Key
from signing.testpki.layout import PkiLayout
from thidua.settings import Settings
from thidua.workflows.office import open_signer, sealing_unit_of

SENT_DIR, STATUS_DIR, RECEIVED_DIR = "edxml/gui", "edxml/trang-thai", "van-ban-den"


@dataclass(frozen=True)
class Sent:
    package: Path
    document: IssuedDocument
    header: Header


@dataclass(frozen=True)
class Received:
    package: Path
    entry: ReceivedDocument | None = None
    """The incoming register's row, when the package was registered."""
    refused: str | None = None
    """Why it was refused (Vietnamese), when it was."""
    statuses: tuple[Path, ...] = ()
    """The status packages written back to the sender."""
    answered: status.StatusRead | None = None
    """For a status package received: what it says."""


def organ_of(unit: Unit) -> Organ:
    if not unit.organ_id:
        raise ThiduaError(f"Đơn vị «{unit.code}» ({unit.name}) chưa có mã định danh (organ_id) trong "
                          f"province.yaml: không gửi, nhận văn bản điện tử được.")
    return Organ(unit.organ_id, unit.name)


def units_by_organ_id(province: Province) -> dict[str, Unit]:
    return {u.organ_id: u for u in province.units.values() if u.organ_id}


def _issued_record(register: Register, pdf: Path) -> IssuedDocument:
    digest = sha256(pdf)
    for doc in register.entries():
        if doc.files.issued_sha256 == digest:
            return doc
    raise ThiduaError(f"Tệp {pdf} không có trong sổ đăng ký văn bản đi (hoặc đã bị thay đổi sau khi phát hành): "
                      f"chỉ gửi được văn bản đã phát hành, đúng từng byte.")


def _receiver(province: Province, header: Header, unit_code: str | None) -> Unit:
    known = units_by_organ_id(province)
    mine = [known[o.organ_id] for o in header.recipients if o.organ_id in known]
    if unit_code:
        chosen = [u for u in mine if u.code == unit_code]
        if not chosen:
            raise PackageRefused(f"Gói tin không gửi cho đơn vị «{unit_code}» (gửi cho: "
                                 f"{', '.join(o.organ_id for o in header.recipients)}).",
                                 "Cơ quan nhận không có trong danh sách nơi nhận.")
        return chosen[0]
    if len(mine) != 1:
        raise ThiduaError("Gói tin gửi cho " + (f"{len(mine)} đơn vị trong tỉnh; hãy chọn đơn vị nhận bằng --unit."
                                                if mine else "cơ quan không có trong dữ liệu của tỉnh."))
    return mine[0]




def _unverified_header(data: bytes, config: EdxmlConfig) -> Header | None:
    """For answering a refused package: its header when it can be read at all (never trusted otherwise)."""
    try:
        root = xmlfile.parse(data, "")
        if xmlfile.schema_problems(root) or status.read(root, config) is not None:
            return None
        return envelope.read(root, config)[0]
    except (PackageRefused, ValueError, TypeError):  # an unreadable package: no one to answer
        return None


def _register_received(settings: Settings, register: Register, checked: CheckedPackage, receiver: Unit,
                       at: dt.datetime) -> ReceivedDocument:
    header = checked.header
    received = register.received(receiver.code)
    earlier = [r for r in received if r.document_id == header.document_id]
    business = header.business
    if business.doc_type == 0 and earlier:
        raise PackageRefused(f"Văn bản {header.notation} của {header.sender.name} đã vào sổ đến số "
                             f"{earlier[0].number} ngày {earlier[0].received_at[:10]}.", "Văn bản đã được tiếp nhận.")
    note = ""
    if business.doc_type:
        target = [r for r in received if r.document_id == business.document_id]
        if not target:
            raise PackageRefused(f"Gói tin {envelope.BUSINESS_TYPES[business.doc_type]} văn bản "
                                 f"{business.document_id}, văn bản này chưa có trong sổ đến.",
                                 "Văn bản được nêu chưa có trong sổ đến.")
        note = (f"{envelope.BUSINESS_TYPES[business.doc_type].capitalize()} văn bản số đến {target[0].number}"
                + (f": {business.reason}" if business.reason else "") + ".")
    attachment = checked.attachments[0] if checked.attachments else None
    with register.receiving(receiver.code, at.year) as receipt:
        stored = None
        if attachment:
            stored = settings.year_dir / RECEIVED_DIR / receiver.code / \
                f"{receipt.number:03d}-{slug(header.notation)}.pdf"
        entry = ReceivedDocument(
            receiver=receiver.code, year=at.year, number=receipt.number, received_at=at.isoformat(timespec="seconds"),
            sender_id=header.sender.organ_id, sender_name=header.sender.name, code_number=header.code_number,
            code_notation=header.code_notation, issued_date=header.promulgation_date, type_name=header.type_name,
            subject=header.subject, signer=header.full_name, document_id=header.document_id,
            business_type=business.doc_type, document=stored,
            sha256=hashlib.sha256(attachment.content).hexdigest() if attachment else "", note=note)
        # the file lands only if the row is written; the row only if the file is
        with atomic_path(stored) if stored else nullcontext() as tmp:
            if tmp:
                tmp.write_bytes(attachment.content)
            receipt.record(entry)
    return entry


def _note_status(settings: Settings, province: Province, answered: status.StatusRead) -> status.StatusRead:
    unit = units_by_organ_id(province).get(answered.organ_id)
    if unit is not None:
        with open_register(settings.register_target) as register:
            for doc in register.entries(year=answered.promulgation_date.year):
                if doc.notation == answered.code_answered and sealing_unit_of(province, doc).code == unit.code:
                    register.mark_receipt(doc, f"{answered.sender.name}: {status.MEANING.get(answered.code, answered.code)}"
                                               f" ({answered.timestamp})")
    return answered


def _check_file(job: tuple[Path, list[Path], EdxmlConfig, dt.date]) -> CheckedPackage | PackageRefused:
    """One package checked (in a worker process when many arrive at once); a refusal is returned, not raised."""
    package, roots, config, today = job
    try:
        return check(package.read_bytes(), package.name, roots, config, today)
    except PackageRefused as refusal:
        return refusal


class Office:
    """A records office's exchange session: the province loaded once, each organisation's key opened once,
    the edXML choices of `config`. Use as a context manager (the keys are closed at the end)."""

    def __init__(self, settings: Settings, province: Province | None = None, config: EdxmlConfig | None = None):
        self.settings = settings
        self.config = config or EdxmlConfig.with_date_order(settings.edxml_dates)
        self.province = province or load_province(settings.data)
        self._keys = ExitStack()
        self._signers: dict[str, object] = {}

    def __enter__(self) -> "Office":
        return self

    def __exit__(self, *exc) -> None:
        self._keys.close()

    def _signed_bytes(self, root, unit: Unit) -> bytes:
        if unit.code not in self._signers:
            key = Pkcs12Key(PkiLayout(self.settings.pki_folder).org_p12(unit.code))
            self._signers[unit.code] = self._keys.enter_context(open_signer(key, self.settings))
        return etree.tostring(signature.sign(root, self._signers[unit.code]), xml_declaration=True, encoding="UTF-8")

    def send(self, pdf: Path, to: list[str], business: Business = Business(), at: dt.datetime | None = None) -> Sent:
        """The issued `pdf` as an edXML package to the agencies `to` (mã định danh), signed by the issuing
        organisation; the register's column (8) Ngày chuyển filled."""
        settings, province, config = self.settings, self.province, self.config
        pdf = Path(pdf)
        if not pdf.is_file():
            raise ThiduaError(f"Không tìm thấy tệp {pdf}.")
        known = units_by_organ_id(province)
        unknown = [o for o in to if o not in known]
        if not to or unknown:
            raise ThiduaError(f"Không có cơ quan mang mã định danh {', '.join(unknown) or '(trống)'} trong "
                              f"{settings.data / 'province.yaml'}; hãy ghi --to bằng mã định danh (organ_id).")
        at = at or now_vn()
        with open_register(settings.register_target) as register:
            doc = _issued_record(register, pdf)
            sender = sealing_unit_of(province, doc)
            header = envelope.header_of(doc, organ_of(sender), [organ_of(known[o]) for o in to], sender.place,
                                        config, business, at)
            root = envelope.build(header, [Attachment(pdf.name, pdf.read_bytes(), description=doc.subject[:500])],
                                  config)
            data = self._signed_bytes(root, sender)
            suffix = f"-{envelope.BUSINESS_TYPES[business.doc_type]}" if business.doc_type else ""
            path = write_bytes(settings.year_dir / SENT_DIR / f"{slug(header.document_id)}{slug(suffix)}.edxml", data)
            register.mark_dispatched(doc, at.date(), tuple(to))
        return Sent(path, doc, header)

    def _status(self, header: Header, receiver: Unit, code: str, text: str, at: dt.datetime) -> Path:
        root = status.build(status.Status(header, organ_of(receiver), code, text, at, department="Văn thư"),
                            self.config)
        name = f"{slug(header.document_id)}-{slug(receiver.code)}-{code}.edxml"
        return write_bytes(self.settings.year_dir / STATUS_DIR / name, self._signed_bytes(root, receiver))

    def receive(self, package: Path, unit_code: str | None = None, at: dt.datetime | None = None) -> Received:
        """Check `package`, register it in the receiver's incoming register and answer the sender; a package
        that fails a check is refused (nothing registered, nothing stored) and the refusal is answered when the
        sender can be read. A status package received fills column (9) of the outgoing register."""
        return self.receive_all([(Path(package), at)], unit_code)[0]

    def receive_all(self, arrivals: list[tuple[Path, dt.datetime | None]], unit_code: str | None = None,
                    workers: int = 1) -> list[Received]:
        """Packages that arrived, checked in `workers` processes, then registered one by one in their order."""
        for package, _ in arrivals:
            if not Path(package).is_file():
                raise ThiduaError(f"Không tìm thấy gói tin {package}.")
        arrivals = [(Path(p), at or now_vn()) for p, at in arrivals]
        roots = [p for p in [PkiLayout(self.settings.pki_folder).root] if p.exists()]
        jobs = [(p, roots, self.config, at.date()) for p, at in arrivals]
        if workers > 1 and len(jobs) > 1:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                results = list(pool.map(_check_file, jobs))
        else:
            results = [_check_file(j) for j in jobs]
        return [self._admit(package, at, result, unit_code) for (package, at), result in zip(arrivals, results)]

    def _admit(self, package: Path, at: dt.datetime, checked: CheckedPackage | PackageRefused,
               unit_code: str | None) -> Received:
        province = self.province
        try:
            if isinstance(checked, PackageRefused):
                raise checked
            if checked.status:
                return Received(package, answered=_note_status(self.settings, province, checked.status))
            receiver = _receiver(province, checked.header, unit_code)
            with open_register(self.settings.register_target) as register:
                entry = _register_received(self.settings, register, checked, receiver, at)
        except PackageRefused as refusal:
            header = _unverified_header(package.read_bytes(), self.config)
            answers = ()
            if header is not None:
                try:
                    who = _receiver(province, header, unit_code)
                    answers = (self._status(header, who, status.REFUSED, refusal.status_reason, at),)
                except (PackageRefused, ThiduaError):
                    answers = ()
            return Received(package, refused=str(refusal), statuses=answers)
        statuses = tuple(self._status(checked.header, receiver, code, text, at)
                         for code, text in ((status.ARRIVED, "Văn bản đã đến."),
                                            (status.REGISTERED, f"Đã vào sổ văn bản đến số {entry.number}.")))
        return Received(package, entry=entry, statuses=statuses)


def send(settings: Settings, pdf: Path, to: list[str], business: Business = Business(),
         at: dt.datetime | None = None) -> Sent:
    """One document sent, as `thidua dispatch` does."""
    with Office(settings) as office:
        return office.send(pdf, to, business, at)


def receive(settings: Settings, package: Path, unit_code: str | None = None, at: dt.datetime | None = None) -> Received:
    """One package received, as `thidua receive` does."""
    with Office(settings) as office:
        return office.receive(package, unit_code, at)
