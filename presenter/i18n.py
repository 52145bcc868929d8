"""Languages at the edge: picking the caller's language, formatting error messages from every package's
catalogue, and the pages' own texts. Vietnamese first, English on request; terms from GLOSSARY.md."""

from __future__ import annotations

import logging
from typing import Literal

from courtroom import messages as domain_messages
from courtroom.errors import CourtroomError

logger = logging.getLogger(__name__)

Lang = Literal['vi', 'en']
LANGS: tuple[Lang, ...] = ('vi', 'en')


def _catalogues() -> dict[str, tuple[str, str]]:
    merged = dict(domain_messages.MESSAGES)
    for module in ('media.messages', 'media.render_messages'):
        try:
            merged.update(__import__(module, fromlist=['MESSAGES']).MESSAGES)
        except ImportError:
            pass
    return merged


ERRORS = _catalogues()


def pick_lang(accept_language: str | None) -> Lang:
    """Vietnamese unless the caller prefers English (``Accept-Language: en``, ``en-US,en;q=0.9``...)."""
    best: tuple[float, Lang] = (0.0, 'vi')
    for part in (accept_language or '').split(','):
        tag, _, q = part.strip().partition(';q=')
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            continue
        lang = tag.strip().lower()[:2]
        if lang in LANGS and weight > best[0]:
            best = (weight, lang)  # type: ignore[assignment]
    return best[1]


def error_message(error: CourtroomError, lang: Lang) -> str:
    return format_message(error.code, lang, **error.params)


def format_message(code: str, lang: Lang, **params: object) -> str:
    texts = ERRORS.get(code)
    if texts is None:
        logger.warning('no message for error code %s', code)
        return code
    template = texts[LANGS.index(lang)]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        logger.warning('message %s lacks a parameter: %s', code, params)
        return template
