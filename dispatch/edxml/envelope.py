"""An edXML document package (QCVN 102:2016/BTTTT) written from the issued-document record, and read back.

The package is one XML file: `edXML` → `edXMLEnvelope` (header and body) and, outside the envelope, the
attachments in base64. The enveloped XML signature (`signature.py`) covers the whole file, attachments too.
"""
from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import dataclass, field

from lxml import etree

from dispatch.edxml.config import DSIG, NAMESPACE, EdxmlConfig
from dispatch.edxml.organs import Organ
from dispatch.record import IssuedDocument
from generators.core.clock import now_vn

E = f"{{{NAMESPACE}}}"
NSMAP = {"edXML": NAMESPACE}
BUSINESS_TYPES = {0: "văn bản mới", 1: "thu hồi", 2: "cập nhật", 3: "thay thế"}
PDF = "application/pdf"


@dataclass(frozen=True)
class Business:
    """TraceHeaderList/Bussiness: what the package does to a document already sent."""

    doc_type: int = 0
    """0 new, 1 revoke, 2 update, 3 replace."""
    reason: str = ""
    document_id: str = ""
    """The DocumentId of the earlier document it revokes, updates or replaces."""


@dataclass(frozen=True)
class Attachment:
    name: str
    content: bytes
    content_type: str = PDF
    description: str = ""


@dataclass(frozen=True)
class Header:
    """The MessageHeader and trace of a package, typed."""

    sender: Organ
    recipients: tuple[Organ, ...]
    code_number: str
    code_notation: str
    place: str
    promulgation_date: dt.date
    type_code: int
    type_name: str
    subject: str
    position: str
    full_name: str
    competence: str = ""
    priority: int = 0
    page_amount: int = 0
    promulgation_amount: int = 1
    to_places: tuple[str, ...] = ()
    due_date: dt.date | None = None
    document_id: str = ""
    business: Business = field(default_factory=Business)
    sent_at: str = ""

    @property
    def notation(self) -> str:
        return f"{self.code_number}/{self.code_notation}"


def document_id(sender: Organ, day: dt.date, notation: str, config: EdxmlConfig) -> str:
    """`<OrganId>,<date>,<số>/<ký hiệu>` as in the published samples."""
    return f"{sender.organ_id},{day.strftime(config.date_format)},{notation}"


def header_of(doc: IssuedDocument, sender: Organ, recipients: list[Organ], place: str, config: EdxmlConfig,
              business: Business = Business(), sent_at: dt.datetime | None = None) -> Header:
    lines = [x.strip() for x in doc.signer.position.split("/") if x.strip()]
    return Header(
        sender=sender, recipients=tuple(recipients), code_number=doc.code_number, code_notation=doc.code_notation,
        place=place, promulgation_date=doc.issued_date, type_code=config.type_code(doc.kind),
        type_name=doc.type_name, subject=doc.subject, position=lines[-1] if lines else "",
        competence=" ".join(lines[:-1]), full_name=doc.signer.full_name, priority=doc.priority,
        page_amount=doc.pages, promulgation_amount=doc.copies, to_places=doc.recipients, due_date=doc.due_date,
        document_id=document_id(sender, doc.issued_date, f"{doc.code_number}/{doc.code_notation}", config),
        business=business, sent_at=(sent_at or now_vn()).strftime(config.timestamp_format))


def _add(parent, tag: str, text=None):
    child = etree.SubElement(parent, E + tag)
    if text is not None:
        child.text = str(text)
    return child


def _organ(parent, tag: str, organ: Organ) -> None:
    el = _add(parent, tag)
    _add(el, "OrganId", organ.organ_id)
    if organ.in_charge:
        _add(el, "OrganizationInCharge", organ.in_charge)
    _add(el, "OrganName", organ.name)
    for name, value in (("OrganAdd", organ.address), ("Email", organ.email), ("Telephone", organ.telephone),
                        ("Website", organ.website)):
        if value:
            _add(el, name, value)


def trace(parent, organ_id: str, sent_at: str, business: Business) -> None:
    traces = _add(parent, "TraceHeaderList")
    th = _add(traces, "TraceHeader")
    _add(th, "OrganId", organ_id)
    _add(th, "Timestamp", sent_at)
    b = _add(traces, "Bussiness")
    _add(b, "BussinessDocType", business.doc_type)
    if business.reason:
        _add(b, "BussinessDocReason", business.reason)
    if business.document_id:
        _add(b, "DocumentId", business.document_id)


def skeleton() -> tuple[etree._Element, etree._Element, etree._Element]:
    """(root, edXMLHeader, edXMLBody)."""
    root = etree.Element(E + "edXML", nsmap=NSMAP)
    envelope = _add(root, "edXMLEnvelope")
    return root, _add(envelope, "edXMLHeader"), _add(envelope, "edXMLBody")


def signature_placeholder(header_el) -> None:
    """Where signxml puts the enveloped signature: the header's last child."""
    etree.SubElement(header_el, f"{{{DSIG}}}Signature", nsmap={"ds": DSIG}, Id="placeholder")


