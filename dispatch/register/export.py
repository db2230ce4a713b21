"""The registers as printable books (Decree 30/2020, Appendix IV): the outgoing register's 10 columns and the
incoming register's 9, with the cover's first and last dates and numbers. Writing them is `generators`' job."""
from __future__ import annotations

import datetime as dt

from dispatch.record import IssuedDocument, ReceivedDocument, format_number
from generators.core.book import Book

OUTGOING = "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
INCOMING = "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"
OUTGOING_COLUMNS = ("Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản",
                    "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển",
                    "Ký nhận", "Ghi chú")
OUTGOING_WIDTHS = (26, 22, 50, 28, 34, 22, 14, 20, 24, 12)  # mm, 252 in all: landscape A4 within the margins
INCOMING_COLUMNS = ("Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu nội dung",
                    "Đơn vị hoặc người nhận", "Ký nhận", "Ghi chú")
INCOMING_WIDTHS = (22, 14, 40, 28, 22, 62, 28, 20, 16)


def _day(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def outgoing_row(doc: IssuedDocument) -> tuple[str, ...]:
    return (doc.notation, _day(doc.issued_date), doc.subject, doc.signer.full_name, "\n".join(doc.recipients),
            doc.file_copy, str(doc.copies), _day(doc.dispatched_date), "\n".join(doc.receipts), doc.description)


def outgoing_book(entries: list[IssuedDocument], agency: tuple[str, ...], year: int, place: str = "") -> Book:
    """`entries`: one issuer's year, in number order."""
    cover = ()
    if entries:
        first, last = entries[0], entries[-1]
        dates = sorted(d.issued_date for d in entries)
        cover = (f"Từ ngày {_day(dates[0])} đến ngày {_day(dates[-1])}",
                 f"Từ số {first.notation} đến số {last.notation}")
    return Book(agency, OUTGOING, year, cover, OUTGOING_COLUMNS, OUTGOING_WIDTHS,
                tuple(outgoing_row(d) for d in entries), place)


def incoming_row(doc: ReceivedDocument) -> tuple[str, ...]:
    received = dt.datetime.fromisoformat(doc.received_at)
    return (_day(received.date()), format_number(doc.number), doc.sender_name, doc.notation, _day(doc.issued_date),
            f"{doc.type_name}: {doc.subject}" if doc.type_name and not doc.subject.startswith(doc.type_name)
            else doc.subject, "", "", doc.note)


def incoming_book(entries: list[ReceivedDocument], agency: tuple[str, ...], year: int, place: str = "") -> Book:
    cover = ()
    if entries:
        days = sorted(dt.datetime.fromisoformat(e.received_at).date() for e in entries)
        cover = (f"Từ ngày {_day(days[0])} đến ngày {_day(days[-1])}",
                 f"Từ số {format_number(entries[0].number)} đến số {format_number(entries[-1].number)}")
    return Book(agency, INCOMING, year, cover, INCOMING_COLUMNS, INCOMING_WIDTHS,
                tuple(incoming_row(d) for d in entries), place)
