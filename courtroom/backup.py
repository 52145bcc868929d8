"""Backups of a data folder, taken while the server runs and a hearing goes on, and their restore.

A backup folder holds ``courtroom.sqlite3`` (a consistent copy made with SQLite's online backup API), ``files/``
(the evidence, recordings, signing keys, kept ID stills and the server's secret, as they are in the data folder) and
``manifest.json`` with every file's SHA-256, written last: a backup without its manifest is not one. The database
is copied first, so every file it names (evidence by hash, closed recording segments) exists by then and is copied
after; a file written since is extra and harmless. Backups are incremental: a file already in the backup with the
same SHA-256 is not copied again; one gone from the data folder leaves the backup after the new manifest is written.
The cache and tmp/ are not kept (the cache is made again from the evidence; tmp/ is work in progress).

``check`` verifies a backup without restoring it (every hash, and SQLite's integrity check); ``restore`` refuses a
data folder that is not empty, checks everything first, builds the folder beside its target and renames it into
place, so a failed restore leaves nothing."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .errors import Conflict, InvalidInput
from .seal import PRIVATE

KEPT = ('evidence', 'recordings', 'keys', 'identity', 'secret.key')  # in the data folder, what a backup keeps
DATABASE = 'courtroom.sqlite3'
MANIFEST = 'manifest.json'
FILES = 'files'
CHUNK = 1 << 20


@dataclass(slots=True, frozen=True)
class BackupReport:
    files: int  # in the backup
    copied: int  # copied this time (the others were there with the same hash)
    removed: int  # gone from the data folder, so from the backup
    bytes_copied: int


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open('rb') as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _kept_files(data_dir: Path) -> list[Path]:
    """The files a backup keeps, relative to the data folder, in a stable order."""
    out: list[Path] = []
    for name in KEPT:
        top = data_dir / name
        if top.is_file():
            out.append(Path(name))
        elif top.is_dir():
            out += sorted(p.relative_to(data_dir) for p in top.rglob('*') if p.is_file() and not p.is_symlink())
    return out


def _manifest(folder: Path) -> dict[str, str]:
    try:
        return dict(json.loads((folder / MANIFEST).read_text())['files'])
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _copy(source: Path, target: Path) -> str:
    """``source`` copied to ``target`` through a temporary file beside it; the copy's SHA-256."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + '.part')
    shutil.copyfile(source, part)
    digest = sha256_of(part)
    os.replace(part, target)
    return digest


def backup(data_dir: Path, dest: Path) -> BackupReport:
    """Back ``data_dir`` up into ``dest`` (made if missing, or a backup made before: then incremental)."""
    if not (data_dir / DATABASE).is_file():
        raise InvalidInput('backup_no_data', folder=str(data_dir))
    if dest.exists() and any(dest.iterdir()) and not (dest / MANIFEST).is_file():
        raise Conflict('backup_not_a_backup', folder=str(dest))
    dest.mkdir(parents=True, exist_ok=True)
    before = _manifest(dest)
    part = dest / (DATABASE + '.part')
    with sqlite3.connect(data_dir / DATABASE) as source, sqlite3.connect(part) as copy:
        source.backup(copy)  # a consistent snapshot, while the server goes on writing
    source.close()
    copy.close()
    files: dict[str, str] = {DATABASE: sha256_of(part)}
    os.replace(part, dest / DATABASE)
    copied = size = 0
    for rel in _kept_files(data_dir):
        key, target = rel.as_posix(), dest / FILES / rel
        digest = sha256_of(data_dir / rel)
        if before.get(key) == digest and target.is_file() and sha256_of(target) == digest:
            files[key] = digest
            continue
        files[key] = _copy(data_dir / rel, target)
        copied += 1
        size += target.stat().st_size
    manifest = {'format': 1, 'created_at': datetime.now(UTC).isoformat(timespec='seconds'),
                'data_dir': str(data_dir.resolve()), 'files': files}
    (dest / (MANIFEST + '.part')).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    os.replace(dest / (MANIFEST + '.part'), dest / MANIFEST)
    removed = 0
    for key in sorted(set(before) - set(files)):  # gone from the data folder: after the manifest that no longer has it
        (dest / FILES / key).unlink(missing_ok=True)
        removed += 1
    return BackupReport(files=len(files), copied=copied, removed=removed, bytes_copied=size)


def check(folder: Path) -> list[str]:
    """What is wrong with the backup in ``folder`` (nothing: it restores): missing or changed files, a database
    SQLite finds damaged."""
    files = _manifest(folder)
    if not files or DATABASE not in files:
        return [f'{MANIFEST}: missing or unreadable']
    problems = []
    for key, digest in sorted(files.items()):
        path = folder / DATABASE if key == DATABASE else folder / FILES / key
        if not path.is_file():
            problems.append(f'{key}: missing')
        elif sha256_of(path) != digest:
            problems.append(f'{key}: SHA-256 differs from the manifest')
    if not problems:
        with sqlite3.connect(f'file:{folder / DATABASE}?mode=ro', uri=True) as db:
            verdict = db.execute('PRAGMA integrity_check').fetchone()[0]
        if verdict != 'ok':
            problems.append(f'{DATABASE}: {verdict}')
    return problems


def restore(folder: Path, data_dir: Path) -> int:
    """The backup in ``folder`` restored as ``data_dir``, which must not exist or be empty; checked first, built
    beside it and renamed into place. The number of files restored."""
    if data_dir.exists() and any(data_dir.iterdir()):
        raise Conflict('restore_not_empty', folder=str(data_dir))
    problems = check(folder)
    if problems:
        raise InvalidInput('backup_damaged', problem=problems[0], count=len(problems))
    files = _manifest(folder)
    building = data_dir.with_name(data_dir.name + '.restoring')
    shutil.rmtree(building, ignore_errors=True)
    try:
        for key, digest in files.items():
            source = folder / DATABASE if key == DATABASE else folder / FILES / key
            if _copy(source, building / key) != digest:
                raise InvalidInput('backup_damaged', problem=f'{key}: changed while restoring', count=1)
        for secret in (building / 'keys' / PRIVATE, building / 'secret.key'):  # readable by their owner only
            if secret.is_file():
                secret.chmod(0o600)
        if data_dir.exists():
            data_dir.rmdir()  # empty: checked above
        os.replace(building, data_dir)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return len(files)
