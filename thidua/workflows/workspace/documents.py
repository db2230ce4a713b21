"""Documents in their e-office states: drafted by the unit, sent to its leader, signed (or returned with a
reason), numbered and sealed by the records office. Who may see and act on each is decided here, in one place."""
from __future__ import annotations

import datetime as dt
import zipfile
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

import docx as python_docx

from generators.commendation.contexts import council_unit
from generators.core.clock import now_vn
from generators.core.files import atomic_path, sha256
from generators.core.model import Signer
from generators.documents.convert import Converter
from generators.documents.layout_rules import check_docx
from generators.documents.pdf_normalize import normalize_pdf
from generators.workbooks.safety import MAX_UNPACKED_BYTES
from signing.keys import Pkcs12Key
from signing.testpki.layout import PkiLayout
from signing.fields import LEADER_FIELD
from signing.verify import PASSED, verify
from thidua.workflows.dossier import CHAIR_KEY, SECRETARY_KEY
from thidua.workflows.remote import RemoteChoice
from thidua.workflows.office import (IssueJob, expected_signers, issue_many, open_signer, sign_documents,
                                     sign_minutes_first, sign_placed_field, signing_units)
from thidua.workflows.registration import generate
from thidua.workflows.workspace import audit
from thidua.workflows.workspace.accounts import (ARCHIVIST, BOARD, CHAIR, CLERK, LEADER, RECORDS, SECRETARY,
                                                 SIGNERS, Account)
from thidua.workflows.workspace.clock import new_id, stamp
from thidua.workflows.workspace.rounds import council_code, round_facts, whole_round
from thidua.workflows.workspace.space import Workspace
from thidua.workflows.workspace.errors import Refused

DRAFT, WAITING, RETURNED, SIGNED, ISSUED = "draft", "waiting", "returned", "signed", "issued"
WAITING_CHAIR = "waiting-chair"  # minutes: the secretary has signed, the chair has not yet
STATE_NAMES = {DRAFT: "Dự thảo", WAITING: "Chờ ký", WAITING_CHAIR: "Thư ký đã ký, chờ chủ tọa ký",
               RETURNED: "Bị trả lại", SIGNED: "Đã ký, chờ cấp số", ISSUED: "Đã ban hành"}
SIGNS_IN = {LEADER: WAITING, SECRETARY: WAITING, CHAIR: WAITING_CHAIR}
"""The state in which a document waits for each kind of signer."""


@dataclass(frozen=True)
class Document:
    id: str
    unit: str
    year: int
    kind: str
    title: str
    state: str
    docx: str
    pdf: str
    undecided: tuple[str, ...]
    notation: str
    issued_date: str
    reason: str
    sha256: str
    drafted: str
    updated: str

    @property
    def state_name(self) -> str:
        return STATE_NAMES[self.state]

    @property
    def signed_pdf(self) -> str:
        return self.pdf.removesuffix(".pdf") + ".signed.pdf"

    @property
    def issued_pdf(self) -> str:
        return self.pdf.removesuffix(".pdf") + ".issued.pdf"

    def file(self, which: str) -> str:
        """The workspace path of one of its files: docx, pdf (the draft), signed, issued."""
        return {"docx": self.docx, "pdf": self.pdf, "signed": self.signed_pdf, "issued": self.issued_pdf}[which]

    @property
    def default_issue_date(self) -> dt.date:
        """Today in the round's year; for a past year's round (the sample), the day it was drafted."""
        today = now_vn().date()
        return today if today.year == self.year or not self.drafted else dt.date.fromisoformat(self.drafted)

    @property
    def current_pdf(self) -> str:
        return {ISSUED: self.issued_pdf, SIGNED: self.signed_pdf}.get(self.state, self.pdf)


def _document(row: dict) -> Document:
    return Document(row["id"], row["unit"], row["year"], row["kind"], row["title"], row["state"], row["docx"],
                    row["pdf"], tuple(filter(None, row["undecided"].split("\n"))), row["notation"],
                    row["issued_date"], row["reason"], row["sha256"], row["drafted"], row["updated"])


def sealing_code(ws: Workspace, doc: Document) -> str:
    """The unit whose records office numbers and seals the document: its issuer, a cluster's lead, or for the
    council's minutes the decider (the council has no seal)."""
    if doc.unit in ws.province.units:
        return ws.province.unit(doc.unit).issuer_code
    return str(round_facts(ws).get("decider") or "") if doc.unit == council_code(ws) else ""


