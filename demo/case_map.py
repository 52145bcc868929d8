"""The demo case's map (sơ đồ tư duy) as a procurator would draw it in XMind 2020: an ``.xmind`` zip with
``content.json``, the stub ``content.xml`` XMind writes beside it, ``metadata.json`` and ``manifest.json``. Evidence
is linked by the BL of its first page, in a label ("BL 21") as procurators write it; one link names a file on the
procurator's laptop, as imported maps often do. Written here, independently of the app's own exporter, so that
importing it tests the reader on a file the app did not make. Deterministic: fixed ids, no timestamps."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from .case import DEMO_CASE

MAP_FILE = 'so-do-tu-duy.xmind'

# (title, BL or None, markers, note, children)
TREE: tuple = (
    ('Tố tụng', None, (), '', (
        ('Bản kết luận điều tra số 31/KLĐT-ĐCS', 9, (), '', ()),
        (f'Cáo trạng số {DEMO_CASE["indictment_number"]}', 3, (), '', ()),
        (f'Quyết định đưa vụ án ra xét xử số {DEMO_CASE["trial_decision_number"]}', 7, (), '', ()),
    )),
    ('Diễn biến vụ án', None, (), '', (
        ('22:14, trước số 20 phố Đội Cấn: bị can lấy xe máy của bị hại', 50, (), '', ()),
    )),
    ('Tội danh: Trộm cắp tài sản, khoản 1 Điều 173 BLHS', None, (), '', ()),
    ('Chứng cứ buộc tội', None, ('symbol-minus',), '', (
        ('Lời khai bị hại Trần Thị Mai (lần 1)', 21, (), '', ()),
        ('Lời khai người làm chứng Lê Văn Bình', 26, (), '', ()),
        ('Ghi hình camera an ninh', 50, ('star-red',), 'Đoạn 0:00–0:20: người đội mũ xám lấy xe', ()),
        ('Bản ảnh vật chứng', 39, (), '', ()),
        ('Kết luận định giá tài sản', 53, (), '', ()),
    )),
    ('Chứng cứ gỡ tội', None, ('symbol-plus',), '', (
        ('Bản tự khai của bị can: thành khẩn khai báo', 14, (), '', ()),
    )),
    ('Nhân thân bị can', None, (), '', (
        ('Lý lịch bị can Nguyễn Văn Hải', 12, (), '', ()),
    )),
    ('Mâu thuẫn cần làm rõ', None, ('symbol-question',), '', (
        ('Giờ bị hại phát hiện mất xe: lời khai lần 2', 24, (), 'Lần 1 (BL 21) khai 22 giờ, lần 2 khai 22 giờ 30', ()),
        ('Hỏi cung lần 1 và lần 2 khác nhau về đường bỏ chạy', 15, (), 'Xem thêm lần 2: BL 18', ()),
    )),
    ('Đề xuất', None, ('star-red',), 'Mức án đề nghị: 12 đến 18 tháng tù', (
        ('Khoản 1 Điều 173 BLHS', None, (), '', ()),
    )),
)

STUB_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?><xmap-content '
            'xmlns="urn:xmind:xmap:xmlns:content:2.0" version="2.0"><sheet id="stub"><topic id="stub-root">'
            '<title>Warning: This file can not be opened in XMind 8. Please use XMind 2020 or later.</title>'
            '</topic><title>Sheet 1</title></sheet></xmap-content>')


def _topic(ident: str, title: str, bl: int | None, markers: tuple[str, ...], note: str,
           children: tuple) -> dict[str, Any]:
    topic: dict[str, Any] = {'id': ident, 'class': 'topic', 'title': title}
    if bl is not None:
        topic['labels'] = [f'BL {bl}']
    if markers:
        topic['markers'] = [{'markerId': m} for m in markers]
    if note:
        topic['notes'] = {'plain': {'content': note}}
    if children:
        topic['children'] = {'attached': [_topic(f'{ident}-{i}', *child) for i, child in enumerate(children, 1)]}
    return topic


def map_path(case_folder: Path) -> Path:
    """Where the map goes for a case file written to ``case_folder``: beside it, not in it."""
    return case_folder.with_name(f'{case_folder.name}-{MAP_FILE}')


def write_demo_case_map(path: Path) -> Path:
    """Write the demo's case map to ``path`` (an .xmind file) and return it."""
    root = _topic('root', DEMO_CASE['title'], None, (), '', TREE)
    root['structureClass'] = 'org.xmind.ui.map.unbalanced'
    root['children']['attached'][1]['children']['attached'][0]['href'] = \
        'file:///D:/HoSo/125-2026/BL%2050%20camera.webm'  # a link to the laptop's copy, naming its BL
    sheet = {'id': 'sheet-1', 'class': 'sheet', 'title': 'Sơ đồ tư duy vụ án', 'rootTopic': root}
    path = Path(path)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as archive:
        for name, data in (('content.json', json.dumps([sheet], ensure_ascii=False)), ('content.xml', STUB_XML),
                           ('metadata.json', json.dumps({'creator': {'name': 'Vendor', 'version': '23.09'}})),
                           ('manifest.json', json.dumps({'file-entries': {'content.json': {}, 'content.xml': {},
                                                                          'metadata.json': {}}}))):
            info = zipfile.ZipInfo(name, date_time=(2026, 3, 25, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path
