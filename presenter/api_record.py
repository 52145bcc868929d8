"""The record's REST API: the hearing's stage, the recording, the minutes, and the exported record (a zip that
verifies offline with ``courtroom verify``). Same conventions as presenter.api."""

import asyncio
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from courtroom.errors import Unprocessable
from courtroom.roles import Action, require, require_in
from courtroom.users import User
from media.record import build_record

from .services import Services


class StageIn(BaseModel):
    stage: str = Field(max_length=50)
    reason: str | None = Field(default=None, max_length=2000)
    resume_on: str | None = Field(default=None, max_length=20, description='YYYY-MM-DD, for a postponement')


class RecordingIn(BaseModel):
    on: bool


class MinutesIn(BaseModel):
    text: str = Field(max_length=20000)


def export_record(services: Services, hearing_id: int, target: Path) -> Path:
    """Build the hearing's record zip at ``target``. Blocking: call from a worker thread."""
    services.seal.ensure()
    hearing = services.hearings.get(hearing_id)
    settings = services.settings
    pades = (settings.signing_cert, settings.signing_key) if settings.signing_cert and settings.signing_key else None
    return build_record(target, hearing=hearing, court=services.settings.court,
                        exhibits=services.exhibits.of_hearing(hearing_id), entries=services.audit.entries(hearing_id),
                        minutes=services.minutes.entries(hearing_id), segments=services.recordings.segments(hearing_id),
                        recordings_dir=services.settings.recordings_dir / str(hearing_id), seal=services.seal,
                        zone=settings.time_zone, pades=pades)


def record_routes(router: APIRouter, services: Services, current_user: Callable[..., User]) -> None:
    Authed = Annotated[User, Depends(current_user)]

    @router.post('/hearings/{hearing_id}/stage', tags=['record'])
    def move_stage(hearing_id: int, body: StageIn, user: Authed) -> dict[str, Any]:
        require_in(user.role, Action.CONTROL_STAGE, services.hearings.get(hearing_id).kind)
        services.stages.move(hearing_id, body.stage, actor=user.username, reason=body.reason,
                             resume_on=body.resume_on)
        return services.hearings.get(hearing_id).to_api()

    @router.get('/hearings/{hearing_id}/recording', tags=['record'])
    def recording(hearing_id: int, user: Authed) -> dict[str, Any]:
        require(user.role, Action.VIEW_HEARING)
        services.hearings.get(hearing_id)
        on, series = services.recordings.state(hearing_id)
        return {'on': on, 'series': series, 'segments': [s.to_api() for s in services.recordings.segments(hearing_id)]}

    @router.post('/hearings/{hearing_id}/recording', tags=['record'])
    async def set_recording(hearing_id: int, body: RecordingIn, user: Authed) -> dict[str, Any]:
        hearing = await asyncio.to_thread(services.hearings.get, hearing_id)
        require_in(user.role, Action.RECORD, hearing.kind)
        if services.conference is None:
            raise Unprocessable('no_media')
        await services.conference.set_recording(hearing_id, body.on, actor=user.username)
        on, series = await asyncio.to_thread(services.recordings.state, hearing_id)
        return {'on': on, 'series': series}

    @router.get('/hearings/{hearing_id}/minutes', tags=['record'])
    def minutes(hearing_id: int, user: Authed, lang: str = 'vi') -> list[dict[str, Any]]:
        require(user.role, Action.VIEW_HEARING)
        services.hearings.get(hearing_id)
        return [e.to_api() for e in services.minutes.entries(hearing_id, 'en' if lang == 'en' else 'vi')]

    @router.post('/hearings/{hearing_id}/minutes', status_code=201, tags=['record'])
    def write_minutes(hearing_id: int, body: MinutesIn, user: Authed) -> dict[str, Any]:
        require_in(user.role, Action.KEEP_MINUTES, services.hearings.get(hearing_id).kind)
        services.minutes.write(hearing_id, body.text, author=user.username)
        return {'ok': True}

    @router.get('/hearings/{hearing_id}/record', tags=['record'],
                responses={200: {'content': {'application/zip': {}}, 'description': 'the signed record'}})
    def record(hearing_id: int, user: Authed) -> FileResponse:
        """The hearing's record: minutes PDF, audit log, exhibit list, recordings with their signed manifest,
        the court's public key; verify it with ``courtroom verify RECORD.zip``."""
        require(user.role, Action.EXPORT_RECORD)
        hearing = services.hearings.get(hearing_id)
        folder = Path(tempfile.mkdtemp(prefix='record-', dir=services.settings.tmp_dir))
        name = f'ho-so-phien-toa-{hearing.id}-{hearing.case_number.replace("/", "-")}.zip'
        path = export_record(services, hearing_id, folder / name)
        return FileResponse(path, media_type='application/zip', filename=name,
                            background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))
