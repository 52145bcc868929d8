"""Sign-in hardening: the password rules, wrong passwords slowed down and then locked out (per account and per
address, kept across a restart, audited), and an administrator disabling an account or resetting its password."""

from __future__ import annotations

import pytest

from courtroom.audit import SERVER_CHAIN, AuditLog
from courtroom.errors import InvalidInput, NotFound, TooManyAttempts, Unauthorized
from courtroom.passwords import check_password
from courtroom.sign_in_guard import Limits, SignInGuard
from courtroom.store import Store
from courtroom.users import Users

GOOD = 'ba-con-meo-trang'


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(('password', 'code'), [
    ('short-pw', 'weak_password'),  # 8 characters
    ('password123', 'common_password'),
    ('Mật Khẩu 2024', 'common_password'),  # marks, case, spaces and a year do not make it another password
    ('mat-khau-123!', 'common_password'),
    ('1234567890', 'common_password'),
    ('0912345678', 'common_password'),  # a phone number: digits alone
    ('aaaaaaaaaaaa', 'common_password'),
    ('abababababab', 'common_password'),
    ('thuky-2026-toa', 'password_is_username'),
])
def test_passwords_that_may_not_be_set(password: str, code: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_password(password, 'thuky')
    assert refused.value.code == code


@pytest.mark.parametrize('password', [GOOD, 'Trời hôm nay xanh', 'k7#Qm2!vXp'])
def test_passwords_that_may(password: str) -> None:
    check_password(password, 'thuky')


def users_with(store: Store, clock: Clock, **limits: Limits) -> Users:
    return Users(store, guard=SignInGuard(store, clock=clock, **limits))


def test_wrong_passwords_slow_down_then_lock_the_account_and_a_restart_forgets_nothing(store: Store) -> None:
    clock = Clock()
    users = users_with(store, clock)
    users.add('thuky', role='clerk', password=GOOD)
    for _ in range(3):  # three free tries
        with pytest.raises(Unauthorized):
            users.authenticate('thuky', 'wrong-one', '10.0.0.5')
    with pytest.raises(Unauthorized):
        users.authenticate('thuky', 'wrong-one', '10.0.0.5')
    # now a wait of 1 s, in which not even the right password is checked
    with pytest.raises(TooManyAttempts) as waiting:
        users.authenticate('thuky', GOOD, '10.0.0.5')
    assert waiting.value.code == 'sign_in_wait' and waiting.value.params['seconds'] == 1
    waits = []
    for _ in range(5):  # 2 s, 4 s, 8 s, 16 s, 30 s
        clock.now += 60
        with pytest.raises(Unauthorized):
            users.authenticate('thuky', 'wrong-one', '10.0.0.5')
        with pytest.raises(TooManyAttempts) as waiting:
            users.authenticate('thuky', 'wrong-one', '10.0.0.5')
        waits.append(waiting.value.params['seconds'])
    assert waits == [2, 4, 8, 16, 30]
    clock.now += 60
    with pytest.raises(Unauthorized):  # the tenth: locked for 15 minutes
        users.authenticate('thuky', 'wrong-one', '10.0.0.5')
    restarted = users_with(store, clock)
    clock.now += 600
    with pytest.raises(TooManyAttempts) as locked:
        restarted.authenticate('thuky', GOOD, '10.0.0.9')  # from anywhere
    assert locked.value.code == 'sign_in_locked' and locked.value.params['minutes'] == 5
    assert locked.value.status == 429
    entries = [e for e in AuditLog(store).entries(SERVER_CHAIN) if e.action == 'sign_in_locked']
    assert [(e.details['account'], e.details['address']) for e in entries] == [('thuky', '10.0.0.5')]
    assert AuditLog(store).verify(SERVER_CHAIN).valid
    clock.now += 301
    assert restarted.authenticate('thuky', GOOD, '10.0.0.9').username == 'thuky'
    # the right password cleared the count: three free tries again
    for _ in range(3):
        with pytest.raises(Unauthorized):
            restarted.authenticate('thuky', 'wrong-one', '10.0.0.9')
    assert restarted.authenticate('thuky', GOOD, '10.0.0.9').username == 'thuky'


def test_one_address_guessing_many_accounts_is_locked_itself(store: Store) -> None:
    clock = Clock()
    users = users_with(store, clock, address=Limits(free=2, lock_after=4, lock_seconds=60))
    users.add('thuky', role='clerk', password=GOOD)
    for name in ('a1', 'a2', 'a3', 'a4'):
        clock.now += 40  # past each wait
        with pytest.raises(Unauthorized):
            users.authenticate(name, 'wrong-one', '10.0.0.66')
    with pytest.raises(TooManyAttempts):
        users.authenticate('thuky', GOOD, '10.0.0.66')
    assert users.authenticate('thuky', GOOD, '10.0.0.7').username == 'thuky'  # another address is not locked
    clock.now += 61
    assert users.authenticate('thuky', GOOD, '10.0.0.66').username == 'thuky'


def test_failures_long_ago_are_forgotten(store: Store) -> None:
    clock = Clock()
    users = users_with(store, clock)
    users.add('thuky', role='clerk', password=GOOD)
    for _ in range(6):
        clock.now += 1000  # more than 15 minutes apart: each is a first failure
        with pytest.raises(Unauthorized):
            users.authenticate('thuky', 'wrong-one')
    assert users.authenticate('thuky', GOOD).username == 'thuky'


def test_an_administrator_disables_an_account_and_resets_a_password(store: Store) -> None:
    clock = Clock()
    users = users_with(store, clock)
    clerk = users.add('thuky', role='clerk', password=GOOD)
    token = users.issue_token(clerk)
    users.disable('thuky', actor='cli:root')
    with pytest.raises(Unauthorized):
        users.by_token(token)  # the session ended
    with pytest.raises(Unauthorized) as refused:
        users.authenticate('thuky', GOOD)
    assert refused.value.code == 'account_disabled'
    users.enable('thuky')
    token = users.issue_token(users.authenticate('thuky', GOOD))
    for _ in range(10):  # locked out ...
        clock.now += 60
        with pytest.raises(Unauthorized):
            users.authenticate('thuky', 'wrong-one')
    with pytest.raises(InvalidInput):  # a reset follows the rules of a new password, and changes nothing if not
        users.reset_password('thuky', 'matkhau123')
    with pytest.raises(TooManyAttempts):
        users.authenticate('thuky', GOOD)
    assert users.by_token(token).username == 'thuky'
    users.reset_password('thuky', 'mot-mat-khau-moi', actor='cli:root')  # ... until the reset, which ends sessions
    with pytest.raises(Unauthorized):
        users.by_token(token)
    with pytest.raises(Unauthorized):
        users.authenticate('thuky', GOOD)
    assert users.authenticate('thuky', 'mot-mat-khau-moi').username == 'thuky'
    for missing in (users.disable, users.enable):
        with pytest.raises(NotFound):
            missing('nobody')
    with pytest.raises(NotFound):
        users.reset_password('nobody', 'mot-mat-khau-moi')
    actions = [(e.actor, e.action) for e in AuditLog(store).entries(SERVER_CHAIN)]
    assert actions == [('cli:root', 'user_disabled'), ('admin', 'user_enabled'), ('system', 'sign_in_locked'),
                       ('cli:root', 'password_reset')]
