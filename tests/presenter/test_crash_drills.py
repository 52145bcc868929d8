"""Crash drills: the server is killed (SIGKILL) and started again. While it imports a 200-page bundle: no exhibit
is half made, the next start removes what the import left under DATA/tmp/ (and anything else a stopped server left
there), and the same bundle then imports whole, BL 1 to 200. During a burst of publishes: after the restart the
screens' state is the last one acknowledged to the presenter (or one whose answer was on its way), and the audit
chain verifies."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import httpx
import pymupdf

from tests.conftest import make_pdf, make_server
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
