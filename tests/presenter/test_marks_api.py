"""The marks API against a real server: add, list and delete marks on a page, who may (procurator, clerk, presiding
judge) and who may not (counsel, screens), the audit entries, and bad input refused in the caller's language with
nothing stored."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Server, api_hearing, make_pdf


@pytest.fixture(scope='module')
def setup(server: Server) -> dict[str, Any]:
    """A hearing of its own with a 2-page exhibit, and a public screen."""
    made = api_hearing(server, '302/2026/HSST', 'Vụ án đánh dấu',
                       [('loi-khai.pdf', make_pdf(['Loi khai trang 1', 'Loi khai trang 2']), 'application/pdf')],
                       ('public',))
    return {'hearing_id': made['hearing_id'], 'exhibit_id': made['exhibits'][0]['id'],
            'screen_token': made['screens']['public'][1]}


def page_marks(server: Server, exhibit_id: int, page: int, role: str = 'judge') -> list[dict[str, Any]]:
    with server.client(role) as c:
        response = c.get(f'/api/exhibits/{exhibit_id}/pages/{page}/marks')
    assert response.status_code == 200, response.text
    return response.json()


def audit_actions(server: Server, hid: int) -> list[dict[str, Any]]:
    with server.client('clerk') as c:
        return [e for e in c.get(f'/api/hearings/{hid}/audit').json() if e['action'].startswith('mark_')]


def test_marking_roles_add_list_and_delete(server: Server, setup: dict[str, Any]) -> None:
    hid, eid = setup['hearing_id'], setup['exhibit_id']
    made = []
    for role, body in (('procurator', {'kind': 'highlight', 'points': [[0.1, 0.2], [0.7, 0.24]]}),
                       ('clerk', {'kind': 'text', 'points': [[0.1, 0.3], [0.5, 0.4]], 'color': 'blue',
                                  'text': 'Mâu thuẫn với lời khai ngày 12/3'}),
                       ('presiding_judge', {'kind': 'arrow', 'points': [[0.9, 0.9], [0.5, 0.35]]})):
        with server.client(role) as c:
            response = c.post(f'/api/hearings/{hid}/marks', json={'exhibit_id': eid, 'page': 2, **body})
        assert response.status_code == 201, response.text
        made.append(response.json())
    assert [m['color'] for m in made] == ['yellow', 'blue', 'red']  # defaults: yellow highlight, red otherwise
    assert made[1]['text'] == 'Mâu thuẫn với lời khai ngày 12/3' and made[0]['author'] == 'procurator'
    assert {'id', 'hearing_id', 'exhibit_id', 'page', 'kind', 'points', 'color', 'text', 'author',
            'created_at'} <= set(made[0])
    listed = page_marks(server, eid, 2, 'judge')  # every staff role may look
    assert [m['id'] for m in listed] == [m['id'] for m in made]
    with server.client('defence_counsel') as counsel:  # but counsel only at an exhibit shown to them
        assert counsel.get(f'/api/exhibits/{eid}/pages/2/marks').status_code == 404
    assert page_marks(server, eid, 1) == []

    with server.client('procurator') as c:
        deleted = c.delete(f'/api/marks/{made[0]["id"]}')
        assert deleted.status_code == 200 and deleted.json()['id'] == made[0]['id']
        again = c.delete(f'/api/marks/{made[0]["id"]}')
        assert again.status_code == 404 and again.json()['error']['code'] == 'mark_not_found'
    assert [m['id'] for m in page_marks(server, eid, 2)] == [made[1]['id'], made[2]['id']]

    entries = audit_actions(server, hid)
    assert [(e['action'], e['actor'], e['details']['mark_id']) for e in entries] == [
        ('mark_added', 'procurator', made[0]['id']), ('mark_added', 'clerk', made[1]['id']),
        ('mark_added', 'presiding_judge', made[2]['id']), ('mark_deleted', 'procurator', made[0]['id'])]
    assert entries[0]['details']['points'] == [[0.1, 0.2], [0.7, 0.24]]
    with server.client('clerk') as c:
        assert c.get(f'/api/hearings/{hid}/audit/verify').json()['valid'] is True


def test_counsel_observers_and_screens_may_not_mark(server: Server, setup: dict[str, Any]) -> None:
    hid, eid = setup['hearing_id'], setup['exhibit_id']
    body = {'exhibit_id': eid, 'page': 1, 'kind': 'pen', 'points': [[0.5, 0.5], [0.6, 0.6]]}
    for role in ('defence_counsel', 'judge'):
        with server.client(role) as c:
            response = c.post(f'/api/hearings/{hid}/marks', json=body)
        assert response.status_code == 403 and response.json()['error']['code'] == 'forbidden_role'
    # a screen's token is no bearer token, and no one without a token may mark
    response = httpx.post(f'{server.url}/api/hearings/{hid}/marks', json=body,
                          headers={'Authorization': f'Bearer {setup["screen_token"]}'})
    assert response.status_code == 401
    assert httpx.post(f'{server.url}/api/hearings/{hid}/marks', json=body).status_code == 401
    with server.client('procurator') as c:
        mark = c.post(f'/api/hearings/{hid}/marks', json=body).json()
    with server.client('defence_counsel') as c:
        assert c.delete(f'/api/marks/{mark["id"]}').status_code == 403
    assert mark['id'] in [m['id'] for m in page_marks(server, eid, 1)]
    with server.client('procurator') as c:
        assert c.delete(f'/api/marks/{mark["id"]}').status_code == 200


@pytest.mark.parametrize(('body', 'status', 'code'), [
    ({'points': [[0.5, 1.2]]}, 400, 'mark_point_outside'),
    ({'points': []}, 400, 'mark_empty'),
    ({'points': [[0.5, 0.5]] * 10_001}, 400, 'mark_too_many_points'),
    ({'points': [[0.5, 'a']]}, 400, 'bad_mark_point'),
    ({'kind': 'laser'}, 400, 'bad_mark_kind'),
    ({'color': 'pink'}, 400, 'bad_mark_color'),
    ({'kind': 'text', 'points': [[0.1, 0.1], [0.3, 0.2]], 'text': 'x' * 501}, 400, 'field_too_long'),
    ({'kind': 'text', 'points': [[0.1, 0.1], [0.3, 0.2]]}, 400, 'mark_needs_text'),
    ({'kind': 'text', 'points': [[0.1, 0.1]], 'text': 'x'}, 400, 'mark_point_count'),
    ({'page': 3}, 404, 'page_not_found'),
    ({'exhibit_id': 999_999}, 404, 'exhibit_not_found'),
    ({'points': None}, 400, 'bad_request'),
])
def test_bad_marks_change_nothing(server: Server, setup: dict[str, Any], body: dict[str, Any], status: int,
                                  code: str) -> None:
    hid, eid = setup['hearing_id'], setup['exhibit_id']
    with server.client('clerk') as c:
        audit_before = c.get(f'/api/hearings/{hid}/audit').json()
    marks_before = page_marks(server, eid, 1)
    full = {'exhibit_id': eid, 'page': 1, 'kind': 'pen', 'points': [[0.5, 0.5], [0.6, 0.6]], **body}
    messages = {}
    for lang in ('vi', 'en'):
        with server.client('procurator', lang=lang) as c:
            response = c.post(f'/api/hearings/{hid}/marks', json=full)
        assert response.status_code == status, response.text
        assert response.json()['error']['code'] == code
        messages[lang] = response.json()['error']['message']
    assert messages['vi'] != messages['en']
    assert page_marks(server, eid, 1) == marks_before
    with server.client('clerk') as c:
        assert c.get(f'/api/hearings/{hid}/audit').json() == audit_before


def test_marks_of_an_unknown_page_or_hearing(server: Server, setup: dict[str, Any]) -> None:
    with server.client('judge') as c:
        assert c.get(f'/api/exhibits/{setup["exhibit_id"]}/pages/9/marks').status_code == 404
        assert c.get('/api/exhibits/999999/pages/1/marks').status_code == 404
    with server.client('procurator') as c:
        response = c.post('/api/hearings/999999/marks',
                          json={'exhibit_id': setup['exhibit_id'], 'page': 1, 'kind': 'pen', 'points': [[0.5, 0.5]]})
        assert response.status_code == 404 and response.json()['error']['code'] == 'hearing_not_found'
        assert c.delete('/api/marks/999999').status_code == 404
