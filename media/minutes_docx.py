"""The minutes in the court's form as a Word file (python-docx), which courts edit and file: the same content as the
PDF (both are drawn from courtroom.minutes_form), in Times New Roman as court documents are set."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from courtroom.minutes_form import MinutesForm

FONT = 'Times New Roman'
GREY = RGBColor(0x40, 0x4B, 0x5A)


def form_docx(form: MinutesForm) -> bytes:
    doc = Document()
    style = doc.styles['Normal']
    style.font.name = FONT
    style.font.size = Pt(13)
    doc.core_properties.title = f'{form.title} — {form.case_line}'
    doc.core_properties.author = 'courtroom'

    head = doc.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = head.rows[0].cells
    _para(left, form.court, bold=True, center=True)
    _para(right, form.nation, bold=True, center=True)
    _para(right, form.motto, center=True)

    _para(doc, form.title, bold=True, center=True, size=15, before=12)
    _para(doc, form.case_line, center=True)
    for line in form.opening:
        _para(doc, line)
    for heading, people in ((form.conducting_heading, form.conducting),
                            (form.participants_heading, form.participants)):
        _para(doc, heading, bold=True, before=8)
        for person in people:
            _para(doc, f'{person.title}: {person.name}' + (f' — {person.note}' if person.note else ''), indent=True)
        if not people:
            _para(doc, form.nobody, italic=True, indent=True)
    _para(doc, form.proceedings_heading, bold=True, before=8)
    for section in form.sections:
        _para(doc, section.heading, bold=True, indent=True, before=4)
        for line in section.lines:
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Pt(18)
            p.add_run(f'{line.time}  ').font.size = Pt(11)
            if line.speaker:
                p.add_run(f'{line.speaker}: ').bold = True
            run = p.add_run(line.text)
            if not line.typed:
                run.italic = True
                run.font.color.rgb = GREY
    if form.faults_heading:  # an interrogation's or statement's equipment faults
        _para(doc, form.faults_heading, bold=True, before=8)
        for line in form.faults:
            _para(doc, line, indent=True)
    _para(doc, form.ending, bold=True, before=8)
    signs = doc.add_table(rows=1, cols=len(form.signatures))
    for cell, box in zip(signs.rows[0].cells, form.signatures, strict=True):
        _para(cell, box.title, bold=True, center=True)
        _para(cell, box.signed, italic=True, center=True, size=11)
        _para(cell, box.name, bold=True, center=True, before=36)
    if form.corrections:
        _para(doc, form.corrections_heading, bold=True, before=12)
        for line in form.corrections:
            _para(doc, line, indent=True)
    if form.page_footer:  # the person questioned signs every page
        doc.sections[0].footer.paragraphs[0].text = form.page_footer
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _para(where, text: str, *, bold: bool = False, italic: bool = False, center: bool = False,
          size: float | None = None, indent: bool = False, before: float = 0) -> None:
    """A paragraph of ``text`` in a document or a table cell (a new cell's first, empty paragraph is used)."""
    paragraphs = getattr(where, 'paragraphs', [])
    p = paragraphs[0] if len(paragraphs) == 1 and not paragraphs[0].text and hasattr(where, 'width') \
        else where.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    if size is not None:
        run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent:
        p.paragraph_format.left_indent = Pt(18)
    if before:
        p.paragraph_format.space_before = Pt(before)