def may_see(ws: Workspace, who: Account, doc: Document) -> bool:
    if who.role in (CLERK, *SIGNERS):
        return doc.unit == who.unit
    if who.role == RECORDS:
        return sealing_code(ws, doc) == who.unit
    if who.role == BOARD:
        return True
    return who.role == ARCHIVIST and doc.state == ISSUED


def visible(ws: Workspace, who: Account, state: str | None = None) -> list[Document]:
    rows = ws.db.rows("SELECT * FROM documents WHERE year=? ORDER BY updated DESC", (ws.year,))
    docs = [_document(r) for r in rows]
    return [d for d in docs if may_see(ws, who, d) and (state is None or d.state == state)]


def get(ws: Workspace, who: Account, doc_id: str) -> Document:
    """The document, or Refused, worded the same whether it does not exist or is someone else's."""
    row = ws.db.one("SELECT * FROM documents WHERE id=?", (doc_id,))
    if row is None or not may_see(ws, who, doc := _document(row)):
        raise Refused("Không có văn bản này, hoặc bạn không có quyền xem.")
    return doc


def of_unit(ws: Workspace, unit: str, kind: str = "KH") -> Document | None:
    row = ws.db.one("SELECT * FROM documents WHERE unit=? AND year=? AND kind=?", (unit, ws.year, kind))
    return _document(row) if row else None


def by_unit(ws: Workspace, kind: str = "KH") -> dict[str, Document]:
    """The year's document of that kind of every unit, in one query."""
    rows = ws.db.rows("SELECT * FROM documents WHERE year=? AND kind=?", (ws.year, kind))
    return {row["unit"]: _document(row) for row in rows}


def _set(ws: Workspace, doc: Document, **changes) -> None:
    changes["updated"] = stamp()
    names = ", ".join(f"{k}=?" for k in changes)
    ws.db.run(f"UPDATE documents SET {names} WHERE id=?", (*changes.values(), doc.id))


DOSSIER_KINDS = ("BB", "TTr", "QĐ")
"""The commendation dossier the board drafts: minutes, proposal, decision."""


def _need(who: Account, role: str, doc: Document, *states: str) -> None:
    if who.role != role or doc.unit != who.unit and role != RECORDS:
        raise Refused("Bạn không có quyền thực hiện thao tác này với văn bản.")
    if doc.state not in states:
        raise Refused(f"Văn bản đang ở trạng thái «{doc.state_name}»; không thực hiện được thao tác này.")


# ---------------------------------------------------------------- the unit: draft, edit, send

def check_may_draft(ws: Workspace, who: Account) -> None:
    if who.role != CLERK:
        raise Refused("Chỉ cán bộ thi đua của đơn vị được lập kế hoạch.")
    existing = of_unit(ws, who.unit)
    if existing and existing.state not in (DRAFT, RETURNED):
        raise Refused(f"Kế hoạch của đơn vị đang ở trạng thái «{existing.state_name}»; không lập lại được.")


def draft_plans(ws: Workspace, units: list[str], who_by_unit: dict[str, Account], progress=None) -> list[Document]:
    """The plans of `units` drafted from their current lists, in one LibreOffice batch; a unit with no readable
    list or no quota under the plan has none."""
    result = generate(ws.settings, manifest=False, units=set(units))
    return [record_draft(ws, draft, who_by_unit.get(draft.unit), "Lập dự thảo kế hoạch") for draft in result.documents]


def record_draft(ws: Workspace, draft, who: Account | None, action: str) -> Document:
    """A drafted document (generators' Draft) entered as the unit's document of its kind, or replacing its
    earlier draft."""
    existing = of_unit(ws, draft.unit, draft.kind)
    values = dict(title=draft.title, state=DRAFT, docx=ws.relative(draft.docx), pdf=ws.relative(draft.pdf),
                  undecided="\n".join(draft.undecided), reason="", sha256=sha256(draft.pdf),
                  drafted=draft.created.date().isoformat())
    if existing:
        _set(ws, existing, **values)
    else:
        ws.db.run("INSERT INTO documents (id, unit, year, kind, title, state, docx, pdf, undecided, sha256, "
                  "drafted, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                  (new_id(), draft.unit, ws.year, draft.kind, values["title"], DRAFT, values["docx"],
                   values["pdf"], values["undecided"], values["sha256"], values["drafted"], stamp()))
    doc = of_unit(ws, draft.unit, draft.kind)
    audit.record(ws.db, who, action, f"{doc.unit}: {doc.title}", doc.sha256)
    return doc


