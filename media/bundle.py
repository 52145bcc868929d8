"""Bundle import: the one entry point the CLI, the REST API and the pages call.

``prepare_bundle`` does the heavy, pure-ish work inside a work folder (expand, sniff, hash, validate, extract text,
thumbnails) and writes nothing elsewhere; ``import_bundle`` then stores the blobs and the exhibits whole or not
at all, and fills the render cache with the thumbnails.

Order of exhibits: the manifest's when there is one; otherwise the paths in the order given, each folder's or
zip's files in natural name order (2 before 10). Without a manifest a PDF is split by its top-level bookmarks
(see pdf.bookmark_sections); with one, the manifest alone decides (a row without ``pages`` is the whole file).

A signed record (media.record's export of a hearing or an interrogation) is not expanded like other zips: it is
verified whole and becomes one exhibit whose pages are its minutes, the zip itself kept in the evidence store
(media.record_import)."""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import threading
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from courtroom.exhibits import Exhibit, ExhibitDraft, ExhibitKind, Exhibits
from courtroom.settings import Limits

from . import manifest as mf
from .archive import Budget, expand, is_skipped
from .av_probe import AvResult, probe
from .av_transcode import plays_in_chromium, transcode
from .errors import InvalidInput, TooLarge, Unprocessable
from .evidence_store import EvidenceStore
from .hashing import copy_sha256, file_sha256
from .images import ImageResult, process_image
from .pdf import Section, bookmark_sections, open_pdf, render_pages
from .record_import import is_record, verify_and_open
from .sniff import MIME, FileType, sniff

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
_WRITERS = 4


@dataclass(slots=True)
class PreparedBundle:
    drafts: list[ExhibitDraft]
    blobs: dict[str, Path]  # sha256 -> file in the work folder
    thumbnails: dict[tuple[str, int], bytes]  # (sha256, 1-based source page) -> JPEG 240 px wide


@dataclass(slots=True)
class _Item:
    """One evidence file of the bundle, copied or extracted into the work folder."""

    key: str  # what a manifest calls it: the path inside its folder or zip, or the file's own name
    source_name: str  # where it came from, for the record: "bundle.zip/scans/a.pdf"
    path: Path
    kind: FileType | None = None
    sha256: str = ''
    page_count: int = 0
    sections: list[Section] = field(default_factory=list)
    image: ImageResult | None = None
    av: AvResult | None = None
    repaired: bool = False  # MuPDF had to rebuild the PDF's cross-reference table (truncated or damaged file)
    title: str | None = None  # the exhibit's title when the file itself gives it (a record)
    provenance: dict[str, Any] | None = None  # a verified record's: see media.record_import
    record: Path | None = None  # the record zip, kept whole beside its minutes (``path``)
    playable: Path | None = None  # a recording's copy that Chromium plays (media.av_transcode), when it needs one


@dataclass(slots=True, frozen=True)
class _Plan:
    item: _Item
    first: int
    last: int
    title: str
    label: str | None = None
    party: str | None = None
    bl_first: int | None = None


def natural_key(name: str) -> tuple[str | int, ...]:
    return tuple(int(part) if i % 2 else part for i, part in enumerate(re.split(r'(\d+)', name.casefold())))


def _stem(name: str) -> str:
    return PurePosixPath(name).stem or name


