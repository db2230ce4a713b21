"""What pyHanko does not check about a signed document's structure (spec 06, issue 8).

- Each signature's /ByteRange starts at 0, ends where a revision of the file
  ends, and the gap between its two ranges is exactly the hex string `<…>` whose
  bytes are the signature's /Contents. (pyHanko 0.38 assumes the hex form: a
  /Contents rewritten as a literal string frees bytes it still calls covered.)
- One signature per field; only thidua's own fields (signatures, number, dates).
- Every field and every annotation exists, with the same rectangle on the same
  page, from the first signature on: nothing is added between or after signatures.
- A signature's appearance is an image with a transparent background, or text:
  never an opaque painted box that could hide what is under it.
- After issuance only validation data (/DSS) and archive document timestamps
  (invisible fields LuuTruDauThoiGian<n>, each a /DocTimeStamp) may be appended.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pikepdf

from signing.fields import (ARCHIVE_TIMESTAMP_FIELD, DAY, LEADER_FIELD, MONTH, NUMBER, ORG_FIELD, REFERENCE,
                            SECRETARY_FIELD)

SIGNATURE_FIELDS = {LEADER_FIELD, SECRETARY_FIELD, ORG_FIELD}
_TEXT_FIELD = re.compile(rf"(PhuLuc\d+_)?({NUMBER}|{DAY}|{MONTH})|PhuLuc\d+_{REFERENCE}\d+")
_TIMESTAMP_FIELD = re.compile(rf"{ARCHIVE_TIMESTAMP_FIELD}[1-9]\d{{0,2}}")
_REVISION_END = re.compile(rb"%%EOF(\r\n|\r|\n)?$")
_HEX = re.compile(rb"[0-9A-Fa-f]*")
# Painting a filled area: an opaque box in a signature's appearance could cover the page or another signature.
_FILL_OPERATORS = {"f", "F", "f*", "B", "B*", "b", "b*", "sh"}


@dataclass(frozen=True)
class SignatureSpan:
    field: str
    byte_range: tuple[int, ...]
    contents: bytes
    timestamp: bool = False  # a document timestamp (/DocTimeStamp), not a person's or an agency's signature

    @classmethod
    def of(cls, sig) -> "SignatureSpan":
        """From a pyHanko embedded signature ("".join: its strings are str subclasses holding the reader)."""
        return cls("".join(sig.field_name), tuple(int(x) for x in sig.sig_object["/ByteRange"]),
                   bytes(sig.sig_object["/Contents"]), sig.sig_object.get("/Type") == "/DocTimeStamp")

    @property
    def end(self) -> int:
        return self.byte_range[2] + self.byte_range[3]


def byte_range_problems(data: bytes, span: SignatureSpan) -> list[str]:
    br = span.byte_range
    if len(br) != 4:
        return [f"chữ ký «{span.field}»: /ByteRange không gồm đúng 4 số."]
    a, b, c, d = br
    if a != 0 or not (0 < b < c) or d < 0 or c + d > len(data):
        return [f"chữ ký «{span.field}»: /ByteRange {list(br)} không bắt đầu từ đầu tệp hoặc vượt quá tệp."]
    problems = []
    gap = data[b:c]
    inner = gap[1:-1]
    if not (gap[:1] == b"<" and gap[-1:] == b">" and _HEX.fullmatch(inner) and len(inner) % 2 == 0):
        problems.append(f"chữ ký «{span.field}»: phần giữa hai vùng được ký không phải chuỗi hex của /Contents "
                        f"(có thể đã bị sửa để chèn nội dung không được ký).")
    elif bytes.fromhex(inner.decode()).rstrip(b"\0") != span.contents.rstrip(b"\0"):
        problems.append(f"chữ ký «{span.field}»: chuỗi hex giữa hai vùng được ký khác giá trị /Contents.")
    if not _REVISION_END.search(data[max(0, c + d - 8):c + d]):
        problems.append(f"chữ ký «{span.field}»: vùng được ký không kết thúc ở cuối một phiên bản của tệp.")
    return problems


def _rect(obj) -> tuple[float, ...]:
    return tuple(round(float(v), 1) for v in obj.get("/Rect", []))


def is_archive_timestamp(field) -> bool:
    """An archive timestamp's field: its name, a /DocTimeStamp value, an invisible (zero) rectangle."""
    value = field.get("/V")
    return (isinstance(field, pikepdf.Dictionary) and bool(_TIMESTAMP_FIELD.fullmatch(str(field.get("/T", ""))))
            and field.get("/FT") == "/Sig" and isinstance(value, pikepdf.Dictionary)
            and value.get("/Type") == "/DocTimeStamp" and not any(_rect(field)))


