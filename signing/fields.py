"""Form fields of an issued document: created before the first signature, filled at issuance.

Field names are fixed so every step (and every validator) finds them:
the leader's signature, the organisation's signature (which locks every field
with FieldMDP), the number and the date of the header, and each line of each annex's
reference ("(Kèm theo … số …)"), whose text with placeholders is kept as the field's
default value (/DV), signed by the leader with the rest of the draft.
"""
from __future__ import annotations

import re
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.fields import FieldMDPAction, FieldMDPSpec, SigFieldSpec, append_signature_field

from generators.core.files import atomic_path
from generators.core.fonts import serif
from signing.appearance import EmbeddedFont, text_appearance
from signing.errors import DocumentStateError
from signing.placement import Box, Placement, ReferenceLine

LEADER_FIELD = "ChuKyLanhDao"
SECRETARY_FIELD = "ChuKyThuKy"  # minutes: the secretary signs beside the chair
ORG_FIELD = "ChuKyToChuc"
# Document timestamps added after issuance (the archive's), numbered from 1: LuuTruDauThoiGian1, ...
ARCHIVE_TIMESTAMP_FIELD = "LuuTruDauThoiGian"
NUMBER, DAY, MONTH = "SoVanBan", "NgayBanHanh", "ThangBanHanh"
REFERENCE = "KemTheo"  # PhuLuc<i>_KemTheo<j>: line j of annex i's reference
REFERENCE_FIELD = re.compile(rf"PhuLuc\d+_{REFERENCE}\d+")


WHOLE_RUNS = {NUMBER, DAY}  # page 1's fields: the whole number with its notation, the whole date


def field_names(placement: Placement) -> dict[str, Box]:
    names = {NUMBER: placement.header.number, DAY: placement.header.day}
    for name, line in reference_lines(placement).items():
        names[name] = line.box
    return names


def reference_lines(placement: Placement) -> dict[str, ReferenceLine]:
    return {f"PhuLuc{i}_{REFERENCE}{j}": line for i, annex in enumerate(placement.annexes, start=1)
            for j, line in enumerate(annex, start=1)}


def font_path(italic: bool) -> str:
    """Times New Roman's metric twin, embedded in every appearance (PDF/A)."""
    return str(serif(italic=italic))


def existing_fields(reader) -> dict[str, generic.DictionaryObject]:
    form = reader.root.get("/AcroForm")
    if form is None:
        return {}
    out = {}
    for ref in form.get_object().get("/Fields", []):
        f = ref.get_object()
        out[str(f.get("/T"))] = f
    return out


def _empty_appearance(writer, box: Box):
    stream = generic.StreamObject({
        generic.pdf_name("/Type"): generic.pdf_name("/XObject"),
        generic.pdf_name("/Subtype"): generic.pdf_name("/Form"),
        generic.pdf_name("/BBox"): generic.ArrayObject([generic.FloatObject(0), generic.FloatObject(0),
                                                        generic.FloatObject(box.width), generic.FloatObject(box.height)]),
        generic.pdf_name("/Resources"): generic.DictionaryObject(),
    }, stream_data=b"")
    return writer.add_object(stream)


def _page_font(writer, page: int):
    """An embedded font of the page, for the fields' default appearance (/DA, /DR)."""
    page_ref = writer.find_page_for_modification(page)[0]
    fonts = page_ref.get_object()["/Resources"]["/Font"]
    for name, ref in fonts.items():
        base = str(ref.get_object().get("/BaseFont", ""))
        if "LiberationSerif" in base and "Bold" not in base and "Italic" not in base:
            return ref
    return next(iter(fonts.values()))


