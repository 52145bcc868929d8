"""The investigation report, the indictment and the decision to bring the case to trial."""

from __future__ import annotations

from ..case import CQDT, CRIMINAL_RECORD, DEFENDANT_BIO, DEMO_CASE, NATION, TOA, VKS
from ..writer import Pdf

FACTS = (
    'Khoảng 22 giờ 10 phút ngày 08/01/2026, chị Trần Thị Mai (sinh năm 1990, trú tại số 15 phố Đội Cấn, '
    'phường Ngọc Hà, thành phố Hà Nội) đi làm về, dựng xe mô tô nhãn hiệu Honda Air Blade 125, màu đỏ đen, biển '
    'kiểm soát 29B1-123.45 trên vỉa hè trước cửa nhà, khóa cổ xe rồi vào nhà. Trong cốp xe có một điện thoại '
    'di động Samsung Galaxy A54 màu tím, chị Mai để quên chưa lấy ra.',
    'Cùng thời điểm này, Nguyễn Văn Hải đi bộ từ phòng trọ tại ngõ 158 phố Ngọc Hà ra phố Đội Cấn với mục '
    'đích tìm tài sản sơ hở để trộm cắp. Trong túi áo khoác, Hải mang theo một chiếc vam phá khóa bằng kim '
    'loại hình chữ T, dài khoảng 12 cm, do Hải tự mua trên mạng xã hội từ tháng 11/2025. Khi đi qua trước nhà '
    'số 15, Hải quan sát thấy chiếc xe mô tô của chị Mai không có người trông giữ nên nảy sinh ý định trộm cắp.',
    'Hải đứng quan sát xung quanh khoảng 3 phút, sau đó tiến lại gần xe, dùng vam phá khóa cắm vào ổ khóa '
    'điện, vặn mạnh làm hỏng ổ khóa rồi bẻ khóa cổ xe. Đến 22 giờ 14 phút, Hải nổ máy, điều khiển xe đi theo '
    'hướng phố Liễu Giai về phòng trọ. Toàn bộ diễn biến được camera an ninh lắp tại cửa hàng tạp hóa số 20 '
    'phố Đội Cấn (đối diện nhà chị Mai) ghi lại.',
    'Về đến phòng trọ, Hải mở cốp xe, phát hiện chiếc điện thoại di động nên cất giấu để bán lấy tiền. Hải '
    'tháo biển kiểm soát của xe, cất trong gầm giường, dùng tấm bạt che xe tại khu để xe chung của nhà trọ.',
    'Khoảng 22 giờ 40 phút cùng ngày, chị Mai phát hiện bị mất xe nên đến Công an phường Ngọc Hà trình báo. '
    'Qua trích xuất dữ liệu camera an ninh và xác minh, Cơ quan điều tra xác định đối tượng có nhiều đặc '
    'điểm trùng khớp với Nguyễn Văn Hải. Ngày 10/01/2026, Hải bị giữ người trong trường hợp khẩn cấp tại phòng '
    'trọ. Tại cơ quan điều tra, Hải đã khai nhận toàn bộ hành vi phạm tội như trên.',
    'Cơ quan Cảnh sát điều tra đã thu giữ: 01 xe mô tô Honda Air Blade 125 màu đỏ đen, biển kiểm soát '
    '29B1-123.45 (ổ khóa điện bị phá hỏng); 01 điện thoại di động Samsung Galaxy A54 màu tím (màn hình bị nứt); '
    '01 vam phá khóa bằng kim loại hình chữ T; 01 áo khoác màu đen và 01 mũ lưỡi trai màu ghi của Hải; 01 thiết '
    'bị lưu trữ (USB) chứa dữ liệu trích xuất từ camera an ninh.',
)


