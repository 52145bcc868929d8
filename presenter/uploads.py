"""Importing uploaded files (from the API's multipart form or the clerk's upload widget) as one evidence bundle."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from courtroom.errors import TooLarge
from courtroom.exhibits import Exhibit
from media import bundle

from .services import Services


def import_uploads(services: Services, hearing_id: int, actor: str, uploads: list[tuple[str, BinaryIO]],
                   progress: Callable[[int, int], None] | None = None) -> list[Exhibit]:
    """Copy uploaded files into a private temp folder (refusing any over the size limit while copying, so the
    disk never fills), then import them as one bundle. Blocking: call from a worker thread."""
    limits = services.settings.limits
    services.settings.tmp_dir.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix='upload-', dir=services.settings.tmp_dir))
    try:
        paths, names = [], {}
        total = 0
        for index, (name, stream) in enumerate(uploads):
            target = folder / f'{index:04d}'
            written = 0
            with target.open('wb') as out:
                while chunk := stream.read(1 << 20):
                    written += len(chunk)
                    total += len(chunk)
                    if written > limits.max_file_bytes:
                        raise TooLarge('file_too_large', file=name, size=f'> {limits.max_file_bytes}',
                                       max=limits.max_file_bytes)
                    if total > limits.max_bundle_bytes:
                        raise TooLarge('bundle_too_large', file=name, max=limits.max_bundle_bytes)
                    out.write(chunk)
            paths.append(target)
            names[target] = Path(name).name
        return bundle.import_bundle(paths, hearing_id=hearing_id, actor=actor, exhibits=services.exhibits,
                                    evidence=services.evidence, cache_dir=services.settings.cache_dir,
                                    limits=limits, tmp_dir=services.settings.tmp_dir, progress=progress, names=names)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
