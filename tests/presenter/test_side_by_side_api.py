"""Side by side through the API against a real server: publish two pages with `items`, turn one side with `side`,
leave side by side with the single form; what each screen token may fetch, a restricted side, bad input refused in
the caller's language with nothing changed, and the OpenAPI description."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from courtroom.screens import Ack
from tests.conftest import Server, make_pdf


@pytest.fixture(scope='module')
def setup(server: Server) -> dict[str, Any]:
    """A hearing of its own with two statements (3 pages and 2), and a panel and a public screen."""
    with server.client('clerk') as clerk:
        hearing = clerk.post('/api/hearings', json={'case_number': '303/2026/HSST', 'title': 'Vụ án song song'})
        assert hearing.status_code == 201, hearing.text
        hid = hearing.json()['id']
        files = [('files', ('loi-khai-1.pdf', make_pdf(['Lan 1 trang 1', 'Lan 1 trang 2', 'Lan 1 trang 3']),
                            'application/pdf')),
                 ('files', ('loi-khai-2.pdf', make_pdf(['Lan 2 trang 1', 'Lan 2 trang 2']), 'application/pdf'))]
        uploaded = clerk.post(f'/api/hearings/{hid}/bundles', files=files)
        assert uploaded.status_code == 201, uploaded.text
        tokens = {}
        for audience in ('panel', 'public'):
            screen = clerk.post(f'/api/hearings/{hid}/screens', json={'name': audience, 'audience': audience})
            assert screen.status_code == 201, screen.text
            tokens[audience] = screen.json()['url'].rsplit('/screen/', 1)[1]
    first, second = (e['id'] for e in uploaded.json()['exhibits'])
    return {'hearing_id': hid, 'first': first, 'second': second, 'tokens': tokens}


def fetch(server: Server, token: str, exhibit_id: int, page: int) -> int:
    return httpx.get(f'{server.url}/api/screens/{token}/pages/{exhibit_id}/{page}?width=320', timeout=60).status_code


def publish(server: Server, hid: int, body: dict[str, Any], role: str = 'procurator',
            lang: str | None = None) -> httpx.Response:
    with server.client(role, lang) as c:
        return c.post(f'/api/hearings/{hid}/publish', json=body)


def shown(body: dict[str, Any]) -> list[tuple[int, int]]:
    return [(s['exhibit_id'], s['page']) for s in (body['live'], body['beside']) if s]


def test_two_pages_then_one_side_turned_then_one_page_again(server: Server, setup: dict[str, Any]) -> None:
    hid, a, b, tokens = setup['hearing_id'], setup['first'], setup['second'], setup['tokens']
    both = publish(server, hid, {'items': [{'exhibit_id': a, 'page': 2, 'region': [0, 0, 0.5, 0.5]},
                                           {'exhibit_id': b, 'page': 1}]})
    assert both.status_code == 200, both.text
    assert shown(both.json()) == [(a, 2), (b, 1)] and both.json()['live']['region'] == [0, 0, 0.5, 0.5]
    for token in tokens.values():
        assert fetch(server, token, a, 2) == 200 and fetch(server, token, b, 1) == 200
        assert fetch(server, token, b, 2) == 404
    turned = publish(server, hid, {'exhibit_id': b, 'page': 2, 'side': 1})
    assert turned.status_code == 200, turned.text
    assert shown(turned.json()) == [(a, 2), (b, 2)]
    assert turned.json()['live']['region'] == [0, 0, 0.5, 0.5]  # the other side as it was, zoom and all
    assert fetch(server, tokens['public'], b, 1) == 404 and fetch(server, tokens['public'], b, 2) == 200
    left = publish(server, hid, {'exhibit_id': a, 'page': 3, 'side': 0})
    assert shown(left.json()) == [(a, 3), (b, 2)]
    single = publish(server, hid, {'items': [{'exhibit_id': b, 'page': 1}]})
    assert single.status_code == 200 and shown(single.json()) == [(b, 1)] and single.json()['beside'] is None
    with server.client('clerk') as clerk:
        entries = [e for e in clerk.get(f'/api/hearings/{hid}/audit').json() if e['action'] == 'published']
    assert entries[-4]['details']['beside'] == {'exhibit_id': b, 'page': 1, 'region': None}
    assert entries[-3]['details']['side'] == 1 and 'beside' not in entries[-1]['details']


def test_a_restricted_side_is_not_served_to_the_public(server: Server, setup: dict[str, Any]) -> None:
    hid, a, b, tokens = setup['hearing_id'], setup['first'], setup['second'], setup['tokens']
    with server.client('clerk') as clerk:
        assert clerk.patch(f'/api/exhibits/{b}', json={'restricted': True}).status_code == 200
    try:
        response = publish(server, hid, {'items': [{'exhibit_id': a, 'page': 1}, {'exhibit_id': b, 'page': 2}]})
        assert response.status_code == 200, response.text
        assert fetch(server, tokens['public'], a, 1) == 200 and fetch(server, tokens['public'], b, 2) == 404
        assert fetch(server, tokens['panel'], a, 1) == 200 and fetch(server, tokens['panel'], b, 2) == 200
    finally:
        with server.client('clerk') as clerk:
            clerk.patch(f'/api/exhibits/{b}', json={'restricted': False})
    assert fetch(server, tokens['public'], b, 2) == 200


@pytest.mark.parametrize(('body', 'status', 'code'), [
    ({'items': []}, 400, 'bad_items'),
    ({'items': [{'exhibit_id': 0, 'page': 1}] * 3}, 400, 'bad_items'),
    ({'items': [{'exhibit_id': 'first', 'page': 1}, {'exhibit_id': 'second', 'page': 9}]}, 404, 'page_not_found'),
    ({'items': [{'exhibit_id': 'first', 'page': 1}, {'exhibit_id': 'second', 'page': 1, 'region': [0, 0, 2, 1]}]},
     400, 'bad_region'),
    ({'items': [{'exhibit_id': 'first', 'page': 1}], 'exhibit_id': 'first', 'page': 1}, 400,
     'publish_items_or_page'),
    ({'items': [{'exhibit_id': 'first', 'page': 1}], 'side': 1}, 400, 'publish_items_or_page'),
    ({}, 400, 'publish_items_or_page'),
    ({'exhibit_id': 'first', 'page': 1, 'side': 2}, 400, 'bad_side'),
])
def test_bad_input_is_refused_and_changes_nothing(server: Server, setup: dict[str, Any], body: dict[str, Any],
                                                  status: int, code: str) -> None:
    hid = setup['hearing_id']

    def resolve(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [resolve(v) for v in value]
        return setup[value] if value in ('first', 'second') else value

    with server.client('clerk') as clerk:
        before = len(clerk.get(f'/api/hearings/{hid}/audit').json())
    messages = set()
    for lang in ('vi', 'en'):
        response = publish(server, hid, resolve(body), lang=lang)
        assert response.status_code == status, response.text
        error = response.json()['error']
        assert error['code'] == code and error['message'] and error['message'] != code, error
        messages.add(error['message'])
    assert len(messages) == 2  # in the caller's language
    with server.client('clerk') as clerk:
        assert len(clerk.get(f'/api/hearings/{hid}/audit').json()) == before


def test_a_page_beside_nothing_is_refused(server: Server) -> None:
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '304/2026/HSST', 'title': 'Trống'}).json()['id']
        files = [('files', ('a.pdf', make_pdf(['A']), 'application/pdf'))]
        eid = clerk.post(f'/api/hearings/{hid}/bundles', files=files).json()['exhibits'][0]['id']
    response = publish(server, hid, {'exhibit_id': eid, 'page': 1, 'side': 1}, lang='en')
    assert response.status_code == 400
    error = response.json()['error']
    assert (error['code'], error['message']) == ('side_needs_live', 'Nothing is on the screens to show a page beside')
    assert publish(server, hid, {'exhibit_id': eid, 'page': 1, 'side': 0}).status_code == 200  # left alone: fine


@pytest.mark.parametrize('role', ['clerk', 'defence_counsel'])
def test_roles_that_may_not_publish_get_403(server: Server, setup: dict[str, Any], role: str) -> None:
    body = {'items': [{'exhibit_id': setup['first'], 'page': 1}, {'exhibit_id': setup['second'], 'page': 1}]}
    assert publish(server, setup['hearing_id'], body, role=role).status_code == 403


def test_the_openapi_description_names_both_forms(server: Server) -> None:
    spec = httpx.get(f'{server.url}/openapi.json', timeout=30).json()
    publish_op = next(op for path, ops in spec['paths'].items() if path.endswith('/publish') for op in ops.values())
    assert 'items' in publish_op['description'] and 'side' in publish_op['description']


def test_a_screens_report_names_both_pages() -> None:
    """What the bench's strip reads: a split screen reports the page beside too; a one-page report is as before."""
    split = Ack(state='showing', exhibit_id=1, page=2, version=3, beside=(4, 1))
    assert split.to_api()['showing'] == {'exhibit_id': 1, 'page': 2, 'beside': {'exhibit_id': 4, 'page': 1}}
    assert Ack(state='showing', exhibit_id=1, page=2, version=3).to_api()['showing'] == {'exhibit_id': 1, 'page': 2}
