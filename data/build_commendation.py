"""Regenerate the sample commendation round (records 2021-2024, proposals, council), deterministically.

    .venv/bin/python data/build_commendation.py

People are fictional. Each proposal is designed to show one rule passing or failing;
data/README.md lists the expected verdicts.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from generators.workbooks.commendation import COUNCIL_TABLES, PROPOSAL_TABLES, RECORD_TABLES  # noqa: E402
from generators.workbooks.tables import write_tables  # noqa: E402

OUT = HERE / "commendation"
YEARS = range(2021, 2025)

PEOPLE = [  # id, name, birth, sex, position, unit
    ("CN01", "Nguyễn Minh Tâm", dt.date(1979, 4, 12), "Nam", "Phó Trưởng phòng Nội vụ huyện Phước Long", "PL"),
    ("CN02", "Huỳnh Thị Diễm", dt.date(1985, 9, 3), "Nữ", "Giáo viên Trường THCS Láng Tròn, thị xã Giá Rai", "GR"),
    ("CN03", "Dương Hữu Lộc", dt.date(1976, 1, 22), "Nam", "Trưởng phòng Trồng trọt, Sở Nông nghiệp và PTNT", "SNNPTNT"),
    ("CN04", "Đặng Thanh Trung", dt.date(1982, 7, 30), "Nam", "Chủ tịch UBND xã Vĩnh Bình, huyện Hòa Bình", "HB"),
    ("CN05", "Võ Quốc Hùng", dt.date(1988, 11, 5), "Nam", "Trưởng Công an xã An Trạch, huyện Đông Hải", "DH"),
    ("CN06", "Bùi Ngọc Hương", dt.date(1992, 2, 14), "Nữ", "Điều dưỡng Trạm Y tế Phường 2, thành phố Bạc Liêu", "TPBL"),
    ("CN07", "Lâm Văn Khải", dt.date(1974, 6, 18), "Nam", "Phó Chủ tịch Hội Nông dân tỉnh", "HND"),
    ("CN08", "Trần Thị Mỹ Linh", dt.date(1987, 10, 9), "Nữ", "Kế toán Công ty Điện lực Bạc Liêu", "PCBL"),
]
COLLECTIVES = [  # id, name, unit
    ("TT01", "Trường Tiểu học Ninh Quới A", "HD"),
    ("TT02", "Trạm Y tế xã Vĩnh Hưng", "VL"),
    ("TT03", "Ủy ban nhân dân huyện Hồng Dân", "HD"),
    ("TT04", "Ủy ban nhân dân thị xã Giá Rai", "GR"),
    ("TT05", "Hợp tác xã nông nghiệp Phước Long", "PL"),
]
CSTDCS = {  # person -> [(year, kind)]
    "CN01": [(2021, "công trạng"), (2022, "công trạng"), (2023, "công trạng")],
    "CN02": [(2021, "công trạng"), (2023, "công trạng")],  # 2022 missing
    "CN03": [(2021, "công trạng"), (2022, "công trạng"), (2023, "công trạng")],
    "CN04": [(2022, "công trạng"), (2023, "công trạng")],
    "CN05": [(2022, "công trạng"), (2023, "đột xuất")],  # 2023 was a sudden award: does not count
    "CN07": [(2022, "công trạng"), (2023, "công trạng")],
}
INITIATIVES = [("CN01", 2023, "Số hóa hồ sơ thi đua, khen thưởng cấp huyện", "tỉnh"),
               ("CN02", 2023, "Phương pháp dạy học theo dự án môn Khoa học tự nhiên", "tỉnh"),
               ("CN03", 2023, "Quy trình canh tác lúa - tôm giảm phát thải", "tỉnh"),
               ("CN08", 2023, "Phần mềm đối soát hóa đơn điện tử", "cơ sở"),
               ("CN08", 2023, "Quy trình thu tiền điện qua ngân hàng", "cơ sở")]
PROPOSALS = [  # id, award, unit, ground, achievement
    ("CN01", "CSTD_TINH", "PL", "", "3 năm liền Chiến sĩ thi đua cơ sở; sáng kiến cấp tỉnh"),
    ("CN02", "CSTD_TINH", "GR", "", "Giáo viên dạy giỏi cấp tỉnh; sáng kiến cấp tỉnh"),
    ("CN03", "CSTD_TINH", "SNNPTNT", "", "3 năm liền Chiến sĩ thi đua cơ sở; quy trình canh tác lúa - tôm"),
    ("CN04", "BK_TINH_CN", "HB", "", "2 năm liền Chiến sĩ thi đua cơ sở"),
    ("CN05", "BK_TINH_CN", "DH", "", "Triệt phá đường dây ma túy năm 2023"),
    ("CN06", "BK_TINH_CN", "TPBL", "đột xuất", "Dũng cảm cứu 2 cháu nhỏ bị đuối nước ngày 02/4/2024"),
    ("CN07", "BK_TINH_CN", "HND", "", "2 năm liền Chiến sĩ thi đua cơ sở"),
    ("CN08", "BK_TINH_CN", "PCBL", "", "2 năm liền hoàn thành xuất sắc nhiệm vụ; 2 sáng kiến"),
    ("TT01", "TTLDXS", "HD", "", "Hoàn thành xuất sắc nhiệm vụ năm học 2022-2023"),
    ("TT02", "TTLDXS", "VL", "", "Hoàn thành xuất sắc nhiệm vụ năm 2023"),
    ("TT03", "CO_TINH", "HD", "", "Dẫn đầu Cụm thi đua các huyện, thị xã, thành phố năm 2023"),
    ("TT04", "CO_TINH", "GR", "", "Hoàn thành xuất sắc nhiệm vụ năm 2023"),
    ("TT05", "BK_TINH_TT", "PL", "", "2 năm liền hoàn thành xuất sắc nhiệm vụ"),
]
MEMBERS = [  # name, position, role, present
    ("Phan Thanh Tùng", "Chủ tịch UBND tỉnh", "Chủ tịch Hội đồng", True),
    ("Dương Minh Trung", "Giám đốc Sở Nội vụ", "Phó Chủ tịch thường trực", True),
    ("Quách Ngọc Yến", "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "Phó Chủ tịch Hội đồng", True),
    ("Tô Văn Nghĩa", "Chủ tịch Liên đoàn Lao động tỉnh", "Phó Chủ tịch Hội đồng", True),
    ("Thạch Thị Loan", "Giám đốc Sở Tài chính", "Ủy viên", True),
    ("Lê Hoàng Bảo", "Giám đốc Sở Giáo dục và Đào tạo", "Ủy viên", True),
    ("Phạm Minh Sơn", "Giám đốc Sở Y tế", "Ủy viên", True),
    ("Nguyễn Thị Thủy", "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", "Ủy viên", True),
    ("Trần Quốc Đức", "Giám đốc Công an tỉnh", "Ủy viên", False),  # votes in writing
    ("Huỳnh Văn Thắng", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Ủy viên", True),
    ("Võ Thanh Dũng", "Tổng Biên tập Báo Bạc Liêu", "Ủy viên", False),  # votes in writing
    ("Đỗ Minh Hải", "Bí thư Tỉnh đoàn", "Ủy viên", True),
    ("Lâm Thị Kim Xuân", "Trưởng Ban Thi đua - Khen thưởng, Sở Nội vụ", "Ủy viên, Thư ký", True),
]
NO_VOTES = {("CN01", "CSTD_TINH"): 1, ("CN03", "CSTD_TINH"): 2, ("TT03", "CO_TINH"): 2}  # the rest agree


def main() -> None:
    rows: dict[str, list[dict]] = {t.sheet: [] for t in RECORD_TABLES}
    for pid, name, birth, sex, position, unit in PEOPLE:
        rows["Cá nhân"].append({"id": pid, "name": name, "birth": birth, "sex": sex, "position": position, "unit": unit})
        for y in YEARS:
            rating = "HTXSNV" if pid in ("CN01", "CN03", "CN04", "CN08") or y % 2 else "HTTNV"
            rows["Xếp loại cá nhân"].append({"id": pid, "year": y, "rating": rating})
            if y <= 2023:
                rows["Khen thưởng"].append({"id": pid, "year": y, "award": "LDTT", "kind": "công trạng",
                                            "decision": f"{10 + y % 10:02d}/QĐ-{unit}"})
    for pid, awards in CSTDCS.items():
        for y, kind in awards:
            rows["Khen thưởng"].append({"id": pid, "year": y, "award": "CSTDCS", "kind": kind,
                                        "decision": f"{20 + y % 10:02d}/QĐ-UBND"})
    for pid, y, name, scope in INITIATIVES:
        rows["Sáng kiến"].append({"id": pid, "year": y, "name": name, "scope": scope, "science": False})
    for tid, name, unit in COLLECTIVES:
        rows["Tập thể"].append({"id": tid, "name": name, "unit": unit})
        for y in YEARS:
            members = {"TT01": 25, "TT02": 23, "TT03": 48, "TT04": 52, "TT05": 31}[tid]
            completed = members - (1 if tid == "TT02" and y == 2023 else 0)  # TT02: one member short in 2023
            rows["Xếp loại tập thể"].append({
                "id": tid, "year": y, "rating": "HTXSNV" if tid != "TT04" or y != 2023 else "HTTNV",
                "members": members, "ldtt": int(members * 0.8), "cstdcs": 2, "completed": completed,
                "disciplined": 0, "women": members // 2})
    rows["Dẫn đầu Cụm, Khối"] = [{"cluster": "Cụm thi đua các huyện, thị xã, thành phố", "year": y,
                                  "id": "TT03" if y == 2023 else "TT04"} for y in YEARS]
    rows["Tạm hoãn xét"] = [{"id": "CN07", "reason": "bị thanh tra công vụ", "since": dt.date(2024, 4, 15)}]
    write_tables(OUT / "thanh-tich.xlsx", RECORD_TABLES, rows)

    proposals = [{"no": i, "id": pid, "award": award, "unit": unit, "date": dt.date(2024, 5, 20), "year": 2023,
                  "ground": ground, "achievement": achievement}
                 for i, (pid, award, unit, ground, achievement) in enumerate(PROPOSALS, start=1)]
    write_tables(OUT / "de-nghi-2024.xlsx", PROPOSAL_TABLES, {"Đề nghị": proposals})

    votes = []
    for pid, award, *_ in PROPOSALS:
        no = NO_VOTES.get((pid, award), 0)
        for i, (name, *_rest) in enumerate(MEMBERS):
            votes.append({"id": pid, "award": award, "member": name,
                          "vote": "Không đồng ý" if i >= len(MEMBERS) - no else "Đồng ý"})
    write_tables(OUT / "hoi-dong-2024.xlsx", COUNCIL_TABLES, {
        "Thành viên": [{"name": n, "position": p, "role": r, "present": present} for n, p, r, present in MEMBERS],
        "Biểu quyết": votes})
    print("commendation sample written")


if __name__ == "__main__":
    main()
