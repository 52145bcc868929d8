"""The presenting API against a real server: screens, preview and publish (with a zoom region), the kill switch and
the presenter's blank, restriction, approval, roles, the audit chain, and what a screen token may fetch."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from courtroom.presentation_state import Region
from presenter.pages.presenting_widgets import region_style, screen_health
from tests.conftest import Server, make_pdf


@pytest.fixture(scope='module')
def setup(server: Server) -> dict[str, Any]:
    """A hearing of its own with a 3-page exhibit and a 1-page one, and three screens."""
    with server.client('clerk') as clerk:
        hearing = clerk.post('/api/hearings', json={'case_number': '301/2026/HSST', 'title': 'Vụ án trình chiếu API'})
        assert hearing.status_code == 201, hearing.text
        hid = hearing.json()['id']
        files = [('files', ('loi-khai.pdf', make_pdf(['Loi khai trang 1', 'Loi khai trang 2', 'Loi khai trang 3']),
                            'application/pdf')),
                 ('files', ('anh.pdf', make_pdf(['Anh hien truong']), 'application/pdf'))]
        uploaded = clerk.post(f'/api/hearings/{hid}/bundles', files=files)
        assert uploaded.status_code == 201, uploaded.text
        exhibits = uploaded.json()['exhibits']
        tokens = {}
        for audience in ('panel', 'public', 'witness'):
            response = clerk.post(f'/api/hearings/{hid}/screens', json={'name': f'Màn hình {audience}',
                                                                       'audience': audience})
            assert response.status_code == 201, response.text
            body = response.json()
            assert isinstance(body['id'], int) and '/screen/' in body['url']
            tokens[audience] = body['url'].rsplit('/screen/', 1)[1]
    return {'hearing_id': hid, 'doc': exhibits[0], 'photo': exhibits[1], 'tokens': tokens}


def fetch(server: Server, token: str, exhibit_id: int, page: int) -> int:
    return httpx.get(f'{server.url}/api/screens/{token}/pages/{exhibit_id}/{page}?width=320', timeout=60).status_code


def state(server: Server, hid: int, role: str = 'procurator') -> dict[str, Any]:
    with server.client(role) as c:
        response = c.get(f'/api/hearings/{hid}/presentation')
    assert response.status_code == 200, response.text
    return response.json()


def test_screens_are_listed_with_their_acknowledgements(server: Server, setup: dict[str, Any]) -> None:
    hid = setup['hearing_id']
    with server.client('clerk') as clerk:
        screens = clerk.get(f'/api/hearings/{hid}/screens').json()
    assert [s['audience'] for s in screens] == ['panel', 'public', 'witness']
    for screen in screens:
        assert {'id', 'name', 'audience', 'connected', 'showing', 'blank', 'acked_at'} <= set(screen)
        assert '/screen/' in screen['url']
        assert screen['connected'] is False and screen['showing'] is None and screen['acked_at'] is None
    with server.client('procurator') as procurator:
        seen = procurator.get(f'/api/hearings/{hid}/screens').json()
    assert len(seen) == 3 and all('url' not in s for s in seen)  # a screen's URL is its key: setup roles only


def test_bad_screens_are_refused(server: Server, setup: dict[str, Any]) -> None:
    hid = setup['hearing_id']
    with server.client('clerk') as clerk:
        assert clerk.post(f'/api/hearings/{hid}/screens', json={'name': 'X', 'audience': 'everyone'}).status_code == 400
        assert clerk.post('/api/hearings/999999/screens', json={'name': 'X', 'audience': 'public'}).status_code == 404
    with server.client('procurator') as procurator:
        response = procurator.post(f'/api/hearings/{hid}/screens', json={'name': 'X', 'audience': 'public'})
    assert response.status_code == 403 and response.json()['error']['code'] == 'forbidden_role'


def test_preview_is_private_and_publish_with_region_goes_live(server: Server, setup: dict[str, Any]) -> None:
    hid, doc, tokens = setup['hearing_id'], setup['doc'], setup['tokens']
    with server.client('procurator') as procurator:
        preview = procurator.post(f'/api/hearings/{hid}/preview', json={'exhibit_id': doc['id'], 'page': 2})
        assert preview.status_code == 200, preview.text
        assert preview.json() == {'exhibit_id': doc['id'], 'page': 2, 'region': None}
        current = state(server, hid)
        assert current['preview']['page'] == 2 and current['live'] is None
        for token in tokens.values():  # the preview reaches no screen, not even by URL
            assert fetch(server, token, doc['id'], 2) == 404

        region = [0.1, 0.2, 0.6, 0.5]
        published = procurator.post(f'/api/hearings/{hid}/publish',
                                    json={'exhibit_id': doc['id'], 'page': 1, 'region': region})
        assert published.status_code == 200, published.text
        live = published.json()['live']
        assert live['exhibit_id'] == doc['id'] and live['page'] == 1
        assert live['region'] == pytest.approx(region)
    for token in tokens.values():
        assert fetch(server, token, doc['id'], 1) == 200
        assert fetch(server, token, doc['id'], 2) == 404  # only the live page, not its neighbours
    with server.client('clerk') as clerk:
        assert clerk.get(f'/api/exhibits/{doc["id"]}').json()['disclosure'] == 'on_display'


@pytest.mark.parametrize('region', [[0.5, 0.5, 0.4, 0.9], [0, 0, 2, 1], [0, 0, 1], [0.1, 0.1, 0.105, 0.5]])
def test_a_bad_region_is_400_and_changes_nothing(server: Server, setup: dict[str, Any], region: list[float]) -> None:
    hid, doc = setup['hearing_id'], setup['doc']
    before = state(server, hid)
    with server.client('procurator') as procurator:
        response = procurator.post(f'/api/hearings/{hid}/publish',
                                   json={'exhibit_id': doc['id'], 'page': 3, 'region': region})
    assert response.status_code == 400, response.text
    assert response.json()['error']['code'] in ('bad_region', 'bad_request')
    assert state(server, hid)['version'] == before['version']


def test_a_bad_page_is_404(server: Server, setup: dict[str, Any]) -> None:
    with server.client('procurator') as procurator:
        response = procurator.post(f'/api/hearings/{setup["hearing_id"]}/publish',
                                   json={'exhibit_id': setup['doc']['id'], 'page': 9})
    assert response.status_code == 404


@pytest.mark.parametrize(('role', 'path', 'body'), [
    ('clerk', 'publish', {'exhibit_id': 0, 'page': 1}),
    ('defence_counsel', 'publish', {'exhibit_id': 0, 'page': 1}),
    ('defence_counsel', 'preview', {'exhibit_id': 0, 'page': 1}),
    ('clerk', 'blank', {'on': True}),
    ('judge', 'blank', {'on': True}),
    ('defence_counsel', 'blank', {'on': True}),
    ('procurator', 'approve', {'approved': True}),
    ('clerk', 'approve', {'approved': True}),
])
def test_wrong_roles_get_403(server: Server, setup: dict[str, Any], role: str, path: str, body: dict) -> None:
    hid = setup['hearing_id']
    if 'exhibit_id' in body:
        body = {**body, 'exhibit_id': setup['doc']['id']}
    before = state(server, hid)
    with server.client(role, lang='en') as c:
        response = c.post(f'/api/hearings/{hid}/{path}', json=body)
    assert response.status_code == 403, response.text
    assert response.json()['error']['code'] == 'forbidden_role'
    assert response.json()['error']['message']
    assert state(server, hid)['version'] == before['version']


def test_kill_switch_blanks_all_but_the_panel_and_only_the_judge_lifts_it(server: Server,
                                                                           setup: dict[str, Any]) -> None:
    hid, doc, tokens = setup['hearing_id'], setup['doc'], setup['tokens']
    with server.client('procurator') as procurator, server.client('presiding_judge') as judge:
        assert procurator.post(f'/api/hearings/{hid}/publish', json={'exhibit_id': doc['id'], 'page': 2}) \
            .status_code == 200
        on = judge.post(f'/api/hearings/{hid}/blank', json={'on': True})
        assert on.status_code == 200 and on.json()['kill_switch'] is True and on.json()['presenter_blank'] is False
        assert fetch(server, tokens['panel'], doc['id'], 2) == 200
        assert fetch(server, tokens['public'], doc['id'], 2) == 404
        assert fetch(server, tokens['witness'], doc['id'], 2) == 404

        lift = procurator.post(f'/api/hearings/{hid}/blank', json={'on': False})
        assert lift.status_code == 403 and lift.json()['error']['code'] == 'kill_switch_on'
        assert state(server, hid)['kill_switch'] is True

        paused = procurator.post(f'/api/hearings/{hid}/blank', json={'on': True})  # the presenter's own pause
        assert paused.status_code == 200 and paused.json()['presenter_blank'] is True
        assert fetch(server, tokens['panel'], doc['id'], 2) == 404  # the pause blanks every screen
        assert procurator.post(f'/api/hearings/{hid}/blank', json={'on': False}).status_code == 403

        off = judge.post(f'/api/hearings/{hid}/blank', json={'on': False})
        assert off.status_code == 200 and off.json()['kill_switch'] is False
        assert fetch(server, tokens['public'], doc['id'], 2) == 404  # still paused by the presenter
        resumed = procurator.post(f'/api/hearings/{hid}/blank', json={'on': False})
        assert resumed.status_code == 200 and resumed.json()['presenter_blank'] is False
        assert fetch(server, tokens['public'], doc['id'], 2) == 200


def test_a_restricted_exhibit_reaches_the_panel_only(server: Server, setup: dict[str, Any]) -> None:
    hid, photo, tokens = setup['hearing_id'], setup['photo'], setup['tokens']
    with server.client('procurator') as procurator:
        refused = procurator.patch(f'/api/exhibits/{photo["id"]}', json={'restricted': True})
        assert refused.status_code == 403
    with server.client('clerk') as clerk:
        patched = clerk.patch(f'/api/exhibits/{photo["id"]}', json={'restricted': True})
        assert patched.status_code == 200 and patched.json()['restricted'] is True
    with server.client('procurator') as procurator:
        assert procurator.post(f'/api/hearings/{hid}/publish', json={'exhibit_id': photo['id'], 'page': 1}) \
            .status_code == 200
    assert fetch(server, tokens['panel'], photo['id'], 1) == 200
    assert fetch(server, tokens['public'], photo['id'], 1) == 404
    assert fetch(server, tokens['witness'], photo['id'], 1) == 404
    with server.client('clerk') as clerk:
        assert clerk.patch(f'/api/exhibits/{photo["id"]}', json={'restricted': False}).status_code == 200
    assert fetch(server, tokens['public'], photo['id'], 1) == 200
    with server.client('clerk') as clerk:
        assert clerk.get(f'/api/exhibits/{setup["doc"]["id"]}').json()['disclosure'] == 'examined'


def test_a_bad_screen_token_fetches_nothing(server: Server, setup: dict[str, Any]) -> None:
    live = state(server, setup['hearing_id'])['live']
    assert fetch(server, 'not-a-token', live['exhibit_id'], live['page']) == 404


def test_publish_waits_for_approval_when_the_hearing_asks(server: Server, setup: dict[str, Any]) -> None:
    hid, doc = setup['hearing_id'], setup['doc']
    with server.client('procurator') as procurator, server.client('presiding_judge') as judge:
        assert procurator.patch(f'/api/hearings/{hid}', json={'approval_required': True}).status_code == 403
        assert judge.patch(f'/api/hearings/{hid}', json={'approval_required': True}).json()['approval_required']
        before = state(server, hid)['live']
        asked = procurator.post(f'/api/hearings/{hid}/publish', json={'exhibit_id': doc['id'], 'page': 3})
        assert asked.status_code == 200
        assert asked.json()['pending']['page'] == 3 and asked.json()['live'] == before
        assert fetch(server, setup['tokens']['public'], doc['id'], 3) == 404
        rejected = judge.post(f'/api/hearings/{hid}/approve', json={'approved': False})
        assert rejected.status_code == 200 and rejected.json()['pending'] is None
        assert judge.post(f'/api/hearings/{hid}/approve', json={'approved': True}).status_code == 409
        procurator.post(f'/api/hearings/{hid}/publish', json={'exhibit_id': doc['id'], 'page': 3})
        approved = judge.post(f'/api/hearings/{hid}/approve', json={'approved': True})
        assert approved.status_code == 200 and approved.json()['live']['page'] == 3
        assert fetch(server, setup['tokens']['public'], doc['id'], 3) == 200
        judge.patch(f'/api/hearings/{hid}', json={'approval_required': False})


def test_the_audit_log_records_every_step_and_verifies(server: Server, setup: dict[str, Any]) -> None:
    hid = setup['hearing_id']
    with server.client('judge') as c:
        entries = c.get(f'/api/hearings/{hid}/audit')
        verified = c.get(f'/api/hearings/{hid}/audit/verify')
    assert entries.status_code == 200 and verified.status_code == 200
    actions = [e['action'] for e in entries.json()]
    for action in ('screen_added', 'published', 'kill_switch_on', 'kill_switch_off', 'blank_on', 'blank_off',
                   'restricted', 'unrestricted', 'publish_requested', 'publish_rejected', 'publish_approved',
                   'hearing_configured'):
        assert action in actions, action
    assert [e['seq'] for e in entries.json()] == list(range(1, len(actions) + 1))
    assert all(e['actor'] and e['at'] for e in entries.json())
    assert verified.json() == {'valid': True, 'entries': len(actions)}
    with server.client() as anonymous:
        assert anonymous.get(f'/api/hearings/{hid}/audit').status_code == 401


# --- the pure rules behind the bench's widgets ----------------------------------------------------------------

def test_screen_health() -> None:
    assert screen_health(connected=False, acked_version=5, version=5, behind_for_s=0) == 'off'
    assert screen_health(connected=True, acked_version=5, version=5, behind_for_s=9) == 'ok'
    assert screen_health(connected=True, acked_version=6, version=5, behind_for_s=9) == 'ok'
    assert screen_health(connected=True, acked_version=4, version=5, behind_for_s=0.5) == 'wait'
    assert screen_health(connected=True, acked_version=4, version=5, behind_for_s=1.5) == 'lag'
    assert screen_health(connected=True, acked_version=None, version=0, behind_for_s=3) == 'lag'


def test_region_style() -> None:
    assert region_style(None) == 'display:none'
    style = region_style(Region(0.1, 0.2, 0.6, 0.5))
    assert 'left:10.000%' in style and 'top:20.000%' in style and 'width:50.000%' in style
    assert 'height:30.000%' in style
