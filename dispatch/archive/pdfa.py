"""The PDF/A-2b properties an archive can check offline (no veraPDF on this project's registries; spec 05 §5)."""
from __future__ import annotations

import io
import re

import pikepdf

NOT_CHECKED = ("the full PDF/A-2b rule set (veraPDF is not installable here): colour spaces, transparency, "
               "font metrics and glyph coverage, annotation appearances")


def pdfa_problems(data: bytes) -> list[str]:
    """Header, no encryption, no JavaScript, XMP pdfaid 2B, an OutputIntent, every font embedded."""
    if not data.startswith(b"%PDF-"):
        return ["không phải tệp PDF."]
    out = []
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                out.append("tệp bị mã hóa (PDF/A cấm).")
            xmp = bytes(pdf.Root.Metadata.read_bytes()) if "/Metadata" in pdf.Root else b""
            part = re.search(rb"pdfaid:part(?:>|=\")\s*(\d)", xmp)
            conformance = re.search(rb"pdfaid:conformance(?:>|=\")\s*([ABU])", xmp)
            if not (part and part.group(1) == b"2" and conformance and conformance.group(1) == b"B"):
                out.append("siêu dữ liệu XMP không khai báo PDF/A-2b (pdfaid).")
            if "/OutputIntents" not in pdf.Root or not len(pdf.Root.OutputIntents):
                out.append("thiếu OutputIntent (hồ sơ màu) của PDF/A.")
            names = pdf.Root.get("/Names", {})
            action = pdf.Root.get("/OpenAction")
            runs = isinstance(action, pikepdf.Dictionary) and action.get("/S") in ("/JavaScript", "/Launch")
            if "/JavaScript" in names or runs:  # an /OpenAction that only opens a page is allowed
                out.append("tệp có JavaScript hoặc hành động tự chạy (PDF/A cấm).")
            for page in pdf.pages:
                for font in (page.Resources.get("/Font", {}) or {}).values():
                    out += _font_problems(font)
    except pikepdf.PdfError as exc:
        out.append(f"không đọc được tệp PDF ({exc}).")
    return sorted(set(out))


def _font_problems(font) -> list[str]:
    fonts = [font] + list(font.get("/DescendantFonts", []))
    for f in fonts:
        descriptor = f.get("/FontDescriptor")
        if descriptor is None:
            continue
        if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            return [f"phông chữ {f.get('/BaseFont')} không được nhúng."]
    if font.get("/Subtype") == "/Type3":
        return []
    if all(f.get("/FontDescriptor") is None for f in fonts):
        return [f"phông chữ {font.get('/BaseFont')} không được nhúng."]
    return []
