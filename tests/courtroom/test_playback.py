"""Playing a published recording on the screens: the position at any server time (the pure clock every screen
follows), each bench action and its audit entry, who may act, publishing another exhibit ending the playback, the
room's audio screen, and every class of bad input refused with a named error, nothing changed."""

from __future__ import annotations

import math
from typing import Any

import pytest

from courtroom.audit import AuditLog
from courtroom.errors import Conflict, CourtroomError, Forbidden, InvalidInput
from courtroom.exhibits import ExhibitDraft, ExhibitKind, Exhibits
from courtroom.hearings import Hearings
from courtroom.messages import DOMAIN_ERRORS
from courtroom.minutes import Minutes
from courtroom.playback import Playback, PlaybackChange, PlaybackState, act
from courtroom.presentation import Presentation
from courtroom.roles import Role
from courtroom.screens import Screen, Screens, room_audio_screen
from courtroom.store import Store
from courtroom.users import User
from courtroom.visibility import Audience

from .conftest import draft

PROCURATOR = User(id=1, username='ksv', name='KSV', role=Role.PROCURATOR)
JUDGE = User(id=2, username='chutoa', name='Chủ tọa', role=Role.PRESIDING_JUDGE)
COUNSEL = User(id=4, username='ls', name='Luật sư', role=Role.DEFENCE_COUNSEL)
CLERK = User(id=3, username='thuky', name='Thư ký', role=Role.CLERK)


def state(**changes: object) -> PlaybackState:
    values: dict[str, object] = {'hearing_id': 1, 'exhibit_id': 7, 'duration_s': 20.0, 'at': 100.0}
    return PlaybackState(**{**values, **changes})  # type: ignore[arg-type]


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def av_draft(kind: ExhibitKind = ExhibitKind.VIDEO, duration: float | None = 20.0) -> ExhibitDraft:
    return ExhibitDraft(title='Camera', kind=kind, sha256='c' * 64, source_name='cam.webm', page_texts=[''],
                        media={'mime': 'video/webm', 'duration_s': duration})


def setup(store: Store) -> tuple[Playback, Presentation, Clock, int, int, int]:
    """Playback on a controlled clock; a hearing with a document and a 20 s video."""
    hearings, exhibits = Hearings(store), Exhibits(store)
    h = hearings.create(case_number='1', title='t', actor='thuky')
    document, video = exhibits.add_bundle(h.id, [draft(['a', 'b']), av_draft()], actor='thuky')
    presentation = Presentation(store, hearings, exhibits)
    clock = Clock()
    return Playback(store, presentation, exhibits, clock=clock), presentation, clock, h.id, document.id, video.id


# --- the pure clock --------------------------------------------------------------------------------------------

def test_position_moves_at_the_rate_while_playing_and_stops_at_the_end() -> None:
    paused = state(position_s=3.0)
    assert paused.position_at(50.0) == paused.position_at(500.0) == 3.0
    playing = state(position_s=3.0, playing=True, rate=1.5)
    assert playing.position_at(100.0) == 3.0
    assert playing.position_at(104.0) == pytest.approx(9.0)
    assert playing.position_at(99.0) == 3.0  # before it was true: not earlier than it
    assert playing.position_at(1000.0) == 20.0 and playing.ended_at(1000.0)
    assert not playing.at_time(1000.0).playing
    unknown_length = state(duration_s=None, playing=True)
    assert unknown_length.position_at(160.0) == 60.0 and not unknown_length.ended_at(160.0)


def test_each_action_starts_from_the_position_at_its_moment() -> None:
    s = act(state(), 'play', 100.0)
    assert (s.playing, s.position_s, s.at, s.version) == (True, 0.0, 100.0, 1)
    s = act(s, 'rate', 104.0, rate=2)
    assert (s.playing, s.position_s, s.rate) == (True, 4.0, 2.0)
    s = act(s, 'pause', 105.0)
    assert (s.playing, s.position_s, s.at) == (False, 6.0, 105.0)
    s = act(s, 'seek', 200.0, position_s=12.5)
    assert (s.playing, s.position_s, s.at) == (False, 12.5, 200.0)
    s = act(act(s, 'play', 201.0), 'seek', 202.0, position_s=1)
    assert (s.playing, s.position_s, s.rate, s.version) == (True, 1.0, 2.0, 6)
    ended = act(state(position_s=19.0, playing=True), 'play', 200.0)  # play at the end starts again
    assert (ended.playing, ended.position_s) == (True, 0.0)
    assert act(state(), 'seek', 100.0, position_s=20).position_s == 20.0  # the very end is a position


