"""What the screens showed at a moment, read back from the audit chain (the review page's timeline)."""

from courtroom.audit import AuditEntry
from courtroom.screen_history import OnScreen, on_screen_at, screen_timeline


def test_screen_timeline() -> None:
    def entry(seq: int, at: str, action: str, **details: object) -> AuditEntry:
        return AuditEntry(hearing_id=1, seq=seq, at=at, actor='x', action=action, details=details, prev_hash='',
                          hash='')

    timeline = screen_timeline([entry(1, '2026-05-20T07:00:00+00:00', 'published', exhibit_id=3, page=2),
                                entry(2, '2026-05-20T07:00:10+00:00', 'kill_switch_on'),
                                entry(3, '2026-05-20T07:00:20+00:00', 'kill_switch_off'),
                                entry(4, '2026-05-20T07:00:30+00:00', 'cleared')])
    t0 = 1779260400.0
    assert on_screen_at(timeline, t0 - 1).state == 'idle'
    shown = on_screen_at(timeline, t0 + 5)
    assert (shown.state, shown.exhibit_id, shown.page) == ('showing', 3, 2)
    assert on_screen_at(timeline, t0 + 15) == OnScreen('blank', since=t0 + 10)
    assert on_screen_at(timeline, t0 + 25).exhibit_id == 3
    assert on_screen_at(timeline, t0 + 35).state == 'idle'
