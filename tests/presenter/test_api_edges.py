"""Every API route, given a number in its path beyond SQLite's 64-bit integers (what schemathesis found: a 500 from
OverflowError on some fifteen operations), answers as for a thing that does not exist, in the API's error shape:
the ids are checked once, where they enter, not route by route. In process, against real services on a SQLite
file, as a clerk on the hearing's staff."""

from __future__ import annotations

import errno
import io
import os
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pymupdf
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from nicegui.testing import User
from PIL import Image

from courtroom.settings import Settings
from presenter.api import api_router
from presenter.services import Services, build_services
from tests.conftest import make_pdf
from tests.presenter.conftest import create_hearing, sign_in

HUGE = '9' * 30
PARAM = re.compile(r'{([^}:]+)(?::[^}]+)?}')


@pytest.fixture
def folder(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The data folder: a temporary one, or (parametrized 'small disk') a disk of its own that fills up for real."""
    if getattr(request, 'param', None) == 'small disk':
        return request.getfixturevalue('small_disk')('24m')
    return tmp_path


@pytest.fixture
def services(folder: Path) -> Iterator[Services]:
    built = build_services(Settings(data_dir=folder), media=False)
    yield built
    built.close()


@pytest.fixture
async def clerk(services: Services) -> AsyncIterator[tuple[httpx.AsyncClient, list[APIRoute]]]:
    user = services.users.add('thuky', role='clerk', password='mat-khau-dai-du-1', name='Thư ký')
    router = api_router(services)
    app = FastAPI()
    app.include_router(router)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url='http://court',
                               headers={'Authorization': f'Bearer {services.users.issue_token(user)}'})
    yield client, [r for r in router.routes if isinstance(r, APIRoute)]
    await client.aclose()


async def test_a_full_disk_is_said_plainly_and_keeps_nothing(clerk: tuple[httpx.AsyncClient, list[APIRoute]],
                                                             services: Services, monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    client, _ = clerk
    h = (await client.post('/api/hearings', json={'case_number': '1/2026/HSST', 'title': 'Vụ án'})).json()['id']

    def no_room(*args: object, **kwargs: object) -> bool:
        raise OSError(errno.ENOSPC, 'No space left on device')
    monkeypatch.setattr(services.evidence, 'put', no_room)
    full = await client.post(f'/api/hearings/{h}/bundles', files=[('files', ('a.pdf', make_pdf(['Trang một']),
                                                                              'application/pdf'))])
    assert full.status_code == 507
    assert full.json()['error']['code'] == 'disk_full' and 'Ổ đĩa của máy chủ đã đầy' in full.json()['error']['message']
    assert services.exhibits.of_hearing(h) == []
    assert list(services.settings.tmp_dir.iterdir()) == []  # the upload's copy removed


@pytest.mark.parametrize('folder', ['small disk'], indirect=True)
async def test_an_import_onto_a_really_full_disk_is_refused_plainly_and_repeats_once_space_returns(
        clerk: tuple[httpx.AsyncClient, list[APIRoute]], services: Services) -> None:
    client, _ = clerk
    h = (await client.post('/api/hearings', json={'case_number': '2/2026/HSST', 'title': 'Vụ án'})).json()['id']
    pdf = pymupdf.open()
    page = pdf.new_page()
    noise = io.BytesIO()
    Image.effect_noise((900, 900), 90).convert('RGB').save(noise, 'JPEG')
    page.insert_image(page.rect, stream=noise.getvalue())
    bundle = [('files', ('anh.pdf', pdf.tobytes(), 'application/pdf'))]
    free = os.statvfs(services.settings.data_dir)
    filler = services.settings.data_dir / 'filler'
    with filler.open('wb') as f:
        os.posix_fallocate(f.fileno(), 0, free.f_bavail * free.f_frsize - 64 * 1024)
    full = await client.post(f'/api/hearings/{h}/bundles', files=bundle)
    assert full.status_code == 507, full.text
    assert full.json()['error']['code'] == 'disk_full'
    assert services.exhibits.of_hearing(h) == []
    assert list(services.settings.tmp_dir.iterdir()) == []
    filler.unlink()
    done = await client.post(f'/api/hearings/{h}/bundles', files=bundle)
    assert done.status_code == 201, done.text
    assert [e.title for e in services.exhibits.of_hearing(h)] == ['anh']


async def test_a_number_beyond_sqlite_in_any_path_is_not_found(clerk: tuple[httpx.AsyncClient, list[APIRoute]]
                                                               ) -> None:
    client, routes = clerk
    tried, failed = 0, []
    for route in routes:
        names = PARAM.findall(route.path)
        numbers = [n for n in names if n.endswith('_id') or n in ('page', 'version')]
        if not numbers:
            continue
        path = PARAM.sub(lambda m, ids=numbers: HUGE if m.group(1) in ids else 'x', route.path)
        for method in sorted(route.methods - {'HEAD'}):
            response = await client.request(method, path, json={})
            tried += 1
            error = response.json().get('error', {}) if response.headers.get('content-type', '').startswith(
                'application/json') else {}
            if response.status_code != 404 or not error.get('code', '').endswith('not_found'):
                failed.append(f'{method} {route.path}: {response.status_code} {response.text[:120]}')
    assert tried > 40  # the routes with ids: hearings, exhibits, participants, maps, minutes…
    assert not failed, '\n'.join(failed)


@pytest.mark.nicegui_main_file('tests/presenter/ui_main.py')
@pytest.mark.usefixtures('data')
async def test_a_page_of_a_hearing_beyond_sqlite_is_a_missing_hearing(user: User) -> None:
    await sign_in(user, 'clerk')
    for path in ('record', 'participants', 'review'):
        await user.open(f'/hearings/{HUGE}/{path}')
        await user.should_see(marker='hearing-missing')


@pytest.mark.nicegui_main_file('tests/presenter/ui_main.py')
@pytest.mark.usefixtures('data')
async def test_a_page_asked_for_a_number_beyond_sqlite_in_its_query_opens_without_it(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}?exhibit={HUGE}&page={HUGE}')
    await user.should_see(marker='hearing-title-header')
    await sign_in(user, 'ksv')
    await user.open(f'/maps/{hearing_id}?map={HUGE}')
    await user.should_see(marker='current-user')
