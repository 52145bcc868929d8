"""The evidence view shared by courtroom screens and remote participants' pages: the published page as the given
audience may see it (idle, showing with its zoom region, blank, restricted), following every change, and telling
whoever asks what it has actually painted. The painting itself is presenter/static/screen.js."""

from __future__ import annotations

import json
from collections.abc import Callable

from nicegui import context, run, ui
from nicegui.events import GenericEventArguments

from courtroom.hearings import Hearing
from courtroom.i18n import language
from courtroom.marks import MarksChange, PageMarks
from courtroom.minutes import STAGE_NAMES
from courtroom.presentation import Snapshot
from courtroom.presentation_state import Shown
from courtroom.redactions import RedactionsChange
from courtroom.screens import Ack
from courtroom.stages import StageChange
from courtroom.visibility import Audience, ScreenView, ViewState

from ..live import follow
from ..page_images import ASPECTS, page_aspect
from ..services import Services
from ..texts import TEXTS

STYLE = '''
<style>
  #screen-content { background: #000; color: #e2e8f0; overflow: hidden; }
  #screen-stage { position: absolute; inset: 0; overflow: hidden; }
  .shown-page { position: absolute; }
  .screen-half { position: absolute; top: 0; bottom: 0; width: 50%; overflow: hidden; }
  .screen-half[data-side="0"] { left: 0; }
  .screen-half[data-side="1"] { right: 0; border-left: 0.25vw solid #334155; }
  .screen-image { position: absolute; inset: 0; width: 100%; height: 100%; max-width: none; user-select: none;
                  -webkit-user-drag: none; }
  .screen-layer { position: absolute; inset: 0; display: flex; flex-direction: column; align-items: center;
                  justify-content: center; text-align: center; gap: 1.5vh; font-family: "Noto Sans", sans-serif; }
  .screen-title { font-size: 4vh; font-weight: 600; max-width: 80vw; }
  .screen-sub { font-size: 2.6vh; color: #94a3b8; }
  .screen-stage-notice { display: flex; flex-direction: column; align-items: center; gap: 1vh; margin-top: 2vh;
                         padding: 2vh 4vh; border: 0.3vh solid #f59e0b; border-radius: 1vh;
                         background: rgba(245, 158, 11, 0.12); max-width: 80vw; }
  .screen-stage-notice[data-stage=postponed] { border-color: #f87171; background: rgba(248, 113, 113, 0.12); }
  .screen-stage-notice-title { font-size: 4.2vh; font-weight: 700; color: #fbbf24; text-transform: uppercase;
                               letter-spacing: 0.05em; }
  .screen-stage-notice[data-stage=postponed] .screen-stage-notice-title { color: #fca5a5; }
  .screen-stage-notice-text { font-size: 2.8vh; color: #f1f5f9; }
  .screen-stage-label { position: absolute; left: 1.2vh; bottom: 1.2vh; z-index: 5; pointer-events: none;
                        max-width: 60%; padding: 0.4vh 1.2vh; border-radius: 0.6vh; font-size: max(11px, 1.7vh);
                        font-family: "Noto Sans", sans-serif; color: rgba(226, 232, 240, 0.85);
                        background: rgba(15, 23, 42, 0.55); white-space: nowrap; overflow: hidden;
                        text-overflow: ellipsis; }
  .screen-stage-label[data-stage=suspended] { color: #fde68a; background: rgba(120, 53, 15, 0.7); }
  .screen-stage-label[data-stage=postponed] { color: #fecaca; background: rgba(127, 29, 29, 0.7); }
  .screen-map { position: absolute; inset: 0; background: #f8fafc; }
  .screen-map .map-restricted { background: #e2e8f0 !important; color: #334155 !important; }
  .screen-map .map-tag { background: #dbeafe !important; color: #1e3a8a !important; }
  .screen-map .map-more { background: #f1f5f9 !important; color: #334155 !important; }
  .laser-dot { position: absolute; z-index: 4; box-sizing: border-box; width: max(18px, 2.8vh);
               height: max(18px, 2.8vh); transform: translate(-50%, -50%); border-radius: 50%;
               pointer-events: none; background: #ff2020; background-clip: padding-box;
               border: max(4px, 0.6vh) solid rgba(255, 32, 32, 0.4); transition: opacity 0.3s ease-out; }
</style>
<script src="/static/courtroom/marks.js"></script>
<script src="/static/courtroom/screen.js"></script>
'''


def add_head() -> None:
    """The view's style and script: call when the page is first built (a script added later does not run)."""
    ui.add_head_html(STYLE)


