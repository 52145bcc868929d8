"""Rendering ahead: a preview renders its page and neighbours at once; after a publish the neighbours wait for every
connected screen of the hearing to acknowledge the new state, or for AHEAD_WAIT."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from courtroom.roles import Role
from courtroom.screens import Ack, Screen
from courtroom.settings import Settings
from presenter.render_ahead import AHEAD_WAIT, RenderAhead
from presenter.services import Services, build_services
from tests.courtroom.conftest import draft


class Scene:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.rendered: list[tuple[int, list[int], tuple[int, ...]]] = []
        self.timers: list[tuple[float, Callable[[], None]]] = []
        RenderAhead(services, render=lambda _s, exhibit_id, pages, widths: self.rendered.append(
            (exhibit_id, pages, widths)), later=lambda delay, callback: self.timers.append((delay, callback))).start()
        services.users.add('ksv', role=Role.PROCURATOR, password='ksv-password-1')
        self.user = services.users.authenticate('ksv', 'ksv-password-1')
        self.hearing_id = services.hearings.create(case_number='1', title='t', actor='test').id
        self.exhibit_id = services.exhibits.add_bundle(self.hearing_id, [draft(['p'] * 9)], actor='test')[0].id

    def screen(self) -> Screen:
        screen = self.services.screens.add(self.hearing_id, name='S', audience='public', actor='test')
        self.services.screens.connected(screen)
        return screen

    def publish(self, page: int) -> int:
        return self.services.presentation.publish(self.hearing_id, self.user, self.exhibit_id, page).version

    def ack(self, screen: Screen, version: int) -> None:
        self.services.screens.ack(screen, Ack(state='showing', exhibit_id=self.exhibit_id, page=1, version=version))

    def time_passes(self) -> None:
        timers, self.timers = self.timers, []
        for delay, callback in timers:
            assert delay == AHEAD_WAIT
            callback()


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[Scene]:
    services = build_services(Settings(data_dir=tmp_path / 'data'), media=False)
    try:
        yield Scene(services)
    finally:
        services.close()


def test_a_preview_renders_its_page_and_neighbours_at_once(scene: Scene) -> None:
    scene.services.presentation.set_preview(scene.hearing_id, scene.user, scene.exhibit_id, 4)
    assert scene.rendered == [(scene.exhibit_id, [4, 5, 3], (1920,))]


def test_after_a_publish_the_neighbours_wait_for_every_connected_screen(scene: Scene) -> None:
    first, second = scene.screen(), scene.screen()
    version = scene.publish(4)
    assert scene.rendered == []  # not beside the call's answer and the screens fetching page 4
    scene.ack(first, version)
    assert scene.rendered == []
    scene.services.screens.note_width(scene.hearing_id, 640)
    scene.ack(second, version)
    assert scene.rendered == [(scene.exhibit_id, [5, 3], (640, 1920))]
    scene.time_passes()  # the wait ends later: nothing is rendered twice
    assert len(scene.rendered) == 1


def test_a_screen_that_never_acknowledges_delays_the_neighbours_only_until_the_wait_ends(scene: Scene) -> None:
    scene.screen()
    scene.publish(2)
    assert scene.rendered == []
    scene.time_passes()
    assert scene.rendered == [(scene.exhibit_id, [3, 1], (1920,))]


def test_a_newer_publish_replaces_the_one_still_waiting(scene: Scene) -> None:
    screen = scene.screen()
    old = scene.publish(2)
    new = scene.publish(6)
    scene.ack(screen, old)
    assert scene.rendered == []
    scene.ack(screen, new)
    assert scene.rendered == [(scene.exhibit_id, [7, 5], (1920,))]
    scene.time_passes()
    assert len(scene.rendered) == 1


def test_caught_up_counts_only_the_hearings_connected_screens(scene: Scene) -> None:
    screens = scene.services.screens
    assert screens.caught_up(scene.hearing_id, 5)  # no screen connected
    gone = scene.screen()
    screens.disconnected(gone)
    here = scene.screen()
    assert not screens.caught_up(scene.hearing_id, 1)
    scene.ack(here, 2)
    assert screens.caught_up(scene.hearing_id, 1) and screens.caught_up(scene.hearing_id, 2)
    assert not screens.caught_up(scene.hearing_id, 3)
    other = scene.services.hearings.create(case_number='2', title='t', actor='test').id
    assert screens.caught_up(other, 3)
