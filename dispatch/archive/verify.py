"""Verifying an archival package offline: structure, checksums, metadata, every signature, PDF/A properties.

The report says what was checked and what was not; `ok` only when nothing checked failed.
"""
from __future__ import annotations

import hashlib
import posixpath
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from dispatch.archive import metadata, pdfa
from dispatch.archive.mets import METS, XLINK
from signing.ltv import validate_long_term
from signing.verify import PASSED, verify

MAX_MEMBER = 500 * 1024 * 1024  # bytes uncompressed per file
M = f"{{{METS}}}"
HREF = f"{{{XLINK}}}href"


@dataclass
class ArchiveReport:
    package: str
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    not_checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _parse(data: bytes, name: str, report: ArchiveReport):
    try:
        return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError as exc:
        report.problems.append(f"{name}: không phải XML hợp lệ ({exc.msg}).")
        return None


def _listed(root, base: str) -> dict[str, tuple[str, int]]:
    """href (as a package path) → (SHA-256, size) for every file and metadata reference of a METS document."""
    out = {}
    for el in root.iter(f"{M}file", f"{M}mdRef"):
        href = el.get(HREF) if el.tag == f"{M}mdRef" else next(
            (f.get(HREF) for f in el.iter(f"{M}FLocat")), None)
        if href:
            out[posixpath.normpath(posixpath.join(base, href))] = (el.get("CHECKSUM", ""), int(el.get("SIZE", "-1")))
    return out


def _members(zf: zipfile.ZipFile, report: ArchiveReport) -> tuple[str, dict[str, bytes]]:
    tops = {n.split("/", 1)[0] for n in zf.namelist()}
    if len(tops) != 1:
        report.problems.append("gói phải có đúng một thư mục gốc.")
        return "", {}
    top = tops.pop()
    members = {}
    for info in zf.infolist():
        name = info.filename
        rel = name[len(top) + 1:]
        if info.is_dir():
            continue
        if name.startswith("/") or ".." in name.split("/") or info.file_size > MAX_MEMBER:
            report.problems.append(f"{name}: đường dẫn hoặc kích thước không được chấp nhận.")
            continue
        members[rel] = zf.read(info)
    return top, members


def verify_package(path: Path, trust_roots: list[Path]) -> ArchiveReport:
    report = ArchiveReport(str(path))
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        report.problems.append(f"không mở được tệp nén ({exc}).")
        return report
    with zf:
        top, members = _members(zf, report)
    if "METS.xml" not in members:
        report.problems.append("thiếu METS.xml ở thư mục gốc của gói.")
        return report
    root = _parse(members["METS.xml"], "METS.xml", report)
    if root is None:
        return report
    if root.get("OBJID") != top:
        report.problems.append(f"METS.xml: OBJID «{root.get('OBJID')}» khác tên thư mục gốc «{top}».")
    listed = _listed(root, "")
    for href in [h for h in listed if h.endswith("METS.xml")]:
        if href in members:
            rep = _parse(members[href], href, report)
            if rep is not None:
                listed.update(_listed(rep, posixpath.dirname(href)))
    _integrity(members, listed, report)
    _metadata(members, report)
    _documents(members, trust_roots, report)
    report.not_checked += [pdfa.NOT_CHECKED, "METS and PREMIS against their XML schemas (not shipped offline); the "
                           "E-ARK CSIP rules are run by eark-validator in the tests",
                           "that the dossier's documents are all the agency's documents of the dossier"]
    return report


def _integrity(members: dict[str, bytes], listed: dict, report: ArchiveReport) -> None:
    for href, (checksum, size) in sorted(listed.items()):
        if href not in members:
            report.problems.append(f"thiếu tệp {href} (METS có ghi).")
            continue
        data = members[href]
        if hashlib.sha256(data).hexdigest() != checksum.lower():
            report.problems.append(f"{href}: giá trị băm SHA-256 không khớp với METS.")
        if len(data) != size:
            report.problems.append(f"{href}: kích thước {len(data)} byte, METS ghi {size}.")
    for name in sorted(set(members) - set(listed) - {"METS.xml"}):
        report.problems.append(f"tệp {name} không có trong METS.")
    report.checked.append(f"toàn vẹn: {len(listed)} tệp có trong METS, giá trị băm SHA-256 và kích thước")


def _metadata(members: dict[str, bytes], report: ArchiveReport) -> None:
    names = sorted(n for n in members if n.startswith("metadata/descriptive/") and n.endswith(".xml"))
    if "metadata/descriptive/EAD.xml" not in names:
        report.problems.append("thiếu siêu dữ liệu hồ sơ metadata/descriptive/EAD.xml.")
    for name in names:
        el = _parse(members[name], name, report)
        if el is not None:
            report.problems += [f"{name}: {p}" for p in metadata.problems(el)]
    report.checked.append(f"siêu dữ liệu: {len(names)} tệp EAD, EAD_doc theo trường và độ dài của Thông tư 05/2025")


def _documents(members: dict[str, bytes], trust_roots: list[Path], report: ArchiveReport) -> None:
    pdfs = sorted(n for n in members if n.startswith("representations/") and n.endswith(".pdf"))
    if not pdfs:
        report.problems.append("gói không có văn bản PDF nào.")
    with tempfile.TemporaryDirectory(prefix="thidua-luu-tru-") as work:
        for name in pdfs:
            data = members[name]
            report.problems += [f"{name}: {p}" for p in pdfa.pdfa_problems(data)]
            pdf = Path(work) / "van-ban.pdf"
            pdf.write_bytes(data)
            structure = verify(pdf, trust_roots)
            if structure.indication != PASSED:
                report.problems.append(f"{name}: chữ ký số không hợp lệ ({structure.indication}"
                                       f"{' / ' + structure.sub_indication if structure.sub_indication else ''}).")
            long_term = validate_long_term(pdf, trust_roots)
            if not long_term.ok:
                report.problems.append(f"{name}: không chứng minh được hiệu lực dài hạn từ dữ liệu nhúng ("
                                       + ", ".join(f"{f}: {v}" for f, v in long_term.signatures) + ").")
    report.checked.append(f"chữ ký số: {len(pdfs)} văn bản, tại thời điểm ký, chỉ với dữ liệu kiểm tra hiệu lực nhúng "
                          f"trong tệp (không truy cập mạng, bắt buộc kiểm tra thu hồi); cấu trúc sau chữ ký cuối")
    report.checked.append("PDF/A kiểm tra được ngoại tuyến: đầu tệp, không mã hóa, không JavaScript, XMP pdfaid 2B, "
                          "OutputIntent, phông chữ nhúng")
