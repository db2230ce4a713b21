"""The sample's exemplars, each of a kind and field that fits the unit registering it, with figures of its own.

Used by build_sample.py. A template is (name, field, achievement, measures, figure ranges[, birth years]): the
achievement's {a}, {b}, {c} are drawn per entry, so no two achievements read alike; an individual's birth year
fits the position (a commune's Youth Union secretary is young, a district department head is not)."""
from __future__ import annotations

import datetime as dt
import random
import re

NN, KT, GD, YT, VH = ("Nông nghiệp, nông thôn mới", "Kinh tế, sản xuất kinh doanh", "Giáo dục và đào tạo", "Y tế",
                      "Văn hóa, xã hội")
AN, XD, DV, CS = ("Quốc phòng, an ninh", "Xây dựng Đảng, chính quyền", "Dân vận, mặt trận, đoàn thể",
                  "Chuyển đổi số, cải cách hành chính")

HAMLET_NAMES = [
    "Nội Ô", "Xẻo Gừa", "Bà Gồng", "Cái Tràm", "Vĩnh Thạnh", "Nhà Dài", "Phú Tân", "Kinh Xáng", "Trà Ban", "Lung Lá",
    "Cây Gừa", "Bà Hiên", "Ninh Thạnh", "Vĩnh Điền", "Thống Nhất", "Chủ Chí", "Xóm Lớn", "Cai Giảng", "Cù Lao",
    "Sóc Đồn", "Phước Thạnh", "Nhàn Dân", "Thạnh Hưng", "Long Hải", "Bửu Đông", "Kinh Tư", "Bình Điền", "Cây Dương",
    "Đầu Sấu", "Xóm Mới", "Tà Ky", "Hòa Thạnh", "Vĩnh An", "Mỹ Phú Nam", "Cầu Sập", "Giồng Giữa", "Kênh Tắt",
    "Rạch Rắn", "Bào Sen", "Lung Sình", "Cái Giá", "Thông Lưu", "Phú Tòng", "Đường Đào", "Ba Mến", "Vàm Xáng",
]

