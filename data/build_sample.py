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

from generators.core.config import load_plan  # noqa: E402
from generators.core.model import Entry  # noqa: E402
from generators.workbooks.registration import write_workbook  # noqa: E402

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
# Districts whose communes send their lists through thidua in the sample.
COMMUNES_REGISTERING = {2023: ["HD"], 2024: ["HD", "VL"]}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Dương", "Lâm", "Tô", "Quách", "Thạch", "Đỗ"]
MIDDLE_M = ["Văn", "Minh", "Hoàng", "Thanh", "Quốc", "Hữu", "Công"]
MIDDLE_F = ["Thị", "Ngọc", "Thanh", "Mỹ", "Kim", "Hồng"]
GIVEN_M = ["Hải", "Phúc", "Tâm", "Hùng", "Dũng", "Khải", "Lộc", "Nghĩa", "Tuấn", "Sơn", "Trung", "Bảo", "Đức", "Thắng"]
GIVEN_F = ["Linh", "Hạnh", "Thảo", "Nhung", "Trang", "Diễm", "Yến", "Xuân", "Ngân", "Thủy", "Loan", "Hương"]
HAMLETS = ["Nội Ô", "Xẻo Gừa", "Bà Gồng", "Cái Tràm", "Vĩnh Thạnh", "Nhà Dài", "Phú Tân", "Kinh Xáng", "Trà Ban", "Lung Lá"]

MODELS = [
    ("Mô hình luân canh tôm - lúa bền vững ấp {h}", "Nông nghiệp, nông thôn mới",
     "Năng suất lúa 5,2 tấn/ha, tôm 350 kg/ha; thu nhập bình quân 180 triệu đồng/ha/năm",
     "Hỗ trợ giống lúa chịu mặn; tổ chức tham quan cho nông dân các ấp; giới thiệu trên đài truyền thanh"),
    ("Mô hình Tổ tự quản an ninh trật tự ấp {h}", "Quốc phòng, an ninh",
     "03 năm liền không có tội phạm hình sự; hòa giải thành 12/12 vụ việc",
     "Tập huấn kỹ năng hòa giải; trang bị loa, đèn pin; nhân rộng ra các ấp lân cận"),
    ("Mô hình \"Dân vận khéo\" vận động hiến đất làm đường ấp {h}", "Dân vận, mặt trận, đoàn thể",
     "Vận động 46 hộ hiến 3.200 m² đất, làm 2,1 km đường bê tông",
     "Biểu dương tại hội nghị sơ kết; viết bài giới thiệu cách làm; tổ chức học tập kinh nghiệm"),
    ("Mô hình chuyển đổi số \"Chợ 4.0\" ấp {h}", "Chuyển đổi số, cải cách hành chính",
     "85% tiểu thương thanh toán không dùng tiền mặt; 1.200 tài khoản dịch vụ công trực tuyến",
     "Hỗ trợ thiết bị, tập huấn kỹ năng số; tuyên truyền trên trang thông tin điện tử"),
    ("Mô hình nuôi cua - tôm quảng canh cải tiến ấp {h}", "Kinh tế, sản xuất kinh doanh",
     "Lợi nhuận 220 triệu đồng/ha/năm; 15 hộ làm theo",
     "Kết nối tiêu thụ sản phẩm; hỗ trợ vay vốn ưu đãi; tổ chức hội thảo đầu bờ"),
]
COLLECTIVES = [
    ("Trường Tiểu học {p}", "Giáo dục và đào tạo",
     "Hoàn thành xuất sắc nhiệm vụ năm học; 100% học sinh hoàn thành chương trình lớp học",
     "Hỗ trợ thiết bị dạy học; tổ chức chuyên đề trao đổi kinh nghiệm"),
    ("Trạm Y tế {p}", "Y tế", "Đạt Bộ tiêu chí quốc gia về y tế; tiêm chủng đầy đủ 98% trẻ em",
     "Tập huấn chuyên môn; biểu dương tại hội nghị tổng kết ngành y tế"),
    ("Hợp tác xã nông nghiệp {p}", "Kinh tế, sản xuất kinh doanh",
     "Doanh thu 4,8 tỷ đồng; liên kết tiêu thụ lúa cho 120 hộ xã viên",
     "Hỗ trợ xây dựng thương hiệu, chứng nhận OCOP; giới thiệu cho các hợp tác xã khác học tập"),
    ("Hội Liên hiệp Phụ nữ {p}", "Dân vận, mặt trận, đoàn thể",
     "Giúp 35 hội viên thoát nghèo; thành lập 4 tổ hợp tác",
     "Tổ chức giao lưu, trao đổi kinh nghiệm; tuyên truyền trên phương tiện thông tin đại chúng"),
    ("Bộ phận Một cửa {p}", "Chuyển đổi số, cải cách hành chính",
     "99,6% hồ sơ giải quyết đúng hạn; 78% hồ sơ nộp trực tuyến",
     "Hỗ trợ trang thiết bị; giới thiệu cách làm tại hội nghị cải cách hành chính"),
]
INDIVIDUALS = [
    ("Nông dân, ấp {h}, {p}", "Nông nghiệp, nông thôn mới",
     "Sản xuất kinh doanh giỏi cấp tỉnh 3 năm liền; giúp 8 hộ nghèo vay vốn, chuyển giao kỹ thuật",
     "Hỗ trợ tham gia hội chợ; giới thiệu điển hình trên Báo Bạc Liêu"),
    ("Giáo viên Trường Trung học cơ sở {p}", "Giáo dục và đào tạo",
     "Giáo viên dạy giỏi cấp tỉnh; sáng kiến được công nhận cấp cơ sở",
     "Cử tham gia bồi dưỡng chuyên môn; chia sẻ kinh nghiệm tại sinh hoạt chuyên đề"),
    ("Trưởng Công an {p}", "Quốc phòng, an ninh",
     "Chiến sĩ thi đua cơ sở 2 năm liền; triệt phá 3 tụ điểm ma túy",
     "Biểu dương, khen thưởng kịp thời; giới thiệu kinh nghiệm trong lực lượng công an"),
    ("Trưởng ấp {h}, {p}", "Xây dựng Đảng, chính quyền",
     "Ấp đạt chuẩn nông thôn mới kiểu mẫu; vận động xây 12 căn nhà đại đoàn kết",
     "Tập huấn kỹ năng vận động quần chúng; nhân rộng cách làm ra các ấp"),
    ("Y sĩ Trạm Y tế {p}", "Y tế", "Khám, chữa bệnh miễn phí cho 600 lượt người cao tuổi",
     "Cử đi đào tạo nâng cao; tuyên truyền gương người tốt, việc tốt"),
]


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
    return units


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