def check_docx_upload(ws: Workspace, who: Account, doc_id: str, data: bytes) -> tuple[Document, Path]:
    """A DOCX the clerk edited, kept aside when it is a Word file that follows the layout rules; the document
    and the file, for conversion. Refused, naming each broken rule, otherwise."""
    doc = get(ws, who, doc_id)
    _need(who, CLERK, doc, DRAFT, RETURNED)
    incoming = ws.path("uploads", who.unit, f"{new_id()}.docx")
    incoming.parent.mkdir(parents=True, exist_ok=True)
    incoming.write_bytes(data)
    try:
        try:
            with zipfile.ZipFile(incoming) as z:
                if sum(i.file_size for i in z.infolist()) > MAX_UNPACKED_BYTES:
                    raise Refused("Tệp giải nén ra quá lớn; không phải một văn bản Word thông thường.")
            python_docx.Document(str(incoming))
        except (zipfile.BadZipFile, KeyError, ValueError, OSError):
            raise Refused("Không mở được tệp: đây không phải tệp Word (.docx).") from None
        broken = check_docx(incoming)
        if broken:
            raise Refused("Văn bản chưa đúng thể thức (Nghị định 30/2020), chưa nhận: " +
                          "; ".join(str(v) for v in broken))
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    return doc, incoming


def accept_docx(ws: Workspace, who: Account | None, doc: Document, incoming: Path) -> Document:
    """The edited DOCX becomes the draft, converted to PDF/A; the earlier files stay in the history."""
    docx, pdf = ws.path(doc.docx), ws.path(doc.pdf)
    converted = incoming.with_suffix(".pdf")
    Converter().convert([(incoming, converted)])
    normalize_pdf(converted, now_vn())
    with atomic_path(docx) as tmp:
        Path(tmp).write_bytes(incoming.read_bytes())
    with atomic_path(pdf) as tmp:
        Path(tmp).write_bytes(converted.read_bytes())
    _set(ws, doc, state=DRAFT, reason="", sha256=sha256(pdf))
    audit.record(ws.db, who, "Tải lên văn bản đã sửa", f"{doc.unit}: {doc.title}", sha256(docx))
    return get_any(ws, doc.id)


def get_any(ws: Workspace, doc_id: str) -> Document:
    return _document(ws.db.one("SELECT * FROM documents WHERE id=?", (doc_id,)))


def send_to_leader(ws: Workspace, who: Account, doc_id: str) -> Document:
    """The unit's clerk sends its plan; the board sends the dossier's documents (to their signers)."""
    doc = get(ws, who, doc_id)
    if who.role == BOARD and doc.kind in DOSSIER_KINDS:
        if doc.state not in (DRAFT, RETURNED):
            raise Refused(f"Văn bản đang ở trạng thái «{doc.state_name}»; không thực hiện được thao tác này.")
    else:
        _need(who, CLERK, doc, DRAFT, RETURNED)
    if doc.undecided:
        raise Refused("Kế hoạch còn nội dung chưa có quyết định (" + "; ".join(doc.undecided) + "); chưa trình ký.")
    _set(ws, doc, state=WAITING, reason="")
    audit.record(ws.db, who, "Trình lãnh đạo ký", f"{doc.unit}: {doc.title}", doc.sha256)
    return get_any(ws, doc.id)


# ---------------------------------------------------------------- the leader

def _chosen(ws: Workspace, who: Account, doc_ids: list[str], role: str, state: str, what: str,
            no_key: str) -> list[Document]:
    """The documents a batch action names, each one the account's to act on in `state`, and its key on hand."""
    if not doc_ids:
        raise Refused(f"Hãy chọn ít nhất một văn bản để {what}.")
    docs = [get(ws, who, i) for i in doc_ids]
    for doc in docs:
        _need(who, role, doc, state)
    if no_key and not who.key_file:
        raise Refused(no_key)
    return docs


