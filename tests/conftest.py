"""Fixtures shared by the test packages: a real server in a subprocess on a free port with its own data folder,
and staff accounts for each role."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pymupdf
import pytest

from tests.waiting import TIMEOUT, wait_until

PASSWORD = 'test-password'
ROLES = ['admin', 'clerk', 'presiding_judge', 'judge', 'procurator', 'defence_counsel']
OUTSIDER = 'outsider'  # a presiding judge on no hearing's staff: every hearing of the tests is missing to them
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / 'shared' / 'corpus' / 'pdf-samples'  # the shared corpus, cloned beside the repository


@pytest.fixture
def corpus() -> Path:
    """The shared PDF corpus. Without it the tests that need it fail: a skip would pass a run that checked nothing."""
    if not CORPUS.is_dir():
        pytest.fail(f'the shared corpus is missing: {CORPUS} (the repository expects ../shared beside it)')
    return CORPUS


def corpus_pdfs() -> list[Any]:
    """Every PDF of the corpus, to parametrize over. Without the corpus, one case that fails through ``corpus``
    (an empty parameter set would be skipped)."""
    return sorted(CORPUS.glob('*/*.pdf')) or [pytest.param(CORPUS / 'missing.pdf', id='corpus-missing')]


TEST_SEGMENT_SECONDS = 4.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def clean_env(**extra: str) -> dict[str, str]:
    """The environment a user's shell would give: without pytest's variables, which NiceGUI reads as 'under test'."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(('PYTEST_', 'NICEGUI_'))}
    return {**env, **extra}


