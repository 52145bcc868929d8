"""Reading NiceGUI uploads through their public API from the importer's worker thread."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from nicegui.elements.upload_files import LargeFileUpload, SmallFileUpload

from presenter.pages.import_panel import UploadReader


async def test_an_upload_spooled_to_disk_is_read_in_chunks_from_a_worker_thread(tmp_path: Path) -> None:
    path = tmp_path / 'spooled'
    data = os.urandom(3 * (1 << 20) + 17)
    path.write_bytes(data)
    upload = LargeFileUpload('ho-so.pdf', 'application/pdf', path)
    loop = asyncio.get_running_loop()

    def read_all() -> bytes:
        with UploadReader(upload, loop) as reader:
            return b''.join(iter(lambda: reader.read(1 << 20), b''))

    assert await asyncio.to_thread(read_all) == data

    def read_some() -> bytes:  # a refused file is closed before its end
        with UploadReader(upload, loop) as reader:
            return reader.read(10)

    assert await asyncio.to_thread(read_some) == data[:10]


async def test_an_upload_in_memory_reads_whole() -> None:
    upload = SmallFileUpload('a.pdf', 'application/pdf', b'%PDF-1.7 tiny')
    loop = asyncio.get_running_loop()

    def read_all() -> bytes:
        with UploadReader(upload, loop) as reader:
            return reader.read()

    assert await asyncio.to_thread(read_all) == b'%PDF-1.7 tiny'
