"""Vietnamese text as TCVN3 (ABC) and VNI-Windows files show it when read as Latin-1 (Windows-1252): the
encoders the legacy-detection tests use to build their corpus from real Unicode names."""
from __future__ import annotations

import unicodedata

# TCVN3 (TCVN 5712:1993, the "ABC" fonts .VnTime): one byte per letter. Capitals of toned letters live in
# separate capital fonts with the same codes as the small letters, so only the plain capitals differ.
_TCVN3 = {
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
    "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9, "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB, "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6, "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4, "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE, "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9, "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}

# VNI-Windows: the base letter, then a second byte for the mark (or one byte for a few letters).
_VNI_TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}  # on a, e, o, u, y
_VNI_HAT = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}  # â ê ô
_VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}  # ă
_VNI_SINGLE = {"í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î", "đ": "ñ", "Đ": "Ñ",
               "ơ": "ô", "Ơ": "Ô", "ư": "ö", "Ư": "Ö"}


def to_tcvn3(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        code = _TCVN3.get(ch) or _TCVN3.get(ch.lower()) if ch not in _TCVN3 else _TCVN3[ch]
        out.append(bytes([code]).decode("cp1252", "replace") if code else ch)
    return "".join(out)


def to_vni(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _VNI_SINGLE:
            out.append(_VNI_SINGLE[ch])
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        tone = next((m for m in marks if m in _VNI_TONES), "")
        shape = next((m for m in marks if m in ("\u0302", "\u0306", "\u031b")), "")
        upper = base.isupper()
        if base.lower() not in "aeiouy" or not marks:
            out.append(ch)
            continue
        if base.lower() in "oơ" and shape == "\u031b" or base.lower() == "u" and shape == "\u031b":
            first = {"o": "ô", "u": "ö"}[base.lower()]
            out.append((first.upper() if upper else first) + (_VNI_TONES.get(tone, "") if tone else ""))
            continue
        if base.lower() == "i":
            single = unicodedata.normalize("NFC", "i" + tone)
            out.append(_VNI_SINGLE.get(single, ch).upper() if upper else _VNI_SINGLE.get(single, ch))
            continue
        if base.lower() == "y" and tone == "\u0323":
            out.append("Î" if upper else "î")
            continue
        mark = _VNI_HAT[tone] if shape == "\u0302" else _VNI_BREVE[tone] if shape == "\u0306" else _VNI_TONES[tone]
        out.append(base + (mark.upper() if upper else mark))
    return "".join(out)
