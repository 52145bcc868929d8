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


def entry(seq: int, second: int, action: str, **details: object) -> AuditEntry:
    return AuditEntry(hearing_id=1, seq=seq, at=f'2026-05-20T07:00:{second:02d}+00:00', actor='x', action=action,
                      details=details, prev_hash='', hash='')


T0 = 1779260400.0  # 2026-05-20T07:00:00Z


def test_the_marks_on_the_shown_page_then_are_those_added_and_not_yet_deleted() -> None:
    def mark(seq: int, second: int, action: str, mark_id: int, page: int) -> AuditEntry:
        return entry(seq, second, action, mark_id=mark_id, exhibit_id=3, page=page, kind='pen',
                     points=[[0.1, 0.1], [0.2, 0.2]], color='red', text=None)

    timeline = screen_timeline([mark(1, 0, 'mark_added', 10, 2),  # before the page is shown: drawn when it is
                                entry(2, 5, 'published', exhibit_id=3, page=2),
                                mark(3, 10, 'mark_added', 11, 2), mark(4, 12, 'mark_added', 12, 1),
                                mark(5, 15, 'mark_deleted', 10, 2),
                                entry(6, 20, 'published', exhibit_id=3, page=1, beside={'exhibit_id': 3, 'page': 2})])
    assert on_screen_at(timeline, T0 + 6).marks == ({'kind': 'pen', 'points': [[0.1, 0.1], [0.2, 0.2]],
                                                     'color': 'red', 'text': None},)
    assert len(on_screen_at(timeline, T0 + 11).marks) == 2
    assert len(on_screen_at(timeline, T0 + 16).marks) == 1
    side_by_side = on_screen_at(timeline, T0 + 21)
    assert (len(side_by_side.marks), len(side_by_side.beside_marks)) == (1, 1)  # page 1's, and page 2's on the right


def test_a_recording_played_is_at_its_position_of_the_moment_and_a_clip_stops_at_its_out_point() -> None:
    timeline = screen_timeline([
        entry(1, 0, 'published', exhibit_id=7, page=1),
        entry(2, 10, 'playback_play', exhibit_id=7, position_s=0.0, rate=1.0, playing=True, at=T0 + 10),
        entry(3, 20, 'playback_rate', exhibit_id=7, position_s=10.0, rate=2.0, playing=True, at=T0 + 20),
        entry(4, 30, 'playback_pause', exhibit_id=7, position_s=30.0, rate=2.0, playing=False, at=T0 + 30),
        entry(5, 40, 'playback_clip', exhibit_id=7, position_s=4.0, rate=1.0, playing=True, at=T0 + 40,
              clip_id=1, clip='Người đội mũ', out_s=6.5),
        entry(6, 50, 'laser_on'), entry(7, 55, 'cleared')])
    assert on_screen_at(timeline, T0 + 5).playback is None  # published, not played yet
    assert on_screen_at(timeline, T0 + 15).playback.position_s == 5.0
    assert on_screen_at(timeline, T0 + 25).playback.position_s == 20.0
    paused = on_screen_at(timeline, T0 + 35).playback
    assert (paused.position_s, paused.playing) == (30.0, False)
    clip = on_screen_at(timeline, T0 + 41).playback
    assert (clip.position_s, clip.playing, clip.clip) == (5.0, True, 'Người đội mũ')
    assert (on_screen_at(timeline, T0 + 45).playback.position_s, on_screen_at(timeline, T0 + 45).playback.playing) \
        == (6.5, False)
    assert on_screen_at(timeline, T0 + 52).laser and not on_screen_at(timeline, T0 + 45).laser
    assert on_screen_at(timeline, T0 + 56) == OnScreen('idle', since=T0 + 55)