def _annotations(pdf: pikepdf.Pdf) -> list[tuple]:
    out = []
    for i, page in enumerate(pdf.pages):
        for annot in page.obj.get("/Annots", []):
            if is_archive_timestamp(annot):
                continue
            name = str(annot.get("/T", "")) or str(annot.get("/Parent", {}).get("/T", ""))
            out.append((i, str(annot.get("/Subtype", "")), name, _rect(annot)))
    return sorted(out)


def _fields(pdf: pikepdf.Pdf) -> dict[str, tuple]:
    form = pdf.Root.get("/AcroForm")
    out = {}
    for f in (form.get("/Fields", []) if form is not None else []):
        if is_archive_timestamp(f):
            continue
        name = str(f.get("/T", ""))
        if name in out:
            out[name + "#duplicate"] = ()
        out[name] = (str(f.get("/FT", "")), _rect(f))
    return out


def _appearance_problems(stream, field: str, depth: int = 0) -> list[str]:
    if depth > 4:
        return [f"chữ ký «{field}»: hình hiển thị lồng nhau quá sâu."]
    problems = []
    try:
        ops = pikepdf.parse_content_stream(stream)
    except Exception:
        return [f"chữ ký «{field}»: không đọc được hình hiển thị của chữ ký."]
    xobjects = stream.get("/Resources", {}).get("/XObject", {})
    for operands, operator in ops:
        op = str(operator)
        if op in _FILL_OPERATORS:
            problems.append(f"chữ ký «{field}»: hình hiển thị tô một vùng đặc (có thể che nội dung bên dưới).")
            break
        if op == "Do" and operands:
            x = xobjects.get(str(operands[0]))
            if x is None:
                continue
            if x.get("/Subtype") == "/Image" and "/SMask" not in x and "/Mask" not in x:
                problems.append(f"chữ ký «{field}»: hình ảnh của chữ ký không có nền trong suốt (có thể che nội dung).")
            elif x.get("/Subtype") == "/Form":
                problems += _appearance_problems(x, field, depth + 1)
    return problems


def structure_problems(data: bytes, spans: list[SignatureSpan]) -> list[str]:
    """Every structural problem of a signed file, in Vietnamese; [] when thidua's rules hold."""
    problems: list[str] = []
    names = [s.field for s in spans]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(f"trường «{name}» mang nhiều hơn một chữ ký.")
    for span in spans:
        problems += byte_range_problems(data, span)
    problems += _timestamp_order_problems(spans)
    spans = [s for s in spans if not s.timestamp]
    if problems or not spans:
        return problems
    try:
        final = pikepdf.open(io.BytesIO(data))
        first_end = min(s.end for s in spans)
        first = pikepdf.open(io.BytesIO(data[:first_end]))
    except Exception:
        return ["không đọc được cấu trúc tệp PDF."]
    with final, first:
        fields = _fields(final)
        for name, (kind, _) in sorted(fields.items()):
            if not ((kind == "/Sig" and name in SIGNATURE_FIELDS) or (kind == "/Tx" and _TEXT_FIELD.fullmatch(name))):
                problems.append(f"trường «{name}» không phải trường ký, số hoặc ngày của văn bản.")
        if fields != _fields(first):
            added = sorted(set(fields) - set(_fields(first)))
            problems.append("các trường đã bị thêm hoặc di chuyển sau chữ ký đầu tiên"
                            + (f": {', '.join(added)}." if added else "."))
        if _annotations(final) != _annotations(first):
            problems.append("chú thích (annotation) đã bị thêm, bỏ hoặc di chuyển sau chữ ký đầu tiên.")
        form = final.Root.get("/AcroForm")
        for f in (form.get("/Fields", []) if form is not None else []):
            name = str(f.get("/T", ""))
            ap = f.get("/AP")
            if name in SIGNATURE_FIELDS and ap is not None and "/N" in ap:
                problems += _appearance_problems(ap["/N"], name)
    return problems


def _timestamp_order_problems(spans: list[SignatureSpan]) -> list[str]:
    """Archive timestamps are named so, and come after issuance: after the agency's signature, after every
    signature of a person or agency."""
    problems = []
    for span in spans:
        if span.timestamp != bool(_TIMESTAMP_FIELD.fullmatch(span.field)):
            problems.append(f"trường «{span.field}» chứa "
                            + ("dấu thời gian nhưng không phải trường dấu thời gian lưu trữ."
                               if span.timestamp else "chữ ký nhưng có tên dành cho dấu thời gian lưu trữ."))
    stamps, signatures = [s for s in spans if s.timestamp], [s for s in spans if not s.timestamp]
    if stamps and not any(s.field == ORG_FIELD for s in signatures):
        problems.append("văn bản có dấu thời gian lưu trữ nhưng chưa có chữ ký của cơ quan, tổ chức (chưa ban hành).")
    elif stamps and signatures and min(s.end for s in stamps) <= max(s.end for s in signatures):
        problems.append("dấu thời gian lưu trữ được gắn trước chữ ký cuối cùng của văn bản.")
    return problems


