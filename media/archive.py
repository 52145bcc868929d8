"""Safe zip expansion into a work folder. Every member is checked from the central directory first (paths,
symlinks, encryption, count, declared sizes and ratios), then real bytes are counted while extracting, so a zip
that lies about its sizes still cannot fill the disk."""

from __future__ import annotations

import stat
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from courtroom.settings import Limits

from .errors import TooLarge, Unprocessable

_CHUNK = 1 << 20
# Below this size a high ratio is normal (a page of blank text compresses 1000:1); above it, it means a bomb.
_RATIO_FLOOR = 1 << 20


@dataclass(slots=True)
class Budget:
    """Bytes the whole bundle may still take on disk; shared by loose files and every zip."""

    limits: Limits
    used: int = 0

    def take(self, n: int, name: str) -> None:
        self.used += n
        if self.used > self.limits.max_bundle_bytes:
            raise TooLarge('bundle_too_large', file=name, max=self.limits.max_bundle_bytes)


def is_skipped(rel: str) -> bool:
    """Operating-system litter that is not evidence: macOS resource forks, hidden files."""
    parts = PurePosixPath(rel).parts
    return any(p.startswith('.') or p == '__MACOSX' for p in parts) or parts[-1].lower() in ('thumbs.db',
                                                                                              'desktop.ini')


def safe_member_name(raw: str, zip_name: str) -> str:
    """The member's path, normalised to NFC with forward slashes; refuses absolute paths and ``..``."""
    name = unicodedata.normalize('NFC', raw.replace('\\', '/'))
    parts = [p for p in name.split('/') if p not in ('', '.')]
    if name.startswith('/') or (len(name) > 1 and name[1] == ':') or '..' in parts or not parts or '\x00' in name:
        raise Unprocessable('zip_unsafe_path', file=zip_name, member=raw)
    return '/'.join(parts)


def expand(zip_path: Path, zip_name: str, dest: Path, *, limits: Limits, budget: Budget) -> list[tuple[str, Path]]:
    """Extract the zip's files into ``dest`` (which must not exist yet) and return (member name, path) pairs,
    directories and litter left out. Refuses on the first unsafe, encrypted or oversized member."""
    try:
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise Unprocessable('zip_broken', file=zip_name) from e
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_zip_members:
            raise TooLarge('zip_too_many_members', file=zip_name, count=len(infos), max=limits.max_zip_members)
        plan = _plan(infos, zip_name, limits)
        dest.mkdir(parents=True)
        root = dest.resolve()
        out: list[tuple[str, Path]] = []
        for info, rel in plan:
            target = (dest / rel)
            if not target.resolve().is_relative_to(root):  # belt and braces after safe_member_name
                raise Unprocessable('zip_unsafe_path', file=zip_name, member=info.filename)
            target.parent.mkdir(parents=True, exist_ok=True)
            _extract(zf, info, target, zip_name, limits, budget)
            out.append((rel, target))
    return out


def _plan(infos: list[zipfile.ZipInfo], zip_name: str, limits: Limits) -> list[tuple[zipfile.ZipInfo, str]]:
    plan = []
    seen: set[str] = set()
    declared = 0
    for info in infos:
        rel = safe_member_name(info.filename, zip_name)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise Unprocessable('zip_symlink', file=zip_name, member=info.filename)
        if info.is_dir() or is_skipped(rel):
            continue
        if info.flag_bits & 0x1:
            raise Unprocessable('zip_encrypted', file=zip_name, member=info.filename)
        key = rel.casefold()
        if key in seen:
            raise Unprocessable('zip_duplicate_member', file=zip_name, member=info.filename)
        seen.add(key)
        if info.file_size > limits.max_file_bytes:
            raise TooLarge('file_too_large', file=f'{zip_name}/{rel}', size=info.file_size, max=limits.max_file_bytes)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > limits.max_zip_ratio:
            raise TooLarge('zip_bomb', file=zip_name, member=rel, ratio=round(ratio), max=limits.max_zip_ratio)
        declared += info.file_size
        if declared > limits.max_bundle_bytes:
            raise TooLarge('bundle_too_large', file=zip_name, max=limits.max_bundle_bytes)
        plan.append((info, rel))
    return plan


def _extract(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, zip_name: str, limits: Limits,
             budget: Budget) -> None:
    written = 0
    try:
        with zf.open(info) as src, target.open('xb') as dst:
            while chunk := src.read(_CHUNK):
                written += len(chunk)
                # the declared size was checked; a member that produces more than it declared is lying
                if written > info.file_size or written > limits.max_file_bytes:
                    raise TooLarge('zip_bomb', file=zip_name, member=info.filename,
                                   ratio=round(written / max(info.compress_size, 1)), max=limits.max_zip_ratio)
                budget.take(len(chunk), zip_name)
                dst.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as e:
        raise Unprocessable('zip_broken', file=zip_name) from e
    except OSError as e:
        if e.errno is not None:  # a real disk error (ENOSPC, EACCES) is ours, not the zip's
            raise
        raise Unprocessable('zip_broken', file=zip_name) from e  # bz2/lzma report bad data as a bare OSError