# ------------------------------------------------------------------------------------------------ communes
COMMUNE_MODELS = [
    ("Mô hình luân canh tôm - lúa bền vững {hw} {h}, {body}", NN,
     "Năng suất lúa {a:.1f} tấn/ha, tôm {b} kg/ha; thu nhập bình quân {c} triệu đồng/ha/năm",
     "Hỗ trợ giống lúa chịu mặn; tổ chức tham quan cho nông dân các {hw}; giới thiệu trên đài truyền thanh",
     {"a": (4.6, 6.3), "b": (260, 480), "c": (140, 240)}),
    ("Mô hình Tổ tự quản an ninh trật tự {hw} {h}, {body}", AN,
     "{a} năm liền không có tội phạm hình sự; hòa giải thành {b}/{b} vụ việc; {c} camera an ninh được lắp đặt",
     "Tập huấn kỹ năng hòa giải; trang bị loa, đèn pin; nhân rộng ra các {hw} lân cận",
     {"a": (2, 5), "b": (6, 19), "c": (8, 30)}),
    ("Mô hình \"Dân vận khéo\" vận động hiến đất làm đường {hw} {h}, {body}", DV,
     "Vận động {a} hộ hiến {b} m² đất, làm {c:.1f} km đường bê tông",
     "Biểu dương tại hội nghị sơ kết; viết bài giới thiệu cách làm; tổ chức học tập kinh nghiệm",
     {"a": (18, 70), "b": (900, 4800), "c": (0.8, 3.6)}),
    ("Mô hình chuyển đổi số \"Chợ 4.0\" {hw} {h}, {body}", CS,
     "{a}% tiểu thương thanh toán không dùng tiền mặt; {b} tài khoản dịch vụ công trực tuyến được kích hoạt",
     "Hỗ trợ thiết bị, tập huấn kỹ năng số; tuyên truyền trên trang thông tin điện tử",
     {"a": (62, 96), "b": (300, 1900)}),
    ("Mô hình nuôi cua - tôm quảng canh cải tiến {hw} {h}, {body}", KT,
     "Lợi nhuận {a} triệu đồng/ha/năm; {b} hộ làm theo, tỷ lệ tôm sống {c}%",
     "Kết nối tiêu thụ sản phẩm; hỗ trợ vay vốn ưu đãi; tổ chức hội thảo đầu bờ",
     {"a": (150, 320), "b": (8, 42), "c": (55, 88)}),
    ("Mô hình \"Tuyến đường hoa, sáng - xanh - sạch\" {hw} {h}, {body}", VH,
     "{a:.1f} km đường trồng hoa, {b} bóng đèn chiếu sáng do người dân đóng góp {c} triệu đồng",
     "Phát động ra quân mỗi tháng; khen thưởng hộ tiêu biểu; nhân rộng trong toàn {body}",
     {"a": (0.6, 4.5), "b": (25, 160), "c": (40, 380)}),
]
COMMUNE_COLLECTIVES = [
    ("Trường Tiểu học {pn}", GD,
     "Hoàn thành xuất sắc nhiệm vụ năm học; {a:.1f}% học sinh hoàn thành chương trình lớp học; {b} giáo viên dạy giỏi cấp huyện",
     "Hỗ trợ thiết bị dạy học; tổ chức chuyên đề trao đổi kinh nghiệm", {"a": (97.0, 100.0), "b": (3, 11)}),
    ("Trạm Y tế {body}", YT, "Đạt Bộ tiêu chí quốc gia về y tế; tiêm chủng đầy đủ {a}% trẻ em; khám {b} lượt bệnh nhân",
     "Tập huấn chuyên môn; biểu dương tại hội nghị tổng kết ngành y tế", {"a": (93, 99), "b": (2400, 9800)}),
    ("Hợp tác xã nông nghiệp {pn}", KT, "Doanh thu {a:.1f} tỷ đồng; liên kết tiêu thụ lúa cho {b} hộ xã viên",
     "Hỗ trợ xây dựng thương hiệu, chứng nhận OCOP; giới thiệu cho các hợp tác xã khác học tập",
     {"a": (1.2, 7.8), "b": (40, 210)}),
    ("Hội Liên hiệp Phụ nữ {body}", DV, "Giúp {a} hội viên thoát nghèo; thành lập {b} tổ hợp tác; vận động {c} triệu đồng",
     "Tổ chức giao lưu, trao đổi kinh nghiệm; tuyên truyền trên phương tiện thông tin đại chúng",
     {"a": (9, 48), "b": (2, 7), "c": (60, 420)}),
    ("Bộ phận Một cửa Ủy ban nhân dân {body}", CS,
     "{a:.1f}% hồ sơ giải quyết đúng hạn; {b}% hồ sơ nộp trực tuyến",
     "Hỗ trợ trang thiết bị; giới thiệu cách làm tại hội nghị cải cách hành chính", {"a": (97.5, 99.9), "b": (48, 92)}),
    ("Công an {body}", AN, "Kéo giảm {a}% số vụ phạm pháp hình sự; giải quyết {b}/{b} tin báo, tố giác tội phạm",
     "Biểu dương kịp thời; giới thiệu kinh nghiệm trong lực lượng công an huyện", {"a": (8, 35), "b": (5, 24)}),
]
COMMUNE_PEOPLE = [
    ("Nông dân, {hw} {h}, {body}", NN,
     "Sản xuất, kinh doanh giỏi cấp tỉnh {a} năm liền; thu nhập {c} triệu đồng/năm; giúp {b} hộ nghèo vay vốn",
     "Hỗ trợ tham gia hội chợ; giới thiệu điển hình trên Báo Bạc Liêu", {"a": (2, 5), "b": (3, 15), "c": (240, 1400)},
     (1962, 1990)),
    ("Giáo viên Trường Trung học cơ sở {pn}", GD,
     "Giáo viên dạy giỏi cấp tỉnh; {a} học sinh giỏi cấp huyện; {b} tiết dạy tốt; sáng kiến cấp cơ sở",
     "Cử tham gia bồi dưỡng chuyên môn; chia sẻ kinh nghiệm tại sinh hoạt chuyên đề", {"a": (4, 19), "b": (12, 80)},
     (1978, 1994)),
    ("Trưởng Công an {body}", AN, "Chiến sĩ thi đua cơ sở {a} năm liền; triệt phá {b} tụ điểm ma túy; giải quyết {c} tin báo về tội phạm",
     "Biểu dương, khen thưởng kịp thời; giới thiệu kinh nghiệm trong lực lượng công an",
     {"a": (2, 4), "b": (1, 5), "c": (6, 48)},
     (1972, 1988)),
    ("Trưởng {hw} {h}, {body}", XD,
     "{HW} đạt chuẩn nông thôn mới kiểu mẫu; vận động xây {a} căn nhà đại đoàn kết; {b} hộ gia đình văn hóa",
     "Tập huấn kỹ năng vận động quần chúng; nhân rộng cách làm ra các {hw}", {"a": (3, 18), "b": (90, 420)},
     (1964, 1984)),
    ("Y sĩ Trạm Y tế {body}", YT, "Khám, chữa bệnh miễn phí cho {a} lượt người cao tuổi; {b} năm không sai sót chuyên môn",
     "Cử đi đào tạo nâng cao; tuyên truyền gương người tốt, việc tốt", {"a": (180, 950), "b": (3, 12)}, (1975, 1993)),
    ("Bí thư Đoàn Thanh niên {body}", DV,
     "Thành lập {a} đội thanh niên tình nguyện; tổ chức {b} công trình thanh niên trị giá {c} triệu đồng",
     "Biểu dương tại đại hội Đoàn; giới thiệu trên trang của Tỉnh đoàn", {"a": (2, 6), "b": (2, 9), "c": (30, 260)},
     (1994, 1999)),
]

