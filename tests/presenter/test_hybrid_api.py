"""The hybrid hearing's API against a real server: points, participants, links, the roll call, control."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import Server


@pytest.fixture(scope='module')
def hearing(server: Server) -> dict:
    with server.client('clerk') as c:
        return c.post('/api/hearings', json={'case_number': '7/2026/HSST', 'title': 'Vụ án trực tuyến',
                                             'charges': ['173']}).json()


def test_points(server: Server, hearing: dict) -> None:
    with server.client('clerk', lang='en') as c:
        points = c.get(f'/api/hearings/{hearing["id"]}/points').json()
        assert [p['kind'] for p in points] == ['central']
        for n in range(3):
            response = c.post(f'/api/hearings/{hearing["id"]}/points', json={'name': f'Điểm {n}', 'kind': 'court'})
            assert response.status_code == 201
        fourth = c.post(f'/api/hearings/{hearing["id"]}/points', json={'name': 'Thứ tư', 'kind': 'other'})
        assert fourth.status_code == 409
        assert fourth.json()['error']['code'] == 'too_many_points'
        assert 'Resolution 33/2021/QH15' in fourth.json()['error']['message']
        bad = c.post(f'/api/hearings/{hearing["id"]}/points', json={'name': 'x', 'kind': 'moon'})
        assert bad.status_code == 400 and bad.json()['error']['code'] == 'bad_point_kind'
    with server.client('procurator') as c:
        assert c.post(f'/api/hearings/{hearing["id"]}/points', json={'name': 'x', 'kind': 'court'}).status_code == 403


def test_a_case_that_may_not_be_online_is_refused_with_its_reason(server: Server) -> None:
    with server.client('clerk') as c:
        secret = c.post('/api/hearings', json={'case_number': '8', 'title': 'Gián điệp', 'charges': [110]}).json()
        assert secret['online_allowed'] is False
        response = c.post(f'/api/hearings/{secret["id"]}/points',
                          json={'name': 'Trại giam', 'kind': 'detention_facility'})
        assert response.status_code == 403
        assert 'an ninh quốc gia' in response.json()['error']['message']
        bad = c.post('/api/hearings', json={'case_number': '9', 'title': 'x', 'charges': ['Điều 999']})
        assert bad.status_code == 400 and bad.json()['error']['code'] == 'bad_charge'


def test_participants_links_and_roll_call(server: Server, hearing: dict) -> None:
    with server.client('clerk') as c:
        point = c.get(f'/api/hearings/{hearing["id"]}/points').json()[1]
        created = c.post(f'/api/hearings/{hearing["id"]}/participants', json={
            'name': 'Nguyễn Văn A', 'role': 'defendant', 'point_id': point['id'],
            'id_document': {'type': 'citizen_id', 'number': '001090000001'}})
        assert created.status_code == 201, created.text
        body = created.json()
        assert body['join_url'].startswith(server.url + '/join/') and body['state'] == 'invited'
        listed = c.get(f'/api/hearings/{hearing["id"]}/participants').json()
        assert {'id', 'name', 'role', 'point_id', 'state', 'stats'} <= set(listed[0])
        # admitting someone who is not in the lobby is refused and changes nothing
        assert c.post(f'/api/participants/{body["id"]}/admit').status_code == 409
        checked = c.post(f'/api/participants/{body["id"]}/id-check', json={'verified': True, 'note': 'CCCD khớp'})
        assert checked.json()['id_check'] == {'verified': True, 'note': 'CCCD khớp'}
        renewed = c.post(f'/api/participants/{body["id"]}/link').json()['join_url']
        assert renewed != body['join_url']
        assert c.post(f'/api/participants/{body["id"]}/mute', json={'on': True}).json()['muted'] is True
        assert c.post(f'/api/participants/{body["id"]}/revoke').json()['state'] == 'revoked'
        bad_role = c.post(f'/api/hearings/{hearing["id"]}/participants',
                          json={'name': 'x', 'role': 'king', 'point_id': point['id']})
        assert bad_role.status_code == 400
    with server.client('procurator') as c:
        assert c.post(f'/api/participants/{body["id"]}/admit').status_code == 403
    assert httpx.get(f'{server.url}/api/hearings/{hearing["id"]}/participants').status_code == 401
