"""Records about the evidence: photo books, camera stills, the expert and valuation reports."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from ..case import CQDT, NATION
from ..photos import draw_ruler, draw_tag, photo_motorbike, photo_phone, photo_scene, photo_tool, to_jpeg
from ..scan import Scan
from ..typeset import LEFT, pil_font
from ..video import camera_frame
from ..writer import Pdf


def doc_photos(pdf: Pdf) -> int:
    """The photo book of the physical exhibits; returns the 0-based index of its image-only page."""
    pdf.new_page()
    pdf.header([*CQDT, 'Số: 07/BA-ĐCS'], [*NATION, '__Hà Nội, ngày 11 tháng 01 năm 2026__'])
    pdf.center('BẢN ẢNH VẬT CHỨNG', size=16, after=2)
    pdf.center('Vụ Trộm cắp tài sản xảy ra ngày 08/01/2026 tại số 15 phố Đội Cấn', size=11, style='i', after=10)
    pdf.para('Thực hiện Quyết định khởi tố vụ án hình sự số 09/QĐ-ĐCS ngày 10/01/2026, hồi 09 giờ 00 phút ngày '
             '11/01/2026 tại kho vật chứng Công an thành phố Hà Nội, Đội Kỹ thuật hình sự đã tiến hành chụp ảnh các '
             'vật '
             'chứng thu giữ trong vụ án. Ảnh được chụp bằng máy ảnh kỹ thuật số, có đặt thước tỷ lệ và thẻ đánh số '
             'vật chứng. Bản ảnh gồm các ảnh sau:')
    pdf.table([40, 80, 250, 80], [
        ['STT', 'Số ảnh', 'Nội dung', 'Ký hiệu'],
        ['1', 'Ảnh số 1', 'Toàn cảnh xe mô tô Honda Air Blade 125, BKS 29B1-123.45', 'VC-01'],
        ['2', 'Ảnh số 2', 'Ổ khóa điện xe mô tô bị phá (cận cảnh)', 'VC-01'],
        ['3', 'Ảnh số 3', 'Điện thoại di động Samsung Galaxy A54 màu tím', 'VC-02'],
        ['4', 'Ảnh số 4', 'Vam phá khóa bằng kim loại hình chữ T', 'VC-03'],
        ['5', 'Ảnh số 5', 'Biển kiểm soát 29B1-123.45 thu giữ tại phòng trọ (bản chụp)', 'VC-01'],
    ], aligns=['center', 'center', 'left', 'center'])
    pdf.para('Người chụp ảnh: Trung úy Vương Đức Mạnh — cán bộ Đội Kỹ thuật hình sự. Người chứng kiến: ông Lê '
             'Quang Hưng, tổ trưởng tổ dân phố số 3, phường Ngọc Hà.', after=14)
    pdf.signatures([['**NGƯỜI CHỨNG KIẾN**', '~', '', '**Lê Quang Hưng**'],
                    ['**NGƯỜI CHỤP ẢNH**', '~', '', '**Vương Đức Mạnh**']])
    photos = [
        ('Ảnh số 1', 'Toàn cảnh xe mô tô Honda Air Blade 125 màu đỏ đen (vật chứng VC-01), chụp từ bên trái.',
         photo_motorbike(11)),
        ('Ảnh số 2', 'Cận cảnh ổ khóa điện bị phá, lõi khóa bị xoắn, có vết cạy (vật chứng VC-01).',
         photo_motorbike(12, close_up=True)),
        ('Ảnh số 3', 'Điện thoại di động Samsung Galaxy A54 màu tím, màn hình bị nứt (vật chứng VC-02).',
         photo_phone(13)),
        ('Ảnh số 4', 'Vam phá khóa bằng kim loại hình chữ T, dài 12 cm, tay cầm quấn băng dính đen (VC-03).',
         photo_tool(14)),
    ]
    for name, caption, img in photos:
        pdf.page_break()
        pdf.bookmark(f'{name}: {caption.split(" (")[0]}')
        pdf.center(name.upper(), size=13, after=8)
        pdf.image(to_jpeg(img), 420, 420 * img.height / img.width, caption=f'{name}. {caption}')
        pdf.para('Ghi chú: thước tỷ lệ đặt song song với vật chứng, mỗi vạch chia tương ứng 01 cm. Thẻ vật chứng màu '
                 'vàng ghi ký hiệu theo biên bản thu giữ.', size=10.5, style='i', indent=0)
    # Ảnh số 5 came back from the archive as a scan: picture only, no text layer.
    image_only = pdf.doc.page_count
    scan = Scan(pdf.bl_next, seed=15)
    scan.center('ẢNH SỐ 5', size=13, after=8)
    plate = Image.new('RGB', (800, 540), (200, 198, 190))
    d = ImageDraw.Draw(plate)
    d.rounded_rectangle([150, 130, 650, 350], 12, fill=(245, 245, 245), outline=(20, 20, 20), width=6)
    d.text((210, 185), '29B1', font=pil_font('b', 60), fill=(15, 15, 15))
    d.text((210, 255), '123.45', font=pil_font('b', 60), fill=(15, 15, 15))
    draw_ruler(d, 200, 470, 40, 10)
    draw_tag(d, 640, 40, 'VC-01')
    scan.paste(plate, LEFT + 20, scan.y, 420, 420 * 540 / 800)
    scan.y += 420 * 540 / 800 + 10
    scan.para('Ảnh số 5. Biển kiểm soát 29B1-123.45 do Nguyễn Văn Hải tháo ra, thu giữ dưới gầm giường phòng trọ.',
              size=11, style='i', align='center', indent=0)
    pdf.raster_page(scan.jpeg())
    pdf.toc.append([1, 'Ảnh số 5: Biển kiểm soát thu giữ (bản scan)', image_only + 1])
    return image_only


def doc_expert(pdf: Pdf) -> None:
    pdf.new_page()
    pdf.header(['CÔNG AN THÀNH PHỐ HÀ NỘI', '**PHÒNG KỸ THUẬT HÌNH SỰ**', '---', 'Số: 235/KL-KTHS'],
               [*NATION, '__Hà Nội, ngày 28 tháng 01 năm 2026__'])
    pdf.center('KẾT LUẬN GIÁM ĐỊNH', size=16, after=2)
    pdf.center('(Giám định số khung, số máy; dấu vết công cụ; dữ liệu điện tử)', size=11, style='i', after=10)
    pdf.bookmark('1. Căn cứ và yêu cầu giám định')
    pdf.para('**1. Căn cứ giám định:** Quyết định trưng cầu giám định số 14/QĐ-ĐCS ngày 12/01/2026 của Cơ quan Cảnh '
             'sát điều tra Công an thành phố Hà Nội; Luật Giám định tư pháp năm 2012 (sửa đổi, bổ sung năm 2020).')
    pdf.para('**2. Người giám định:** Thiếu tá Hà Minh Đức và Đại úy Trịnh Thị Thu, giám định viên kỹ thuật hình '
             'sự, Phòng Kỹ thuật hình sự Công an thành phố Hà Nội.')
    pdf.para('**3. Yêu cầu giám định:** (a) số khung, số máy của xe mô tô biển kiểm soát 29B1-123.45 có bị đục sửa '
             'hay không; (b) dấu vết trên ổ khóa điện của xe có phải do vam phá khóa thu giữ tạo ra hay không; (c) '
             'dữ liệu video trích xuất từ camera an ninh tại số 20 phố Đội Cấn có bị cắt ghép, chỉnh sửa hay không.')
    pdf.bookmark('2. Đối tượng và phương pháp giám định')
    pdf.para('**4. Đối tượng giám định được gửi đến:**', before=4, after=4, keep_next=80)
    pdf.table([34, 170, 74, 172], [
        ['STT', 'Đối tượng giám định', 'Ký hiệu', 'Tình trạng niêm phong khi nhận'],
        ['1', 'Xe mô tô Honda Air Blade 125, màu đỏ đen, BKS 29B1-123.45', 'A1', 'Niêm phong nguyên vẹn, có chữ ký '
         'của điều tra viên và người chứng kiến'],
        ['2', 'Ổ khóa điện tháo từ xe mô tô nêu trên', 'A2', 'Đựng trong túi ni lông, niêm phong nguyên vẹn'],
        ['3', 'Vam phá khóa bằng kim loại hình chữ T, dài 12 cm', 'M1', 'Đựng trong phong bì, niêm phong nguyên vẹn'],
        ['4', 'USB 16 GB chứa tệp video CAM02_20260108_2200.mp4', 'D1', 'Đựng trong phong bì, niêm phong nguyên vẹn'],
    ], aligns=['center', 'left', 'center', 'left'])
    pdf.para('**5. Phương pháp giám định:** quan sát bằng mắt thường, kính lúp, kính hiển vi so sánh; tẩy rửa bề mặt '
             'kim loại bằng hóa chất chuyên dụng để hiện số; thực nghiệm tạo mẫu so sánh bằng vam M1 trên ổ khóa cùng '
             'chủng loại; phân tích cấu trúc tệp, siêu dữ liệu và tính toàn vẹn khung hình của tệp video.', before=4)
    pdf.bookmark('3. Kết quả giám định')
    pdf.para('**6. Kết quả giám định:**', before=4, after=4, keep_next=80)
    pdf.table([34, 150, 266], [
        ['STT', 'Nội dung', 'Kết quả'],
        ['1', 'Số khung (mẫu A1)', 'RLHJF6310NY012345 — nguyên thủy, không có dấu vết đục, hàn, mài, tẩy xóa'],
        ['2', 'Số máy (mẫu A1)', 'JF63E-0123456 — nguyên thủy, không có dấu vết đục, hàn, mài, tẩy xóa'],
        ['3', 'Dấu vết trên lõi ổ khóa điện (mẫu A2)', 'Có 04 vết cạy, xoắn dạng rãnh trượt, rộng 2,1 – 2,4 mm; '
         'đặc điểm chung và đặc điểm riêng trùng khớp với vết thực nghiệm tạo bởi đầu vam M1'],
        ['4', 'Tệp video (mẫu D1)', 'Thời lượng 30 phút 00 giây, 10 khung hình/giây; mã thời gian liên tục, không '
         'có dấu hiệu cắt ghép, chèn, chỉnh sửa nội dung'],
    ], aligns=['center', 'left', 'left'])
    pdf.bookmark('4. Kết luận')
    pdf.para('**7. Kết luận:**', before=4, after=2)
    for text in (
        'Số khung, số máy của xe mô tô biển kiểm soát 29B1-123.45 (mẫu A1) là nguyên thủy, không bị đục sửa.',
        'Các dấu vết trên lõi ổ khóa điện (mẫu A2) do đầu vam phá khóa (mẫu M1) tạo ra.',
        'Tệp video trong USB (mẫu D1) không bị cắt ghép, chỉnh sửa nội dung.',
    ):
        pdf.para(f'- {text}', left=14, indent=0, after=2)
    pdf.para('Kết luận giám định được lập thành 03 bản, gửi Cơ quan Cảnh sát điều tra Công an thành phố Hà Nội 02 bản, '
             'lưu 01 bản. Các mẫu vật sau giám định được niêm phong và hoàn trả cơ quan trưng cầu.', before=4, after=14)
    pdf.signatures([
        ['**GIÁM ĐỊNH VIÊN**', '~', '', '**Hà Minh Đức**'],
        ['**GIÁM ĐỊNH VIÊN**', '~', '', '**Trịnh Thị Thu**'],
        ['**TRƯỞNG PHÒNG**', '~', '', '**Đào Xuân Sơn**'],
    ], seal=2)


def doc_valuation(pdf: Pdf) -> None:
    pdf.new_page()
    pdf.header(['UBND THÀNH PHỐ HÀ NỘI', '**HỘI ĐỒNG ĐỊNH GIÁ TÀI SẢN**', '**TRONG TỐ TỤNG HÌNH SỰ**', '---',
                'Số: 12/KL-HĐĐG'], [*NATION, '__Hà Nội, ngày 20 tháng 01 năm 2026__'])
    pdf.center('KẾT LUẬN ĐỊNH GIÁ TÀI SẢN', size=16, after=10)
    pdf.para('Căn cứ Nghị định số 30/2018/NĐ-CP ngày 07/3/2018 của Chính phủ quy định chi tiết việc thành lập và hoạt '
             'động của Hội đồng định giá tài sản; trình tự, thủ tục định giá tài sản trong tố tụng hình sự;')
    pdf.para('Căn cứ Yêu cầu định giá tài sản số 10/YC-ĐCS ngày 12/01/2026 của Cơ quan Cảnh sát điều tra Công an thành '
             'phố Hà Nội, Hội đồng định giá đã tiến hành định giá tài sản vào hồi 09 giờ 00 phút ngày 20/01/2026.')
    pdf.para('**Phương pháp định giá:** phương pháp so sánh, trên cơ sở khảo sát giá thị trường của tài sản cùng '
             'loại, cùng năm sản xuất, có tỷ lệ chất lượng còn lại tương đương tại thời điểm ngày 08/01/2026.')
    pdf.para('**Kết quả định giá:**', before=2, after=4, keep_next=80)
    pdf.table([30, 150, 170, 40, 80], [
        ['STT', 'Tên tài sản', 'Đặc điểm, tình trạng', 'SL', 'Giá trị (đồng)'],
        ['1', 'Xe mô tô Honda Air Blade 125, BKS 29B1-123.45', 'Sản xuất năm 2022, màu đỏ đen, chất lượng còn lại '
         'khoảng 75%', '01', '32.500.000'],
        ['2', 'Điện thoại di động Samsung Galaxy A54, 128 GB', 'Mua năm 2023, màu tím, hoạt động bình thường (trước '
         'khi bị nứt màn hình)', '01', '5.200.000'],
        ['', '**Tổng cộng**', '', '', '**37.700.000**'],
    ], aligns=['center', 'left', 'left', 'center', 'right'])
    pdf.para('**Kết luận:** tổng giá trị tài sản cần định giá tại thời điểm ngày 08/01/2026 là **37.700.000 đồng** '
             '(Ba mươi bảy triệu bảy trăm nghìn đồng).', before=4, after=14)
    pdf.signatures([
        ['**CÁC THÀNH VIÊN HỘI ĐỒNG**', '~', '', '**Phan Văn Lợi — Kiều Thị Yến**'],
        ['**CHỦ TỊCH HỘI ĐỒNG**', '~', '', '**Nguyễn Thị Thanh Bình**'],
    ], seal=1)


def doc_scene_photos(pdf: Pdf) -> None:
    pdf.new_page()
    pdf.header([*CQDT, 'Số: 02/BA-KNHT'], [*NATION, '__Hà Nội, ngày 09 tháng 01 năm 2026__'])
    pdf.center('BẢN ẢNH HIỆN TRƯỜNG', size=16, after=2)
    pdf.center('(Kèm theo Biên bản khám nghiệm hiện trường số 02/BB-KNHT)', size=11, style='i', after=10)
    pdf.para('Bản ảnh gồm 08 ảnh, chụp hồi 00 giờ 20 phút đến 01 giờ 10 phút ngày 09/01/2026 tại vỉa hè trước nhà số '
             '15 phố Đội Cấn, phường Ngọc Hà, thành phố Hà Nội. Các biển số màu vàng đánh dấu vị trí dấu '
             'vết; mốc cố định là cột điện ĐC-27.')
    captions = [
        'Toàn cảnh hiện trường nhìn từ hướng phố Liễu Giai.',
        'Toàn cảnh hiện trường nhìn từ phía cửa hàng số 20 (vị trí camera).',
        'Trung tâm hiện trường: vị trí chị Mai dựng xe, có thước đo khoảng cách đến mốc.',
        'Biển số nhà số 15 phố Đội Cấn và cửa ra vào.',
        'Vị trí cột điện ĐC-27 được chọn làm mốc cố định.',
        'Khoảng cách từ vị trí dựng xe đến mép đường (1,1 m).',
        'Cận cảnh 02 mảnh nhựa màu đen (ký hiệu M2) tại vị trí dựng xe.',
        'Hướng nhìn từ vị trí dựng xe sang camera CAM 02.',
    ]
    for k, caption in enumerate(captions):
        pdf.page_break()
        pdf.bookmark(f'Ảnh số {k + 1}')
        img = photo_scene(200 + k, k)
        pdf.image(to_jpeg(img, 72), 400, 330 * img.height / img.width, caption=f'Ảnh số {k + 1}. {caption}')
    pdf.para('Người chụp ảnh: Trung úy Vương Đức Mạnh — cán bộ Đội Kỹ thuật hình sự.', size=11, style='i', indent=0,
             before=4)


def doc_camera_stills(pdf: Pdf) -> None:
    pdf.new_page()
    pdf.header([*CQDT, 'Số: 03/BB-XXDL'], [*NATION, '__Hà Nội, ngày 09 tháng 01 năm 2026__'])
    pdf.center('BIÊN BẢN XEM XÉT DỮ LIỆU ĐIỆN TỬ', size=15, after=2)
    pdf.center('(Trích xuất hình ảnh từ camera an ninh CAM 02)', size=11, style='i', after=10)
    pdf.para('Hồi 10 giờ 00 phút ngày 09/01/2026, tại trụ sở Cơ quan Cảnh sát điều tra Công an thành phố Hà Nội, '
             'Điều tra '
             'viên Đinh Quốc Khánh cùng Kiểm sát viên Lý Thu Trang tiến hành xem xét tệp video CAM02_20260108_2200.mp4 '
             'do chị Phạm Thu Hà giao nộp. Tệp có thời lượng 30 phút, độ phân giải 320 x 240, ghi từ 22 giờ 00 phút '
             'đến 22 giờ 30 phút ngày 08/01/2026. Kết quả xem xét, trích xuất các khung hình như sau:')
    rng = random.Random(173)
    stills = [(2, 'một người nam giới mặc áo khoác đen, đội mũ lưỡi trai màu ghi đi bộ từ trái sang phải'),
              (14, 'người này tiến đến gần xe mô tô màu đỏ dựng trên vỉa hè'),
              (20, 'người này ngồi xuống cạnh xe, tay đưa về phía ổ khóa điện'),
              (30, 'người này điều khiển xe mô tô rời khỏi vị trí, đi về phía phố Liễu Giai')]
    frames = {i: camera_frame(i, rng) for i in range(40)}
    for n, (i, what) in enumerate(stills, start=1):
        pdf.page_break()
        pdf.bookmark(f'Khung hình {n}')
        img = frames[i].resize((640, 480), Image.Resampling.NEAREST)
        pdf.image(to_jpeg(img, 78), 400, 300,
                  caption=f'Khung hình {n} — thời điểm 22:14:0{i // 10}: {what}.')
    pdf.para('Việc xem xét kết thúc hồi 11 giờ 30 phút cùng ngày. Dữ liệu gốc được niêm phong, lưu trong hồ sơ vụ án.',
             before=6, after=12)
    pdf.signatures([['**KIỂM SÁT VIÊN**', '~', '', '**Lý Thu Trang**'],
                    ['**ĐIỀU TRA VIÊN**', '~', '', '**Đinh Quốc Khánh**']])