def doc_indictment(pdf: Pdf) -> None:
    pdf.new_page()
    pdf.header([*VKS, f'Số: {DEMO_CASE["indictment_number"]}'], [*NATION, '__Hà Nội, ngày 20 tháng 3 năm 2026__'])
    pdf.center('CÁO TRẠNG', size=18, after=0)
    pdf.center('Truy tố bị can ra trước Tòa án để xét xử', size=12, style='i', after=2)
    pdf.center('VIỆN TRƯỞNG VIỆN KIỂM SÁT NHÂN DÂN KHU VỰC 1 - HÀ NỘI', size=12, after=10)
    for basis in (
        'Căn cứ Điều 41, Điều 236 và Điều 243 Bộ luật Tố tụng hình sự năm 2015;',
        'Căn cứ Quyết định khởi tố vụ án hình sự số 09/QĐ-ĐCS ngày 10/01/2026 của Cơ quan Cảnh sát điều tra '
        'Công an thành phố Hà Nội về tội "Trộm cắp tài sản" quy định tại khoản 1 Điều 173 Bộ luật Hình sự;',
        'Căn cứ Quyết định khởi tố bị can số 11/QĐ-ĐCS ngày 10/01/2026 đối với Nguyễn Văn Hải, đã được Viện kiểm '
        'sát nhân dân khu vực 1 - Hà Nội phê chuẩn;',
        'Căn cứ Bản kết luận điều tra vụ án hình sự đề nghị truy tố số 31/KLĐT-ĐCS ngày 06/3/2026 của Cơ quan '
        'Cảnh sát điều tra Công an thành phố Hà Nội.',
    ):
        pdf.para(f'__{basis}__', after=2)
    pdf.bookmark('I. Nội dung vụ án')
    pdf.center('I. NỘI DUNG VỤ ÁN', before=8, after=6)
    for text in FACTS:
        pdf.para(text)
    pdf.bookmark('II. Chứng cứ xác định hành vi phạm tội')
    pdf.center('II. CHỨNG CỨ XÁC ĐỊNH HÀNH VI PHẠM TỘI', before=8, after=6)
    for text in (
        'Tại Kết luận định giá tài sản số 12/KL-HĐĐG ngày 20/01/2026, Hội đồng định giá tài sản trong tố tụng hình '
        'sự thành phố Hà Nội kết luận: xe mô tô Honda Air Blade 125 sản xuất năm 2022 có giá trị 32.500.000 đồng; điện '
        'thoại di động Samsung Galaxy A54 có giá trị 5.200.000 đồng. Tổng giá trị tài sản bị chiếm đoạt là '
        '37.700.000 đồng.',
        'Tại Kết luận giám định số 235/KL-KTHS ngày 28/01/2026, Phòng Kỹ thuật hình sự Công an thành phố Hà Nội '
        'kết luận: số khung, số máy của xe mô tô là nguyên thủy, không bị đục sửa; dấu vết trên ổ khóa điện được '
        'tạo ra bởi vật có đặc điểm phù hợp với chiếc vam phá khóa thu giữ của Hải; dữ liệu camera không có dấu '
        'hiệu cắt ghép, chỉnh sửa.',
        'Hành vi phạm tội của bị can Nguyễn Văn Hải được chứng minh bằng: lời khai nhận tội của bị can tại các biên '
        'bản hỏi cung (bút lục tương ứng trong mục lục hồ sơ); lời khai của bị hại Trần Thị Mai; lời khai của người '
        'làm chứng Lê Văn Bình và Phạm Thu Hà; biên bản khám nghiệm hiện trường; biên bản thu giữ vật chứng; bản '
        'ảnh vật chứng; dữ liệu điện tử trích xuất từ camera an ninh; kết luận định giá tài sản và kết luận giám '
        'định. Các chứng cứ trên phù hợp với nhau về thời gian, địa điểm, phương thức thực hiện hành vi phạm tội.',
        'Như vậy, có đủ căn cứ kết luận: khoảng 22 giờ 14 phút ngày 08/01/2026, tại vỉa hè trước nhà số 15 phố Đội '
        'Cấn, phường Ngọc Hà, thành phố Hà Nội, Nguyễn Văn Hải đã có hành vi lén lút chiếm đoạt 01 xe '
        'mô tô và 01 điện thoại di động của chị Trần Thị Mai, tổng trị giá 37.700.000 đồng.',
    ):
        pdf.para(text)
    pdf.bookmark('III. Vật chứng, trách nhiệm dân sự, nhân thân')
    pdf.center('III. VẬT CHỨNG, TRÁCH NHIỆM DÂN SỰ VÀ NHÂN THÂN BỊ CAN', before=8, after=6)
    for text in (
        'Về vật chứng: Cơ quan điều tra đã trả lại cho chị Trần Thị Mai 01 xe mô tô và 01 điện thoại di động nêu '
        'trên theo Quyết định xử lý vật chứng số 04/QĐ-ĐCS ngày 25/01/2026. Đối với 01 vam phá khóa, 01 áo khoác và '
        '01 mũ lưỡi trai hiện đang được bảo quản tại Thi hành án dân sự thành phố Hà Nội; 01 USB chứa dữ liệu '
        'camera được lưu trong hồ sơ vụ án.',
        'Về trách nhiệm dân sự: chị Trần Thị Mai đã nhận lại tài sản, yêu cầu bị can bồi thường chi phí sửa chữa ổ '
        'khóa điện và thay màn hình điện thoại là 2.850.000 đồng. Gia đình bị can đã bồi thường đủ số tiền này cho '
        'chị Mai ngày 14/02/2026; chị Mai có đơn xin giảm nhẹ hình phạt cho bị can.',
        f'Về nhân thân bị can: {DEFENDANT_BIO} {CRIMINAL_RECORD}',
        'Tình tiết giảm nhẹ: bị can thành khẩn khai báo, ăn năn hối cải; đã tác động gia đình bồi thường thiệt hại; '
        'bị hại có đơn xin giảm nhẹ hình phạt (điểm b, điểm s khoản 1, khoản 2 Điều 51 Bộ luật Hình sự). Tình tiết '
        'tăng nặng: không.',
    ):
        pdf.para(text)
    pdf.bookmark('IV. Kết luận và quyết định truy tố')
    pdf.center('IV. KẾT LUẬN', before=8, after=6)
    pdf.para('Hành vi nêu trên của bị can Nguyễn Văn Hải đã phạm vào tội "Trộm cắp tài sản", tội phạm và hình phạt '
             'được quy định tại **khoản 1 Điều 173 Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017)**, có khung '
             'hình phạt cải tạo không giam giữ đến 03 năm hoặc phạt tù từ 06 tháng đến 03 năm.')
    pdf.center('QUYẾT ĐỊNH', size=13, before=6, after=6)
    pdf.para('**Truy tố** ra trước Tòa án nhân dân khu vực 1 - Hà Nội để xét xử sơ thẩm bị can: '
             f'{DEFENDANT_BIO}')
    pdf.para('Về tội "Trộm cắp tài sản" theo khoản 1 Điều 173 Bộ luật Hình sự.')
    pdf.para('**Kèm theo cáo trạng:** hồ sơ vụ án gồm 01 tập, được đánh số bút lục liên tục; danh sách những người '
             'cần triệu tập đến phiên tòa: bị cáo Nguyễn Văn Hải; bị hại Trần Thị Mai; người làm chứng Lê Văn Bình '
             'và Phạm Thu Hà; người bào chữa: Luật sư Bùi Quang Huy, Đoàn Luật sư thành phố Hà Nội.', after=14)
    pdf.signatures([
        ['**Nơi nhận:**', '- TAND khu vực 1 - Hà Nội;', '- VKSND TP Hà Nội;', '- CQCSĐT CA TP Hà Nội;',
         '- Bị can; Lưu: HSVA, VP.'],
        ['**KT. VIỆN TRƯỞNG**', '**PHÓ VIỆN TRƯỞNG**', '~', '', '', '**Trần Minh Quang**'],
    ], seal=1)


