import stat
import zipfile
from pathlib import Path

import pytest

from courtroom.errors import CourtroomError
from courtroom.settings import Limits
from media.archive import Budget, expand, safe_member_name


def _expand(zip_path: Path, tmp_path: Path, limits: Limits | None = None) -> list[tuple[str, Path]]:
    limits = limits or Limits()
    return expand(zip_path, zip_path.name, tmp_path / 'out', limits=limits, budget=Budget(limits))


def _refused(zip_path: Path, tmp_path: Path, code: str, limits: Limits | None = None) -> CourtroomError:
    with pytest.raises(CourtroomError) as e:
        _expand(zip_path, tmp_path, limits)
    assert e.value.code == code, e.value
    return e.value


def test_expands_files_and_skips_litter(tmp_path: Path) -> None:
    path = tmp_path / 'b.zip'
    with zipfile.ZipFile(path, 'w') as zf:
        zf.writestr('a/1.txt', b'one')
        zf.writestr('a/', b'')
        zf.writestr('__MACOSX/a/._1.txt', b'fork')
        zf.writestr('.DS_Store', b'x')
        zf.writestr('Tài liệu.pdf', b'two')
    members = dict(_expand(path, tmp_path))
    assert sorted(members) == ['Tài liệu.pdf', 'a/1.txt']
    assert members['a/1.txt'].read_bytes() == b'one'
    assert members['a/1.txt'].is_relative_to(tmp_path / 'out')


@pytest.mark.parametrize('name', ['../evil.pdf', 'a/../../evil.pdf', '/etc/evil.pdf', '..\\evil.pdf', 'C:/evil.pdf'])
def test_unsafe_paths_are_refused(name: str) -> None:
    with pytest.raises(CourtroomError) as e:
        safe_member_name(name, 'b.zip')
    assert e.value.code == 'zip_unsafe_path'
    assert e.value.params['member'] == name


def test_symlink_member_is_refused(tmp_path: Path) -> None:
    path = tmp_path / 'b.zip'
    info = zipfile.ZipInfo('link.pdf')
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(path, 'w') as zf:
        zf.writestr(info, '/etc/passwd')
    _refused(path, tmp_path, 'zip_symlink')
    assert not (tmp_path / 'out').exists()


def test_too_many_members(tmp_path: Path) -> None:
    path = tmp_path / 'b.zip'
    with zipfile.ZipFile(path, 'w') as zf:
        for i in range(6):
            zf.writestr(f'{i}.pdf', b'x')
    _refused(path, tmp_path, 'zip_too_many_members', Limits(max_zip_members=5))


def test_declared_total_over_the_bundle_limit(tmp_path: Path) -> None:
    path = tmp_path / 'b.zip'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_STORED) as zf:
        zf.writestr('a.pdf', b'x' * 600)
        zf.writestr('b.pdf', b'x' * 600)
    _refused(path, tmp_path, 'bundle_too_large', Limits(max_bundle_bytes=1000))
    assert not (tmp_path / 'out').exists()  # refused from the central directory, before writing a byte


def test_lying_sizes_are_caught_while_extracting(tmp_path: Path) -> None:
    """A member whose headers declare 10 bytes but whose data inflates to 4 MiB."""
    path = tmp_path / 'b.zip'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as zf:
        zf.writestr('a.pdf', b'\x00' * (4 << 20))
    data = bytearray(path.read_bytes())
    for sig, offset in ((b'PK\x03\x04', 22), (b'PK\x01\x02', 24)):  # uncompressed size fields
        at = data.find(sig)
        data[at + offset:at + offset + 4] = (10).to_bytes(4, 'little')
    path.write_bytes(bytes(data))
    # zipfile stops at the declared size, then the CRC fails: refused as broken, with at most 10 bytes written
    error = _refused(path, tmp_path, 'zip_broken')
    assert error.params['file'] == 'b.zip'
    assert sum(p.stat().st_size for p in (tmp_path / 'out').rglob('*') if p.is_file()) <= 10


def test_encrypted_member_is_refused(tmp_path: Path) -> None:
    path = tmp_path / 'b.zip'
    with zipfile.ZipFile(path, 'w') as zf:
        zf.writestr('a.pdf', b'secret')
    data = bytearray(path.read_bytes())
    at = data.find(b'PK\x01\x02')
    data[at + 8] |= 0x1  # general purpose flag: encrypted
    path.write_bytes(bytes(data))
    _refused(path, tmp_path, 'zip_encrypted')


def test_duplicate_members_are_refused(tmp_path: Path) -> None:
    path = tmp_path / 'b.zip'
    with pytest.warns(UserWarning), zipfile.ZipFile(path, 'w') as zf:
        zf.writestr('a.pdf', b'one')
        zf.writestr('a.pdf', b'two')
    _refused(path, tmp_path, 'zip_duplicate_member')


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / 'b.zip'
    path.write_bytes(b'PK\x03\x04' + b'\xff' * 200)
    _refused(path, tmp_path, 'zip_broken')
