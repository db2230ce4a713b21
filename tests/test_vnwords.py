"""Vietnamese numbers in words, checked against how decisions write them."""
import pytest

from generators.core.vnwords import money_figures, money_words, number_words


@pytest.mark.parametrize("n, words", [
    (0, "không"),
    (5, "năm"),
    (10, "mười"),
    (15, "mười lăm"),
    (21, "hai mươi mốt"),
    (25, "hai mươi lăm"),
    (11, "mười một"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (1_000, "một nghìn"),
    (1_000_005, "một triệu không trăm linh năm"),
    (1_200_000, "một triệu hai trăm nghìn"),
    (2_340_000, "hai triệu ba trăm bốn mươi nghìn"),
    (702_000, "bảy trăm linh hai nghìn"),
    (187_200_000, "một trăm tám mươi bảy triệu hai trăm nghìn"),
    (350_055_001, "ba trăm năm mươi triệu không trăm năm mươi lăm nghìn không trăm linh một"),
    (1_000_000_000, "một tỷ"),
])
def test_number_words(n, words):
    assert number_words(n) == words


def test_money():
    assert money_words(1_200_000) == "Một triệu hai trăm nghìn đồng"
    assert money_figures(187_200_000) == "187.200.000 đồng"