def doc_trial_decision(pdf: Pdf) -> None:
    pdf.new_page()
    c = DEMO_CASE
    pdf.header([*TOA, f'Số: {c["trial_decision_number"]}'], [*NATION, '__Hà Nội, ngày 02 tháng 4 năm 2026__'])
    pdf.center('QUYẾT ĐỊNH', size=16, after=0)
    pdf.center('ĐƯA VỤ ÁN RA XÉT XỬ', size=14, after=8)
    pdf.center('TÒA ÁN NHÂN DÂN KHU VỰC 1 - HÀ NỘI', size=12, after=8)
    for basis in (
        'Căn cứ các điều 45, 254, 255, 277 và 286 Bộ luật Tố tụng hình sự;',
        'Căn cứ Nghị quyết số 33/2021/QH15 ngày 12/11/2021 của Quốc hội về tổ chức phiên tòa trực tuyến;',
        f'Sau khi nghiên cứu hồ sơ vụ án hình sự sơ thẩm thụ lý số {c["case_number"]} ngày 25 tháng 3 năm 2026,',
    ):
        pdf.para(f'__{basis}__', after=2)
    pdf.center('QUYẾT ĐỊNH:', size=12, before=6, after=6)
    pdf.para('**1. Đưa ra xét xử sơ thẩm** vụ án hình sự đối với bị cáo: Nguyễn Văn Hải, sinh năm 1995; bị Viện '
             f'kiểm sát nhân dân khu vực 1 - Hà Nội truy tố về tội "Trộm cắp tài sản" theo khoản 1 Điều 173 Bộ luật '
             f'Hình '
             f'sự tại Cáo trạng số {c["indictment_number"]} ngày 20/3/2026.')
    pdf.para('**2. Thời gian mở phiên tòa:** 08 giờ 00 phút ngày 15 tháng 4 năm 2026. **Địa điểm:** trụ sở Tòa án '
             'nhân dân khu vực 1 - Hà Nội (điểm cầu trung tâm) và điểm cầu thành phần tại Trại tạm giam số 1 Công '
             'an thành '
             'phố Hà Nội. Vụ án được xét xử **công khai**, theo hình thức **trực tuyến**.')
    pdf.para('**3. Thành phần Hội đồng xét xử gồm:**', after=2)
    panel = c['trial_panel']
    for line in (
        f'Thẩm phán - Chủ tọa phiên tòa: Bà {panel["presiding_judge"]};',
        f'Các Hội thẩm nhân dân: Ông {panel["assessors"][0]} và Bà {panel["assessors"][1]};',
        f'Thư ký phiên tòa: Ông {panel["clerk"]} — Thư ký Tòa án nhân dân khu vực 1 - Hà Nội;',
        f'Kiểm sát viên: Bà {c["procurator"]} — Viện kiểm sát nhân dân khu vực 1 - Hà Nội.',
    ):
        pdf.para(line, left=20, indent=0, after=1)
    pdf.para('**4. Những người tham gia tố tụng được triệu tập:** bị cáo Nguyễn Văn Hải (đang bị tạm giam, tham gia '
             'tại điểm cầu thành phần); người bào chữa: Luật sư Bùi Quang Huy; bị hại: chị Trần Thị Mai; người làm '
             'chứng: anh Lê Văn Bình, chị Phạm Thu Hà.', before=4)
    pdf.para('**5. Vật chứng cần đưa ra xem xét tại phiên tòa:** 01 vam phá khóa; 01 áo khoác màu đen; 01 mũ lưỡi '
             'trai màu ghi; dữ liệu điện tử trích xuất từ camera an ninh (lưu trong USB); bản ảnh vật chứng đã trả '
             'cho bị hại.')
    pdf.para('**6. Tiếp tục tạm giam bị cáo** để bảo đảm cho việc xét xử theo Quyết định tạm giam số '
             '41/2026/HSST-QĐTG ngày 02/4/2026.', after=14)
    pdf.signatures([
        ['**Nơi nhận:**', '- VKSND khu vực 1 - Hà Nội;', '- Bị cáo; người bào chữa;', '- Trại tạm giam số 1;',
         '- Lưu: HSVA.'],
        ['**THẨM PHÁN - CHỦ TỌA PHIÊN TÒA**', '~', '', '', f'**{panel["presiding_judge"]}**'],
    ], seal=1)


