"""A remote participant's copy of the recording on the screens: served only while they are in the hearing, only
the recording their audience's screens show, and what their evidence view is told (their own sound, their name).
In-process: a participant is admitted through the domain, as the roll call would, without a browser."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
from fastapi import FastAPI

from courtroom.roles import Role
from courtroom.settings import Settings
from courtroom.users import User
from presenter.api import api_router
from presenter.pages.playback_view import playback_payload
from presenter.services import build_services
from presenter.uploads import import_uploads
from tests.conftest import make_pdf, make_webm

PROCURATOR = User(id=2, username='ksv', name='KSV', role=Role.PROCURATOR)


async def test_a_participant_gets_the_shown_recording_only_while_in_the_hearing(tmp_path: Path) -> None:
    services = build_services(Settings(data_dir=tmp_path), media=False)
    try:
        hearing = services.hearings.create(case_number='1/2026/HSST', title='T', actor='thuky')
        document, video = import_uploads(services, hearing.id, 'thuky', [
            ('loi-khai.pdf', io.BytesIO(make_pdf(['Lời khai']))), ('camera.webm', io.BytesIO(make_webm(3.0)))])
        point = services.points.add(hearing.id, name='Điểm cầu', kind='other', actor='thuky')
        witness, token = services.participants.add(hearing.id, name='Người làm chứng', role='witness',
                                                   point_id=point.id, actor='thuky')
        app = FastAPI()
        app.include_router(api_router(services))
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url='http://court')

        async def status(exhibit_id: int) -> int:
            return (await client.get(f'/api/join/{token}/media/{exhibit_id}')).status_code

        services.presentation.publish(hearing.id, PROCURATOR, video.id, 1)
        services.participants.enter_lobby(witness)
        assert await status(video.id) == 404  # in the lobby: not yet
        services.participants.admit(witness.id, actor='thuky')
        response = await client.get(f'/api/join/{token}/media/{video.id}', headers={'Range': 'bytes=0-99'})
        assert response.status_code == 206 and response.headers['content-type'] == 'video/webm'
        assert response.content == services.evidence.path(video.sha256).read_bytes()[:100]
        assert await status(document.id) == 404  # not what is shown
        participant = services.participants.get(witness.id)
        told = playback_payload(services, hearing.id, participant.audience, f'/api/join/{token}/media', muted=False,
                                watermark='Người làm chứng · #1')
        assert (told['exhibit_id'], told['src'], told['muted'], told['watermark']) == (
            video.id, f'/api/join/{token}/media/{video.id}', False, 'Người làm chứng · #1')

        services.presentation.publish(hearing.id, PROCURATOR, document.id, 1)
        assert await status(video.id) == 404  # taken off the screens
        assert playback_payload(services, hearing.id, participant.audience, '', muted=False)['exhibit_id'] is None
        await client.aclose()
    finally:
        services.close()
