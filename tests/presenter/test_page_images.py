"""Pages are rendered in child processes (presenter.page_images): PyMuPDF keeps Python's GIL while it draws, so in a
thread of the web process it held the server's event loop. The file, the errors and a pool whose child was killed."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from PIL import Image

from courtroom.errors import NotFound
from media.redact import Burn
from presenter import page_images
from tests.conftest import make_pdf


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / 'ho-so.pdf'
    path.write_bytes(make_pdf(['Trang một', 'Trang hai']))
    return path


def page(source: Path, cache: Path, number: int) -> Path:
    return page_images.render(source, sha256='a' * 64, kind='document', source_page=number, width=480,
                              cache_dir=cache, boxes=(), key='', burn=Burn.NONE)


def test_a_page_is_drawn_by_a_child_process_and_its_errors_come_back_whole(source: Path, tmp_path: Path) -> None:
    drawn = page(source, tmp_path / 'cache', 2)
    with Image.open(drawn) as image:
        assert image.format == 'JPEG' and image.width == 480
    children = page_images._renderers()._processes  # type: ignore[attr-defined]
    assert children and os.getpid() not in children
    with pytest.raises(NotFound) as missing:
        page(source, tmp_path / 'cache', 9)
    assert missing.value.code == 'source_page_not_found' and missing.value.params['page'] == 9


def test_a_killed_renderer_is_replaced(source: Path, tmp_path: Path) -> None:
    page(source, tmp_path / 'cache', 1)
    for pid in list(page_images._renderers()._processes):  # type: ignore[attr-defined]
        os.kill(pid, signal.SIGKILL)
    assert page(source, tmp_path / 'other-cache', 1).is_file()
