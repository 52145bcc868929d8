"""Who may see which hearing, over every route of the API (read from the served OpenAPI schema, so that a new route
cannot forget the check): a user not on a hearing's staff gets 404 for everything of it, as if it did not exist;
one on it gets past the check to what their role allows. The staff list: who may change it, the roles it takes,
the audit; the hearing list shows only one's own."""

from __future__ import annotations

import re
from typing import Any

import pytest

from courtroom.staff import NAMED_BY
from tests.conftest import OUTSIDER, ROLES, Server, make_pdf

# the error codes of a thing that does not exist: what the outsider must get, and what staff must not
MISSING = {'hearing_not_found', 'exhibit_not_found', 'map_not_found', 'participant_not_found', 'screen_not_found',
           'mark_not_found', 'treatment_not_found', 'redaction_not_found', 'minutes_entry_not_found',
           'correction_not_found', 'not_found'}


@pytest.fixture(scope='module')
def things(server: Server) -> dict[str, int]:
    """One of every kind of thing a path can name, all of one hearing."""
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '404/2026/HSST', 'title': 'Vụ án của người khác'}) \
            .json()['id']
        exhibit = clerk.post(f'/api/hearings/{hid}/bundles', files=[
            ('files', ('a.pdf', make_pdf(['Trang một', 'Trang hai']), 'application/pdf'))]).json()['exhibits'][0]['id']
        screen = clerk.post(f'/api/hearings/{hid}/screens', json={'name': 'S', 'audience': 'public'}).json()['id']
        point = clerk.post(f'/api/hearings/{hid}/points', json={'name': 'Trại', 'kind': 'detention_facility'}).json()
        participant = clerk.post(f'/api/hearings/{hid}/participants', json={
            'name': 'Nguyễn Văn A', 'role': 'defendant', 'point_id': point['id']}).json()['id']
    with server.client('procurator') as procurator:
        mark = procurator.post(f'/api/hearings/{hid}/marks', json={
            'exhibit_id': exhibit, 'page': 1, 'kind': 'pen', 'points': [[0.1, 0.1], [0.2, 0.2]]})
        assert mark.status_code == 201, mark.text
        treatment = procurator.post(f'/api/hearings/{hid}/treatments',
                                    json={'name': 'T', 'exhibit_id': exhibit, 'page': 1})
        assert treatment.status_code == 201, treatment.text
        redaction = procurator.post(f'/api/exhibits/{exhibit}/redactions',
                                    json={'page': 1, 'box': [0.1, 0.1, 0.3, 0.3]})
        assert redaction.status_code == 201, redaction.text
        made = procurator.post(f'/api/hearings/{hid}/maps', json={'title': 'S', 'root': {'title': 'Vụ án'}})
        assert made.status_code == 201, made.text
    with server.client('clerk') as clerk, server.client('presiding_judge') as judge:  # minutes signed, corrected
        entry = clerk.post(f'/api/hearings/{hid}/minutes', json={'text': 'Khai mạc'}).json()['id']
        assert judge.post(f'/api/hearings/{hid}/minutes/sign').status_code == 200
        assert clerk.post(f'/api/hearings/{hid}/minutes/sign').status_code == 200
        correction = clerk.post(f'/api/hearings/{hid}/minutes/corrections', json={'text': 'Bổ sung'}).json()['id']
    return {'hearing_id': hid, 'exhibit_id': exhibit, 'screen_id': screen, 'participant_id': participant,
            'mark_id': mark.json()['id'], 'treatment_id': treatment.json()['id'],
            'redaction_id': redaction.json()['id'], 'map_id': made.json()['id'], 'page': 1, 'entry_id': entry,
            'correction_id': correction}


def routes(server: Server) -> list[tuple[str, str]]:
    with server.client() as anyone:
        schema = anyone.get('/openapi.json').json()
    # (a route with a screen's or a participant's {token} answers to that token, whoever calls it)
    return [(method.upper(), path) for path, methods in schema['paths'].items() for method in methods
            if set(re.findall(r'{(\w+)}', path)) & NAMED_BY and '{token}' not in path]


def call(server: Server, who: str, method: str, path: str, things: dict[str, int]) -> Any:
    with server.client(who) as c:
        return c.request(method, path.format(**things), json={} if method in ('POST', 'PUT', 'PATCH') else None)


def test_every_route_of_a_hearing_is_missing_to_a_user_not_on_its_staff(server: Server,
                                                                         things: dict[str, int]) -> None:
    checked = routes(server)
    assert len(checked) >= 50  # the schema was read (every route naming a hearing's thing)
    wrong = []
    for method, path in checked:
        outsider = call(server, OUTSIDER, method, path, things)
        if outsider.status_code != 404 or outsider.json()['error']['code'] not in MISSING:
            wrong.append(f'outsider {method} {path}: {outsider.status_code} {outsider.text[:120]}')
        staff = call(server, 'presiding_judge', method, path, things)
        if staff.status_code == 404 and staff.json()['error']['code'] in MISSING:
            wrong.append(f'staff {method} {path}: {staff.status_code} {staff.text[:120]}')
    assert wrong == []


