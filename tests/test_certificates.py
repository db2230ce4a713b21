"""Issue 12 item 4: award certificates from an issued decision, one per awardee, on the page certificates.yaml
sets; one PDF for the printer and a signed PDF per awardee that verifies, here and in poppler's pdfsig."""
from __future__ import annotations

import datetime as dt
import subprocess
import types

import pytest
from pypdf import PdfReader

from generators.commendation.certificates import load_certificates
from generators.commendation.round import load_round
from generators.core.config import load_province
from generators.core.errors import ConfigError
from thidua.workflows import certificates
from thidua.workflows.pki import init_pki

from .conftest import DATA
from .signing_helpers import nss_db, pdfsig_accepts

pytestmark = pytest.mark.slow
PASSWORD = b"test-certificates-1"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    out = tmp_path_factory.mktemp("certificates")
    province = load_province(DATA)
    rnd = load_round(DATA, 2024, province)
    layout = init_pki(province, out / "pki", PASSWORD, ["UBND-BL"])
    decision = types.SimpleNamespace(notation="01/QĐ-UBND", issued_date=dt.date(2024, 6, 5))  # as the register gave
    return rnd, layout, certificates.produce(province, rnd, decision, DATA, out, layout, PASSWORD)


def _text(pdf, page=None) -> str:
    args = ["pdftotext"] + (["-f", str(page), "-l", str(page)] if page else []) + [str(pdf), "-"]
    return " ".join(subprocess.run(args, capture_output=True, text=True, check=True).stdout.split())


def test_one_certificate_per_awardee_says_what_the_decision_says(batch):
    rnd, _, result = batch
    printed = [c for c in rnd.awardees if c.verdict.proposal.award != "CO_TINH"]
    assert [c.name for c in result.certificates] == [c.verdict.subject.name for c in printed]
    assert result.not_printed == ["Ủy ban nhân dân huyện Hồng Dân: Cờ thi đua của Ủy ban nhân dân tỉnh"]
    titles = {"CSTD_TINH": "BẰNG CHỨNG NHẬN", "BK_TINH_CN": "BẰNG KHEN", "BK_TINH_TT": "BẰNG KHEN",
              "TTLDXS": "GIẤY CHỨNG NHẬN"}
    for cert, cand in zip(result.certificates, printed):
        text = _text(cert.signed)
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẠC LIÊU" in text and titles[cand.verdict.proposal.award] in text
        assert cand.verdict.subject.name in text
        assert "Quyết định số 01/QĐ-UBND ngày 05 tháng 6 năm 2024" in text
        assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text and "Quách Quốc Dũng" in text
        page = PdfReader(str(cert.signed)).pages[0].mediabox
        assert (round(float(page.width) / 72 * 25.4), round(float(page.height) / 72 * 25.4)) == (420, 297)


def test_the_printer_gets_every_certificate_in_one_file_in_order(batch):
    _, _, result = batch
    assert len(PdfReader(str(result.printed)).pages) == len(result.certificates)
    for n, cert in enumerate(result.certificates, start=1):
        assert cert.name in _text(result.printed, n)


def test_each_signed_certificate_verifies_here_and_in_pdfsig(batch, tmp_path):
    _, layout, result = batch
    nss = nss_db(tmp_path / "nss", layout.root)
    for cert in result.certificates:
        assert cert.indication == "TOTAL_PASSED", cert.name
        assert pdfsig_accepts(cert.signed, nss), cert.name
        sigs = PdfReader(str(cert.signed)).get_fields()
        assert {"ChuKyLanhDao", "ChuKyToChuc"} <= set(sigs)


def test_a_certificate_page_that_is_no_paper_is_refused(tmp_path):
    (tmp_path / "commendation").mkdir()
    (tmp_path / "commendation" / "certificates.yaml").write_text("page_mm: [42, 29]\ncertificates: {}\n")
    with pytest.raises(ConfigError, match="khổ giấy 42 × 29 mm"):
        load_certificates(tmp_path)
