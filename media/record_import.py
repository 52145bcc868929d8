"""A signed hearing or interrogation record (media.record's zip) imported into another hearing's bundle as one
exhibit. It is never expanded like an ordinary zip: it is verified whole (every hash, the audit chain, the
signatures) and refused, naming the first check that fails, or kept whole in the evidence store; the exhibit's
pages are its minutes PDF, and its provenance (where it comes from, what was verified) goes in the exhibit's
media."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from courtroom.seal import PUBLIC
from courtroom.settings import Limits

from .archive import _plan
from .errors import Unprocessable
from .hashing import file_sha256
from .record import INDEX, verify_record

MINUTES = 'minutes.pdf'
MANIFEST = 'recordings/manifest.json'
MARKERS = (INDEX, f'{INDEX}.sig', PUBLIC)  # at the zip's root, these make it a record
TITLE = 'Biên bản và ghi hình: {title}'  # the exhibit's title is data, kept in the court's language


def is_record(path: Path) -> bool:
    """Whether the zip at ``path`` is an exported record (its index, the index's signature and the court's public
    key at its root). A zip that cannot be read is not one (the ordinary importer then says why)."""
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    return all(marker in names for marker in MARKERS)


@dataclass(slots=True, frozen=True)
class VerifiedRecord:
    minutes: Path  # the minutes PDF, extracted into the work folder
    title: str  # the exhibit's title
    provenance: dict[str, Any]


def recorded_seconds(manifest: list[dict[str, Any]]) -> float:
    """How long was recorded: the union of every segment's interval across sources (two sources recording the same
    ten seconds make ten seconds, a gap between series is not counted)."""
    spans = sorted((float(m['started_at']), float(m['ended_at'])) for m in manifest)
    total, end = 0.0, float('-inf')
    for start, stop in spans:
        if stop <= end:
            continue
        total += stop - max(start, end)
        end = stop
    return round(total, 1)


def _gaps(audit: bytes) -> int:
    count = 0
    for line in audit.decode(errors='replace').splitlines():
        try:
            count += json.loads(line).get('action') == 'recording_gap'
        except (ValueError, AttributeError):
            continue
    return count


def verify_and_open(path: Path, source_name: str, work_dir: Path, limits: Limits) -> VerifiedRecord:
    """Verify the record at ``path`` (a copy in the work folder) and extract its minutes into ``work_dir``.
    Refuses with ``record_invalid`` (check, detail) on the first check that fails."""
    try:
        with zipfile.ZipFile(path) as z:
            _plan(z.infolist(), source_name, limits)  # sizes, ratios, paths: before anything is read
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise Unprocessable('zip_broken', file=source_name) from e
    verdict = verify_record(path)
    if not verdict.ok:
        check, detail = verdict.first_failure or ('record', '')
        raise Unprocessable('record_invalid', file=source_name, check=check, detail=detail or '—')
    with zipfile.ZipFile(path) as z:
        index = json.loads(z.read(INDEX))
        public = z.read(PUBLIC)
        minutes = z.read(MINUTES) if MINUTES in z.namelist() else None
        manifest = json.loads(z.read(MANIFEST)) if MANIFEST in z.namelist() else []
        audit = z.read('audit.jsonl') if 'audit.jsonl' in z.namelist() else b''
    if minutes is None:  # verified, yet nothing to show: a record always has its minutes
        raise Unprocessable('record_invalid', file=source_name, check=f'{MINUTES} present',
                            detail='missing from the record')
    target = work_dir / 'minutes.pdf'
    target.write_bytes(minutes)
    hearing = index.get('hearing') or {}
    title = str(hearing.get('title') or source_name)
    provenance = {
        'type': 'record',
        'record_sha256': file_sha256(path),
        'source_name': source_name,
        'case_number': hearing.get('case_number'),
        'title': title,
        'kind': hearing.get('kind', 'hearing'),
        'court': index.get('court'),
        'exported_at': index.get('exported_at'),
        'segments': len(manifest),
        'sources': len({m.get('source') for m in manifest}),
        'duration_s': recorded_seconds(manifest),
        'gaps': _gaps(audit),
        'public_key_sha256': hashlib.sha256(public).hexdigest(),
        'verified_at': datetime.now(UTC).isoformat(timespec='seconds'),
        'checks': sum(1 for _, held, _ in verdict.checks if held),
    }
    return VerifiedRecord(minutes=target, title=TITLE.format(title=title), provenance=provenance)
