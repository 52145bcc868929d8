"""The bench console's controls for a published recording: play and pause (K or Space), back and forward 5 s (← →,
or the buttons), a position slider, the speed, and clips (play a saved one; mark in and out points, save one).
Shown only while what is on the screens is an audio or video exhibit; every action goes through
courtroom.playback (audited) and reaches the screens from there."""

from __future__ import annotations

import time
from collections.abc import Callable

from nicegui import run, ui
from nicegui.events import GenericEventArguments, KeyEventArguments

from courtroom.court_time import format_duration
from courtroom.errors import CourtroomError
from courtroom.exhibits import Exhibit, is_av
from courtroom.playback import MAX_RATE, MIN_RATE, Clip, PlaybackState
from courtroom.roles import Action, may
from courtroom.users import User

from ..live import follow
from ..services import Services
from ..session import error_text, t
from .components import testid

STEP_S = 5.0
RATES = [0.5, 0.75, 1.0, 1.25, 1.5, 2.0]
assert MIN_RATE <= min(RATES) and max(RATES) <= MAX_RATE


class PlaybackControls:
    """The card; ``previewed`` gives the exhibit the bench previews, so ← → seek only while that is a recording
    too (on a document they turn its pages)."""

    def __init__(self, services: Services, user: User, hearing_id: int,
                 previewed: Callable[[], Exhibit | None]) -> None:
        self.services = services
        self.user = user
        self.hearing_id = hearing_id
        self.previewed = previewed
        self.state: PlaybackState | None = None
        self.learned = time.time()  # when this tab learned ``state``, on this server's clock
        self.clips: list[Clip] = []
        self.clip_in: float | None = None
        self.clip_out: float | None = None
        may_play = may(user.role, Action.PUBLISH)
        with testid(ui.card(), 'playback-controls').classes('w-full p-3 gap-2') as self.card:
            ui.label(t('playback_title')).classes('text-[11px] uppercase tracking-wide text-slate-500')
            with ui.row().classes('w-full items-center no-wrap gap-1'):
                self.back, _ = self._button('replay_5', t('playback_back'), lambda: self.step(-STEP_S),
                                            'playback-back')
                self.toggle, self.toggle_tip = self._button('play_arrow', t('playback_play'), self.toggle_play,
                                                            'playback-toggle')
                self.forward, _ = self._button('forward_5', t('playback_forward'), lambda: self.step(STEP_S),
                                               'playback-forward')
                self.position = testid(ui.label(), 'playback-position').classes(
                    'text-sm tabular-nums text-slate-800 ml-auto whitespace-nowrap')
            self.slider = testid(ui.slider(min=0, max=1, step=0.1, value=0), 'playback-slider').props(
                f'dense label :label-value="(v => Math.floor(v / 60) + \':\' + String(Math.floor(v % 60))'
                f'.padStart(2, \'0\'))(modelValue)" aria-label="{t("playback_slider")}"')
            self.slider.on('change', self.slid)
            self.speed = testid(ui.select({r: f'{r:g}×' for r in RATES}, value=1.0, label=t('playback_speed'),
                                          on_change=self.speed_chosen), 'playback-speed') \
                .props('dense outlined options-dense').classes('w-full')
            self.clip_select = testid(ui.select({}, label=t('playback_clips'), on_change=self.clip_chosen),
                                      'playback-clips').props('dense outlined options-dense').classes('w-full')
            with ui.row().classes('w-full items-center no-wrap gap-1'):
                self.mark_in = testid(ui.button('[', on_click=lambda: self.mark(True)), 'clip-in').props(
                    f'outline dense no-caps color=primary aria-label="{t("playback_clip_in")}"')
                with self.mark_in:
                    ui.tooltip(t('playback_clip_in'))
                self.mark_out = testid(ui.button(']', on_click=lambda: self.mark(False)), 'clip-out').props(
                    f'outline dense no-caps color=primary aria-label="{t("playback_clip_out")}"')
                with self.mark_out:
                    ui.tooltip(t('playback_clip_out'))
                self.clip_span = testid(ui.label(), 'clip-span').classes('text-xs tabular-nums text-slate-700')
            with ui.row().classes('w-full items-center no-wrap gap-1'):
                self.clip_name = testid(ui.input(t('playback_clip_name')), 'clip-name').props(
                    'dense outlined').classes('flex-1 min-w-0')
                self.save_clip = testid(ui.button(icon='save', on_click=self.save), 'clip-save').props(
                    f'flat round color=primary aria-label="{t("playback_clip_save")}"')
                with self.save_clip:
                    ui.tooltip(t('playback_clip_save'))
            ui.label(t('playback_keys')).classes('text-xs text-slate-500')
        for control in (self.back, self.toggle, self.forward, self.slider, self.speed, self.clip_select,
                        self.mark_in, self.mark_out, self.clip_name, self.save_clip):
            control.set_enabled(may_play)
        self.card.visible = False
        ui.timer(0, self.refresh, once=True)
        ui.timer(0.5, self.tick)
        follow(services.playback.changed, lambda c: self.refresh() if c.hearing_id == hearing_id else None)
        follow(services.presentation.changed,
               lambda s: self.refresh() if s.state.hearing_id == hearing_id else None)

    @staticmethod
    def _button(icon: str, label: str, on_click: Callable[[], object], name: str) -> tuple[ui.button, ui.tooltip]:
        button = testid(ui.button(icon=icon, on_click=on_click), name).props(
            f'flat round color=primary aria-label="{label}"')
        with button:
            tip = ui.tooltip(label)
        return button, tip

    # --- showing the state ------------------------------------------------------------------------------------

    async def refresh(self) -> None:
        previous = self.state.exhibit_id if self.state else None
        self.state = await run.io_bound(self.services.playback.state, self.hearing_id)
        self.learned = self.services.playback.now()
        if self.state is not None and self.state.exhibit_id != previous:
            self.clip_in = self.clip_out = None
            await self.load_clips()
        self.render()

    async def load_clips(self) -> None:
        if self.state is None:
            return
        self.clips = await run.io_bound(self.services.playback.clips, self.state.exhibit_id)
        self.clip_select.set_options({c.id: f'{c.name} ({format_duration(c.in_s, short=True)}–'
                                            f'{format_duration(c.out_s, short=True)})' for c in self.clips})

    def position_now(self) -> float:
        state = self.state
        return 0.0 if state is None else state.position_at(state.at + (time.time() - self.learned))

    def render(self) -> None:
        state = self.state
        self.card.visible = state is not None
        if state is None:
            return
        playing = state.playing and not state.ended_at(state.at + (time.time() - self.learned))
        self.toggle.props(f'icon={"pause" if playing else "play_arrow"} '
                          f'aria-label="{t("playback_pause") if playing else t("playback_play")}"')
        self.toggle.props['data-playing'] = 'true' if playing else 'false'
        self.toggle_tip.text = t('playback_pause') if playing else t('playback_play')
        self.toggle.update()
        self.slider.props(f'max={state.duration_s or max(1.0, self.position_now())}')
        self.slider.value = round(self.position_now(), 1)
        if self.speed.value != state.rate:
            self.speed.set_value(state.rate)
        if self.clip_select.value != state.clip_id:
            self.clip_select.set_value(state.clip_id if state.clip_id in {c.id for c in self.clips} else None)
        self.clip_span.text = (f'{format_duration(self.clip_in, short=True)} – '
                               f'{format_duration(self.clip_out, short=True)}')
        self.tick()

    def tick(self) -> None:
        state = self.state
        if state is None:
            return
        self.position.text = (f'{format_duration(self.position_now(), short=True)} / '
                              f'{format_duration(state.duration_s, short=True)}')
        if state.playing:
            self.slider.value = round(self.position_now(), 1)

    # --- acting -----------------------------------------------------------------------------------------------

    async def act(self, action: str, **values: object) -> None:
        try:
            await run.io_bound(lambda: self.services.playback.act(self.hearing_id, self.user, action, **values))
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')

    async def toggle_play(self) -> None:
        state = self.state
        playing = state is not None and state.playing and not state.ended_at(
            state.at + (time.time() - self.learned))
        await self.act('pause' if playing else 'play')

    async def step(self, seconds: float) -> None:
        if self.state is None:
            return
        end = self.state.duration_s if self.state.duration_s is not None else float('inf')
        await self.act('seek', position_s=round(max(0.0, min(end, self.position_now() + seconds)), 3))

    async def slid(self, e: GenericEventArguments) -> None:
        if isinstance(e.args, int | float) and not isinstance(e.args, bool):
            await self.act('seek', position_s=float(e.args))

    async def speed_chosen(self) -> None:
        if self.state is not None and self.speed.value is not None and self.speed.value != self.state.rate:
            await self.act('rate', rate=self.speed.value)

    async def clip_chosen(self) -> None:
        clip_id = self.clip_select.value
        if self.state is not None and clip_id is not None and clip_id != self.state.clip_id:
            await self.act('clip', clip_id=clip_id)

    def mark(self, start: bool) -> None:
        """The clip's in (or out) point: where the recording is now."""
        if start:
            self.clip_in = round(self.position_now(), 1)
        else:
            self.clip_out = round(self.position_now(), 1)
        self.render()

    async def save(self) -> None:
        state = self.state
        if state is None:
            return
        try:
            await run.io_bound(lambda: self.services.playback.add_clip(
                state.exhibit_id, self.user, name=self.clip_name.value or '', in_s=self.clip_in or 0.0,
                out_s=self.clip_out if self.clip_out is not None else state.duration_s))
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
            return
        ui.notify(t('playback_clip_saved', name=self.clip_name.value), type='positive')
        self.clip_name.value = ''
        self.clip_in = self.clip_out = None
        await self.load_clips()
        self.render()

    async def key(self, e: KeyEventArguments) -> bool:
        """K or Space plays and pauses; ← → go back and forward 5 s while a recording is on the screens and the
        bench previews a recording. True when the key was taken."""
        if self.state is None or e.modifiers.ctrl or e.modifiers.alt or e.modifiers.meta or e.modifiers.shift:
            return False
        k = e.key
        if k.name in ('k', 'K') or k.space:
            if not e.action.repeat:
                await self.toggle_play()
            return True
        previewed = self.previewed()
        if (k.arrow_left or k.arrow_right) and (previewed is None or is_av(previewed)):
            await self.step(STEP_S if k.arrow_right else -STEP_S)
            return True
        return False
