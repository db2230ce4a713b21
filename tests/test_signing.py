"""Signed and issued documents, checked by validators the project did not write."""
from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pypdf import PdfReader

from dispatch.register import open_register as Register
from generators.core.config import load_province
from signing import fields
from signing.keys import Pkcs12Key, load_pkcs12
from signing.testpki.pki import Subject, TestPki
from signing.verify import verify
from thidua.cli import main
from thidua.workflows.office import issue_as_office, sign_as_leader
from thidua.workflows.pki import init_pki

from .conftest import small_round
from .signing_helpers import nss_db, pdfsig, pdfsig_accepts, pyhanko_validate, qpdf_ok

PASSWORD = b"mat-khau-thu-nghiem"
UNITS = {"HD-XNINHQUOI.xlsx", "HD-TTNGANDUA.xlsx", "PL.xlsx"}


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    """Three units' plans and the province list: drafted, signed by the leader, issued by the office."""
    base = tmp_path_factory.mktemp("signing")
    data, result = small_round(base, UNITS)
    province = load_province(data)
    layout = init_pki(province, base / "out" / "pki", PASSWORD, sorted({d.unit for d in result.documents}))
    register = Register(base / "register.sqlite")
    docs = []
    for d in result.documents:
        unit = province.unit(d.unit)
        signed, out = d.pdf.with_suffix(".signed.pdf"), d.pdf.with_suffix(".issued.pdf")
        sign_as_leader(unit, d.pdf, signed, load_pkcs12(Pkcs12Key(layout.leader_p12(unit.code)), PASSWORD),
                       layout.signature_image(unit.code))
        entry = issue_as_office(unit, signed, out, register, load_pkcs12(Pkcs12Key(layout.org_p12(unit.code)),
                                PASSWORD), layout.seal_image(unit.code), d.created.date())
        docs.append({"unit": unit, "draft": d.pdf, "signed": signed, "issued": out, "entry": entry})
    nss = nss_db(base / "nss", layout.root)
    yield {"docs": docs, "layout": layout, "nss": nss, "register": register, "province": province, "data": data,
           "base": base}
    register.close()


def test_every_signature_verifies_in_independent_validators(issued):
    root = issued["layout"].root
    for d in issued["docs"]:
        assert verify(d["issued"], [root]).indication == "TOTAL_PASSED"
        code, out = pyhanko_validate(d["issued"], root)
        lines = out.strip().splitlines()
        assert code == 0, out
        assert lines[0].startswith("ChuKyLanhDao:") and "INTACT:TRUSTED" in lines[0]
        assert "EXTENDED_WITH_FORM_FILLING" in lines[0] and "ACCEPTABLE_MODIFICATIONS" in lines[0]
        assert lines[1].startswith("ChuKyToChuc:") and "INTACT:TRUSTED" in lines[1] and "UNTOUCHED" in lines[1]
        sigs = pdfsig(d["issued"], issued["nss"])
        assert [s["field"] for s in sigs] == ["ChuKyLanhDao", "ChuKyToChuc"]
        assert all(s["valid"] and s["trusted"] and s["subfilter"] == "ETSI.CAdES.detached" for s in sigs)
        assert sigs[-1]["total"] and not sigs[0]["total"]
        assert qpdf_ok(d["issued"])


def test_each_revision_is_a_byte_prefix_of_the_next(issued):
    for d in issued["docs"]:
        draft, signed, final = (d[k].read_bytes() for k in ("draft", "signed", "issued"))
        assert signed.startswith(draft) and final.startswith(signed) and len(final) > len(signed)


def test_issued_pdf_is_still_pdfa(issued):
    for d in issued["docs"]:
        with pikepdf.open(d["issued"]) as pdf:
            assert pdf.open_metadata().pdfa_status == "2B"
        fonts = subprocess.run(["pdffonts", str(d["issued"])], capture_output=True, text=True).stdout.splitlines()[2:]
        assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # every font embedded, ours too


