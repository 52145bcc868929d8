"""The minutes (biên bản phiên tòa) as a PDF, set in Noto Sans so Vietnamese text is drawn and extracts exactly as
entered (PyMuPDF's built-in Helvetica drops letters such as "ụ" and "ố")."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

import pymupdf

from courtroom.court_time import format_datetime
from courtroom.minutes import MinutesEntry

from .pdf import MUPDF_LOCK

PAGE = pymupdf.paper_rect('a4')
MARGIN = 56
TIME_COLUMN = 118


def minutes_pdf(*, court: str, case_number: str, title: str, entries: Sequence[MinutesEntry], signed_by: str,
                exported_at: str, zone: ZoneInfo) -> bytes:
    """The minutes, one entry a row: the time in the court's ``zone``, the entry, and its place in the recording."""
    regular, bold = pymupdf.Font('notos'), pymupdf.Font('notosbo')
    with MUPDF_LOCK:
        doc = pymupdf.open()
        doc.set_metadata({'title': f'Biên bản phiên tòa {case_number}', 'producer': 'courtroom',
                          'creator': 'courtroom'})
        page, y = _new_page(doc, court, case_number, title, regular, bold)
        for entry in entries:
            lines = wrap_lines(entry.text, regular, 11, PAGE.width - 2 * MARGIN - TIME_COLUMN)
            extra = f'{entry.author}' + (f' · ghi hình {entry.recording}' if entry.recording else '')
            height = 15 * len(lines) + 14
            if y + height > PAGE.height - MARGIN - 30:
                page, y = _new_page(doc, court, case_number, title, regular, bold)
            writer = pymupdf.TextWriter(PAGE)
            writer.append((MARGIN, y), format_datetime(entry.at, zone), font=regular, fontsize=9)
            for n, line in enumerate(lines):
                writer.append((MARGIN + TIME_COLUMN, y + 15 * n), line, font=regular, fontsize=11)
            writer.append((MARGIN + TIME_COLUMN, y + 15 * len(lines)), extra, font=regular, fontsize=8)
            writer.write_text(page)
            y += height + 6
        writer = pymupdf.TextWriter(PAGE)
        writer.append((MARGIN, min(y + 30, PAGE.height - MARGIN)),
                      f'Xuất lúc {format_datetime(exported_at, zone)} · ký số bởi {signed_by}', font=regular,
                      fontsize=9)
        writer.write_text(page)
        for number, p in enumerate(doc, start=1):
            footer = pymupdf.TextWriter(PAGE)
            footer.append((PAGE.width - MARGIN - 60, PAGE.height - 30), f'Trang {number}/{doc.page_count}',
                          font=regular, fontsize=9)
            footer.write_text(p)
        data = doc.tobytes(garbage=3, deflate=True)
        doc.close()
    return data


def _new_page(doc: pymupdf.Document, court: str, case_number: str, title: str, regular: pymupdf.Font,
              bold: pymupdf.Font) -> tuple[pymupdf.Page, float]:
    page = doc.new_page(width=PAGE.width, height=PAGE.height)
    writer = pymupdf.TextWriter(PAGE)
    writer.append((MARGIN, MARGIN), court.upper(), font=bold, fontsize=10)
    writer.append((PAGE.width - MARGIN - 250, MARGIN), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', font=bold, fontsize=10)
    writer.append((PAGE.width - MARGIN - 215, MARGIN + 14), 'Độc lập - Tự do - Hạnh phúc', font=regular, fontsize=10)
    heading = 'BIÊN BẢN PHIÊN TÒA'
    writer.append(((PAGE.width - bold.text_length(heading, 16)) / 2, MARGIN + 56), heading, font=bold, fontsize=16)
    for n, line in enumerate(wrap_lines(f'Vụ án số {case_number}: {title}', regular, 11, PAGE.width - 2 * MARGIN)):
        writer.append((MARGIN, MARGIN + 82 + 15 * n), line, font=regular, fontsize=11)
    writer.write_text(page)
    page.draw_line((MARGIN, MARGIN + 104), (PAGE.width - MARGIN, MARGIN + 104), color=(0.6, 0.6, 0.6), width=0.5)
    return page, MARGIN + 126


def wrap_lines(text: str, font: pymupdf.Font, size: float, width: float) -> list[str]:
    """``text`` in lines no wider than ``width`` at ``size`` (a word longer than that stays whole on its line)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or ['']:
        line = ''
        for word in paragraph.split(' '):
            candidate = f'{line} {word}' if line else word
            if font.text_length(candidate, size) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines
