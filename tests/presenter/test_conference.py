"""The conference as the composition root builds it: the real one owns its tasks (cancelled and awaited on stop),
the one without media refuses what needs media in the user's words (``no_media``)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from courtroom.errors import Unprocessable
from courtroom.settings import Settings
from presenter.conference import MediaConference, NoMediaConference
from presenter.services import build_services


async def test_the_real_conference_owns_its_tasks(tmp_path: Path) -> None:
    services = build_services(Settings(data_dir=tmp_path))
    try:
        conference = services.conference
        assert isinstance(conference, MediaConference)
        hearing = services.hearings.create(case_number='1/2026/HSST', title='T', actor='test')
        before = asyncio.all_tasks()
        conference.start()
        services.participants.changed.emit(hearing.id)  # as the roll call does, from any thread: a sync task
        for _ in range(20):
            await asyncio.sleep(0)
        started = asyncio.all_tasks() - before
        assert any(t.get_name() == 'conference watch' for t in started)
        await conference.stop()
        assert all(t.done() for t in started)
        services.participants.changed.emit(hearing.id)  # unsubscribed on stop: nothing new starts
        await asyncio.sleep(0)
        assert asyncio.all_tasks() <= before | started
    finally:
        services.close()


async def test_without_media_the_conference_refuses_media_and_recording(tmp_path: Path) -> None:
    services = build_services(Settings(data_dir=tmp_path), media=False)
    try:
        conference = services.conference
        assert isinstance(conference, NoMediaConference)
        hearing = services.hearings.create(case_number='1/2026/HSST', title='T', actor='test')
        with pytest.raises(Unprocessable) as refused:
            await conference.set_recording(hearing.id, True, actor='test')
        assert refused.value.code == 'no_media'
        assert services.recordings.state(hearing.id)[0] is False
        assert conference.current_outages(hearing.id) == []
    finally:
        services.close()