# ------------------------------------------------------------------------------------------------ districts
DISTRICT_MODELS = [
    ("Mô hình liên kết sản xuất lúa hữu cơ của {body}", NN,
     "{a} ha lúa hữu cơ được chứng nhận; giá bán cao hơn {b}%; {c} hộ tham gia",
     "Hỗ trợ chứng nhận, kết nối doanh nghiệp bao tiêu; tổ chức hội nghị đầu bờ", {"a": (120, 950), "b": (12, 35),
                                                                              "c": (80, 620)}),
    ("Mô hình \"Bộ phận Một cửa hiện đại\" của {body}", CS,
     "{a:.1f}% hồ sơ đúng hạn; thời gian giải quyết giảm {b}%; {c} hồ sơ trực tuyến toàn trình",
     "Nhân rộng ra các xã; tập huấn công chức một cửa", {"a": (98.0, 99.9), "b": (20, 45), "c": (2100, 9800)}),
    ("Mô hình \"Khu dân cư bình yên\" của {body}", AN,
     "{a} khu dân cư không có tội phạm; phạm pháp hình sự giảm {b}% so với năm trước",
     "Sơ kết, nhân rộng; khen thưởng tổ tự quản tiêu biểu", {"a": (12, 48), "b": (9, 27)}),
]
DISTRICT_COLLECTIVES = [
    ("Phòng Nội vụ {body}", XD, "Tham mưu sắp xếp {a} đơn vị hành chính cấp xã; {b} hồ sơ khen thưởng đúng hạn",
     "Biểu dương trong hội nghị tổng kết ngành nội vụ", {"a": (2, 9), "b": (120, 480)}),
    ("Trung tâm Y tế {body}", YT, "Khám, điều trị {a} lượt người bệnh; {b}% dân số tham gia bảo hiểm y tế",
     "Đầu tư trang thiết bị; chia sẻ kinh nghiệm với các trung tâm y tế khác", {"a": (24000, 96000), "b": (88, 97)}),
    ("Phòng Giáo dục và Đào tạo {body}", GD,
     "{a} trường đạt chuẩn quốc gia; {b} học sinh giỏi cấp tỉnh; tỷ lệ tốt nghiệp trung học cơ sở {c:.1f}%",
     "Tổ chức hội thảo chuyên đề; nhân rộng cách làm", {"a": (6, 24), "b": (12, 70), "c": (97.0, 99.9)}),
    ("Trung tâm Văn hóa, Thể thao và Truyền thanh {body}", VH,
     "Tổ chức {a} hoạt động văn hóa, thể thao; {b} tin, bài tuyên truyền gương điển hình",
     "Giới thiệu trên sóng phát thanh; biểu dương cuối năm", {"a": (18, 64), "b": (150, 620)}),
    ("Công an {body}", AN, "Điều tra làm rõ {a}% vụ án; triệt xóa {b} ổ nhóm tội phạm",
     "Khen thưởng đột xuất; giới thiệu kinh nghiệm trong lực lượng", {"a": (82, 97), "b": (2, 9)}),
    ("Phòng Tài nguyên và Môi trường {body}", NN, "Cấp {a} giấy chứng nhận quyền sử dụng đất; xử lý {b} điểm ô nhiễm",
     "Tuyên truyền pháp luật đất đai; nhân rộng mô hình phân loại rác", {"a": (300, 2400), "b": (3, 14)}),
]
DISTRICT_PEOPLE = [
    ("Trưởng phòng Nội vụ {body}", XD, "Chiến sĩ thi đua cơ sở {a} năm liền; chủ trì {b} đề án cải cách tổ chức bộ máy; thẩm định {c} hồ sơ",
     "Biểu dương tại hội nghị tổng kết", {"a": (2, 5), "b": (1, 4), "c": (60, 400)}, (1970, 1984)),
    ("Bác sĩ Trung tâm Y tế {body}", YT, "Thực hiện {a} ca phẫu thuật thành công; sáng kiến cấp tỉnh về {b} quy trình",
     "Cử đi đào tạo chuyên khoa; tuyên truyền gương thầy thuốc", {"a": (120, 900), "b": (1, 3)}, (1975, 1990)),
    ("Hiệu trưởng Trường Trung học cơ sở {pn}", GD,
     "Trường {a} năm liền tập thể lao động xuất sắc; {b} học sinh giỏi cấp tỉnh",
     "Nhân rộng kinh nghiệm quản lý trường học", {"a": (2, 5), "b": (5, 26)}, (1970, 1984)),
    ("Đội trưởng Đội Cảnh sát giao thông - trật tự, Công an {body}", AN,
     "Kéo giảm {a}% tai nạn giao thông; xử lý {b} trường hợp vi phạm", "Biểu dương trong lực lượng công an",
     {"a": (6, 22), "b": (800, 4200)}, (1976, 1988)),
    ("Chuyên viên Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {body}", CS,
     "Xây dựng {a} quy trình nội bộ điện tử; số hóa {b} hồ sơ lưu trữ",
     "Chia sẻ kinh nghiệm chuyển đổi số với các xã", {"a": (4, 16), "b": (3000, 21000)}, (1986, 1996)),
]