def test_filled_fields_equal_the_register(issued):
    entries = {str(e.files.issued_pdf): e for e in issued["register"].entries()}
    for d in issued["docs"]:
        entry = entries[str(d["issued"])]
        values = {k: v.get("/V") for k, v in PdfReader(str(d["issued"])).get_fields().items()}
        month = f"{entry.issued_date.month:02d}" if entry.issued_date.month < 3 else str(entry.issued_date.month)
        # Page 1 as whole runs (issue 14): "Số: 01/KH-UBND", "ngày 05 tháng 6 năm 2024".
        assert values["SoVanBan"] == entry.notation == f"{entry.number:02d}/{entry.notation.split('/', 1)[1]}"
        assert values["NgayBanHanh"] == f"ngày {entry.issued_date.day:02d} tháng {month} năm {entry.issued_date.year}"
        assert "ThangBanHanh" not in values
        if d["unit"].plan_role:  # a KH has its annex reference filled too, each line whole
            reference = " ".join(v for k, v in sorted(values.items()) if k.startswith("PhuLuc1_KemTheo"))
            assert reference.startswith(f"(Kèm theo Kế hoạch số {entry.notation} ngày {entry.issued_date.day:02d} "
                                        f"tháng {month} năm {entry.issued_date.year} của "), reference
            assert reference.endswith(")") and not any(k.startswith("PhuLuc1_") and "KemTheo" not in k for k in values)
        assert entry.notation.endswith("/KH-UBND") or entry.notation.endswith("/BC-SNV")
        assert "Lưu: VT" not in " ".join(entry.recipients) and entry.file_copy.startswith("VT, ")


def _render(pdf: Path, page: int, dpi: int) -> Image.Image:
    png = pdf.with_name(f"{pdf.stem}-p{page}-{dpi}")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page + 1), "-l", str(page + 1),
                    str(pdf), str(png)], check=True)
    return Image.open(f"{png}.png")


def _dark_pixels(pdf: Path, page: int, rect, dpi=144) -> int:
    img = _render(pdf, page, dpi).convert("RGB")
    height_pt = img.height * 72 / dpi
    k = dpi / 72
    x0, y0, x1, y1 = rect
    box = (int(x0 * k), int((height_pt - y1) * k), int(x1 * k), int((height_pt - y0) * k))
    return sum(1 for p in img.crop(box).get_flattened_data() if sum(p) < 300)


def _widest_gap(pdf: Path, page: int, rect, dpi=144) -> float:
    """The widest run of blank pixel columns between inked ones in the rendered rectangle, in points."""
    img = _render(pdf, page, dpi).convert("L")
    k = dpi / 72
    x0, y0, x1, y1 = rect
    crop = img.crop((int(x0 * k), int(img.height - y1 * k), int(x1 * k), int(img.height - y0 * k)))
    inked = [any(crop.getpixel((x, y)) < 128 for y in range(crop.height)) for x in range(crop.width)]
    cols = [i for i, v in enumerate(inked) if v]
    return max((b - a for a, b in zip(cols, cols[1:])), default=0) / k


def test_number_and_date_read_as_one_clean_run_in_embedded_times(issued):
    """Issue 14 item 2: the issued lines read "Số: 01/KH-UBND" and "ngày 05 tháng 6 năm 2024", with no gap wider
    than a word space (rendered by poppler), where the draft had its blanks; the filled fields are read-only."""
    d = issued["docs"][0]
    with pikepdf.open(d["issued"]) as pdf:
        by_name = {str(f.T): f for f in pdf.Root.AcroForm.Fields}
        for name in ("SoVanBan", "NgayBanHanh"):
            widget = by_name[name]
            rect = [float(v) for v in widget.Rect]
            left = rect[0] - (14 if name == "SoVanBan" else 0)  # with "Số:" before the number
            assert _widest_gap(d["draft"], 0, [left, *rect[1:]]) > 13  # the blank of the draft
            assert _widest_gap(d["issued"], 0, [left, *rect[1:]]) < 13 * 0.5  # one run: word spaces (ink to ink)
            assert int(widget.Ff) & 1  # read-only
            ap = widget.AP.N
            assert b"/F1 13 Tf" in ap.read_bytes()  # the size of the line (13 pt, ô 3 and 4)
            font = ap.Resources.Font.F1
            assert "LiberationSerif" in str(font.BaseFont) and "/FontFile2" in font.FontDescriptor
        assert "Italic" in str(by_name["NgayBanHanh"].AP.N.Resources.Font.F1.BaseFont)  # the date line is italic


