"""Vietnamese word pairs that a line break must not split ("kỷ / niệm"): Vietnamese writes a compound word as
syllables separated by spaces, so a typesetter sees a break opportunity where a reader sees half a word.

The list holds the compounds of administrative writing on emulation and commendation (subject lines, titles,
names of bodies); syllables of a capitalised name ("Ngày Thi đua yêu nước", "Bạc Liêu") are kept together by
the caller's rule for names, not listed here.
"""
from __future__ import annotations

_PAIRS = """
an ninh, ban chấp, ban hành, ban nhân, báo cáo, bằng khen, biên bản, biểu dương, bình xét, bồi dưỡng,
cá nhân, cải cách, cán bộ, chấp hành, chỉ đạo, chỉ thị, chiến sĩ, chính phủ, chính quyền, chủ tịch, chuyển đổi,
cơ quan, cơ sở, công chức, công nhận, công tác, cộng đồng, danh hiệu, danh sách, doanh nghiệp, dân cư, đăng ký,
đề nghị, địa phương, điển hình, điều kiện, đoàn kết, đơn vị, đời sống, gia đình, giai đoạn, giáo dục, giấy khen,
hành chính, hiệu quả, hình thức, hoàn thành, hoạt động, hội đồng, hội nghị, hợp tác, huân chương, hướng dẫn,
khen thưởng, kế hoạch, kết quả, kinh tế, kỷ niệm, lao động, lĩnh vực, mô hình, nâng cao, nhân dân, nhân dịp,
nhân rộng, nhiệm vụ, nông dân, nông nghiệp, nông thôn, nội vụ, phát động, phát hiện, phát triển, phong trào,
quốc phòng, quy chế, quy định, quyết định, sản xuất, sáng kiến, sơ kết, tập thể, thành phố, thành tích,
thi đua, thị trấn, thị xã, thông báo, thực hiện, tiên tiến, tổ chức, tổng kết, tờ trình, trật tự, tuyên dương,
tuyên truyền, văn bản, văn hóa, vận động, xã hội, xây dựng, xét duyệt, xét tặng, xuất sắc, y tế, yêu nước,
ủy ban, uỷ ban
"""

WORD_PAIRS = frozenset(tuple(p.split()) for p in _PAIRS.replace("\n", " ").split(",") if p.strip())


def is_word_pair(first: str, second: str) -> bool:
    return (first.lower().strip(",.;:"), second.lower().strip(",.;:")) in WORD_PAIRS
