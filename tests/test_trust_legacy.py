"""Issue 8, item 8: legacy TCVN3 (ABC) and VNI text is recognised, on a corpus built from real Vietnamese text
(the sample province's names and the Bạc Liêu plan) encoded as those files show it; Unicode text never is."""
from __future__ import annotations

import glob
import re
import unicodedata
from pathlib import Path

import openpyxl
import pytest
import yaml

from generators.core.errors import DataError
from generators.core.text import looks_legacy_encoded
from generators.workbooks.registration import LIST_SHEET, read_registration

from .conftest import DATA, FIRST_ROW
from .legacy_encodings import to_tcvn3, to_vni

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "113-KH-UBND-2022-Bac-Lieu.txt"


def _names() -> list[str]:
    prov = yaml.safe_load((DATA / "province.yaml").read_text(encoding="utf-8"))
    return [u["name"] for u in prov["units"]] + [u["leader"]["name"] for u in prov["units"] if u.get("leader")]


def _unicode_texts() -> set[str]:
    texts = set(_names())
    for f in glob.glob(str(DATA / "registrations" / "*" / "*.xlsx")) + glob.glob(str(DATA / "commendation" / "*.xlsx")):
        for ws in openpyxl.load_workbook(f):
            texts |= {v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)}
    if SEED.exists():
        texts |= {line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()}
    return texts


def _words() -> list[str]:
    text = " ".join(_unicode_texts())
    return sorted({w for w in re.findall(r"[A-Za-zÀ-ỹ]+", text) if not w.isascii()})


@pytest.mark.parametrize("legacy", ["Ng« Lª", "Hå ChÝ Minh", "Nguyeãn Vaên An", "Traàn Thò Hoàng", "V¨n", "Tr­êng"])
def test_the_examples_found_in_the_field_are_recognised(legacy):
    assert looks_legacy_encoded(legacy)


def test_unicode_text_is_never_taken_for_legacy():
    texts = _unicode_texts()
    assert len(texts) > 800
    assert [t for t in texts if looks_legacy_encoded(t)] == []


@pytest.mark.parametrize("encode", [to_tcvn3, to_vni])
def test_every_name_of_the_province_in_a_legacy_encoding_is_recognised(encode):
    changed = [encode(n) for n in _names() if encode(n) != n]
    assert len(changed) > 200
    assert [t for t in changed if not looks_legacy_encoded(t)] == []


@pytest.mark.parametrize("encode, rate", [(to_tcvn3, 0.80), (to_vni, 0.90)])
def test_most_single_words_are_recognised_even_alone(encode, rate):
    """A lone word can be valid Unicode in both readings ("Bé" is TCVN3 "Bộ"): a cell has several words."""
    words = [encode(w) for w in _words() if encode(w) != w]
    assert len(words) > 400
    assert sum(map(looks_legacy_encoded, words)) / len(words) >= rate


def test_every_toned_letter_of_the_alphabet_is_encoded_by_the_corpus_encoders():
    letters = {unicodedata.normalize("NFC", b + t) for b in "aăâeêioôơuưy"
               for t in ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]} | {"đ"}
    for ch in letters - {"a", "e", "i", "o", "u", "y"}:
        assert to_tcvn3(ch) != ch or ch == "ý", ch  # TCVN3 keeps ý (0xFD) as it is
        assert to_vni(ch) != ch or ch in "íì", ch  # VNI keeps í and ì as they are


def test_a_legacy_cell_is_refused_naming_its_cell(workbook, plan):
    wb = openpyxl.load_workbook(workbook)
    wb[LIST_SHEET].cell(FIRST_ROW, 2, to_tcvn3("Trường Tiểu học Đông Hải"))
    wb.save(workbook)
    with pytest.raises(DataError) as exc:
        read_registration(workbook, plan)
    [p] = exc.value.problems
    assert (p.row, p.column) == (FIRST_ROW, "B") and "TCVN3" in p.message