class _Collector:
    """Walks the paths into items and at most one manifest, copying evidence into the work folder as it hashes."""

    def __init__(self, work_dir: Path, limits: Limits, names: dict[Path, str]) -> None:
        self.work_dir = work_dir
        self.limits = limits
        self.names = names
        self.budget = Budget(limits)
        self.items: list[_Item] = []
        self.manifest: tuple[str, bytes] | None = None
        self._n = 0

    def _slot(self) -> Path:
        self._n += 1
        return self.work_dir / f'{self._n:05d}'

    def add_manifest(self, name: str, read: Callable[[], bytes], size: int) -> None:
        if self.manifest is not None:
            raise InvalidInput('manifest_multiple', file=self.manifest[0], other=name)
        if size > mf.MAX_MANIFEST_BYTES:
            raise InvalidInput('manifest_broken', file=name, detail=f'larger than {mf.MAX_MANIFEST_BYTES} bytes')
        self.manifest = (name, read())

    def add_path(self, path: Path) -> None:
        display = unicodedata.normalize('NFC', self.names.get(path, path.name))
        if not os.path.lexists(path):
            raise InvalidInput('path_not_found', file=display)
        if path.is_dir():
            self._add_folder(path, display)
        elif mf.is_manifest(display):
            self.add_manifest(display, path.read_bytes, path.stat().st_size)
        else:
            self._add_file(path, key=display, source_name=display)

    def _add_folder(self, folder: Path, display: str) -> None:
        found: list[tuple[str, Path]] = []
        for dirpath, dirnames, filenames in os.walk(folder):
            base = Path(dirpath)
            for entry in [*dirnames, *filenames]:
                if (base / entry).is_symlink():
                    raise Unprocessable('symlink_refused', file=f'{display}/{(base / entry).relative_to(folder)}')
            dirnames[:] = [d for d in dirnames if not is_skipped(d)]
            for filename in filenames:
                rel = unicodedata.normalize('NFC', (base / filename).relative_to(folder).as_posix())
                if not is_skipped(rel):
                    found.append((rel, base / filename))
        for rel, path in sorted(found, key=lambda f: natural_key(f[0])):
            if '/' not in rel and mf.is_manifest(rel):
                self.add_manifest(f'{display}/{rel}', path.read_bytes, path.stat().st_size)
            else:
                self._add_file(path, key=rel, source_name=f'{display}/{rel}', in_container=True)

    def _add_file(self, path: Path, *, key: str, source_name: str, in_container: bool = False) -> None:
        size = path.stat().st_size
        if size == 0:
            raise Unprocessable('empty_file', file=source_name)
        kind = sniff(path, source_name)
        if kind is FileType.ZIP and is_record(path):
            self._add_record(path, key=key, source_name=source_name)
            return
        if kind is FileType.ZIP:
            if in_container:
                raise Unprocessable('zip_nested', file=source_name)
            self._add_zip(path, source_name)
            return
        if size > self.limits.max_file_bytes:
            raise TooLarge('file_too_large', file=source_name, size=size, max=self.limits.max_file_bytes)
        dest = self._slot()
        sha256 = self._copy(path, dest, source_name)
        self.items.append(_Item(key=key, source_name=source_name, path=dest, kind=kind, sha256=sha256))

    def _add_record(self, path: Path, *, key: str, source_name: str) -> None:
        """A signed record: copied whole, verified (refused naming the first failing check), its minutes the pages."""
        size = path.stat().st_size
        if size > self.limits.max_file_bytes:
            raise TooLarge('file_too_large', file=source_name, size=size, max=self.limits.max_file_bytes)
        copy = self._slot()
        record_sha256 = self._copy(path, copy, source_name)  # verified as copied: the file may change meanwhile
        folder = self._slot()
        folder.mkdir()
        verified = verify_and_open(copy, source_name, folder, self.limits)
        self.items.append(_Item(key=key, source_name=source_name, path=verified.minutes, kind=FileType.PDF,
                                sha256=file_sha256(verified.minutes), title=verified.title, record=copy,
                                provenance={**verified.provenance, 'record_sha256': record_sha256}))

    def _copy(self, src: Path, dest: Path, name: str) -> str:
        """Copy while hashing, counting real bytes against the limits (the file may grow while we read)."""
        written = 0

        def count(size: int) -> None:
            nonlocal written
            written += size
            if written > self.limits.max_file_bytes:
                raise TooLarge('file_too_large', file=name, size=written, max=self.limits.max_file_bytes)
            self.budget.take(size, name)

        with src.open('rb') as fin, dest.open('xb') as fout:
            return copy_sha256(fin, fout, count)

    def _add_zip(self, path: Path, zip_name: str) -> None:
        members = expand(path, zip_name, self._slot(), limits=self.limits, budget=self.budget)
        for rel, member in sorted(members, key=lambda m: natural_key(m[0])):
            source_name = f'{zip_name}/{rel}'
            if '/' not in rel and mf.is_manifest(rel):
                self.add_manifest(source_name, member.read_bytes, member.stat().st_size)
                continue
            if member.stat().st_size == 0:
                raise Unprocessable('empty_file', file=source_name)
            kind = sniff(member, source_name)
            if kind is FileType.ZIP:
                raise Unprocessable('zip_nested', file=zip_name)
            self.items.append(_Item(key=rel, source_name=source_name, path=member, kind=kind,
                                    sha256=file_sha256(member)))


