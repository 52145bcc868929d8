"""A recording Chromium cannot play gets a playable copy at import (WebM: VP8 and Opus), stored and hashed beside
the untouched original; a recording Chromium plays is kept as it is, with no copy. The screens are sent the copy."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import av
import httpx
from fastapi import FastAPI

from courtroom.roles import Role
from courtroom.settings import Settings
from courtroom.users import User
from media.av_probe import probe
from media.av_transcode import plays_in_chromium, transcode
from presenter.api import api_router
from presenter.services import build_services
from presenter.uploads import import_uploads
from tests.conftest import make_avi, make_webm

PROCURATOR = User(id=2, username='ksv', name='KSV', role=Role.PROCURATOR)


def test_what_chromium_plays_is_told_from_the_container_and_the_codecs(tmp_path: Path) -> None:
    (tmp_path / 'a.webm').write_bytes(make_webm(1.0))
    (tmp_path / 'b.avi').write_bytes(make_avi(1.0))
    assert plays_in_chromium(probe(tmp_path / 'a.webm', 'a.webm'))
    avi = probe(tmp_path / 'b.avi', 'b.avi')
    assert avi.media['codecs'] == ['mpeg4', 'pcm_s16le'] and not plays_in_chromium(avi)
    made = transcode(tmp_path / 'b.avi', tmp_path / 'b.webm', 'b.avi')
    assert made == {'mime': 'video/webm', 'codecs': ['vp8', 'opus']}
    copy = probe(tmp_path / 'b.webm', 'b.webm')
    assert plays_in_chromium(copy) and copy.media['codecs'] == ['vp8', 'opus']
    assert abs(copy.media['duration_s'] - 1.0) < 0.2 and (copy.media['width'], copy.media['height']) == (160, 120)


async def test_an_avi_is_kept_and_played_from_its_webm_copy(tmp_path: Path) -> None:
    services = build_services(Settings(data_dir=tmp_path), media=False)
    try:
        hearing = services.hearings.create(case_number='1/2026/HSST', title='T', actor='thuky')
        original = make_avi(2.0)
        avi, webm = import_uploads(services, hearing.id, 'thuky', [('camera-cu.avi', io.BytesIO(original)),
                                                                   ('camera.webm', io.BytesIO(make_webm(1.0)))])
        assert avi.sha256 == hashlib.sha256(original).hexdigest()  # the exhibit is the file as it came
        assert services.evidence.path(avi.sha256).read_bytes() == original
        playable = avi.media['playable']
        copy = services.evidence.path(playable['sha256'])
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == playable['sha256']
        assert playable['bytes'] == copy.stat().st_size and playable['mime'] == 'video/webm'
        with av.open(str(copy)) as container:
            assert container.streams.video[0].codec_context.name == 'vp8'
        assert 'playable' not in webm.media  # Chromium plays it as it is

        screen = services.screens.add(hearing.id, name='Máy chiếu', audience='public', actor='thuky')
        services.presentation.publish(hearing.id, PROCURATOR, avi.id, 1)
        app = FastAPI()
        app.include_router(api_router(services))
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url='http://court') as client:
            response = await client.get(f'/api/screens/{screen.token}/media/{avi.id}')
        assert response.status_code == 200 and response.headers['content-type'] == 'video/webm'
        assert response.content == copy.read_bytes()
    finally:
        services.close()
