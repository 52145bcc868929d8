"""A courtroom screen (/screen/{token}): a kiosk page with no controls. It shows what its audience may see right
now, follows every change, reports what it has painted, and recovers by itself after a drop or a restart."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from nicegui import app, ui

from courtroom.errors import NotFound
from courtroom.i18n import language
from courtroom.screens import Screen

from ..i18n import Lang
from ..services import Services
from ..texts import TEXTS
from .call import Call
from .evidence import add_head, evidence_view
from .layout import clock, page_language
from .playback_view import add_playback_head, screen_playback

STATIC = Path(__file__).resolve().parent.parent / 'static'

VIDEO_STRIP = '''
<script src="/static/courtroom/join.js"></script>
<style>
  #screen-content { bottom: 22vh !important; }
  #join-tiles { position: fixed; left: 0; right: 0; bottom: 0; height: 22vh; display: flex; gap: 1vh;
                justify-content: center; background: #000; padding: 1vh; }
  .join-tile-video { height: 100%; aspect-ratio: 4 / 3; background: #111827; border-radius: 0.6vh; object-fit: cover;
                     border: 0.4vh solid transparent; }
  .join-speaking { border-color: #22c55e; }
</style>
'''

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
        add_playback_head()
        page_language('en' if lang == 'en' else 'vi')
        ui.add_head_html(KIOSK)
        try:
            screen = services.screens.by_token(token)
        except NotFound:
            ui.label(TEXTS.t('screen_unknown', language(lang))).classes('text-white text-2xl absolute-center') \
                .mark('screen-unknown')
            return
        evidence_view(services, services.hearings.get(screen.hearing_id), screen.audience,
                      image_base=f'/api/screens/{token}/pages', lang=lang,
                      on_ack=lambda ack: services.screens.ack(screen, ack),
                      on_connect=lambda: services.screens.connected(screen),
                      on_disconnect=lambda: services.screens.disconnected(screen))
        screen_playback(services, screen)
        if screen.show_video:
            remote_video(services, screen)
        if services.hearings.get(screen.hearing_id).recorded_whole:  # an interrogation's views all show the time
            corner_clock(services.settings.time_zone, 'en' if lang == 'en' else 'vi')


def corner_clock(zone: ZoneInfo, language: Lang) -> None:
    """A small clock in the top right corner, over the evidence but out of its way."""
    with ui.element('div').style('position: fixed; top: 1vh; right: 1vw; z-index: 10; pointer-events: none'):
        clock(zone, 'text-white text-[2.2vh] bg-black/60 rounded px-[0.6vw] py-[0.2vh]', language)


def remote_video(services: Services, screen: Screen) -> None:
    """A strip along the bottom with every remote participant, heard in the room: the courtroom sees and hears the
    remote points. The evidence keeps the rest of the screen."""
    ui.add_head_html(VIDEO_STRIP)
    ui.html('<div id="join-feed" style="display:none"></div><div id="join-tiles"></div>')
    conference = services.conference
    call = Call(services, screen.hearing_id, f'screen-{screen.id}', lambda offer: conference.join_screen(screen, offer),
                send=False, on_error=lambda e: None, on_status=lambda state: None)
    ui.timer(0.5, call.start, once=True)