def make_entry(rng: random.Random, people: People, kind: str, place: str, k: int) -> Entry:
    hamlet = HAMLETS[k % len(HAMLETS)]
    if kind == "mô hình":
        name, field, ach, meas = MODELS[k % len(MODELS)]
        return Entry(0, name.format(h=hamlet), kind, None, f"Ấp {hamlet}, {place}", field, ach, meas)
    if kind == "tập thể":
        name, field, ach, meas = COLLECTIVES[k % len(COLLECTIVES)]
        return Entry(0, name.format(p=place), kind, None, place[0].upper() + place[1:], field, ach, meas)
    pos, field, ach, meas = INDIVIDUALS[k % len(INDIVIDUALS)]
    return Entry(0, people.name()[0], kind, people.birth(), pos.format(h=hamlet, p=place), field, ach, meas)


def entries_for(rng, people, place: str, n: int, kinds=("mô hình", "tập thể", "cá nhân"), start=0) -> list[Entry]:
    return [make_entry(rng, people, kinds[(start + i) % len(kinds)], place, start + i) for i in range(n)]


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

    for year in (2023, 2024):
        rng = random.Random(year)
        folder = HERE / "registrations" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.xlsx"):
            old.unlink()
        lists: dict[str, list[Entry]] = {}
        sent: dict[str, dt.date] = {}
        for d in COMMUNES_REGISTERING[year]:
            for i, c in enumerate(DISTRICTS[d][2]):
                code = commune_code(d, c)
                n = 5 + (i % 2)
                if year == 2024 and code == "HD-XNINHQUOIA":
                    n = 8  # deliberate: over the commune quota of 5-6
                lists[code] = entries_for(rng, people, commune_body_name(c), n, start=i)
                sent[code] = dt.date(year, 1, 5 + i)
        for i, (d, (dname, place, communes)) in enumerate(DISTRICTS.items()):
            own = entries_for(rng, people, dname[0].lower() + dname[1:], 10 + (i % 4), start=i)
            # A district forwards two of its communes' exemplars (no duplicate: same chain).
            forwarded = [e for c in communes[:2] for e in lists.get(commune_code(d, c), [])[:1]]
            lists[d] = forwarded + own
            sent[d] = dt.date(year, 2, 5 + i)
        if year == 2024:
            sent["PL"] = dt.date(2024, 2, 20)  # deliberate: late (deadline 15/02)
        for i, code in enumerate(["CUM-HUYEN", "KHOI-KT", "KHOI-DN"]):
            lists[code] = entries_for(rng, people, by_code[code]["name"].lower(), 2 + (i % 2), kinds=("tập thể", "mô hình"), start=i)
            sent[code] = dt.date(year, 2, 10)
        for i, code in enumerate(["SNNPTNT", "HND", "LDLD"]):
            lists[code] = entries_for(rng, people, by_code[code]["name"], 4 + i, start=i)
            sent[code] = dt.date(year, 2, 12)
        for i, code in enumerate(["PCBL", "XSKT", "CNBL"]):
            lists[code] = entries_for(rng, people, by_code[code]["name"], 2 + i, kinds=("tập thể", "cá nhân"), start=i)
            sent[code] = dt.date(year, 2, 14)
        if year == 2024:
            # deliberate: one farmer registered by Xã Lộc Ninh and again by the provincial
            # Farmers' Association, typed with other spacing, case and Unicode form (NFD).
            person = next(e for e in lists["HD-XLOCNINH"] if e.kind == "cá nhân")
            twin = Entry(0, unicodedata.normalize("NFD", person.name.replace(" ", "  ", 1)), person.kind,
                         person.birth_date, person.position.upper(), person.field,
                         "Nông dân sản xuất, kinh doanh giỏi cấp tỉnh", person.measures)
            lists["HND"] = lists["HND"][:-1] + [twin]
        for code, entries in lists.items():
            u = by_code[code]
            write_workbook(folder / f"{code}.xlsx", plan, unit=code, unit_name=u["name"], year=year,
                           sent=sent[code], entries=entries)
    print("sample written:", len(units), "units")


if __name__ == "__main__":
    main()
