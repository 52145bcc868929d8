"""SHA-256 of evidence files, the one way media/ hashes a file: ``hashlib.file_digest`` (it reads in large blocks
without the GIL held), and a copy that hashes what it writes in the same pass."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    with path.open('rb') as f:
        return hashlib.file_digest(f, 'sha256').hexdigest()


def copy_sha256(source: BinaryIO, target: BinaryIO, on_chunk: Callable[[int], None] | None = None) -> str:
    """Copy ``source`` to ``target``, reading it once; its SHA-256. ``on_chunk`` sees each chunk's size before it is
    written, and may raise to stop the copy (a size limit)."""
    digest = hashlib.sha256()
    while chunk := source.read(CHUNK):
        if on_chunk is not None:
            on_chunk(len(chunk))
        digest.update(chunk)
        target.write(chunk)
    return digest.hexdigest()