def test_annex_reference_reads_as_one_clean_line(issued):
    """Issue 14 item 2 for the annex: "(Kèm theo Kế hoạch số 01/KH-UBND ngày 05 tháng 6 năm 2024 của …)" has no
    gap wider than a word space once issued (rendered by poppler), where the draft had its three blanks."""
    d = next(d for d in issued["docs"] if d["unit"].plan_role)
    with pikepdf.open(d["issued"]) as pdf:
        lines = [f for f in pdf.Root.AcroForm.Fields if str(f.T).startswith("PhuLuc1_KemTheo")]
        page = next(i for i, p in enumerate(pdf.pages) if any(a.objgen == lines[0].objgen for a in p.get("/Annots", [])))
        rects = [[float(v) for v in f.Rect] for f in lines]
    first = rects[0]
    assert _widest_gap(d["draft"], page, first) > 14
    for rect in rects:
        assert _widest_gap(d["issued"], page, rect) < 14 * 0.5


def test_blue_signature_and_red_seal_over_its_left_third(issued):
    for d in issued["docs"]:
        with pikepdf.open(d["issued"]) as pdf:
            by_name = {str(f.T): f for f in pdf.Root.AcroForm.Fields}
            sig = [float(v) for v in by_name["ChuKyLanhDao"].Rect]
            page = next(i for i, p in enumerate(pdf.pages) if any(a.objgen == by_name["ChuKyLanhDao"].objgen
                                                                  for a in p.get("/Annots", [])))
        dpi = 100
        png = d["issued"].with_name("sig")
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page + 1), "-l", str(page + 1),
                        str(d["issued"]), str(png)], check=True)
        img = Image.open(f"{png}.png").convert("RGB")
        k, h = dpi / 72, img.height
        x0, y0, x1, y1 = sig
        def pixels(a, b):
            return list(img.crop((int(a * k), int(h - y1 * k), int(b * k), int(h - y0 * k))).get_flattened_data())
        third = x0 + (x1 - x0) / 3
        blue = sum(1 for r, g, b in pixels(third, x1) if b > 120 and r < 90 and g < 110)
        red_left = sum(1 for r, g, b in pixels(x0, third) if r > 150 and g < 90 and b < 90)
        red_right = sum(1 for r, g, b in pixels(x0 + (x1 - x0) / 2, x1) if r > 150 and g < 90 and b < 90)
        assert blue > 50, d["issued"]
        assert red_left > 50 and red_right == 0, d["issued"]


# ------------------------------------------------------------------ negative cases

def _tamper_flip(src: Path, dst: Path):
    data = bytearray(src.read_bytes())
    data[2000] ^= 0x01  # inside the first signed range
    dst.write_bytes(bytes(data))


def _tamper_draw(src: Path, dst: Path):
    w = IncrementalPdfFileWriter(io.BytesIO(src.read_bytes()), strict=False)
    w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=b"q 1 0 0 rg 100 100 200 50 re f Q")))
    out = io.BytesIO()
    w.write(out)
    dst.write_bytes(out.getvalue())


def _tamper_number(src: Path, dst: Path):
    w = IncrementalPdfFileWriter(io.BytesIO(src.read_bytes()), strict=False)
    fields.fill(w, {"SoVanBan": "99"})
    out = io.BytesIO()
    w.write(out)
    dst.write_bytes(out.getvalue())


