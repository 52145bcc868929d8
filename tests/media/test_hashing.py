"""The one way media/ hashes a file, and the copy that hashes what it writes."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from media.hashing import CHUNK, copy_sha256, file_sha256

DATA = bytes(range(256)) * (CHUNK // 256 * 2 + 7)  # more than two chunks, and not a whole number of them


def test_file_sha256(tmp_path: Path) -> None:
    path = tmp_path / 'bút-lục.bin'
    path.write_bytes(DATA)
    assert file_sha256(path) == hashlib.sha256(DATA).hexdigest()
    (tmp_path / 'empty').write_bytes(b'')
    assert file_sha256(tmp_path / 'empty') == hashlib.sha256(b'').hexdigest()


def test_copy_sha256_copies_what_it_hashes() -> None:
    target, sizes = io.BytesIO(), []
    assert copy_sha256(io.BytesIO(DATA), target, sizes.append) == hashlib.sha256(DATA).hexdigest()
    assert target.getvalue() == DATA and sum(sizes) == len(DATA) and max(sizes) == CHUNK


def test_a_limit_stops_the_copy_before_the_chunk_is_written() -> None:
    def limit(size: int) -> None:
        raise ValueError('too large')

    target = io.BytesIO()
    with pytest.raises(ValueError):
        copy_sha256(io.BytesIO(DATA), target, limit)
    assert target.getvalue() == b''