# An incremental update rewrites the XMP packet's modification dates; nothing else of it may change.
_XMP_DATES = re.compile(rb"<xmp:(ModifyDate|MetadataDate)>[^<]*</xmp:\1>|xmp:(ModifyDate|MetadataDate)=\"[^\"]*\"")


def _fingerprint(obj) -> bytes:
    if isinstance(obj, pikepdf.Stream):
        if obj.stream_dict.get("/Type") == "/Metadata":
            return _XMP_DATES.sub(b"", obj.read_bytes())
        return obj.stream_dict.unparse() + b"|" + obj.read_raw_bytes()
    return obj.unparse()


def _reachable(pdf: pikepdf.Pdf, skip_dss: bool) -> dict[tuple[int, int], bytes]:
    """Every indirect object reachable from the catalog (without its /DSS), by number, with its bytes."""
    seen: dict[tuple[int, int], bytes] = {}
    stack = [pdf.Root]
    while stack:
        obj = stack.pop()
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream, pikepdf.Array)):
            if obj.is_indirect:
                key = obj.objgen
                if key in seen:
                    continue
                seen[key] = b"" if key == pdf.Root.objgen else _fingerprint(obj)
            items = obj.as_list() if isinstance(obj, pikepdf.Array) else [
                v for k, v in (obj.stream_dict.items() if isinstance(obj, pikepdf.Stream) else obj.items())
                if not (skip_dss and obj.objgen == pdf.Root.objgen and k == "/DSS")]
            stack.extend(items)
    return seen


def _without_archive_timestamps(pdf: pikepdf.Pdf) -> None:
    """Take the archive timestamps' fields out of the form and their widgets out of the pages (in memory)."""
    form = pdf.Root.get("/AcroForm")
    holders = [form] if form is not None else []
    holders += [page.obj for page in pdf.pages]
    for holder in holders:
        key = "/Fields" if holder is form else "/Annots"
        items = holder.get(key)
        if not isinstance(items, pikepdf.Array):
            continue
        kept = [x for x in items if not is_archive_timestamp(x)]
        if len(kept) != len(items):
            if kept or holder is form:
                holder[key] = pikepdf.Array(kept)
            else:
                del holder[key]


def post_issuance_problems(data: bytes, signed_end: int) -> list[str]:
    """What was appended after the last signature: only validation data (a /DSS in the catalog) and archive
    document timestamps are permitted.

    With the timestamps' fields and widgets taken out, everything reachable from the catalog but its /DSS
    must be exactly as the last signature signed it, and the catalog may differ only by /DSS.
    """
    if signed_end >= len(data):
        return []
    try:
        with pikepdf.open(io.BytesIO(data[:signed_end])) as signed, pikepdf.open(io.BytesIO(data)) as final:
            root_signed = {k: v.unparse() if hasattr(v, "unparse") else repr(v) for k, v in signed.Root.items()}
            root_final = {k: v.unparse() if hasattr(v, "unparse") else repr(v) for k, v in final.Root.items()
                          if k != "/DSS"}
            if root_signed != root_final:
                return ["sau chữ ký cuối, danh mục gốc của tệp đã bị sửa ngoài dữ liệu kiểm tra hiệu lực (DSS)."]
            added = {o.objgen for o in final.objects if o.is_indirect} - {o.objgen for o in signed.objects
                                                                          if o.is_indirect}
            if added - set(_reachable(final, skip_dss=False)):
                return ["sau chữ ký cuối, tệp có thêm đối tượng không thuộc dữ liệu kiểm tra hiệu lực (DSS) "
                        "hay dấu thời gian lưu trữ."]
            _without_archive_timestamps(final)
            if _reachable(signed, skip_dss=False) != _reachable(final, skip_dss=True):
                return ["sau chữ ký cuối, nội dung của tệp đã bị thay đổi (chỉ được thêm dữ liệu kiểm tra hiệu lực "
                        "và dấu thời gian lưu trữ)."]
    except Exception:
        return ["không đọc được phần thêm vào sau chữ ký cuối."]
    return []
