"""A hearing's staff: its creator from the start, replaced by the clerk on it or an administrator only, each with
their account's role, audited; the hearing of whatever a path names; and the migration that staffs the hearings
made before staff existed with their creator and everyone who acted on them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from courtroom import audit
from courtroom.errors import Forbidden, InvalidInput, NotFound
from courtroom.hearings import Hearings
from courtroom.roles import Role
from courtroom.staff import NAMED_BY, Staff
from courtroom.store import Store, apply_migration
from courtroom.users import Users


def accounts(store: Store) -> dict[str, object]:
    users = Users(store)
    made = {name: users.add(name, role=role, password='mat-khau-dai-du')
            for name, role in (('thuky', 'clerk'), ('chutoa', 'presiding_judge'), ('ksv', 'procurator'),
                               ('quantri', 'admin'), ('thuky2', 'clerk'))}
    return made


def test_the_creator_is_on_it_and_the_clerk_replaces_the_rest(store: Store) -> None:
    people = accounts(store)
    staff = Staff(store)
    hid = Hearings(store).create(case_number='1', title='x', actor='thuky').id
    assert [(m.username, m.role) for m in staff.of_hearing(hid)] == [('thuky', Role.CLERK)]
    assert staff.is_on(people['quantri'], hid) and not staff.is_on(people['chutoa'], hid)
    with pytest.raises(NotFound):
        staff.require(people['chutoa'], hid)
    # the clerk adds the judge and the procurator and stays on it even if left out of the list
    staff.replace(hid, people['thuky'], [{'username': 'chutoa'}, {'username': 'ksv', 'role': 'procurator'}])
    assert {m.username for m in staff.of_hearing(hid)} == {'thuky', 'chutoa', 'ksv'}
    assert staff.hearings_of(people['ksv']) == {hid} and staff.hearings_of(people['quantri']) is None
    with pytest.raises(Forbidden):  # on it, not the clerk
        staff.replace(hid, people['ksv'], [])
    with pytest.raises(NotFound):  # another clerk, not on it: to them it does not exist
        staff.replace(hid, people['thuky2'], [])
    with pytest.raises(InvalidInput) as wrong:
        staff.replace(hid, people['thuky'], [{'username': 'ksv', 'role': 'presiding_judge'}])
    assert wrong.value.code == 'staff_role_mismatch'
    with pytest.raises(InvalidInput):
        staff.replace(hid, people['thuky'], [{'username': 'nobody'}])
    assert {m.username for m in staff.of_hearing(hid)} == {'thuky', 'chutoa', 'ksv'}  # unchanged by the refusals
    staff.replace(hid, people['quantri'], [{'username': 'thuky2'}])  # an administrator is not added
    assert {m.username for m in staff.of_hearing(hid)} == {'thuky2'}
    changes = [(e.actor, e.details) for e in audit.AuditLog(store).entries(hid) if e.action == 'staff_changed']
    assert changes == [('thuky', {'added': ['chutoa', 'ksv'], 'removed': []}),
                       ('quantri', {'added': ['thuky2'], 'removed': ['chutoa', 'ksv', 'thuky']})]


def test_the_hearing_of_what_a_path_names(store: Store) -> None:
    staff = Staff(store)
    hid = Hearings(store).create(case_number='1', title='x', actor='test').id
    assert staff.hearing_of('hearing_id', hid) == hid
    for named in NAMED_BY:
        assert staff.hearing_of(named, 10**6) is None
        assert staff.hearing_of(named, 2**70) is None  # beyond SQLite's integers: nothing, not an OverflowError


def test_the_migration_staffs_earlier_hearings(tmp_path: Path) -> None:
    path = tmp_path / 'old.sqlite3'
    db = sqlite3.connect(path, isolation_level=None)
    for number in range(1, 15):  # the database as it was before staff
        apply_migration(db, number)
    for name, role in (('thuky', 'clerk'), ('ksv', 'procurator'), ('chutoa', 'presiding_judge')):
        db.execute("INSERT INTO users (username, name, role, password_hash, created_at) VALUES (?, ?, ?, 'x', 'now')",
                   (name, name, role))
    db.execute("INSERT INTO hearings (case_number, title, created_at, created_by) VALUES ('1', 'x', 'now', 1)")
    db.execute("INSERT INTO hearings (case_number, title, created_at, created_by) VALUES ('2', 'y', 'now', NULL)")
    audit.append(db, 1, 'ksv', 'published', {})
    audit.append(db, 1, 'system', 'recording_started', {})
    audit.append(db, 2, 'chutoa', 'stage_changed', {})
    db.close()
    store = Store(path)
    try:
        staff = Staff(store)
        assert {(m.username, m.role) for m in staff.of_hearing(1)} == {('thuky', Role.CLERK), ('ksv', Role.PROCURATOR)}
        assert {m.username for m in staff.of_hearing(2)} == {'chutoa'}
    finally:
        store.close()
