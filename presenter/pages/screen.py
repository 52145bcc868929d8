"""A courtroom screen (/screen/{token}): a kiosk page with no controls. It shows what its audience may see right
now, follows every change, reports what it has painted, and recovers by itself after a drop or a restart."""

from __future__ import annotations

import json
from pathlib import Path

from nicegui import app, context, run, ui
from nicegui.events import GenericEventArguments

from courtroom.errors import NotFound
from courtroom.presentation import Snapshot
from courtroom.screens import Ack, Screen
from courtroom.visibility import ScreenView, ViewState

from ..api import ASPECTS, page_aspect
from ..live import follow
from ..services import Services

STATIC = Path(__file__).resolve().parent.parent / 'static'

TEXTS = {
    'vi': {'idle': 'Chưa trình chiếu tài liệu', 'restricted': 'Tài liệu hạn chế — chỉ hiển thị cho Hội đồng xét xử',
           'unknown': 'Màn hình không hợp lệ hoặc đã bị thu hồi', 'case': 'Vụ án số'},
    'en': {'idle': 'Nothing on display', 'restricted': 'Restricted exhibit — shown to the trial panel only',
           'unknown': 'This screen link is not valid or has been withdrawn', 'case': 'Case'},
}

STYLE = '''
<style>
  html, body, .q-page, .nicegui-content { margin: 0; padding: 0 !important; background: #000; overflow: hidden; }
  #screen-content { position: fixed; inset: 0; background: #000; color: #e2e8f0; cursor: none; }
  #screen-stage { position: absolute; inset: 0; overflow: hidden; }
  .screen-image { position: absolute; max-width: none; user-select: none; }
  .screen-layer { position: absolute; inset: 0; display: flex; flex-direction: column; align-items: center;
                  justify-content: center; text-align: center; gap: 1.5vh; font-family: "Noto Sans", sans-serif; }
  .screen-title { font-size: 4vh; font-weight: 600; max-width: 80vw; }
  .screen-sub { font-size: 2.6vh; color: #94a3b8; }
</style>
'''


def view_payload(view: ScreenView, version: int, token: str, aspect: float | None) -> dict[str, object]:
    return {**view.to_api(), 'version': version, 'base': f'/api/screens/{token}/pages', 'aspect': aspect}


def register(services: Services) -> None:
    app.add_static_files('/static/courtroom', STATIC)

    @ui.page('/screen/{token}', title='Courtroom screen')
    async def screen_page(token: str, lang: str = 'vi') -> None:
        texts = TEXTS['en' if lang == 'en' else 'vi']
        ui.add_head_html(STYLE)
        try:
            screen = services.screens.by_token(token)
        except NotFound:
            ui.label(texts['unknown']).classes('text-white text-2xl absolute-center').mark('screen-unknown')
            return
        hearing = services.hearings.get(screen.hearing_id)
        ui.add_head_html('<script src="/static/courtroom/screen.js"></script>')
        with ui.element('div').props('id=screen-content data-testid=screen-content data-state=""'):
            ui.element('div').props('id=screen-stage')
            with ui.element('div').classes('screen-layer').props('data-layer=idle'):
                ui.label(hearing.title).classes('screen-title')
                ui.label(f'{texts["case"]} {hearing.case_number}').classes('screen-sub')
                ui.label(texts['idle']).classes('screen-sub')
            ui.element('div').classes('screen-layer').props('data-layer=blank style="display:none"')
            with ui.element('div').classes('screen-layer').props('data-layer=restricted style="display:none"'):
                ui.label('⚖').classes('screen-title')
                ui.label(texts['restricted']).classes('screen-sub')
        _follow(services, screen)


def _follow(services: Services, screen: Screen) -> None:
    client = context.client

    async def push(snapshot: Snapshot | None = None) -> None:
        snapshot = snapshot or await run.io_bound(services.presentation.snapshot, screen.hearing_id)
        view = snapshot.view(screen.audience)
        aspect = None
        if view.state is ViewState.SHOWING and view.exhibit_id is not None and view.page is not None:
            aspect = ASPECTS.get((view.exhibit_id, view.page)) or await run.io_bound(
                page_aspect, services, view.exhibit_id, view.page)
        # the screen paints only the newest version it has been sent, so a slow push cannot undo a later one
        payload = view_payload(view, snapshot.state.version, screen.token, aspect)
        client.run_javascript(f'courtroomScreen.show({json.dumps(payload)})')

    def acknowledged(e: GenericEventArguments) -> None:
        args = e.args if isinstance(e.args, dict) else {}
        services.screens.ack(screen, Ack(state=str(args.get('state')), exhibit_id=args.get('exhibit_id'),
                                         page=args.get('page'), version=int(args.get('version') or 0)))

    async def connected() -> None:
        services.screens.connected(screen)
        await push()  # after a reconnect, whatever was missed meanwhile

    ui.on('screen_ack', acknowledged)
    client.on_connect(connected)
    client.on_disconnect(lambda: services.screens.disconnected(screen))
    follow(services.presentation.changed,
           lambda snapshot: push(snapshot) if snapshot.state.hearing_id == screen.hearing_id else None)
