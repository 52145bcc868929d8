import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from courtroom.errors import Conflict
from courtroom.exhibits import ExhibitKind
from courtroom.settings import Limits
from media.bundle import natural_key, prepare_bundle, thumbnail_path
from media.evidence_store import EvidenceStore
from media.hashing import file_sha256

from .conftest import Env, files_under, make_image, make_pdf, make_video, make_wav


def test_natural_order() -> None:
    names = ['BL10.pdf', 'bl2.pdf', 'BL1.pdf', 'a/3.pdf']
    assert sorted(names, key=natural_key) == ['a/3.pdf', 'BL1.pdf', 'bl2.pdf', 'BL10.pdf']


def test_a_folder_imports_in_natural_order_with_bl_numbers(env: Env, inputs: Path) -> None:
    for n in (10, 2, 1):
        make_pdf(inputs / f'tai-lieu-{n}.pdf', pages=n, text=f'doc{n}')
    calls: list[tuple[int, int]] = []
    stored = env.run([inputs], progress=lambda done, total: calls.append((done, total)))
    assert [e.title for e in stored] == ['tai-lieu-1', 'tai-lieu-2', 'tai-lieu-10']
    assert [(e.bl_first, e.bl_last) for e in stored] == [(1, 1), (2, 3), (4, 13)]
    assert stored[2].source_name == 'in/tai-lieu-10.pdf'
    assert env.exhibits.page_text(stored[2].id, 10).strip() == 'doc10 10'
    assert calls[0] == (0, 13) and calls[-1] == (13, 13)
    for exhibit in stored:
        assert env.evidence.verify(exhibit.sha256)
        for page in range(1, exhibit.page_count + 1):
            thumb = thumbnail_path(env.cache_dir, exhibit.sha256, page)
            with Image.open(thumb) as im:
                assert im.format == 'JPEG' and im.width == 240
    assert list(env.tmp_dir.iterdir()) == []


def test_bookmarks_split_a_pdf(env: Env, inputs: Path) -> None:
    path = make_pdf(inputs / 'ho-so.pdf', pages=6,
                    toc=[[1, 'Cáo trạng', 1], [2, 'Phần con', 2], [1, 'Biên bản', 3], [1, 'Kết luận', 5]])
    stored = env.run([path])
    assert [(e.title, e.first_source_page, e.page_count) for e in stored] == [
        ('Cáo trạng', 1, 2), ('Biên bản', 3, 2), ('Kết luận', 5, 2)]
    assert len({e.sha256 for e in stored}) == 1
    assert len(files_under(env.evidence.root)) == 1
    assert env.exhibits.page_text(stored[1].id, 1).strip() == 'page 3'


@pytest.mark.parametrize('toc', [[[1, 'Only', 1]], [[1, 'Late', 2], [1, 'Later', 4]], []])
def test_bookmarks_that_do_not_split_leave_one_exhibit(env: Env, inputs: Path, toc: list) -> None:
    stored = env.run([make_pdf(inputs / 'a.pdf', pages=5, toc=toc)])
    assert [(e.title, e.page_count) for e in stored] == [('a', 5)]


def test_zip_with_manifest_sets_order_titles_labels_and_bl(env: Env, inputs: Path, tmp_path: Path) -> None:
    make_pdf(inputs / 'a.pdf', pages=10)
    make_image(inputs / 'b.png', 'PNG')
    bundle = tmp_path / 'bundle.zip'
    with zipfile.ZipFile(bundle, 'w') as zf:
        zf.write(inputs / 'a.pdf', 'scans/a.pdf')
        zf.write(inputs / 'b.png', 'b.png')
        zf.writestr('manifest.csv', 'file,pages,label,title,party,bl\n'
                                    'b.png,,VKS-2,Ảnh hiện trường,Viện kiểm sát,200\n'
                                    'scans/a.pdf,3-7,VKS-1,Biên bản,,125-129\n'
                                    'scans/a.pdf,8-10,,,,\n')
    stored = env.run([bundle])
    assert [(e.label, e.title, e.kind, e.first_source_page, e.page_count, e.bl_first, e.bl_last) for e in stored] == [
        ('VKS-2', 'Ảnh hiện trường', ExhibitKind.IMAGE, 1, 1, 200, 200),
        ('VKS-1', 'Biên bản', ExhibitKind.DOCUMENT, 3, 5, 125, 129),
        ('TL-003', 'a', ExhibitKind.DOCUMENT, 8, 3, 201, 203),
    ]
    assert stored[0].party == 'Viện kiểm sát'
    assert stored[1].source_name == 'bundle.zip/scans/a.pdf'
    assert env.exhibits.page_text(stored[1].id, 1).strip() == 'page 3'
    assert thumbnail_path(env.cache_dir, stored[1].sha256, 7).exists()
    assert not thumbnail_path(env.cache_dir, stored[1].sha256, 1).exists()  # pages no exhibit uses


