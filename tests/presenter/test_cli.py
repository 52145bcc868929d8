"""The ``courtroom`` command line, run as a user runs it: a subprocess on a real data folder."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from courtroom.settings import Settings
from presenter.services import build_services
from tests.conftest import ROOT, cli


def write_pdf(path: Path, pages: int, *, rotate_first: bool = False) -> Path:
    doc = pymupdf.open()
    font = pymupdf.Font('notos')
    for n in range(pages):
        page = doc.new_page()
        page.insert_font(fontname='notos', fontbuffer=font.buffer)
        page.insert_text((72, 72), f'Trang số {n + 1}: lời khai', fontname='notos')
    if rotate_first:
        doc[0].set_rotation(90)
    doc.set_toc([[1, 'Phần một', 1]])
    doc.save(path)
    return path


@pytest.mark.parametrize('command', [[], ['serve'], ['user'], ['user', 'add'], ['hearing'], ['hearing', 'create'],
                                     ['hearing', 'list'], ['bundle'], ['bundle', 'import'], ['bundle', 'check']])
def test_help_on_every_command(command: list[str]) -> None:
    result = subprocess.run([sys.executable, '-m', 'presenter.cli', *command, '--help'], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0
    assert 'usage: courtroom' in result.stdout
    if command and command[-1] in ('add', 'create', 'import', 'check', 'serve', 'list'):
        assert '--data' in result.stdout


def test_user_hearing_and_bundle_import(tmp_path: Path) -> None:
    data = tmp_path / 'data'
    assert cli('user', 'add', 'thuky', '--role', 'clerk', '--name', 'Trần Thị B', data=data,
               stdin='mat-khau-dai\n').stdout.strip() == 'thuky (clerk)'
    hearing_id = int(cli('hearing', 'create', '--case-number', '5/2026/HSST', '--title', 'Vụ án B', '--staff',
                         'thuky', data=data).stdout)
    as_json = json.loads(cli('hearing', 'create', '--case-number', '6', '--title', 'Vụ án C', '--json',
                             data=data).stdout)
    assert as_json['id'] == hearing_id + 1 and as_json['title'] == 'Vụ án C'
    unknown = cli('hearing', 'create', '--case-number', '7', '--title', 'Vụ án D', '--staff', 'thuky,ai-do',
                  data=data, check=False)
    assert unknown.returncode == 1 and 'Không có tài khoản "ai-do"' in unknown.stderr
    services = build_services(Settings(data_dir=data), media=False)
    try:  # the staff given, and the hearing refused for an unknown name not made at all
        assert [m.username for m in services.staff.of_hearing(hearing_id)] == ['thuky']
        assert services.staff.of_hearing(hearing_id + 1) == []
        assert [h.case_number for h in services.hearings.all()] in (['6', '5/2026/HSST'], ['5/2026/HSST', '6'])
    finally:
        services.close()

    pdf = write_pdf(tmp_path / 'ho-so.pdf', 3)
    result = cli('bundle', 'import', str(pdf), '--hearing', str(hearing_id), '--json', data=data)
    exhibits = json.loads(result.stdout)
    assert [(e['page_count'], e['bl_first'], e['bl_last']) for e in exhibits] == [(3, 1, 3)]
    assert '3/3' in result.stderr  # the progress bar: pages done of total


def test_data_folder_from_environment(tmp_path: Path) -> None:
    env = {**os.environ, 'COURTROOM_DATA': str(tmp_path / 'env-data')}
    result = subprocess.run([sys.executable, '-m', 'presenter.cli', 'hearing', 'create', '--case-number', '1',
                             '--title', 'x'], capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / 'env-data' / 'courtroom.sqlite3').is_file()


@pytest.mark.parametrize(('args', 'stdin', 'expected'), [
    (['user', 'add', 'x1', '--role', 'pope'], 'long-password\n', 'Vai trò "pope" không tồn tại'),
    (['user', 'add', 'x2', '--role', 'clerk'], 'short\n', 'Mật khẩu phải có ít nhất 10 ký tự'),
    (['hearing', 'create', '--case-number', ' ', '--title', 'x'], '', 'Thiếu trường bắt buộc "case_number"'),
    (['bundle', 'import', 'nothing.pdf', '--hearing', '999'], '', 'Không tìm thấy phiên tòa "999"'),
])
def test_errors_are_one_clear_line_without_traceback(tmp_path: Path, args: list[str], stdin: str,
                                                     expected: str) -> None:
    result = cli(*args, data=tmp_path / 'data', stdin=stdin, check=False)
    assert result.returncode == 1
    assert expected in result.stderr
    assert 'Traceback' not in result.stderr


def test_errors_in_english(tmp_path: Path) -> None:
    result = cli('hearing', 'create', '--case-number', '', '--title', 'x', '--lang', 'en', data=tmp_path, check=False)
    assert result.returncode == 1 and 'The field "case_number" is required' in result.stderr


def test_bad_bundle_exits_1_and_stores_nothing(tmp_path: Path) -> None:
    data = tmp_path / 'data'
    hearing_id = cli('hearing', 'create', '--case-number', '1', '--title', 'x', data=data).stdout.strip()
    good = write_pdf(tmp_path / 'good.pdf', 2)
    empty = tmp_path / 'empty.pdf'
    empty.write_bytes(b'')
    result = cli('bundle', 'import', str(good), str(empty), '--hearing', hearing_id, data=data, check=False)
    assert result.returncode == 1 and 'empty.pdf' in result.stderr and 'Traceback' not in result.stderr
    assert not any(p.is_file() for p in (data / 'evidence').rglob('*'))
    listed = cli('bundle', 'import', str(good), '--hearing', hearing_id, '--json', data=data)
    assert json.loads(listed.stdout)[0]['bl_first'] == 1  # nothing of the failed bundle took a BL


def test_a_full_disk_is_said_plainly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from media.evidence_store import EvidenceStore

    data = tmp_path / 'data'
    hearing_id = cli('hearing', 'create', '--case-number', '1', '--title', 'x', data=data).stdout.strip()

    def no_room(*args: object, **kwargs: object) -> bool:
        raise OSError(errno.ENOSPC, 'No space left on device')
    monkeypatch.setattr(EvidenceStore, 'put', no_room)
    full = cli('bundle', 'import', str(write_pdf(tmp_path / 'a.pdf', 1)), '--hearing', hearing_id, data=data,
               check=False)
    assert full.returncode == 1 and 'Ổ đĩa của máy chủ đã đầy' in full.stderr and 'Traceback' not in full.stderr


def test_bundle_check(tmp_path: Path, corpus: Path) -> None:
    good = write_pdf(tmp_path / 'good.pdf', 2)
    rotated = write_pdf(tmp_path / 'rotated.pdf', 2, rotate_first=True)
    ok = cli('bundle', 'check', str(good), str(rotated), data=tmp_path / 'data', check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert 'good.pdf' in ok.stdout and 'rotated.pdf' in ok.stdout
    broken = tmp_path / 'broken.pdf'
    broken.write_bytes(b'%PDF-1.7\nnot really')
    encrypted = corpus / '005-libreoffice-writer-password' / 'libreoffice-writer-password.pdf'
    paths = [str(broken), str(encrypted)]
    bad = cli('bundle', 'check', *paths, '--lang', 'en', data=tmp_path / 'data', check=False)
    assert bad.returncode == 1, bad.stdout
    assert 'Traceback' not in bad.stderr
