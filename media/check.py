"""The compliance check of a PDF bundle before it goes to court: can it be opened, is it searchable, can one
find one's way in it, will it show the right way up, does it carry anything it should not.

``check_pdf`` never raises for a bad file: what is wrong with the file is the report. ``Report.ok`` is false when
any finding is an error; the CLI (``courtroom bundle check``) prints ``to_text`` and exits 1 then.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import pymupdf

from courtroom.i18n import language
from courtroom.settings import Limits

from .check_messages import FINDINGS, REPORT, SEVERITY_LABELS
from .pdf import MUPDF_LOCK

MM = 72 / 25.4  # PDF points per millimetre
PAPER_SIZES_MM: dict[str, tuple[float, float]] = {'A4': (210.0, 297.0), 'Letter': (215.9, 279.4)}
SIZE_TOLERANCE_MM = 3.0
MAX_LISTED_RANGES = 20
MAX_LISTED_BOOKMARKS = 15


class Severity(StrEnum):
    ERROR = 'error'
    WARNING = 'warning'
    INFO = 'info'


# --- pure helpers ---------------------------------------------------------------------------------------------

def page_ranges(pages: Iterable[int], *, max_ranges: int | None = None) -> str:
    """1-based page numbers as '3-7, 9'; past ``max_ranges`` ranges the rest is cut to '…'."""
    runs: list[tuple[int, int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], page)
        else:
            runs.append((page, page))
    parts = [f'{a}-{b}' if b > a else str(a) for a, b in runs]
    if max_ranges is not None and len(parts) > max_ranges:
        parts = [*parts[:max_ranges], '…']
    return ', '.join(parts)


def paper_name(width_pt: float, height_pt: float) -> str | None:
    """'A4' or 'Letter' when the page is one of them (either orientation) within SIZE_TOLERANCE_MM."""
    short, long = sorted((width_pt / MM, height_pt / MM))
    for name, (w, h) in PAPER_SIZES_MM.items():
        if abs(short - w) <= SIZE_TOLERANCE_MM and abs(long - h) <= SIZE_TOLERANCE_MM:
            return name
    return None


def human_size(size: int, lang: str = 'vi') -> str:
    units = ('B', 'KB', 'MB', 'GB', 'TB')
    value, unit = float(size), 0
    while value >= 1024 and unit < len(units) - 1:
        value, unit = value / 1024, unit + 1
    text = f'{int(value)} {units[0]}' if unit == 0 else f'{value:.1f} {units[unit]}'
    return text.replace('.', ',') if lang == 'vi' else text


# --- the report -----------------------------------------------------------------------------------------------

@dataclass(slots=True, kw_only=True, frozen=True)
class Finding:
    severity: Severity
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in FINDINGS:
            raise ValueError(f'unknown finding code "{self.code}"')

    def message(self, lang: str = 'vi') -> str:
        """The finding in ``lang`` ('vi' or 'en'; anything else falls back to Vietnamese)."""
        return FINDINGS.t(self.code, language(lang), **self._display_params(lang))

    def _display_params(self, lang: str) -> dict[str, Any]:
        shown: dict[str, Any] = {}
        for key, value in self.params.items():
            if key.endswith('_bytes'):
                shown[key.removesuffix('_bytes')] = human_size(value, lang)
            elif key == 'pages':
                shown[key] = page_ranges(value, max_ranges=MAX_LISTED_RANGES)
            elif isinstance(value, list):
                more = ', …' if len(value) > MAX_LISTED_RANGES else ''
                shown[key] = ', '.join(map(str, value[:MAX_LISTED_RANGES])) + more
            shown.setdefault(key, value)
        return shown

    def to_dict(self) -> dict[str, Any]:
        return {'severity': self.severity.value, 'code': self.code, 'params': self.params}


@dataclass(slots=True, kw_only=True)
class Report:
    path: Path
    size_bytes: int | None = None
    page_count: int | None = None
    bookmarks: list[str] = field(default_factory=list)  # top-level titles
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    def codes(self, severity: Severity | None = None) -> set[str]:
        return {f.code for f in self.findings if severity is None or f.severity is severity}

    def add(self, severity: Severity, code: str, **params: Any) -> None:
        self.findings.append(Finding(severity=severity, code=code, params=params))

    def to_dict(self) -> dict[str, Any]:
        return {
            'path': str(self.path),
            'ok': self.ok,
            'size_bytes': self.size_bytes,
            'page_count': self.page_count,
            'bookmarks': self.bookmarks,
            'findings': [f.to_dict() for f in self.findings],
        }

    def to_text(self, lang: str = 'vi') -> str:
        """A terminal-friendly report: errors first, then warnings, then facts; one finding a line."""
        lang = language(lang)
        labels = {s: SEVERITY_LABELS.t(s.value, lang) for s in Severity}
        width = max(len(label) for label in labels.values())
        lines = [REPORT.t('heading', lang, path=self.path)]
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
        for finding in sorted(self.findings, key=lambda f: order[f.severity]):
            lines.append(f'  {labels[finding.severity]:<{width}}  {finding.message(lang)}')
            if finding.code == 'bookmarks':
                shown = self.bookmarks[:MAX_LISTED_BOOKMARKS]
                lines.extend(f'  {"":<{width}}    • {title}' for title in shown)
                if len(self.bookmarks) > len(shown):
                    more = REPORT.t('more', lang, count=len(self.bookmarks) - len(shown))
                    lines.append(f'  {"":<{width}}    {more}')
        counts = {'errors': REPORT.t('errors', lang, n=len(self.errors)),
                  'warnings': REPORT.t('warnings', lang, n=len(self.warnings))}
        lines.append(REPORT.t('passed' if self.ok else 'failed', lang, **counts))
        return '\n'.join(lines)


# --- the check ------------------------------------------------------------------------------------------------

def check_pdf(path: Path, *, max_bytes: int | None = None) -> Report:
    """Check one PDF. ``max_bytes`` defaults to the import limit (courtroom.settings.Limits.max_file_bytes)."""
    path = Path(path)
    limit = Limits().max_file_bytes if max_bytes is None else max_bytes
    report = Report(path=path)
    try:
        report.size_bytes = os.path.getsize(path)
    except OSError as e:
        report.add(Severity.ERROR, 'cannot_open', detail=e.strerror or str(e))
        return report
    report.add(Severity.INFO, 'file_size', size_bytes=report.size_bytes)
    if report.size_bytes > limit:
        report.add(Severity.ERROR, 'too_large', size_bytes=report.size_bytes, limit_bytes=limit)
    with MUPDF_LOCK:
        pymupdf.TOOLS.reset_mupdf_warnings()
        try:
            doc = pymupdf.open(path, filetype='pdf')
        except Exception as e:  # MuPDF raises FileDataError, EmptyFileError, RuntimeError… for a bad file
            report.add(Severity.ERROR, 'cannot_open', detail=str(e) or type(e).__name__)
            return report
        with doc:
            if not doc.is_pdf:  # MuPDF sniffs the content and would happily open a PNG named .pdf
                report.add(Severity.ERROR, 'cannot_open', detail=f'not a PDF ({doc.metadata.get("format") or "?"})')
                return report
            _check_document(doc, report)
    return report


def _check_document(doc: pymupdf.Document, report: Report) -> None:
    if doc.needs_pass:
        report.add(Severity.ERROR, 'encrypted')
        return
    if doc.metadata and doc.metadata.get('encryption'):
        report.add(Severity.WARNING, 'restricted')
    if doc.is_repaired:
        warnings = pymupdf.TOOLS.mupdf_warnings(reset=True).splitlines()
        report.add(Severity.WARNING, 'repaired', detail=warnings[0] if warnings else 'xref')
    report.page_count = doc.page_count
    report.add(Severity.INFO, 'page_count', count=doc.page_count)
    if doc.page_count == 0:
        report.add(Severity.ERROR, 'no_pages')
        return
    _check_pages(doc, report)
    _check_bookmarks(doc, report)
    if _has_javascript(doc):
        report.add(Severity.WARNING, 'javascript')
    names = _embedded_files(doc)
    if names:
        report.add(Severity.WARNING, 'embedded_files', count=len(names), names=names)


def _check_pages(doc: pymupdf.Document, report: Report) -> None:
    no_text: list[int] = []
    rotated: list[int] = []
    odd: list[int] = []
    odd_sizes: dict[str, list[int]] = {}
    broken: list[int] = []
    for number in range(1, doc.page_count + 1):
        try:
            page = doc.load_page(number - 1)
            text = page.get_text('text')
        except Exception:  # one page MuPDF cannot interpret: name it, check the rest
            broken.append(number)
            continue
        if not text.strip():
            no_text.append(number)
        if page.rotation:
            rotated.append(number)
        rect = page.rect
        if paper_name(rect.width, rect.height) is None:
            odd.append(number)
            odd_sizes.setdefault(f'{rect.width / MM:.0f} x {rect.height / MM:.0f} mm', []).append(number)
    if broken:
        report.add(Severity.ERROR, 'broken_pages', count=len(broken), pages=broken)
    if no_text:
        report.add(Severity.WARNING, 'no_text_layer', count=len(no_text), pages=no_text)
    if rotated:
        report.add(Severity.WARNING, 'rotated_pages', count=len(rotated), pages=rotated)
    if odd:
        sizes = [f'{size}: {page_ranges(pages, max_ranges=3)}' for size, pages in odd_sizes.items()]
        report.add(Severity.WARNING, 'odd_page_size', count=len(odd), pages=odd, sizes=sizes)


def _check_bookmarks(doc: pymupdf.Document, report: Report) -> None:
    toc = doc.get_toc(simple=True)
    if not toc:
        report.add(Severity.WARNING, 'no_bookmarks')
        return
    report.bookmarks = [str(title) for level, title, _page in toc if level == 1]
    report.add(Severity.INFO, 'bookmarks', count=len(toc), top_count=len(report.bookmarks))


def _has_javascript(doc: pymupdf.Document) -> bool:
    """Any JavaScript action (/S /JavaScript, a /JS key) or a document-level /Names /JavaScript tree."""
    catalog = doc.pdf_catalog()
    if catalog and doc.xref_get_key(catalog, 'Names/JavaScript')[0] != 'null':
        return True
    for xref in range(1, doc.xref_length()):
        try:
            if doc.xref_get_key(xref, 'S') == ('name', '/JavaScript') or doc.xref_get_key(xref, 'JS')[0] != 'null':
                return True
        except Exception:  # a free or broken object in a damaged file: nothing to read there
            continue
    return False


def _embedded_files(doc: pymupdf.Document) -> list[str]:
    """Names of the document's embedded files and of its file attachment annotations."""
    names = list(doc.embfile_names())
    for number in range(doc.page_count):
        with contextlib.suppress(Exception):  # a page that cannot load is reported as broken_pages already
            page = doc.load_page(number)
            for annot in page.annots(types=[pymupdf.PDF_ANNOT_FILE_ATTACHMENT]):  # type: ignore[attr-defined]
                info = annot.file_info
                names.append(str(info.get('filename') or info.get('description') or f'p{number + 1}'))
    return names
