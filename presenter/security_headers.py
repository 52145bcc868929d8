"""Security headers on every response, pages and API alike: a Content-Security-Policy that allows this origin only
(no script, style, image or connection from anywhere else; no <object>; the pages may not be framed), no MIME
sniffing, no Referer (a join or screen link is a secret in the address: it must not leave in a Referer header), and
HSTS when served over HTTPS.

The policy keeps 'unsafe-inline' and 'unsafe-eval' for scripts: NiceGUI writes each page's start-up as an inline
script and runs ``ui.run_javascript`` and Vue's templates through eval, and has no nonces to give. What the
policy still stops is anything from another origin, the injected-markup attacks that need one (exfiltration to
another host, a script loaded from one, being framed), and plugins. Text from files and users is written as text
everywhere (never as HTML), which is the guard against inline injection."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

POLICY = '; '.join((
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
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
    (b'content-security-policy', POLICY.encode()),
    (b'x-content-type-options', b'nosniff'),
    (b'referrer-policy', b'no-referrer'),
    (b'x-frame-options', b'DENY'),
]
HSTS = (b'strict-transport-security', b'max-age=31536000')


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] != 'http':
            await self.app(scope, receive, send)
            return
        extra = HEADERS + ([HSTS] if scope.get('scheme') == 'https' else [])

        async def send_with_headers(message: Message) -> None:
            if message['type'] == 'http.response.start':
                names = {name.lower() for name, _ in message.get('headers', [])}
                message['headers'] = [*message.get('headers', []), *(h for h in extra if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)
