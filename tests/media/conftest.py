"""Fixtures and file makers for the media tests: every file is generated in tmp_path."""

from __future__ import annotations

import struct
import wave
import zlib
from dataclasses import dataclass
from pathlib import Path

import av
import pymupdf
import pytest
from PIL import Image

from courtroom.exhibits import Exhibits
from courtroom.settings import Limits
from courtroom.store import Store
from media.bundle import import_bundle
from media.evidence_store import EvidenceStore


def make_pdf(path: Path, pages: int = 3, *, toc: list[list] | None = None, text: str = 'page') -> Path:
    doc = pymupdf.open()
    for i in range(pages):
        page = doc.new_page()
        page.insert_text((72, 72), f'{text} {i + 1}')
    if toc:
        doc.set_toc(toc)
    doc.save(path)
    doc.close()
    return path


def pdf_bytes(pages: int = 3) -> bytes:
    doc = pymupdf.open()
    for i in range(pages):
        doc.new_page().insert_text((72, 72), f'page {i + 1}')
    data = doc.tobytes()
    doc.close()
    return data


def make_image(path: Path, fmt: str, size: tuple[int, int] = (64, 48), frames: int = 1) -> Path:
    images = [Image.new('RGB', size, (40 * i % 255, 100, 200)) for i in range(frames)]
    if frames > 1:
        images[0].save(path, fmt, save_all=True, append_images=images[1:])
    else:
        images[0].save(path, fmt)
    return path


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims the given size, with one tiny IDAT: it must be refused before decoding."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    ihdr = struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', zlib.compress(b'\x00' * 16)) + \
        chunk(b'IEND', b'')


def make_wav(path: Path, seconds: float = 0.5) -> Path:
    with wave.open(str(path), 'wb') as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b'\x00\x10' * int(8000 * seconds))
    return path


def make_video(path: Path, frames: int = 10, codec: str = 'mpeg4') -> Path:
    with av.open(str(path), 'w') as container:
        stream = container.add_stream(codec, rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 48, 'yuv420p'
        for i in range(frames):
            frame = av.VideoFrame.from_image(Image.new('RGB', (64, 48), (i * 20 % 255, 80, 160)))
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def files_under(path: Path) -> list[Path]:
    return [p for p in path.rglob('*') if p.is_file()] if path.exists() else []


@dataclass
class Env:
    root: Path
    store: Store
    exhibits: Exhibits
    evidence: EvidenceStore
    hearing_id: int

    @property
    def cache_dir(self) -> Path:
        return self.root / 'cache'

    @property
    def tmp_dir(self) -> Path:
        return self.root / 'tmp'

    def run(self, paths: list[Path], *, limits: Limits | None = None, names: dict[Path, str] | None = None,
            progress=None):
        return import_bundle(paths, hearing_id=self.hearing_id, actor='clerk', exhibits=self.exhibits,
                             evidence=self.evidence, cache_dir=self.cache_dir, limits=limits or Limits(),
                             tmp_dir=self.tmp_dir, progress=progress, names=names)

    def rows(self, table: str) -> int:
        with self.store.read() as db:
            return db.execute(f'SELECT COUNT(*) FROM {table}').fetchone()[0]

    def assert_nothing_written(self) -> None:
        assert files_under(self.evidence.root) == []
        assert self.rows('exhibits') == 0
        assert self.rows('pages') == 0
        assert self.rows('audit') == 0
        assert files_under(self.cache_dir) == []
        assert list(self.tmp_dir.iterdir()) == [] if self.tmp_dir.exists() else True


@pytest.fixture
def env(tmp_path: Path) -> Env:
    root = tmp_path / 'data'
    store = Store(root / 'db.sqlite3')
    with store.transaction() as db:
        hearing_id = db.execute("INSERT INTO hearings (case_number, title, created_at) VALUES ('1','t','now')") \
            .lastrowid
    yield Env(root=root, store=store, exhibits=Exhibits(store), evidence=EvidenceStore(root / 'evidence'),
              hearing_id=hearing_id)
    store.close()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    path = tmp_path / 'in'
    path.mkdir()
    return path


__all__ = ['Env', 'files_under', 'make_image', 'make_pdf', 'make_video', 'make_wav', 'pdf_bytes',
           'png_claiming']
