"""Regenerate the bundled sample province (province.yaml and the registration workbooks).

The outputs are committed; run this only to change the sample:
    .venv/bin/python data/build_sample.py
People are fictional (names drawn from common Vietnamese name parts with a fixed
seed); places, offices and the structure follow Bạc Liêu 2022-2025.
"""
from __future__ import annotations

import datetime as dt
import random
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from generators.core.config import load_plan  # noqa: E402
from generators.core.model import Entry  # noqa: E402
from generators.workbooks.awards_book import write_book  # noqa: E402
from generators.workbooks.registration import write_workbook  # noqa: E402
from sample_exemplars import (AGENCY, COMMUNE_COLLECTIVES, COMMUNE_MODELS, COMMUNE_PEOPLE,  # noqa: E402
                              DISTRICT_COLLECTIVES, DISTRICT_MODELS, DISTRICT_PEOPLE, HAMLET_NAMES, NOT_IN_WARDS,
                              Exemplars)

DISTRICTS = {
    # code: (name, place, communes)
    "TPBL": ("Thành phố Bạc Liêu", "Bạc Liêu", ["Phường 1", "Phường 2", "Phường 3", "Phường 5", "Phường 7", "Phường 8",
                                              "Phường Nhà Mát", "Xã Vĩnh Trạch", "Xã Vĩnh Trạch Đông", "Xã Hiệp Thành"]),
    "GR": ("Thị xã Giá Rai", "Giá Rai", ["Phường 1", "Phường Hộ Phòng", "Phường Láng Tròn", "Xã Phong Tân",
                                       "Xã Phong Thạnh", "Xã Phong Thạnh A", "Xã Phong Thạnh Đông",
                                       "Xã Phong Thạnh Tây", "Xã Tân Phong", "Xã Tân Thạnh"]),
    "HD": ("Huyện Hồng Dân", "Hồng Dân", ["Thị trấn Ngan Dừa", "Xã Ninh Quới", "Xã Ninh Quới A", "Xã Ninh Hòa",
                                         "Xã Lộc Ninh", "Xã Vĩnh Lộc", "Xã Vĩnh Lộc A", "Xã Ninh Thạnh Lợi",
                                         "Xã Ninh Thạnh Lợi A"]),
    "PL": ("Huyện Phước Long", "Phước Long", ["Thị trấn Phước Long", "Xã Vĩnh Phú Đông", "Xã Vĩnh Phú Tây",
                                             "Xã Phước Long", "Xã Hưng Phú", "Xã Vĩnh Thanh", "Xã Phong Thạnh Tây A",
                                             "Xã Phong Thạnh Tây B"]),
    "VL": ("Huyện Vĩnh Lợi", "Vĩnh Lợi", ["Thị trấn Châu Hưng", "Xã Châu Hưng A", "Xã Hưng Thành", "Xã Hưng Hội",
                                         "Xã Châu Thới", "Xã Long Thạnh", "Xã Vĩnh Hưng", "Xã Vĩnh Hưng A"]),
    "HB": ("Huyện Hòa Bình", "Hòa Bình", ["Thị trấn Hòa Bình", "Xã Minh Diệu", "Xã Vĩnh Bình", "Xã Vĩnh Mỹ A",
                                         "Xã Vĩnh Mỹ B", "Xã Vĩnh Hậu", "Xã Vĩnh Hậu A", "Xã Vĩnh Thịnh"]),
    "DH": ("Huyện Đông Hải", "Đông Hải", ["Thị trấn Gành Hào", "Xã Long Điền", "Xã Long Điền Đông",
                                         "Xã Long Điền Đông A", "Xã Long Điền Tây", "Xã Điền Hải", "Xã An Trạch",
                                         "Xã An Trạch A", "Xã An Phúc", "Xã Định Thành", "Xã Định Thành A"]),
}
# Districts whose communes send their lists through thidua in the sample: in 2024, every commune of the province.
COMMUNES_REGISTERING = {2022: ["HD", "VL"], 2023: ["HD"], 2024: list(DISTRICTS), 2025: ["HD", "GR"]}
# After the reform (1/7/2025) some of the merged communes of Cà Mau send a supplementary list for 2025, directly
# to the province: the final review counts them under the province, not under a district.
SUPPLEMENTS_2025 = {"CM-THITRANPHUOCLONG": dt.date(2025, 8, 11), "CM-XAHUNGHOI": dt.date(2025, 8, 12),
                    "CM-THITRANHOABINH": dt.date(2025, 8, 14), "CM-XAANTRACH": dt.date(2025, 8, 15)}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Dương", "Lâm", "Tô", "Quách", "Thạch", "Đỗ"]
