"""Preservation metadata (PREMIS 3): each archived file with its fixity, and the events of its life."""
from __future__ import annotations

import datetime as dt

from lxml import etree

from dispatch.archive.dossier import Dossier
from dispatch.archive.metadata import FORMAT

NS = "http://www.loc.gov/premis/v3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
AGENT = "thidua"


def _add(parent, tag: str, text=None, **attrs):
    child = etree.SubElement(parent, f"{{{NS}}}{tag}", **attrs)
    if text is not None:
        child.text = str(text)
    return child


def _identifier(parent, kind: str, value: str, tag: str) -> None:
    ident = _add(parent, tag)
    _add(ident, f"{tag}Type", kind)
    _add(ident, f"{tag}Value", value)


def _event(root, n: int, kind: str, when: str, detail: str, file_id: str, outcome: str = "thành công") -> None:
    event = _add(root, "event")
    _identifier(event, "local", f"event-{n:04d}", "eventIdentifier")
    _add(event, "eventType", kind)
    _add(event, "eventDateTime", when)
    _add(_add(event, "eventDetailInformation"), "eventDetail", detail)
    _add(_add(event, "eventOutcomeInformation"), "eventOutcome", outcome)
    link = _add(event, "linkingAgentIdentifier")
    _add(link, "linkingAgentIdentifierType", "local")
    _add(link, "linkingAgentIdentifierValue", AGENT)
    link = _add(event, "linkingObjectIdentifier")
    _add(link, "linkingObjectIdentifierType", "local")
    _add(link, "linkingObjectIdentifierValue", file_id)


def premis(d: Dossier, file_ids: list[str], packaged_at: dt.datetime) -> etree._Element:
    """`file_ids`: each document's identifier in the package, in the dossier's order."""
    root = etree.Element(f"{{{NS}}}premis", nsmap={None: NS, "xsi": XSI}, version="3.0")
    for a, fid in zip(d.documents, file_ids):
        obj = _add(root, "object", **{f"{{{XSI}}}type": "file"})
        _identifier(obj, "local", fid, "objectIdentifier")
        chars = _add(obj, "objectCharacteristics")
        fixity = _add(chars, "fixity")
        _add(fixity, "messageDigestAlgorithm", "SHA-256")
        _add(fixity, "messageDigest", a.sha256)
        _add(chars, "size", len(a.data))
        _add(_add(_add(chars, "format"), "formatDesignation"), "formatName", FORMAT)
    n = 0
    for a, fid in zip(d.documents, file_ids):
        doc = a.record
        for kind, when, detail in (
                ("creation", f"{doc.issued_date.isoformat()}T00:00:00+07:00",
                 f"Tạo bản PDF/A ({FORMAT}) từ bản thảo DOCX"),
                ("digital signature", doc.issued_at or packaged_at.isoformat(timespec="seconds"),
                 f"Ký số của người có thẩm quyền: {doc.signer.full_name}"),
                ("issuance", doc.issued_at or packaged_at.isoformat(timespec="seconds"),
                 f"Văn thư cấp số {doc.notation}, ngày {doc.issued_date:%d/%m/%Y}, ký số của {doc.organ_name}"),
                ("validation data extension", a.extended_at.isoformat(timespec="seconds"),
                 f"Bổ sung dữ liệu kiểm tra hiệu lực dài hạn (PAdES {a.level})"),
                ("packaging", packaged_at.isoformat(timespec="seconds"), f"Đóng gói lưu trữ {d.file_code}")):
            n += 1
            _event(root, n, kind, when, detail, fid)
    agent = _add(root, "agent")
    _identifier(agent, "local", AGENT, "agentIdentifier")
    _add(agent, "agentName", "thidua")
    _add(agent, "agentType", "software")
    return root
