from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courtroom.errors import Unprocessable, UnsupportedType
from media.sniff import FileType, detect, sniff

from .conftest import make_image, make_pdf, make_video, make_wav


@pytest.mark.parametrize(('name', 'kind'), [('a.pdf', FileType.PDF), ('a.jpg', FileType.JPEG),
                                            ('a.png', FileType.PNG), ('a.tif', FileType.TIFF)])
def test_detects_by_content(tmp_path: Path, name: str, kind: FileType) -> None:
    path = tmp_path / name
    if kind is FileType.PDF:
        make_pdf(path)
    else:
        make_image(path, {'a.jpg': 'JPEG', 'a.png': 'PNG', 'a.tif': 'TIFF'}[name])
    assert sniff(path, name) is kind


def test_detects_audio_and_video(tmp_path: Path) -> None:
    assert sniff(make_wav(tmp_path / 'a.wav'), 'a.wav') is FileType.AV
    assert sniff(make_video(tmp_path / 'v.mp4'), 'v.mp4') is FileType.AV
    assert sniff(make_video(tmp_path / 'v.webm', codec='libvpx'), 'v.webm') is FileType.AV


def test_no_extension_is_judged_by_content(tmp_path: Path) -> None:
    assert sniff(make_pdf(tmp_path / 'upload'), 'upload') is FileType.PDF


def test_png_named_pdf_is_disguised(tmp_path: Path) -> None:
    path = make_image(tmp_path / 'x', 'PNG')
    with pytest.raises(Unprocessable) as e:
        sniff(path, 'hop-dong.pdf')
    assert e.value.code == 'disguised_file'
    assert e.value.params == {'file': 'hop-dong.pdf', 'claimed': 'pdf', 'actual': 'PNG'}


def test_zip_named_docx_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / 'a.docx'
    path.write_bytes(b'PK\x03\x04' + b'\x00' * 100)
    with pytest.raises(UnsupportedType) as e:
        sniff(path, 'a.docx')
    assert e.value.code == 'unsupported_type'


def test_random_bytes_are_unsupported(tmp_path: Path) -> None:
    path = tmp_path / 'a.bin'
    path.write_bytes(b'MZ\x90\x00 this is an exe')
    with pytest.raises(UnsupportedType):
        sniff(path, 'a')


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / 'a.pdf'
    path.touch()
    with pytest.raises(Unprocessable) as e:
        sniff(path, 'a.pdf')
    assert e.value.code == 'empty_file'


@given(st.binary(max_size=64))
def test_detect_never_raises(head: bytes) -> None:
    assert detect(head) is None or isinstance(detect(head), FileType)
