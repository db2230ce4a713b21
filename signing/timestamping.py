"""Document timestamps (RFC 3161, ETSI.RFC3161): the archive's proof that an issued file existed at a time.

One of the two updates permitted after issuance (with validation data, DSS): an invisible signature field
named ARCHIVE_TIMESTAMP_FIELD-n, appended in a revision of its own, holding only the TSA's token.
"""
from __future__ import annotations

from pathlib import Path

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers, timestamps
from pyhanko.sign.timestamps import TimestampRequestError

from generators.core.files import atomic_path
from signing.errors import DocumentStateError, SigningError
from signing.fields import ARCHIVE_TIMESTAMP_FIELD, ORG_FIELD


def next_timestamp_field(reader: PdfFileReader) -> str:
    names = {"".join(s.field_name) for s in reader.embedded_signatures}
    if ORG_FIELD not in names:
        raise DocumentStateError("Văn bản chưa có chữ ký của cơ quan, tổ chức (chưa ban hành): "
                                 "chỉ gắn dấu thời gian lưu trữ cho văn bản đã ban hành.")
    n = 1
    while f"{ARCHIVE_TIMESTAMP_FIELD}{n}" in names:
        n += 1
    return f"{ARCHIVE_TIMESTAMP_FIELD}{n}"


def timestamp_document(src: Path, dst: Path, tsa_url: str) -> str:
    """Append a document timestamp from the TSA at tsa_url to an issued PDF; returns the new field's name."""
    with open(src, "rb") as fh:
        writer = IncrementalPdfFileWriter(fh, strict=False)
        name = next_timestamp_field(writer.prev)
        stamper = signers.PdfTimeStamper(timestamps.HTTPTimeStamper(tsa_url), field_name=name)
        try:
            with atomic_path(dst) as tmp, open(tmp, "wb") as out:
                stamper.timestamp_pdf(writer, "sha256", output=out)
        except (TimestampRequestError, OSError) as exc:
            raise SigningError(f"Không lấy được dấu thời gian từ máy chủ {tsa_url} ({type(exc).__name__}); "
                               f"chưa ghi tệp {dst}.") from None
    return name
