"""The PDF compliance check: each finding on a generated PDF, then the real corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

from media.check import MM, Finding, Report, Severity, check_pdf, page_ranges, paper_name
from media.check_messages import FINDINGS, REPORT, SEVERITY_LABELS
from tests.conftest import corpus_pdfs

A4 = (595.28, 841.89)


def make_pdf(path: Path, pages: int = 3, *, toc: bool = True, size: tuple[float, float] = A4,
             no_text: tuple[int, ...] = ()) -> Path:
    """A4 pages with text (except ``no_text``, which only get a drawing, like a scan) and a two-level outline."""
    doc = pymupdf.open()
    for number in range(1, pages + 1):
        page = doc.new_page(width=size[0], height=size[1])
        if number in no_text:
            page.draw_rect(pymupdf.Rect(50, 50, 300, 300), color=(0, 0, 0), fill=(0.5, 0.5, 0.5))
        else:
            page.insert_text((72, 72), f'Trang {number}', fontsize=12)
    if toc:
        doc.set_toc([[1, 'Cáo trạng', 1], [2, 'Phụ lục', 1], [1, 'Biên bản', min(2, pages)]])
    doc.save(path)
    return path


def codes(report: Report, severity: Severity) -> set[str]:
    return report.codes(severity)


def finding(report: Report, code: str) -> Finding:
    return next(f for f in report.findings if f.code == code)


# --- pure helpers ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(('pages', 'text'), [
    ([3, 4, 5, 6, 7, 9], '3-7, 9'), ([9, 3, 4, 4], '3-4, 9'), ([1], '1'), ([], ''), ([2, 4, 6], '2, 4, 6'),
])
def test_page_ranges(pages: list[int], text: str) -> None:
    assert page_ranges(pages) == text


def test_page_ranges_are_cut_when_long() -> None:
    assert page_ranges(range(1, 100, 2), max_ranges=3) == '1, 3, 5, …'


@pytest.mark.parametrize(('width_mm', 'height_mm', 'name'), [
    (210, 297, 'A4'), (297, 210, 'A4'), (212.9, 294.1, 'A4'), (213.5, 297, None), (215.9, 279.4, 'Letter'),
    (279.4, 215.9, 'Letter'), (215.9, 355.6, None), (148, 210, None), (1.4, 1.4, None),
])
def test_paper_name(width_mm: float, height_mm: float, name: str | None) -> None:
    assert paper_name(width_mm * MM, height_mm * MM) == name


def test_every_finding_and_text_has_both_languages() -> None:
    for table in (FINDINGS, SEVERITY_LABELS, REPORT):
        for code, entry in table.items():
            vi, *en = entry.forms
            assert vi and all(en) and vi not in en, code


def test_an_unknown_finding_code_is_refused() -> None:
    with pytest.raises(ValueError, match='unknown finding code "nope"'):
        Finding(severity=Severity.INFO, code='nope')


# --- findings on generated files ------------------------------------------------------------------------------

def test_a_clean_bundle_passes_with_facts_only(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / 'clean.pdf')
    report = check_pdf(path)
    assert report.ok
    assert report.findings and not report.errors and not report.warnings
    assert codes(report, Severity.INFO) == {'file_size', 'page_count', 'bookmarks'}
    assert report.size_bytes == path.stat().st_size
    assert report.page_count == 3
    assert report.bookmarks == ['Cáo trạng', 'Biên bản']
    assert finding(report, 'bookmarks').params == {'count': 3, 'top_count': 2}
    text = report.to_text()
    assert 'ĐẠT' in text and '• Cáo trạng' in text and '• Biên bản' in text


def test_pages_without_text_are_listed_compactly(tmp_path: Path) -> None:
    report = check_pdf(make_pdf(tmp_path / 'scan.pdf', pages=10, no_text=(3, 4, 5, 6, 7, 9)))
    found = finding(report, 'no_text_layer')
    assert found.severity is Severity.WARNING
    assert found.params == {'count': 6, 'pages': [3, 4, 5, 6, 7, 9]}
    assert 'trang 3-7, 9' in found.message('vi')
    assert '6 pages have no text layer' in found.message('en') and 'pages 3-7, 9' in found.message('en')
    assert report.ok


def test_no_bookmarks_is_a_warning(tmp_path: Path) -> None:
    report = check_pdf(make_pdf(tmp_path / 'flat.pdf', toc=False))
    assert codes(report, Severity.WARNING) == {'no_bookmarks'}
    assert report.bookmarks == [] and report.ok


def test_rotated_pages_are_a_warning(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / 'plain.pdf', pages=4)
    with pymupdf.open(path) as doc:
        doc[1].set_rotation(90)
        doc[3].set_rotation(180)
        doc.save(tmp_path / 'rotated.pdf')
    report = check_pdf(tmp_path / 'rotated.pdf')
    assert finding(report, 'rotated_pages').params == {'count': 2, 'pages': [2, 4]}
    assert 'odd_page_size' not in report.codes()  # a landscape A4 is still A4


def test_odd_sized_pages_are_listed(tmp_path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page(width=A4[0], height=A4[1])
    doc.new_page(width=612, height=1008)  # US Legal
    doc.new_page(width=A4[0] + 2 * MM, height=A4[1] - 2 * MM)  # a scanner's A4, within 3 mm
    doc.new_page(width=612, height=792)  # Letter
    doc.new_page(width=612, height=1008)
    for page in doc:
        page.insert_text((72, 72), 'x')
    doc.save(tmp_path / 'odd.pdf')
    found = finding(check_pdf(tmp_path / 'odd.pdf'), 'odd_page_size')
    assert found.severity is Severity.WARNING
    assert found.params['pages'] == [2, 5]
    assert found.params['sizes'] == ['216 x 356 mm: 2, 5']
    assert '216 x 356 mm' in found.message('vi')


def test_a_password_protected_file_is_an_error(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / 'plain.pdf')
    with pymupdf.open(path) as doc:
        doc.save(tmp_path / 'locked.pdf', encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw='u', owner_pw='o')
    report = check_pdf(tmp_path / 'locked.pdf')
    assert not report.ok
    assert codes(report, Severity.ERROR) == {'encrypted'}
    assert report.page_count is None


def test_an_owner_password_only_is_a_warning(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / 'plain.pdf')
    with pymupdf.open(path) as doc:
        doc.save(tmp_path / 'restricted.pdf', encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw='o', user_pw='',
                 permissions=pymupdf.PDF_PERM_ACCESSIBILITY)
    report = check_pdf(tmp_path / 'restricted.pdf')
    assert report.ok
    assert 'restricted' in codes(report, Severity.WARNING)
    assert report.page_count == 3


@pytest.mark.parametrize('content', [b'', b'hello, not a pdf', b'\x89PNG\r\n\x1a\n' + b'\0' * 64])
def test_what_cannot_be_opened_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / 'bad.pdf'
    path.write_bytes(content)
    report = check_pdf(path)
    assert not report.ok
    assert codes(report, Severity.ERROR) == {'cannot_open'}
    assert finding(report, 'cannot_open').params['detail']


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    report = check_pdf(tmp_path / 'absent.pdf')
    assert not report.ok and codes(report, Severity.ERROR) == {'cannot_open'}
    assert report.size_bytes is None


def test_a_damaged_file_that_repairs_is_a_warning(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / 'plain.pdf').read_bytes()
    at = data.rindex(b'startxref')
    (tmp_path / 'damaged.pdf').write_bytes(data[:at] + b'startxref\n999999\n%%EOF\n')
    report = check_pdf(tmp_path / 'damaged.pdf')
    assert report.ok
    found = finding(report, 'repaired')
    assert found.severity is Severity.WARNING and found.params['detail']
    assert report.page_count == 3


def test_javascript_is_a_warning(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / 'plain.pdf')
    with pymupdf.open(path) as doc:
        action = doc.get_new_xref()
        doc.update_object(action, '<< /S /JavaScript /JS (app.alert\\(1\\);) >>')
        doc.xref_set_key(doc.pdf_catalog(), 'OpenAction', f'{action} 0 R')
        doc.save(tmp_path / 'js.pdf')
    report = check_pdf(tmp_path / 'js.pdf')
    assert 'javascript' in codes(report, Severity.WARNING)
    assert 'javascript' not in check_pdf(path).codes()


def test_embedded_files_and_attachment_annotations_are_a_warning(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / 'plain.pdf')
    with pymupdf.open(path) as doc:
        doc.embfile_add('ghi-am.txt', b'transcript')
        doc[1].add_file_annot(pymupdf.Point(100, 100), b'photo', 'anh.jpg')
        doc.save(tmp_path / 'attached.pdf')
    found = finding(check_pdf(tmp_path / 'attached.pdf'), 'embedded_files')
    assert found.severity is Severity.WARNING
    assert found.params == {'count': 2, 'names': ['ghi-am.txt', 'anh.jpg']}
    assert 'ghi-am.txt, anh.jpg' in found.message('en')


def test_over_the_size_limit_is_an_error(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / 'plain.pdf')
    size = path.stat().st_size
    report = check_pdf(path, max_bytes=1000)
    assert not report.ok
    assert finding(report, 'too_large').params == {'size_bytes': size, 'limit_bytes': 1000}
    assert '1000 B' in finding(report, 'too_large').message('en')
    assert check_pdf(path, max_bytes=size).ok


def test_reports_read_in_both_languages_and_serialise(tmp_path: Path) -> None:
    report = check_pdf(make_pdf(tmp_path / 'scan.pdf', pages=2, toc=False, no_text=(2,)), max_bytes=100)
    vi, en = report.to_text(), report.to_text('en')
    assert vi.splitlines()[0].startswith('Kiểm tra tệp PDF: ')
    assert vi.splitlines()[-1] == 'Kết quả: KHÔNG ĐẠT (1 lỗi, 2 cảnh báo)'
    assert en.splitlines()[-1] == 'Result: FAILED (1 error, 2 warnings)'
    body = vi.splitlines()[1:-1]
    assert body[0].lstrip().startswith('LỖI') and body[-1].lstrip().startswith('THÔNG TIN')  # errors first
    assert all('{' not in line for line in vi.splitlines() + en.splitlines())
    data = json.loads(json.dumps(report.to_dict()))
    assert data['ok'] is False and data['page_count'] == 2
    assert {f['code'] for f in data['findings']} == {'file_size', 'too_large', 'page_count', 'no_text_layer',
                                                      'no_bookmarks'}


# --- the real corpus ------------------------------------------------------------------------------------------

EXPECTED = {
    # file: (ok, codes that must be there)
    '001-trivial/minimal-document.pdf': (True, {'no_bookmarks'}),
    '005-libreoffice-writer-password/libreoffice-writer-password.pdf': (False, {'encrypted'}),
    '006-pdflatex-outline/pdflatex-outline.pdf': (True, {'bookmarks'}),
    '014-outlines/mistitled_outlines_example.pdf': (True, {'bookmarks'}),
    '007-imagemagick-images/imagemagick-images.pdf': (True, {'no_text_layer', 'odd_page_size'}),
    '023-cmyk-image/cmyk-image.pdf': (True, {'no_text_layer'}),
    '015-arabic/habibi-rotated.pdf': (True, {'rotated_pages'}),
    '025-attachment/with-attachment.pdf': (True, {'embedded_files'}),
    # MuPDF has to repair this one and finds no page in it (other readers see 4): the bundle cannot be shown
    '017-unreadable-meta-data/unreadablemetadata.pdf': (False, {'repaired', 'no_pages'}),
}


@pytest.mark.parametrize(('name', 'expected'), EXPECTED.items(), ids=list(EXPECTED))
def test_corpus_findings(corpus: Path, name: str, expected: tuple[bool, set[str]]) -> None:
    ok, must = expected
    report = check_pdf(corpus / name)
    assert report.ok is ok
    assert must <= report.codes(), report.to_text('en')


def test_corpus_outline_lists_top_level_bookmarks(corpus: Path) -> None:
    report = check_pdf(corpus / '009-pdflatex-geotopo' / 'GeoTopo-komprimiert.pdf')
    assert report.ok and report.page_count == 117
    assert finding(report, 'bookmarks').params['count'] == 35
    assert report.bookmarks[0] == '1 Topologische Grundbegriffe'
    assert len(report.bookmarks) == 11


@pytest.mark.parametrize('path', corpus_pdfs(), ids=lambda p: p.name)
def test_every_corpus_file_gets_a_readable_report(corpus: Path, path: Path) -> None:
    report = check_pdf(path)
    for lang in ('vi', 'en'):
        text = report.to_text(lang)
        assert str(path) in text.splitlines()[0]
        assert '{' not in text
    json.dumps(report.to_dict())
    assert report.ok == (not report.errors)
