from __future__ import annotations

import pytest

from courtroom.audit import AuditLog
from courtroom.errors import Conflict, NotFound
from courtroom.exhibits import Exhibits, assign_bl
from courtroom.hearings import Hearings

from .conftest import draft


def test_assign_bl_runs_across_drafts_and_respects_manifest_numbers() -> None:
    drafts = [draft(['a', 'b']), draft(['c'], bl_first=10), draft(['d', 'e'])]
    assert assign_bl(drafts, set(), 1) == [1, 10, 11]


def test_assign_bl_refuses_a_clash_naming_the_number() -> None:
    with pytest.raises(Conflict) as caught:
        assign_bl([draft(['a', 'b'], bl_first=4)], {5}, 6)
    assert caught.value.params == {'bl': 5}


def test_bundles_continue_bl_numbering_and_every_bl_names_one_page(hearings: Hearings, exhibits: Exhibits,
                                                                   store) -> None:
    h = hearings.create(case_number='1', title='t', actor='clerk')
    first = exhibits.add_bundle(h.id, [draft(['1', '2', '3']), draft(['4'], sha='b')], actor='clerk')
    second = exhibits.add_bundle(h.id, [draft(['5', '6'], sha='c')], actor='clerk')
    assert [(e.label, e.bl_first, e.bl_last) for e in first + second] == [
        ('TL-001', 1, 3), ('TL-002', 4, 4), ('TL-003', 5, 6)]
    ref = exhibits.find_bl(h.id, 5)
    assert (ref.exhibit_id, ref.page) == (second[0].id, 1)
    with pytest.raises(NotFound):
        exhibits.find_bl(h.id, 7)
    assert [e.action for e in AuditLog(store).entries(h.id)] == ['hearing_created', 'bundle_imported',
                                                                  'bundle_imported']


def test_a_bundle_is_stored_whole_or_not_at_all(hearings: Hearings, exhibits: Exhibits, store) -> None:
    h = hearings.create(case_number='1', title='t', actor='clerk')
    exhibits.add_bundle(h.id, [draft(['1', '2'])], actor='clerk')
    with pytest.raises(Conflict):
        # the second draft asks for BL 2, which is taken: the first draft must not be stored either
        exhibits.add_bundle(h.id, [draft(['x'], sha='b'), draft(['y'], sha='c', bl_first=2)], actor='clerk')
    assert len(exhibits.of_hearing(h.id)) == 1
    with store.read() as db:
        assert db.execute('SELECT COUNT(*) FROM pages').fetchone()[0] == 2
        assert db.execute('SELECT COUNT(*) FROM pages_fts').fetchone()[0] == 2
    assert len(AuditLog(store).entries(h.id)) == 2


def test_unknown_hearing_and_exhibit(exhibits: Exhibits) -> None:
    with pytest.raises(NotFound):
        exhibits.add_bundle(99, [draft(['1'])], actor='clerk')
    with pytest.raises(NotFound):
        exhibits.get(42)
