"""A page's side of a call with the hearing's media worker (presenter/static/join.js in the browser): the offer goes
through the web process to the worker and the answer back, the page learns which participant is in which receive
slot and who is speaking, and it calls again by itself when the connection fails or the worker is restarted.
Used by a remote participant's page and by a courtroom screen that shows the remote points."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from nicegui import context, run, ui
from nicegui.events import GenericEventArguments

from courtroom.errors import CourtroomError

from ..conference import MediaEvent
from ..live import follow
from ..services import Services

logger = logging.getLogger(__name__)

Join = Callable[[dict[str, str]], Awaitable[dict[str, Any]]]


class Call:
    def __init__(self, services: Services, hearing_id: int, worker_id: str, join: Join, *, send: bool,
                 on_error: Callable[[CourtroomError], None], on_status: Callable[[str], None]) -> None:
        self.services = services
        self.hearing_id = hearing_id
        self.worker_id = worker_id  # how the media worker knows this page: a participant id, or screen-{id}
        self.join = join
        self.send = send
        self.on_error = on_error
        self.on_status = on_status
        self.client = context.client
        self.active = True
        ui.on('rtc_offer', self.offer)
        ui.on('rtc_retry', self.start)
        ui.on('rtc_state', lambda e: self.on_status(str((e.args or {}).get('state', ''))))
        follow(services.conference.media_events, self.media)

    async def start(self) -> None:
        if not self.active:
            return
        people = await run.io_bound(self.services.conference.people, self.hearing_id)
        options = {'send': self.send, 'people': people, 'iceServers': list(self.services.settings.ice_servers)}
        self.client.run_javascript(f'courtroomJoin.call({json.dumps(options)})')

    def stop(self) -> None:
        self.active = False
        self.client.run_javascript('courtroomJoin.leave()')

    async def offer(self, e: GenericEventArguments) -> None:
        offer = e.args if isinstance(e.args, dict) else {}
        if not self.active or 'sdp' not in offer:
            return
        try:
            answer = await self.join({'sdp': str(offer['sdp']), 'type': str(offer.get('type', 'offer'))})
        except CourtroomError as error:
            self.on_error(error)
            return
        except Exception:
            logger.exception('joining the media worker failed; trying again')
            self.on_status('reconnecting')
            ui.timer(2.0, self.start, once=True)
            return
        # the offer's number goes back with its answer: the browser takes only the answer to its latest offer
        answer = {**answer, 'generation': offer.get('generation')}
        self.client.run_javascript(f'courtroomJoin.answer({json.dumps(answer)})')

    def media(self, media: MediaEvent) -> None:
        if not self.active or media.hearing_id != self.hearing_id:
            return
        event = media.event
        kind = event.get('event')
        if kind == 'slots' and event.get('participant_id') == self.worker_id:
            slots, version = json.dumps(event['slots']), json.dumps(event.get('version'))
            self.client.run_javascript(f'courtroomJoin.setSlots({slots}, {version})')
        elif kind == 'audio_levels':
            self.client.run_javascript(f'courtroomJoin.levels({json.dumps(event.get("levels", {}))})')
        elif kind == 'people':
            self.client.run_javascript(f'courtroomJoin.setPeople({json.dumps(event["people"])})')
        elif kind == 'worker_restarted':
            self.on_status('reconnecting')
            ui.timer(0.5, self.start, once=True)
