"""Award certificates of an issued decision: one per awardee, batch-converted, as one PDF for the printer and as
a signed PDF per awardee (the chairman's signature and the committee's seal), each verified."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfWriter

from dispatch.record import IssuedDocument
from generators.commendation.certificates import certificate_contexts, load_certificates
from generators.core.clock import VN
from generators.core.files import atomic_path, inside
from generators.core.model import Province
from generators.core.resources import templates_folder
from generators.documents.convert import Converter
from generators.documents.pdf_normalize import normalize_pdf
from generators.documents.render import CERTIFICATE_TEMPLATE, render_docx
from signing.certificates import sign_certificate
from signing.keys import Pkcs12Key, load_pkcs12
from signing.testpki.layout import PkiLayout
from signing.verify import verify

FOLDER = "bang-khen"


@dataclass
class Certificate:
    name: str  # the awardee
    pdf: Path  # unsigned PDF/A
    signed: Path
    indication: str = ""


@dataclass
class CertificateBatch:
    printed: Path  # every certificate in one PDF, in the decision's order, for the printer
    certificates: list[Certificate] = field(default_factory=list)
    not_printed: list[str] = field(default_factory=list)  # awards with no certificate (a Cờ thi đua)


def produce(province: Province, rnd, decision: IssuedDocument, data_dir: Path, out_dir: Path, layout: PkiLayout,
            password: bytes, converter: Converter | None = None) -> CertificateBatch:
    config = load_certificates(data_dir)
    contexts, none = certificate_contexts(province, rnd, config, decision.notation, decision.issued_date)
    folder = inside(out_dir, str(rnd.year), "khen-thuong", FOLDER)
    created = dt.datetime.combine(decision.issued_date, dt.time(10, 0), VN)
    decider = province.unit(rnd.meta["decider"])
    batch = CertificateBatch(folder / f"bang-khen-{rnd.year}-in.pdf", not_printed=none)
    docs = []
    for ctx in contexts:
        docx = folder / f"BK-{rnd.year}-{ctx['slug']}.docx"
        render_docx(templates_folder() / CERTIFICATE_TEMPLATE, ctx, docx, title=f"{ctx['title']} - {ctx['name']}",
                    author=decider.name, created=created, page_mm=config.page_mm)
        docs.append((docx, docx.with_suffix(".pdf"), ctx))
    (converter or Converter()).convert([(d, p) for d, p, _ in docs])
    writer = PdfWriter()
    for _, pdf, _ in docs:
        normalize_pdf(pdf, created)
        writer.append(str(pdf))
    with atomic_path(batch.printed) as tmp, open(tmp, "wb") as out:
        writer.write(out)
    leader = load_pkcs12(Pkcs12Key(layout.leader_p12(decider.code)), password)
    office = load_pkcs12(Pkcs12Key(layout.org_p12(decider.code)), password)
    for _, pdf, ctx in docs:
        signed = pdf.with_name(pdf.stem + ".signed.pdf")
        sign_certificate(pdf, signed, signer_name=ctx["signer_name"], title_lines=ctx["signature_lines"],
                         seal_mm=decider.kind.seal_mm, location=decider.place, organisation=decider.name,
                         leader=leader, signature_image=layout.signature_image(decider.code), office=office,
                         seal_image=layout.seal_image(decider.code))
        report = verify(signed, [layout.root])
        batch.certificates.append(Certificate(ctx["name"], pdf, signed, report.indication))
    return batch
