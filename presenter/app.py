"""Mounting the API and pages on NiceGUI's app, and running the server (``courtroom serve``)."""

from __future__ import annotations

import dataclasses
import logging
import shutil
from pathlib import Path

from nicegui import app, ui
from nicegui.storage import Storage

from courtroom.settings import Settings

from . import allocator, demo, log_redaction, pages
from .api import api_router, unknown_api_router
from .docs import mount_docs
from .render_ahead import RenderAhead
from .screen_images import ScreenImages
from .security_headers import SecurityHeaders
from .services import Services, build_services, server_secret

logger = logging.getLogger(__name__)


def mount(services: Services) -> None:
    """Register the REST API and every page for these services; the conference starts and stops with the server."""
    app.on_startup(services.conference.start)
    app.on_shutdown(services.conference.stop)
    app.on_startup(services.loop_watch.start)
    app.on_shutdown(services.loop_watch.stop)
    RenderAhead(services).start()
    app.add_middleware(ScreenImages, services=services)
    app.add_middleware(SecurityHeaders)  # added last, so outermost: on the screens' images too
    mount_docs(app, title='courtroom', version='0.1.0')
    app.include_router(api_router(services))
    pages.register(services)
    app.include_router(unknown_api_router())
    app.on_shutdown(services.close)


def base_url(settings: Settings, tls: bool) -> str:
    if settings.public_url:
        return settings.public_url.rstrip('/')
    host = 'localhost' if settings.host in ('0.0.0.0', '127.0.0.1', '::') else settings.host
    return f'{"https" if tls else "http"}://{host}:{settings.port}'


def remove_leftovers(tmp_dir: Path) -> int:
    """Empty the data folder's tmp/ as the server starts: whatever is there (an upload, an import's pages, an export's
    zip) was left by a server that stopped mid-way, since every one of them is removed when its work ends; an
    exhibit is made only from a finished import, so nothing half-made stays. How many entries were removed."""
    if not tmp_dir.is_dir():
        return 0
    entries = list(tmp_dir.iterdir())
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    return len(entries)


def serve(settings: Settings, *, demo_data: bool = False, tls_cert: Path | None = None,
          tls_key: Path | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format='%(asctime)s %(levelname)s %(name)s: %(message)s')
    log_redaction.install()
    allocator.tune()  # before the threads that draw pages start
    if demo_data and settings.court == Settings().court:  # the demo case's court, unless COURTROOM_COURT names one
        settings = dataclasses.replace(settings, court=demo.DEMO_CASE['court'])
    left = remove_leftovers(settings.tmp_dir)
    if left:
        logging.getLogger(__name__).info('removed %d temporary file(s) left by a stopped server', left)
    services = build_services(settings)
    # browser sessions live in the data folder, not in whatever folder the server was started from
    Storage.path = (settings.data_dir / 'sessions').resolve()
    app.storage = Storage()
    summary = demo.ensure_demo(services) if demo_data else None
    mount(services)
    url = base_url(settings, tls_cert is not None)

    def announce() -> None:
        print(f'\ncourtroom: {url}/  (API: {url}/docs)', flush=True)
        if summary is not None:
            print(summary.describe(url), flush=True)

    app.on_startup(announce)
    # Quasar's top loading bar, shown on every XHR, is an unnamed progressbar to a screen reader; pages show their own
    app.config.quasar_config['loadingBar']['skipHijack'] = True
    ssl = {'ssl_certfile': str(tls_cert), 'ssl_keyfile': str(tls_key)} if tls_cert and tls_key else {}
    # NiceGUI drops a page whose browser missed a ping for 2 s and reloads it when it comes back after 3 s: on a
    # remote point's poor line (or a busy PC) that ends the participant's call. 10 s: a missed ping after 4 s, and a
    # page back within 10 s carries on where it was.
    ui.run(host=settings.host, port=settings.port, reload=False, show=False, title='Courtroom',
           storage_secret=server_secret(settings).hex(), show_welcome_message=False, language='vi',
           favicon='⚖️', reconnect_timeout=10.0, **ssl)