def prepare(src: Path, dst: Path, placement: Placement) -> None:
    """Add the signature and number/date fields (an incremental update; before any signature)."""
    with open(src, "rb") as fh:
        writer = IncrementalPdfFileWriter(fh, strict=False)
        if writer.prev.embedded_signatures:
            raise DocumentStateError(f"{Path(src).name} đã có chữ ký: không được thêm trường vào văn bản đã ký.")
        if existing_fields(writer.prev):
            raise DocumentStateError(f"{Path(src).name} đã có các trường ký, số, ngày.")
        sig, seal = placement.signature, placement.seal
        append_signature_field(writer, SigFieldSpec(LEADER_FIELD, on_page=sig.page, box=sig.rect()))
        for name, box in placement.others.items():
            append_signature_field(writer, SigFieldSpec(name, on_page=box.page, box=box.rect()))
        append_signature_field(writer, SigFieldSpec(ORG_FIELD, on_page=seal.page, box=seal.rect(),
                                                    field_mdp_spec=FieldMDPSpec(FieldMDPAction.ALL)))
        form = writer.root["/AcroForm"]
        font = _page_font(writer, 0)
        form[generic.pdf_name("/DR")] = generic.DictionaryObject(
            {generic.pdf_name("/Font"): generic.DictionaryObject({generic.pdf_name("/TiRo"): font})})
        fields = form["/Fields"]
        templates = {name: line.template for name, line in reference_lines(placement).items()}
        for name, box in field_names(placement).items():
            page_ref = writer.find_page_for_modification(box.page)[0]
            widget = generic.DictionaryObject({
                generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
                generic.pdf_name("/Subtype"): generic.pdf_name("/Widget"),
                generic.pdf_name("/FT"): generic.pdf_name("/Tx"),
                generic.pdf_name("/T"): generic.TextStringObject(name),
                generic.pdf_name("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in box.rect()]),
                generic.pdf_name("/F"): generic.NumberObject(4),  # print, no highlight of its own
                generic.pdf_name("/Ff"): generic.NumberObject(1),  # read-only: only the records office fills it
                generic.pdf_name("/Q"): generic.NumberObject(1),  # centred
                generic.pdf_name("/P"): page_ref,
                generic.pdf_name("/DA"): generic.TextStringObject(f"/TiRo {box.font_size:g} Tf 0 g"),
                generic.pdf_name("/AP"): generic.DictionaryObject(
                    {generic.pdf_name("/N"): _empty_appearance(writer, box)}),
            })
            if name in templates:
                widget[generic.pdf_name("/DV")] = generic.TextStringObject(templates[name])
            ref = writer.add_object(widget)
            fields.append(ref)
            page = page_ref.get_object()
            annots = page.get("/Annots")
            if annots is None:
                page[generic.pdf_name("/Annots")] = generic.ArrayObject([ref])
            else:
                annots.get_object().append(ref)
                if isinstance(annots, generic.IndirectObject):
                    writer.mark_update(annots)
            writer.update_container(page)
        writer.update_container(form)
        _write(writer, dst)


def _write(writer, dst: Path) -> None:
    with atomic_path(dst) as tmp, open(tmp, "wb") as out:
        writer.write(out)


def fill(writer: IncrementalPdfFileWriter, values: dict[str, str]) -> None:
    """Fill text fields (value and appearance) in the writer's incremental update."""
    fields = existing_fields(writer.prev)
    form = writer.root["/AcroForm"]
    text = "".join(values.values())
    fonts = {italic: EmbeddedFont(writer, font_path(italic), "THIDUA" if not italic else "THIDUI", text)
             for italic in (False, True)}
    refs = {str(ref.get_object().get("/T")): ref for ref in form["/Fields"]}
    for name, text in values.items():
        if name not in fields:
            raise DocumentStateError(f"Văn bản không có trường «{name}».")
        ref = refs[name]
        widget = ref.get_object()
        x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
        da = str(widget.get("/DA", "/TiRo 13 Tf"))
        size = float(da.split()[1]) if len(da.split()) > 1 else 13.0
        italic = name.endswith((DAY, MONTH)) or name.startswith("PhuLuc")  # the date and annex lines are italic
        whole = name in WHOLE_RUNS
        reference = REFERENCE_FIELD.fullmatch(name) is not None  # re-set whole and centred where it stood
        font = fonts[italic]
        widget[generic.pdf_name("/V")] = generic.TextStringObject(text)
        widget[generic.pdf_name("/AP")] = generic.DictionaryObject({generic.pdf_name("/N"): text_appearance(
            writer, font, [text], x1 - x0, y1 - y0, size, centred=not whole,
            left=None if reference else font.width(" ", size) if name == NUMBER else 1.0,
            opaque=whole or reference)})
        writer.mark_update(ref)



def field_page(reader, name: str) -> int | None:
    """0-based index of the page holding the named field's widget (from its /P)."""
    field = existing_fields(reader).get(name)
    if field is None or "/P" not in field:
        return None
    target = field.raw_get("/P")
    for i, ref in enumerate(_page_refs(reader.root.raw_get("/Pages"))):
        if ref.idnum == target.idnum:
            return i
    return None


def _page_refs(node_ref):
    node = node_ref.get_object()
    if node.get("/Type") == "/Pages":
        for kid in node["/Kids"]:
            yield from _page_refs(kid)
    else:
        yield node_ref


def signature_field_names(reader) -> list[str]:
    return [name for name, f in existing_fields(reader).items() if f.get("/FT") == "/Sig"]