# --------------------------------------------------------------------------- provincial agencies and enterprises
AGENCY = {
    "SNNPTNT": {
        "mô hình": [("Mô hình nuôi tôm siêu thâm canh công nghệ cao tại {district}", NN,
                     "Năng suất {a} tấn/ha/vụ; giảm {b}% chi phí thức ăn", "Chuyển giao quy trình; hội thảo đầu bờ",
                     {"a": (18, 42), "b": (8, 21)}),
                    ("Mô hình cánh đồng lớn lúa - tôm tại {district}", NN,
                     "{a} ha liên kết; lợi nhuận tăng {b}%", "Hỗ trợ giống, kết nối doanh nghiệp", {"a": (150, 900),
                                                                                               "b": (12, 38)})],
        "tập thể": [("Chi cục Thủy sản, Sở Nông nghiệp và Phát triển nông thôn", NN,
                     "Kiểm soát {a} cơ sở sản xuất giống; {b}% tôm giống đạt chất lượng", "Biểu dương trong ngành",
                     {"a": (60, 240), "b": (91, 99)}),
                    ("Trung tâm Khuyến nông, Sở Nông nghiệp và Phát triển nông thôn", NN,
                     "Tổ chức {a} lớp tập huấn cho {b} lượt nông dân", "Nhân rộng mô hình trình diễn",
                     {"a": (40, 160), "b": (1800, 7600)})],
        "cá nhân": [("Kỹ sư Trung tâm Khuyến nông tỉnh", NN, "Xây dựng {a} mô hình trình diễn; {b} sáng kiến cấp tỉnh",
                     "Cử đi học tập kinh nghiệm", {"a": (3, 12), "b": (1, 3)}, (1982, 1994)),
                    ("Phó Chi cục trưởng Chi cục Trồng trọt và Bảo vệ thực vật", NN,
                     "Chỉ đạo phòng trừ dịch hại trên {a} ha lúa; thiệt hại giảm {b}%", "Biểu dương trong ngành",
                     {"a": (8000, 42000), "b": (10, 35)}, (1972, 1985))],
    },
    "HND": {
        "mô hình": [("Tổ hợp tác nuôi cua ấp {h}, {commune}", KT, "{a} tổ viên; lợi nhuận {b} triệu đồng/hộ/năm",
                     "Hỗ trợ vốn từ Quỹ Hỗ trợ nông dân", {"a": (9, 28), "b": (90, 260)})],
        "tập thể": [("Hội Nông dân {commune}", DV, "Phát triển {a} hội viên mới; {b} hộ đạt danh hiệu sản xuất giỏi",
                     "Biểu dương tại đại hội Hội Nông dân", {"a": (40, 190), "b": (60, 310)}),
                    ("Chi hội Nông dân ấp {h}, {commune}", DV, "{a}% hội viên tham gia tổ hợp tác; giúp {b} hộ thoát nghèo",
                     "Nhân rộng cách làm trong toàn tỉnh", {"a": (55, 92), "b": (3, 16)})],
        "cá nhân": [("Chủ tịch Hội Nông dân {commune}", DV, "Vận động {a} hộ tham gia hợp tác xã; giải ngân {b} triệu đồng vốn vay",
                     "Biểu dương, khen thưởng", {"a": (30, 160), "b": (400, 2600)}, (1970, 1986)),
                    ("Nông dân sản xuất giỏi, ấp {h}, {commune}", NN, "Thu nhập {a} triệu đồng/năm; tạo việc làm cho {b} lao động",
                     "Giới thiệu điển hình trên Báo Bạc Liêu", {"a": (380, 1600), "b": (4, 20)}, (1962, 1988))],
    },
    "LDLD": {
        "mô hình": [("Mô hình \"Mái ấm Công đoàn\" của Liên đoàn Lao động {district}", DV,
                     "Xây {a} Mái ấm Công đoàn trị giá {b} triệu đồng", "Vận động doanh nghiệp cùng đóng góp",
                     {"a": (4, 19), "b": (200, 950)})],
        "tập thể": [("Công đoàn ngành Giáo dục tỉnh Bạc Liêu", DV, "{a}% công đoàn cơ sở vững mạnh; {b} sáng kiến được công nhận",
                     "Biểu dương trong hệ thống công đoàn", {"a": (86, 98), "b": (20, 95)}),
                    ("Công đoàn Khu công nghiệp Trà Kha", DV, "Ký {a} thỏa ước lao động tập thể; hỗ trợ {b} đoàn viên khó khăn",
                     "Giới thiệu kinh nghiệm thương lượng", {"a": (6, 22), "b": (40, 260)})],
        "cá nhân": [("Chủ tịch Công đoàn cơ sở Trường Trung học phổ thông Giá Rai", GD,
                     "Đề xuất {a} sáng kiến; vận động {b} triệu đồng quỹ tương trợ", "Biểu dương trong ngành",
                     {"a": (2, 7), "b": (20, 140)}, (1976, 1988)),
                    ("Công nhân Công ty Cổ phần Chế biến thủy sản Bạc Liêu", KT,
                     "Vượt {a}% định mức; {b} sáng kiến cải tiến kỹ thuật", "Tuyên truyền gương công nhân giỏi",
                     {"a": (12, 45), "b": (1, 4)}, (1984, 1998))],
    },
    "PCBL": {
        "tập thể": [("Điện lực {town}, Công ty Điện lực Bạc Liêu", KT,
                     "Tổn thất điện năng {a:.2f}%; {b}% khách hàng dùng hóa đơn điện tử", "Nhân rộng trong công ty",
                     {"a": (2.8, 4.9), "b": (92, 99)})],
        "cá nhân": [("Công nhân quản lý vận hành, Điện lực {town}", KT,
                     "{a} năm không để xảy ra sự cố; xử lý {b} điểm mất an toàn lưới điện", "Biểu dương tại hội nghị",
                     {"a": (3, 9), "b": (20, 140)}, (1984, 1996)),
                    ("Kỹ sư Phòng Kỹ thuật, Công ty Điện lực Bạc Liêu", CS, "Xây dựng {a} phần mềm quản lý lưới; tiết kiệm {b} triệu đồng",
                     "Công nhận sáng kiến cấp tổng công ty", {"a": (1, 4), "b": (150, 900)}, (1983, 1995))],
    },
    "XSKT": {
        "tập thể": [("Phòng Kế hoạch - Kinh doanh, Công ty TNHH MTV Xổ số kiến thiết Bạc Liêu", KT,
                     "Doanh thu vượt {a}% kế hoạch; nộp ngân sách {b} tỷ đồng", "Biểu dương trong công ty",
                     {"a": (3, 18), "b": (520, 980)}),
                    ("Phòng Tài chính - Kế toán, Công ty TNHH MTV Xổ số kiến thiết Bạc Liêu", KT,
                     "Thu hồi {a}% công nợ đại lý; quyết toán {b} hợp đồng đúng hạn", "Biểu dương trong công ty",
                     {"a": (96, 100), "b": (140, 620)})],
        "cá nhân": [("Kế toán trưởng, Công ty TNHH MTV Xổ số kiến thiết Bạc Liêu", KT,
                     "Quyết toán đúng hạn {a} năm liền; tiết kiệm {b} triệu đồng chi phí", "Biểu dương",
                     {"a": (3, 10), "b": (80, 600)}, (1972, 1986)),
                    ("Nhân viên Phòng Kế hoạch - Kinh doanh, Công ty TNHH MTV Xổ số kiến thiết Bạc Liêu", CS,
                     "Số hóa {a} hợp đồng đại lý; {b} sáng kiến", "Công nhận sáng kiến cấp cơ sở",
                     {"a": (120, 480), "b": (1, 3)}, (1988, 1998))],
    },
    "CNBL": {
        "tập thể": [("Xí nghiệp Cấp nước {town}, Công ty Cổ phần Cấp nước Bạc Liêu", KT,
                     "Tỷ lệ thất thoát nước {a:.1f}%; phát triển {b} đấu nối mới", "Nhân rộng trong công ty",
                     {"a": (12.0, 19.5), "b": (300, 1800)})],
        "cá nhân": [("Công nhân vận hành Nhà máy nước {town}", KT,
                     "{a} năm vận hành an toàn; xử lý {b} sự cố đường ống", "Biểu dương tại hội nghị người lao động",
                     {"a": (2, 8), "b": (30, 160)}, (1985, 1997)),
                    ("Kỹ sư Phòng Kỹ thuật, Công ty Cổ phần Cấp nước Bạc Liêu", KT,
                     "Thiết kế {a} km mạng cấp nước; giảm {b}% điện năng bơm", "Công nhận sáng kiến",
                     {"a": (4, 38), "b": (5, 18)}, (1982, 1994))],
    },
    # Clusters and blocs register their members' exemplars (models and collectives only).
    "CUM-HUYEN": {
        "mô hình": [("Mô hình \"Ngày thứ Bảy văn minh\" của Ủy ban nhân dân {district}", VH,
                     "{a} đợt ra quân; {b} km kênh mương được khơi thông", "Nhân rộng trong Cụm",
                     {"a": (12, 40), "b": (8, 60)})],
        "tập thể": [("Phòng Văn hóa và Thông tin {district}", VH, "{a} ấp, khóm văn hóa; {b}% hộ gia đình văn hóa",
                     "Biểu dương trong Cụm thi đua", {"a": (40, 95), "b": (88, 97)})],
    },
    "KHOI-KT": {
        "mô hình": [("Mô hình nhật ký điện tử truy xuất nguồn gốc tôm giống", CS,
                     "{a} cơ sở áp dụng; {b} lô giống được truy xuất", "Nhân rộng trong Khối",
                     {"a": (30, 140), "b": (400, 2600)})],
        "tập thể": [("Chi cục Chăn nuôi và Thú y, Sở Nông nghiệp và Phát triển nông thôn", NN,
                     "Tiêm phòng {a}% đàn gia súc; không để dịch lớn xảy ra {b} năm liền", "Biểu dương trong Khối",
                     {"a": (82, 97), "b": (2, 6)}),
                    ("Văn phòng Điều phối nông thôn mới tỉnh Bạc Liêu", NN,
                     "Tham mưu công nhận {a} xã nông thôn mới nâng cao; {b} sản phẩm OCOP", "Biểu dương trong Khối",
                     {"a": (3, 12), "b": (10, 45)})],
    },
    "KHOI-DN": {
        "mô hình": [("Mô hình hóa đơn điện tử, thanh toán không dùng tiền mặt của các doanh nghiệp trong Khối", CS,
                     "{a}% khách hàng thanh toán điện tử; tiết kiệm {b} triệu đồng/năm", "Nhân rộng trong Khối",
                     {"a": (78, 98), "b": (300, 1400)})],
        "tập thể": [("Phòng Tổ chức - Hành chính, Công ty Cổ phần Cấp nước Bạc Liêu", XD,
                     "Số hóa {a} hồ sơ nhân sự; {b} quy chế được sửa đổi", "Biểu dương trong Khối",
                     {"a": (200, 900), "b": (3, 11)})],
    },
}