def build(header: Header, attachments: list[Attachment], config: EdxmlConfig) -> etree._Element:
    """The unsigned package, with a placeholder for the signature."""
    root, head, body = skeleton()
    mh = _add(head, "MessageHeader")
    _organ(mh, "From", header.sender)
    for organ in header.recipients:
        _organ(mh, "To", organ)
    code = _add(mh, "Code")
    _add(code, "CodeNumber", header.code_number)
    _add(code, "CodeNotation", header.code_notation)
    info = _add(mh, "PromulgationInfo")
    _add(info, "Place", header.place)
    _add(info, "PromulgationDate", header.promulgation_date.strftime(config.date_format))
    dtype = _add(mh, "DocumentType")
    _add(dtype, "Type", header.type_code)
    _add(dtype, "TypeName", header.type_name)
    _add(mh, "Subject", header.subject)
    signer = _add(mh, "SignerInfo")
    if header.competence:
        _add(signer, "Competence", header.competence)
    _add(signer, "Position", header.position)
    _add(signer, "FullName", header.full_name)
    if header.due_date:
        _add(mh, "DueDate", header.due_date.strftime(config.date_format))
    if header.to_places:
        places = _add(mh, "ToPlaces")
        for place in header.to_places:
            _add(places, "Place", place)
    other = _add(mh, "OtherInfo")
    _add(other, "Priority", header.priority)
    _add(other, "SphereOfPromulgation", config.sphere)
    _add(other, "PromulgationAmount", header.promulgation_amount)
    _add(other, "PageAmount", header.page_amount)
    _add(mh, "DocumentId", header.document_id)
    trace(head, header.sender.organ_id, header.sent_at, header.business)
    signature_placeholder(head)
    manifest = _add(body, "Manifest")
    encoded = _add(root, "AttachmentEncoded")
    for n, att in enumerate(attachments, start=1):
        ref = _add(manifest, "Reference")
        _add(ref, "ContentId", f"attachment{n}")
        _add(ref, "AttachmentName", att.name)
        el = _add(encoded, "Attachment")
        _add(el, "ContentId", f"attachment{n}")
        _add(el, "AttachmentName", att.name)
        _add(el, "ContentType", att.content_type)
        _add(el, "ContentTransferEncoded", "base64")
        if att.description:
            _add(el, "Description", att.description)
        _add(el, "Value", base64.b64encode(att.content).decode("ascii"))
    return root


def _text(el, path: str, default: str = "") -> str:
    found = el.find(path, NSMAP)
    return (found.text or "").strip() if found is not None else default


def _read_organ(el) -> Organ:
    return Organ(organ_id=_text(el, "edXML:OrganId"), name=_text(el, "edXML:OrganName"),
                 in_charge=_text(el, "edXML:OrganizationInCharge"), address=_text(el, "edXML:OrganAdd"),
                 email=_text(el, "edXML:Email"), telephone=_text(el, "edXML:Telephone"),
                 website=_text(el, "edXML:Website"))


def parse_date(text: str, config: EdxmlConfig) -> dt.date:
    """Either order the sources use (the year's four digits tell which); `config` decides only what is written."""
    return dt.datetime.strptime(text, "%Y/%m/%d" if re.match(r"\d{4}/", text) else "%d/%m/%Y").date()


def read_business(head) -> Business:
    b = head.find("edXML:TraceHeaderList/edXML:Bussiness", NSMAP)
    return Business(int(_text(b, "edXML:BussinessDocType", "0")), _text(b, "edXML:BussinessDocReason"),
                    _text(b, "edXML:DocumentId"))


def read(root, config: EdxmlConfig) -> tuple[Header, list[Attachment]]:
    """The header and attachments of a package that passed the schema (so every required element is there)."""
    head = root.find("edXML:edXMLEnvelope/edXML:edXMLHeader", NSMAP)
    mh = head.find("edXML:MessageHeader", NSMAP)
    due = _text(mh, "edXML:DueDate")
    header = Header(
        sender=_read_organ(mh.find("edXML:From", NSMAP)),
        recipients=tuple(_read_organ(el) for el in mh.findall("edXML:To", NSMAP)),
        code_number=_text(mh, "edXML:Code/edXML:CodeNumber"), code_notation=_text(mh, "edXML:Code/edXML:CodeNotation"),
        place=_text(mh, "edXML:PromulgationInfo/edXML:Place"),
        promulgation_date=parse_date(_text(mh, "edXML:PromulgationInfo/edXML:PromulgationDate"), config),
        type_code=int(_text(mh, "edXML:DocumentType/edXML:Type")),
        type_name=_text(mh, "edXML:DocumentType/edXML:TypeName"), subject=_text(mh, "edXML:Subject"),
        competence=_text(mh, "edXML:SignerInfo/edXML:Competence"), position=_text(mh, "edXML:SignerInfo/edXML:Position"),
        full_name=_text(mh, "edXML:SignerInfo/edXML:FullName"),
        priority=int(_text(mh, "edXML:OtherInfo/edXML:Priority", "0")),
        page_amount=int(_text(mh, "edXML:OtherInfo/edXML:PageAmount", "0")),
        promulgation_amount=int(_text(mh, "edXML:OtherInfo/edXML:PromulgationAmount", "1")),
        to_places=tuple((p.text or "").strip() for p in mh.findall("edXML:ToPlaces/edXML:Place", NSMAP)),
        due_date=parse_date(due, config) if due else None, document_id=_text(mh, "edXML:DocumentId"),
        business=read_business(head),
        sent_at=_text(head, "edXML:TraceHeaderList/edXML:TraceHeader/edXML:Timestamp"))
    attachments = [Attachment(_text(el, "edXML:AttachmentName"), base64.b64decode(_text(el, "edXML:Value")),
                              _text(el, "edXML:ContentType"), _text(el, "edXML:Description"))
                   for el in root.findall("edXML:AttachmentEncoded/edXML:Attachment", NSMAP)]
    return header, attachments
