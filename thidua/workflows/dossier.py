"""The commendation dossier of a round: minutes (BB), proposal (TTr), decision (QĐ), each signed and issued.

Order as in practice: the council meets (BB), Sở Nội vụ proposes citing the minutes'
number and date (TTr), the chairman decides citing the proposal's (QĐ): each is
drafted only once the one it cites is issued.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from dispatch.record import IssuedDocument
from dispatch.register import open_register
from generators.commendation.contexts import bb_context, council_unit, qd_context, ttr_context
from generators.core.clock import VN
from generators.core.files import inside
from generators.core.model import Province, Signer
from generators.documents.convert import Converter
from generators.documents.draft import Draft
from generators.documents.pdf_normalize import normalize_pdf
from generators.documents.render import render_docx, template_path
from signing import fields
from signing.keys import Pkcs12Key, load_pkcs12
from signing.testpki.layout import PkiLayout
from signing.testpki.pki import Subject
from thidua.workflows.issuing import verified, with_draft
from thidua.workflows.office import expected_of, issue_as_office, sign_as_leader, sign_with_fields

CHAIR_KEY, SECRETARY_KEY = "HDTDKT-CHU-TOA", "HDTDKT-THU-KY"


def council_people(rnd) -> list[Subject]:
    meta = rnd.meta["council"]
    return [Subject(CHAIR_KEY, meta["chair"], meta["name"], meta["place"]),
            Subject(SECRETARY_KEY, meta["secretary"], meta["name"], meta["place"])]


def render_draft(kind: str, unit_code: str, title: str, ctx: dict, folder: Path, day: dt.date, author: str) -> Draft:
    """One document of the dossier as DOCX, dated (and named) by its day."""
    base = inside(folder, f"{kind.replace('Đ', 'D')}-{day.year}-{unit_code.replace('Đ', 'D')}")
    doc = Draft(kind, unit_code, title, base.with_suffix(".docx"), base.with_suffix(".pdf"),
                dt.datetime.combine(day, dt.time(8, 0), VN))
    render_docx(template_path(kind), ctx, doc.docx, title=title, author=author, created=doc.created)
    return doc


def convert_drafts(docs: list[Draft], converter: Converter) -> None:
    """One LibreOffice batch for the documents drafted together."""
    converter.convert([(d.docx, d.pdf) for d in docs])
    for d in docs:
        normalize_pdf(d.pdf, d.created)


def produce(province: Province, rnd, out_dir: Path, layout: PkiLayout, register: str | Path, password: bytes,
            converter: Converter | None = None) -> list[IssuedDocument]:
    """BB, TTr and QĐ drafted, signed, issued and verified, in that order; their records."""
    converter = converter or Converter()
    folder = Path(out_dir) / str(rnd.year) / "khen-thuong"
    key = lambda p: load_pkcs12(Pkcs12Key(p), password)  # noqa: E731
    board, decider = province.unit(rnd.meta["board"]), province.unit(rnd.meta["decider"])
    council = council_unit(province, rnd)
    council = council.__class__(**{**council.__dict__, "leader": Signer(rnd.council.chair)})
    register = open_register(register)
    results = []

    def finish(doc: Draft, unit, org_code: str, signed: Path, day: dt.date) -> IssuedDocument:
        sealing = province.unit(org_code)
        entry = issue_as_office(unit, signed, doc.issued_pdf, register, key(layout.org_p12(org_code)),
                                layout.seal_image(org_code), day, kind=doc.kind, sealing_unit=sealing)
        results.append(with_draft(verified(entry, [layout.root], expected_of(unit, sealing)), doc))
        return entry

    try:
        # Each document cites the one before it by number and date: minutes, then proposal, then decision.
        bb = render_draft("BB", council.abbr, f"Biên bản họp {rnd.council.name} năm {rnd.year}", bb_context(province, rnd),
                     folder, rnd.date("minutes"), council.name)
        convert_drafts([bb], converter)

        # Minutes: the secretary and the chair sign; issued under the council's ký hiệu with the committee's seal.
        day = rnd.date("minutes")
        signed = bb.signed_pdf
        sign_with_fields(bb.pdf, signed, rnd.council.chair, ["CHỦ TỌA"], decider.kind.seal_mm, council.place, [
            (fields.SECRETARY_FIELD, rnd.council.secretary, key(layout.leader_p12(SECRETARY_KEY)),
             layout.signature_image(SECRETARY_KEY)),
            (fields.LEADER_FIELD, rnd.council.chair, key(layout.leader_p12(CHAIR_KEY)),
             layout.signature_image(CHAIR_KEY))],
            others=[(fields.SECRETARY_FIELD, rnd.council.secretary, ["THƯ KÝ"])])
        bb_entry = finish(bb, council, decider.code, signed, day)

        # Proposal by Sở Nội vụ, citing the minutes.
        day = rnd.date("proposal")
        ttr = render_draft("TTr", board.code, f"Tờ trình đề nghị khen thưởng năm {rnd.year}",
                      ttr_context(province, rnd, bb_entry.notation, bb_entry.issued_date), folder, day, board.name)
        convert_drafts([ttr], converter)
        signed = ttr.signed_pdf
        sign_as_leader(board, ttr.pdf, signed, key(layout.leader_p12(board.code)), layout.signature_image(board.code),
                       kind=ttr.kind)
        ttr_entry = finish(ttr, board, board.code, signed, day)

        # Decision, citing the proposal's number and date.
        day = rnd.date("decision")
        qd = render_draft("QĐ", decider.code, f"Quyết định khen thưởng năm {rnd.year}",
                     qd_context(province, rnd, ttr_entry.notation, ttr_entry.issued_date), folder, day, decider.name)
        convert_drafts([qd], converter)
        signed = qd.signed_pdf
        sign_as_leader(decider, qd.pdf, signed, key(layout.leader_p12(decider.code)),
                       layout.signature_image(decider.code), kind=qd.kind)
        finish(qd, decider, decider.code, signed, day)
    finally:
        register.close()
    return results
