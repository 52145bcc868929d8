"""PDF evidence with PyMuPDF: open (refusing encrypted and unreadable files, accepting what MuPDF repairs), split
by top-level bookmarks, extract each page's text and render a 240 px thumbnail. Nothing in a PDF is executed:
MuPDF runs no JavaScript, and embedded files, links and forms are never opened or followed here."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from PIL import Image

from .errors import Unprocessable
from .image_sizes import THUMB_JPEG_QUALITY, THUMB_WIDTH


@dataclass(slots=True, frozen=True)
class Section:
    """A part of a PDF: inclusive 1-based pages, and its title (None: the file's name)."""

    first: int
    last: int
    title: str | None


# PyMuPDF may not be used from two threads at once, even on different documents: every MuPDF call in media/ holds
# this lock, page by page, so a long import and a page rendered for a screen interleave instead of colliding.
MUPDF_LOCK = threading.RLock()


def open_pdf(path: Path, name: str) -> pymupdf.Document:
    """Open for reading; the caller closes it. Refuses ``pdf_encrypted``, ``pdf_broken``, ``pdf_no_pages``."""
    with MUPDF_LOCK:
        return _open_pdf(path, name)


def _open_pdf(path: Path, name: str) -> pymupdf.Document:
    try:
        doc = pymupdf.open(path, filetype='pdf')
    except Exception as e:  # MuPDF reports a file it cannot read or repair as FileDataError or RuntimeError
        raise Unprocessable('pdf_broken', file=name) from e
    try:
        if doc.needs_pass:  # a PDF that opens with the empty password (permissions only) is readable and accepted
            raise Unprocessable('pdf_encrypted', file=name)
        if doc.page_count < 1 and doc.is_repaired:
            _rebuild_page_tree(doc)
        if doc.page_count < 1:
            raise Unprocessable('pdf_no_pages', file=name)
    except BaseException:
        doc.close()
        raise
    return doc


def _rebuild_page_tree(doc: pymupdf.Document) -> None:
    """A repaired file whose page tree is lost (the corpus's 017 sample) still holds its page objects: gather them
    into a new tree, in memory only (the stored file is never changed), the linearised first page first, then in
    object order. The renderer must open PDFs through ``open_pdf`` to see the same pages."""
    try:
        pages = [x for x in range(1, doc.xref_length()) if doc.xref_get_key(x, 'Type') == ('name', '/Page')]
        if not pages:
            return
        first = next((doc.xref_get_key(x, 'O') for x in range(1, min(doc.xref_length(), 1000))
                      if doc.xref_get_key(x, 'Linearized')[0] != 'null'), None)
        if first and first[0] == 'int' and int(first[1]) in pages:
            pages.remove(int(first[1]))
            pages.insert(0, int(first[1]))
        tree = doc.get_new_xref()
        doc.update_object(tree, f'<< /Type /Pages /Kids [{" ".join(f"{x} 0 R" for x in pages)}] /Count {len(pages)} >>')
        for x in pages:
            doc.xref_set_key(x, 'Parent', f'{tree} 0 R')
        doc.xref_set_key(doc.pdf_catalog(), 'Pages', f'{tree} 0 R')
    except Exception:  # nothing recoverable: the caller refuses the file as having no pages
        return


def bookmark_sections(doc: pymupdf.Document) -> list[Section]:
    """Sections by top-level bookmarks: only when they start at page 1 and give at least two distinct start pages;
    otherwise the whole file is one section. A page shared by several bookmarks keeps the first one's title."""
    whole = [Section(1, doc.page_count, None)]
    try:
        toc = doc.get_toc(simple=True)
    except Exception:  # a broken outline is no reason to refuse the document, only to not split it
        return whole
    starts: dict[int, str] = {}
    for level, title, page in toc:
        if level == 1 and 1 <= page <= doc.page_count and page not in starts:
            starts[page] = ' '.join(str(title).split()) or f'p. {page}'
    pages = sorted(starts)
    if len(pages) < 2 or pages[0] != 1:
        return whole
    ends = [p - 1 for p in pages[1:]] + [doc.page_count]
    return [Section(first, last, starts[first]) for first, last in zip(pages, ends, strict=True)]


def thumbnail_jpeg(pix: pymupdf.Pixmap) -> bytes:
    # Pillow's encoder is about 3x faster than pix.tobytes('jpeg') here (measured: 1.5 s against 4 s per 1000 pages)
    mode = 'RGB' if pix.n == 3 else 'L' if pix.n == 1 else None
    if mode is None:
        pix = pymupdf.Pixmap(pymupdf.csRGB, pix)
        mode = 'RGB'
    image = Image.frombytes(mode, (pix.width, pix.height), pix.samples)
    out = io.BytesIO()
    image.save(out, 'JPEG', quality=THUMB_JPEG_QUALITY)
    return out.getvalue()


def render_pages(doc: pymupdf.Document, name: str, pages: Iterable[int],
                 on_page: Callable[[int, str, bytes], None]) -> None:
    """For each 1-based page: its text and a JPEG thumbnail 240 px wide, handed to ``on_page`` at once so no
    pixmap outlives its page. A page MuPDF cannot interpret makes the whole file ``pdf_broken``."""
    for number in pages:
        with MUPDF_LOCK:
            try:
                page = doc.load_page(number - 1)
                text = page.get_text()
                width = page.rect.width
                zoom = THUMB_WIDTH / width if width > 0 else 1.0
                pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csRGB, alpha=False)
            except Exception as e:
                raise Unprocessable('pdf_broken', file=name) from e
        jpeg = thumbnail_jpeg(pix)
        del pix, page
        on_page(number, text, jpeg)
