"""The record's REST API: the hearing's stage, the recording and its segment files, the minutes, and the exported
record (a zip that verifies offline with ``courtroom verify``). Same conventions as presenter.api."""

import asyncio
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse
from nicegui import app
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from courtroom.errors import NotFound
from courtroom.roles import Action, require, require_in
from courtroom.users import User
from media.recording_check import segment_file

from .hearing_record import export_record, record_name
from .services import Services

MEDIA_TYPES = {'.webm': 'video/webm', '.mkv': 'video/x-matroska', '.mp4': 'video/mp4', '.m4s': 'video/mp4'}


class StageIn(BaseModel):
    stage: str = Field(max_length=50)
    reason: str | None = Field(default=None, max_length=2000)
    resume_on: str | None = Field(default=None, max_length=20, description='YYYY-MM-DD, for a postponement')


class RecordingIn(BaseModel):
    on: bool


class MinutesIn(BaseModel):
    text: str = Field(max_length=20000)


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
        name = record_name(hearing)
        path = export_record(services, hearing_id, folder / name)
        return FileResponse(path, media_type='application/zip', filename=name,
                            background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))

    @router.get('/hearings/{hearing_id}/recordings/{path:path}', include_in_schema=False)
    async def recording_file(hearing_id: int, path: str) -> FileResponse:
        """A recorded segment, to a signed-in staff member's browser (its session, not a bearer token): the
        review page plays it. Only the files the recording entered are served."""
        user = await asyncio.to_thread(services.users.by_token, app.storage.user.get('token'))
        require(user.role, Action.VIEW_HEARING)
        segments = await asyncio.to_thread(services.recordings.segments, hearing_id)
        segment = next((s for s in segments if s.path == path), None)
        folder = services.settings.recordings_dir / str(hearing_id)
        file = segment_file(folder, segment) if segment is not None else None
        if file is None or not file.is_file():
            raise NotFound('not_found')
        return FileResponse(file, media_type=MEDIA_TYPES.get(file.suffix, 'application/octet-stream'),
                            headers={'Cache-Control': 'private, max-age=3600'})