def _inspect(item: _Item, limits: Limits, split: bool) -> None:
    """Open each file once to validate it and learn its pages; images and media are fully processed here."""
    if item.kind is FileType.PDF:
        doc = open_pdf(item.path, item.source_name)
        try:
            item.page_count = doc.page_count
            item.repaired = bool(doc.is_repaired)
            if item.provenance is not None:  # a record's minutes are one exhibit, whatever their bookmarks
                item.sections = [Section(1, doc.page_count, item.title)]
            else:
                item.sections = bookmark_sections(doc) if split else [Section(1, doc.page_count, None)]
        finally:
            doc.close()
    elif item.kind is FileType.AV:
        item.av = probe(item.path, item.source_name)
        if not plays_in_chromium(item.av):  # a playable copy beside the original, which stays the exhibit
            item.playable = item.path.with_name(f'{item.path.name}.playable.webm')
            made = transcode(item.path, item.playable, item.source_name)
            item.av.media['playable'] = {**made, 'sha256': file_sha256(item.playable),
                                         'bytes': item.playable.stat().st_size}
        item.page_count = 1
        item.sections = [Section(1, 1, None)]
    elif item.kind is not None:
        item.image = process_image(item.path, item.source_name, item.kind, limits)
        item.page_count = item.image.page_count
        item.sections = [Section(1, item.page_count, None)]


def _plans(items: list[_Item], manifest: mf.Manifest | None) -> list[_Plan]:
    if manifest is None:
        return [_Plan(item=i, first=s.first, last=s.last, title=s.title or _stem(i.key)) for i in items
                for s in i.sections]
    by_key: dict[str, _Item] = {}
    for item in items:
        key = mf.norm_name(item.key)
        if key in by_key:
            raise InvalidInput('duplicate_name', file=item.source_name)
        by_key[key] = item
    mf.check_files(manifest, list(by_key))
    plans = []
    for row in manifest.rows:
        item = by_key[row.file]
        first, last = mf.pages_of(row, item.page_count, manifest.name)
        plans.append(_Plan(item=item, first=first, last=last, title=row.title or item.title or _stem(item.key),
                           label=row.label,
                           party=row.party, bl_first=row.bl_first))
    return plans


def _kind(item: _Item) -> ExhibitKind:
    if item.kind is FileType.PDF:
        return ExhibitKind.DOCUMENT
    if item.av is not None:
        return item.av.kind
    return ExhibitKind.IMAGE


def prepare_bundle(paths: list[Path], *, limits: Limits, work_dir: Path, progress: Progress | None = None,
                   names: dict[Path, str] | None = None) -> PreparedBundle:
    """Everything an import needs, computed inside ``work_dir`` (nothing is written elsewhere). Raises a
    CourtroomError subclass on the first bad input; ``progress(done_pages, total_pages)`` as pages are done."""
    work_dir.mkdir(parents=True, exist_ok=True)
    collector = _Collector(work_dir, limits, {Path(k): v for k, v in (names or {}).items()})
    for path in paths:
        collector.add_path(Path(path))
    manifest = None if collector.manifest is None else mf.parse(collector.manifest[1], collector.manifest[0])
    items = collector.items
    if not items:
        raise InvalidInput('bundle_empty')
    pages_total = 0
    for item in items:
        _inspect(item, limits, split=manifest is None)
        pages_total += item.page_count
        if pages_total > limits.max_pages:
            raise TooLarge('too_many_pages', file=item.source_name, pages=pages_total, max=limits.max_pages)
    plans = _plans(items, manifest)

    wanted: dict[str, set[int]] = {}  # sha256 -> source pages any exhibit uses (identical files render once)
    first_item: dict[str, _Item] = {}
    for plan in plans:
        wanted.setdefault(plan.item.sha256, set()).update(range(plan.first, plan.last + 1))
        first_item.setdefault(plan.item.sha256, plan.item)
    total = sum(len(pages) for pages in wanted.values())
    done = 0
    thumbnails: dict[tuple[str, int], bytes] = {}
    texts: dict[tuple[str, int], str] = {}

    def page_done(sha256: str, number: int, text: str, jpeg: bytes) -> None:
        nonlocal done
        texts[(sha256, number)] = text
        thumbnails[(sha256, number)] = jpeg
        done += 1
        if progress:
            progress(done, total)

    if progress:
        progress(0, total)
    for sha256, item in first_item.items():
        pages = sorted(wanted[sha256])
        if item.kind is FileType.PDF:
            doc = open_pdf(item.path, item.source_name)
            try:
                render_pages(doc, item.source_name, pages,
                             lambda number, text, jpeg, sha256=sha256: page_done(sha256, number, text, jpeg))
            finally:
                doc.close()
        else:
            posters = item.image.thumbnails if item.image is not None else [item.av.poster] if item.av else []
            for number in pages:
                page_done(sha256, number, '', posters[number - 1])

    drafts = []
    for plan in plans:
        item = plan.item
        media = dict(item.av.media if item.av else item.image.media if item.image else {'mime': MIME[FileType.PDF]})
        if item.repaired:
            media['repaired'] = True
        if item.provenance is not None:
            media['provenance'] = item.provenance
        drafts.append(ExhibitDraft(
            title=plan.title, kind=_kind(item), sha256=item.sha256, source_name=item.source_name,
            page_texts=[texts[(item.sha256, n)] for n in range(plan.first, plan.last + 1)],
            first_source_page=plan.first, label=plan.label, party=plan.party, bl_first=plan.bl_first, media=media,
        ))
    blobs: dict[str, Path] = {}
    for item in items:
        blobs.setdefault(item.sha256, item.path)
        if item.record is not None and item.provenance is not None:
            blobs.setdefault(item.provenance['record_sha256'], item.record)
        if item.playable is not None and item.av is not None:
            blobs.setdefault(item.av.media['playable']['sha256'], item.playable)
    return PreparedBundle(drafts=drafts, blobs=blobs, thumbnails=thumbnails)