def _tamper_annotate(src: Path, dst: Path):
    w = IncrementalPdfFileWriter(io.BytesIO(src.read_bytes()), strict=False)
    page_ref = w.find_page_for_modification(0)[0]
    page = page_ref.get_object()
    note = w.add_object(generic.DictionaryObject({
        generic.pdf_name("/Type"): generic.pdf_name("/Annot"), generic.pdf_name("/Subtype"): generic.pdf_name("/Text"),
        generic.pdf_name("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in (50, 50, 80, 80)]),
        generic.pdf_name("/Contents"): generic.TextStringObject("Sửa số thành 99")}))
    page["/Annots"].get_object().append(note) if "/Annots" in page else page.__setitem__(
        generic.pdf_name("/Annots"), generic.ArrayObject([note]))
    w.update_container(page)
    out = io.BytesIO()
    w.write(out)
    dst.write_bytes(out.getvalue())


def _tamper_truncate(src: Path, dst: Path):
    dst.write_bytes(src.read_bytes()[:-300])


# FORMAT_FAILURE: pyHanko's modification analysis; STRUCTURE_FAILURE: thidua's stricter checks, run first.
@pytest.mark.parametrize("tamper, sub", [(_tamper_flip, {"HASH_FAILURE"}),
                                         (_tamper_draw, {"FORMAT_FAILURE", "STRUCTURE_FAILURE"}),
                                         (_tamper_number, {"FORMAT_FAILURE", "STRUCTURE_FAILURE"}),
                                         (_tamper_annotate, {"FORMAT_FAILURE", "STRUCTURE_FAILURE"}),
                                         (_tamper_truncate, {"FORMAT_FAILURE", "HASH_FAILURE"})])
def test_tampering_is_caught_everywhere(issued, tmp_path, tamper, sub):
    bad = tmp_path / "bad.pdf"
    tamper(issued["docs"][0]["issued"], bad)
    report = verify(bad, [issued["layout"].root])
    assert report.indication == "TOTAL_FAILED" and report.sub_indication in sub
    assert main(["verify", str(bad), "--trust", str(issued["layout"].root)]) == 1
    assert pyhanko_validate(bad, issued["layout"].root)[0] != 0
    assert not pdfsig_accepts(bad, issued["nss"])


def _sign_and_issue_with(issued, tmp_path, leader_pki: TestPki, **cert_dates):
    d = issued["docs"][0]
    unit = d["unit"]
    lead = leader_pki.issue(Subject("lead", unit.leader.name, unit.name), "people", **cert_dates)
    signed, out = tmp_path / "signed.pdf", tmp_path / "issued.pdf"
    layout = issued["layout"]
    sign_as_leader(unit, d["draft"], signed, load_pkcs12(Pkcs12Key(lead.p12), PASSWORD), layout.signature_image(unit.code))
    register = Register(tmp_path / "r.sqlite")
    issue_as_office(unit, signed, out, register, load_pkcs12(Pkcs12Key(layout.org_p12(unit.code)), PASSWORD),
                    layout.seal_image(unit.code), dt.date(2024, 1, 10))
    register.close()
    return out


def test_signer_outside_the_trust_roots(issued, tmp_path):
    other = TestPki(tmp_path / "other-pki", PASSWORD)
    out = _sign_and_issue_with(issued, tmp_path, other)
    report = verify(out, [issued["layout"].root])
    assert report.indication == "INDETERMINATE"
    assert report.sub_indication in {"NO_CERTIFICATE_CHAIN_FOUND", "CERTIFICATE_CHAIN_GENERAL_FAILURE"}
    assert main(["verify", str(out), "--trust", str(issued["layout"].root)]) == 2
    assert pyhanko_validate(out, issued["layout"].root)[0] != 0
    sigs = pdfsig(out, issued["nss"])
    assert not sigs[0]["trusted"] and not pdfsig_accepts(out, issued["nss"])


def test_expired_certificate(issued, tmp_path):
    # The leader's certificate is re-issued under the trusted test CA, already expired.
    now = dt.datetime.now(dt.timezone.utc)
    pki = TestPki(tmp_path / "expired-pki", PASSWORD)
    out = _sign_and_issue_with(issued, tmp_path, pki, not_before=now - dt.timedelta(days=400),
                               not_after=now - dt.timedelta(days=1))
    report = verify(out, [pki.root_path, issued["layout"].root])
    assert report.indication == "INDETERMINATE" and report.sub_indication.startswith("OUT_OF_BOUNDS")
    assert pyhanko_validate(out, pki.root_path)[0] != 0
    nss = nss_db(tmp_path / "nss", pki.root_path)
    assert not pdfsig_accepts(out, nss)


def test_signed_but_never_issued_is_not_passed(issued, capsys):
    d = issued["docs"][0]
    assert main(["verify", str(d["signed"]), "--trust", str(issued["layout"].root), "--json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert (report["indication"], report["sub_indication"], report["issued"]) == ("INDETERMINATE", "NOT_ISSUED", False)
    assert report["signatures"][0]["indication"] == "TOTAL_PASSED"  # the leader's signature itself is fine
    assert pyhanko_validate(d["signed"], issued["layout"].root)[0] == 0
