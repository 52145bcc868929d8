"""Bút lục (BL) numbers as people type them. "BL 125", "bl125", "BL. 7", "bút lục 125" (or "but luc 125") name a
page of the case file wherever they are typed; in a "go to BL" field a bare "125" does too, while the search box
searches a bare number as text."""

from __future__ import annotations

import re
import unicodedata

MAX_DIGITS = 7  # BL numbers run to the millions at most; a longer number is not one
_REFERENCE = re.compile(rf'^\s*(?:bl|bút lục|but luc)\s*\.?\s*(\d{{1,{MAX_DIGITS}}})\s*$', re.IGNORECASE)
_BARE = re.compile(rf'^\s*(\d{{1,{MAX_DIGITS}}})\s*$')


def bl_reference(text: str) -> int | None:
    """The number in "BL 125", "bl125", "bút lục 125"; None when ``text`` is not a BL reference."""
    match = _REFERENCE.match(unicodedata.normalize('NFC', text))  # "bút lục" typed as decomposed letters too
    return int(match.group(1)) if match else None


def parse_bl(text: str) -> int | None:
    """The BL number typed in a "go to BL" field: a reference or a bare number ("125"); None for anything else."""
    match = _BARE.match(text)
    return int(match.group(1)) if match else bl_reference(text)
