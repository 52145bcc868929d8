"""Sign-in hardening against a real server process of its own (its lockouts must not reach the session's server):
wrong passwords answered 429 with Retry-After in the caller's language; an administrator's `courtroom user reset`,
`disable` and `enable`; signing out kills the token; security headers on pages, static files and the API; join links
never written whole in a log."""

from __future__ import annotations

import io
import logging
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from presenter.log_redaction import RedactLinks, install, redact
from tests.conftest import Server, make_server
from tests.conftest import cli as run_cli


@pytest.fixture(scope='module')
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = make_server(tmp_path_factory.mktemp('sign-in-data'))
    running.start()
    yield running
    running.stop()


def cli(server: Server, *args: str, stdin: str = '') -> subprocess.CompletedProcess:
    """The command line on the server's data folder, as its administrator runs it."""
    return run_cli(*args, data=server.data, stdin=stdin, check=False)


def sign_in(server: Server, username: str, password: str, lang: str = 'vi') -> httpx.Response:
    return httpx.post(f'{server.url}/api/auth/token', data={'username': username, 'password': password},
                      headers={'Accept-Language': lang})


def test_wrong_passwords_get_429_until_an_administrator_resets_the_password(own_server: Server) -> None:
    added = cli(own_server, 'user', 'add', 'khoa', '--role', 'clerk', stdin='mat-khau-dung-1\n')
    assert added.returncode == 0, added.stderr
    weak = cli(own_server, 'user', 'add', 'yeu', '--role', 'clerk', stdin='password2024\n')
    assert weak.returncode == 1 and 'quá phổ biến' in weak.stderr
    answers = []
    for _ in range(10):  # three free tries, then waits that grow, and the tenth locks: a 429 comes by then
        answers.append(sign_in(own_server, 'khoa', 'sai-mat-khau', 'en'))
        if answers[-1].status_code == 429:
            break
    assert [a.status_code for a in answers[:3]] == [401, 401, 401]
    refused = answers[-1]
    assert refused.status_code == 429, [a.status_code for a in answers]
    assert int(refused.headers['Retry-After']) >= 1
    assert refused.json()['error']['code'] in ('sign_in_wait', 'sign_in_locked')
    assert refused.json()['error']['message'].startswith('Too many wrong sign-ins')
    # while it waits, the right password is refused too (not even checked)
    assert sign_in(own_server, 'khoa', 'mat-khau-dung-1').status_code == 429
    reset = cli(own_server, 'user', 'reset', 'khoa', stdin='mot-mat-khau-moi\n')
    assert reset.returncode == 0, reset.stderr
    assert sign_in(own_server, 'khoa', 'mot-mat-khau-moi').status_code == 200


def test_signing_out_and_disabling_end_the_session(own_server: Server) -> None:
    assert cli(own_server, 'user', 'add', 'binh', '--role', 'judge', stdin='cay-but-chi-dep\n').returncode == 0
    token = sign_in(own_server, 'binh', 'cay-but-chi-dep').json()['access_token']
    with httpx.Client(base_url=own_server.url, headers={'Authorization': f'Bearer {token}'}) as api:
        assert api.get('/api/hearings').status_code == 200
        assert api.post('/api/auth/logout').status_code == 204
        assert api.get('/api/hearings').status_code == 401
    token = sign_in(own_server, 'binh', 'cay-but-chi-dep').json()['access_token']
    assert cli(own_server, 'user', 'disable', 'binh').returncode == 0
    assert httpx.get(f'{own_server.url}/api/hearings', headers={'Authorization': f'Bearer {token}'}).status_code == 401
    refused = sign_in(own_server, 'binh', 'cay-but-chi-dep')
    assert refused.status_code == 401 and refused.json()['error']['message'].startswith('Tài khoản đã bị vô hiệu hóa')
    assert cli(own_server, 'user', 'enable', 'binh').returncode == 0
    assert sign_in(own_server, 'binh', 'cay-but-chi-dep').status_code == 200
    missing = cli(own_server, 'user', 'disable', 'khong-co')
    assert missing.returncode == 1 and 'Không tìm thấy người dùng "khong-co"' in missing.stderr


@pytest.mark.parametrize('path', ['/login', '/api/health', '/api/hearings', '/static/courtroom/screen.js',
                                  '/join/khong-phai-ma-that-1234'])
def test_security_headers_on_every_kind_of_response(own_server: Server, path: str) -> None:
    response = httpx.get(own_server.url + path)
    policy = response.headers['Content-Security-Policy']
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert 'http:' not in policy and 'https:' not in policy and '*' not in policy  # no other origin
    assert response.headers['X-Content-Type-Options'] == 'nosniff'
    assert response.headers['Referrer-Policy'] == 'no-referrer'
    assert response.headers['X-Frame-Options'] == 'DENY'
    assert 'Strict-Transport-Security' not in response.headers  # plain HTTP: HSTS only over HTTPS
    scripts = policy.split('; ')[1]
    assert "'unsafe-inline'" not in scripts  # inline scripts run only with the page's nonce
    if response.headers['content-type'].startswith('text/html'):
        nonce = re.search(r"'nonce-([^']+)'", scripts).group(1)
        tags = re.findall(r'<script\b[^>]*>', response.text)
        assert tags and all(f'nonce="{nonce}"' in tag for tag in tags), tags


def test_join_and_screen_links_are_never_logged_whole(own_server: Server) -> None:
    assert redact('GET /join/AbCdEfGh12345678_-x HTTP/1.1') == 'GET /join/AbCd… HTTP/1.1'
    assert redact('/api/screens/ZyXw9876543210/pages/1/2') == '/api/screens/ZyXw…/pages/1/2'
    assert redact('/screen/QwErTy123456?x=1') == '/screen/QwEr…?x=1'
    assert redact('/api/hearings/12/screens') == '/api/hearings/12/screens'
    record = logging.LogRecord('uvicorn.access', logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ('127.0.0.1:5000', 'GET', '/join/AbCdEfGh12345678', '1.1', 200), None)
    RedactLinks().filter(record)
    assert 'AbCdEfGh12345678' not in record.getMessage() and '/join/AbCd…' in record.getMessage()
    written = io.StringIO()  # a page's own logger, below the root whose handlers carry the filter
    handler = logging.StreamHandler(written)
    logging.getLogger().addHandler(handler)
    try:
        install()
        logging.getLogger('presenter.pages.join').warning('opened /join/QwErTyUiOp123456')
    finally:
        logging.getLogger().removeHandler(handler)
    assert 'QwErTyUiOp123456' not in written.getvalue() and '/join/QwEr…' in written.getvalue()
    httpx.get(f'{own_server.url}/join/SecretJoinToken0987654321')
    assert 'SecretJoinToken0987654321' not in Path(own_server.log).read_text()
