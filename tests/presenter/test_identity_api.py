"""The identity check by the ID card's QR through the API of a real server: the clerk's still and the participant's
own (from the lobby) are decoded and compared; the record shows the check, the admission says it was made, the
minutes name the card; every class of bad still is refused clearly, with only the attempt in the audit chain."""

from __future__ import annotations

import hashlib
from io import BytesIO

import httpx
import pytest
from PIL import Image

from courtroom.settings import Settings
from presenter.api_identity import check_still
from presenter.services import build_services
from tests.conftest import Server
from tests.id_cards import CARD_TEXT, card_still


@pytest.fixture(scope='module')
def people(server: Server) -> dict:
    with server.client('clerk') as c:
        hearing = c.post('/api/hearings', json={'case_number': '88/2026/HSST', 'title': 'Vụ án đối chiếu căn cước',
                                                'charges': ['173']}).json()
        point = c.post(f'/api/hearings/{hearing["id"]}/points',
                       json={'name': 'Trại tạm giam số 1', 'kind': 'detention_facility'}).json()

        def add(name: str, number: str, birth: str) -> dict:
            made = c.post(f'/api/hearings/{hearing["id"]}/participants', json={
                'name': name, 'role': 'defendant', 'point_id': point['id'],
                'id_document': {'type': 'citizen_id', 'number': number, 'birth_date': birth}})
            assert made.status_code == 201, made.text
            return made.json()
        return {'hearing': hearing, 'hai': add('Nguyễn Văn Hải', '001090012345', '01/02/1990'),
                'other': add('Trần Văn Bảy', '001090054321', '1990-02-01')}


def still(data: bytes, name: str = 'the.jpg', kind: str = 'image/jpeg') -> dict:
    return {'image': (name, data, kind)}


def audit_actions(server: Server, hearing_id: int) -> list[tuple[str, dict]]:
    with server.client('clerk') as c:
        return [(e['action'], e['details']) for e in c.get(f'/api/hearings/{hearing_id}/audit').json()]


def test_the_clerks_still_matches_and_the_record_and_minutes_say_so(server: Server, people: dict) -> None:
    hai, hid = people['hai'], people['hearing']['id']
    assert hai['id_document']['birth_date'] == '1990-02-01'
    data = card_still()
    with server.client('clerk') as c:
        checked = c.post(f'/api/participants/{hai["id"]}/identity', files=still(data))
        assert checked.status_code == 200, checked.text
        body = checked.json()
        assert body['decoded']['id_number'] == '001090012345' and body['decoded']['name'] == 'Nguyễn Văn Hải'
        assert body['match'] is True and body['problems'] == []
        assert body['fields'] == {'id_number': True, 'name': True, 'birth_date': True}
        listed = next(p for p in c.get(f'/api/hearings/{hid}/participants').json() if p['id'] == hai['id'])
        assert listed['identity']['method'] == 'qr' and listed['identity']['result'] == 'match'
        assert listed['identity']['checked_by'] == 'clerk'
        seen = c.get(f'/api/participants/{hai["id"]}/identity/still')  # held in memory for the clerk
        assert seen.status_code == 200 and seen.content == data
        assert c.get(f'/api/participants/{people["other"]["id"]}/identity/still').status_code == 404
        minutes = [m['text'] for m in c.get(f'/api/hearings/{hid}/minutes').json()['entries']]
    assert 'Đối chiếu căn cước công dân số 001090012345 của Nguyễn Văn Hải bằng mã QR: khớp với hồ sơ' in minutes
    entry = next(d for a, d in audit_actions(server, hid) if a == 'identity_checked')
    assert entry['still_sha256'] == hashlib.sha256(data).hexdigest()  # the still's hash, never the still
    assert 'address' not in entry and 'Hà Nội' not in str(entry)


def test_someone_elses_card_does_not_match(server: Server, people: dict) -> None:
    with server.client('clerk') as c:
        body = c.post(f'/api/participants/{people["other"]["id"]}/identity', files=still(card_still())).json()
        minutes = [m['text'] for m in
                   c.get(f'/api/hearings/{people["hearing"]["id"]}/minutes?lang=en').json()['entries']]
    assert body['match'] is False and body['fields'] == {'id_number': False, 'name': False, 'birth_date': True}
    assert any('it does not match (ID number, name)' in m for m in minutes), minutes


def test_the_participant_sends_the_card_from_the_lobby(server: Server, people: dict) -> None:
    token = None
    with server.client('clerk') as c:
        link = c.post(f'/api/participants/{people["hai"]["id"]}/link').json()['join_url']
        token = link.rsplit('/', 1)[1]
    def send() -> httpx.Response:
        return httpx.post(f'{server.url}/api/join/{token}/identity',
                          files=still(card_still(kind='PNG'), 'c.png', 'image/png'))
    assert send().status_code == 409  # not in the lobby yet
    services = build_services(Settings(data_dir=server.data), media=False)
    try:  # the device check done, as the join page does: in the lobby
        services.participants.enter_lobby(services.participants.get(people['hai']['id']))
    finally:
        services.close()
    answer = send()
    assert answer.status_code == 200 and answer.json() == {'match': True}  # no record fields to the participant
    last = [d for a, d in audit_actions(server, people['hearing']['id']) if a == 'identity_checked'][-1]
    assert last['result'] == 'match' and last['participant_id'] == people['hai']['id']
    assert httpx.post(f'{server.url}/api/join/not-a-link/identity', files=still(card_still())).status_code in (
        401, 404)


def _huge_png() -> bytes:
    out = BytesIO()
    Image.new('1', (8000, 7500)).save(out, 'PNG')  # 60 megapixels, a few kilobytes
    return out.getvalue()


