"""Assembling the case file: every document in bút lục order, the recording, the cover and
``manifest.csv``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from .case import DEMO_CASE
from .documents import (
    doc_biography,
    doc_camera_stills,
    doc_cover,
    doc_defendant,
    doc_expert,
    doc_indictment,
    doc_investigation_report,
    doc_photos,
    doc_scene_photos,
    doc_self_statement,
    doc_trial_decision,
    doc_valuation,
    doc_victim,
    doc_victim_2,
    doc_witness_binh,
    doc_witness_ha,
    scan_pages,
)
from .video import write_video
from .writer import Pdf

MANIFEST_COLUMNS = ('file', 'pages', 'label', 'title', 'party', 'bl')


@dataclass(slots=True)
class _Entry:
    file: str
    label: str
    title: str
    party: str
    bl: int
    count: int
    pages: str = ''
    extra: dict = field(default_factory=dict)


def write_demo_case_file(out_dir: Path) -> list[Path]:
    """Write the demo case file into ``out_dir`` (created if missing) and return the paths written, the manifest
    last. Files: the PDFs and camera recording listed in ``manifest.csv`` (columns ``file,pages,label,title,party,bl``,
    one row per exhibit in bút lục order)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    entries: list[_Entry] = []
    written: list[Path] = []
    bl = 3  # BL 1-2: the cover and index, written last once every other range is known

    labels = iter(range(2, 100))

    def next_label() -> str:
        return f'TL-{next(labels):02d}'

    def pdf_doc(file: str, title: str, party: str, build, subject: str):
        nonlocal bl
        label = next_label()
        pdf = Pdf(bl)
        result = build(pdf)
        n = pdf.save(out_dir / file, title=title, subject=subject, author=party)
        entries.append(_Entry(file, label, title, party, bl, n))
        written.append(out_dir / file)
        bl += n
        return result

    pdf_doc('02-cao-trang.pdf', f'Cáo trạng số {DEMO_CASE["indictment_number"]} ngày 20/3/2026', 'Viện kiểm sát',
            doc_indictment, 'Cáo trạng')
    pdf_doc('03-quyet-dinh-dua-vu-an-ra-xet-xu.pdf', 'Quyết định đưa vụ án ra xét xử', 'Tòa án',
            doc_trial_decision, 'Quyết định đưa vụ án ra xét xử')
    pdf_doc('04-ban-ket-luan-dieu-tra.pdf', 'Bản kết luận điều tra số 31/KLĐT-ĐCS', 'Cơ quan điều tra',
            doc_investigation_report, 'Bản kết luận điều tra')
    pdf_doc('05-ly-lich-bi-can.pdf', 'Lý lịch bị can Nguyễn Văn Hải', 'Bị cáo', doc_biography, 'Lý lịch bị can')
    pdf_doc('06-ban-tu-khai.pdf', 'Bản tự khai của bị can Nguyễn Văn Hải', 'Bị cáo', doc_self_statement,
            'Bản tự khai')
    # One PDF holding both interrogations, split into two manifest rows.
    first_len = pdf_doc('07-hoi-cung-bi-can.pdf', 'Biên bản hỏi cung bị can', 'Bị cáo', doc_defendant,
                        'Biên bản hỏi cung bị can')
    both = entries.pop()
    entries.append(_Entry(both.file, both.label, 'Biên bản hỏi cung bị can Nguyễn Văn Hải (lần 1, ngày 10/01/2026)',
                          'Bị cáo', both.bl, first_len, pages=f'1-{first_len}'))
    entries.append(_Entry(both.file, next_label(), 'Biên bản hỏi cung bị can Nguyễn Văn Hải (lần 2, ngày '
                          '21/01/2026)', 'Bị cáo', both.bl + first_len, both.count - first_len,
                          pages=f'{first_len + 1}-{both.count}'))
    pdf_doc('08-loi-khai-bi-hai.pdf', 'Biên bản ghi lời khai bị hại Trần Thị Mai (ngày 09/01/2026)', 'Bị hại',
            doc_victim, 'Biên bản ghi lời khai')
    pdf_doc('09-loi-khai-bi-hai-lan-2.pdf', 'Biên bản ghi lời khai bị hại Trần Thị Mai (ngày 15/02/2026)', 'Bị hại',
            doc_victim_2, 'Biên bản ghi lời khai')
    pdf_doc('10-loi-khai-nguoi-lam-chung-le-van-binh.pdf', 'Biên bản ghi lời khai người làm chứng Lê Văn Bình',
            'Người làm chứng', doc_witness_binh, 'Biên bản ghi lời khai')
    pdf_doc('11-loi-khai-nguoi-lam-chung-pham-thu-ha.pdf', 'Biên bản ghi lời khai người làm chứng Phạm Thu Hà',
            'Người làm chứng', doc_witness_ha, 'Biên bản ghi lời khai')
    pdf_doc('12-ban-anh-hien-truong.pdf', 'Bản ảnh hiện trường', 'Cơ quan điều tra', doc_scene_photos,
            'Bản ảnh hiện trường')
    pdf_doc('13-ban-anh-vat-chung.pdf', 'Bản ảnh vật chứng', 'Cơ quan điều tra', doc_photos, 'Bản ảnh vật chứng')
    pdf_doc('14-xem-xet-du-lieu-camera.pdf', 'Biên bản xem xét dữ liệu điện tử (ảnh trích xuất camera)',
            'Cơ quan điều tra', doc_camera_stills, 'Biên bản xem xét dữ liệu điện tử')
    video = out_dir / '15-camera-an-ninh.webm'
    if write_video(video) != 'libvpx':
        video = video.rename(video.with_suffix('.mp4'))
    entries.append(_Entry(video.name, next_label(), 'Dữ liệu điện tử: ghi hình camera an ninh số 20 phố Đội Cấn, '
                          '22:14 ngày 08/01/2026', 'Cơ quan điều tra', bl, 1))
    written.append(video)
    bl += 1
    pdf_doc('16-ket-luan-giam-dinh.pdf', 'Kết luận giám định số 235/KL-KTHS', 'Cơ quan điều tra', doc_expert,
            'Kết luận giám định')
    pdf_doc('17-ket-luan-dinh-gia-tai-san.pdf', 'Kết luận định giá tài sản số 12/KL-HĐĐG', 'Cơ quan điều tra',
            doc_valuation, 'Kết luận định giá tài sản')

    def scans(pdf: Pdf) -> None:
        for i, (jpeg, title) in enumerate(scan_pages(pdf.bl_first)):
            pdf.raster_page(jpeg)
            pdf.toc.append([1, title, i + 1])

    pdf_doc('18-tai-lieu-scan.pdf', 'Tài liệu ban đầu (bản scan): đơn trình báo, khám nghiệm hiện trường, thu giữ, '
            'nhận dạng, quyết định tố tụng', 'Cơ quan điều tra', scans, 'Tài liệu scan')

    cover = Pdf(1, footer=False)
    listed = [{'title': 'Bìa hồ sơ và mục lục', 'label': 'TL-01', 'bl': 1, 'count': 2}]
    listed += [{'title': e.title, 'label': e.label, 'bl': e.bl, 'count': e.count} for e in entries]
    doc_cover(cover, listed, bl - 1)
    if cover.doc.page_count != 2:
        raise RuntimeError(f'the cover and index took {cover.doc.page_count} pages, not 2')
    cover.save(out_dir / '01-bia-muc-luc.pdf', title='Bìa hồ sơ và mục lục', subject='Bìa hồ sơ, mục lục',
               author='Tòa án')
    entries.insert(0, _Entry('01-bia-muc-luc.pdf', 'TL-01', 'Bìa hồ sơ và mục lục', 'Tòa án', 1, 2))
    written.insert(0, out_dir / '01-bia-muc-luc.pdf')

    manifest = out_dir / 'manifest.csv'
    with manifest.open('w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(MANIFEST_COLUMNS)
        for e in entries:
            w.writerow([e.file, e.pages, e.label, e.title, e.party, e.bl])
    written.append(manifest)
    return written
