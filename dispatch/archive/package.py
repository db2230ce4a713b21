"""One dossier as a zipped E-ARK CSIP package (spec 05 §3):

    <OBJID>/METS.xml
    <OBJID>/metadata/descriptive/EAD.xml, EAD_doc_001.xml, …   Circular 05/2025 fields
    <OBJID>/metadata/preservation/PREMIS.xml                     fixity and events
    <OBJID>/representations/rep1/METS.xml, data/001-….pdf         the signed PDF/A files
    <OBJID>/schemas/tt05-metadata.xsd, <OBJID>/documentation/README.txt

Every file is listed with its SHA-256 and size; the zip is written next to its target and renamed into place.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from importlib.resources import files
from pathlib import Path

from lxml import etree

from dispatch.archive import metadata, mets, premis
from dispatch.archive.dossier import Dossier
from dispatch.errors import ArchiveError
from generators.core.files import atomic_path, file_slug

XML = "text/xml"


def _xml(element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _readme(d: Dossier) -> bytes:
    lines = [f"Gói lưu trữ {d.file_code} ({d.notation}): {d.title}", f"Cơ quan: {d.organ_name} ({d.organ_id})",
             f"Số văn bản: {len(d.documents)}", "", "Văn bản:"]
    lines += [f"  {i:03d}. {a.record.notation} ngày {a.record.issued_date:%d/%m/%Y}: {a.record.subject} "
              f"(PAdES {a.level}, SHA-256 {a.sha256})" for i, a in enumerate(d.documents, 1)]
    lines += ["", "Cấu trúc theo E-ARK CSIP 2.1; siêu dữ liệu hồ sơ, văn bản theo Thông tư 05/2025/TT-BNV "
                  "(lược đồ của thidua trong schemas/); dữ liệu bảo quản PREMIS 3."]
    return ("\n".join(lines) + "\n").encode("utf-8")


def entries(d: Dossier, at: dt.datetime) -> list[mets.Entry]:
    """Every file of the package, METS.xml last; refuses metadata the circular's lengths do not allow."""
    problems = []
    ead = metadata.dossier_ead(d)
    problems += [f"EAD: {p}" for p in metadata.problems(ead)]
    descriptive = [("dmd-ead", mets.Entry("metadata/descriptive/EAD.xml", _xml(ead), XML))]
    for i in range(1, len(d.documents) + 1):
        doc = metadata.document_ead(d, i)
        problems += [f"EAD_doc_{i:03d} ({d.documents[i - 1].record.notation}): {p}" for p in metadata.problems(doc)]
        descriptive.append((f"dmd-doc-{i:03d}", mets.Entry(f"metadata/descriptive/EAD_doc_{i:03d}.xml", _xml(doc),
                                                           XML)))
    if problems:
        raise ArchiveError(f"Siêu dữ liệu hồ sơ {d.file_code} không đúng Thông tư 05/2025/TT-BNV: "
                           + "; ".join(problems[:5]) + ".")
    data = [(f"file-{i:03d}", mets.Entry(f"representations/rep1/data/{i:03d}-{file_slug(a.record.notation)}.pdf",
                                         a.data, "application/pdf")) for i, a in enumerate(d.documents, 1)]
    preservation = mets.Entry("metadata/preservation/PREMIS.xml", _xml(premis.premis(d, [f for f, _ in data], at)),
                              XML)
    readme = mets.Entry("documentation/README.txt", _readme(d), "text/plain")
    xsd = mets.Entry("schemas/tt05-metadata.xsd",
                     files("dispatch.archive").joinpath("schema/tt05-metadata.xsd").read_bytes(), XML)
    rep = mets.Entry("representations/rep1/METS.xml", _xml(mets.representation_mets(d.file_code, d.title, data, at)),
                     XML)
    root = mets.Entry("METS.xml", _xml(mets.package_mets(d.file_code, d.title, descriptive, preservation, readme,
                                                         [xsd], rep, at)), XML)
    return [e for _, e in descriptive] + [preservation, readme, xsd] + [e for _, e in data] + [rep, root]


def write_package(d: Dossier, folder: Path, at: dt.datetime) -> Path:
    target = Path(folder) / f"{file_slug(d.file_code)}.zip"
    with atomic_path(target) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for e in entries(d, at):
            zf.writestr(f"{d.file_code}/{e.path}", e.data)
    return target