def thumbnail_path(cache_dir: Path, sha256: str, page: int) -> Path:
    """Where the renderer looks for a page's 240 px thumbnail."""
    return cache_dir / sha256[:2] / f'{sha256}-p{page}-w240.jpg'


def _write_thumbnail(cache_dir: Path, sha256: str, page: int, jpeg: bytes) -> None:
    target = thumbnail_path(cache_dir, sha256, page)
    tmp = target.with_name(f'.{target.name}.{os.getpid()}.{threading.get_ident()}.tmp')
    with open(tmp, 'wb') as f:
        f.write(jpeg)
    os.replace(tmp, target)  # a reader never sees half a thumbnail


def _write_thumbnails(cache_dir: Path, thumbnails: dict[tuple[str, int], bytes]) -> None:
    """Fill the render cache. It can always be rebuilt, so a failure is logged and never undoes the committed
    import. Written from a few threads: on a slow disk the file creations, not the bytes, are what cost."""
    try:
        for sha256 in {sha for sha, _ in thumbnails}:
            (cache_dir / sha256[:2]).mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(max_workers=_WRITERS) as pool:
            for future in [pool.submit(_write_thumbnail, cache_dir, sha, page, jpeg)
                           for (sha, page), jpeg in thumbnails.items()]:
                future.result()
    except OSError:
        logger.exception('could not write thumbnails to %s', cache_dir)


def import_bundle(paths: list[Path], *, hearing_id: int, actor: str, exhibits: Exhibits, evidence: EvidenceStore,
                  cache_dir: Path, limits: Limits, tmp_dir: Path, progress: Progress | None = None,
                  names: dict[Path, str] | None = None) -> list[Exhibit]:
    """Prepare, store the blobs, add the exhibits in one transaction; on any error nothing is left behind (blobs
    this import added are discarded). Then fill the render cache with the thumbnails."""
    tmp_dir.mkdir(parents=True, exist_ok=True)
    work_dir = Path(tempfile.mkdtemp(prefix='import-', dir=tmp_dir))
    try:
        prepared = prepare_bundle(paths, limits=limits, work_dir=work_dir, progress=progress, names=names)
        source = {d.sha256: d.source_name for d in prepared.drafts}
        source.update({d.media['provenance']['record_sha256']: d.source_name for d in prepared.drafts
                       if 'provenance' in d.media})
        with evidence.lock:
            added: list[str] = []
            try:
                for sha256, path in prepared.blobs.items():
                    if evidence.put(path, sha256, name=source.get(sha256)):
                        added.append(sha256)
                stored = exhibits.add_bundle(hearing_id, prepared.drafts, actor=actor)
            except BaseException:
                in_use = exhibits.sha256_in_use() if added else set()
                for sha256 in added:
                    if sha256 not in in_use:
                        evidence.discard(sha256)
                raise
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    _write_thumbnails(cache_dir, prepared.thumbnails)
    return stored