def check_may_sign(ws: Workspace, who: Account, doc_ids: list[str]) -> list[Document]:
    if who.role not in SIGNERS:
        raise Refused("Tài khoản của bạn không ký văn bản.")
    return _chosen(ws, who, doc_ids, who.role, SIGNS_IN[who.role], "ký",
                   "Tài khoản chưa có khóa ký trên máy chủ; hãy tải về, ký bằng token rồi tải lên.")


def sign(ws: Workspace, who: Account, doc_ids: list[str], passphrase: bytes, progress=None) -> list[Document]:
    """The account's signature on each document with the server-held key the passphrase opens, loaded once for
    the batch: a leader's on their unit's documents, the council's secretary's then its chair's on the minutes."""
    docs = check_may_sign(ws, who, doc_ids)
    settings = ws.settings.but(key_password=passphrase)
    key = Pkcs12Key(ws.path(who.key_file))
    out = []

    def signed(doc: Document, state: str) -> None:
        digest = sha256(ws.path(doc.signed_pdf))
        _set(ws, doc, state=state, sha256=digest)
        audit.record(ws.db, who, "Ký ban hành" if state == SIGNED else "Ký (thư ký)", f"{doc.unit}: {doc.title}",
                     digest)
        out.append(get_any(ws, doc.id))
        if progress:
            progress(doc.title)

    if who.role == LEADER:
        for kind, group in _by_kind(docs).items():
            by_src = {ws.path(d.pdf): d for d in group}
            sign_documents(settings, who.unit, [(ws.path(d.pdf), ws.path(d.signed_pdf)) for d in group], key,
                           kind=kind, done=lambda src: signed(by_src[src], SIGNED))
        return out
    rnd = whole_round(ws)
    layout = PkiLayout(ws.settings.pki_folder)
    place = rnd.meta["council"]["place"]
    seal_mm = ws.province.unit(rnd.meta["decider"]).kind.seal_mm
    with open_signer(key, settings) as signer:
        for doc in docs:
            src, dst = ws.path(doc.pdf), ws.path(doc.signed_pdf)
            if who.role == SECRETARY:
                sign_minutes_first(src, dst, rnd.council.chair, rnd.council.secretary, seal_mm, place, signer,
                                   layout.signature_image(SECRETARY_KEY))
                signed(doc, WAITING_CHAIR)
            else:
                sign_placed_field(dst, dst, LEADER_FIELD, rnd.council.chair, place, signer,
                                  layout.signature_image(CHAIR_KEY))
                signed(doc, SIGNED)
    return out


def _by_kind(docs: list[Document]) -> dict[str, list[Document]]:
    out: dict[str, list[Document]] = {}
    for doc in docs:
        out.setdefault(doc.kind, []).append(doc)
    return out


def check_may_sign_remotely(ws: Workspace, who: Account, doc_ids: list[str]) -> list[Document]:
    if who.role != LEADER or not who.remote_service:
        raise Refused("Tài khoản chưa được gán dịch vụ ký số từ xa.")
    return _chosen(ws, who, doc_ids, LEADER, WAITING, "ký", "")


def sign_remotely(ws: Workspace, who: Account, doc_ids: list[str], progress=None, notes=None) -> list[Document]:
    """The leader signs every chosen document through their remote signing service in one request, approved
    once on their phone; if they refuse, none is signed. `notes` hears the service's progress."""
    docs = check_may_sign_remotely(ws, who, doc_ids)
    for kind, group in _by_kind(docs).items():
        sign_documents(ws.settings, who.unit, [(ws.path(d.pdf), ws.path(d.signed_pdf)) for d in group],
                       RemoteChoice(who.remote_service, progress=notes), kind=kind)
    out = []
    for doc in docs:
        digest = sha256(ws.path(doc.signed_pdf))
        _set(ws, doc, state=SIGNED, sha256=digest)
        audit.record(ws.db, who, f"Ký ban hành (ký số từ xa: {who.remote_service})", f"{doc.unit}: {doc.title}",
                     digest)
        out.append(get_any(ws, doc.id))
        if progress:
            progress(doc.title)
    return out


