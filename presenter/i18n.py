"""Languages at the edge: picking the caller's language and translating every package's errors into it. The
pages' own texts are presenter.texts; terms from GLOSSARY.md."""

from __future__ import annotations

import logging

from courtroom.errors import CourtroomError
from courtroom.i18n import LANGS, Catalogue, Lang
from courtroom.messages import DOMAIN_ERRORS
from media.messages import IMPORT_ERRORS
from media.render_messages import RENDER_ERRORS

__all__ = ['ERRORS', 'LANGS', 'Lang', 'error_message', 'pick_lang']

logger = logging.getLogger(__name__)

ERRORS: Catalogue = DOMAIN_ERRORS | IMPORT_ERRORS | RENDER_ERRORS


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
    """The error in ``lang``. Its code and params come with the error at run time, so a code without a text or a
    text without its params (both of which tests/test_i18n.py looks for) is logged, not a failed answer."""
    entry = ERRORS.get(error.code)
    if entry is None:
        logger.warning('no message for error code %s', error.code)
        return error.code
    try:
        return ERRORS.t(error.code, lang, **error.params)
    except (KeyError, IndexError):
        logger.warning('message %s lacks a parameter: %s', error.code, error.params)
        return entry.forms[0 if lang == 'vi' else -1]