def view_payload(view: ScreenView, version: int, image_base: str, aspect: float | None,
                 marks: PageMarks | None = None,
                 sides: list[dict[str, object] | None] | None = None) -> dict[str, object]:
    """What screen.js paints; side by side, ``sides`` holds each page (``side_payload``), None for an empty side."""
    return {**view.to_api(), 'version': version, 'base': image_base, 'aspect': aspect,
            **(marks_payload(view, marks) if marks is not None else {}), **({'sides': sides} if view.split else {})}


def marks_payload(view: ScreenView | Shown, marks: PageMarks) -> dict[str, object]:
    """The marks of the page a view shows, as screen.js draws them."""
    return {'exhibit_id': view.exhibit_id, 'page': view.page, 'marks_rev': marks.revision,
            'marks': [m.to_draw() for m in marks.marks]}


def side_payload(shown: Shown, aspect: float | None, marks: PageMarks) -> dict[str, object]:
    """One page of two side by side: where it is, its zoom region and shape, and its marks."""
    return {**shown.to_json(), 'aspect': aspect, **marks_payload(shown, marks)}


def evidence_view(services: Services, hearing: Hearing, audience: Audience, *, image_base: str, lang: str,
                  on_ack: Callable[[Ack], None] | None = None, on_connect: Callable[[], None] | None = None,
                  on_disconnect: Callable[[], None] | None = None) -> ui.element:
    """Build the view in the current container and keep it following the hearing. Only one per page, on a page
    that called ``add_head`` when it was built."""

    def t(key: str, /, **params: object) -> str:  # the view's own language: a screen has no signed-in user
        return TEXTS.t(key, language(lang), **params)

    content = ui.element('div').props('id=screen-content data-testid=screen-content data-state=""')
    with content:
        ui.element('div').props('id=screen-stage').on('contextmenu.prevent', lambda: None)
        with ui.element('div').classes('screen-layer').props('data-layer=idle'):
            ui.label(hearing.title).classes('screen-title')
            ui.label(t('screen_case', case=hearing.case_number)).classes('screen-sub')
            idle = ui.label(t('screen_idle')).classes('screen-sub')
            with ui.element('div').classes('screen-stage-notice').props('data-testid=stage-notice') as notice:
                notice_title = ui.label().classes('screen-stage-notice-title')
                notice_text = ui.label().classes('screen-stage-notice-text')
                notice_day = ui.label().classes('screen-stage-notice-text')
        ui.element('div').classes('screen-layer').props('data-layer=blank style="display:none"')
        with ui.element('div').classes('screen-layer').props('data-layer=restricted style="display:none"'):
            ui.label('⚖').classes('screen-title')
            ui.label(t('screen_restricted')).classes('screen-sub')
        stage_label = ui.label().classes('screen-stage-label').props('data-testid=stage-label')

    def show_stage(stage: str, reason: str | None, resume_on: str | None) -> None:
        """The stage, small in a corner; a suspension or postponement, large on the idle layer as well."""
        name = STAGE_NAMES.t(stage, language(lang)) if stage in STAGE_NAMES else stage
        interrupted = stage in ('suspended', 'postponed')
        stage_label.text = f'{name} — {reason}' if interrupted and reason else name
        stage_label.props(f'data-stage={stage}')
        notice.props(f'data-stage={stage}')
        notice.set_visibility(interrupted)
        idle.set_visibility(not interrupted)
        if interrupted:
            notice_title.text = t('screen_suspended' if stage == 'suspended' else 'screen_postponed')
            notice_text.text = reason or ''
            notice_text.set_visibility(bool(reason))
            notice_day.text = t('screen_until', day=_day(resume_on)) if stage == 'postponed' and resume_on else ''
            notice_day.set_visibility(bool(notice_day.text))

    show_stage(hearing.stage, hearing.stage_reason, hearing.resume_on)

    def stage_changed(change: StageChange) -> None:
        if change.hearing_id == hearing.id:
            show_stage(change.stage.value, change.reason, change.resume_on)

    follow(services.stages.changed, stage_changed)
    _follow(services, hearing.id, audience, image_base, on_ack, on_connect, on_disconnect,
            {'restricted': t('screen_map_restricted')})
    return content


def _day(iso: str | None) -> str:
    parts = (iso or '').split('-')
    return '/'.join(reversed(parts)) if len(parts) == 3 else iso or ''


