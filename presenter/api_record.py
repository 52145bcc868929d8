"""The record's REST API: the hearing's stage, the recording and its segment files, the minutes, and the exported
record (a zip that verifies offline with ``courtroom verify``). Same conventions as presenter.api."""

import asyncio
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response
from fastapi.responses import FileResponse
from nicegui import app
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from courtroom.errors import NotFound
from courtroom.roles import Action, require, require_in
from courtroom.users import User
from media.minutes_docx import form_docx
from media.recording_check import segment_file

from .hearing_record import export_record, minutes_document, minutes_form_of, record_name, signed_minutes_pdf
from .services import Services

DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
MEDIA_TYPES = {'.webm': 'video/webm', '.mkv': 'video/x-matroska', '.mp4': 'video/mp4', '.m4s': 'video/mp4'}


class StageIn(BaseModel):
    stage: str = Field(max_length=50)
    reason: str | None = Field(default=None, max_length=2000)
    resume_on: str | None = Field(default=None, max_length=20, description='YYYY-MM-DD, for a postponement')


class RecordingIn(BaseModel):
    on: bool


class MinutesIn(BaseModel):
    text: str = Field(max_length=20000)
    speaker: str | None = Field(default=None, max_length=100,
                                description='who speaks: participant:{id} or staff:{username}, of this hearing')


class EntryEdit(BaseModel):
    text: str | None = Field(default=None, max_length=20000)
    speaker: str | None = Field(default=None, max_length=100, description='null: no one named')


class CorrectionIn(BaseModel):
    text: str = Field(max_length=20000)


class PersonSignatureIn(BaseModel):
    method: str = Field(max_length=20, description='paper: every printed page signed beside the officer; point: '
                                                   'signed at their connection point')
    note: str | None = Field(default=None, max_length=5000, description='who witnessed it, the pages, …')


