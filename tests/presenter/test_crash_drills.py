"""Crash drills: the server is killed (SIGKILL) and started again. While it imports a 200-page bundle: no exhibit
is half made, the next start removes what the import left under DATA/tmp/ (and anything else a stopped server left
there), and the same bundle then imports whole, BL 1 to 200. During a burst of publishes: after the restart the
screens' state is the last one acknowledged to the presenter (or one whose answer was on its way), and the audit
chain verifies. During a record's export: no half zip is served as complete, and the next start removes it."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import threading
import time
from pathlib import Path

import httpx
import pymupdf

from courtroom.recordings import Segment
from courtroom.settings import Settings
from presenter.services import build_services
from tests.conftest import make_pdf, make_server, record_segments, record_verifies
from tests.waiting import wait_until

PAGES = 200


def bundle() -> bytes:
    doc = pymupdf.open()
    for n in range(PAGES):
        page = doc.new_page()
        page.insert_text((72, 72), f'Bút lục {n + 1}: lời khai, trang {n + 1}')
        page.draw_rect(pymupdf.Rect(72, 100, 500, 700), color=(0, 0, 0), fill=(0.9, 0.9, 0.8))
    return doc.tobytes()


def test_a_kill_during_an_import_leaves_nothing_half_made(tmp_path: Path) -> None:
    server = make_server(tmp_path / 'data')
    tmp = server.data / 'tmp'
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / 'identity.still').write_bytes(b'x')  # left by an earlier stop
    server.start()
    pdf = bundle()
    try:
        assert not (tmp / 'identity.still').exists()
        with server.client('clerk') as clerk:
            h = clerk.post('/api/hearings', json={'case_number': '9/2026/HSST', 'title': 'Vụ án'}).json()['id']

        def upload() -> None:
            try:
                server.client('clerk').post(f'/api/hearings/{h}/bundles',
                                            files=[('files', ('ho-so.pdf', pdf, 'application/pdf'))])
            except httpx.HTTPError:
                pass  # the server is killed under it
        sending = threading.Thread(target=upload)
        sending.start()
        wait_until(lambda: any(p.name.startswith('import-') for p in tmp.iterdir()), 'the import is under way',
                   step=0.05)
        assert server.process is not None
        server.process.kill()
        server.process.wait()
        sending.join()
        with sqlite3.connect(server.data / 'courtroom.sqlite3') as db:
            made = db.execute('SELECT page_count FROM exhibits WHERE hearing_id = ?', (h,)).fetchall()
        assert made in ([], [(PAGES,)])  # never part of it
        assert any(tmp.iterdir())  # what the import was doing is still there…

        server.start()
        assert list(tmp.iterdir()) == []  # …until the next start
        if made:  # the import had finished before the kill: the drill had nothing to break
            return
        with server.client('clerk') as clerk:
            again = clerk.post(f'/api/hearings/{h}/bundles', files=[('files', ('ho-so.pdf', pdf, 'application/pdf'))])
            assert again.status_code == 201, again.text
            exhibits = clerk.get(f'/api/hearings/{h}/exhibits').json()
        assert [(e['page_count'], e['bl_first'], e['bl_last']) for e in exhibits] == [(PAGES, 1, PAGES)]
    finally:
        server.stop()


def test_a_kill_during_a_burst_of_publishes_keeps_the_last_acknowledged_state(tmp_path: Path) -> None:
    server = make_server(tmp_path / 'data')
    server.start()
    try:
        with server.client('clerk') as clerk:
            h = clerk.post('/api/hearings', json={'case_number': '10/2026/HSST', 'title': 'Vụ án'}).json()['id']
            exhibit = clerk.post(f'/api/hearings/{h}/bundles', files=[
                ('files', ('ho-so.pdf', make_pdf([f'Trang {n}' for n in range(1, 6)]), 'application/pdf'))]
            ).json()['exhibits'][0]['id']
        acknowledged: list[tuple[int, int]] = []  # (version, page) answered to the presenter
        stop = threading.Event()

        def publish() -> None:
            with server.client('procurator') as procurator:
                n = 0
                while not stop.is_set():
                    n += 1
                    page = n % 5 + 1
                    try:
                        answer = procurator.post(f'/api/hearings/{h}/publish',
                                                 json={'exhibit_id': exhibit, 'page': page})
                    except httpx.HTTPError:
                        return  # killed under it
                    if answer.status_code == 200:
                        acknowledged.append((answer.json()['version'], page))
        presenter = threading.Thread(target=publish)
        presenter.start()
        wait_until(lambda: len(acknowledged) >= 30, 'thirty publishes acknowledged', step=0.05)
        assert server.process is not None
        server.process.kill()
        server.process.wait()
        stop.set()
        presenter.join()
        last_version, _ = acknowledged[-1]
        pages = dict(acknowledged)

        server.start()
        with server.client('clerk') as clerk:
            state = clerk.get(f'/api/hearings/{h}/presentation').json()
            chain = clerk.get(f'/api/hearings/{h}/audit/verify').json()
    finally:
        server.stop()
    assert state['version'] >= last_version  # nothing acknowledged is lost…
    assert state['version'] <= last_version + 1  # …and at most the one in flight went through
    if state['version'] == last_version:
        assert state['live']['page'] == pages[last_version]
    assert chain['valid'] is True, chain


def test_a_kill_during_a_record_export_serves_no_half_record(tmp_path: Path) -> None:
    """The server dies while it writes a record: the download breaks off (never a complete answer with a cut zip),
    the next start removes the half-written file, and the record exported then verifies offline."""
    server = make_server(tmp_path / 'data')
    server.start()
    try:
        with server.client('clerk') as clerk:
            h = clerk.post('/api/hearings', json={'case_number': '11/2026/HSST', 'title': 'Vụ án'}).json()['id']
        record_segments(server.data, h, count=2)
        big = server.data / 'recordings' / str(h) / 'courtroom' / 'camera' / '00000.webm'
        big.parent.mkdir(parents=True)
        big.write_bytes(random.randbytes(16 * 2**20))  # ≈ 0.3 s to deflate into the zip on this machine
        digest = hashlib.sha256(big.read_bytes()).hexdigest()
        services = build_services(Settings(data_dir=server.data))
        try:
            services.recordings.add_segment(Segment(
                hearing_id=h, source='courtroom', series='camera', seq=0, path='courtroom/camera/00000.webm',
                sha256=digest, bytes=big.stat().st_size, started_at=time.time() - 5, ended_at=time.time()))
        finally:
            services.close()
        answers: list[object] = []

        def download() -> None:
            with server.client('clerk') as clerk:
                try:
                    answers.append(clerk.get(f'/api/hearings/{h}/record', timeout=120))
                except httpx.HTTPError as e:
                    answers.append(e)
        downloading = threading.Thread(target=download)
        downloading.start()
        half = wait_until(lambda: next((f for f in (server.data / 'tmp').glob('record-*/.*.zip.tmp')
                                        if f.stat().st_size > 0), None), 'the record half written', step=0.01)
        assert server.process is not None
        server.process.kill()
        server.process.wait()
        downloading.join()
        assert half.exists() and isinstance(answers[0], httpx.HTTPError), answers  # the answer broke off

        server.start()
        assert not any((server.data / 'tmp').iterdir())  # the half record is gone
        with server.client('clerk') as clerk:
            assert record_verifies(clerk, h, tmp_path, server.data)
    finally:
        server.stop()
