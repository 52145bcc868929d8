"""`courtroom backup` and `courtroom restore` on real data folders: a backup of the session's running server taken
while the clerk goes on writing the minutes restores into a folder that serves the same hearings, whose audit chains
verify and whose exported record verifies; a second backup copies only what changed; `backup --check` finds a
changed byte; a restore refuses a folder that is not empty and a damaged backup, and writes nothing."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from courtroom.settings import Settings
from media.record import verify_record
from presenter.hearing_record import export_record
from presenter.services import build_services
from tests.conftest import Server, api_hearing, cli, make_pdf


def test_a_backup_of_a_running_server_restores_and_its_record_verifies(server: Server, tmp_path: Path) -> None:
    hearing = api_hearing(server, f'{time.time_ns() % 10**6}/2026/HSST', 'Vụ án sao lưu',
                          [('loi-khai.pdf', make_pdf(['Lời khai', 'Trang hai']), 'application/pdf')])
    h = hearing['hearing_id']
    stop, writing = threading.Event(), threading.Event()

    def clerk_writes() -> None:  # the hearing goes on during the backup
        with server.client('clerk') as clerk:
            n = 0
            while not stop.is_set():
                n += 1
                assert clerk.post(f'/api/hearings/{h}/minutes', json={'text': f'Mục {n}'}).status_code == 201
                writing.set()
    writer = threading.Thread(target=clerk_writes)
    writer.start()
    try:
        assert writing.wait(60)
        made = cli('backup', str(tmp_path / 'backup'), data=server.data)
    finally:
        stop.set()
        writer.join()
    assert 'Đã sao lưu' in made.stdout
    assert cli('backup', str(tmp_path / 'backup'), '--check', data=server.data).returncode == 0

    restored = tmp_path / 'restored'
    done = cli('restore', str(tmp_path / 'backup'), data=restored)
    assert 'Đã khôi phục' in done.stdout
    source = build_services(Settings(data_dir=server.data), media=False)
    copy = build_services(Settings(data_dir=restored), media=False)
    try:
        assert [x.id for x in copy.hearings.all()] == [x.id for x in source.hearings.all()]
        assert copy.exhibits.of_hearing(h) == source.exhibits.of_hearing(h)
        assert all(copy.audit.verify(x.id).valid for x in copy.hearings.all())
        assert any(e.text.startswith('Mục ') for e in copy.minutes.entries(h))  # what was written before the copy
        record = export_record(copy, h, tmp_path / 'record.zip')
    finally:
        source.close()
        copy.close()
    verdict = verify_record(record)
    assert verdict.ok, verdict.first_failure
    verified = cli('verify', str(record), data=restored, check=False)
    assert verified.returncode == 0, verified.stdout


def test_incremental_checked_and_refused_when_damaged(tmp_path: Path) -> None:
    data, dest = tmp_path / 'data', tmp_path / 'backup'
    services = build_services(Settings(data_dir=data), media=False)
    try:
        h = services.hearings.create(case_number='1/2026/HSST', title='Vụ án', actor='thuky').id
        services.seal.ensure()
        (data / 'evidence' / 'ab').mkdir(parents=True, exist_ok=True)
        (data / 'evidence' / 'ab' / 'abcd').write_bytes(b'evidence' * 1000)
        report = cli('backup', str(dest), data=data)
        first = json.loads((dest / 'manifest.json').read_text())['files']
        again = cli('backup', str(dest), data=data)  # nothing changed: nothing copied but the database
        services.minutes.write(h, 'Khai mạc', author='thuky')
    finally:
        services.close()
    assert 'evidence/ab/abcd' in first and 'keys/court-ed25519.pem' in first
    assert report.stdout.startswith(f'Đã sao lưu {len(first)} tệp ({len(first) - 1} tệp mới sao chép')
    assert '(0 tệp mới sao chép' in again.stdout
    assert (dest / 'files' / 'keys' / 'court-ed25519.pem').is_file()

    (data / 'evidence' / 'ab' / 'abcd').unlink()  # gone from the data folder: gone from the next backup
    removed = cli('backup', str(dest), data=data)
    assert '1 tệp không còn' in removed.stdout and not (dest / 'files' / 'evidence' / 'ab' / 'abcd').exists()

    assert cli('restore', str(dest), data=data, check=False).stderr.count('không trống') == 1  # never over data

    kept = dest / 'files' / 'keys' / 'court-ed25519.pub.pem'
    kept.write_bytes(kept.read_bytes()[:-2] + b'X\n')  # one byte changed
    checked = cli('backup', str(dest), '--check', data=data, check=False)
    assert checked.returncode == 1 and 'keys/court-ed25519.pub.pem: SHA-256 differs' in checked.stderr
    target = tmp_path / 'restored'
    refused = cli('restore', str(dest), data=target, check=False)
    assert refused.returncode == 1 and 'Bản sao lưu bị hỏng' in refused.stderr
    assert not target.exists() and not (tmp_path / 'restored.restoring').exists()
    assert cli('backup', str(tmp_path / 'elsewhere'), data=tmp_path / 'nothing', check=False).returncode == 1
