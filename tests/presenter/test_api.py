"""The REST API against a real server process: auth, roles, hearings, bundles, pages, search, JSON errors."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import pymupdf
import pytest

from tests.conftest import Server, make_pdf
from tests.waiting import wait_until


@pytest.fixture(scope='module')
def hearing(server: Server) -> dict:
    with server.client('clerk') as c:
        response = c.post('/api/hearings', json={'case_number': '01/2026/HSST', 'title': 'Vụ án Nguyễn Văn A'})
        assert response.status_code == 201, response.text
        return response.json()


@pytest.fixture(scope='module')
def exhibits(server: Server, hearing: dict) -> list[dict]:
    files = [('files', ('cao-trang.pdf', make_pdf(['Cáo trạng của Viện kiểm sát', 'Bút lục về lời khai'] * 2),
                        'application/pdf')),
             ('files', ('bien-ban.pdf', make_pdf(['Biên bản ghi lời khai người làm chứng']), 'application/pdf'))]
    with server.client('clerk') as c:
        response = c.post(f'/api/hearings/{hearing["id"]}/bundles', files=files)
    assert response.status_code == 201, response.text
    return response.json()['exhibits']


def test_health_needs_no_token(server: Server) -> None:
    health = wait_until(lambda: (h := httpx.get(f'{server.url}/api/health').json())['loop_lag']['samples'] and h,
                        'the event loop watched')
    assert health['status'] == 'ok' and health['loop_lag']['window_s'] == 10.0
    assert 0 <= health['loop_lag']['p50_ms'] <= health['loop_lag']['p99_ms'] <= health['loop_lag']['max_ms']


def test_token_with_wrong_password_is_401_in_the_callers_language(server: Server) -> None:
    bad = {'username': 'clerk', 'password': 'nope-nope'}
    vi = httpx.post(f'{server.url}/api/auth/token', data=bad)
    en = httpx.post(f'{server.url}/api/auth/token', data=bad, headers={'Accept-Language': 'en-US,en;q=0.9'})
    assert vi.status_code == en.status_code == 401
    assert vi.json()['error']['code'] == 'bad_credentials'
    assert vi.json()['error']['message'] == 'Sai tên đăng nhập hoặc mật khẩu'
    assert en.json()['error']['message'] == 'Wrong username or password'


@pytest.mark.parametrize(('method', 'path'), [
    ('GET', '/api/hearings'), ('POST', '/api/hearings'), ('GET', '/api/hearings/1'),
    ('POST', '/api/hearings/1/bundles'), ('GET', '/api/hearings/1/exhibits'), ('GET', '/api/exhibits/1'),
    ('GET', '/api/exhibits/1/pages/1'), ('GET', '/api/hearings/1/search?q=x'),
])
def test_every_call_but_health_and_token_needs_a_token(server: Server, method: str, path: str) -> None:
    for headers in ({}, {'Authorization': 'Bearer not-a-token'}):
        response = httpx.request(method, server.url + path, headers=headers)
        assert response.status_code == 401, (path, response.text)
        assert response.json()['error']['code'] == 'not_authenticated'


def test_wrong_role_gets_403(server: Server) -> None:
    with server.client('procurator', lang='en') as c:
        response = c.post('/api/hearings', json={'case_number': '9', 'title': 'x'})
    assert response.status_code == 403
    assert response.json()['error']['code'] == 'forbidden_role'
    assert 'procurator' in response.json()['error']['message']


def test_hearings_create_list_get(server: Server, hearing: dict) -> None:
    with server.client('judge') as c:
        assert hearing['id'] in [h['id'] for h in c.get('/api/hearings').json()]
        assert c.get(f'/api/hearings/{hearing["id"]}').json()['title'] == 'Vụ án Nguyễn Văn A'
        missing = c.get('/api/hearings/999999')
    assert missing.status_code == 404
    assert missing.json()['error']['message'] == 'Không tìm thấy phiên tòa "999999"'


@pytest.mark.parametrize('body', [{}, {'case_number': '1'}, {'case_number': '', 'title': 'x'},
                                  {'case_number': '1', 'title': '   '}])
def test_bad_hearing_bodies_are_4xx_json(server: Server, body: dict) -> None:
    with server.client('clerk') as c:
        before = len(c.get('/api/hearings').json())
        response = c.post('/api/hearings', json=body)
        assert 400 <= response.status_code < 500
        assert response.json()['error']['code'] in ('required_field', 'bad_request')
        assert len(c.get('/api/hearings').json()) == before


def test_bundle_upload_creates_exhibits_with_bl_ranges(server: Server, hearing: dict, exhibits: list[dict]) -> None:
    keys = {'id', 'label', 'title', 'kind', 'sha256', 'page_count', 'bl_first', 'bl_last'}
    assert all(keys <= set(e) for e in exhibits)
    assert [(e['page_count'], e['bl_first'], e['bl_last']) for e in exhibits] == [(4, 1, 4), (1, 5, 5)]
    with server.client('procurator') as c:
        listed = c.get(f'/api/hearings/{hearing["id"]}/exhibits').json()
        alone = c.get(f'/api/exhibits/{exhibits[1]["id"]}').json()
    assert [e['id'] for e in listed] == [e['id'] for e in exhibits]
    assert keys <= set(alone) and alone['bl_first'] == 5


def test_page_images(server: Server, exhibits: list[dict]) -> None:
    exhibit_id = exhibits[0]['id']
    with server.client('clerk') as c:
        response = c.get(f'/api/exhibits/{exhibit_id}/pages/2', params={'width': 800})
        assert response.status_code == 200
        assert response.headers['content-type'] in ('image/jpeg', 'image/png')
        image = pymupdf.Pixmap(io.BytesIO(response.content).getvalue())
        assert image.width == 800
        for page in (0, 5):
            out_of_range = c.get(f'/api/exhibits/{exhibit_id}/pages/{page}')
            assert out_of_range.status_code == 404
            assert out_of_range.json()['error']['code'] == 'page_not_found'
        assert c.get(f'/api/exhibits/{exhibit_id}/pages/1', params={'width': 10**6}).status_code == 400
        assert c.get('/api/exhibits/999999/pages/1').status_code == 404


def test_search(server: Server, hearing: dict, exhibits: list[dict]) -> None:
    with server.client('judge') as c:
        hits = c.get(f'/api/hearings/{hearing["id"]}/search', params={'q': 'loi khai'}).json()['hits']
        assert {(h['exhibit_id'], h['page'], h['bl']) for h in hits} == {
            (exhibits[0]['id'], 2, 2), (exhibits[0]['id'], 4, 4), (exhibits[1]['id'], 1, 5)}
        assert all('[' in h['snippet'] for h in hits)
        bl = c.get(f'/api/hearings/{hearing["id"]}/search', params={'q': 'BL 5'}).json()['hits']
        assert (bl[0]['exhibit_id'], bl[0]['page']) == (exhibits[1]['id'], 1)
        assert c.get(f'/api/hearings/{hearing["id"]}/search', params={'q': ' '}).status_code == 400


def test_search_keeps_tone_marks_and_refuses_bad_queries(server: Server, hearing: dict, exhibits: list[dict]) -> None:
    url = f'/api/hearings/{hearing["id"]}/search'
    with server.client('judge') as c:
        exact = c.get(url, params={'q': 'lời khai'}).json()['hits']
        assert [h['bl'] for h in exact] == [2, 4, 5]
        assert all('[lời] [khai]' in h['snippet'] for h in exact)
        other_word = c.get(url, params={'q': 'lợi khai'}).json()['hits']  # "lợi" is not "lời": only "khai" matches
        assert [h['bl'] for h in other_word] == [2, 4, 5]
        assert all('[khai]' in h['snippet'] and '[l' not in h['snippet'] for h in other_word)
        folded = c.get(url, params={'q': 'lợi khai', 'fold': 'true'}).json()['hits']
        assert all('[lời] [khai]' in h['snippet'] for h in folded)
        assert c.get(url, params={'q': '"NEAR(* OR'}).json()['hits'] == []
        too_long = c.get(url, params={'q': 'x' * 501})
        assert too_long.status_code == 400 and too_long.json()['error']['code'] == 'query_too_long'
        assert c.get(url, params={'q': '"*()'}).json()['error']['code'] == 'bad_query'


def test_bad_upload_changes_nothing(server: Server, hearing: dict, exhibits: list[dict]) -> None:
    with server.client('clerk', lang='en') as c:
        before = c.get(f'/api/hearings/{hearing["id"]}/exhibits').json()
        response = c.post(f'/api/hearings/{hearing["id"]}/bundles',
                          files=[('files', ('good.pdf', make_pdf(['ok']), 'application/pdf')),
                                 ('files', ('empty.pdf', b'', 'application/pdf'))])
        assert 400 <= response.status_code < 500, response.text
        assert 'empty.pdf' in response.json()['error']['message']
        assert c.get(f'/api/hearings/{hearing["id"]}/exhibits').json() == before
        assert c.post(f'/api/hearings/{hearing["id"]}/bundles').status_code in (400, 422)


def test_unknown_api_path_is_json_404(server: Server) -> None:
    response = httpx.get(f'{server.url}/api/nothing-here')
    assert response.status_code in (401, 404)
    assert 'error' in response.json()


def test_openapi_lists_the_api(server: Server) -> None:
    paths = httpx.get(f'{server.url}/openapi.json').json()['paths']
    assert {'/api/health', '/api/auth/token', '/api/hearings', '/api/hearings/{hearing_id}/bundles',
            '/api/exhibits/{exhibit_id}/pages/{page}', '/api/hearings/{hearing_id}/search'} <= set(paths)
    assert httpx.get(f'{server.url}/docs').status_code == 200


def test_store_keeps_files_by_hash(server: Server, exhibits: list[dict]) -> None:
    for e in exhibits:
        path = Path(server.data) / 'evidence' / e['sha256'][:2] / e['sha256']
        assert path.is_file()
