"""Join links and screen links are secrets in the address (whoever has one joins the hearing or sees its screen):
the server's access log writes only their first characters, enough to tell two apart, never the whole link."""

from __future__ import annotations

import logging
import re

_SECRET_PATH = re.compile(r'(/(?:api/)?(?:join|screens?)/)([A-Za-z0-9_-]{4})[A-Za-z0-9_-]+')


def redact(text: str) -> str:
    """"/join/AbCdEfGh…" → "/join/AbCd…"."""
    return _SECRET_PATH.sub(r'\1\2…', text)


class RedactLinks(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def install() -> None:
    """Before the server starts, after logging is configured: on uvicorn's loggers (their own handlers) and on the
    root's handlers, which every other logger's records reach (a filter on a logger sees only its own records, not
    those of ``presenter.pages.join`` below it)."""
    for name in ('uvicorn.access', 'uvicorn.error'):
        logging.getLogger(name).addFilter(RedactLinks())
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactLinks())
