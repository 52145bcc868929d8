"""The treatments API against a real server: save a page's marks under a name, list, show again (marks replaced,
previewed or published), delete; who may (as for marks; publishing as for publish) and who may not; bad input
refused in the caller's language with nothing stored."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Server, api_hearing, make_pdf


@pytest.fixture(scope='module')
def setup(server: Server) -> dict[str, Any]:
    """A hearing of its own with a 2-page exhibit, a public screen, and two marks on page 2."""
    made = api_hearing(server, '303/2026/HSST', 'Vụ án bản đánh dấu',
                       [('loi-khai.pdf', make_pdf(['Loi khai trang 1', 'Loi khai trang 2']), 'application/pdf')],
                       ('public',))
    hid, eid = made['hearing_id'], made['exhibits'][0]['id']
    with server.client('procurator') as c:
        for body in ({'kind': 'highlight', 'points': [[0.1, 0.2], [0.7, 0.24]]},
                     {'kind': 'text', 'points': [[0.1, 0.3], [0.5, 0.4]], 'color': 'blue', 'text': 'Mâu thuẫn'}):
            response = c.post(f'/api/hearings/{hid}/marks', json={'exhibit_id': eid, 'page': 2, **body})
            assert response.status_code == 201, response.text
    return {'hearing_id': hid, 'exhibit_id': eid, 'screen_token': made['screens']['public'][1]}


def page_marks(server: Server, exhibit_id: int, page: int) -> list[dict[str, Any]]:
    with server.client('judge') as c:
        response = c.get(f'/api/exhibits/{exhibit_id}/pages/{page}/marks')
    assert response.status_code == 200, response.text
    return response.json()


def shapes(marks: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(m['kind'], m['points'], m['color'], m['text']) for m in marks]


def treatments(server: Server, hid: int, role: str = 'defence_counsel') -> list[dict[str, Any]]:
    with server.client(role) as c:
        response = c.get(f'/api/hearings/{hid}/treatments')
    assert response.status_code == 200, response.text
    return response.json()


def audit(server: Server, hid: int) -> list[dict[str, Any]]:
    with server.client('clerk') as c:
        return c.get(f'/api/hearings/{hid}/audit').json()


def test_save_list_show_again_and_delete(server: Server, setup: dict[str, Any]) -> None:
    hid, eid = setup['hearing_id'], setup['exhibit_id']
    drawn = page_marks(server, eid, 2)
    with server.client('procurator') as c:
        saved = c.post(f'/api/hearings/{hid}/treatments',
                       json={'name': 'Mâu thuẫn lời khai', 'exhibit_id': eid, 'page': 2, 'region': [0, 0, 0.5, 0.5]})
        assert saved.status_code == 201, saved.text
        treatment = saved.json()
        assert (treatment['name'], treatment['page'], treatment['region']) == ('Mâu thuẫn lời khai', 2,
                                                                              [0, 0, 0.5, 0.5])
        assert [(m['kind'], m['points'], m['color'], m['text']) for m in treatment['marks']] == shapes(drawn)
        for mark in drawn:
            assert c.delete(f'/api/marks/{mark["id"]}').status_code == 200
    assert page_marks(server, eid, 2) == []
    assert [t['id'] for t in treatments(server, hid)] == [treatment['id']]  # every staff role may list

    with server.client('clerk') as c:  # the clerk may mark, so may show (previewed for no one: they cannot preview)
        shown = c.post(f'/api/treatments/{treatment["id"]}/show')
    assert shown.status_code == 200, shown.text
    assert shown.json()['state'] is None
    again = page_marks(server, eid, 2)
    assert shapes(again) == shapes(drawn) and [m['id'] for m in again] == shown.json()['mark_ids']
    assert all(m['author'] == 'clerk' for m in again)
    entries = audit(server, hid)
    assert [e['action'] for e in entries][-3:] == ['mark_added', 'mark_added', 'treatment_shown']
    assert entries[-1]['details']['treatment_id'] == treatment['id'] and entries[-1]['actor'] == 'clerk'

    with server.client('procurator') as c:  # published: live with its region; shown again, not doubled
        shown = c.post(f'/api/treatments/{treatment["id"]}/show', json={'publish': True})
        assert shown.status_code == 200, shown.text
        assert shown.json()['state']['live'] == {'exhibit_id': eid, 'page': 2, 'region': [0, 0, 0.5, 0.5]}
    assert shapes(page_marks(server, eid, 2)) == shapes(drawn)
    with server.client('clerk') as c:
        minutes = c.get(f'/api/hearings/{hid}/minutes').json()['entries']
    texts = [m['text'] for m in minutes if m['kind'] == 'treatment_shown']
    assert len(texts) == 2 and texts[0].endswith('với bản đánh dấu “Mâu thuẫn lời khai”')

    with server.client('presiding_judge') as c:
        assert c.delete(f'/api/treatments/{treatment["id"]}').status_code == 200
        gone = c.delete(f'/api/treatments/{treatment["id"]}')
        assert gone.status_code == 404 and gone.json()['error']['code'] == 'treatment_not_found'
        assert c.post(f'/api/treatments/{treatment["id"]}/show').status_code == 404
    assert treatments(server, hid) == []
    assert [e['action'] for e in audit(server, hid)][-1] == 'treatment_deleted'
    with server.client('clerk') as c:
        assert c.get(f'/api/hearings/{hid}/audit/verify').json()['valid'] is True


def test_who_may_not(server: Server, setup: dict[str, Any]) -> None:
    hid, eid = setup['hearing_id'], setup['exhibit_id']
    body = {'name': 'Quyền', 'exhibit_id': eid, 'page': 2}
    for role in ('defence_counsel', 'judge'):
        with server.client(role) as c:
            response = c.post(f'/api/hearings/{hid}/treatments', json=body)
        assert response.status_code == 403 and response.json()['error']['code'] == 'forbidden_role'
    assert httpx.post(f'{server.url}/api/hearings/{hid}/treatments', json=body,
                      headers={'Authorization': f'Bearer {setup["screen_token"]}'}).status_code == 401
    assert httpx.get(f'{server.url}/api/hearings/{hid}/treatments').status_code == 401
    with server.client('procurator') as c:
        treatment = c.post(f'/api/hearings/{hid}/treatments', json=body).json()
    before_marks, before_audit = page_marks(server, eid, 2), audit(server, hid)
    for role, path, method, json in (('defence_counsel', f'/api/treatments/{treatment["id"]}/show', 'POST', None),
                                     ('defence_counsel', f'/api/treatments/{treatment["id"]}', 'DELETE', None),
                                     ('clerk', f'/api/treatments/{treatment["id"]}/show', 'POST', {'publish': True})):
        with server.client(role) as c:
            response = c.request(method, path, json=json)
        assert response.status_code == 403, (role, path, response.text)
    assert page_marks(server, eid, 2) == before_marks and audit(server, hid) == before_audit
    with server.client('procurator') as c:
        assert c.delete(f'/api/treatments/{treatment["id"]}').status_code == 200


@pytest.mark.parametrize(('body', 'status', 'code'), [
    ({'name': ''}, 400, 'required_field'),
    ({'name': '   '}, 400, 'required_field'),
    ({'name': 'x' * 101}, 400, 'field_too_long'),
    ({'name': 'ĐÃ CÓ'}, 409, 'treatment_name_taken'),
    ({'page': 1}, 400, 'treatment_no_marks'),
    ({'page': 3}, 404, 'page_not_found'),
    ({'exhibit_id': 999_999}, 404, 'exhibit_not_found'),
    ({'region': [0.5, 0.5, 0.1, 0.1]}, 400, 'bad_region'),
    ({'name': None}, 400, 'bad_request'),
])
def test_bad_treatments_change_nothing(server: Server, setup: dict[str, Any], body: dict[str, Any], status: int,
                                       code: str) -> None:
    hid, eid = setup['hearing_id'], setup['exhibit_id']
    with server.client('procurator') as c:
        if not any(t['name'] == 'Đã có' for t in treatments(server, hid)):
            assert c.post(f'/api/hearings/{hid}/treatments',
                          json={'name': 'Đã có', 'exhibit_id': eid, 'page': 2}).status_code == 201
    before_list, before_audit = treatments(server, hid), audit(server, hid)
    full = {'name': 'Mới', 'exhibit_id': eid, 'page': 2, **body}
    messages = {}
    for lang in ('vi', 'en'):
        with server.client('procurator', lang=lang) as c:
            response = c.post(f'/api/hearings/{hid}/treatments', json=full)
        assert response.status_code == status, response.text
        assert response.json()['error']['code'] == code
        messages[lang] = response.json()['error']['message']
    assert messages['vi'] != messages['en']
    assert treatments(server, hid) == before_list and audit(server, hid) == before_audit


def test_unknown_hearing_or_treatment(server: Server, setup: dict[str, Any]) -> None:
    with server.client('procurator') as c:
        response = c.post('/api/hearings/999999/treatments',
                          json={'name': 'A', 'exhibit_id': setup['exhibit_id'], 'page': 2})
        assert response.status_code == 404 and response.json()['error']['code'] == 'hearing_not_found'
        assert c.get('/api/hearings/999999/treatments').status_code == 404
        assert c.post('/api/treatments/999999/show').status_code == 404
        assert c.delete('/api/treatments/999999').status_code == 404
