"""The cover of the case file and its index (mục lục), written last once every BL range is known."""

from __future__ import annotations

from ..case import DEMO_CASE, NATION, TOA
from ..writer import BLACK, Pdf


def doc_cover(pdf: Pdf, entries: list[dict], total_bl: int) -> None:
    c = DEMO_CASE
    page = pdf.new_page()
    frame = page.rect + (40, 58, -40, -40)  # noqa: RUF005 (Rect arithmetic)
    page.draw_rect(frame, color=BLACK, width=2.2)
    inner = frame + (5, 5, -5, -5)  # noqa: RUF005 (Rect arithmetic)
    page.draw_rect(inner, color=BLACK, width=0.7)
    pdf.y = 90
    pdf.center('TÒA ÁN NHÂN DÂN KHU VỰC 1 - HÀ NỘI', size=13, after=0)
    pdf.center('THÀNH PHỐ HÀ NỘI', size=13, after=60)
    pdf.center('HỒ SƠ VỤ ÁN HÌNH SỰ', size=26, after=4)
    pdf.center('SƠ THẨM', size=16, after=30)
    pdf.center(f'Số thụ lý: {c["case_number"]}', size=14, style='r', after=26)
    for label, value in (
        ('Vụ án', 'Trộm cắp tài sản'),
        ('Bị cáo', 'Nguyễn Văn Hải, sinh năm 1995 (đang bị tạm giam)'),
        ('Tội danh', 'Trộm cắp tài sản — khoản 1 Điều 173 Bộ luật Hình sự'),
        ('Bị hại', 'Trần Thị Mai'),
        ('Người làm chứng', 'Lê Văn Bình, Phạm Thu Hà'),
        ('Cáo trạng', f'Số {c["indictment_number"]} ngày 20/3/2026 của VKSND khu vực 1 - Hà Nội'),
        ('Hội đồng xét xử', f'Thẩm phán chủ tọa {c["trial_panel"]["presiding_judge"]}; Hội thẩm nhân dân '
                            f'{c["trial_panel"]["assessors"][0]}, {c["trial_panel"]["assessors"][1]}'),
        ('Ngày xét xử', '15/4/2026, 08 giờ 00 — xét xử công khai, trực tuyến'),
    ):
        pdf.para(f'**{label}:** {value}', size=12.5, align='left', indent=0, left=10, after=6)
    pdf.y = 640
    pdf.center(f'Hồ sơ gồm {len(entries)} tài liệu, được đánh số bút lục từ 1 đến {total_bl}', size=12, style='i',
               after=4)
    pdf.center('Ngày thụ lý: 25/3/2026 — Ngày nhận hồ sơ: 24/3/2026', size=12, style='i', after=4)
    pdf.center('Thư ký thụ lý: Ngô Minh Tuấn', size=12, style='i')

    pdf.new_page()
    pdf.header(TOA, NATION)
    pdf.center('MỤC LỤC HỒ SƠ', size=16, after=2)
    pdf.center(f'Vụ án hình sự sơ thẩm số {c["case_number"]} — bị cáo Nguyễn Văn Hải', size=11, style='i', after=10)
    rows = [['STT', 'Tên tài liệu', 'Ký hiệu', 'Bút lục']]
    for i, e in enumerate(entries, start=1):
        first, last = e['bl'], e['bl'] + e['count'] - 1
        rows.append([str(i), e['title'], e['label'], f'{first}' if first == last else f'{first}–{last}'])
    pdf.table([32, 300, 56, 72], rows, size=10, aligns=['center', 'left', 'center', 'center'])
    pdf.para(f'Tổng cộng: {len(entries)} tài liệu, {total_bl} bút lục. Bút lục là số trang hồ sơ được đánh liên tục, '
             'đóng dấu ở góc trên bên phải mỗi trang.', size=10.5, style='i', indent=0)
