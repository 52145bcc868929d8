"""A NiceGUI main file for the ``user`` fixture: the real services on the data folder named by COURTROOM_DATA
(with a conference that has no media workers), every page and API route mounted, run in NiceGUI's simulation."""

from nicegui import ui

from courtroom.settings import Settings
from presenter.app import mount
from presenter.services import build_services

mount(build_services(Settings.load(), media=False))
ui.run(storage_secret='test', language='vi')
