"""Rule 5: bad input gets a clear error and changes nothing (no blob, no exhibit, no audit entry, no cache file,
no leftover in the temporary folder)."""

import stat
import zipfile
from pathlib import Path

import pymupdf
import pytest

from courtroom.errors import CourtroomError
from courtroom.settings import Limits

from .conftest import Env, make_image, make_pdf, pdf_bytes, png_claiming


def _refused(env: Env, paths: list[Path], code: str, *, limits: Limits | None = None) -> CourtroomError:
    with pytest.raises(CourtroomError) as e:
        env.run(paths, limits=limits)
    assert e.value.code == code, e.value
    env.assert_nothing_written()
    return e.value


def test_pdf_truncated_to_its_header_is_refused(env: Env, inputs: Path) -> None:
    path = inputs / 'a.pdf'
    path.write_bytes(pdf_bytes()[:40])
    assert _refused(env, [path], 'pdf_broken').params == {'file': 'a.pdf'}


def test_pdf_cut_in_half_is_repaired_by_mupdf_and_accepted(env: Env, inputs: Path) -> None:
    data = pdf_bytes(pages=3)
    path = inputs / 'a.pdf'
    path.write_bytes(data[:len(data) // 2])
    [exhibit] = env.run([path])
    assert exhibit.page_count == 3 and exhibit.media['repaired'] is True


def test_pdf_with_broken_xref_is_repaired_and_accepted(env: Env, inputs: Path) -> None:
    data = pdf_bytes(pages=2)
    at = data.rfind(b'startxref')
    path = inputs / 'a.pdf'
    path.write_bytes(data[:at] + b'startxref\n999999\n%%EOF\n')
    [exhibit] = env.run([path])
    assert exhibit.page_count == 2
    assert env.exhibits.page_text(exhibit.id, 2).strip() == 'page 2'


def test_encrypted_pdf(env: Env, inputs: Path) -> None:
    doc = pymupdf.open(stream=pdf_bytes())
    path = inputs / 'secret.pdf'
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw='user', owner_pw='owner')
    assert _refused(env, [path], 'pdf_encrypted').params == {'file': 'secret.pdf'}


def test_disguised_file(env: Env, inputs: Path) -> None:
    path = make_image(inputs / 'bien-ban.pdf', 'PNG')
    error = _refused(env, [path], 'disguised_file')
    assert error.params == {'file': 'bien-ban.pdf', 'claimed': 'pdf', 'actual': 'PNG'}


def test_empty_file(env: Env, inputs: Path) -> None:
    path = inputs / 'a.pdf'
    path.touch()
    _refused(env, [path], 'empty_file')


def test_image_claiming_enormous_dimensions(env: Env, inputs: Path) -> None:
    path = inputs / 'huge.png'
    path.write_bytes(png_claiming(100_000, 100_000))
    error = _refused(env, [path], 'image_too_large')
    assert error.params == {'file': 'huge.png', 'width': 100_000, 'height': 100_000, 'max': Limits().max_image_pixels}


def test_broken_image(env: Env, inputs: Path) -> None:
    path = make_image(inputs / 'a.jpg', 'JPEG', size=(400, 300))
    path.write_bytes(path.read_bytes()[:300])
    _refused(env, [path], 'image_broken')


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, 'w') as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_zip_with_parent_member(env: Env, inputs: Path) -> None:
    path = _zip(inputs / 'b.zip', {'ok.pdf': pdf_bytes(), '../evil.pdf': pdf_bytes()})
    assert _refused(env, [path], 'zip_unsafe_path').params == {'file': 'b.zip', 'member': '../evil.pdf'}
    assert not (env.tmp_dir.parent / 'evil.pdf').exists()


def test_zip_with_absolute_member(env: Env, inputs: Path) -> None:
    path = _zip(inputs / 'b.zip', {'/tmp/evil.pdf': pdf_bytes()})
    _refused(env, [path], 'zip_unsafe_path')


def test_zip_with_symlink_member(env: Env, inputs: Path) -> None:
    info = zipfile.ZipInfo('link.pdf')
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(inputs / 'b.zip', 'w') as zf:
        zf.writestr(info, '/etc/passwd')
    _refused(env, [inputs / 'b.zip'], 'zip_symlink')


def test_zip_bomb_by_ratio(env: Env, inputs: Path) -> None:
    """64 MiB of zeros, written streaming, deflate to ~64 KiB: a ratio near 1000."""
    path = inputs / 'bomb.zip'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as zf, zf.open('zeros.pdf', 'w', force_zip64=True) as f:
        block = b'\x00' * (1 << 20)
        for _ in range(64):
            f.write(block)
    error = _refused(env, [path], 'zip_bomb')
    assert error.params['member'] == 'zeros.pdf' and error.params['ratio'] > 200


