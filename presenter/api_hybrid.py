"""The hybrid hearing's REST API: connection points, participants and their join links, the roll call (identity
check, admit, turn away), and control (mute, revoke). Same conventions as presenter.api."""

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from courtroom.errors import NotFound
from courtroom.participants import Participant
from courtroom.roles import Action, require, require_in
from courtroom.users import User
from courtroom.visibility import may_fetch
from media.watermark import watermark

from .page_images import burn_for, page_image
from .services import Services
from .urls import join_url


class PointIn(BaseModel):
    name: str = Field(max_length=1000)
    kind: str = Field(max_length=100)


class IdDocument(BaseModel):
    type: str = Field(max_length=50, description='citizen_id, passport, lawyer_card, legal_aid_card or other')
    number: str = Field(max_length=200)
    birth_date: str | None = Field(default=None, max_length=40, description='dd/mm/yyyy or yyyy-mm-dd')


class ParticipantIn(BaseModel):
    name: str = Field(max_length=1000)
    role: str = Field(max_length=100)
    point_id: int
    id_document: IdDocument | None = None
    link_hours: int = 72


class OnIn(BaseModel):
    on: bool = True


class IdCheckIn(BaseModel):
    verified: bool
    note: str | None = Field(default=None, max_length=2000)


class RefuseIn(BaseModel):
    note: str | None = Field(default=None, max_length=2000)


_WATERMARKED: OrderedDict[tuple[int, Path], bytes] = OrderedDict()
_WATERMARKED_LOCK = threading.Lock()
_KEEP = 64


def watermarked_page(participant: Participant, path: Path) -> bytes:
    """The rendered page with the participant's name across it, the latest ones kept in memory. Blocking."""
    key = (participant.id, path)
    with _WATERMARKED_LOCK:
        body = _WATERMARKED.get(key)
    if body is None:
        body = watermark(path.read_bytes(), participant.watermark)
        with _WATERMARKED_LOCK:
            _WATERMARKED[key] = body
            if len(_WATERMARKED) > _KEEP:
                _WATERMARKED.popitem(last=False)
    return body


def hybrid_routes(router: APIRouter, services: Services, current_user: Callable[..., User]) -> None:
    Authed = Annotated[User, Depends(current_user)]

    @router.get('/join/{token}/pages/{exhibit_id}/{page}', tags=['hybrid'],
                responses={200: {'content': {'image/jpeg': {}}}})
    def participant_page(token: str, exhibit_id: int, page: int,
                         width: Annotated[int, Query()] = 960) -> Response:
        """The page a participant's evidence view shows: only while admitted, only what the screens of their role's
        audience show right now, watermarked with their name."""
        participant = services.participants.by_link(token)
        view = services.presentation.view(participant.hearing_id, participant.audience)
        if not participant.state.in_hearing or not may_fetch(view, exhibit_id, page):
            raise NotFound('not_found')
        body = watermarked_page(participant, page_image(services, exhibit_id, page, width,
                                                                burn_for(participant.audience)))
        return Response(body, media_type='image/jpeg', headers={'Cache-Control': 'no-store'})

    def described(p: Participant) -> dict[str, Any]:
        return {**p.to_api(), 'stats': services.participants.stats(p.id)}

    @router.get('/hearings/{hearing_id}/points', tags=['hybrid'])
    def list_points(hearing_id: int, user: Authed) -> list[dict[str, Any]]:
        require(user.role, Action.VIEW_HEARING)
        return [p.to_api() for p in services.points.of_hearing(hearing_id)]

    @router.post('/hearings/{hearing_id}/points', status_code=201, tags=['hybrid'])
    def add_point(hearing_id: int, body: PointIn, user: Authed) -> dict[str, Any]:
        require_in(user.role, Action.MANAGE_PARTICIPANTS, services.hearings.get(hearing_id).kind)
        return services.points.add(hearing_id, name=body.name, kind=body.kind, actor=user.username).to_api()

    @router.get('/hearings/{hearing_id}/participants', tags=['hybrid'])
    def list_participants(hearing_id: int, user: Authed) -> list[dict[str, Any]]:
        require(user.role, Action.VIEW_HEARING)
        services.hearings.get(hearing_id)
        return [described(p) for p in services.participants.of_hearing(hearing_id)]

    @router.post('/hearings/{hearing_id}/participants', status_code=201, tags=['hybrid'])
    def add_participant(hearing_id: int, body: ParticipantIn, request: Request, user: Authed) -> dict[str, Any]:
        require_in(user.role, Action.MANAGE_PARTICIPANTS, services.hearings.get(hearing_id).kind)
        participant, token = services.participants.add(
            hearing_id, name=body.name, role=body.role, point_id=body.point_id, actor=user.username,
            id_document=body.id_document.model_dump() if body.id_document else None, link_hours=body.link_hours)
        return {'id': participant.id, 'join_url': join_url(services, request, token), **described(participant)}

    @router.post('/participants/{participant_id}/link', tags=['hybrid'])
    def new_link(participant_id: int, request: Request, user: Authed) -> dict[str, Any]:
        """A new personal link; the earlier ones stop working."""
        require(user.role, Action.MANAGE_PARTICIPANTS)
        token = services.participants.issue_link(participant_id, actor=user.username)
        return {'id': participant_id, 'join_url': join_url(services, request, token)}

    @router.post('/participants/{participant_id}/id-check', tags=['hybrid'])
    def id_check(participant_id: int, body: IdCheckIn, user: Authed) -> dict[str, Any]:
        require(user.role, Action.ADMIT)
        return described(services.participants.record_id_check(participant_id, verified=body.verified,
                                                                note=body.note, actor=user.username))

    @router.post('/participants/{participant_id}/admit', tags=['hybrid'])
    def admit(participant_id: int, user: Authed) -> dict[str, Any]:
        participant = services.participants.get(participant_id)
        require_in(user.role, Action.ADMIT, services.hearings.get(participant.hearing_id).kind)
        return described(services.participants.admit(participant_id, actor=user.username))

    @router.post('/participants/{participant_id}/refuse', tags=['hybrid'])
    def refuse(participant_id: int, body: RefuseIn, user: Authed) -> dict[str, Any]:
        require(user.role, Action.ADMIT)
        return described(services.participants.refuse(participant_id, actor=user.username, note=body.note))

    @router.post('/participants/{participant_id}/revoke', tags=['hybrid'])
    def revoke(participant_id: int, user: Authed) -> dict[str, Any]:
        """The link stops working at once; a participant in the hearing is removed and their media stops."""
        require(user.role, Action.CONTROL_PARTICIPANTS)
        return described(services.participants.revoke(participant_id, actor=user.username))

    @router.post('/participants/{participant_id}/mute', tags=['hybrid'])
    def mute(participant_id: int, body: OnIn, user: Authed) -> dict[str, Any]:
        require(user.role, Action.CONTROL_PARTICIPANTS)
        return described(services.participants.set_muted(participant_id, body.on, actor=user.username))
