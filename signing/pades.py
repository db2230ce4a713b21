"""PAdES signatures (ETSI.CAdES.detached, SHA-256) in an existing field, with a visible image."""
from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
from pyhanko.sign import fields, signers, timestamps
from pyhanko.stamp import StaticStampStyle, TextStampStyle

from generators.core.clock import VN
from generators.core.files import atomic_path
from signing.remote.signer import RemoteSigner


@dataclass(frozen=True)
class SignatureRequest:
    field: str
    reason: str  # e.g. "Ký ban hành", "Phát hành"
    location: str
    name: str
    image: Path | None = None  # transparent PNG shown in the field
    tsa_url: str | None = None  # RFC 3161 time-stamping authority, when configured
    style: object | None = None  # a stamp style of its own (overrides image)


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
    style = request.style or (image_style(request.image) if request.image else None)
    return signers.PdfSigner(meta, signer=signer, timestamper=stamper, stamp_style=style)


def sign_writer(writer: IncrementalPdfFileWriter, dst: Path, request: SignatureRequest, signer) -> None:
    """Sign what the writer holds (with any pending update) into dst, atomically."""
    with atomic_path(dst) as tmp, open(tmp, "wb") as out:
        if isinstance(signer, RemoteSigner):  # its HTTP session lives on its own loop
            signer.run_all([pdf_signer(request, signer).async_sign_pdf(writer, output=out)])
        else:
            pdf_signer(request, signer).sign_pdf(writer, output=out)


def sign_files_together(jobs: list[tuple[Path, Path, SignatureRequest]], signer: RemoteSigner) -> None:
    """Several documents signed in one run of a remote signer (one authorization, the user approves once). The
    outputs are renamed into place only once every document is signed; on any failure none is written."""
    with ExitStack() as stack:  # unwinds last-opened first: each output closed, then renamed by its atomic_path
        runs = []
        for src, dst, request in jobs:
            tmp = stack.enter_context(atomic_path(dst))
            reader = stack.enter_context(open(src, "rb"))
            out = stack.enter_context(open(tmp, "wb"))
            runs.append(pdf_signer(request, signer).async_sign_pdf(IncrementalPdfFileWriter(reader, strict=False),
                                                                   output=out))
        signer.run_all(runs)


def sign_file(src: Path, dst: Path, request: SignatureRequest, signer) -> None:
    with open(src, "rb") as fh:
        sign_writer(IncrementalPdfFileWriter(fh, strict=False), dst, request, signer)


class TextOnlyStyle(TextStampStyle):
    """The organisation's signature on an annex in a separate file: no image, two lines of text
    (the parent document's số/ký hiệu and the signing time, ISO 8601 in Vietnam time), Times New Roman 10."""

    def __init__(self, notation: str, font_path: str):
        super().__init__(stamp_text="", border_width=0, background=None, timestamp_format="%Y-%m-%dT%H:%M:%S%z")
        object.__setattr__(self, "_notation", notation)
        object.__setattr__(self, "_font_path", font_path)

    def create_stamp(self, writer, box, text_params):
        when = dt.datetime.strptime(text_params["ts"], "%Y-%m-%dT%H:%M:%S%z").astimezone(VN)
        return _DrawnStamp(writer, box, [self._notation, when.isoformat()], self._font_path)


class _DrawnStamp:
    def __init__(self, writer, box, lines, font_path):
        self.writer, self.box, self.lines, self.font_path = writer, box, lines, font_path

    def apply_appearance(self, annot) -> None:
        from signing.appearance import EmbeddedFont, text_appearance

        font = EmbeddedFont(self.writer, self.font_path, "THIDUT", "".join(self.lines))
        ref = text_appearance(self.writer, font, self.lines, self.box.width, self.box.height, 10, centred=False)
        annot[generic.pdf_name("/AP")] = generic.DictionaryObject({generic.pdf_name("/N"): ref})