def test_zip_bomb_by_total_size(env: Env, inputs: Path) -> None:
    path = _zip(inputs / 'b.zip', {f'{i}.pdf': pdf_bytes() for i in range(5)})
    _refused(env, [path], 'bundle_too_large', limits=Limits(max_bundle_bytes=3 * len(pdf_bytes())))


def test_corrupt_zip(env: Env, inputs: Path) -> None:
    data = _zip(inputs / 'b.zip', {'a.pdf': pdf_bytes()}).read_bytes()
    (inputs / 'b.zip').write_bytes(data[:len(data) // 2])
    _refused(env, [inputs / 'b.zip'], 'zip_broken')


def test_nested_zip(env: Env, inputs: Path) -> None:
    inner = _zip(inputs / 'inner.zip', {'a.pdf': pdf_bytes()}).read_bytes()
    path = _zip(inputs / 'b.zip', {'inner.zip': inner})
    _refused(env, [path], 'zip_nested')


def test_zip_with_one_broken_pdf_stores_nothing(env: Env, inputs: Path) -> None:
    path = _zip(inputs / 'b.zip', {'1.pdf': pdf_bytes(), '2.pdf': pdf_bytes(4), '3.pdf': b'%PDF-1.7\n garbage'})
    assert _refused(env, [path], 'pdf_broken').params == {'file': 'b.zip/3.pdf'}


def test_file_over_the_size_limit(env: Env, inputs: Path) -> None:
    path = make_pdf(inputs / 'a.pdf', pages=5)
    error = _refused(env, [path], 'file_too_large', limits=Limits(max_file_bytes=1000))
    assert error.params['max'] == 1000


def test_too_many_pages(env: Env, inputs: Path) -> None:
    path = make_pdf(inputs / 'a.pdf', pages=5)
    _refused(env, [path], 'too_many_pages', limits=Limits(max_pages=4))


@pytest.mark.parametrize(('name', 'data'), [('a.docx', b'PK\x03\x04' + b'\x00' * 64), ('setup.exe', b'MZ\x90\x00'),
                                            ('noise', bytes(range(256)) * 4)])
def test_unsupported_type(env: Env, inputs: Path, name: str, data: bytes) -> None:
    (inputs / name).write_bytes(data)
    assert _refused(env, [inputs / name], 'unsupported_type').params == {'file': name}


def test_broken_media(env: Env, inputs: Path) -> None:
    path = inputs / 'a.mp4'
    path.write_bytes(b'\x00\x00\x00\x18ftypmp42' + b'\x00' * 200)
    _refused(env, [path], 'media_broken')


def test_folder_with_symlink(env: Env, inputs: Path, tmp_path: Path) -> None:
    make_pdf(inputs / 'a.pdf')
    (inputs / 'link.pdf').symlink_to(tmp_path / 'elsewhere.pdf')
    _refused(env, [inputs], 'symlink_refused')


def test_manifest_naming_a_missing_file(env: Env, inputs: Path) -> None:
    make_pdf(inputs / 'a.pdf')
    (inputs / 'manifest.csv').write_text('file\na.pdf\nb.pdf\n')
    error = _refused(env, [inputs], 'manifest_unknown_file')
    assert error.params == {'file': 'in/manifest.csv', 'row': 3, 'value': 'b.pdf'}


def test_manifest_pages_past_the_end(env: Env, inputs: Path) -> None:
    make_pdf(inputs / 'a.pdf', pages=3)
    (inputs / 'manifest.json').write_text('[{"file": "a.pdf", "pages": "2-9"}]')
    _refused(env, [inputs], 'manifest_bad_pages')


def test_bl_already_taken(env: Env, inputs: Path) -> None:
    env.run([make_pdf(inputs / 'a.pdf', pages=3)])
    before = sorted(p.name for p in env.evidence.root.rglob('*') if p.is_file())
    make_pdf(inputs / 'b.pdf', pages=2, text='other')
    manifest = inputs / 'manifest.csv'
    manifest.write_text('file,bl\nb.pdf,2\n')
    with pytest.raises(CourtroomError) as e:
        env.run([inputs / 'b.pdf', manifest])
    assert e.value.code == 'bl_taken'
    assert sorted(p.name for p in env.evidence.root.rglob('*') if p.is_file()) == before
    assert env.rows('exhibits') == 1


def test_missing_path_and_empty_bundle(env: Env, inputs: Path) -> None:
    _refused(env, [inputs / 'nope.pdf'], 'path_not_found')
    _refused(env, [inputs], 'bundle_empty')
