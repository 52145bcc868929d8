"""The minutes a clerk can sign, through the API of a real server: typed entries with their speaker, edited before
signing; the presiding judge signs first, then the clerk, and then nothing is added or changed; corrections are
asked for after, appended, accepted or refused with a reason; the PDF and the Word file carry the court's form."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
from docx import Document

from tests.conftest import Server, make_pdf, pdf_words


@pytest.fixture
def hearing(server: Server) -> dict[str, Any]:
    """A hearing with a defendant at a detention facility (admitted) and a witness who never came, a page shown."""
    with server.client('clerk') as c:
        made = c.post('/api/hearings', json={'case_number': '77/2026/HSST', 'title': 'Vụ án trộm cắp tài sản',
                                             'charges': [173]}).json()
        h = made['id']
        exhibit = c.post(f'/api/hearings/{h}/bundles', files=[
            ('files', ('loi-khai.pdf', make_pdf(['Lời khai bị cáo']), 'application/pdf'))]).json()['exhibits'][0]
        point = c.post(f'/api/hearings/{h}/points', json={'name': 'Trại tạm giam số 2',
                                                          'kind': 'detention_facility'}).json()
        defendant, witness = (c.post(f'/api/hearings/{h}/participants', json={
            'name': name, 'role': role, 'point_id': point['id'],
            'id_document': {'type': 'citizen_id', 'number': '001090000001', 'birth_date': born}}).json()
            for name, role, born in (('Nguyễn Văn Hải', 'defendant', '1990-05-17'), ('Lê Thị Mai', 'witness', None)))
    from courtroom.settings import Settings
    from presenter.services import build_services
    services = build_services(Settings(data_dir=server.data), media=False)
    try:  # the defendant passes the lobby and is admitted, as the roll call does
        services.participants.enter_lobby(services.participants.get(defendant['id']))
        services.participants.admit(defendant['id'], actor='clerk')
    finally:
        services.close()
    with server.client('presiding_judge') as c:
        assert c.post(f'/api/hearings/{h}/stage', json={'stage': 'opening'}).status_code == 200
    with server.client('procurator') as c:
        assert c.post(f'/api/hearings/{h}/publish', json={'exhibit_id': exhibit['id'], 'page': 1}).status_code == 200
    return {'id': h, 'defendant': defendant, 'witness': witness, 'exhibit': exhibit}


def write(c: httpx.Client, h: int, text: str, speaker: str | None = None) -> httpx.Response:
    return c.post(f'/api/hearings/{h}/minutes', json={'text': text, **({'speaker': speaker} if speaker else {})})


def test_typed_entries_name_their_speaker_and_are_edited_before_signing(server: Server, hearing: dict) -> None:
    h, defendant = hearing['id'], hearing['defendant']
    with server.client('clerk') as c:
        speakers = {s['key']: s for s in c.get(f'/api/hearings/{h}/minutes').json()['speakers']}
        assert speakers['staff:presiding_judge'] == {
            'key': 'staff:presiding_judge', 'name': 'Người dùng presiding_judge', 'role': 'presiding_judge'}
        assert f'participant:{defendant["id"]}' in speakers
        asked = write(c, h, 'Bị cáo có nhận được cáo trạng không?', 'staff:presiding_judge')
        assert asked.status_code == 201
        answered = write(c, h, 'Có ạ, tôi nhận ngày 02/11.', f'participant:{defendant["id"]}').json()['id']
        unknown = write(c, h, 'Ai đó nói', 'participant:999999')
        assert unknown.status_code == 400 and unknown.json()['error']['code'] == 'minutes_unknown_speaker'
        edited = c.patch(f'/api/minutes/entries/{answered}', json={'text': 'Có ạ, tôi nhận ngày 03/11.'})
        assert edited.status_code == 200 and edited.json()['text'] == 'Có ạ, tôi nhận ngày 03/11.'
        assert edited.json()['speaker']['name'] == 'Nguyễn Văn Hải'
        document = c.get(f'/api/hearings/{h}/minutes').json()
        audit = [e['action'] for e in c.get(f'/api/hearings/{h}/audit').json()]
    typed = [e for e in document['entries'] if e['kind'] == 'clerk']
    assert [(e['speaker']['key'], e['text']) for e in typed] == [
        ('staff:presiding_judge', 'Bị cáo có nhận được cáo trạng không?'),
        (f'participant:{defendant["id"]}', 'Có ạ, tôi nhận ngày 03/11.')]
    assert all(isinstance(e['id'], int) for e in typed)
    assert any(e['kind'] == 'published' for e in document['entries'])  # the system's entries in place
    assert document['signed_by'] == [] and document['corrections'] == []
    assert 'minutes_entry_edited' in audit  # what it said before is kept there
    with server.client('procurator') as c:  # only the clerk keeps the minutes
        assert c.patch(f'/api/minutes/entries/{answered}', json={'text': 'x'}).status_code == 403


def test_the_judge_signs_first_then_the_clerk_and_then_nothing_changes(server: Server, hearing: dict) -> None:
    h = hearing['id']
    with server.client('clerk') as clerk, server.client('presiding_judge') as judge, \
            server.client('procurator') as procurator, server.client('judge') as other_judge:
        entry = write(clerk, h, 'Chủ tọa khai mạc phiên tòa.', 'staff:presiding_judge').json()['id']
        first = clerk.post(f'/api/hearings/{h}/minutes/sign')
        assert first.status_code == 409 and first.json()['error']['code'] == 'minutes_judge_signs_first'
        for someone in (procurator, other_judge):
            assert someone.post(f'/api/hearings/{h}/minutes/sign').status_code == 403
        signed = judge.post(f'/api/hearings/{h}/minutes/sign')
        assert signed.status_code == 200 and signed.json()['role'] == 'presiding_judge'
        assert signed.json()['name'] == 'Người dùng presiding_judge' and len(signed.json()['sha256']) == 64
        assert judge.post(f'/api/hearings/{h}/minutes/sign').json()['error']['code'] == 'minutes_already_signed'
        assert write(clerk, h, 'Còn ghi được trước khi thư ký ký.').status_code == 201
        assert clerk.post(f'/api/hearings/{h}/minutes/sign').status_code == 200
        as_signed = clerk.get(f'/api/hearings/{h}/minutes').json()['entries']
        # the system's entries end with the signatures too: what happens after is in the audit log only
        assert procurator.post(f'/api/hearings/{h}/clear').status_code == 200
        assert clerk.get(f'/api/hearings/{h}/minutes').json()['entries'] == as_signed
        for refused in (write(clerk, h, 'Thêm sau khi ký'),
                        clerk.patch(f'/api/minutes/entries/{entry}', json={'text': 'Sửa sau khi ký'})):
            assert refused.status_code == 409 and refused.json()['error']['code'] == 'minutes_signed'
        document = clerk.get(f'/api/hearings/{h}/minutes').json()
        audit = [(e['action'], e['details']) for e in clerk.get(f'/api/hearings/{h}/audit').json()]
    assert [s['role'] for s in document['signed_by']] == ['presiding_judge', 'clerk']
    assert [d['role'] for a, d in audit if a == 'minutes_signed'] == ['presiding_judge', 'clerk']
    assert not any(e['text'] == 'Thêm sau khi ký' for e in document['entries'])


def test_corrections_are_appended_after_signing_and_refused_only_with_a_reason(server: Server,
                                                                               hearing: dict) -> None:
    h = hearing['id']
    with server.client('clerk') as clerk, server.client('presiding_judge') as judge, \
            server.client('defence_counsel') as counsel:
        write(clerk, h, 'Bị cáo khai đã ở nhà lúc 21 giờ.', f'participant:{hearing["defendant"]["id"]}')
        early = counsel.post(f'/api/hearings/{h}/minutes/corrections', json={'text': 'Sửa giờ'})
        assert early.status_code == 409 and early.json()['error']['code'] == 'minutes_not_signed'
        judge.post(f'/api/hearings/{h}/minutes/sign')
        clerk.post(f'/api/hearings/{h}/minutes/sign')
        asked = counsel.post(f'/api/hearings/{h}/minutes/corrections',
                             json={'text': 'Bị cáo khai lúc 22 giờ, không phải 21 giờ.'})
        assert asked.status_code == 201 and asked.json()['state'] == 'requested'
        cid = asked.json()['id']
        assert judge.post(f'/api/hearings/{h}/minutes/corrections', json={'text': 'x'}).status_code == 403
        assert counsel.post(f'/api/minutes/corrections/{cid}/decide', json={'accept': False,
                                                                         'reason': 'x'}).status_code == 403
        bare = judge.post(f'/api/minutes/corrections/{cid}/decide', json={'accept': False})
        assert bare.status_code == 400 and bare.json()['error']['code'] == 'required_field'
        refused = judge.post(f'/api/minutes/corrections/{cid}/decide',
                             json={'accept': False, 'reason': 'Bản ghi hình cho thấy bị cáo khai 21 giờ.'})
        assert refused.status_code == 200 and refused.json()['state'] == 'refused'
        again = judge.post(f'/api/minutes/corrections/{cid}/decide', json={'accept': True})
        assert again.status_code == 409 and again.json()['error']['code'] == 'correction_decided'
        second = clerk.post(f'/api/hearings/{h}/minutes/corrections', json={'text': 'Bổ sung: bị hại vắng mặt.'})
        assert judge.post(f'/api/minutes/corrections/{second.json()["id"]}/decide',
                          json={'accept': True}).json()['state'] == 'accepted'
        assert judge.post('/api/minutes/corrections/999999/decide', json={'accept': True}).status_code == 404
        document = clerk.get(f'/api/hearings/{h}/minutes').json()
    assert [(c['state'], c.get('reason')) for c in document['corrections']] == [
        ('refused', 'Bản ghi hình cho thấy bị cáo khai 21 giờ.'), ('accepted', None)]


def test_a_participant_reads_the_signed_minutes_and_asks_from_their_own_link(server: Server,
                                                                             hearing: dict) -> None:
    h = hearing['id']
    defendant, witness = (hearing[who]['join_url'].rsplit('/join/', 1)[1] for who in ('defendant', 'witness'))
    with httpx.Client(base_url=server.url, timeout=60) as anyone, server.client('clerk') as clerk, \
            server.client('presiding_judge') as judge:
        early = anyone.get(f'/api/join/{defendant}/minutes.pdf')
        assert early.status_code == 409 and early.json()['error']['code'] == 'minutes_not_signed'
        assert anyone.post(f'/api/join/{defendant}/minutes/corrections', json={'text': 'x'}).status_code == 409
        judge.post(f'/api/hearings/{h}/minutes/sign')
        clerk.post(f'/api/hearings/{h}/minutes/sign')
        read = anyone.get(f'/api/join/{defendant}/minutes.pdf')
        assert read.status_code == 200 and read.content.startswith(b'%PDF')
        # the witness was never let in: they did not take part, and read nothing
        absent = anyone.get(f'/api/join/{witness}/minutes.pdf')
        assert absent.status_code == 403 and absent.json()['error']['code'] == 'minutes_participant_who'
        assert anyone.get('/api/join/not-a-token/minutes.pdf').status_code in (401, 403, 404)
        empty = anyone.post(f'/api/join/{defendant}/minutes/corrections', json={'text': '  '})
        assert empty.status_code == 400
        asked = anyone.post(f'/api/join/{defendant}/minutes/corrections',
                            json={'text': 'Tôi khai ở nhà đến 22 giờ.'})
        assert asked.status_code == 201, asked.text
        assert asked.json()['requested_by'] == f'participant:{hearing["defendant"]["id"]}'
        assert judge.post(f'/api/minutes/corrections/{asked.json()["id"]}/decide',
                          json={'accept': True}).json()['state'] == 'accepted'
        text = pdf_words(clerk.get(f'/api/hearings/{h}/minutes.pdf').content)
    assert 'Bị cáo Nguyễn Văn Hải đề nghị lúc' in text and 'Tôi khai ở nhà đến 22 giờ.' in text


def test_the_pdf_and_the_word_file_carry_the_courts_form(server: Server, hearing: dict) -> None:
    h = hearing['id']
    with server.client('clerk') as clerk, server.client('presiding_judge') as judge, \
            server.client('defence_counsel') as counsel:
        write(clerk, h, 'Bị cáo có ý kiến gì về cáo trạng?', 'staff:presiding_judge')
        write(clerk, h, 'Tôi đồng ý với cáo trạng.', f'participant:{hearing["defendant"]["id"]}')
        judge.post(f'/api/hearings/{h}/minutes/sign')
        clerk.post(f'/api/hearings/{h}/minutes/sign')
        cid = counsel.post(f'/api/hearings/{h}/minutes/corrections', json={'text': 'Bổ sung lời bị cáo.'}).json()['id']
        judge.post(f'/api/minutes/corrections/{cid}/decide', json={'accept': False, 'reason': 'Đã ghi đủ.'})
        pdf = clerk.get(f'/api/hearings/{h}/minutes.pdf')
        word = clerk.get(f'/api/hearings/{h}/minutes.docx')
        outsider = server.client('outsider').get(f'/api/hearings/{h}/minutes.pdf')
    assert outsider.status_code == 404
    assert pdf.headers['content-type'] == 'application/pdf'
    assert word.headers['content-type'].startswith('application/vnd.openxmlformats-officedocument.wordprocessingml')
    pdf_text = pdf_words(pdf.content)
    docx_text = ' '.join(' '.join(p.text.split()) for p in Document(io.BytesIO(word.content)).paragraphs)
    docx_text += ' ' + ' '.join(' '.join(cell.text.split()) for table in Document(io.BytesIO(word.content)).tables
                                for row in table.rows for cell in row.cells)
    for text in (pdf_text, docx_text):
        for wanted in ('BIÊN BẢN PHIÊN TÒA HÌNH SỰ', 'Vụ án số 77/2026/HSST', 'I. NHỮNG NGƯỜI TIẾN HÀNH TỐ TỤNG',
                       'Thẩm phán - Chủ tọa phiên tòa: Người dùng presiding_judge',
                       'Thư ký phiên tòa: Người dùng clerk', 'Kiểm sát viên: Người dùng procurator',
                       'Bị cáo: Nguyễn Văn Hải — sinh ngày 17/05/1990; có mặt, tham gia trực tuyến tại điểm cầu '
                       'Trại tạm giam số 2',
                       'Người làm chứng: Lê Thị Mai — vắng mặt',
                       'PHẦN THỦ TỤC BẮT ĐẦU PHIÊN TÒA',
                       'Thẩm phán - Chủ tọa phiên tòa Người dùng presiding_judge: Bị cáo có ý kiến gì về cáo trạng?',
                       'Bị cáo Nguyễn Văn Hải: Tôi đồng ý với cáo trạng.', '(BL 1)', 'THƯ KÝ PHIÊN TÒA',
                       'SỬA ĐỔI, BỔ SUNG BIÊN BẢN', 'Bổ sung lời bị cáo.', 'lý do: Đã ghi đủ.'):
            assert wanted in text, (wanted, text[:3000])
        assert 'presiding_judge:' not in text.replace('Người dùng presiding_judge', '')  # names, never usernames
