"""Vietnamese text: NFC, legacy-encoding detection, matching keys, dates, numbering."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Latin-1 letters that Vietnamese uses. Any other character of U+00A1..U+00FF
# standing inside a word ("V¨n", "Vieät") marks text typed in TCVN3 (ABC) or VNI
# and read as Latin-1; at a word's edge it is a symbol ("m²", "25°").
_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_SYMBOLS = set("°²³±×÷¼½¾")  # units and maths, not legacy letters
_LEGACY_MARK = re.compile(r"(?<=\w)[\u00a1-\u00ff](?=\w)")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Characters of Windows-1252 that Vietnamese Unicode text never has next to a letter, but TCVN3 (ABC) and VNI
# files show when read as Latin-1: "Ng« Lª", "V¨n", "Hå", "Tröôøng", "Ñoâng".
_LEGACY_ONLY = "¡¢£¤¥¦§¨©ª¬\u00ad®¯±´µ¶·¸¹º¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ"
_LETTER = "A-Za-zÀ-ỹ"
# « and » are also Vietnamese quotation marks: legacy only where a quote cannot stand ("Ng«", "b»ng").
_LEGACY_NEAR_LETTER = re.compile(f"(?<=[{_LETTER}])[{_LEGACY_ONLY}«]|[{_LEGACY_ONLY}](?=[{_LETTER}])"
                                 f"|»(?=[{_LETTER}])")
# Syllables Vietnamese spelling excludes: â or ă ending a word ("Vâ"), a grave, hook or tilde tone on a
# syllable closed by c, ch, p or t ("Quèc": such syllables take only the acute or the dot below).
_NO_FINAL = re.compile(f"[âăÂĂ](?![{_LETTER}])")
_CLOSED = re.compile("(?i)[a-zđ\u0300-\u036f]*[\u0300\u0309\u0303][a-z\u0302\u0306\u031b]*(c|ch|p|t)\b")
# TCVN3 capitals of toned letters inside small words: "ChÝ", "NguyÔn", "TrÇn".
_CAPITAL_INSIDE = re.compile("[a-zà-ÿ][À-Ý]")


def _small_toned_before_capital(text: str) -> bool:
    """'CéNG', 'HéI': TCVN3's small code for a toned letter inside a word typed in capitals."""
    return any(a.islower() and not a.isascii() and b.isupper() for a, b in zip(text, text[1:]))
# VNI writes a toned vowel as the vowel and a second Latin-1 letter: "Vaên", "Nguyeãn", "Traàn", "Hoaøng".
# None of these pairs occurs in Vietnamese (the tone of "ai", "ao", "eo"... sits on the first vowel).
_VNI_PAIR = re.compile("a[àáâãèéêùúõ]|e[àáâãùõ]|o[âùõ]|u[ùúõ]|y[ùõ]|ô[ùõ]", re.IGNORECASE)


def looks_legacy_encoded(text: str) -> bool:
    """True for TCVN3/VNI text shown as Latin-1 (e.g. 'NguyÔn V¨n', 'Ng« Lª' or 'Nguyeãn Vaên')."""
    text = nfc(text)
    return bool(_small_toned_before_capital(text) or any(ch not in _VIETNAMESE_LATIN1 and ch not in _SYMBOLS for ch in _LEGACY_MARK.findall(text))
                or _LEGACY_NEAR_LETTER.search(text) or _CAPITAL_INSIDE.search(text) or _VNI_PAIR.search(text)
                or _NO_FINAL.search(text) or _CLOSED.search(unicodedata.normalize("NFD", text)))


# Invisible characters that hide a duplicate ("Nguyễn\u200bVăn") and carry no meaning in a name: removed.
_INVISIBLE = re.compile("[\u200c\u200d\u2060\ufeff\u00ad]")
# Control characters (C0 but tab and line breaks, DEL, C1) and bidirectional overrides: refused.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# How Excel stores a control character in a cell: _x0007_.
_EXCEL_ESCAPED = re.compile(r"_x(00[01][0-9A-Fa-f]|007[Ff]|00[89][0-9A-Fa-f])_")


def control_characters(text: str) -> list[str]:
    """The control characters of a text, as code points like U+0007 (Excel's escaped form _x0007_ included)."""
    found = [f"U+{ord(c):04X}" for c in _CONTROL.findall(text)]
    found += [f"U+{m.upper()}" for m in _EXCEL_ESCAPED.findall(text)]
    return found


def clean(text: str) -> str:
    """NFC, invisible characters removed, trimmed, inner runs of white space folded to one space."""
    text = _INVISIBLE.sub("", nfc(text)).replace("\u200b", " ")  # a zero-width space is still a space
    return re.sub(r"\s+", " ", text).strip()


def match_key(text: str) -> str:
    """Key under which near-duplicates (case, spacing, Unicode form) coincide."""
    return clean(text).casefold()


def month_text(month: int) -> str:
    """Months are padded only for January and February (Decree 30, spec 02)."""
    return f"{month:02d}" if month < 3 else str(month)


def vn_date(day: dt.date) -> str:
    """Date line of Decree 30: day padded below 10, month padded only for 1 and 2."""
    return f"ngày {day.day:02d} tháng {month_text(day.month)} năm {day.year}"


def short_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


# Points are lettered in Vietnamese alphabet order: đ after d, no f, j, w, z.
POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()


def point_letter(index: int) -> str:
    """a, b, ..., y, then aa, bb, ... for long lists."""
    n = len(POINT_LETTERS)
    return POINT_LETTERS[index % n] * (index // n + 1)


def roman(number: int) -> str:
    table = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, glyph in table:
        while number >= value:
            out += glyph
            number -= value
    return out