def _follow(services: Services, hearing_id: int, audience: Audience, image_base: str,
            on_ack: Callable[[Ack], None] | None, on_connect: Callable[[], None] | None,
            on_disconnect: Callable[[], None] | None, map_labels: dict[str, str]) -> None:
    client = context.client

    async def aspect_and_marks(shown: Shown) -> tuple[float | None, PageMarks]:
        aspect = ASPECTS.get((shown.exhibit_id, shown.page)) or await run.io_bound(
            page_aspect, services, shown.exhibit_id, shown.page)
        marks = services.marks.known_page(hearing_id, shown.exhibit_id, shown.page) or await run.io_bound(
            services.marks.page, hearing_id, shown.exhibit_id, shown.page)
        return aspect, marks

    async def push(snapshot: Snapshot | None = None) -> None:
        snapshot = snapshot or await run.io_bound(services.presentation.snapshot, hearing_id)
        view = snapshot.view(audience)
        aspect, marks, sides = None, None, None
        if view.split:
            sides = [side_payload(s, *await aspect_and_marks(s)) if s else None for s in view.pages]
        elif view.state is ViewState.SHOWING and view.exhibit_id is not None and view.page is not None:
            aspect, marks = await aspect_and_marks(Shown(view.exhibit_id, view.page))
        # the view paints only the newest version it has been sent, so a slow push cannot undo a later one
        payload = view_payload(view, snapshot.state.version, image_base, aspect, marks, sides)
        if view.map is not None:  # the map as this audience may see it: no notes, restricted links marked
            payload['map'] = {**await run.io_bound(services.maps.on_screen, view.map, audience), 'labels': map_labels}
        # the laser's moves on these pages now come here
        services.laser.show(client.id, hearing_id, [(s.exhibit_id, s.page) for s in view.pages if s])
        for page in [payload, *(sides or [])]:  # new boxes: a new image URL, which no browser cache holds
            if page is not None and page.get('exhibit_id') is not None:
                redactions = services.redactions.known_page(page['exhibit_id'], page['page']) or await run.io_bound(
                    services.redactions.page, page['exhibit_id'], page['page'])
                if redactions.key:
                    page['redaction'] = redactions.key
        client.run_javascript(f'courtroomScreen.show({json.dumps(payload)})')

    async def redraw_marks(change: MarksChange) -> None:
        """Only to a view that shows the changed page: marks follow the same rule as the page itself."""
        view = await run.io_bound(services.presentation.view, hearing_id, audience)
        shown = next((s for s in view.pages if s and (s.exhibit_id, s.page) == (change.exhibit_id, change.page)),
                     None)
        if shown is None:
            return
        marks = services.marks.known_page(hearing_id, change.exhibit_id, change.page) or await run.io_bound(
            services.marks.page, hearing_id, change.exhibit_id, change.page)
        client.run_javascript(f'courtroomScreen.setMarks({json.dumps(marks_payload(shown, marks))})')

    async def redraw_redactions(change: RedactionsChange) -> None:
        """A redaction of the page a view shows changed: the view fetches its image again, burned in anew."""
        view = await run.io_bound(services.presentation.view, hearing_id, audience)
        shown = [(s.exhibit_id, s.page) for s in view.pages if s] if view.split else [(view.exhibit_id, view.page)]
        if view.state is ViewState.SHOWING and (change.exhibit_id, change.page) in shown:
            await push()

    def acknowledged(e: GenericEventArguments) -> None:
        args = e.args if isinstance(e.args, dict) else {}
        if on_ack is not None:
            beside = args.get('beside')
            on_ack(Ack(state=str(args.get('state')), exhibit_id=args.get('exhibit_id'), page=args.get('page'),
                       version=int(args.get('version') or 0),
                       beside=(int(beside[0]), int(beside[1])) if isinstance(beside, list) and len(beside) == 2
                       else None))

    async def connected() -> None:
        if on_connect is not None:
            on_connect()
        await push()  # after a reconnect, whatever was missed meanwhile

    ui.on('screen_ack', acknowledged)
    ui.timer(0, push, once=True)  # now, or as soon as the browser is there: the view may be built after connecting
    client.on_connect(connected)
    if on_disconnect is not None:
        client.on_disconnect(on_disconnect)
    follow(services.presentation.changed,
           lambda snapshot: push(snapshot) if snapshot.state.hearing_id == hearing_id else None)
    follow(services.marks.changed, lambda change: redraw_marks(change) if change.hearing_id == hearing_id else None)
    client.on_delete(lambda: services.laser.forget(client.id))
    follow(services.redactions.changed, lambda change: redraw_redactions(change) if change.hearing_id == hearing_id
           else None)
