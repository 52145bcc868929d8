"""The minutes of an online interrogation (biên bản hỏi cung, Criminal Procedure Code art. 184, Joint Circular
03/2018), in process on a real SQLite file: the person is told of the recording, the questioning starts, pauses with
its reason, resumes and ends, a point's outage is an equipment fault, the person's signature on every page is
recorded with how it was given; the procurator who asked signs, then the clerk, and the procurator decides the
corrections. The PDF and the Word file say all of it, and every PDF page has the line for the person's signature."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pymupdf
import pytest
from docx import Document

from courtroom import audit
from courtroom.errors import Conflict, Forbidden, InvalidInput
from courtroom.roles import Role
from courtroom.settings import Settings
from media.minutes_docx import form_docx
from media.minutes_pdf import form_pdf
from presenter.hearing_record import minutes_form_of
from presenter.services import Services, build_services

PAUSE = 'Mất điện tại trại tạm giam'


@pytest.fixture
def services(tmp_path: Path) -> Services:
    built = build_services(Settings(data_dir=tmp_path), media=False)
    yield built  # type: ignore[misc]
    built.close()


def test_an_interrogations_minutes_say_what_the_law_asks(services: Services) -> None:
    s = services
    h = s.hearings.create(case_number='15/2026/HC', title='Hỏi cung bị can Lê Văn Cường', actor='ksv',
                          kind='interrogation').id
    point = s.points.add(h, name='Trại tạm giam số 1', kind='detention_facility', actor='ksv')
    person, _ = s.participants.add(h, name='Lê Văn Cường', role='defendant', point_id=point.id, actor='ksv')
    counsel, _ = s.participants.add(h, name='Luật sư Phạm Văn Dũng', role='defence_counsel', point_id=point.id,
                                    actor='ksv')
    s.recordings.start(h, actor='ksv')
    s.session_minutes.announce_recording(h, actor='ksv')
    with pytest.raises(Conflict) as again:
        s.session_minutes.announce_recording(h, actor='ksv')
    assert again.value.code == 'recording_already_announced'
    s.stages.move(h, 'opening', actor='ksv')
    for n in range(30):  # enough questions and answers for a second page
        s.minutes.write(h, f'Câu hỏi số {n + 1}: bị can ở đâu vào tối ngày 12/01/2026?', author='ksv')
        s.minutes.write(h, f'Trả lời số {n + 1}: tôi ở nhà.', author='ksv', speaker=f'participant:{person.id}')
    with s.store.transaction() as db:  # as the conference's outage watch writes it
        audit.append(db, h, 'system', 'point_outage', {'point_id': point.id, 'since': time.time()})
    s.stages.move(h, 'suspended', actor='ksv', reason=PAUSE)
    s.stages.move(h, 'opening', actor='ksv')
    s.stages.move(h, 'closed', actor='ksv')

    for bad, code in ((lambda: s.session_minutes.person_signed(person.id, 'fax', actor='ksv'), 'bad_signature_method'),
                      (lambda: s.session_minutes.person_signed(counsel.id, 'paper', actor='ksv'), 'not_questioned')):
        with pytest.raises((InvalidInput, Conflict)) as refused:
            bad()
        assert refused.value.code == code
    s.session_minutes.person_signed(person.id, 'paper', actor='ksv', note='cán bộ trại giam chứng kiến')

    signing = s.minutes_signing
    with pytest.raises(Forbidden) as judge:
        signing.sign(h, username='chutoa', role=Role.PRESIDING_JUDGE)
    assert judge.value.code == 'minutes_sign_who_session'
    with pytest.raises(Conflict) as early:
        signing.sign(h, username='thuky', role=Role.CLERK)
    assert early.value.code == 'minutes_procurator_signs_first'
    signing.sign(h, username='ksv', role=Role.PROCURATOR)
    signing.sign(h, username='thuky', role=Role.CLERK)
    asked = signing.request_correction(h, 'Bị can khai ở nhà cùng vợ.', requested_by='thuky', role=Role.CLERK)
    with pytest.raises(Forbidden):
        signing.decide(asked.id, accept=True, reason=None, actor='chutoa', role=Role.PRESIDING_JUDGE)
    signing.decide(asked.id, accept=False, reason='Bản ghi không có lời khai này.', actor='ksv', role=Role.PROCURATOR)

    entries = [e.text for e in s.minutes.entries(h)]
    for said in ('Thông báo cho người được hỏi biết việc hỏi cung, lấy lời khai được ghi âm, ghi hình có âm thanh',
                 'Bắt đầu hỏi cung, lấy lời khai', f'Tạm dừng ({PAUSE})', 'Tiếp tục hỏi cung, lấy lời khai',
                 'Kết thúc hỏi cung, lấy lời khai', 'Điểm cầu Trại tạm giam số 1 mất kết nối'):
        assert said in entries, (said, entries)

    form = minutes_form_of(s, h)
    with pymupdf.open(stream=form_pdf(form)) as doc:
        pages = [' '.join(page.get_text().split()) for page in doc]
    assert len(pages) >= 2 and all('Người được hỏi ký tên:' in page for page in pages)
    docx = Document(io.BytesIO(form_docx(form)))
    assert docx.sections[0].footer.paragraphs[0].text.startswith('Người được hỏi ký tên:')
    docx_text = ' '.join(' '.join(p.text.split()) for p in docx.paragraphs) + ' ' + ' '.join(
        ' '.join(c.text.split()) for t in docx.tables for row in t.rows for c in row.cells)
    for text in (' '.join(pages), docx_text):
        for wanted in ('BIÊN BẢN HỎI CUNG BỊ CAN (TRỰC TUYẾN)', 'Vụ án số 15/2026/HC',
                       'Người được hỏi đã được thông báo việc hỏi cung, lấy lời khai được ghi âm, ghi hình có âm thanh',
                       'Bắt đầu lúc', f'lý do: {PAUSE}; tiếp tục lúc', 'III. DIỄN BIẾN BUỔI HỎI CUNG, LẤY LỜI KHAI',
                       'Bị can Lê Văn Cường: Trả lời số 30: tôi ở nhà.', 'BỊ CAN', 'SỰ CỐ THIẾT BỊ',
                       'điểm cầu Trại tạm giam số 1 mất kết nối', 'Kết thúc lúc', 'KIỂM SÁT VIÊN', 'THƯ KÝ PHIÊN TÒA',
                       'Ký từng trang trên bản in giấy lúc', '(cán bộ trại giam chứng kiến)',
                       'Kiểm sát viên không chấp nhận lúc', 'lý do: Bản ghi không có lời khai này.'):
            assert ''.join(wanted.split()) in ''.join(text.split()), (wanted, text[:2000])
        assert 'PHẦN THỦ TỤC BẮT ĐẦU PHIÊN TÒA' not in text  # a trial's stages are not a session's


def test_a_trial_has_no_announcement_or_signature_of_the_person(services: Services) -> None:
    s = services
    h = s.hearings.create(case_number='1/2026/HSST', title='Vụ án', actor='thuky').id
    point = s.points.add(h, name='Trại tạm giam', kind='detention_facility', actor='thuky')
    person, _ = s.participants.add(h, name='Bị cáo', role='defendant', point_id=point.id, actor='thuky')
    for refused in (lambda: s.session_minutes.announce_recording(h, actor='thuky'),
                    lambda: s.session_minutes.person_signed(person.id, 'paper', actor='thuky')):
        with pytest.raises(Conflict) as caught:
            refused()
        assert caught.value.code == 'not_a_session'
    with pytest.raises(Forbidden):  # a trial's minutes are the presiding judge's and the clerk's
        s.minutes_signing.sign(h, username='ksv', role=Role.PROCURATOR)
    assert not any('Người được hỏi ký tên' in ' '.join(p.get_text().split())
                   for p in pymupdf.open(stream=form_pdf(minutes_form_of(s, h))))


def test_an_appeal_hearing_has_the_appeal_forms_title(services: Services) -> None:
    first = services.hearings.create(case_number='12/2026/HSST', title='Vụ án', actor='thuky').id
    appeal = services.hearings.create(case_number='3/2026/HSPT', title='Vụ án', actor='thuky').id
    assert minutes_form_of(services, first).title == 'BIÊN BẢN PHIÊN TÒA HÌNH SỰ'
    assert minutes_form_of(services, appeal).title == 'BIÊN BẢN PHIÊN TÒA HÌNH SỰ PHÚC THẨM'  # form 23-HS
    assert minutes_form_of(services, appeal, 'en').title == 'MINUTES OF THE CRIMINAL APPEAL HEARING'
