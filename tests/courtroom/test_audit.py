from __future__ import annotations

from courtroom.audit import AuditLog, append, verify_chain
from courtroom.hearings import Hearings


def test_chain_verifies_and_names_the_tampered_entry(hearings: Hearings, store) -> None:
    h = hearings.create(case_number='1', title='t', actor='clerk')
    with store.transaction() as db:
        for n in range(4):
            append(db, h.id, 'clerk', 'note', {'n': n, 'text': 'Biên bản'})
    log = AuditLog(store)
    assert log.verify(h.id).valid and log.verify(h.id).entries == 5

    with store.transaction() as db:
        db.execute("UPDATE audit SET details = '{\"n\": 9, \"text\": \"Biên bản\"}' WHERE hearing_id = ? AND seq = 3",
                   (h.id,))
    result = log.verify(h.id)
    assert (result.valid, result.broken_seq, result.reason) == (False, 3, 'hash')


def test_removed_entry_breaks_the_chain(hearings: Hearings, store) -> None:
    h = hearings.create(case_number='1', title='t', actor='clerk')
    with store.transaction() as db:
        for n in range(3):
            append(db, h.id, 'clerk', 'note', {'n': n})
        db.execute('DELETE FROM audit WHERE hearing_id = ? AND seq = 2', (h.id,))
    entries = AuditLog(store).entries(h.id)
    assert verify_chain(entries).broken_seq == 3
