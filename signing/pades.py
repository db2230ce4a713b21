"""PAdES signatures (ETSI.CAdES.detached, SHA-256) in an existing field, with a visible image."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
from pyhanko.sign import fields, signers, timestamps
from pyhanko.stamp import StaticStampStyle


@dataclass(frozen=True)
class SignatureRequest:
    field: str
    reason: str  # e.g. "Ký ban hành", "Phát hành"
    location: str
    name: str
    image: Path | None = None  # transparent PNG shown in the field
    tsa_url: str | None = None  # RFC 3161 time-stamping authority, when configured


def image_style(image: Path) -> StaticStampStyle:
    return StaticStampStyle(
        background=PdfImage(str(image)), border_width=0, background_opacity=1.0,
        background_layout=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MID,
                                              margins=Margins.uniform(0),
                                              inner_content_scaling=InnerScaling.SHRINK_TO_FIT))


def pdf_signer(request: SignatureRequest, signer: signers.Signer) -> signers.PdfSigner:
    meta = signers.PdfSignatureMetadata(
        field_name=request.field, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        reason=request.reason, location=request.location, name=request.name)
    stamper = timestamps.HTTPTimeStamper(request.tsa_url) if request.tsa_url else None
    return signers.PdfSigner(meta, signer=signer, timestamper=stamper,
                             stamp_style=image_style(request.image) if request.image else None)


def sign_writer(writer: IncrementalPdfFileWriter, dst: Path, request: SignatureRequest, signer) -> None:
    """Sign what the writer holds (with any pending update) into dst, atomically."""
    dst = Path(dst)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as out:
            pdf_signer(request, signer).sign_pdf(writer, output=out)
        os.replace(tmp, dst)
    finally:
        tmp.unlink(missing_ok=True)


def sign_file(src: Path, dst: Path, request: SignatureRequest, signer) -> None:
    with open(src, "rb") as fh:
        sign_writer(IncrementalPdfFileWriter(fh, strict=False), dst, request, signer)
