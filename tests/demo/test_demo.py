"""The demo case file: page count, continuous bút lục stamps matching the manifest and the index, Vietnamese text
that extracts intact, an image-only scan page, a playable camera recording."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import av
import pymupdf
import pytest
import xmindparser

from demo import DEMO_CASE, MANIFEST_COLUMNS, write_demo_case_file, write_demo_case_map
from media.map_files import read_map

STAMP_CLIP = pymupdf.Rect(380, 0, 600, 60)  # top-right corner, above the text block


@pytest.fixture(scope='module')
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path], list[dict[str, str]]]:
    out = tmp_path_factory.mktemp('demo')
    paths = write_demo_case_file(out)
    with (out / 'manifest.csv').open(encoding='utf-8', newline='') as f:
        rows = list(csv.DictReader(f))
    return out, paths, rows


def _pages_of(row: dict[str, str], doc: pymupdf.Document) -> range:
    if not row['pages']:
        return range(doc.page_count)
    first, _, last = row['pages'].partition('-')
    return range(int(first) - 1, int(last or first))


def test_files_and_manifest(bundle) -> None:
    out, paths, rows = bundle
    assert paths[-1] == out / 'manifest.csv'
    assert all(p.exists() for p in paths)
    assert tuple(rows[0].keys()) == MANIFEST_COLUMNS
    assert {r['file'] for r in rows} == {p.name for p in paths[:-1]}
    assert all(re.fullmatch(r'TL-\d\d', r['label']) for r in rows)
    assert len({r['label'] for r in rows}) == len(rows)
    assert {'Viện kiểm sát', 'Bị cáo', 'Bị hại', 'Cơ quan điều tra'} <= {r['party'] for r in rows}
    assert sum(1 for r in rows if r['pages']) >= 2  # one PDF split over two rows


def test_at_least_64_pages(bundle) -> None:
    _out, paths, _ = bundle
    total = 0
    for p in paths:
        if p.suffix == '.pdf':
            with pymupdf.open(p) as doc:
                total += doc.page_count
    assert total >= 64


def test_bl_stamps_are_continuous_and_match_manifest(bundle) -> None:
    out, _, rows = bundle
    expected = 1
    image_only = 0
    for row in rows:
        assert int(row['bl']) == expected, row
        if row['file'].endswith(('.mp4', '.webm')):
            expected += 1
            continue
        with pymupdf.open(out / row['file']) as doc:
            for i in _pages_of(row, doc):
                page = doc[i]
                if not page.get_text().strip():
                    image_only += 1  # a scan: its stamp is part of the picture
                    assert page.get_images()
                else:
                    assert page.get_text(clip=STAMP_CLIP).strip() == f'BL {expected}', (row['file'], i)
                expected += 1
    assert image_only >= 2


def test_index_lists_the_manifest_ranges(bundle) -> None:
    out, _, rows = bundle
    with pymupdf.open(out / rows[0]['file']) as doc:
        index = doc[1].get_text()
    ends = [int(r['bl']) for r in rows[1:]] + [None]
    last_bl = int(rows[-1]['bl'])
    with pymupdf.open(out / rows[-1]['file']) as doc:
        last_bl += doc.page_count - 1
    for row, nxt in zip(rows, ends, strict=True):
        first, last = int(row['bl']), (nxt - 1 if nxt else last_bl)
        text = str(first) if first == last else f'{first}–{last}'
        assert text in index, row
        assert row['label'] in index
    assert f'bút lục từ 1 đến {last_bl}' in ' '.join(pymupdf.open(out / rows[0]['file'])[0].get_text().split())


def test_vietnamese_text_extracts_intact(bundle) -> None:
    _out, paths, _ = bundle
    text = ''
    for p in paths:
        if p.suffix == '.pdf':
            with pymupdf.open(p) as doc:
                text += ''.join(page.get_text() for page in doc)
    text = ' '.join(text.split())
    for s in ('CÁO TRẠNG', 'Cáo trạng', 'bút lục', 'Hội đồng xét xử', 'lời khai', 'BIÊN BẢN GHI LỜI KHAI',
              'VIỆN KIỂM SÁT NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
              'Trộm cắp tài sản', 'khoản 1 Điều 173 Bộ luật Hình sự', 'KẾT LUẬN GIÁM ĐỊNH', 'Hỏi:', 'Trả lời:',
              'Nguyễn Văn Hải', 'Tòa án nhân dân khu vực 1 - Hà Nội', 'Vật chứng', DEMO_CASE['case_number']):
        assert s in text, s


def test_scan_pages_are_image_only(bundle) -> None:
    out, _, _ = bundle
    with pymupdf.open(out / '13-ban-anh-vat-chung.pdf') as doc:
        assert doc[-1].get_text() == ''
        assert len(doc[-1].get_images()) == 1
        assert 'ẢNH SỐ 1' in doc[1].get_text() and 'ẢNH SỐ 1' not in doc[0].get_text()
        assert 'Ảnh số 1. Toàn cảnh xe mô tô' in ' '.join(doc[1].get_text().split())  # the others have captions
    with pymupdf.open(out / '18-tai-lieu-scan.pdf') as doc:
        assert all(page.get_text() == '' for page in doc)


def test_bookmarks(bundle) -> None:
    out, _, _ = bundle
    with pymupdf.open(out / '02-cao-trang.pdf') as doc:
        toc = doc.get_toc()
    assert next(t[1] for t in toc) == 'I. Nội dung vụ án'
    assert all(level == 1 for level, _, _ in toc) and len(toc) >= 3
    with pymupdf.open(out / '07-hoi-cung-bi-can.pdf') as doc:
        toc = doc.get_toc()
        assert len(toc) == 2
        # the first interrogation ends, signed, on the page before the second one starts
        assert 'NGƯỜI KHAI' in doc[toc[1][2] - 2].get_text()


def test_metadata_is_fixed(bundle) -> None:
    out, _, _ = bundle
    with pymupdf.open(out / '02-cao-trang.pdf') as doc:
        assert doc.metadata['creationDate'].startswith('D:20260320')
        assert doc.metadata['modDate'].startswith('D:20260320')


def test_video_opens_and_has_frames(bundle) -> None:
    out, _, rows = bundle
    video = next(r for r in rows if r['file'].endswith(('.mp4', '.webm')))
    with av.open(str(out / video['file'])) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == (320, 240)
        frames = sum(1 for _ in container.decode(stream))
    assert frames >= 30


def test_deterministic(bundle, tmp_path: Path) -> None:
    _out, paths, _ = bundle
    again = write_demo_case_file(tmp_path)
    for a, b in zip(paths, again, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_the_case_map_opens_in_an_xmind_reader_with_its_links_by_bl(tmp_path: Path) -> None:
    path = write_demo_case_map(tmp_path / 'so-do.xmind')
    assert path.read_bytes() == write_demo_case_map(tmp_path / 'again.xmind').read_bytes()  # deterministic
    sheet = xmindparser.xmind_to_dict(str(path))[0]
    assert sheet['topic']['title'] == DEMO_CASE['title']
    assert [t['title'] for t in sheet['topic']['topics']][:2] == ['Tố tụng', 'Diễn biến vụ án']
    title, root = read_map('so-do.xmind', path.read_bytes())
    assert title == 'Sơ đồ tư duy vụ án'
    evidence = next(b for b in root['children'] if b['title'] == 'Chứng cứ buộc tội')
    assert evidence['markers'] == ['against'] and evidence['children'][0]['link'] == {'bl': 21}
