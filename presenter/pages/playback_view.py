"""A published recording on a courtroom screen (/screen/{token}): the server's side of presenter/static/playback.js.
It pushes the hearing's playback state, with the server's time, whenever the playback, the presentation or the
room's audio screen changes (and at load, so a late screen joins at the current position), and answers the
screen's clock pings. Only a screen whose view shows the recording gets it, by the same rule as its page images."""

from __future__ import annotations

import json
from typing import Any

from nicegui import context, run, ui
from nicegui.events import GenericEventArguments

from courtroom.screens import Screen
from courtroom.visibility import ViewState

from ..live import follow
from ..services import Services

HEAD = '''
<style>
  .screen-media { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
  audio.screen-media { display: none; }
</style>
<script src="/static/courtroom/playback.js"></script>
'''


def add_playback_head() -> None:
    """The script and style: call when the page is first built, after the evidence view's head."""
    ui.add_head_html(HEAD)


def playback_payload(services: Services, screen: Screen, media_base: str) -> dict[str, Any]:
    """What playback.js needs: the state, where to fetch the recording, and whether this screen plays its sound;
    only ``server_now`` (and no exhibit) when the screen shows no recording."""
    hearing_id = screen.hearing_id
    state = services.playback.state(hearing_id)
    view = services.presentation.view(hearing_id, screen.audience)
    if state is None or view.state is not ViewState.SHOWING or view.exhibit_id != state.exhibit_id:
        return {'exhibit_id': None, 'server_now': services.playback.now()}
    exhibit = services.exhibits.get(state.exhibit_id)
    return {**state.to_api(), 'kind': exhibit.kind.value, 'src': f'{media_base}/{exhibit.id}',
            'muted': services.screens.room_audio(hearing_id) != screen.id, 'server_now': services.playback.now()}


def follow_playback(services: Services, screen: Screen, media_base: str) -> None:
    """Keep this page's screen in step with the hearing's playback. Call while building the page."""
    client = context.client
    hearing_id = screen.hearing_id

    async def push(*_: object) -> None:
        payload = await run.io_bound(playback_payload, services, screen, media_base)
        client.run_javascript(f'courtroomPlayback.set({json.dumps(payload)})')

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