def accept_signed_upload(ws: Workspace, who: Account, doc_id: str, data: bytes) -> Document:
    """A file the leader signed elsewhere (a USB token and `thidua sign`): accepted only when it is the draft
    with the leader's valid signature added."""
    doc = get(ws, who, doc_id)
    _need(who, LEADER, doc, WAITING)
    draft = ws.path(doc.pdf).read_bytes()
    if not data.startswith(draft):
        raise Refused("Tệp tải lên không phải dự thảo đang chờ ký (nội dung đã khác); chưa nhận.")
    target = ws.path(doc.signed_pdf)
    with atomic_path(target) as tmp:
        Path(tmp).write_bytes(data)
        report = verify(Path(tmp), [ws.settings.pki_folder / "root.pem"], expected_signers(ws.settings, doc.unit))
        leader_signed = any(s.field == LEADER_FIELD and s.indication == PASSED for s in report.signatures)
        if report.sub_indication != "NOT_ISSUED" or not leader_signed:
            shown = "; ".join(report.problems) or report.text().strip().splitlines()[1].removeprefix("Kết luận: ")
            raise Refused(f"Chữ ký của lãnh đạo trên tệp chưa hợp lệ ({shown}); chưa nhận.")
    _set(ws, doc, state=SIGNED, sha256=sha256(target))
    audit.record(ws.db, who, "Tải lên văn bản đã ký", f"{doc.unit}: {doc.title}", sha256(target))
    return get_any(ws, doc.id)


def return_to_unit(ws: Workspace, who: Account, doc_id: str, reason: str) -> Document:
    """A signer returns what waits for them, with the reason, to whoever drafted it."""
    doc = get(ws, who, doc_id)
    if who.role not in SIGNERS:
        raise Refused("Bạn không có quyền thực hiện thao tác này với văn bản.")
    _need(who, who.role, doc, SIGNS_IN[who.role])
    reason = " ".join(reason.split())[:1000]
    if not reason:
        raise Refused("Hãy ghi lý do trả lại.")
    _set(ws, doc, state=RETURNED, reason=reason)
    audit.record(ws.db, who, f"Trả lại văn bản: {reason}", f"{doc.unit}: {doc.title}", doc.sha256)
    return get_any(ws, doc.id)


# ---------------------------------------------------------------- the records office

def _issue_jobs(ws: Workspace, docs: list[Document], day: dt.date | None) -> list[IssueJob]:
    """Each document's issuer and the unit whose seal it carries: for the minutes, the council (its chair as
    signer) and the decider; the round read once for the batch."""
    rnd = whole_round(ws) if any(d.unit not in ws.province.units for d in docs) else None
    jobs = []
    for doc in docs:
        if doc.unit in ws.province.units:
            unit, sealing = signing_units(ws.settings, doc.unit)
        else:
            unit = replace(council_unit(ws.province, rnd), leader=Signer(rnd.council.chair))
            sealing = ws.province.unit(rnd.meta["decider"])
        jobs.append(IssueJob(unit, sealing, ws.path(doc.signed_pdf), ws.path(doc.issued_pdf),
                             day or doc.default_issue_date, doc.kind))
    return jobs


def check_may_issue(ws: Workspace, who: Account, doc_ids: list[str]) -> list[Document]:
    return _chosen(ws, who, doc_ids, RECORDS, SIGNED, "cấp số",
                   "Tài khoản văn thư chưa có khóa chữ ký số của cơ quan trên máy chủ.")


def issue(ws: Workspace, who: Account, doc_ids: list[str], passphrase: bytes, day: dt.date | None = None,
          progress=None) -> list[Document]:
    """Number, date and the organisation's signature on each signed document, in the register: the register
    opened and the office's key loaded once for the batch."""
    docs = check_may_issue(ws, who, doc_ids)
    settings = ws.settings.but(key_password=passphrase)
    out = []
    records = issue_many(settings, _issue_jobs(ws, docs, day), Pkcs12Key(ws.path(who.key_file)))
    with closing(records):
        for doc, record in zip(docs, records):
            digest = sha256(ws.path(doc.issued_pdf))
            _set(ws, doc, state=ISSUED, notation=record.notation, issued_date=record.issued_date.isoformat(),
                 sha256=digest)
            audit.record(ws.db, who, f"Cấp số, ban hành {record.notation}", f"{doc.unit}: {doc.title}", digest)
            out.append(get_any(ws, doc.id))
            if progress:
                progress(doc.title)
    return out
