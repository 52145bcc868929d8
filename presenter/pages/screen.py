"""A courtroom screen (/screen/{token}): a kiosk page with no controls. It shows what its audience may see right
now, follows every change, reports what it has painted, and recovers by itself after a drop or a restart."""

from __future__ import annotations

from pathlib import Path

from nicegui import app, ui

from courtroom.errors import NotFound

from ..services import Services
from .evidence import add_head, evidence_view

STATIC = Path(__file__).resolve().parent.parent / 'static'

UNKNOWN = {'vi': 'Màn hình không hợp lệ hoặc đã bị thu hồi', 'en': 'This screen link is not valid or has been withdrawn'}

KIOSK = '''
<style>
  html, body, .q-page, .nicegui-content { margin: 0; padding: 0 !important; background: #000; overflow: hidden; }
  #screen-content { position: fixed; inset: 0; cursor: none; }
  #popup { display: none !important; }  /* NiceGUI's "connection lost" notice must not reach a public projector */
</style>
'''


def register(services: Services) -> None:
    app.add_static_files('/static/courtroom', STATIC)

    @ui.page('/screen/{token}', title='Courtroom screen')
    async def screen_page(token: str, lang: str = 'vi') -> None:
        add_head()
        ui.add_head_html(KIOSK)
        try:
            screen = services.screens.by_token(token)
        except NotFound:
            ui.label(UNKNOWN['en' if lang == 'en' else 'vi']).classes('text-white text-2xl absolute-center') \
                .mark('screen-unknown')
            return
        evidence_view(services, services.hearings.get(screen.hearing_id), screen.audience,
                      image_base=f'/api/screens/{token}/pages', lang=lang,
                      on_ack=lambda ack: services.screens.ack(screen, ack),
                      on_connect=lambda: services.screens.connected(screen),
                      on_disconnect=lambda: services.screens.disconnected(screen))