def test_manifest_given_among_paths_with_upload_names(env: Env, tmp_path: Path) -> None:
    upload = make_pdf(tmp_path / 'tmp123', pages=2)
    manifest = tmp_path / 'tmp456'
    manifest.write_text(json.dumps([{'file': 'Đơn khởi kiện.pdf', 'title': 'Đơn'}]))
    stored = env.run([upload, manifest], names={upload: 'Đơn khởi kiện.pdf', manifest: 'manifest.json'})
    assert [(e.title, e.source_name) for e in stored] == [('Đơn', 'Đơn khởi kiện.pdf')]


def test_images_audio_and_video(env: Env, inputs: Path) -> None:
    make_image(inputs / '1.jpg', 'JPEG', size=(800, 600))
    make_image(inputs / '2.tiff', 'TIFF', frames=3)
    make_wav(inputs / '3.wav', seconds=1.0)
    make_video(inputs / '4.mp4', frames=20)
    image, tiff, audio, video = env.run([inputs])
    assert (image.kind, image.page_count, image.media) == (
        ExhibitKind.IMAGE, 1, {'mime': 'image/jpeg', 'width': 800, 'height': 600})
    assert (tiff.kind, tiff.page_count, tiff.media['frames']) == (ExhibitKind.IMAGE, 3, 3)
    assert (audio.kind, audio.page_count) == (ExhibitKind.AUDIO, 1)
    assert audio.media['mime'] == 'audio/wav' and audio.media['codecs'] == ['pcm_s16le']
    assert audio.media['duration_s'] == pytest.approx(1.0, abs=0.05)
    assert (video.kind, video.page_count, video.bl_first) == (ExhibitKind.VIDEO, 1, 6)
    assert video.media['mime'] == 'video/mp4'
    assert (video.media['width'], video.media['height'], video.media['codecs']) == (64, 48, ['mpeg4'])
    assert video.media['duration_s'] == pytest.approx(2.0, abs=0.2)
    assert env.exhibits.page_text(video.id, 1) == ''
    for exhibit in (image, tiff, audio, video):
        for page in range(1, exhibit.page_count + 1):
            with Image.open(thumbnail_path(env.cache_dir, exhibit.sha256, page)) as im:
                assert im.width == 240


def test_prepare_writes_only_in_its_work_dir(tmp_path: Path, inputs: Path) -> None:
    make_pdf(inputs / 'a.pdf', pages=2)
    before = {p for p in tmp_path.rglob('*')}
    prepared = prepare_bundle([inputs], limits=Limits(), work_dir=tmp_path / 'work')
    written = {p for p in tmp_path.rglob('*')} - before
    assert all(p.is_relative_to(tmp_path / 'work') or p == tmp_path / 'work' for p in written)
    [(sha, blob)] = prepared.blobs.items()
    assert blob.is_relative_to(tmp_path / 'work') and file_sha256(blob) == sha
    assert set(prepared.thumbnails) == {(sha, 1), (sha, 2)}


def test_reimporting_the_same_file_keeps_one_blob(env: Env, inputs: Path) -> None:
    path = make_pdf(inputs / 'a.pdf')
    first = env.run([path])
    second = env.run([path])
    assert first[0].sha256 == second[0].sha256
    assert (first[0].bl_first, second[0].bl_first) == (1, 4)
    assert len(files_under(env.evidence.root)) == 1


def test_a_failed_add_discards_only_the_new_blobs(env: Env, inputs: Path) -> None:
    old = make_pdf(inputs / 'old.pdf', text='old')
    env.run([old])
    new = make_pdf(inputs / 'new.pdf', text='new')
    manifest = inputs / 'manifest.csv'
    manifest.write_text('file,label\nold.pdf,X\nnew.pdf,TL-001\n')  # TL-001 is taken by the first import
    with pytest.raises(Conflict) as e:
        env.run([old, new, manifest])
    assert e.value.code == 'label_taken'
    assert [p.name for p in files_under(env.evidence.root)] == [file_sha256(old)]
    assert env.rows('exhibits') == 1
    assert list(env.tmp_dir.iterdir()) == []


def test_evidence_store_never_overwrites(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / 'ev')
    src = tmp_path / 'a'
    src.write_bytes(b'evidence')
    sha = file_sha256(src)
    assert store.put(src, sha) is True
    assert store.path(sha) == tmp_path / 'ev' / sha[:2] / sha
    src.write_bytes(b'changed')
    assert store.put(src, sha) is False
    assert store.verify(sha) and store.has(sha)
    with pytest.raises(Exception) as e:
        store.put(src, '0' * 64)
    assert getattr(e.value, 'code', None) == 'evidence_hash_mismatch'
    assert not store.has('0' * 64)
    store.discard(sha)
    assert not store.has(sha) and not store.verify(sha)
    assert files_under(tmp_path / 'ev') == []
