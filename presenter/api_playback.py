"""The playback part of the REST API: play, pause, seek and speed of the published recording (courtroom.playback),
the room's audio screen, and a screen's (or an admitted remote participant's) copy of the recording it shows. Same
conventions as presenter.api; who may act is the domain's rule (Action.PUBLISH, as publishing)."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from courtroom.errors import NotFound
from courtroom.exhibits import is_av
from courtroom.roles import Action, require
from courtroom.users import User
from courtroom.visibility import ScreenView, may_fetch

from .services import Services


class PlaybackIn(BaseModel):
    action: str = Field(max_length=100, description='play, pause, seek, rate or clip')
    position_s: float | None = Field(default=None, description='seek: where to, in seconds from the start')
    rate: float | None = Field(default=None, description='rate: the speed, 0.5 to 2')
    clip_id: int | None = Field(default=None, description="clip: the clip to play, from its in point to its out")


class ClipIn(BaseModel):
    name: str = Field(max_length=1000)
    in_s: float = Field(description='where the clip starts, in seconds from the start of the recording')
    out_s: float = Field(description='where it ends')


class AudioOutputIn(BaseModel):
    on: bool


def nothing_playing(services: Services) -> dict[str, Any]:
    return {'exhibit_id': None, 'playing': False, 'position_s': 0.0, 'rate': 1.0, 'at': services.playback.now(),
            'duration_s': None, 'stop_s': None, 'clip_id': None}


def playback_routes(router: APIRouter, services: Services, current_user: Callable[..., User]) -> None:
    Authed = Annotated[User, Depends(current_user)]

    @router.post('/hearings/{hearing_id}/playback', tags=['playback'])
    def act(hearing_id: int, body: PlaybackIn, user: Authed) -> dict[str, Any]:
        """Acts on the published audio or video exhibit; the answer is its state at the moment of the action."""
        return services.playback.act(hearing_id, user, body.action, position_s=body.position_s, rate=body.rate,
                                     clip_id=body.clip_id).to_api()

    @router.post('/exhibits/{exhibit_id}/clips', status_code=201, tags=['playback'])
    def add_clip(exhibit_id: int, body: ClipIn, user: Authed) -> dict[str, Any]:
        """A named part of a recording (in and out points), to play with ``{action: clip, clip_id}``."""
        return services.playback.add_clip(exhibit_id, user, name=body.name, in_s=body.in_s,
                                          out_s=body.out_s).to_api()

    @router.get('/exhibits/{exhibit_id}/clips', tags=['playback'])
    def clips(exhibit_id: int, user: Authed) -> list[dict[str, Any]]:
        require(user.role, Action.VIEW_EXHIBITS)
        return [c.to_api() for c in services.playback.clips(exhibit_id)]

    @router.get('/hearings/{hearing_id}/playback', tags=['playback'])
    def state(hearing_id: int, user: Authed) -> dict[str, Any]:
        """``position_s`` was true at server time ``at`` (unix seconds); while ``playing`` it moves on at ``rate``.
        ``exhibit_id`` is null when what is published is not a recording."""
        require(user.role, Action.VIEW_HEARING)
        services.hearings.get(hearing_id)
        current = services.playback.state(hearing_id)
        return current.to_api() if current is not None else nothing_playing(services)

    @router.post('/screens/{screen_id}/audio_output', tags=['playback'])
    def audio_output(screen_id: int, body: AudioOutputIn, user: Authed) -> dict[str, Any]:
        """Make a screen the room's audio output (the hearing's others stop being it), or stop it being."""
        require(user.role, Action.MANAGE_SCREENS)
        screen = services.screens.set_audio_output(screen_id, body.on, actor=user.username)
        return {'id': screen.id, 'audio_output': screen.audio_output,
                'room_audio_screen': services.screens.room_audio(screen.hearing_id)}

    @router.get('/screens/{token}/media/{exhibit_id}', tags=['playback'],
                responses={200: {'content': {'video/webm': {}}}, 206: {'description': 'a byte range'}})
    def screen_media(token: str, exhibit_id: int) -> FileResponse:
        """A screen fetches the recording it is showing right now, by byte ranges (to seek), and nothing else: the
        same rule as its page images."""
        screen = services.screens.by_token(token)
        return shown_media(services.presentation.view(screen.hearing_id, screen.audience), exhibit_id)

    @router.get('/join/{token}/media/{exhibit_id}', tags=['playback', 'hybrid'],
                responses={200: {'content': {'video/webm': {}}}, 206: {'description': 'a byte range'}})
    def participant_media(token: str, exhibit_id: int) -> FileResponse:
        """A remote participant's evidence view fetches the recording their role's screens show, while admitted."""
        participant = services.participants.by_link(token)
        if not participant.state.in_hearing:
            raise NotFound('not_found')
        return shown_media(services.presentation.view(participant.hearing_id, participant.audience), exhibit_id)

    def shown_media(view: ScreenView, exhibit_id: int) -> FileResponse:
        if not may_fetch(view, exhibit_id, 1):
            raise NotFound('not_found')
        exhibit = services.exhibits.get(exhibit_id)
        if not is_av(exhibit):
            raise NotFound('not_found')
        # the copy made at import when Chromium cannot play the original (media.av_transcode)
        media = exhibit.media.get('playable') or exhibit.media
        mime = str(media.get('mime') or 'application/octet-stream')
        return FileResponse(services.evidence.path(str(media.get('sha256') or exhibit.sha256)), media_type=mime,
                            headers={'Cache-Control': 'no-store'})