def test_the_page_images_of_a_hearing_are_missing_to_an_outsider(server: Server, things: dict[str, int]) -> None:
    path = f'/api/exhibits/{things["exhibit_id"]}/pages/1'
    assert call(server, OUTSIDER, 'GET', path, things).status_code == 404
    assert call(server, 'presiding_judge', 'GET', path, things).status_code == 200


def test_the_list_shows_only_ones_own_hearings_and_an_administrator_all(server: Server,
                                                                         things: dict[str, int]) -> None:
    def listed(who: str) -> set[int]:
        with server.client(who) as c:
            return {h['id'] for h in c.get('/api/hearings').json()}
    assert things['hearing_id'] in listed('presiding_judge') and things['hearing_id'] in listed('admin')
    assert things['hearing_id'] not in listed(OUTSIDER)


def test_the_staff_list_who_changes_it_and_its_audit(server: Server, things: dict[str, int]) -> None:
    hid = things['hearing_id']
    with server.client('clerk') as clerk:
        staff = clerk.get(f'/api/hearings/{hid}/staff').json()
        assert {m['username'] for m in staff} == {r for r in ROLES if r != 'admin'}
        assert {m['role'] for m in staff if m['username'] == 'procurator'} == {'procurator'}
        mismatch = clerk.put(f'/api/hearings/{hid}/staff', json=[{'username': 'judge', 'role': 'procurator'}])
        assert mismatch.status_code == 400 and mismatch.json()['error']['code'] == 'staff_role_mismatch'
        unknown = clerk.put(f'/api/hearings/{hid}/staff', json=[{'username': 'khong-ai'}])
        assert unknown.status_code == 400 and unknown.json()['error']['code'] == 'staff_unknown_user'
        assert clerk.get(f'/api/hearings/{hid}/staff').json() == staff  # nothing changed
    with server.client('procurator') as procurator:  # on it, but not the clerk: 403
        assert procurator.put(f'/api/hearings/{hid}/staff', json=[]).status_code == 403
    with server.client('admin') as admin:  # the outsider added by an administrator, then removed by the clerk
        added = admin.put(f'/api/hearings/{hid}/staff', json=[*staff, {'username': OUTSIDER}])
        assert added.status_code == 200, added.text
    with server.client(OUTSIDER) as outsider:
        assert outsider.get(f'/api/hearings/{hid}').status_code == 200
    with server.client('clerk') as clerk:
        assert clerk.put(f'/api/hearings/{hid}/staff', json=staff).status_code == 200
        changes = [e['details'] for e in clerk.get(f'/api/hearings/{hid}/audit').json()
                   if e['action'] == 'staff_changed']
    assert changes[-2:] == [{'added': [OUTSIDER], 'removed': []}, {'added': [], 'removed': [OUTSIDER]}]
    with server.client(OUTSIDER) as outsider:
        assert outsider.get(f'/api/hearings/{hid}').status_code == 404


def test_counsel_see_only_the_exhibits_shown_to_them(server: Server) -> None:
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '405/2026/HSST', 'title': 'Vụ án của luật sư'}) \
            .json()['id']
        first, second, third = (e['id'] for e in clerk.post(f'/api/hearings/{hid}/bundles', files=[
            ('files', (f'{n}.pdf', make_pdf([f'Lời khai số {n} chứng cứ']), 'application/pdf'))
            for n in ('mot', 'hai', 'ba')]).json()['exhibits'])
        clerk.patch(f'/api/exhibits/{third}', json={'restricted': True})
    with server.client('procurator') as procurator:
        for shown in (first, third):
            assert procurator.post(f'/api/hearings/{hid}/publish',
                                   json={'exhibit_id': shown, 'page': 1}).status_code == 200
    with server.client('defence_counsel') as counsel:
        assert [e['id'] for e in counsel.get(f'/api/hearings/{hid}/exhibits').json()] == [first]
        assert counsel.get(f'/api/exhibits/{first}/pages/1').status_code == 200
        for hidden in (second, third):  # never shown; shown to the panel alone: missing, as if they did not exist
            assert counsel.get(f'/api/exhibits/{hidden}').status_code == 404
            assert counsel.get(f'/api/exhibits/{hidden}/pages/1').status_code == 404
        hits = counsel.get(f'/api/hearings/{hid}/search', params={'q': 'chứng cứ'}).json()['hits']
        assert {h['exhibit_id'] for h in hits} == {first}
    with server.client('presiding_judge') as judge:  # the panel sees them all
        assert len(judge.get(f'/api/hearings/{hid}/exhibits').json()) == 3