@pytest.mark.parametrize(('action', 'position', 'rate', 'code'), [
    ('stop', None, None, 'playback_bad_action'),
    ('seek', None, None, 'playback_bad_position'),
    ('seek', 'ten', None, 'playback_bad_position'),
    ('seek', True, None, 'playback_bad_position'),
    ('seek', math.nan, None, 'playback_bad_position'),
    ('seek', -0.1, None, 'playback_seek_outside'),
    ('seek', 20.01, None, 'playback_seek_outside'),
    ('rate', None, None, 'playback_bad_rate'),
    ('rate', None, 0.4, 'playback_bad_rate'),
    ('rate', None, 2.5, 'playback_bad_rate'),
    ('rate', None, math.inf, 'playback_bad_rate'),
])
def test_bad_actions_are_refused_by_name(action: str, position: object, rate: object, code: str) -> None:
    with pytest.raises(InvalidInput) as e:
        act(state(), action, 100.0, position_s=position, rate=rate)
    assert e.value.code == code and code in DOMAIN_ERRORS
    assert DOMAIN_ERRORS.t(code, 'en', **e.value.params)  # every name in the message is given


# --- the service -----------------------------------------------------------------------------------------------

def test_a_published_recording_starts_paused_and_each_action_is_audited_with_its_position(store: Store) -> None:
    playback, presentation, clock, h, _, video = setup(store)
    assert playback.state(h) is None
    presentation.publish(h, PROCURATOR, video, 1)
    first = playback.state(h)
    assert first is not None and (first.exhibit_id, first.playing, first.position_s, first.duration_s) == (
        video, False, 0.0, 20.0)
    heard: list[PlaybackChange] = []
    playback.changed.subscribe(heard.append)
    playback.act(h, PROCURATOR, 'play')
    clock.t += 4
    playback.act(h, JUDGE, 'rate', rate=0.5)
    clock.t += 2
    now = playback.state(h)
    assert now is not None and now.position_s == pytest.approx(5.0) and now.playing
    playback.act(h, PROCURATOR, 'seek', position_s=15)
    playback.act(h, PROCURATOR, 'pause')
    entries = [(e.action, e.details['position_s'], e.details['playing'], e.actor)
               for e in AuditLog(store).entries(h) if e.action.startswith('playback_')]
    assert entries == [('playback_play', 0.0, True, 'ksv'), ('playback_rate', 4.0, True, 'chutoa'),
                       ('playback_seek', 15.0, True, 'ksv'), ('playback_pause', 15.0, False, 'ksv')]
    assert [c.state.position_s for c in heard if c.state] == [0.0, 4.0, 15.0, 15.0]
    assert AuditLog(store).verify(h).valid


def test_publishing_another_exhibit_ends_the_playback(store: Store) -> None:
    playback, presentation, _, h, document, video = setup(store)
    presentation.publish(h, PROCURATOR, video, 1)
    playback.act(h, PROCURATOR, 'play')
    heard: list[PlaybackChange] = []
    playback.changed.subscribe(heard.append)
    presentation.publish(h, PROCURATOR, document, 1)
    assert playback.state(h) is None and heard == [PlaybackChange(h, None)]
    presentation.publish(h, PROCURATOR, video, 1)  # back again: from the start, paused
    again = playback.state(h)
    assert again is not None and (again.playing, again.position_s) == (False, 0.0)
    playback.act(h, PROCURATOR, 'seek', position_s=3)
    presentation.clear(h, PROCURATOR)
    assert playback.state(h) is None


def test_a_recording_plays_alone_never_side_by_side(store: Store) -> None:
    playback, presentation, _, h, document, video = setup(store)
    presentation.publish(h, PROCURATOR, document, 1)
    entries = len(AuditLog(store).entries(h))
    for refused in (lambda: presentation.publish(h, PROCURATOR, video, 1, side=1),
                    lambda: presentation.publish_items(h, PROCURATOR, [(document, 1, None), (video, 1, None)]),
                    lambda: presentation.publish_items(h, PROCURATOR, [(video, 1, None), (document, 2, None)])):
        with pytest.raises(InvalidInput) as caught:
            refused()
        assert caught.value.code == 'av_not_beside'
    presentation.publish(h, PROCURATOR, video, 1)  # alone: it plays
    with pytest.raises(InvalidInput):  # nor a page put beside the recording
        presentation.publish(h, PROCURATOR, document, 2, side=1)
    assert presentation.state(h).live.exhibit_id == video and presentation.state(h).beside is None
    assert len(AuditLog(store).entries(h)) == entries + 1 and playback.state(h) is not None


@pytest.mark.parametrize('user', [COUNSEL, CLERK])
def test_only_those_who_publish_may_play(store: Store, user: User) -> None:
    playback, presentation, _, h, _, video = setup(store)
    presentation.publish(h, PROCURATOR, video, 1)
    with pytest.raises(Forbidden):
        playback.act(h, user, 'play')


