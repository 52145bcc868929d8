"""The data folder a user-fixture test's app uses: made with the given staff accounts, and named by COURTROOM_DATA
before the main file (ui_main.py) builds its services."""

from __future__ import annotations

from pathlib import Path

import pytest

from courtroom.roles import Role
from courtroom.settings import Settings
from presenter.services import build_services

PASSWORD = 'test-password'


def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, users: list[tuple[str, Role, str]]) -> Path:
    folder = tmp_path / 'data'
    services = build_services(Settings(data_dir=folder))
    for username, role, name in users:
        services.users.add(username, role=role, password=PASSWORD, name=name)
    services.close()
    monkeypatch.setenv('COURTROOM_DATA', str(folder))
    return folder