MIDDLE_M = ["Văn", "Minh", "Hoàng", "Thanh", "Quốc", "Hữu", "Công"]
MIDDLE_F = ["Thị", "Ngọc", "Thanh", "Mỹ", "Kim", "Hồng"]
GIVEN_M = ["Hải", "Phúc", "Tâm", "Hùng", "Dũng", "Khải", "Lộc", "Nghĩa", "Tuấn", "Sơn", "Trung", "Bảo", "Đức", "Thắng"]
GIVEN_F = ["Linh", "Hạnh", "Thảo", "Nhung", "Trang", "Diễm", "Yến", "Xuân", "Ngân", "Thủy", "Loan", "Hương"]

def ascii_slug(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if ch.isalnum() and ord(ch) < 128).upper()


def commune_code(district: str, name: str) -> str:
    for prefix in ("Thị trấn ", "Phường ", "Xã "):
        if name.startswith(prefix):
            kind = {"Thị trấn ": "TT", "Phường ": "P", "Xã ": "X"}[prefix]
            return f"{district}-{kind}{ascii_slug(name[len(prefix):])}"
    raise ValueError(name)


class People:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used: set[str] = set()

    def name(self, female: bool | None = None) -> tuple[str, bool]:
        while True:
            f = self.rng.random() < 0.45 if female is None else female
            name = " ".join([self.rng.choice(FAMILY), self.rng.choice(MIDDLE_F if f else MIDDLE_M),
                             self.rng.choice(GIVEN_F if f else GIVEN_M)])
            if name not in self.used:
                self.used.add(name)
                return name, f

    def birth(self) -> dt.date:
        return dt.date(self.rng.randint(1968, 1995), self.rng.randint(1, 12), self.rng.randint(1, 28))