def test_nothing_to_play_and_a_document_are_refused_nothing_audited(store: Store) -> None:
    playback, presentation, _, h, document, video = setup(store)
    with pytest.raises(Conflict) as nothing:
        playback.act(h, PROCURATOR, 'play')
    presentation.publish(h, PROCURATOR, document, 1)
    before = len(AuditLog(store).entries(h))
    with pytest.raises(InvalidInput) as not_av:
        playback.act(h, PROCURATOR, 'play')
    presentation.publish(h, PROCURATOR, video, 1)
    before = len(AuditLog(store).entries(h))
    with pytest.raises(CourtroomError):
        playback.act(h, PROCURATOR, 'seek', position_s=21)
    assert (nothing.value.code, not_av.value.code) == ('playback_nothing_live', 'playback_not_av')
    assert len(AuditLog(store).entries(h)) == before
    current = playback.state(h)
    assert current is not None and current.position_s == 0.0


# --- the room's audio --------------------------------------------------------------------------------------------

def _screen(id: int, audience: Audience, audio_output: bool = False) -> Screen:
    return Screen(id=id, hearing_id=1, name=str(id), audience=audience, token=f't{id}', audio_output=audio_output)


def test_one_screen_plays_the_sound_the_marked_one_else_the_first_public() -> None:
    panel, public, public2 = _screen(1, Audience.PANEL), _screen(2, Audience.PUBLIC), _screen(3, Audience.PUBLIC)
    assert room_audio_screen([panel, public, public2]) == 2
    assert room_audio_screen([panel, public, _screen(3, Audience.PUBLIC, True)]) == 3
    assert room_audio_screen([panel]) is None and room_audio_screen([]) is None


def test_marking_the_audio_screen_unmarks_the_others_audited(store: Store) -> None:
    h = Hearings(store).create(case_number='1', title='t', actor='thuky')
    screens = Screens(store)
    a = screens.add(h.id, name='A', audience='public', actor='thuky')
    b = screens.add(h.id, name='B', audience='panel', actor='thuky')
    assert screens.room_audio(h.id) == a.id
    heard: list[int] = []
    screens.audio_changed.subscribe(heard.append)
    screens.set_audio_output(b.id, True, actor='thuky')
    assert screens.room_audio(h.id) == b.id and screens.by_token(b.token).audio_output
    screens.set_audio_output(a.id, True, actor='thuky')
    assert [s.audio_output for s in screens.of_hearing(h.id)] == [True, False] and heard == [h.id, h.id]
    assert [e.details for e in AuditLog(store).entries(h.id) if e.action == 'screen_audio_output'] == [
        {'screen_id': b.id, 'on': True}, {'screen_id': a.id, 'on': True}]


# --- clips -------------------------------------------------------------------------------------------------------

def test_a_clip_plays_from_its_in_point_and_stops_at_its_out_point(store: Store) -> None:
    playback, presentation, clock, h, _, video = setup(store)
    clip = playback.add_clip(video, PROCURATOR, name='  Người đội mũ xám  ', in_s=4, out_s=6.5)
    assert (clip.name, clip.in_s, clip.out_s) == ('Người đội mũ xám', 4.0, 6.5)
    assert [c.id for c in playback.clips(video)] == [clip.id]
    presentation.publish(h, PROCURATOR, video, 1)
    playing = playback.act(h, PROCURATOR, 'clip', clip_id=clip.id)
    assert (playing.playing, playing.position_s, playing.stop_s, playing.clip_id) == (True, 4.0, 6.5, clip.id)
    clock.t += 1
    now = playback.state(h)
    assert now is not None and now.position_s == pytest.approx(5.0) and now.playing
    clock.t += 10
    stopped = playback.state(h)
    assert stopped is not None and (stopped.position_s, stopped.playing) == (6.5, False)
    on = playback.act(h, PROCURATOR, 'play')  # on past the out point, into the recording
    assert (on.position_s, on.stop_s, on.playing) == (6.5, None, True)
    entries = [e for e in AuditLog(store).entries(h) if e.action in ('clip_saved', 'playback_clip')]
    assert [(e.action, e.details['clip_id']) for e in entries] == [('clip_saved', clip.id), ('playback_clip', clip.id)]
    assert entries[1].details['clip'] == 'Người đội mũ xám' and entries[1].details['position_s'] == 4.0
    minutes = Minutes(store)
    played = [(e.kind, e.text) for e in minutes.entries(h) if e.kind.startswith('playback_')]
    assert played == [('playback_clip', 'Phát đoạn “Người đội mũ xám” của TL-002 “Camera”, từ 0:00:04 đến 0:00:06'),
                      ('playback_play', 'Phát TL-002 “Camera” từ 0:00:06')]
    assert [e.text for e in minutes.entries(h, 'en') if e.kind == 'playback_clip'] == [
        'Played the clip “Người đội mũ xám” of TL-002 “Camera”, from 0:00:04 to 0:00:06']


