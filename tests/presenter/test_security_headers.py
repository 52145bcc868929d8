"""The security headers' middleware on a small app of its own, over HTTP and HTTPS: the nonce given to a page's
own scripts and to nothing else, and HSTS only when served over HTTPS. (On the real server, pages and routes:
test_sign_in_api.py; in Chromium, that the pages work under the policy and an injected script does not run:
tests/e2e/test_security_headers.py.)"""

from __future__ import annotations

import re

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, JSONResponse, StreamingResponse
from starlette.routing import Route

from presenter.security_headers import SecurityHeaders, with_nonce

PAGE = ('<html><head><script src="/static/a.js"></script><script type="importmap">{"imports": {}}</script></head>'
        '<body><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
        '<SCRIPT>const markup = "<script>not a tag here</script" + ">";</SCRIPT></body></html>')


async def page(request):
    return HTMLResponse(PAGE)


async def streamed(request):
    async def parts():
        yield PAGE[:40].encode()
        yield PAGE[40:].encode()
    return StreamingResponse(parts(), media_type='text/html')


async def data(request):
    return JSONResponse({'html': PAGE})


APP = SecurityHeaders(Starlette(routes=[Route('/', page), Route('/streamed', streamed), Route('/data', data)]))


def nonce_of(policy: str) -> str:
    found = re.search(r"script-src 'self' 'nonce-([A-Za-z0-9_-]+)' 'unsafe-eval'", policy)
    assert found, policy
    return found.group(1)


@pytest.mark.parametrize('path', ['/', '/streamed'])
async def test_every_script_the_page_was_sent_with_and_only_those_carry_its_nonce(path: str) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=APP), base_url='http://court.test') as client:
        first, second = await client.get(path), await client.get(path)
    nonce = nonce_of(first.headers['content-security-policy'])
    assert nonce != nonce_of(second.headers['content-security-policy'])  # a new one for every page
    assert "'unsafe-inline'" not in first.headers['content-security-policy'].split('; ')[1]
    assert first.text.count(f'<script nonce="{nonce}"') == 3  # the three script elements, whatever their case
    assert '&lt;script&gt;' in first.text  # text that reads as a tag is not one
    assert '"<script>not a tag here</script" + ">"' in first.text  # a script's own text is left as it was
    assert int(first.headers['content-length']) == len(first.content)
    assert 'strict-transport-security' not in first.headers


async def test_hsts_only_over_https_and_no_inline_script_but_in_pages() -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=APP), base_url='https://court.test') as client:
        html, json = await client.get('/'), await client.get('/data')
    for response in (html, json):
        assert response.headers['strict-transport-security'] == 'max-age=31536000'
        assert response.headers['x-content-type-options'] == 'nosniff'
    assert "script-src 'self' 'unsafe-eval';" in json.headers['content-security-policy']  # no nonce: nothing inline
    assert json.json() == {'html': PAGE}  # only HTML pages are touched


def test_with_nonce_leaves_what_is_not_a_script_element() -> None:
    assert with_nonce(b'<scripted>x</scripted><p>a</p>', 'n') == b'<scripted>x</scripted><p>a</p>'
    assert with_nonce(b'<script async>x</script >', 'n') == b'<script nonce="n" async>x</script>'