def place_of(name: str) -> str:
    for prefix in ("Thành phố ", "Thị xã ", "Huyện ", "Thị trấn ", "Xã "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name  # a ward named by number keeps "Phường 1"


def level_of(name: str) -> str:
    """'Thị xã Giá Rai' -> 'thị xã': the administrative level the plan's wording depends on."""
    for level in ("thành phố", "thị xã", "huyện", "thị trấn", "phường", "xã"):
        if name.lower().startswith(level + " "):
            return level
    raise ValueError(name)


def commune_body_name(name: str) -> str:
    """'Xã Ninh Quới' -> 'xã Ninh Quới' inside running text."""
    return name[0].lower() + name[1:]


def build_units(people: People) -> list[dict]:
    units = []

    def leader(deputy_every: int, i: int) -> dict:
        return {"name": people.name()[0], "role": "deputy" if i % deputy_every == 1 else "head"}

    units.append({"code": "UBND-BL", "name": "Ủy ban nhân dân tỉnh Bạc Liêu", "short": "UBND tỉnh Bạc Liêu",
                  "kind": "province", "abbr": "UBND", "place": "Bạc Liêu",
                  "header": {"agency": ["ỦY BAN NHÂN DÂN", "TỈNH BẠC LIÊU"]}, "leader": leader(2, 1),
                  "valid_to": "2025-06-30", "successor": "UBND-CM"})
    units.append({"code": "UBND-CM", "name": "Ủy ban nhân dân tỉnh Cà Mau", "short": "UBND tỉnh Cà Mau",
                  "kind": "province", "abbr": "UBND", "place": "Cà Mau",
                  "header": {"agency": ["ỦY BAN NHÂN DÂN", "TỈNH CÀ MAU"]}, "leader": leader(2, 0),
                  "valid_from": "2025-07-01"})
    units.append({"code": "SNV", "name": "Sở Nội vụ tỉnh Bạc Liêu", "short": "Sở Nội vụ", "kind": "department",
                  "abbr": "SNV", "place": "Bạc Liêu", "parent": "UBND-BL", "drafting_abbr": "BTĐKT",
                  # The director signs (no KT.): the council's minutes list him as Giám đốc, one title at a date.
                  "header": {"parent": "UBND TỈNH BẠC LIÊU", "agency": ["SỞ NỘI VỤ"]}, "leader": leader(2, 0),
                  "valid_to": "2025-06-30"})
    for i, (code, abbr, name, header, kind, role) in enumerate([
        ("SNNPTNT", "SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu",
         {"parent": "UBND TỈNH BẠC LIÊU", "agency": ["SỞ NÔNG NGHIỆP", "VÀ PHÁT TRIỂN NÔNG THÔN"]}, "department", "movement_agency"),
        ("HND", "HND", "Hội Nông dân tỉnh Bạc Liêu",
         {"parent": "HỘI NÔNG DÂN VIỆT NAM", "agency": ["BCH HỘI NÔNG DÂN", "TỈNH BẠC LIÊU"]}, "association", "movement_agency"),
        ("LDLD", "LĐLĐ", "Liên đoàn Lao động tỉnh Bạc Liêu",
         {"parent": "TỔNG LĐLĐ VIỆT NAM", "agency": ["LIÊN ĐOÀN LAO ĐỘNG", "TỈNH BẠC LIÊU"]}, "association", "movement_agency"),
        ("PCBL", "PCBL", "Công ty Điện lực Bạc Liêu",
         {"parent": "TCT ĐIỆN LỰC MIỀN NAM", "agency": ["CÔNG TY ĐIỆN LỰC", "BẠC LIÊU"]}, "enterprise", "enterprise"),
        ("XSKT", "XSKT", "Công ty TNHH MTV Xổ số kiến thiết Bạc Liêu",
         {"parent": "UBND TỈNH BẠC LIÊU", "agency": ["CÔNG TY TNHH MTV", "XỔ SỐ KIẾN THIẾT BẠC LIÊU"]}, "enterprise", "enterprise"),
        ("CNBL", "CNBL", "Công ty Cổ phần Cấp nước Bạc Liêu",
         {"agency": ["CÔNG TY CỔ PHẦN", "CẤP NƯỚC BẠC LIÊU"]}, "enterprise", "enterprise"),
    ]):
        units.append({"code": code, "name": name, "short": name.replace(" tỉnh Bạc Liêu", " tỉnh"), "kind": kind,
                      "abbr": abbr, "place": "Bạc Liêu", "parent": "UBND-BL", "plan_role": role,
                      "drafting_abbr": "VP" if kind != "enterprise" else "TCHC",
                      "header": header, "leader": leader(3, i), "valid_to": "2025-06-30"})
    # header: the lines as a clerk breaks them (each fits the heading's agency column at 12 pt).
    for i, (code, name, header, members, head) in enumerate([
        ("CUM-HUYEN", "Cụm thi đua các huyện, thị xã, thành phố", ["CỤM THI ĐUA CÁC HUYỆN,", "THỊ XÃ, THÀNH PHỐ"],
         list(DISTRICTS), "HD"),
        ("KHOI-KT", "Khối thi đua các sở, ngành kinh tế", ["KHỐI THI ĐUA", "CÁC SỞ, NGÀNH KINH TẾ"], ["SNNPTNT"],
         "SNNPTNT"),
        ("KHOI-DN", "Khối thi đua doanh nghiệp", ["KHỐI THI ĐUA", "DOANH NGHIỆP"], ["PCBL", "XSKT", "CNBL"], "PCBL"),
    ]):
        # A cluster (Cụm) or bloc (Khối) has no seal: the lead unit's head signs as Cụm/Khối trưởng and the lead
        # unit's records office numbers and seals (data/README.md). Its leader is set from the lead unit below.
        leader(5, i)  # drawn and discarded: keeps every later fictional name of the sample as it was
        units.append({"code": code, "name": name, "short": name, "kind": "cluster" if code.startswith("CUM") else "bloc",
                      "abbr": f"CTĐ{i + 1}" if i == 0 else f"KTĐ{i}",
                      "place": "Bạc Liêu", "parent": "UBND-BL", "plan_role": "cluster",
                      "drafting_abbr": head, "members": members, "lead": head,
                      "header": {"parent": "UBND TỈNH BẠC LIÊU", "agency": header},
                      "leader": None, "valid_to": "2025-06-30"})
    successors = {}
    for d, (dname, place, communes) in DISTRICTS.items():
        upper = dname.upper()
        units.append({"code": d, "name": f"Ủy ban nhân dân {dname[0].lower() + dname[1:]}", "short": f"UBND {dname[0].lower() + dname[1:]}",
                      "kind": "district", "abbr": "UBND", "place": place, "parent": "UBND-BL", "plan_role": "district",
                      "level": level_of(dname),
                      "header": {"agency": ["ỦY BAN NHÂN DÂN", upper]}, "leader": leader(3, len(units)),
                      "valid_to": "2025-06-30"})
        # 2025 reform: communes merge in groups of about three into a new commune of Cà Mau
        # named after the group's first member (illustrative, not the official list).
        for j in range(0, len(communes), 3):
            group = communes[j:j + 3]
            first = group[0]
            new_name = first if not first.startswith("Phường ") or not first[-1].isdigit() else f"Phường {place}"
            new_code = "CM-" + ascii_slug(new_name)
            if new_code not in successors:
                successors[new_code] = new_name
                units.append({"code": new_code, "name": f"Ủy ban nhân dân {commune_body_name(new_name)}",
                              "short": f"UBND {commune_body_name(new_name)}", "kind": "commune", "abbr": "UBND",
                              "place": place_of(new_name), "parent": "UBND-CM", "plan_role": "commune",
                              "level": level_of(new_name),
                              "header": {"agency": ["ỦY BAN NHÂN DÂN", new_name.upper()]},
                              "leader": leader(3, len(units)), "valid_from": "2025-07-01"})
            for c in group:
                units.append({"code": commune_code(d, c), "name": f"Ủy ban nhân dân {commune_body_name(c)}",
                              "short": f"UBND {commune_body_name(c)}", "kind": "commune", "abbr": "UBND",
                              "place": place_of(c) if not (c.startswith("Phường ") and c[-1].isdigit()) else place,
                              "parent": d, "plan_role": "commune", "drafting_abbr": "VHXH", "level": level_of(c),
                              "header": {"agency": ["ỦY BAN NHÂN DÂN", c.upper()]},
                              "leader": leader(3, len(units)), "valid_to": "2025-06-30", "successor": new_code})
    by_code = {u["code"]: u for u in units}
    for u in units:
        if u.get("lead"):
            u["leader"] = {"name": by_code[u["lead"]]["leader"]["name"], "role": "head"}
    assign_organ_ids(units)
    return units


# Sample mã định danh in the shape of Decision 20/2020/QĐ-TTg (level 4.3.2.1, the province last); illustrative,
# not looked up in the national registry. Clusters and blocs exchange no documents of their own: none.
PROVINCE_IDS = {"UBND-BL": "H05", "UBND-CM": "H12"}


def assign_organ_ids(units: list[dict]) -> None:
    by_code = {u["code"]: u for u in units}
    second: dict[str, int] = {}
    third: dict[str, int] = {}
    for u in units:
        if u["code"] in PROVINCE_IDS:
            u["organ_id"] = f"000.00.00.{PROVINCE_IDS[u['code']]}"
        elif u["kind"] in ("cluster", "bloc"):
            continue
        elif u.get("parent") in PROVINCE_IDS:
            province = u["parent"]
            second[province] = second.get(province, 0) + 1
            u["organ_id"] = f"000.00.{second[province]:02d}.{PROVINCE_IDS[province]}"
        else:
            parent = by_code[u["parent"]]
            third[parent["code"]] = third.get(parent["code"], 0) + 1
            level2 = parent["organ_id"].split(".")[2]
            u["organ_id"] = f"000.{third[parent['code']]:02d}.{level2}.{PROVINCE_IDS[parent['parent']]}"


KINDS = {
    # seal_mm: the seal's diameter, drawn at real size over the leader's signature.
    # own_authority: document kinds issued in the chairman's own name (a commendation decision, Law on Emulation
    # and Commendation 2022): signed "CHỦ TỊCH" or "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", with no "TM.".
    "province": {"label": "UBND tỉnh", "body": "ỦY BAN NHÂN DÂN", "head": "CHỦ TỊCH", "deputy": "PHÓ CHỦ TỊCH",
                 "seal_mm": 42, "own_authority": ["QĐ"]},
    "district": {"label": "UBND cấp huyện", "body": "ỦY BAN NHÂN DÂN", "head": "CHỦ TỊCH", "deputy": "PHÓ CHỦ TỊCH",
                 "seal_mm": 38},
    "commune": {"label": "UBND cấp xã", "body": "ỦY BAN NHÂN DÂN", "head": "CHỦ TỊCH", "deputy": "PHÓ CHỦ TỊCH",
                "seal_mm": 34},
    "department": {"label": "Sở, ban, ngành", "head": "GIÁM ĐỐC", "deputy": "PHÓ GIÁM ĐỐC", "seal_mm": 36},
    "association": {"label": "Tổ chức chính trị - xã hội", "body": "BAN THƯỜNG VỤ", "head": "CHỦ TỊCH",
                    "deputy": "PHÓ CHỦ TỊCH", "seal_mm": 36},
    # sealed: false: no seal of its own; its lead unit (unit «lead») issues its documents.
    "cluster": {"label": "Cụm thi đua", "head": "CỤM TRƯỞNG", "deputy": "CỤM PHÓ", "seal_mm": 36, "sealed": False},
    "bloc": {"label": "Khối thi đua", "head": "KHỐI TRƯỞNG", "deputy": "KHỐI PHÓ", "seal_mm": 36, "sealed": False},
    "enterprise": {"label": "Doanh nghiệp", "head": "GIÁM ĐỐC", "deputy": "PHÓ GIÁM ĐỐC", "seal_mm": 36},
}


def hamlets_of(code: str, level: str) -> tuple[str, list[str]]:
    """A commune's own hamlets (ấp), a ward's or township's khóm (numbered): drawn once per unit, stably."""
    rng = random.Random(code)
    if level in ("phường", "thị trấn"):
        return "khóm", [str(n) for n in sorted(rng.sample(range(1, 10), 4))]
    return "ấp", rng.sample(HAMLET_NAMES, 4)


def district_body(d: str) -> str:
    name = DISTRICTS[d][0]
    return name[0].lower() + name[1:]


def communes_ctx() -> list[dict]:
    out = []
    for d, (_, place, communes) in DISTRICTS.items():
        for c in communes:
            hw, hamlets = hamlets_of(commune_code(d, c), level_of(c))
            # Numbered wards recur from town to town: their institutions are named with the town.
            numbered = c.startswith("Phường ") and c[-1].isdigit()
            town = f", {district_body(d)}" if numbered else ""
            out.append({"code": commune_code(d, c), "body": commune_body_name(c) + town, "hw": hw,
                        "HW": hw.capitalize(), "hamlets": hamlets, "pn": c + town if numbered else place_of(c),
                        "district": district_body(d), "ward": c.startswith("Phường ")})
    return out


COMMUNES = communes_ctx()
BY_COMMUNE = {c["code"]: c for c in COMMUNES}
KINDS_ALL = ("mô hình", "tập thể", "cá nhân")


def commune_entries(draw: Exemplars, code: str, n: int, start: int, names: set[str]) -> list[Entry]:
    ctx = BY_COMMUNE[code]
    tables = {"mô hình": COMMUNE_MODELS, "tập thể": COMMUNE_COLLECTIVES, "cá nhân": COMMUNE_PEOPLE}
    out = []
    for i in range(n):
        k = start + i
        kind = KINDS_ALL[k % 3]
        table = [t for t in tables[kind] if not (ctx["ward"] and t[0] in NOT_IN_WARDS)]
        here = {**ctx, "h": ctx["hamlets"][k % len(ctx["hamlets"])]}
        where = f"{ctx['HW']} {here['h']}, {ctx['body']}" if kind == "mô hình" else ctx["body"][0].upper() + ctx["body"][1:]
        out.append(draw.entry(Entry, table[(k // 3 + start) % len(table)], kind, lambda: (here, where), names))
    return out


def district_entries(draw: Exemplars, d: str, n: int, start: int, names: set[str]) -> list[Entry]:
    body, place = district_body(d), DISTRICTS[d][1]
    ctx = {"body": body, "pn": place}
    tables = {"mô hình": DISTRICT_MODELS, "tập thể": DISTRICT_COLLECTIVES, "cá nhân": DISTRICT_PEOPLE}
    out = []
    for i in range(n):
        k = start + i
        kind = KINDS_ALL[k % 3]
        table = tables[kind]
        where = body[0].upper() + body[1:]
        out.append(draw.entry(Entry, table[(k // 3) % len(table)], kind, lambda: (ctx, where), names))
    return out


def agency_entries(draw: Exemplars, rng: random.Random, code: str, n: int, start: int, names: set[str],
                   where: str, members: list[str] | None = None) -> list[Entry]:
    """A movement agency's, an enterprise's, a cluster's or bloc's exemplars: its own collectives and people, or
    its members' (a cluster of districts picks among its districts)."""
    tables = AGENCY[code]
    kinds = [k for k in KINDS_ALL if k in tables]
    districts = [d for d in ([m for m in members or [] if m in DISTRICTS] or DISTRICTS)]
    rural = [c for c in COMMUNES if c["hw"] == "ấp"]  # the Farmers' Association's chapters are in the xã
    seen_kind: dict[str, int] = {}

    def context():
        commune, district = rng.choice(rural), rng.choice(districts)
        ctx = {"district": district_body(district), "town": DISTRICTS[district][1], "commune": commune["body"],
               "h": rng.choice(commune["hamlets"])}
        return ctx, where

    out = []
    for i in range(n):
        kind = kinds[(start + i) % len(kinds)]
        j = seen_kind.get(kind, 0)
        seen_kind[kind] = j + 1
        out.append(draw.entry(Entry, tables[kind][j % len(tables[kind])], kind, context, names))
    return out


def build_year(year: int, plan, people: People, by_code: dict) -> dict[str, tuple[dt.date, list[Entry]]]:
    """One year's registration workbooks, written to registrations/<year>/; returns {unit: (sent, entries)}."""
    rng = random.Random(year)
    folder = HERE / "registrations" / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.xlsx"):
        old.unlink()
    lists: dict[str, list[Entry]] = {}
    sent: dict[str, dt.date] = {}
    # The plan was issued on 19/8/2022: its first lists were due by 30/9 (communes) and 15/10/2022 (plan.yaml).
    commune_month, other_month = (9, 10) if year == 2022 else (1, 2)
    draw, names = Exemplars(rng, people, set()), set()
    for d in COMMUNES_REGISTERING[year]:
        for i, c in enumerate(DISTRICTS[d][2]):
            code = commune_code(d, c)
            n = 5 + (i % 2)
            if year == 2024 and code == "HD-XNINHQUOIA":
                n = 8  # deliberate: over the commune quota of 5-6
            lists[code] = commune_entries(draw, code, n, i, names)
            sent[code] = dt.date(year, commune_month, 5 + i)
    for i, d in enumerate(DISTRICTS):
        own = district_entries(draw, d, 10 + (i % 4), i, names)
        # A district forwards two of its communes' exemplars (no duplicate: same chain).
        forwarded = [e for c in DISTRICTS[d][2][:2] for e in lists.get(commune_code(d, c), [])[:1]]
        lists[d] = forwarded + own
        sent[d] = dt.date(year, other_month, 1 + i if year == 2022 else 5 + i)
    if year == 2024:
        sent["PL"] = dt.date(2024, 2, 20)  # deliberate: late (deadline 15/02)
    for i, code in enumerate(["CUM-HUYEN", "KHOI-KT", "KHOI-DN"]):
        lists[code] = agency_entries(draw, rng, code, 2 + (i % 2), i, names, by_code[code]["name"],
                                     by_code[code].get("members"))
        sent[code] = dt.date(year, other_month, 10)
    for i, code in enumerate(["SNNPTNT", "HND", "LDLD"]):
        lists[code] = agency_entries(draw, rng, code, 4 + i, i, names, by_code[code]["name"])
        sent[code] = dt.date(year, other_month, 12)
    for i, code in enumerate(["PCBL", "XSKT", "CNBL"]):
        lists[code] = agency_entries(draw, rng, code, 2 + i, i, names, by_code[code]["name"])
        sent[code] = dt.date(year, other_month, 14)
    if year == 2022:
        sent["LDLD"] = dt.date(2022, 10, 28)  # deliberate: late (15/10) and no decision: its plan is not final
    if year == 2024:
        # deliberate: one farmer registered by Xã Lộc Ninh and again by the provincial
        # Farmers' Association, typed with other spacing, case and Unicode form (NFD).
        person = next(e for e in lists["HD-XLOCNINH"] if e.kind == "cá nhân" and e.position.startswith("Nông dân"))
        twin = Entry(0, unicodedata.normalize("NFD", person.name.replace(" ", "  ", 1)), person.kind,
                     person.birth_date, person.position.upper(), person.field,
                     "Nông dân sản xuất, kinh doanh giỏi cấp tỉnh", person.measures)
        lists["HND"] = lists["HND"][:-1] + [twin]
    if year == 2025:
        for i, (code, day) in enumerate(SUPPLEMENTS_2025.items()):
            lists[code] = merged_commune_entries(draw, code, 5, i, names, by_code)
            sent[code] = day
    for code, entries in lists.items():
        u = by_code[code]
        write_workbook(folder / f"{code}.xlsx", plan, unit=code, unit_name=u["name"], year=year,
                       sent=sent[code], entries=entries)
    return {code: (sent[code], entries) for code, entries in lists.items()}


def merged_commune_entries(draw: Exemplars, code: str, n: int, start: int, names: set[str], by_code: dict):
    """A commune of Cà Mau after the reform: its exemplars are those of the former commune it is named after,
    now under the commune's new name (no district)."""
    old = next(c for c, u in by_code.items() if u.get("successor") == code and u["name"] == by_code[code]["name"])
    ctx = BY_COMMUNE[old]
    BY_COMMUNE[code] = {**ctx, "code": code, "body": commune_body_name(by_code[code]["name"].removeprefix(
        "Ủy ban nhân dân ")), "district": "tỉnh Cà Mau"}
    return commune_entries(draw, code, n, start, names)


def book_rows(registered: dict[int, dict], by_code: dict, people: People) -> list[dict]:
    """The commendation book: some of each year's registered exemplars commended by the body that could commend
    them on the day (a district until 30/6/2025, the merged commune's chairman after, Decree 129/2025), and a few
    people commended who were never registered."""
    rows, numbers = [], {}

    def commend(issuer: str, day: dt.date, form: str, e: Entry) -> None:
        numbers[(issuer, day.year)] = numbers.get((issuer, day.year), 10) + 1
        abbr = by_code[issuer]["abbr"]
        rows.append({"decision": f"{numbers[(issuer, day.year)]}/QĐ-{abbr}", "day": day, "issuer": issuer,
                     "form": form, "kind": "tập thể" if e.kind == "mô hình" else e.kind, "name": e.name,
                     "birth": e.birth_date, "position": e.position})

    reform = dt.date(2025, 7, 1)
    for year, lists in sorted(registered.items()):
        for code, (sent, entries) in sorted(lists.items()):
            unit = by_code[code]
            candidates = [e for e in entries if e.kind != "mô hình"]
            if not candidates:
                continue
            first = candidates[0]
            role = unit.get("plan_role")
            if role == "commune" and unit.get("parent") in DISTRICTS:
                day = dt.date(2025, 6, 10) if year == 2025 else dt.date(year, 12, 20)
                commend(unit["parent"], day, "Giấy khen của Chủ tịch UBND cấp huyện", first)
                if year == 2025 and len(candidates) > 1:  # after the reform: the successor commune's chairman
                    commend(unit["successor"], dt.date(2025, 9, 20), "Giấy khen của Chủ tịch UBND cấp xã",
                            candidates[1])
            elif role == "commune":  # a merged commune of Cà Mau
                commend(code, dt.date(2025, 9, 20), "Giấy khen của Chủ tịch UBND cấp xã", first)
            elif role == "district":
                person = next((e for e in candidates if e.kind == "cá nhân"), first)
                issuer, day = ("UBND-CM", dt.date(2025, 9, 25)) if year == 2025 else ("UBND-BL", dt.date(year, 12, 25))
                commend(issuer, day, "Bằng khen của Chủ tịch UBND tỉnh", person)
            elif role in ("movement_agency", "enterprise"):
                day = dt.date(2025, 6, 11) if year == 2025 else dt.date(year, 12, 15)
                commend(code, day, "Giấy khen của Thủ trưởng cơ quan, đơn vị", first)
        for i, agency in enumerate(("SNNPTNT", "LDLD")):  # commended, never registered as exemplars
            name, _ = people.name()
            day = dt.date(2025, 6, 11) if year == 2025 else dt.date(year, 12, 15)
            commend(agency, day, "Giấy khen của Thủ trưởng cơ quan, đơn vị",
                    Entry(0, name, "cá nhân", people.birth(), f"Chuyên viên, {by_code[agency]['name']}", "", "", ""))
    assert not any(r["day"] >= reform and by_code[r["issuer"]].get("valid_to") for r in rows)
    return rows


def main() -> None:
    plan = load_plan(HERE / "plan.yaml")
    people = People(2024)
    units = build_units(people)
    by_code = {u["code"]: u for u in units}
    doc = {"province": {"name": "Tỉnh Bạc Liêu", "place": "Bạc Liêu"}, "kinds": KINDS, "units": units}
    with open(HERE / "province.yaml", "w", encoding="utf-8") as fh:
        fh.write("# The sample province: Bạc Liêu 2022-2025 and its successors after the 2025 reform.\n"
                 "# Generated by data/build_sample.py; people are fictional. See data/README.md.\n")
        yaml.safe_dump(doc, fh, allow_unicode=True, sort_keys=False, width=120)
    # 2023 and 2024 first: the fictional names are drawn in this order, so adding 2022 and 2025 kept theirs.
    registered = {year: build_year(year, plan, people, by_code) for year in (2023, 2024, 2022, 2025)}
    write_book(HERE / "commendation" / "so-khen-thuong.xlsx", book_rows(registered, by_code, people))
    print("sample written:", len(units), "units")


if __name__ == "__main__":
    main()
