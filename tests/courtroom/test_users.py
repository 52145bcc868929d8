from __future__ import annotations

import pytest

from courtroom.errors import Conflict, InvalidInput, Unauthorized
from courtroom.hearings import Hearings
from courtroom.roles import Action, Role, may
from courtroom.users import Users


def test_add_authenticate_and_tokens(store) -> None:
    users = Users(store)
    clerk = users.add('thuky', role='clerk', password='long-enough', name='Trần Thị B')
    assert users.authenticate('thuky', 'long-enough') == clerk
    token = users.issue_token(clerk)
    assert users.by_token(token) == clerk
    users.revoke_token(token)
    with pytest.raises(Unauthorized):
        users.by_token(token)
    with pytest.raises(Unauthorized):
        users.authenticate('thuky', 'wrong-password')
    with pytest.raises(Unauthorized):
        users.authenticate('nobody', 'long-enough')


@pytest.mark.parametrize(('username', 'role', 'password', 'error'), [
    ('ok', 'pope', 'long-enough', InvalidInput),
    ('Bad Name', 'clerk', 'long-enough', InvalidInput),
    ('ok', 'clerk', 'short', InvalidInput),
])
def test_bad_accounts_are_refused(store, username: str, role: str, password: str, error: type) -> None:
    with pytest.raises(error):
        Users(store).add(username, role=role, password=password)


def test_duplicate_username(store) -> None:
    users = Users(store)
    users.add('a1', role='judge', password='long-enough')
    with pytest.raises(Conflict):
        users.add('a1', role='clerk', password='long-enough')


def test_roles_decide() -> None:
    assert may(Role.CLERK, Action.CREATE_HEARING)
    assert not may(Role.PROCURATOR, Action.CREATE_HEARING)
    assert may(Role.PROCURATOR, Action.IMPORT_BUNDLE)
    assert not may(Role.DEFENCE_COUNSEL, Action.IMPORT_BUNDLE)


@pytest.mark.parametrize(('case_number', 'title'), [('', 'x'), ('1', '   '), ('1' * 65, 'x'), ('1', 'x' * 301)])
def test_bad_hearings_are_refused(store, case_number: str, title: str) -> None:
    hearings = Hearings(store)
    with pytest.raises(InvalidInput):
        hearings.create(case_number=case_number, title=title, actor='clerk')
    assert hearings.all() == []