def cli(*args: str, data: Path, stdin: str = '', check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the ``courtroom`` command line on ``data``: its ``main``, in this process (a subprocess each took seconds
    to import the app; test_cli starts the real command once), with ``stdin`` as its input and what it prints caught."""
    from presenter.cli import main

    out, err = io.StringIO(), io.StringIO()
    argv = [*args, '--data', str(data)]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _stdin(stdin):
        try:
            code = main(argv)
        except SystemExit as e:  # argparse refusing the arguments
            code = e.code if isinstance(e.code, int) else 2
    result = subprocess.CompletedProcess(['courtroom', *argv], code, out.getvalue(), err.getvalue())
    if check and result.returncode != 0:
        raise AssertionError(f'courtroom {" ".join(args)} failed ({result.returncode}):\n{result.stderr}')
    return result


@contextlib.contextmanager
def _stdin(text: str) -> Iterator[None]:
    saved = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = saved


@dataclass
class Server:
    url: str
    data: Path
    process: subprocess.Popen[bytes] | None = None
    port: int = 0
    log: Path | None = None
    tokens: dict[str, str] = field(default_factory=dict)

    def start(self, *extra: str) -> None:
        assert self.log is not None
        # recording segments of 4 s instead of 10: the recording tests see several segments in a few seconds
        env = clean_env(PYTHONUNBUFFERED='1', COURTROOM_SEGMENT_SECONDS=str(TEST_SEGMENT_SECONDS))
        self.process = subprocess.Popen(
            [sys.executable, '-m', 'presenter.cli', 'serve', '--port', str(self.port), *extra, '--data',
             str(self.data)],
            cwd=ROOT, stdout=self.log.open('ab'), stderr=subprocess.STDOUT, env=env)
        process, log = self.process, self.log

        def answering() -> bool:
            if process.poll() is not None:
                raise RuntimeError(f'server exited early:\n{log.read_text()}')
            try:
                return httpx.get(f'{self.url}/api/health', timeout=1).status_code == 200
            except httpx.HTTPError:
                return False
        wait_until(answering, f'the server answers /api/health (its log: {log})', timeout=2 * TIMEOUT, step=0.2)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def token(self, role: str) -> str:
        if role not in self.tokens:
            response = httpx.post(f'{self.url}/api/auth/token', data={'username': role, 'password': PASSWORD})
            response.raise_for_status()
            self.tokens[role] = response.json()['access_token']
        return self.tokens[role]

    def client(self, role: str | None = None, lang: str | None = None) -> httpx.Client:
        """A client signed in as the account ``role``. A hearing it creates is staffed by every role's account
        (not the outsider's), as a clerk would staff it before the tests' other roles act on it."""
        headers = {}
        if role:
            headers['Authorization'] = f'Bearer {self.token(role)}'
        if lang:
            headers['Accept-Language'] = lang
        return httpx.Client(base_url=self.url, headers=headers, timeout=120,
                            event_hooks={'response': [self._staff_new_hearing]})

    def _staff_new_hearing(self, response: httpx.Response) -> None:
        request = response.request
        if request.method != 'POST' or request.url.path != '/api/hearings' or response.status_code != 201:
            return
        response.read()
        staffed = httpx.put(f'{self.url}/api/hearings/{response.json()["id"]}/staff', timeout=60,
                            headers={'Authorization': request.headers['Authorization']},
                            json=[{'username': role} for role in ROLES if role != 'admin'])
        assert staffed.status_code == 200, staffed.text


def make_server(data: Path) -> Server:
    """A server's data folder with an account per role (added in-process: a ``courtroom user add`` subprocess per
    role took 20 s, and test_cli runs that command), and the server to start on it."""
    from courtroom.settings import Settings
    from presenter.services import build_services

    services = build_services(Settings(data_dir=data), media=False)
    try:
        for role in ROLES:
            services.users.add(role, role=role, password=PASSWORD, name=f'Người dùng {role}')
        services.users.add(OUTSIDER, role='presiding_judge', password=PASSWORD, name='Người ngoài')
    finally:
        services.close()
    port = free_port()
    return Server(url=f'http://127.0.0.1:{port}', data=data, port=port, log=data / 'server.log')


def record_verifies(client: httpx.Client, hearing_id: int, folder: Path, data: Path) -> bool:
    """The hearing's record, downloaded whole into ``folder``, passes ``courtroom verify``."""
    record = client.get(f'/api/hearings/{hearing_id}/record', timeout=120)
    assert record.status_code == 200, record.text
    (folder / 'record.zip').write_bytes(record.content)
    return cli('verify', str(folder / 'record.zip'), data=data).returncode == 0


def mount_small_disk(folder: Path, size: str) -> None:
    """A tmpfs of ``size`` (``mount``'s words: 2m, 512k) at ``folder``: a disk that fills up for real. Where this
    machine lets no test mount one (no root, no CAP_SYS_ADMIN), the test is skipped, saying so: the full-disk
    paths are also tested with a faked ENOSPC, which runs everywhere."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(['mount', '-t', 'tmpfs', '-o', f'size={size}', 'tmpfs', str(folder)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f'cannot mount a small disk here: {done.stderr.strip()}')


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """``small_disk(size)``: a folder on its own tmpfs of ``size``, unmounted after the test."""
    mounted: list[Path] = []

    def make(size: str) -> Path:
        folder = tmp_path / f'disk-{len(mounted)}'
        mount_small_disk(folder, size)
        mounted.append(folder)
        return folder
    yield make
    for folder in mounted:
        subprocess.run(['umount', '-l', str(folder)], check=False)


@pytest.fixture(scope='session')
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One real server for the session; tests that change data make their own hearing."""
    running = make_server(tmp_path_factory.mktemp('server-data'))
    running.start()
    yield running
    running.stop()


def api_hearing(server: Server, case_number: str, title: str, files: list[tuple[str, bytes, str]],
                audiences: tuple[str, ...] = ()) -> dict[str, Any]:
    """A hearing of its own, made through the API as the clerk would: ``files`` (name, bytes, type) imported, and a
    screen per audience. Its id, its exhibits as imported, and each screen's id and token by audience."""
    with server.client('clerk') as clerk:
        hearing = clerk.post('/api/hearings', json={'case_number': case_number, 'title': title})
        assert hearing.status_code == 201, hearing.text
        hid = hearing.json()['id']
        uploaded = clerk.post(f'/api/hearings/{hid}/bundles', files=[('files', f) for f in files])
        assert uploaded.status_code == 201, uploaded.text
        screens = {}
        for audience in audiences:
            screen = clerk.post(f'/api/hearings/{hid}/screens', json={'name': audience, 'audience': audience})
            assert screen.status_code == 201, screen.text
            screens[audience] = (screen.json()['id'], screen.json()['url'].rsplit('/screen/', 1)[1])
    return {'hearing_id': hid, 'exhibits': uploaded.json()['exhibits'], 'screens': screens}


def make_pdf(pages: list[str]) -> bytes:
    """A small PDF, one line of text per page, set in Noto Sans so Vietnamese diacritics survive extraction."""
    doc = pymupdf.open()
    font = pymupdf.Font('notos')
    for text in pages:
        page = doc.new_page()
        writer = pymupdf.TextWriter(page.rect)
        writer.append((72, 100), text, font=font, fontsize=16)
        writer.write_text(page)
    data = doc.tobytes()
    doc.close()
    return data


def make_avi(seconds: float, *, fps: int = 10, size: tuple[int, int] = (160, 120)) -> bytes:
    """A small AVI with MPEG-4 part 2 video and PCM sound, as an older CCTV recorder writes it: the importer accepts
    it, Chromium plays neither its container nor its video codec."""
    import io
    from fractions import Fraction

    import av
    import numpy as np

    out = io.BytesIO()
    with av.open(out, mode='w', format='avi') as container:
        video = container.add_stream('mpeg4', rate=fps)
        video.width, video.height, video.pix_fmt = *size, 'yuv420p'
        audio = container.add_stream('pcm_s16le', rate=8000)
        audio.layout = 'mono'
        for i in range(round(seconds * fps)):
            picture = np.full((size[1], size[0], 3), (i * 7) % 255, dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(picture, format='rgb24').reformat(format='yuv420p')
            frame.pts, frame.time_base = i, Fraction(1, fps)
            for packet in video.encode(frame):
                container.mux(packet)
        for start in range(0, round(8000 * seconds), 800):
            tone = (np.sin(np.arange(800) / 5) * 8000).astype(np.int16).reshape(1, -1)
            sound = av.AudioFrame.from_ndarray(tone, format='s16', layout='mono')
            sound.sample_rate, sound.pts, sound.time_base = 8000, start, Fraction(1, 8000)
            for packet in audio.encode(sound):
                container.mux(packet)
        for stream in (video, audio):
            for packet in stream.encode():
                container.mux(packet)
    return out.getvalue()


def make_webm(seconds: float, *, fps: int = 10, size: tuple[int, int] = (160, 120)) -> bytes:
    """A small VP8 WebM recording (as demo/video.py makes the demo's camera video, which Chromium plays): a
    counter of tenths of a second on a background that changes shade every second."""
    import io
    from fractions import Fraction

    import av
    from PIL import Image, ImageDraw

    out = io.BytesIO()
    with av.open(out, mode='w', format='webm') as container:
        stream = container.add_stream('libvpx', rate=fps)
        stream.width, stream.height, stream.pix_fmt = *size, 'yuv420p'
        stream.codec_context.time_base = Fraction(1, fps)
        stream.options = {'deadline': 'realtime', 'cpu-used': '8', 'b': '100k'}
        for i in range(round(seconds * fps)):
            image = Image.new('RGB', size, (20 + (i // fps) * 37 % 200, 60, 90))
            ImageDraw.Draw(image).text((8, 8), f'{i / fps:.1f}', fill=(255, 255, 255))
            frame = av.VideoFrame.from_image(image).reformat(format='yuv420p')
            frame.pts, frame.time_base = i, Fraction(1, fps)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return out.getvalue()


def record_segments(data: Path, hearing_id: int, *, start: float | None = None, count: int = 2, seconds: float = 1.0,
                    source: str = 'courtroom', first: int = 0, services: Any = None) -> list[Any]:
    """``count`` segment files of ``seconds`` each, numbered from ``first``, of the series begun at ``start`` (10 s
    ago by default) under DATA/recordings/{hearing}/{source}/{series}/, entered as the media worker would: by another
    process writing the same database, which a server reads when a page loads, or by the server's own ``services``
    (which tell its open pages)."""
    from courtroom.recordings import Segment
    from courtroom.settings import Settings
    from presenter.services import build_services

    own = services is None
    services = build_services(Settings(data_dir=data)) if own else services
    try:
        start = start if start is not None else time.time() - 10
        series = time.strftime('%Y%m%dT%H%M%S000000Z', time.gmtime(start))
        out = []
        for seq in range(first, first + count):
            relative = f'{source}/{series}/{seq:05d}.webm'
            path = services.settings.recordings_dir / str(hearing_id) / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(make_webm(seconds))
            data_bytes = path.read_bytes()
            begin = start + seq * seconds
            segment = Segment(hearing_id=hearing_id, source=source, series=series, seq=seq, path=relative,
                              sha256=hashlib.sha256(data_bytes).hexdigest(), bytes=len(data_bytes),
                              started_at=begin, ended_at=begin + seconds)
            services.recordings.add_segment(segment)
            out.append(segment)
        return out
    finally:
        if own:
            services.close()


def audit_time(data: Path, hearing_id: int, action: str, nth: int = 0) -> float:
    """When the ``nth`` audit entry of ``action`` in the hearing was written, as a unix time."""
    from courtroom.settings import Settings
    from presenter.services import build_services

    services = build_services(Settings(data_dir=data))
    try:
        entries = [e for e in services.audit.entries(hearing_id) if e.action == action]
        return datetime.fromisoformat(entries[nth].at).timestamp()
    finally:
        services.close()


def plain_minutes(store: Any, hearing_id: int, court: str = 'Tòa án') -> Any:
    """The minutes' form of a hearing made straight on a store (no staff, participants or signatures), for a record
    built without the server."""
    from courtroom.court_time import DEFAULT_ZONE, zone_named
    from courtroom.hearings import Hearings
    from courtroom.minutes import Minutes
    from courtroom.minutes_form import build_form

    return build_form(court=court, hearing=Hearings(store).get(hearing_id), staff=[], names={}, participants=[],
                      points=[], present=set(), entries=Minutes(store).entries(hearing_id), signatures=[],
                      corrections=[], zone=zone_named(DEFAULT_ZONE))


def pdf_words(pdf: bytes) -> str:
    """A PDF's words, page after page, without the "1/2" at each page's foot (a line of the minutes may go on over
    the page, and the number would come between its words)."""
    out = []
    with pymupdf.open(stream=pdf) as doc:
        for page in doc:
            words = page.get_text().split()
            out += words[:-1] if words and re.fullmatch(r'\d+/\d+', words[-1]) else words
    return ' '.join(out)
