"""Status packages (QCVN 102 MessageStatus): the receiver's answer to a document package."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dispatch.edxml.config import EdxmlConfig
from dispatch.edxml.envelope import NSMAP, Business, Header, _add, _organ, _read_organ, _text, parse_date, \
    signature_placeholder, skeleton, trace
from dispatch.edxml.organs import Organ

ARRIVED, REFUSED, REGISTERED = "01", "02", "03"
MEANING = {"01": "đã đến", "02": "bị từ chối", "03": "đã tiếp nhận và vào sổ", "04": "đã phân công xử lý",
           "05": "đang xử lý", "06": "đã hoàn thành", "13": "đề nghị thu hồi", "15": "đồng ý thu hồi hoặc cập nhật",
           "16": "từ chối thu hồi hoặc cập nhật"}


@dataclass(frozen=True)
class Status:
    answers: Header
    """The header of the document package it answers (its sender, code, date and DocumentId)."""
    sender: Organ
    """Who answers: the receiving organisation."""
    code: str
    description: str
    timestamp: dt.datetime
    staff: str = ""
    department: str = ""


def build(status: Status, config: EdxmlConfig):
    root, head, _ = skeleton()
    ms = _add(head, "MessageStatus")
    rf = _add(ms, "ResponseFor")
    _add(rf, "OrganId", status.answers.sender.organ_id)
    _add(rf, "Code", status.answers.notation)
    _add(rf, "PromulgationDate", status.answers.promulgation_date.strftime(config.date_format))
    _add(rf, "DocumentId", status.answers.document_id)
    _organ(ms, "From", status.sender)
    _add(ms, "StatusCode", status.code)
    _add(ms, "Description", status.description[:500])
    _add(ms, "Timestamp", status.timestamp.strftime(config.timestamp_format))
    if status.staff or status.department:
        staff = _add(ms, "StaffInfo")
        if status.department:
            _add(staff, "Department", status.department)
        if status.staff:
            _add(staff, "Staff", status.staff)
    trace(head, status.sender.organ_id, status.timestamp.strftime(config.timestamp_format), Business())
    signature_placeholder(head)
    return root


@dataclass(frozen=True)
class StatusRead:
    organ_id: str
    code_answered: str
    document_id: str
    promulgation_date: dt.date
    sender: Organ
    code: str
    description: str
    timestamp: str


def read(root, config: EdxmlConfig) -> StatusRead | None:
    """The status of a checked package, or None when it is a document package."""
    ms = root.find("edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:MessageStatus", NSMAP)
    if ms is None:
        return None
    return StatusRead(organ_id=_text(ms, "edXML:ResponseFor/edXML:OrganId"),
                      code_answered=_text(ms, "edXML:ResponseFor/edXML:Code"),
                      document_id=_text(ms, "edXML:ResponseFor/edXML:DocumentId"),
                      promulgation_date=parse_date(_text(ms, "edXML:ResponseFor/edXML:PromulgationDate"), config),
                      sender=_read_organ(ms.find("edXML:From", NSMAP)), code=_text(ms, "edXML:StatusCode"),
                      description=_text(ms, "edXML:Description"), timestamp=_text(ms, "edXML:Timestamp"))
