"""The fast path for the hottest request of a hearing: every screen fetching the page just published, all at once.

A publish sends dozens of screens and followers to ``GET /api/screens/{token}/pages/{exhibit}/{page}`` in the
same instant. Through FastAPI, its thread pool and the database lock that costs about 4 ms each, so the last of
62 screens waited a quarter of a second. This ASGI middleware answers the request from memory when it can: the
screen's view (in memory), the exhibit's file identity (immutable, remembered), the page's redactions (when at
hand in memory) and the rendered page as the screen's audience may see it (the render cache, its latest files kept
in memory; a redacted rendering's name carries the page's redaction key, so a new box is never answered from an
older file). It authorises exactly as the route does (``may_fetch``); anything it
cannot answer at once (a page not rendered yet, an unknown token, a bad width) goes on to the route unchanged."""

from __future__ import annotations

import re
from collections import OrderedDict
from pathlib import Path
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Receive, Scope, Send

from courtroom.errors import CourtroomError
from courtroom.visibility import may_fetch
from media import redact

from .page_images import burn_for
from .services import Services

_PATH = re.compile(r'^/api/screens/([A-Za-z0-9_-]{16,64})/pages/(\d{1,9})/(\d{1,6})$')
_KEEP = 48  # rendered pages kept in memory: a hearing's screens and followers show one page at a time


class ScreenImages:
    def __init__(self, app: ASGIApp, services: Services) -> None:
        self.app = app
        self.services = services
        self._files: OrderedDict[Path, bytes] = OrderedDict()
        self._sources: dict[int, tuple[str, int]] = {}  # exhibit id → (sha256, first source page): never changes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] == 'http' and scope['method'] == 'GET' and (match := _PATH.match(scope['path'])):
            body = self._answer(match, scope)
            if body is not None:
                await send({'type': 'http.response.start', 'status': 200, 'headers': [
                    (b'content-type', b'image/jpeg'), (b'content-length', str(len(body)).encode()),
                    (b'cache-control', b'no-store')]})
                await send({'type': 'http.response.body', 'body': body})
                return
        await self.app(scope, receive, send)

    def _answer(self, match: re.Match[str], scope: Scope) -> bytes | None:
        token, exhibit_id, page = match.group(1), int(match.group(2)), int(match.group(3))
        try:
            width = int(parse_qs(scope.get('query_string', b'').decode()).get('width', ['1920'])[0])
            screen = self.services.screens.by_token(token)
            if not may_fetch(self.services.presentation.view(screen.hearing_id, screen.audience), exhibit_id, page):
                return None  # the route answers 404, the same as for a page that does not exist
            if exhibit_id not in self._sources:
                exhibit = self.services.exhibits.get(exhibit_id)
                self._sources[exhibit_id] = (exhibit.sha256, exhibit.first_source_page)
            sha256, first = self._sources[exhibit_id]
            redactions = self.services.redactions.known_page(exhibit_id, page)
            if redactions is None:
                return None  # the route reads them
            path = redact.cached_path(self.services.settings.cache_dir, sha256=sha256, source_page=first + page - 1,
                                      width=width, key=redactions.key, burn=burn_for(screen.audience))
        except (CourtroomError, ValueError):
            return None
        if path is None:
            return None
        self.services.screens.note_width(screen.hearing_id, width)
        body = self._files.get(path)
        if body is None:
            body = path.read_bytes()
            self._files[path] = body
            if len(self._files) > _KEEP:
                self._files.popitem(last=False)
        else:
            self._files.move_to_end(path)
        return body
