"""Page rendering and its cache, on PDFs, images, videos and audio generated in tmp_path, and on the real corpus."""

from __future__ import annotations

import hashlib
import os
import threading
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

import av
import pymupdf
import pytest
from PIL import Image

from courtroom.errors import CourtroomError, InvalidInput, NotFound, Unprocessable
from courtroom.exhibits import ExhibitKind
from courtroom.messages import DOMAIN_ERRORS as DOMAIN_MESSAGES
from media import render
from media.image_sizes import THUMB_WIDTH
from media.render import (
    MAX_WIDTH,
    MIN_WIDTH,
    cache_file,
    cached_path,
    prerender,
    render_page,
)
from media.render_messages import RENDER_ERRORS as MESSAGES
from tests.conftest import corpus_pdfs
from tests.waiting import TIMEOUT

PAGE_COLOURS = [(255, 0, 0), (0, 160, 0), (0, 0, 255), (255, 200, 0)]


def sha_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pixel(path: Path, fx: float = 0.5, fy: float = 0.5) -> tuple[int, ...]:
    with Image.open(path) as im:
        return im.convert('RGB').getpixel((int(im.width * fx), int(im.height * fy)))


def close_to(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    """Four A4 pages, each filled with its own colour, with an annotation on page 1."""
    doc = pymupdf.open()
    for colour in PAGE_COLOURS:
        page = doc.new_page(width=595, height=842)
        page.draw_rect(page.rect, color=None, fill=[c / 255 for c in colour])
        page.insert_text((72, 72), f'page {colour}', fontsize=12)
    annot = doc[0].add_rect_annot(pymupdf.Rect(50, 50, 250, 250))
    annot.set_colors(stroke=(0, 0, 0), fill=(1, 1, 1))
    annot.update()
    path = tmp_path / 'bundle.pdf'
    doc.save(path)
    return path


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / 'cache'


def render_doc(pdf: Path, cache: Path, page: int = 1, width: int = 300, **kwargs: Any) -> Path:
    return render_page(pdf, sha256=sha_of(pdf), kind=ExhibitKind.DOCUMENT, source_page=page, width=width,
                       cache_dir=cache, **kwargs)


def make_video(path: Path, seconds: float, colour_at: Callable[[float], tuple[int, int, int]], fps: int = 10,
               size: tuple[int, int] = (160, 90)) -> Path:
    with av.open(str(path), 'w') as out:
        stream = out.add_stream('mpeg4', rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = 'yuv420p'
        for i in range(round(seconds * fps)):
            frame = av.VideoFrame.from_image(Image.new('RGB', size, colour_at(i / fps)))
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


# --- pure helpers ---------------------------------------------------------------------------------------------

def test_cache_layout_is_the_importers(cache: Path) -> None:
    sha = 'ab' + 'c' * 62
    assert cache_file(cache, sha256=sha, source_page=3, width=240) == cache / 'ab' / f'{sha}-p3-w240.jpg'
    assert cache_file(cache, sha256=sha, source_page=1, width=800, fmt='png') == cache / 'ab' / f'{sha}-p1-w800.png'


@pytest.mark.parametrize('width', [MIN_WIDTH - 1, MAX_WIDTH + 1, 0, -240, 240.0, True, '240'])
def test_bad_width_is_refused_naming_the_bounds(pdf: Path, cache: Path, width: Any) -> None:
    with pytest.raises(InvalidInput) as error:
        render_doc(pdf, cache, width=width)
    assert error.value.code == 'bad_width'
    assert error.value.params == {'width': width, 'min': MIN_WIDTH, 'max': MAX_WIDTH}
    assert not cache.exists()


@pytest.mark.parametrize('sha', ['../' * 21 + 'a', 'AB' * 32, 'ab' * 31, ''])
def test_a_bad_sha256_never_becomes_a_path(cache: Path, sha: str) -> None:
    with pytest.raises(InvalidInput) as error:
        cache_file(cache, sha256=sha, source_page=1, width=240)
    assert error.value.code == 'bad_sha256'


def test_bad_format_and_kind(pdf: Path, cache: Path) -> None:
    with pytest.raises(InvalidInput) as error:
        render_doc(pdf, cache, fmt='webp')
    assert error.value.code == 'bad_render_format'
    with pytest.raises(InvalidInput) as error:
        render_page(pdf, sha256=sha_of(pdf), kind='spreadsheet', source_page=1, width=300, cache_dir=cache)
    assert error.value.code == 'bad_exhibit_kind'


# --- documents ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize('width', [MIN_WIDTH, THUMB_WIDTH, 1000, 1920, MAX_WIDTH])
def test_document_page_is_exactly_the_width_asked(pdf: Path, cache: Path, width: int) -> None:
    path = render_doc(pdf, cache, page=2, width=width)
    with Image.open(path) as im:
        assert im.format == 'JPEG'
        assert im.width == width
        assert abs(im.height - width * 842 / 595) <= 1


def test_source_page_selects_the_page(pdf: Path, cache: Path) -> None:
    for number, colour in enumerate(PAGE_COLOURS, start=1):
        assert close_to(pixel(render_doc(pdf, cache, page=number)), colour)


def test_annotations_are_drawn(pdf: Path, cache: Path) -> None:
    # page 1 is red, with a white-filled rectangle annotation at 50..250 pt
    path = render_doc(pdf, cache, page=1, width=595)
    assert close_to(pixel(path, 150 / 595, 150 / 842), (255, 255, 255))
    assert close_to(pixel(path, 400 / 595, 400 / 842), PAGE_COLOURS[0])


@pytest.mark.parametrize('page', [0, 5, -1])
def test_page_out_of_range_is_not_found(pdf: Path, cache: Path, page: int) -> None:
    with pytest.raises(NotFound) as error:
        render_doc(pdf, cache, page=page)
    assert error.value.code == 'source_page_not_found'
    assert error.value.params['page'] == page
    if page > 0:
        assert error.value.params['page_count'] == 4


def test_png_is_available_and_lossless(pdf: Path, cache: Path) -> None:
    path = render_doc(pdf, cache, page=3, fmt='png')
    assert path.suffix == '.png'
    with Image.open(path) as im:
        assert im.format == 'PNG'
        assert im.convert('RGB').getpixel((150, 300)) == PAGE_COLOURS[2]


def test_missing_source_file(tmp_path: Path, cache: Path) -> None:
    with pytest.raises(NotFound) as error:
        render_page(tmp_path / 'gone.pdf', sha256='0' * 64, kind='document', source_page=1, width=240, cache_dir=cache)
    assert error.value.code == 'evidence_file_missing'


def test_broken_and_encrypted_pdfs_are_unprocessable(tmp_path: Path, pdf: Path, cache: Path) -> None:
    broken = tmp_path / 'broken.pdf'
    broken.write_bytes(b'%PDF-1.7\n' + b'\0garbage' * 100)
    locked = tmp_path / 'locked.pdf'
    with pymupdf.open(pdf) as doc:
        doc.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw='secret', owner_pw='secret')
    for path, code in ((broken, 'pdf_broken'), (locked, 'pdf_encrypted')):
        with pytest.raises(Unprocessable) as error:
            render_doc(path, cache)
        assert error.value.code == code
    assert not list(cache.rglob('*.jpg'))


# --- the cache ------------------------------------------------------------------------------------------------

def test_cached_path_finds_without_rendering(pdf: Path, cache: Path) -> None:
    sha = sha_of(pdf)
    assert cached_path(cache, sha256=sha, source_page=2, width=300) is None
    path = render_doc(pdf, cache, page=2)
    assert cached_path(cache, sha256=sha, source_page=2, width=300) == path
    assert cached_path(cache, sha256=sha, source_page=2, width=300, fmt='png') is None


def test_a_cache_hit_does_not_render_again(pdf: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = render_doc(pdf, cache, page=2)
    stat = path.stat()

    def must_not_render(*args: object, **kwargs: object) -> None:
        raise AssertionError('rendered on a cache hit')

    monkeypatch.setattr(render, '_render_image', must_not_render)
    assert render_doc(pdf, cache, page=2) == path
    assert path.stat().st_mtime_ns == stat.st_mtime_ns
    assert path.stat().st_ino == stat.st_ino


def test_an_importer_thumbnail_is_served_from_the_same_layout(pdf: Path, cache: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    sha = sha_of(pdf)
    thumb = cache / sha[:2] / f'{sha}-p4-w240.jpg'
    thumb.parent.mkdir(parents=True)
    Image.new('RGB', (240, 340), 'white').save(thumb, 'JPEG')
    monkeypatch.setattr(render, '_render_image', lambda *a, **k: pytest.fail('rendered'))
    assert render_doc(pdf, cache, page=4, width=240) == thumb


def test_an_empty_cache_file_is_rendered_again(pdf: Path, cache: Path) -> None:
    path = cache_file(cache, sha256=sha_of(pdf), source_page=1, width=300)
    path.parent.mkdir(parents=True)
    path.touch()
    assert cached_path(cache, sha256=sha_of(pdf), source_page=1, width=300) is None
    assert render_doc(pdf, cache) == path
    assert path.stat().st_size > 0


def test_a_failed_render_leaves_nothing_behind(pdf: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_encoder(*args: object) -> bytes:
        raise OSError('disk full')

    monkeypatch.setattr(render, '_encode', broken_encoder)
    with pytest.raises(OSError, match='disk full'):
        render_doc(pdf, cache)
    assert not [p for p in cache.rglob('*') if p.is_file()]

    monkeypatch.undo()
    monkeypatch.setattr(os, 'replace', lambda *a: (_ for _ in ()).throw(OSError('replace failed')))
    with pytest.raises(OSError, match='replace failed'):
        render_doc(pdf, cache)
    assert not [p for p in cache.rglob('*') if p.is_file()]


def test_two_threads_rendering_the_same_page_both_succeed(pdf: Path, cache: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # Both threads must miss the cache and render, so hold each one at the barrier after its render
    barrier = threading.Barrier(2, timeout=TIMEOUT)
    real = render._render_image

    def render_then_wait(*args: Any, **kwargs: Any) -> Image.Image:
        image = real(*args, **kwargs)
        barrier.wait()
        return image

    monkeypatch.setattr(render, '_render_image', render_then_wait)
    results: list[Path] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(render_doc(pdf, cache, page=3, width=500))
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(results) == 2 and results[0] == results[1]
    assert [p.name for p in results[0].parent.iterdir()] == [results[0].name]  # no temp file left over
    with Image.open(results[0]) as im:
        im.load()
        assert im.width == 500


def test_many_threads_rendering_different_pages(pdf: Path, cache: Path) -> None:
    errors: list[BaseException] = []

    def work(page: int, width: int) -> None:
        try:
            assert close_to(pixel(render_doc(pdf, cache, page=page, width=width)), PAGE_COLOURS[page - 1])
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=work, args=(p, w)) for p in range(1, 5) for w in (200, 640)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(list(cache.rglob('*.jpg'))) == 8


def test_prerender(pdf: Path, cache: Path) -> None:
    paths = prerender(pdf, sha256=sha_of(pdf), kind='document', source_pages=[2, 3], widths=[240, 800],
                      cache_dir=cache)
    assert [p.name.split('-', 1)[1] for p in paths] == ['p2-w240.jpg', 'p2-w800.jpg', 'p3-w240.jpg', 'p3-w800.jpg']
    assert all(p.is_file() for p in paths)


# --- images ---------------------------------------------------------------------------------------------------

def test_image_respects_exif_orientation(tmp_path: Path, cache: Path) -> None:
    # stored 200x100, left half red, right half blue; orientation 6 = show it turned 90 degrees clockwise
    raw = Image.new('RGB', (200, 100), (255, 0, 0))
    raw.paste((0, 0, 255), (100, 0, 200, 100))
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / 'photo.jpg'
    raw.save(path, 'JPEG', exif=exif, quality=95)
    out = render_page(path, sha256=sha_of(path), kind='image', source_page=1, width=300, cache_dir=cache)
    with Image.open(out) as im:
        assert im.size == (300, 600)
    assert close_to(pixel(out, 0.5, 0.25), (255, 0, 0)) and close_to(pixel(out, 0.5, 0.75), (0, 0, 255))


def test_large_jpeg_is_downscaled_to_the_width(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / 'scan.jpg'
    Image.new('RGB', (3000, 2000), (10, 120, 200)).save(path, 'JPEG')
    out = render_page(path, sha256=sha_of(path), kind='image', source_page=1, width=240, cache_dir=cache)
    with Image.open(out) as im:
        assert im.size == (240, 160)
    assert close_to(pixel(out), (10, 120, 200))


def test_transparent_image_lies_on_white(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / 'stamp.png'
    Image.new('RGBA', (100, 100), (255, 0, 0, 0)).save(path)
    out = render_page(path, sha256=sha_of(path), kind='image', source_page=1, width=200, cache_dir=cache)
    assert close_to(pixel(out), (255, 255, 255), 5)


def test_multi_page_tiff_frames_are_pages(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / 'scans.tif'
    frames = [Image.new('RGB', (80, 120), colour) for colour in PAGE_COLOURS[:3]]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    for number in (1, 2, 3):
        out = render_page(path, sha256=sha_of(path), kind='image', source_page=number, width=160, cache_dir=cache)
        assert close_to(pixel(out), PAGE_COLOURS[number - 1])
    with pytest.raises(NotFound) as error:
        render_page(path, sha256=sha_of(path), kind='image', source_page=4, width=160, cache_dir=cache)
    assert error.value.params['page_count'] == 3


def test_an_image_past_pillows_warning_threshold_renders(tmp_path: Path, cache: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # the importer's own pixel limit is above Pillow's bomb warning; the warning must not turn into an error
    monkeypatch.setattr(Image, 'MAX_IMAGE_PIXELS', 3000)  # warns past 3000, refuses past 6000
    path = tmp_path / 'big.png'
    Image.new('RGB', (60, 60), (0, 0, 255)).save(path)
    out = render_page(path, sha256=sha_of(path), kind='image', source_page=1, width=64, cache_dir=cache)
    monkeypatch.undo()
    assert close_to(pixel(out), (0, 0, 255))


def test_broken_image_is_unprocessable(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / 'bad.jpg'
    path.write_bytes(b'\xff\xd8\xff\xe0 not really a jpeg')
    with pytest.raises(Unprocessable):
        render_page(path, sha256=sha_of(path), kind='image', source_page=1, width=160, cache_dir=cache)


# --- video and audio ------------------------------------------------------------------------------------------

def test_video_poster_is_the_frame_at_one_second(tmp_path: Path, cache: Path) -> None:
    path = make_video(tmp_path / 'hoi-cung.mp4', 2.0, lambda t: (255, 0, 0) if t < 1.0 else (0, 0, 255))
    out = render_page(path, sha256=sha_of(path), kind=ExhibitKind.VIDEO, source_page=1, width=320, cache_dir=cache)
    with Image.open(out) as im:
        assert im.size == (320, 180)
    assert close_to(pixel(out), (0, 0, 255), 60)


def test_short_video_poster_is_its_first_frame(tmp_path: Path, cache: Path) -> None:
    path = make_video(tmp_path / 'short.mp4', 0.5, lambda t: (0, 160, 0) if t < 0.1 else (255, 0, 0))
    out = render_page(path, sha256=sha_of(path), kind='video', source_page=1, width=160, cache_dir=cache)
    assert close_to(pixel(out), (0, 160, 0), 60)


def test_video_has_only_page_one(tmp_path: Path, cache: Path) -> None:
    path = make_video(tmp_path / 'v.mp4', 0.3, lambda t: (0, 0, 0))
    with pytest.raises(NotFound):
        render_page(path, sha256=sha_of(path), kind='video', source_page=2, width=160, cache_dir=cache)


def test_a_file_without_video_is_unprocessable(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / 'not-a-video.mp4'
    path.write_bytes(b'\0' * 1000)
    with pytest.raises(Unprocessable):
        render_page(path, sha256=sha_of(path), kind='video', source_page=1, width=160, cache_dir=cache)


def make_wav(path: Path, seconds: float = 0.2) -> Path:
    with wave.open(str(path), 'wb') as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b'\0\0' * int(8000 * seconds))
    return path


def test_audio_card(tmp_path: Path, cache: Path) -> None:
    path = make_wav(tmp_path / 'loi-khai.wav')
    out = render_page(path, sha256=sha_of(path), kind='audio', source_page=1, width=640, cache_dir=cache,
                      title='Lời khai của bị cáo tại phiên hỏi cung số 3', media={'duration_s': 754.4})
    with Image.open(out) as im:
        assert im.size == (640, 360)
        rgb = im.convert('RGB')
        corner = rgb.getpixel((5, 5))
        assert max(corner) < 80  # a dark card
        title_band = rgb.crop((0, int(360 * 470 / 720), 640, int(360 * 500 / 720)))
        assert max(max(p) for p in title_band.getdata()) > 180  # light text drawn on it
    with pytest.raises(NotFound):
        render_page(path, sha256=sha_of(path), kind='audio', source_page=2, width=640, cache_dir=cache)


def test_audio_card_font_covers_vietnamese() -> None:
    font = render._font('notos')
    assert all(font.has_glyph(ord(c)) for c in 'Ghi âm lời khai ụ ố ữ ặ ỹ Đ')


def test_audio_card_needs_no_source_file_and_no_title(tmp_path: Path, cache: Path) -> None:
    out = render_page(tmp_path / 'absent.wav', sha256='f' * 64, kind='audio', source_page=1, width=320,
                      cache_dir=cache, title='', media=None)
    assert out.is_file()


# --- the corpus and the messages ------------------------------------------------------------------------------

@pytest.mark.parametrize('path', corpus_pdfs(), ids=lambda p: p.name)
def test_every_corpus_pdf_renders_or_refuses_clearly(corpus: Path, path: Path, cache: Path) -> None:
    # only the password-protected sample may be refused; the renderer sees the pages the importer saw, even in a
    # file whose page tree MuPDF had to rebuild (017)
    try:
        out = render_page(path, sha256=sha_of(path), kind='document', source_page=1, width=THUMB_WIDTH,
                          cache_dir=cache)
    except CourtroomError as e:
        assert path.name == 'libreoffice-writer-password.pdf', e
        assert e.code == 'pdf_encrypted'
        return
    with Image.open(out) as im:
        assert im.width == THUMB_WIDTH


def test_rotated_corpus_page_renders_upright_at_the_width(corpus: Path, cache: Path) -> None:
    path = corpus / '015-arabic' / 'habibi-rotated.pdf'
    for number in (1, 2, 3, 4):
        out = render_page(path, sha256=sha_of(path), kind='document', source_page=number, width=400, cache_dir=cache)
        with Image.open(out) as im:
            assert im.width == 400


@pytest.mark.parametrize('code', sorted(MESSAGES))
def test_every_render_code_has_both_languages_and_no_clash(code: str) -> None:
    vi, en = MESSAGES[code]
    assert vi and en and vi != en
    assert code not in DOMAIN_MESSAGES


def test_the_codes_render_raises_have_messages(tmp_path: Path, pdf: Path, cache: Path) -> None:
    raised: list[CourtroomError] = []
    for call in (
        lambda: render_doc(pdf, cache, width=1),
        lambda: render_doc(pdf, cache, page=9),
        lambda: render_doc(pdf, cache, fmt='gif'),
        lambda: render_page(pdf, sha256='x', kind='document', source_page=1, width=240, cache_dir=cache),
        lambda: render_page(pdf, sha256=sha_of(pdf), kind='x', source_page=1, width=240, cache_dir=cache),
        lambda: render_page(tmp_path / 'no', sha256='0' * 64, kind='image', source_page=1, width=240, cache_dir=cache),
    ):
        with pytest.raises(CourtroomError) as error:
            call()
        raised.append(error.value)
    for error in raised:
        vi, en = {**DOMAIN_MESSAGES, **MESSAGES}[error.code]
        assert vi.format(**error.params) and en.format(**error.params)
