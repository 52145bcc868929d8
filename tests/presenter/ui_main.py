"""A NiceGUI main file for the ``user`` fixture: the real services on the data folder named by COURTROOM_DATA
(with a conference that has no media workers), every page and API route mounted, run in NiceGUI's simulation. A
test reaches those services as ``app.state.services``, to change something as the web process itself would."""

from nicegui import app, ui

from courtroom.settings import Settings
from presenter.app import mount
from presenter.services import build_services

app.state.services = build_services(Settings.load(), media=False)
mount(app.state.services)
ui.run(storage_secret='test', language='vi')
