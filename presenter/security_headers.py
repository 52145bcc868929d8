"""Security headers on every response, pages and API alike: a Content-Security-Policy that allows this origin only
(no script, style, image or connection from anywhere else; no <object>; the pages may not be framed), no MIME
sniffing, no Referer (a join or screen link is a secret in the address: it must not leave in a Referer header), and
HSTS when served over HTTPS.

Inline scripts run only with the page's nonce: each HTML page gets a new one, written into every <script> tag the
server sent (NiceGUI writes each page's start-up, with the page's data, as an inline script) and into the policy, so
a script tag that markup injection put into the page does not run. The policy keeps 'unsafe-eval': NiceGUI runs
``ui.run_javascript`` and Vue compiles its templates through it. Text from files and users is written as text
everywhere (never as HTML), which is the first guard; the nonce is the second."""

from __future__ import annotations

import re
import secrets

from starlette.types import ASGIApp, Message, Receive, Scope, Send


def policy(nonce: str | None = None) -> str:
    """The policy of a page whose inline scripts carry ``nonce``; without one, no inline script runs at all."""
    scripts = f"script-src 'self' 'nonce-{nonce}' 'unsafe-eval'" if nonce else "script-src 'self' 'unsafe-eval'"
    return '; '.join((
        "default-src 'self'",
        scripts,
        "style-src 'self' 'unsafe-inline'",  # Quasar and Vue set styles inline
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ))


HEADERS = [
    (b'x-content-type-options', b'nosniff'),
    (b'referrer-policy', b'no-referrer'),
    (b'x-frame-options', b'DENY'),
]
HSTS = (b'strict-transport-security', b'max-age=31536000')
CSP = b'content-security-policy'
# a script element as the HTML parser sees it: its opening tag, then everything up to its end tag (a script's text
# cannot hold "</script"), so that "<script" inside a script's own text is left alone
SCRIPT = re.compile(rb'<script\b([^>]*)>(.*?)</script\s*>', re.DOTALL | re.IGNORECASE)


def with_nonce(html: bytes, nonce: str) -> bytes:
    tag = f' nonce="{nonce}"'.encode()
    return SCRIPT.sub(lambda m: b'<script' + tag + m.group(1) + b'>' + m.group(2) + b'</script>', html)


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] != 'http':
            await self.app(scope, receive, send)
            return
        extra = HEADERS + ([HSTS] if scope.get('scheme') == 'https' else [])
        held: Message | None = None  # an HTML page's start, held until its body has its nonces
        body: list[bytes] = []

        def headers(start: Message, csp: str, length: int | None = None) -> list[tuple[bytes, bytes]]:
            present = [(n, v) for n, v in start.get('headers', [])
                       if not (length is not None and n.lower() == b'content-length')]
            names = {n.lower() for n, _ in present}
            added = [h for h in [(CSP, csp.encode()), *extra] if h[0] not in names]
            return present + added + ([(b'content-length', str(length).encode())] if length is not None else [])

        async def send_with_headers(message: Message) -> None:
            nonlocal held
            if message['type'] == 'http.response.start':
                named = {n.lower(): v for n, v in message.get('headers', [])}
                if named.get(b'content-type', b'').startswith(b'text/html') and b'content-encoding' not in named:
                    held = message
                    return
                message['headers'] = headers(message, policy())
            elif message['type'] == 'http.response.body' and held is not None:
                body.append(message.get('body', b''))
                if message.get('more_body', False):
                    return
                nonce = secrets.token_urlsafe(18)
                html = with_nonce(b''.join(body), nonce)
                held['headers'] = headers(held, policy(nonce), len(html))
                await send(held)
                message = {'type': 'http.response.body', 'body': html, 'more_body': False}
            await send(message)

        await self.app(scope, receive, send_with_headers)
