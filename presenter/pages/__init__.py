"""Every page of the app. Each module registers its own routes for the given services."""

from __future__ import annotations

from ..services import Services
from . import bench, case_map, hearing, hearings, join, judge, login, participants, record, review, screen


def register(services: Services) -> None:
    login.register(services)
    hearings.register(services)
    hearing.register(services)
    screen.register(services)
    bench.register(services)
    judge.register(services)
    participants.register(services)
    join.register(services)
    record.register(services)
    review.register(services)
    case_map.register(services)