def doc_investigation_report(pdf: Pdf) -> None:
    pdf.new_page()
    pdf.header([*CQDT, 'Số: 31/KLĐT-ĐCS'], [*NATION, '__Hà Nội, ngày 06 tháng 3 năm 2026__'])
    pdf.center('BẢN KẾT LUẬN ĐIỀU TRA', size=16, after=0)
    pdf.center('Vụ án hình sự — đề nghị truy tố', size=12, style='i', after=10)
    pdf.para('__Căn cứ Điều 232 Bộ luật Tố tụng hình sự; căn cứ kết quả điều tra vụ án "Trộm cắp tài sản" xảy ra '
             'ngày 08/01/2026 tại phường Ngọc Hà, thành phố Hà Nội, Cơ quan Cảnh sát điều tra Công an thành phố Hà '
             'Nội kết '
             'luận như sau:__')
    pdf.bookmark('1. Diễn biến hành vi phạm tội')
    pdf.center('1. DIỄN BIẾN HÀNH VI PHẠM TỘI', before=6, after=6)
    for text in FACTS:
        pdf.para(text)
    pdf.bookmark('2. Quá trình điều tra')
    pdf.center('2. QUÁ TRÌNH ĐIỀU TRA', before=6, after=6)
    for text in (
        'Ngày 08/01/2026, Công an phường Ngọc Hà tiếp nhận đơn trình báo của chị Trần Thị Mai và chuyển Cơ quan Cảnh '
        'sát điều tra Công an thành phố Hà Nội giải quyết theo thẩm quyền. Rạng sáng ngày 09/01/2026, Cơ quan điều tra '
        'phối hợp với Viện kiểm sát nhân dân khu vực 1 - Hà Nội tiến hành khám nghiệm hiện trường, lập sơ đồ và '
        'chụp bản '
        'ảnh hiện trường; thu giữ 02 mảnh nhựa màu đen tại vị trí dựng xe.',
        'Ngày 09/01/2026, Cơ quan điều tra thu giữ dữ liệu điện tử từ đầu ghi camera an ninh của cửa hàng tạp hóa số '
        '20 phố Đội Cấn. Qua phân tích hình ảnh, kết hợp rà soát đối tượng có tiền sự về hành vi trộm cắp trên địa '
        'bàn, xác định người trong đoạn ghi hình có nhiều đặc điểm trùng khớp với Nguyễn Văn Hải.',
        'Ngày 10/01/2026, Cơ quan điều tra ra quyết định giữ người trong trường hợp khẩn cấp đối với Nguyễn Văn Hải. '
        'Hải đã khai nhận hành vi, tự nguyện dẫn cán bộ điều tra về phòng trọ chỉ nơi cất giấu tài sản. Cùng ngày, Cơ '
        'quan điều tra ra quyết định khởi tố vụ án hình sự, khởi tố bị can và thu giữ vật chứng.',
        'Cơ quan điều tra đã trưng cầu giám định, yêu cầu định giá tài sản; lấy lời khai bị hại, người làm chứng; tổ '
        'chức nhận dạng qua ảnh; hỏi cung bị can với sự tham gia của người bào chữa. Các hoạt động điều tra được thực '
        'hiện đúng trình tự, thủ tục theo quy định của Bộ luật Tố tụng hình sự.',
    ):
        pdf.para(text)
    pdf.bookmark('3. Kết luận và đề nghị')
    pdf.center('3. KẾT LUẬN VÀ ĐỀ NGHỊ', before=6, after=6)
    pdf.para('Có đủ căn cứ kết luận Nguyễn Văn Hải đã phạm tội "Trộm cắp tài sản" quy định tại khoản 1 Điều 173 Bộ '
             'luật Hình sự. Tổng giá trị tài sản chiếm đoạt là 37.700.000 đồng. Bị can thành khẩn khai báo, ăn năn '
             'hối cải, đã bồi thường thiệt hại. Cơ quan Cảnh sát điều tra Công an thành phố Hà Nội chuyển hồ sơ vụ '
             'án đến '
             'Viện kiểm sát nhân dân khu vực 1 - Hà Nội đề nghị truy tố bị can Nguyễn Văn Hải theo quy định của '
             'pháp luật.',
             after=14)
    pdf.signatures([
        ['**Nơi nhận:**', '- VKSND khu vực 1 - Hà Nội;', '- Bị can; người bào chữa;', '- Lưu: HSVA, ĐCS.'],
        ['**KT. THỦ TRƯỞNG**', '**PHÓ THỦ TRƯỞNG**', '~', '', '', '**Hoàng Văn Nam**'],
    ], seal=1)
