"""A published recording on a courtroom screen (/screen/{token}) and in a remote participant's evidence view
(/join/{token}): the server's side of presenter/static/playback.js. It pushes the hearing's playback state, with the
server's time, whenever the playback, the presentation or the room's audio screen changes (and at load, so a late
view joins at the current position), and answers the view's clock pings. Only a view that shows the recording gets
it, by the same rule as its page images. A participant's copy plays its own sound (the courtroom's speakers reach
them only through the room's microphone) and carries their name across the picture, as their pages do."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from nicegui import context, run, ui
from nicegui.events import GenericEventArguments

from courtroom.participants import Participant
from courtroom.screens import Screen
from courtroom.visibility import Audience, ViewState

from ..live import follow
from ..services import Services

HEAD = '''
<style>
  .screen-media { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
  audio.screen-media { display: none; }
  .screen-watermark { position: absolute; inset: 0; pointer-events: none; background-repeat: repeat; }
</style>
<script src="/static/courtroom/playback.js"></script>
'''


def add_playback_head() -> None:
    """The script and style: call when the page is first built, after the evidence view's head."""
    ui.add_head_html(HEAD)


def playback_payload(services: Services, hearing_id: int, audience: Audience, media_base: str, *, muted: bool,
                     watermark: str | None = None) -> dict[str, Any]:
    """What playback.js needs: the state, where to fetch the recording, whether this view plays its sound and the
    name to write across it; only ``server_now`` (and no exhibit) when the view shows no recording. Blocking."""
    state = services.playback.state(hearing_id)
    view = services.presentation.view(hearing_id, audience)
    if state is None or view.state is not ViewState.SHOWING or view.exhibit_id != state.exhibit_id:
        return {'exhibit_id': None, 'server_now': services.playback.now()}
    exhibit = services.exhibits.get(state.exhibit_id)
    return {**state.to_api(), 'kind': exhibit.kind.value, 'src': f'{media_base}/{exhibit.id}', 'muted': muted,
            'watermark': watermark, 'server_now': services.playback.now()}


def screen_playback(services: Services, screen: Screen) -> None:
    """A courtroom screen: only the room's audio screen plays the sound."""
    def payload() -> dict[str, Any]:
        muted = services.screens.room_audio(screen.hearing_id) != screen.id
        return playback_payload(services, screen.hearing_id, screen.audience, f'/api/screens/{screen.token}/media',
                                muted=muted)
    follow_playback(services, screen.hearing_id, payload)


def participant_playback(services: Services, participant: Participant, token: str) -> None:
    """A remote participant's evidence view: the sound on, their name across the picture."""
    def payload() -> dict[str, Any]:
        return playback_payload(services, participant.hearing_id, participant.audience, f'/api/join/{token}/media',
                                muted=False, watermark=participant.watermark)
    follow_playback(services, participant.hearing_id, payload)


def follow_playback(services: Services, hearing_id: int, payload: Callable[[], dict[str, Any]]) -> None:
    """Keep this page's view in step with the hearing's playback. Call while building the page."""
    client = context.client

    async def push(*_: object) -> None:
        client.run_javascript(f'courtroomPlayback.set({json.dumps(await run.io_bound(payload))})')

    def pong(e: GenericEventArguments) -> None:
        t0 = e.args.get('t0') if isinstance(e.args, dict) else None
        if isinstance(t0, int | float):
            answer = {'t0': t0, 'server': services.playback.now()}
            client.run_javascript(f'courtroomPlayback.pong({json.dumps(answer)})')

    ui.on('playback_ping', pong)
    ui.timer(0, push, once=True)
    client.on_connect(push)
    follow(services.playback.changed, lambda change: push() if change.hearing_id == hearing_id else None)
    follow(services.presentation.changed,
           lambda snapshot: push() if snapshot.state.hearing_id == hearing_id else None)
    follow(services.screens.audio_changed, lambda changed: push() if changed == hearing_id else None)