@pytest.mark.parametrize(('data', 'status', 'code'), [
    (b'%PDF-1.7 not a picture', 415, 'still_not_image'),
    (b'\xff\xd8\xff\xe0 truncated', 422, 'still_broken'),
    (None, 413, 'still_too_many_pixels'),
    (b'blank', 422, 'qr_not_found'),
    (b'url', 422, 'qr_not_id_card'),
    (b'three', 422, 'qr_not_id_card'),
])
def test_bad_stills_are_refused_and_only_the_attempt_is_written(server: Server, people: dict, data: bytes | None,
                                                                status: int, code: str) -> None:
    if data is None:
        data = _huge_png()
    elif data == b'blank':
        out = BytesIO()
        Image.new('RGB', (640, 480), (200, 200, 200)).save(out, 'JPEG')
        data = out.getvalue()
    elif data == b'url':
        data = card_still('https://vneid.gov.vn/')
    elif data == b'three':
        data = card_still('001090012345|Nguyễn Văn Hải|01021990')
    other = people['other']
    with server.client('clerk') as c:
        before = next(p for p in c.get(f'/api/hearings/{people["hearing"]["id"]}/participants').json()
                      if p['id'] == other['id'])['identity']
        refused = c.post(f'/api/participants/{other["id"]}/identity', files=still(data),
                         headers={'Accept-Language': 'en'})
        after = next(p for p in c.get(f'/api/hearings/{people["hearing"]["id"]}/participants').json()
                     if p['id'] == other['id'])['identity']
    assert refused.status_code == status, refused.text
    assert refused.json()['error']['code'] == code and refused.json()['error']['message'] != code
    assert after == before  # the participant's record is unchanged
    attempt = [d for a, d in audit_actions(server, people['hearing']['id']) if a == 'identity_check_failed'][-1]
    assert attempt == {'participant_id': other['id'], 'reason': code,
                       'still_sha256': hashlib.sha256(data).hexdigest()}


def test_only_those_who_admit_may_check(server: Server, people: dict) -> None:
    with server.client('procurator') as c:
        assert c.post(f'/api/participants/{people["hai"]["id"]}/identity',
                      files=still(card_still())).status_code == 403
    assert CARD_TEXT.startswith('001090012345')


@pytest.mark.parametrize('keep', [False, True])
def test_card_stills_are_kept_on_disk_only_when_the_court_says_so(tmp_path, keep: bool) -> None:
    services = build_services(Settings(data_dir=tmp_path / 'data', keep_id_images=keep), media=False)
    try:
        services.users.add('thuky', role='clerk', password='mat-khau-dai-du')
        hearing = services.hearings.create(case_number='1', title='x', actor='thuky')
        point = services.points.add(hearing.id, name='Trại', kind='detention_facility', actor='thuky')
        person, _ = services.participants.add(hearing.id, name='Nguyễn Văn Hải', role='defendant',
                                              point_id=point.id, actor='thuky',
                                              id_document={'type': 'citizen_id', 'number': '001090012345'})
        data = card_still()
        check_still(services, person, data, 'thuky')
        files = [p for p in services.settings.identity_dir.rglob('*') if p.is_file()]
        assert bool(files) is keep and (not keep or files[0].read_bytes() == data), files
        entry = [e for e in services.audit.entries(hearing.id) if e.action == 'identity_checked'][-1]
        assert entry.details['still_kept'] is keep
    finally:
        services.close()


def small_jpeg(colour: str = 'tan', size: tuple[int, int] = (160, 120)) -> bytes:
    out = BytesIO()
    Image.new('RGB', size, colour).save(out, 'JPEG')
    return out.getvalue()


def test_the_lobby_sends_the_live_face_held_in_memory_for_the_clerk_only(server: Server, people: dict) -> None:
    """Every few seconds while waiting: the latest picture only, and only while the participant is in the lobby."""
    participant = people['other']
    with server.client('clerk') as c:
        token = c.post(f'/api/participants/{participant["id"]}/link').json()['join_url'].rsplit('/', 1)[1]
        assert c.get(f'/api/participants/{participant["id"]}/identity/face').json()['error']['code'] == 'no_face'

    def send(data: bytes, kind: str = 'image/jpeg') -> httpx.Response:
        return httpx.post(f'{server.url}/api/join/{token}/face', files=still(data, 'face.jpg', kind))

    assert send(small_jpeg()).status_code == 409  # not in the lobby yet
    services = build_services(Settings(data_dir=server.data), media=False)
    try:
        services.participants.enter_lobby(services.participants.get(participant['id']))
        face = small_jpeg()
        assert send(face).status_code == 204
        assert send(small_jpeg('navy')).status_code == 204  # under a second later: let go, the first stays
        with server.client('clerk') as c:
            seen = c.get(f'/api/participants/{participant["id"]}/identity/face')
            assert seen.status_code == 200 and seen.content == face and seen.headers['cache-control'] == 'no-store'
        with server.client('procurator') as c:  # only those who admit
            assert c.get(f'/api/participants/{participant["id"]}/identity/face').status_code == 403
        refused = send(b'GIF89a not a picture we take', 'image/gif')
        assert refused.status_code == 415 and refused.json()['error']['code'] == 'still_not_image'
        big = send(b'\xff\xd8\xff' + bytes(300 * 1024))
        assert big.status_code == 413 and big.json()['error']['code'] == 'still_too_large'
        assert httpx.post(f'{server.url}/api/join/not-a-link/face', files=still(face)).status_code in (401, 404)
        services.participants.admit(participant['id'], actor='clerk')
        assert send(small_jpeg()).status_code == 409  # admitted: the lobby's pictures stop
    finally:
        services.close()
    assert not any(a.startswith('face') for a, _ in audit_actions(server, people['hearing']['id']))  # no record