def _figures(rng: random.Random, ranges: dict, text: str) -> dict:
    """Each figure drawn in its range and written the Vietnamese way (1.200; 5,2), with the decimals its
    placeholder asks ({a:.1f})."""
    out = {}
    for key, (low, high) in ranges.items():
        if isinstance(low, float):
            spec = re.search(r"\{" + key + r":\.(\d)f\}", text)
            digits = int(spec.group(1)) if spec else 1
            out[key] = f"{rng.uniform(low, high):.{digits}f}".replace(".", ",")
        else:
            out[key] = f"{rng.randint(low, high):,}".replace(",", ".")
    return out


def fill(text: str, figures: dict, ctx: dict) -> str:
    return re.sub(r"\{(\w)(:\.\df)?\}", r"{\1}", text).format(**figures, **ctx)


class Exemplars:
    """Draws entries for one unit; every achievement text of the sample is distinct."""

    def __init__(self, rng: random.Random, people, seen: set[str]):
        self.rng, self.people, self.seen = rng, people, seen

    def entry(self, entry_cls, template: tuple, kind: str, context, names: set[str]):
        """`context()` draws the placeholders (a district, a commune, a hamlet) and where the exemplar is; drawn
        again until a model's or collective's name is not yet taken this year."""
        name_t, field, ach_t, meas_t, ranges, *birth = template
        for _ in range(200):
            ctx, where = context()
            if kind == "cá nhân" or name_t.format(**ctx) not in names:
                break
        names.add(name_t.format(**ctx))
        for _ in range(100):  # bounded: a template's figures could run out
            achievement = fill(ach_t, _figures(self.rng, ranges, ach_t), ctx)
            if achievement not in self.seen:
                break
        self.seen.add(achievement)
        measures = meas_t.format(**ctx)
        if kind == "cá nhân":
            low, high = birth[0]
            born = dt.date(self.rng.randint(low, high), self.rng.randint(1, 12), self.rng.randint(1, 28))
            return entry_cls(0, self.people.name()[0], kind, born, name_t.format(**ctx), field, achievement, measures)
        return entry_cls(0, name_t.format(**ctx), kind, None, where, field, achievement, measures)


# Rural exemplars a city ward does not have.
NOT_IN_WARDS = {"Mô hình luân canh tôm - lúa bền vững {hw} {h}, {body}", "Mô hình nuôi cua - tôm quảng canh cải tiến {hw} {h}, {body}",
                "Hợp tác xã nông nghiệp {pn}", "Nông dân, {hw} {h}, {body}"}