def test_a_seek_leaves_the_clip() -> None:
    clip = act(state(), 'seek', 100.0, position_s=3)
    assert clip.stop_s is None
    in_clip = PlaybackState(hearing_id=1, exhibit_id=7, duration_s=20.0, at=100.0, playing=True, position_s=4.0,
                            stop_s=6.0, clip_id=1)
    assert act(in_clip, 'seek', 101.0, position_s=10).stop_s is None
    assert act(in_clip, 'pause', 101.0).stop_s == 6.0


@pytest.mark.parametrize(('values', 'code'), [
    ({'in_s': 5, 'out_s': 5}, 'clip_empty'),
    ({'in_s': 6, 'out_s': 2}, 'clip_empty'),
    ({'in_s': -1, 'out_s': 2}, 'playback_seek_outside'),
    ({'in_s': 1, 'out_s': 21}, 'playback_seek_outside'),
    ({'in_s': 'a', 'out_s': 2}, 'playback_bad_position'),
    ({'in_s': 1, 'out_s': 2, 'name': ' '}, 'required_field'),
    ({'in_s': 1, 'out_s': 2, 'name': 'x' * 201}, 'field_too_long'),
])
def test_bad_clips_are_refused_nothing_stored(store: Store, values: dict[str, Any], code: str) -> None:
    playback, _, _, h, _, video = setup(store)
    before = len(AuditLog(store).entries(h))
    with pytest.raises(InvalidInput) as e:
        playback.add_clip(video, PROCURATOR, **{'name': 'Đoạn', **values})
    assert e.value.code == code
    assert playback.clips(video) == [] and len(AuditLog(store).entries(h)) == before


def test_clips_only_of_recordings_by_those_who_publish_played_on_their_own_recording(store: Store) -> None:
    playback, presentation, _, h, document, video = setup(store)
    with pytest.raises(InvalidInput) as not_av:
        playback.add_clip(document, PROCURATOR, name='x', in_s=0, out_s=1)
    with pytest.raises(Forbidden):
        playback.add_clip(video, COUNSEL, name='x', in_s=0, out_s=1)
    clip = playback.add_clip(video, JUDGE, name='x', in_s=0, out_s=1)
    other = Exhibits(store).add_bundle(h, [ExhibitDraft(title='B', kind=ExhibitKind.AUDIO, sha256='d' * 64,
                                                        source_name='b.ogg', page_texts=[''],
                                                        media={'duration_s': 5.0})], actor='thuky')[0]
    presentation.publish(h, PROCURATOR, other.id, 1)
    with pytest.raises(InvalidInput) as elsewhere:
        playback.act(h, PROCURATOR, 'clip', clip_id=clip.id)
    with pytest.raises(InvalidInput) as needed:
        playback.act(h, PROCURATOR, 'clip')
    assert (not_av.value.code, elsewhere.value.code, needed.value.code) == (
        'playback_not_av', 'clip_of_another_exhibit', 'clip_needed')
    assert playback.state(h) is not None and playback.state(h).playing is False  # type: ignore[union-attr]


def test_after_a_restart_the_playback_is_read_back_from_the_audit_chain(store: Store) -> None:
    playback, presentation, clock, h, document, video = setup(store)
    presentation.publish(h, PROCURATOR, video, 1)
    playback.act(h, PROCURATOR, 'seek', position_s=5)
    playback.act(h, PROCURATOR, 'rate', rate=2)
    playing = playback.act(h, PROCURATOR, 'play')
    clock.t += 3

    def restarted() -> Playback:  # a new process on the same database: nothing in memory
        hearings, exhibits = Hearings(store), Exhibits(store)
        return Playback(store, Presentation(store, hearings, exhibits), exhibits, clock=clock)

    again = restarted().state(h)
    assert again is not None and again.playing and (again.position_s, again.rate) == (11.0, 2.0)
    assert again.exhibit_id == playing.exhibit_id
    presentation.publish(h, PROCURATOR, video, 1, (0.0, 0.0, 0.5, 0.5))  # zoomed: the same recording plays on
    assert restarted().state(h).position_s == 11.0
    presentation.publish(h, PROCURATOR, document, 1)
    presentation.publish(h, PROCURATOR, video, 1)  # shown again after another exhibit: paused at 0
    fresh = restarted().state(h)
    assert fresh is not None and (fresh.playing, fresh.position_s) == (False, 0.0)
