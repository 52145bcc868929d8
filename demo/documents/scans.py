"""The image-only pages of the file: the victim's report, scene records and procedural decisions."""

from __future__ import annotations

from ..scan import Scan
from ..typeset import LEFT, PAGE_W, RIGHT


def scan_pages(bl_first: int) -> list[tuple[bytes, str]]:
    """Scanned, image-only pages: the victim's report, the scene examination with its sketch, the seizure record."""
    pages: list[tuple[bytes, str]] = []
    header = (['CÔNG AN TP HÀ NỘI', '**CƠ QUAN CSĐT**', '---'],
              ['**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**', '**Độc lập - Tự do - Hạnh phúc**', '---'])

    s = Scan(bl_first, seed=101)
    s.header(['', '', ''], header[1])
    s.center('ĐƠN TRÌNH BÁO', size=15, after=2)
    s.center('(V/v: mất trộm xe mô tô và điện thoại di động)', size=11, style='i', after=10)
    s.para('Kính gửi: Công an phường Ngọc Hà, thành phố Hà Nội.', style='b', indent=40)
    s.para('Tôi tên là Trần Thị Mai, sinh năm 1990, trú tại số 15 phố Đội Cấn, phường Ngọc Hà, thành phố Hà Nội. '
           'Tôi xin '
           'trình báo sự việc như sau: khoảng 22 giờ 10 phút ngày 08/01/2026, tôi để xe mô tô Honda Air Blade màu đỏ '
           'đen, biển kiểm soát 29B1-123.45 trước cửa nhà, đã khóa cổ xe. Đến khoảng 22 giờ 40 phút tôi ra thì không '
           'thấy xe. Trong cốp xe có 01 điện thoại Samsung Galaxy A54 màu tím.')
    s.para('Theo anh bảo vệ tòa nhà số 17 cho biết, có một người đàn ông mặc áo khoác đen, đội mũ lưỡi trai đi xe của '
           'tôi về hướng phố Liễu Giai. Camera cửa hàng số 20 phố Đội Cấn có ghi lại sự việc.')
    s.para('Tôi đề nghị cơ quan Công an điều tra, tìm lại tài sản cho tôi và xử lý người vi phạm theo quy định của '
           'pháp luật. Tôi xin cam đoan những điều trình báo trên là đúng sự thật.')
    s.y += 10
    s.text(PAGE_W - RIGHT - 230, s.y, 'Hà Nội, ngày 08 tháng 01 năm 2026', size=11, style='i')
    s.signature(PAGE_W - RIGHT - 115, s.y + 20, 'NGƯỜI TRÌNH BÁO', 'Trần Thị Mai')
    s.y += 130
    s.para('Tiếp nhận hồi 23 giờ 05 phút ngày 08/01/2026. Cán bộ tiếp nhận: Lương Văn Phúc.', size=10.5, style='i',
           indent=0)
    pages.append((s.jpeg(), 'Đơn trình báo của chị Trần Thị Mai'))

    s = Scan(bl_first + 1, seed=102)
    s.header(header[0] + ['Số: 02/BB-KNHT'], header[1] + ['__Hà Nội, ngày 09 tháng 01 năm 2026__'])
    s.center('BIÊN BẢN KHÁM NGHIỆM HIỆN TRƯỜNG', size=14, after=10)
    s.para('Hồi 00 giờ 15 phút ngày 09/01/2026, tại vỉa hè trước nhà số 15 phố Đội Cấn, phường Ngọc Hà, thành phố '
           'Hà Nội, '
           'Cơ quan Cảnh sát điều tra Công an thành phố Hà Nội tiến hành khám nghiệm hiện trường vụ mất trộm xe mô '
           'tô do '
           'chị Trần Thị Mai trình báo, với sự tham gia của Viện kiểm sát nhân dân khu vực 1 - Hà Nội và người '
           'chứng kiến.')
    s.para('Hiện trường là đoạn vỉa hè lát gạch terrazzo rộng 3,2 m, chiều dài khu vực khám nghiệm 10 m. Lấy cột điện '
           'số ĐC-27 làm mốc cố định. Vị trí chị Mai dựng xe cách mốc 2,4 m về phía phố Liễu Giai, cách mép đường '
           '1,1 m. Tại vị trí dựng xe phát hiện 02 mảnh nhựa màu đen, kích thước 1,2 x 0,8 cm và 0,9 x 0,5 cm, nghi '
           'là mảnh vỡ từ nắp che ổ khóa điện; đã thu giữ, niêm phong, ký hiệu M2.')
    s.para('Phía đối diện (số 20 phố Đội Cấn) có camera an ninh gắn trên mái hiên, cao 3,1 m, hướng quay bao quát vị '
           'trí dựng xe. Không phát hiện dấu vết đường vân tay trên bề mặt vỉa hè. Việc khám nghiệm kết thúc hồi 01 '
           'giờ 20 phút cùng ngày.')
    s.para('Kèm theo biên bản: sơ đồ hiện trường (trang sau), bản ảnh hiện trường gồm 08 ảnh.', style='i', indent=0)
    s.y += 10
    for cx, title, name in ((LEFT + 70, 'NGƯỜI CHỨNG KIẾN', 'Lê Quang Hưng'),
                            (LEFT + 230, 'KIỂM SÁT VIÊN', 'Lý Thu Trang'),
                            (LEFT + 390, 'ĐIỀU TRA VIÊN', 'Đinh Quốc Khánh')):
        s.signature(cx, s.y, title, name)
    pages.append((s.jpeg(), 'Biên bản khám nghiệm hiện trường'))

    s = Scan(bl_first + 2, seed=103)
    s.center('SƠ ĐỒ HIỆN TRƯỜNG', size=14, after=2)
    s.center('(Kèm theo Biên bản khám nghiệm hiện trường số 02/BB-KNHT ngày 09/01/2026)', size=10.5, style='i',
             after=14)
    d, px = s.draw, s.px
    x0, y0, x1, y1 = LEFT, s.y, PAGE_W - RIGHT, s.y + 420
    ink = (40, 40, 48)
    d.rectangle([px(x0), px(y0), px(x1), px(y1)], outline=ink, width=2)
    d.rectangle([px(x0), px(y0 + 150), px(x1), px(y0 + 270)], fill=(225, 225, 218))  # roadway
    for xx in range(int(x0) + 10, int(x1) - 20, 40):
        d.line([px(xx), px(y0 + 210), px(xx + 22), px(y0 + 210)], fill=ink, width=2)
    for yy, label in ((y0 + 40, 'Nhà số 15'), (y0 + 310, 'Cửa hàng tạp hóa số 20')):
        d.rectangle([px(x0 + 120), px(yy), px(x0 + 290), px(yy + 70)], outline=ink, width=2)
        s.text(x0 + 135, yy + 26, label, size=10.5, style='b')
    s.text(x0 + 10, y0 + 165, 'PHỐ ĐỘI CẤN', size=12, style='b')
    s.text(x1 - 150, y0 + 230, 'về phía phố Liễu Giai', size=10.5, style='i')
    d.ellipse([px(x0 + 60), px(y0 + 118), px(x0 + 74), px(y0 + 132)], fill=ink)  # cột điện (mốc)
    s.text(x0 + 30, y0 + 96, 'Cột điện ĐC-27 (mốc)', size=9.5)
    d.rectangle([px(x0 + 170), px(y0 + 120), px(x0 + 205), px(y0 + 140)], outline=(200, 40, 45), width=3)
    s.text(x0 + 210, y0 + 122, '(1) Vị trí dựng xe — cách mốc 2,4 m', size=9.5)
    d.ellipse([px(x0 + 185), px(y0 + 280), px(x0 + 199), px(y0 + 294)], outline=ink, width=2)
    s.text(x0 + 205, y0 + 280, '(2) Camera CAM 02, cao 3,1 m', size=9.5)
    d.line([px(x0 + 192), px(y0 + 280), px(x0 + 188), px(y0 + 142)], fill=(120, 120, 120), width=1)
    s.text(x1 - 70, y0 + 10, 'Hướng Bắc', size=11, style='b')
    s.y = y1 + 14
    s.para('Chú thích: (1) vị trí xe mô tô BKS 29B1-123.45 bị mất; (2) camera an ninh ghi hình sự việc; tỷ lệ 1:100.',
           size=10.5, indent=0)
    s.signature(PAGE_W - RIGHT - 110, s.y + 10, 'NGƯỜI VẼ SƠ ĐỒ', 'Vương Đức Mạnh')
    pages.append((s.jpeg(), 'Sơ đồ hiện trường'))

    s = Scan(bl_first + 3, seed=104)
    s.header(header[0] + ['Số: 09/BB-TG'], header[1] + ['__Hà Nội, ngày 10 tháng 01 năm 2026__'])
    s.center('BIÊN BẢN THU GIỮ VẬT CHỨNG', size=14, after=10)
    s.para('Hồi 17 giờ 30 phút ngày 10/01/2026, tại phòng 204 nhà số 18 ngõ 158 phố Ngọc Hà, phường Ngọc Hà, thành '
           'phố Hà Nội, Cơ quan Cảnh sát điều tra Công an thành phố Hà Nội tiến hành thu giữ vật chứng do Nguyễn '
           'Văn Hải chỉ '
           'nơi cất giấu, với sự chứng kiến của ông Lê Quang Hưng, tổ trưởng tổ dân phố số 3. Đồ vật thu giữ gồm:')
    for item in (
        '1. 01 xe mô tô Honda Air Blade 125, màu đỏ đen, không gắn biển kiểm soát, ổ khóa điện bị phá hỏng (VC-01);',
        '2. 01 biển kiểm soát 29B1-123.45 (thu dưới gầm giường);',
        '3. 01 điện thoại di động Samsung Galaxy A54 màu tím, màn hình bị nứt (VC-02);',
        '4. 01 vam phá khóa bằng kim loại hình chữ T, dài 12 cm (VC-03);',
        '5. 01 áo khoác màu đen có mũ trùm; 01 mũ lưỡi trai màu ghi.',
    ):
        s.para(item, indent=0, left=16, after=1)
    s.para('Các vật chứng trên đã được niêm phong theo quy định, có chữ ký của những người tham gia. Biên bản lập '
           'xong hồi 18 giờ 40 phút cùng ngày, đã đọc lại cho mọi người nghe và cùng ký tên.', before=4)
    s.y += 8
    for cx, title, name in ((LEFT + 70, 'NGƯỜI CÓ ĐỒ VẬT', 'Nguyễn Văn Hải'),
                            (LEFT + 230, 'NGƯỜI CHỨNG KIẾN', 'Lê Quang Hưng'),
                            (LEFT + 390, 'ĐIỀU TRA VIÊN', 'Đinh Quốc Khánh')):
        s.signature(cx, s.y, title, name)
    pages.append((s.jpeg(), 'Biên bản thu giữ vật chứng'))

    s = Scan(bl_first + 4, seed=105)
    s.header(header[0] + ['Số: 04/BB-NDA'], header[1] + ['__Hà Nội, ngày 12 tháng 01 năm 2026__'])
    s.center('BIÊN BẢN NHẬN DẠNG', size=14, after=2)
    s.center('(Nhận dạng qua ảnh)', size=11, style='i', after=10)
    s.para('Hồi 09 giờ 00 phút ngày 12/01/2026, tại trụ sở Cơ quan Cảnh sát điều tra Công an thành phố Hà Nội, Điều '
           'tra '
           'viên Đinh Quốc Khánh tổ chức cho người làm chứng Lê Văn Bình nhận dạng qua ảnh, với sự tham gia của Kiểm '
           'sát viên Lý Thu Trang và hai người chứng kiến.')
    s.para('Đưa ra nhận dạng 03 ảnh chân dung, cỡ 10 x 15 cm, của 03 người nam giới có độ tuổi, vóc dáng, trang phục '
           'tương tự nhau, được đánh số 1, 2, 3. Ảnh của Nguyễn Văn Hải được đặt ở vị trí số 2.')
    s.para('Kết quả: anh Lê Văn Bình xác định người trong ảnh số 2 có vóc dáng, trang phục (áo khoác đen, mũ lưỡi '
           'trai màu ghi) giống người đàn ông đã điều khiển chiếc xe mô tô màu đỏ đi khỏi trước nhà số 15 phố Đội Cấn '
           'vào tối ngày 08/01/2026, nhưng không khẳng định chắc chắn về khuôn mặt.')
    s.y += 8
    for cx, title, name in ((LEFT + 70, 'NGƯỜI NHẬN DẠNG', 'Lê Văn Bình'),
                            (LEFT + 230, 'KIỂM SÁT VIÊN', 'Lý Thu Trang'),
                            (LEFT + 390, 'ĐIỀU TRA VIÊN', 'Đinh Quốc Khánh')):
        s.signature(cx, s.y, title, name)
    pages.append((s.jpeg(), 'Biên bản nhận dạng qua ảnh'))
    decisions = [
        ('QUYẾT ĐỊNH KHỞI TỐ VỤ ÁN HÌNH SỰ', 'Số: 09/QĐ-ĐCS', 'ngày 10 tháng 01 năm 2026', [
            'Căn cứ Điều 143 và Điều 153 Bộ luật Tố tụng hình sự; xét thấy có dấu hiệu tội phạm "Trộm cắp tài sản" '
            'xảy ra khoảng 22 giờ 14 phút ngày 08/01/2026 tại vỉa hè trước nhà số 15 phố Đội Cấn, phường Ngọc Hà, '
            'thành '
            'phố Hà Nội,',
            '**QUYẾT ĐỊNH:** Khởi tố vụ án hình sự "Trộm cắp tài sản" quy định tại khoản 1 Điều 173 Bộ luật Hình sự.',
            'Quyết định này được gửi đến Viện kiểm sát nhân dân khu vực 1 - Hà Nội trong thời hạn 24 giờ kể từ khi '
            'ban hành.',
        ], 'Quyết định khởi tố vụ án hình sự'),
        ('LỆNH TẠM GIAM', 'Số: 17/LTG-ĐCS', 'ngày 19 tháng 01 năm 2026', [
            'Căn cứ Điều 113 và Điều 119 Bộ luật Tố tụng hình sự; căn cứ Quyết định khởi tố bị can số 11/QĐ-ĐCS ngày '
            '10/01/2026 đối với Nguyễn Văn Hải về tội "Trộm cắp tài sản",',
            '**RA LỆNH:** Tạm giam bị can Nguyễn Văn Hải, sinh ngày 14/5/1995, thời hạn 02 tháng kể từ ngày 19/01/2026 '
            'tại Trại tạm giam số 1 Công an thành phố Hà Nội.',
            'Lệnh đã được Viện kiểm sát nhân dân khu vực 1 - Hà Nội phê chuẩn ngày 19/01/2026.',
        ], 'Lệnh tạm giam'),
        ('QUYẾT ĐỊNH KHỞI TỐ BỊ CAN', 'Số: 11/QĐ-ĐCS', 'ngày 10 tháng 01 năm 2026', [
            'Căn cứ Điều 179 Bộ luật Tố tụng hình sự; xét thấy có đủ căn cứ xác định Nguyễn Văn Hải đã thực hiện hành '
            'vi lén lút chiếm đoạt tài sản của chị Trần Thị Mai vào tối ngày 08/01/2026 tại phố Đội Cấn,',
            '**QUYẾT ĐỊNH:** Khởi tố bị can đối với Nguyễn Văn Hải, sinh ngày 14/5/1995, về tội "Trộm cắp tài sản" quy '
            'định tại khoản 1 Điều 173 Bộ luật Hình sự.',
            'Quyết định đã được Viện kiểm sát nhân dân khu vực 1 - Hà Nội phê chuẩn ngày 11/01/2026.',
        ], 'Quyết định khởi tố bị can'),
        ('QUYẾT ĐỊNH TRƯNG CẦU GIÁM ĐỊNH', 'Số: 14/QĐ-ĐCS', 'ngày 12 tháng 01 năm 2026', [
            'Căn cứ Điều 205 và Điều 206 Bộ luật Tố tụng hình sự; để phục vụ công tác điều tra vụ án "Trộm cắp tài '
            'sản" xảy ra ngày 08/01/2026 tại phố Đội Cấn,',
            '**QUYẾT ĐỊNH:** Trưng cầu Phòng Kỹ thuật hình sự Công an thành phố Hà Nội giám định số '
            'khung, số máy xe mô '
            'tô BKS 29B1-123.45; dấu vết công cụ trên ổ khóa điện; tính toàn vẹn của dữ liệu camera (mẫu D1).',
            'Thời hạn giám định: 15 ngày kể từ ngày nhận đủ đối tượng giám định.',
        ], 'Quyết định trưng cầu giám định'),
        ('QUYẾT ĐỊNH XỬ LÝ VẬT CHỨNG', 'Số: 04/QĐ-ĐCS', 'ngày 25 tháng 01 năm 2026', [
            'Căn cứ Điều 106 Bộ luật Tố tụng hình sự; xét thấy việc trả lại tài sản không ảnh hưởng đến việc xử lý vụ '
            'án và thi hành án,',
            '**QUYẾT ĐỊNH:** Trả lại cho chị Trần Thị Mai 01 xe mô tô Honda Air Blade 125 BKS 29B1-123.45 và 01 điện '
            'thoại di động Samsung Galaxy A54 màu tím.',
            'Chị Trần Thị Mai có trách nhiệm bảo quản tài sản, xuất trình khi cơ quan có thẩm quyền yêu cầu.',
        ], 'Quyết định xử lý vật chứng'),
        ('QUYẾT ĐỊNH GIỮ NGƯỜI TRONG TRƯỜNG HỢP KHẨN CẤP', 'Số: 02/QĐ-ĐCS', 'ngày 10 tháng 01 năm 2026', [
            'Căn cứ Điều 110 Bộ luật Tố tụng hình sự; xét thấy có căn cứ cho rằng Nguyễn Văn Hải đã thực hiện hành vi '
            'trộm cắp tài sản và có dấu hiệu bỏ trốn, tiêu thụ tài sản,',
            '**QUYẾT ĐỊNH:** Giữ người trong trường hợp khẩn cấp đối với Nguyễn Văn Hải, sinh ngày 14/5/1995, chỗ ở: '
            'phòng 204 nhà số 18 ngõ 158 phố Ngọc Hà, phường Ngọc Hà, thành phố Hà Nội.',
            'Quyết định được gửi Viện kiểm sát nhân dân khu vực 1 - Hà Nội kèm tài liệu liên quan để xét phê chuẩn.',
        ], 'Quyết định giữ người trong trường hợp khẩn cấp'),
        ('QUYẾT ĐỊNH TẠM GIỮ', 'Số: 05/QĐTG-ĐCS', 'ngày 10 tháng 01 năm 2026', [
            'Căn cứ Điều 117 và Điều 118 Bộ luật Tố tụng hình sự,',
            '**QUYẾT ĐỊNH:** Tạm giữ Nguyễn Văn Hải trong thời hạn 03 ngày, kể từ 17 giờ 00 phút '
            'ngày 10/01/2026 đến 17 '
            'giờ 00 phút ngày 13/01/2026, tại Nhà tạm giữ Công an thành phố Hà Nội.',
            'Người bị tạm giữ có quyền khiếu nại quyết định tạm giữ theo quy định của pháp luật.',
        ], 'Quyết định tạm giữ'),
        ('YÊU CẦU ĐỊNH GIÁ TÀI SẢN', 'Số: 10/YC-ĐCS', 'ngày 12 tháng 01 năm 2026', [
            'Căn cứ Điều 215 Bộ luật Tố tụng hình sự và Nghị định số 30/2018/NĐ-CP ngày 07/3/2018 của Chính phủ,',
            '**YÊU CẦU:** Hội đồng định giá tài sản trong tố tụng hình sự thành phố Hà Nội định giá 01 xe mô tô '
            'Honda Air '
            'Blade 125 BKS 29B1-123.45 và 01 điện thoại di động Samsung Galaxy A54 tại thời điểm ngày 08/01/2026.',
            'Kết luận định giá gửi về Cơ quan Cảnh sát điều tra Công an thành phố Hà Nội trước ngày 25/01/2026.',
        ], 'Yêu cầu định giá tài sản'),
    ]
    for k, (title, number, date, paras, toc) in enumerate(decisions):
        s = Scan(bl_first + len(pages), seed=106 + k)
        s.header(header[0] + [number], header[1] + [f'__Hà Nội, {date}__'])
        s.center(title, size=14, after=4)
        s.center('THỦ TRƯỞNG CƠ QUAN CẢNH SÁT ĐIỀU TRA CÔNG AN TP HÀ NỘI', size=11, after=12)
        for text in paras:
            s.para(text, after=6)
        s.y += 20
        s.signature(PAGE_W - RIGHT - 120, s.y, 'THỦ TRƯỞNG', 'Hoàng Văn Nam', seal=True)
        pages.append((s.jpeg(), toc))
    return pages
