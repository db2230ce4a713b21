"""Numbers in Vietnamese words, as written on decisions: "Một triệu hai trăm nghìn đồng".

Rules: "mười" for 10-19 and "mươi" from 20; "mốt" for a final 1 after 20-90;
"lăm" for a final 5 after 10-90 ("mười lăm", "hai mươi lăm"); "tư" is not used
(official style writes "bốn"); "linh" for a zero tens digit after hundreds
("một trăm linh năm"); a group of thousands with fewer than three digits inside a
larger number is read with "không trăm" ("một triệu không trăm linh năm").
"""
from __future__ import annotations

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
SCALES = ["", "nghìn", "triệu", "tỷ"]


def _tens_units(n: int) -> list[str]:
    tens, units = divmod(n, 10)
    if tens == 0:
        return [DIGITS[units]]
    words = ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _triple(n: int, full: bool) -> list[str]:
    """Three digits; `full` reads leading zeros ("không trăm linh năm") inside a larger number."""
    hundreds, rest = divmod(n, 100)
    if hundreds == 0 and not full:
        return _tens_units(rest) if rest else []
    words = [DIGITS[hundreds], "trăm"]
    if rest == 0:
        return words
    if rest < 10:
        return words + ["linh", DIGITS[rest]]
    return words + _tens_units(rest)


def number_words(n: int) -> str:
    if n < 0:
        return "âm " + number_words(-n)
    if n == 0:
        return "không"
    groups = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    words: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        group = groups[i]
        if group == 0:
            continue
        scale = i % 3
        words += _triple(group, full=i < len(groups) - 1)
        if scale:
            words.append(SCALES[scale])
        if i and i % 3 == 0:
            words.append("tỷ")
    return " ".join(words)


def money_words(amount: int) -> str:
    """"Một triệu hai trăm nghìn đồng": first letter capital, ending with "đồng"."""
    text = number_words(amount) + " đồng"
    return text[0].upper() + text[1:]


def money_figures(amount: int) -> str:
    """1.200.000 đồng: dots group thousands in Vietnamese."""
    return f"{amount:,}".replace(",", ".") + " đồng"
