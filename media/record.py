"""The hearing's record as one zip that verifies on any machine: the minutes (PDF, signed), the audit log, the
exhibit list with hashes, what was drawn on the pages (marks, treatments, redaction boxes and clips, as data: with
the audit log, enough to redraw what the screens showed at any moment), every recording segment with its manifest
(signed), the court's public key, and an index of every file's SHA-256 (signed). ``verify_record`` checks all of
it offline and names the first thing that fails."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from courtroom.audit import AuditEntry, verify_chain
from courtroom.exhibits import Exhibit
from courtroom.hearings import Hearing
from courtroom.minutes_form import MinutesForm
from courtroom.recordings import Segment
from courtroom.seal import PUBLIC, Seal, verify

from .hashing import file_sha256
from .minutes_pdf import form_pdf
from .pades import PadesSigner, pades_verify, sign_minutes
from .record_messages import RECORD_CHECKS

INDEX = 'record.json'
PADES_CERT = 'minutes-signing-cert.pem'
SIGNERS_CERTS = 'minutes-signers/'  # a person's certificate, by their signature field: minutes-signers/ChuKy_clerk.pem
SIGNED = ('record.json', 'minutes.pdf', 'recordings/manifest.json')


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_record(target: Path, *, hearing: Hearing, court: str, exhibits: Sequence[Exhibit],
                 entries: Sequence[AuditEntry], minutes: MinutesForm, segments: Sequence[Segment],
                 recordings_dir: Path, seal: Seal, pades: tuple[Path, Path] | None = None,
                 signed_by: Sequence[PadesSigner] = (),
                 presenting: dict[str, list[dict[str, Any]]] | None = None,
                 shown_maps: dict[str, bytes] | None = None) -> Path:
    """Write the record zip to ``target`` (through a temp file, so a failed export leaves nothing half-written).
    ``minutes``: the minutes in the court's form (courtroom.minutes_form), their times in the court's zone.
    ``shown_maps`` are the case map versions shown on the screens, ``maps/map-{id}-v{version}.json`` (the
    version's canonical JSON, whose SHA-256 the audit chain holds) and ``.pdf`` (drawn). ``signed_by``: the people
    whose own PAdES signatures the minutes carry (the presiding judge's, the clerk's), before the court's (``pades``).
    Blocking: call from a worker thread."""
    exported_at = datetime.now(UTC).isoformat(timespec='seconds')
    minutes_bytes = sign_minutes(form_pdf(minutes), signed_by, pades)  # the court's form (courtroom.minutes_form)
    files: dict[str, bytes | Path] = {
        'minutes.pdf': minutes_bytes,
        'audit.jsonl': ''.join(json.dumps({'hearing_id': e.hearing_id, 'seq': e.seq, 'at': e.at, 'actor': e.actor,
                                           'action': e.action, 'details': e.details, 'prev_hash': e.prev_hash,
                                           'hash': e.hash}, ensure_ascii=False, sort_keys=True) + '\n'
                               for e in entries).encode(),
        'exhibits.json': json.dumps([{'id': e.id, 'label': e.label, 'title': e.title, 'kind': e.kind.value,
                                      'sha256': e.sha256, 'source_name': e.source_name, 'page_count': e.page_count,
                                      'bl_first': e.bl_first, 'bl_last': e.bl_last, 'disclosure': e.disclosure.value,
                                      **({'playable_sha256': e.media['playable']['sha256']}
                                         if isinstance(e.media.get('playable'), dict) else {})}
                                     for e in exhibits], ensure_ascii=False, indent=1).encode(),
        'presenting.json': json.dumps(presenting or {}, ensure_ascii=False, indent=1, sort_keys=True).encode(),
    }
    manifest = []
    for s in segments:
        name = f'recordings/{s.path}'
        files[name] = recordings_dir / s.path
        manifest.append({**s.to_api(), 'file': name})
    files['recordings/manifest.json'] = json.dumps(manifest, indent=1).encode()
    files.update(shown_maps or {})
    if pades is not None:
        files[PADES_CERT] = pades[0].read_bytes()
    for person in signed_by:
        files[f'{SIGNERS_CERTS}{person.field}.pem'] = person.cert.read_bytes()
    hashes = {name: _sha256(data) if isinstance(data, bytes) else file_sha256(data) for name, data in files.items()}
    index = json.dumps({'hearing': {'id': hearing.id, 'case_number': hearing.case_number, 'title': hearing.title,
                                    'kind': hearing.kind},
                        'court': court, 'exported_at': exported_at, 'files': hashes}, ensure_ascii=False,
                       indent=1, sort_keys=True).encode()
    files[INDEX] = index
    signatures = {f'{name}.sig': seal.sign(data if isinstance(data, bytes) else Path(data).read_bytes()).encode()
                  for name, data in files.items() if name in SIGNED}
    tmp = target.with_name(f'.{target.name}.tmp')
    with zipfile.ZipFile(tmp, 'w', compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in {**files, **signatures, PUBLIC: seal.public_pem()}.items():
            if isinstance(data, Path):
                z.write(data, name, compress_type=zipfile.ZIP_STORED)  # video does not compress
            else:
                z.writestr(name, data)
    tmp.replace(target)
    return target


@dataclass(slots=True)
class Verdict:
    checks: list[tuple[str, bool, str]] = field(default_factory=list)  # (what, in English; held; detail)
    named: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # each check's RECORD_CHECKS key, params

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(held for _, held, _ in self.checks)

    @property
    def first_failure(self) -> tuple[str, str] | None:
        return next(((what, detail) for what, held, detail in self.checks if not held), None)

    def add(self, key: str, held: bool, detail: str = '', **params: Any) -> bool:
        self.checks.append((RECORD_CHECKS.t(key, 'en', **params), held, detail))
        self.named.append((key, params))
        return held

    def in_language(self, lang: str) -> list[tuple[str, bool, str]]:
        """The checks as :attr:`checks`, named in ``lang``."""
        return [(RECORD_CHECKS.t(key, lang, **params), held, detail)
                for (key, params), (_, held, detail) in zip(self.named, self.checks, strict=True)]

    def to_api(self) -> dict[str, Any]:
        failure = self.first_failure
        return {'valid': self.ok, 'checks': [{'check': w, 'ok': h, 'detail': d} for w, h, d in self.checks],
                'first_failure': {'check': failure[0], 'detail': failure[1]} if failure else None}


def verify_record(path: Path) -> Verdict:
    """Every hash, the audit chain and the signatures of an exported record, offline."""
    verdict = Verdict()
    try:
        z = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as e:
        verdict.add('zip', False, str(e))
        return verdict
    with z:
        names = set(z.namelist())
        missing = [n for n in (INDEX, f'{INDEX}.sig', PUBLIC) if n not in names]
        if not verdict.add('parts', not missing, ', '.join(missing)):
            return verdict
        public, index_bytes = z.read(PUBLIC), z.read(INDEX)
        verdict.add('signature', verify(public, index_bytes, z.read(f'{INDEX}.sig').decode()), name=INDEX)
        try:
            index = json.loads(index_bytes)
            listed: dict[str, str] = index['files']
        except (ValueError, KeyError) as e:
            verdict.add('index_readable', False, str(e))
            return verdict
        for name, expected in sorted(listed.items(), key=lambda kv: (kv[0] != 'audit.jsonl', kv[0])):
            if name not in names:
                verdict.add('present', False, 'missing from the record', name=name)
                continue
            actual = _sha256(z.read(name))
            detail = ''
            if actual != expected and name == 'audit.jsonl':
                detail = _chain_detail(z.read(name))
            verdict.add('hash', actual == expected, detail or (f'{actual} ≠ {expected}' if actual != expected else ''),
                        name=name)
        extra = sorted(names - set(listed) - {INDEX, PUBLIC} - {f'{n}.sig' for n in SIGNED})
        verdict.add('no_extra', not extra, ', '.join(extra))
        for name in SIGNED[1:]:
            if name in names and f'{name}.sig' in names:
                verdict.add('signature', verify(public, z.read(name), z.read(f'{name}.sig').decode()), name=name)
            else:
                verdict.add('signature', False, 'missing', name=name)
        if PADES_CERT in names and 'minutes.pdf' in names:
            held, detail = pades_verify(z.read('minutes.pdf'), z.read(PADES_CERT))
            verdict.add('pades', held, detail)
        for name in sorted(n for n in names if n.startswith(SIGNERS_CERTS) and n.endswith('.pem')):
            field = name.removeprefix(SIGNERS_CERTS).removesuffix('.pem')
            held, detail = pades_verify(z.read('minutes.pdf'), z.read(name), field) if 'minutes.pdf' in names \
                else (False, 'minutes.pdf missing')
            verdict.add('pades_person', held, detail, field=field)
        if 'audit.jsonl' in names:
            entries = _entries(z.read('audit.jsonl'))
            chain = verify_chain(entries)
            verdict.add('chain', chain.valid, '' if chain.valid else f'entry {chain.broken_seq} ({chain.reason})')
            maps = sorted(n for n in names if n.startswith('maps/') and n.endswith('.json'))
            if maps:  # each shown map version is the one the chain saved: its canonical JSON hashes to the entry's
                saved = {e.details.get('sha256') for e in entries if e.action in ('map_created', 'map_saved')}
                differ = [n for n in maps if _sha256(z.read(n)) not in saved]
                verdict.add('maps_match', not differ, ', '.join(differ))
            if 'recordings/manifest.json' in names:
                manifest = json.loads(z.read('recordings/manifest.json'))
                closed = {(e.details.get('source'), e.details.get('series'), e.details.get('seq')):
                          e.details.get('sha256') for e in entries if e.action == 'segment_closed'}
                in_manifest = {(m['source'], m['series'], m['seq']): m['sha256'] for m in manifest}
                lost = sorted(set(closed) - set(in_manifest), key=str)
                verdict.add('segments_all', not lost,
                            ', '.join(f'{s}/{series}/{seq:05d}' for s, series, seq in lost))
                differ = [k for k in in_manifest if closed.get(k) != in_manifest[k]]
                verdict.add('segments_match', not differ,
                            ', '.join(f'{s}/{series}/{seq:05d}' for s, series, seq in differ))
    return verdict


def _entries(data: bytes) -> list[AuditEntry]:
    out = []
    for line in data.decode(errors='replace').splitlines():
        try:
            r = json.loads(line)
            out.append(AuditEntry(hearing_id=r['hearing_id'], seq=r['seq'], at=r['at'], actor=r['actor'],
                                  action=r['action'], details=r['details'], prev_hash=r['prev_hash'], hash=r['hash']))
        except (ValueError, KeyError, TypeError):
            continue
    return out


def _chain_detail(data: bytes) -> str:
    chain = verify_chain(_entries(data))
    return f'entry {chain.broken_seq} breaks the chain ({chain.reason})' if not chain.valid else 'changed'
