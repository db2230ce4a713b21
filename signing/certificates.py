"""Signing an award certificate: the leader's visible signature above the printed name, then the organisation's
with its seal over the left third of it, locking the document (FieldMDP). A certificate carries the decision's
number and date already: no number or date field, no register entry."""
from __future__ import annotations

import os
from pathlib import Path

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.fields import FieldMDPAction, FieldMDPSpec, SigFieldSpec, append_signature_field

from signing.errors import DocumentStateError
from signing.fields import LEADER_FIELD, ORG_FIELD, existing_fields
from signing.pades import SignatureRequest, sign_file
from signing.placement import lines_of, read_words, signature_boxes

LEADER_REASON = "Ký tặng"
SEAL_REASON = "Đóng dấu"


def prepare_certificate(src: Path, dst: Path, signer_name: str, title_lines: list[str], seal_mm: float) -> None:
    """The two signature fields, placed from the certificate's own text (an incremental update)."""
    words, sizes = read_words(src)
    sig, seal = signature_boxes(lines_of(words), sizes, Path(src).name, signer_name, title_lines, seal_mm, (60, 24))
    with open(src, "rb") as fh:
        writer = IncrementalPdfFileWriter(fh, strict=False)
        if writer.prev.embedded_signatures or existing_fields(writer.prev):
            raise DocumentStateError(f"{Path(src).name} đã có trường ký hoặc chữ ký.")
        append_signature_field(writer, SigFieldSpec(LEADER_FIELD, on_page=sig.page, box=sig.rect()))
        append_signature_field(writer, SigFieldSpec(ORG_FIELD, on_page=seal.page, box=seal.rect(),
                                                    field_mdp_spec=FieldMDPSpec(FieldMDPAction.ALL)))
        with open(dst, "wb") as out:
            writer.write(out)


def sign_certificate(src: Path, dst: Path, *, signer_name: str, title_lines: list[str], seal_mm: float,
                     location: str, organisation: str, leader, signature_image: Path | None, office,
                     seal_image: Path | None, tsa_url: str | None = None) -> None:
    """Fields, the leader's signature, then the organisation's seal signature, each its own incremental update;
    `dst` appears only when all three steps succeeded."""
    dst = Path(dst)
    fields_tmp = dst.with_name(f".{dst.name}.{os.getpid()}.fields")
    leader_tmp = dst.with_name(f".{dst.name}.{os.getpid()}.leader")
    try:
        prepare_certificate(src, fields_tmp, signer_name, title_lines, seal_mm)
        sign_file(fields_tmp, leader_tmp, SignatureRequest(LEADER_FIELD, LEADER_REASON, location, signer_name,
                                                           signature_image, tsa_url), leader)
        sign_file(leader_tmp, dst, SignatureRequest(ORG_FIELD, SEAL_REASON, location, organisation, seal_image,
                                                    tsa_url), office)
    finally:
        fields_tmp.unlink(missing_ok=True)
        leader_tmp.unlink(missing_ok=True)
