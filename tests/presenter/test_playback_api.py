"""The playback API against a real server: play, pause, seek and speed of the published recording, who may act,
the audit entries, bad input refused in the caller's language with nothing changed, the room's audio screen, and a
screen's copy of the recording served by byte ranges only while that screen may see it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Server, api_hearing, make_pdf, make_webm

SECONDS = 6.0


@pytest.fixture(scope='module')
def setup(server: Server) -> dict[str, Any]:
    """A hearing of its own with a document and a 6 s video, a public and a panel screen."""
    made = api_hearing(server, '303/2026/HSST', 'Vụ án camera',
                       [('loi-khai.pdf', make_pdf(['Loi khai']), 'application/pdf'),
                        ('camera.webm', make_webm(SECONDS), 'video/webm')], ('public', 'panel'))
    document, video = made['exhibits']
    assert (document['kind'], video['kind']) == ('document', 'video')
    return {'hearing_id': made['hearing_id'], 'document': document['id'], 'video': video['id'],
            'screens': made['screens']}


def publish(server: Server, hid: int, exhibit_id: int) -> None:
    with server.client('procurator') as c:
        response = c.post(f'/api/hearings/{hid}/publish', json={'exhibit_id': exhibit_id, 'page': 1})
    assert response.status_code == 200, response.text


def playback(server: Server, hid: int, role: str = 'procurator', lang: str = 'vi', **body: Any) -> httpx.Response:
    with server.client(role, lang=lang) as c:
        return c.post(f'/api/hearings/{hid}/playback', json=body)


def state(server: Server, hid: int) -> dict[str, Any]:
    with server.client('defence_counsel') as c:  # every staff role may look
        response = c.get(f'/api/hearings/{hid}/playback')
    assert response.status_code == 200, response.text
    return response.json()


def playback_audit(server: Server, hid: int) -> list[dict[str, Any]]:
    with server.client('clerk') as c:
        return [e for e in c.get(f'/api/hearings/{hid}/audit').json() if e['action'].startswith('playback_')]


def test_play_pause_seek_and_speed_on_the_published_video(server: Server, setup: dict[str, Any]) -> None:
    hid, video = setup['hearing_id'], setup['video']
    publish(server, hid, video)
    assert {k: v for k, v in state(server, hid).items() if k != 'at'} == {
        'exhibit_id': video, 'playing': False, 'position_s': 0.0, 'rate': 1.0, 'duration_s': SECONDS, 'stop_s': None,
        'clip_id': None}
    played = playback(server, hid, action='play')
    assert played.status_code == 200, played.text
    assert played.json()['playing'] is True and played.json()['position_s'] == 0.0
    faster = playback(server, hid, 'presiding_judge', action='rate', rate=1.5).json()
    assert faster['rate'] == 1.5 and faster['at'] >= played.json()['at']
    sought = playback(server, hid, action='seek', position_s=4.25).json()
    assert sought['playing'] is True and sought['position_s'] == 4.25
    paused = playback(server, hid, action='pause').json()
    assert paused['playing'] is False and 4.25 <= paused['position_s'] <= SECONDS
    assert state(server, hid)['position_s'] == paused['position_s']  # paused: it stays
    entries = playback_audit(server, hid)
    assert [(e['action'], e['actor']) for e in entries] == [
        ('playback_play', 'procurator'), ('playback_rate', 'presiding_judge'), ('playback_seek', 'procurator'),
        ('playback_pause', 'procurator')]
    assert entries[2]['details']['position_s'] == 4.25 and entries[2]['details']['exhibit_id'] == video
    with server.client('clerk') as c:
        assert c.get(f'/api/hearings/{hid}/audit/verify').json()['valid'] is True


def test_publishing_a_document_ends_the_playback(server: Server, setup: dict[str, Any]) -> None:
    hid = setup['hearing_id']
    publish(server, hid, setup['video'])
    assert playback(server, hid, action='seek', position_s=2).status_code == 200
    publish(server, hid, setup['document'])
    assert state(server, hid)['exhibit_id'] is None
    publish(server, hid, setup['video'])
    assert state(server, hid)['position_s'] == 0.0


@pytest.mark.parametrize(('publish_first', 'body', 'status', 'code'), [
    ('document', {'action': 'play'}, 400, 'playback_not_av'),
    ('video', {'action': 'seek', 'position_s': SECONDS + 1}, 400, 'playback_seek_outside'),
    ('video', {'action': 'seek', 'position_s': -1}, 400, 'playback_seek_outside'),
    ('video', {'action': 'seek'}, 400, 'playback_bad_position'),
    ('video', {'action': 'rate', 'rate': 3}, 400, 'playback_bad_rate'),
    ('video', {'action': 'rewind'}, 400, 'playback_bad_action'),
    ('video', {'action': 'rate', 'rate': 'fast'}, 400, 'bad_request'),
])
def test_bad_playback_changes_nothing(server: Server, setup: dict[str, Any], publish_first: str,
                                      body: dict[str, Any], status: int, code: str) -> None:
    hid = setup['hearing_id']
    publish(server, hid, setup[publish_first])
    before, audit_before = state(server, hid), playback_audit(server, hid)
    messages = {}
    for lang in ('vi', 'en'):
        response = playback(server, hid, lang=lang, **body)
        assert response.status_code == status, response.text
        assert response.json()['error']['code'] == code
        messages[lang] = response.json()['error']['message']
    assert messages['vi'] != messages['en']
    after = state(server, hid)
    assert {**after, 'at': 0} == {**before, 'at': 0} and playback_audit(server, hid) == audit_before


def test_who_may_play(server: Server, setup: dict[str, Any]) -> None:
    hid = setup['hearing_id']
    publish(server, hid, setup['video'])
    for role in ('defence_counsel', 'judge', 'clerk'):
        response = playback(server, hid, role, action='play')
        assert response.status_code == 403 and response.json()['error']['code'] == 'forbidden_role'
    screen_token = setup['screens']['public'][1]
    response = httpx.post(f'{server.url}/api/hearings/{hid}/playback', json={'action': 'play'},
                          headers={'Authorization': f'Bearer {screen_token}'})
    assert response.status_code == 401
    with server.client('procurator') as c:
        assert c.post('/api/hearings/999999/playback', json={'action': 'play'}).status_code == 404


def test_a_screen_gets_the_recording_it_shows_by_byte_ranges(server: Server, setup: dict[str, Any]) -> None:
    hid, video = setup['hearing_id'], setup['video']
    token = setup['screens']['public'][1]
    url = f'{server.url}/api/screens/{token}/media/{video}'
    publish(server, hid, setup['document'])
    assert httpx.get(url).status_code == 404  # not shown: no key to it
    assert httpx.get(f'{server.url}/api/screens/{token}/media/{setup["document"]}').status_code == 404
    publish(server, hid, video)
    whole = httpx.get(url)
    assert whole.status_code == 200 and whole.headers['content-type'] == 'video/webm'
    assert whole.headers['accept-ranges'] == 'bytes' and whole.content[:4] == b'\x1aE\xdf\xa3'
    part = httpx.get(url, headers={'Range': 'bytes=100-199'})
    assert part.status_code == 206 and part.content == whole.content[100:200]
    assert part.headers['content-range'] == f'bytes 100-199/{len(whole.content)}'
    with server.client('clerk') as c:  # restricted: panel screens only
        assert c.patch(f'/api/exhibits/{video}', json={'restricted': True}).status_code == 200
    try:
        assert httpx.get(url).status_code == 404
        panel = setup['screens']['panel'][1]
        assert httpx.get(f'{server.url}/api/screens/{panel}/media/{video}').status_code == 200
    finally:
        with server.client('clerk') as c:
            c.patch(f'/api/exhibits/{video}', json={'restricted': False})


def test_the_room_audio_screen(server: Server, setup: dict[str, Any]) -> None:
    public_id, panel_id = setup['screens']['public'][0], setup['screens']['panel'][0]
    with server.client('procurator') as c:
        assert c.post(f'/api/screens/{panel_id}/audio_output', json={'on': True}).status_code == 403
    with server.client('clerk') as c:
        marked = c.post(f'/api/screens/{panel_id}/audio_output', json={'on': True})
        assert marked.status_code == 200 and marked.json()['room_audio_screen'] == panel_id
        listed = {s['id']: s['audio_output'] for s in c.get(f'/api/hearings/{setup["hearing_id"]}/screens').json()}
        assert listed == {public_id: False, panel_id: True}
        unmarked = c.post(f'/api/screens/{panel_id}/audio_output', json={'on': False}).json()
        assert unmarked['room_audio_screen'] == public_id  # none marked: the first public screen
        assert c.post('/api/screens/999999/audio_output', json={'on': True}).status_code == 404


def test_a_clip_saved_and_played(server: Server, setup: dict[str, Any]) -> None:
    hid, video = setup['hearing_id'], setup['video']
    with server.client('procurator') as c:
        made = c.post(f'/api/exhibits/{video}/clips', json={'name': 'Người đội mũ xám', 'in_s': 2, 'out_s': 3.5})
        assert made.status_code == 201, made.text
        clip = made.json()
        bad = c.post(f'/api/exhibits/{video}/clips', json={'name': 'x', 'in_s': 3, 'out_s': SECONDS + 1})
        assert bad.status_code == 400 and bad.json()['error']['code'] == 'playback_seek_outside'
        document = c.post(f'/api/exhibits/{setup["document"]}/clips', json={'name': 'x', 'in_s': 0, 'out_s': 1})
        assert document.status_code == 400 and document.json()['error']['code'] == 'playback_not_av'
    with server.client('defence_counsel') as c:
        assert [x['id'] for x in c.get(f'/api/exhibits/{video}/clips').json()] == [clip['id']]
        assert c.post(f'/api/exhibits/{video}/clips', json={'name': 'y', 'in_s': 0, 'out_s': 1}).status_code == 403
    publish(server, hid, video)
    played = playback(server, hid, action='clip', clip_id=clip['id'])
    assert played.status_code == 200, played.text
    assert (played.json()['position_s'], played.json()['stop_s'], played.json()['playing']) == (2.0, 3.5, True)
    missing = playback(server, hid, action='clip', clip_id=999_999)
    assert missing.status_code == 404 and missing.json()['error']['code'] == 'clip_not_found'
    assert [e['details'].get('clip') for e in playback_audit(server, hid) if e['action'] == 'playback_clip'] == [
        'Người đội mũ xám']
