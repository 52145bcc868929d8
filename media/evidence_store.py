"""The evidence store: original files, content-addressed by SHA-256 at ``root/ab/abcdef…``. A blob is written
once, durably (fsync of the file and its folder), made read-only, and never overwritten."""

from __future__ import annotations

import logging
import os
import re
import threading
import uuid
from pathlib import Path

from .errors import Unprocessable
from .hashing import copy_sha256, file_sha256

logger = logging.getLogger(__name__)

_SHA = re.compile(r'^[0-9a-f]{64}$')


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class EvidenceStore:
    """Blobs under ``root``. ``lock`` serialises imports' put / add / discard sections within this process, so a
    failed import never discards a blob that a concurrent one has just come to rely on."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.lock = threading.RLock()

    def path(self, sha256: str) -> Path:
        if not _SHA.match(sha256):
            raise ValueError(f'bad sha256 "{sha256}"')
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def verify(self, sha256: str) -> bool:
        """Whether the blob exists and still hashes to its name."""
        path = self.path(sha256)
        return path.is_file() and file_sha256(path) == sha256

    def put(self, src: Path, sha256: str, *, name: str | None = None) -> bool:
        """Store ``src`` as ``sha256``; True if the blob is new, False if it was already there (left untouched).
        The bytes are hashed again on the way in; a mismatch raises ``evidence_hash_mismatch``."""
        dest = self.path(sha256)
        if dest.exists():
            return False
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.parent / f'.{sha256}.{uuid.uuid4().hex}.tmp'
        try:
            with src.open('rb') as fin, tmp.open('xb') as fout:
                digest = copy_sha256(fin, fout)
                fout.flush()
                os.fsync(fout.fileno())
            if digest != sha256:
                raise Unprocessable('evidence_hash_mismatch', file=name or src.name)
            os.chmod(tmp, 0o444)
            try:
                os.link(tmp, dest)  # atomic and, unlike os.replace, never replaces a blob that appeared meanwhile
            except FileExistsError:
                return False
            except OSError:  # a file system without hard links
                if dest.exists():
                    return False
                os.replace(tmp, dest)
            _fsync_dir(dest.parent)
            return True
        finally:
            tmp.unlink(missing_ok=True)

    def discard(self, sha256: str) -> None:
        """Remove a blob; only for rolling back blobs that a failed import added itself."""
        path = self.path(sha256)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        logger.info('discarded evidence blob %s', sha256)


__all__ = ['EvidenceStore']
