"""The minutes (biên bản phiên tòa) in the court's form as a PDF, set in Noto Sans so Vietnamese text is drawn and
extracts exactly as entered (PyMuPDF's built-in Helvetica drops letters such as "ụ" and "ố")."""

from __future__ import annotations

import pymupdf

from courtroom.minutes_form import MinutesForm

from .pdf import MUPDF_LOCK

PAGE = pymupdf.paper_rect('a4')
MARGIN = 56


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


class _Flow:
    """Text laid down the page and on to the next, in Noto Sans (regular, bold, italic), wrapped to the margins."""

    def __init__(self, doc: pymupdf.Document) -> None:
        self.doc = doc
        self.fonts = {'regular': pymupdf.Font('notos'), 'bold': pymupdf.Font('notosbo'),
                      'italic': pymupdf.Font('notosit')}
        self.page = doc.new_page(width=PAGE.width, height=PAGE.height)
        self.y = MARGIN

    def room(self, height: float) -> None:
        if self.y + height > PAGE.height - MARGIN - 20:
            self.page = self.doc.new_page(width=PAGE.width, height=PAGE.height)
            self.y = MARGIN

    def text(self, text: str, *, style: str = 'regular', size: float = 11, indent: float = 0,
             first: str = '', first_width: float = 0, center: bool = False, color: tuple[float, ...] = (0, 0, 0),
             after: float = 4) -> None:
        """``text`` wrapped from ``indent``; ``first`` (a time) in the margin column ``first_width`` wide."""
        font = self.fonts[style]
        width = PAGE.width - 2 * MARGIN - indent - first_width
        lines = wrap_lines(text, font, size, width)
        step = size * 1.38
        for n, line in enumerate(lines):
            self.room(step)
            writer = pymupdf.TextWriter(PAGE, color=color)
            if n == 0 and first:
                writer.append((MARGIN + indent, self.y + size), first, font=self.fonts['regular'], fontsize=size - 1)
            x = (PAGE.width - font.text_length(line, size)) / 2 if center else MARGIN + indent + first_width
            writer.append((x, self.y + size), line, font=font, fontsize=size)
            writer.write_text(self.page)
            self.y += step
        self.y += after


def form_pdf(form: MinutesForm) -> bytes:
    """The minutes in the court's form (courtroom.minutes_form), for printing, filing and the record."""
    with MUPDF_LOCK:
        doc = pymupdf.open()
        doc.set_metadata({'title': f'{form.title} — {form.case_line}', 'producer': 'courtroom', 'creator': 'courtroom'})
        flow = _Flow(doc)
        writer = pymupdf.TextWriter(PAGE)
        bold, regular = flow.fonts['bold'], flow.fonts['regular']
        for n, line in enumerate(wrap_lines(form.court, bold, 10, 220)):
            writer.append((MARGIN, MARGIN + 10 + 14 * n), line, font=bold, fontsize=10)
        right = PAGE.width - MARGIN
        writer.append((right - bold.text_length(form.nation, 10), MARGIN + 10), form.nation, font=bold, fontsize=10)
        writer.append((right - (bold.text_length(form.nation, 10) + regular.text_length(form.motto, 10)) / 2,
                       MARGIN + 24), form.motto, font=regular, fontsize=10)
        writer.write_text(flow.page)
        flow.y = MARGIN + 60
        flow.text(form.title, style='bold', size=15, center=True, after=2)
        flow.text(form.case_line, size=11, center=True, after=10)
        for line in form.opening:
            flow.text(line)
        flow.y += 6
        for heading, people in ((form.conducting_heading, form.conducting),
                                (form.participants_heading, form.participants)):
            flow.text(heading, style='bold', size=11.5, after=3)
            for person in people or []:
                flow.text(f'{person.title}: {person.name}' + (f' — {person.note}' if person.note else ''), indent=14)
            if not people:
                flow.text(form.nobody, indent=14, style='italic')
            flow.y += 6
        flow.text(form.proceedings_heading, style='bold', size=11.5, after=3)
        for section in form.sections:
            flow.y += 2
            flow.text(section.heading, style='bold', size=10.5, indent=14, after=2)
            for line in section.lines:
                words = f'{line.speaker}: {line.text}' if line.speaker else line.text
                flow.text(words, style='regular' if line.typed else 'italic', size=10.5, indent=14,
                          first=line.time, first_width=62, color=(0, 0, 0) if line.typed else (0.25, 0.3, 0.38),
                          after=2)
        if form.faults_heading:  # an interrogation's or statement's equipment faults
            flow.y += 4
            flow.text(form.faults_heading, style='bold', size=11.5, after=3)
            for line in form.faults:
                flow.text(line, indent=14)
        flow.y += 8
        flow.text(form.ending, style='bold', size=11)
        flow.room(140)
        flow.y += 10
        width = (PAGE.width - 2 * MARGIN) / max(1, len(form.signatures))  # side by side: two, or three with the person
        italic = flow.fonts['italic']
        heads = [[*((line, bold, 10.5) for line in wrap_lines(box.title, bold, 10.5, width - 8)),
                  *((line, italic, 9) for line in wrap_lines(box.signed, italic, 9, width - 8))]
                 for box in form.signatures]
        names_at = flow.y + 12 + max((len(h) for h in heads), default=0) * 14 + 40  # room to sign by hand, one row
        signatures = pymupdf.TextWriter(PAGE)
        for n, (box, head) in enumerate(zip(form.signatures, heads, strict=True)):
            x0 = MARGIN + n * width
            for k, (line, font, size) in enumerate(head):
                signatures.append((x0 + (width - font.text_length(line, size)) / 2, flow.y + 12 + 14 * k), line,
                                  font=font, fontsize=size)
            signatures.append((x0 + (width - bold.text_length(box.name, 10.5)) / 2, names_at), box.name, font=bold,
                              fontsize=10.5)
        signatures.write_text(flow.page)
        lowest = names_at
        flow.y = lowest + 10
        if form.corrections:
            flow.text(form.corrections_heading, style='bold', size=11.5, after=3)
            for line in form.corrections:
                flow.text(line, indent=14)
        for number, p in enumerate(doc, start=1):
            footer = pymupdf.TextWriter(PAGE)
            if form.page_footer:  # the person questioned signs every page
                footer.append((MARGIN, PAGE.height - 30), form.page_footer, font=regular, fontsize=9)
            footer.append((PAGE.width - MARGIN - 60, PAGE.height - 30), f'{number}/{doc.page_count}',
                          font=regular, fontsize=9)
            footer.write_text(p)
        data = doc.tobytes(garbage=3, deflate=True)
        doc.close()
    return data