class DecisionIn(BaseModel):
    accept: bool
    reason: str | None = Field(default=None, max_length=5000, description='required when refusing')


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
    def minutes(hearing_id: int, user: Authed, lang: str = 'vi') -> dict[str, Any]:
        """``{entries, signed_by, corrections, speakers}``: every entry in order (typed ones with their ``id`` and
        ``speaker``), who signed, the corrections asked for after, and who may be named as speaking."""
        require(user.role, Action.VIEW_HEARING)
        services.hearings.get(hearing_id)
        return minutes_document(services, hearing_id, 'en' if lang == 'en' else 'vi')

    @router.post('/hearings/{hearing_id}/minutes', status_code=201, tags=['record'])
    def write_minutes(hearing_id: int, body: MinutesIn, user: Authed) -> dict[str, Any]:
        require_in(user.role, Action.KEEP_MINUTES, services.hearings.get(hearing_id).kind)
        return {'id': services.minutes.write(hearing_id, body.text, author=user.username, speaker=body.speaker)}

    @router.patch('/minutes/entries/{entry_id}', tags=['record'])
    def edit_minutes(entry_id: int, body: EntryEdit, user: Authed) -> dict[str, Any]:
        """A typed entry corrected before the minutes are signed (after: 409)."""
        owner = services.staff.hearing_of('entry_id', entry_id)
        if owner is None:
            raise NotFound('minutes_entry_not_found', entry_id=entry_id)
        require_in(user.role, Action.KEEP_MINUTES, services.hearings.get(owner).kind)
        hearing_id = services.minutes.edit(entry_id, text=body.text, speaker=body.speaker, actor=user.username,
                                           speaker_given='speaker' in body.model_fields_set)
        return next(e.to_api() for e in services.minutes.entries(hearing_id) if e.id == entry_id)

    @router.post('/hearings/{hearing_id}/minutes/sign', tags=['record'])
    def sign_minutes(hearing_id: int, user: Authed) -> dict[str, Any]:
        """The presiding judge signs, then the clerk; anyone else 403; twice, or the clerk first: 409."""
        services.hearings.get(hearing_id)
        signature = services.minutes_signing.sign(hearing_id, username=user.username, role=user.role)
        return signature.to_api(services.users.names())

    @router.post('/hearings/{hearing_id}/minutes/corrections', status_code=201, tags=['record'])
    def ask_correction(hearing_id: int, body: CorrectionIn, user: Authed) -> dict[str, Any]:
        """A correction of the signed minutes, asked for by the procurator or counsel, or entered by the clerk for a
        party: appended at the end, never written over the signed text."""
        services.hearings.get(hearing_id)
        return services.minutes_signing.request_correction(hearing_id, body.text, requested_by=user.username,
                                                           role=user.role).to_api()

    @router.post('/minutes/corrections/{correction_id}/decide', tags=['record'])
    def decide_correction(correction_id: int, body: DecisionIn, user: Authed) -> dict[str, Any]:
        """The presiding judge accepts (both sign) or refuses with a reason, which is written in."""
        return services.minutes_signing.decide(correction_id, accept=body.accept, reason=body.reason,
                                               actor=user.username, role=user.role).to_api()

    @router.get('/hearings/{hearing_id}/minutes.pdf', tags=['record'],
                responses={200: {'content': {'application/pdf': {}}}})
    def minutes_pdf(hearing_id: int, user: Authed, lang: str = 'vi') -> Response:
        """The minutes in the court's form (Mẫu số 22-HS), for printing and filing."""
        require(user.role, Action.VIEW_HEARING)
        return Response(signed_minutes_pdf(services, hearing_id, 'en' if lang == 'en' else 'vi'),
                        media_type='application/pdf', headers=_download(hearing_id, 'pdf'))

    @router.get('/hearings/{hearing_id}/minutes.docx', tags=['record'],
                responses={200: {'content': {DOCX: {}}}})
    def minutes_docx(hearing_id: int, user: Authed, lang: str = 'vi') -> Response:
        """The same minutes as a Word file, which the court edits and files."""
        require(user.role, Action.VIEW_HEARING)
        form = minutes_form_of(services, hearing_id, 'en' if lang == 'en' else 'vi')
        return Response(form_docx(form), media_type=DOCX, headers=_download(hearing_id, 'docx'))

    @router.post('/hearings/{hearing_id}/minutes/recording-notice', status_code=201, tags=['record'])
    def recording_notice(hearing_id: int, user: Authed) -> dict[str, Any]:
        """An interrogation or statement: the person questioned has been told that it is recorded (written in the
        minutes now; once, before signing)."""
        require_in(user.role, Action.KEEP_MINUTES, services.hearings.get(hearing_id).kind)
        services.session_minutes.announce_recording(hearing_id, actor=user.username)
        return {'announced': True}

    @router.post('/participants/{participant_id}/minutes-signature', tags=['record'])
    def person_signature(participant_id: int, body: PersonSignatureIn, user: Authed) -> dict[str, Any]:
        """An interrogation or statement: how the person questioned signed every page of its minutes (``paper``
        or ``point``), recorded by whoever keeps the minutes."""
        participant = services.participants.get(participant_id)
        require_in(user.role, Action.KEEP_MINUTES, services.hearings.get(participant.hearing_id).kind)
        services.session_minutes.person_signed(participant_id, body.method, actor=user.username, note=body.note)
        return {'participant_id': participant_id, 'method': body.method}

    @router.get('/join/{token}/minutes.pdf', tags=['record'], responses={200: {'content': {'application/pdf': {}}}})
    def participant_minutes(token: str, lang: str = 'vi') -> Response:
        """The signed minutes, for a participant to read from their own page (409 before both have signed)."""
        participant = services.participants.by_link(token)
        services.minutes_signing.may_read(participant)
        return Response(signed_minutes_pdf(services, participant.hearing_id, 'en' if lang == 'en' else 'vi'),
                        media_type='application/pdf', headers=_download(participant.hearing_id, 'pdf'))

    @router.post('/join/{token}/minutes/corrections', status_code=201, tags=['record'])
    def participant_correction(token: str, body: CorrectionIn) -> dict[str, Any]:
        """A correction of the signed minutes asked for by a participant from their own page (a party, counsel,
        a witness…, let in to the hearing): ``requested_by`` is ``participant:{id}``."""
        participant = services.participants.by_link(token)
        return services.minutes_signing.request_as_participant(participant, body.text).to_api()

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


def _download(hearing_id: int, extension: str) -> dict[str, str]:
    return {'Content-Disposition': f'attachment; filename="bien-ban-phien-toa-{hearing_id}.{extension}"',
            'Cache-Control': 'no-store'}
