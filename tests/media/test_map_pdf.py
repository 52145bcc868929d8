"""A case map drawn: a vector PDF whose text is the map's titles in Vietnamese, whole (Noto Sans, subset), "BL n"
under each linked node and a link to its page in the app, no note, a folded branch counted and not drawn; tiled
over A4 landscape pages for printing when it is large; a PNG of the same."""

from __future__ import annotations

import io

import pymupdf
from PIL import Image

from courtroom.case_map import Link, parse_tree
from media.map_pdf import TILE, map_pdf, map_png


def sample(children: int = 3):
    root = parse_tree({'title': 'Vụ án Nguyễn Văn Hải — Trộm cắp tài sản', 'children': [
        {'title': 'Chứng cứ buộc tội', 'markers': ['against'], 'children': [
            {'title': f'Lời khai người làm chứng số {i}: thấy bị cáo dắt xe máy đi lúc 22 giờ 14 phút',
             'note': 'GHI CHÚ RIÊNG'} for i in range(children)]},
        {'title': 'Tố tụng', 'folded': True, 'children': [{'title': 'Khởi tố'}, {'title': 'Cáo trạng'}]}]})
    root.children[0].children[0].link = Link(7, 2, 125)
    return root


def page_url(exhibit_id: int, page: int) -> str:
    return f'https://toaan.example.vn/hearings/1?exhibit={exhibit_id}&page={page}'


def test_one_page_vector_pdf_with_the_titles_links_and_no_notes() -> None:
    with pymupdf.open(stream=map_pdf('Sơ đồ vụ án', sample(), page_url), filetype='pdf') as doc:
        assert doc.page_count == 1 and doc.metadata['title'] == 'Sơ đồ vụ án'
        page = doc[0]
        text = ' '.join(page.get_text().split())
        assert 'Vụ án Nguyễn Văn Hải' in text and '− Chứng cứ buộc tội' in text and 'lúc 22 giờ 14 phút' in text
        assert 'BL 125' in text and '+2' in text  # the folded branch: counted, its nodes not drawn
        assert 'Khởi tố' not in text and 'GHI CHÚ' not in text
        assert [link['uri'] for link in page.get_links()] == [page_url(7, 2)]
        assert not page.get_images()  # drawn, not a picture
        fonts = {f[3] for f in page.get_fonts()}
        assert any('Noto' in name for name in fonts), fonts


def test_a_large_map_tiles_over_a4_pages_and_a_png_of_it() -> None:
    big = sample(children=60)
    with pymupdf.open(stream=map_pdf('Sơ đồ lớn', big, tiled=True), filetype='pdf') as doc:
        assert doc.page_count >= 3
        assert all(p.rect == TILE for p in doc)
        assert '1/' in doc[0].get_text() and 'Lời khai người làm chứng số 0' in doc[0].get_text()
    image = Image.open(io.BytesIO(map_png('Sơ đồ lớn', big, max_width=1200)))
    assert image.format == 'PNG' and image.width <= 1200 and image.height > image.width
