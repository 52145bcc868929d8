"""The redactions API against a real server: add, list and delete boxes, who may (procurator, clerk, presiding
judge) and who may not, the audit entries, bad input refused in the caller's language with nothing stored; and the
leak paths: what is under a box never reaches a non-panel screen's image, a thumbnail, a staff member who may not
see it, a search snippet or the exported record, while the panel sees the content with the box outlined."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pymupdf
import pytest
from PIL import Image

from courtroom.redactions import Box
from media.record import Verdict, verify_record
from media.redact import pixel_box
from tests.conftest import Server, api_hearing

SECRET = 'Bị hại: Trần Thị Mật'
BOX = [0.1, 0.08, 0.7, 0.15]  # over the first line, where SECRET is set


def redaction_pdf() -> bytes:
    """Two pages: a name on the first line and findings further down; large type, so the box covers ink."""
    doc = pymupdf.open()
    font = pymupdf.Font('notos')
    for lines in ([(100, SECRET), (400, 'Kết luận giám định thương tích')], [(100, 'Trang hai')]):
        page = doc.new_page()
        writer = pymupdf.TextWriter(page.rect)
        for y, text in lines:
            writer.append((72, y), text, font=font, fontsize=28)
        writer.write_text(page)
    data = doc.tobytes()
    doc.close()
    return data


@pytest.fixture(scope='module')
def setup(server: Server) -> dict[str, Any]:
    """A hearing of its own with the exhibit, a public and a panel screen."""
    made = api_hearing(server, '309/2026/HSST', 'Vụ án che thông tin',
                       [('bien-ban.pdf', redaction_pdf(), 'application/pdf')], ('public', 'panel'))
    with server.client('procurator') as procurator:  # shown once and taken off: examined, so counsel see it too
        exhibit = made['exhibits'][0]['id']
        assert procurator.post(f'/api/hearings/{made["hearing_id"]}/publish',
                               json={'exhibit_id': exhibit, 'page': 1}).status_code == 200
        assert procurator.post(f'/api/hearings/{made["hearing_id"]}/clear').status_code == 200
    return {'hearing_id': made['hearing_id'], 'exhibit_id': made['exhibits'][0]['id'],
            'tokens': {audience: token for audience, (_, token) in made['screens'].items()}}


def listed(server: Server, exhibit_id: int, role: str = 'judge') -> list[dict[str, Any]]:
    with server.client(role) as c:
        response = c.get(f'/api/exhibits/{exhibit_id}/redactions')
    assert response.status_code == 200, response.text
    return response.json()


def audit_actions(server: Server, hid: int) -> list[dict[str, Any]]:
    with server.client('clerk') as c:
        return [e for e in c.get(f'/api/hearings/{hid}/audit').json() if e['action'].startswith('redaction_')]


def verify_record_bytes(data: bytes) -> Verdict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / 'record.zip'
        path.write_bytes(data)
        return verify_record(path)


def add(server: Server, role: str, exhibit_id: int, page: int = 1, box: list[float] = BOX) -> dict[str, Any]:
    with server.client(role) as c:
        response = c.post(f'/api/exhibits/{exhibit_id}/redactions', json={'page': page, 'box': box})
    assert response.status_code == 201, response.text
    return response.json()


def delete_all(server: Server, exhibit_id: int) -> None:
    with server.client('clerk') as c:
        for r in c.get(f'/api/exhibits/{exhibit_id}/redactions').json():
            assert c.delete(f'/api/redactions/{r["id"]}').status_code == 200


def image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert('RGB')


def inside(img: Image.Image, box: list[float], inset: int = 3) -> Image.Image:
    """The pixels under the box, a few pixels in from its edge (JPEG smears an edge over a pixel or two)."""
    x0, y0, x1, y1 = pixel_box(Box(*box), img.width, img.height)
    return img.crop((x0 + inset, y0 + inset, x1 - inset + 1, y1 - inset + 1))


def all_black(img: Image.Image) -> bool:
    return max(hi for _, hi in img.getextrema()) <= 40  # JPEG tolerance: black stays within a few levels


def has_ink(img: Image.Image) -> bool:
    return min(lo for lo, _ in img.getextrema()) < 100 and max(hi for _, hi in img.getextrema()) > 200


def screen_image(server: Server, token: str, exhibit_id: int, page: int = 1) -> Image.Image:
    response = httpx.get(f'{server.url}/api/screens/{token}/pages/{exhibit_id}/{page}?width=640', timeout=60)
    assert response.status_code == 200, response.text
    return image(response.content)


def staff_image(server: Server, role: str, exhibit_id: int, query: str = '', width: int = 640) -> Image.Image:
    with server.client(role) as c:
        response = c.get(f'/api/exhibits/{exhibit_id}/pages/1?width={width}{query}')
    assert response.status_code == 200, response.text
    return image(response.content)


def test_redacting_roles_add_list_and_delete_audited(server: Server, setup: dict[str, Any]) -> None:
    hid, eid = setup['hearing_id'], setup['exhibit_id']
    made = [add(server, role, eid, 2, box) for role, box in (('procurator', [0.1, 0.1, 0.15, 0.2]),
                                                             ('clerk', [0.2, 0.1, 0.25, 0.2]),
                                                             ('presiding_judge', [0.3, 0.1, 0.35, 0.2]))]
    assert {'id', 'exhibit_id', 'page', 'box', 'author', 'created_at', 'approved'} == set(made[0])
    assert made[0]['author'] == 'procurator' and made[1]['box'] == [0.2, 0.1, 0.25, 0.2]
    assert [r['id'] for r in listed(server, eid, 'defence_counsel')] == [r['id'] for r in made]  # staff may look
    with server.client('procurator') as c:
        assert c.delete(f'/api/redactions/{made[0]["id"]}').json()['id'] == made[0]['id']
        again = c.delete(f'/api/redactions/{made[0]["id"]}')
        assert again.status_code == 404 and again.json()['error']['code'] == 'redaction_not_found'
    assert [r['id'] for r in listed(server, eid)] == [made[1]['id'], made[2]['id']]
    entries = audit_actions(server, hid)
    assert [(e['action'], e['actor'], e['details']['redaction_id']) for e in entries] == [
        ('redaction_added', 'procurator', made[0]['id']), ('redaction_added', 'clerk', made[1]['id']),
        ('redaction_added', 'presiding_judge', made[2]['id']), ('redaction_deleted', 'procurator', made[0]['id'])]
    assert entries[0]['details']['box'] == [0.1, 0.1, 0.15, 0.2]
    with server.client('clerk') as c:
        assert c.get(f'/api/hearings/{hid}/audit/verify').json()['valid'] is True
    delete_all(server, eid)


def test_counsel_the_other_judges_admin_and_screens_may_not_redact(server: Server, setup: dict[str, Any]) -> None:
    eid, hid = setup['exhibit_id'], setup['hearing_id']
    made = add(server, 'clerk', eid, 2)
    before = audit_actions(server, hid)
    for role in ('defence_counsel', 'judge', 'admin'):
        with server.client(role) as c:
            assert c.post(f'/api/exhibits/{eid}/redactions', json={'page': 1, 'box': BOX}).status_code == 403
            assert c.delete(f'/api/redactions/{made["id"]}').status_code == 403
    token = setup['tokens']['public']  # a screen's token is no bearer token
    headers = {'Authorization': f'Bearer {token}'}
    assert httpx.post(f'{server.url}/api/exhibits/{eid}/redactions', json={'page': 1, 'box': BOX},
                      headers=headers).status_code == 401
    assert httpx.get(f'{server.url}/api/exhibits/{eid}/redactions').status_code == 401
    assert [r['id'] for r in listed(server, eid)] == [made['id']]
    assert audit_actions(server, hid) == before
    delete_all(server, eid)


@pytest.mark.parametrize(('exhibit', 'body', 'status', 'code'), [
    (None, {'page': 1, 'box': [0.1, 0.1, 1.2, 0.2]}, 400, 'redaction_box_outside'),
    (None, {'page': 1, 'box': [0.5, 0.1, 0.2, 0.2]}, 400, 'redaction_box_inverted'),
    (None, {'page': 1, 'box': [0.1, 0.1, 0.103, 0.2]}, 400, 'redaction_box_too_small'),
    (None, {'page': 1, 'box': [0.1, 0.1, 0.2]}, 400, 'bad_redaction_box'),
    (None, {'page': 3, 'box': BOX}, 404, 'page_not_found'),
    (None, {'page': 0, 'box': BOX}, 404, 'page_not_found'),
    (None, {'box': BOX}, 400, 'required_field'),
    (999999, {'page': 1, 'box': BOX}, 404, 'exhibit_not_found'),
])
def test_bad_input_is_refused_in_the_user_s_language_and_nothing_is_stored(
        server: Server, setup: dict[str, Any], exhibit: int | None, body: dict[str, Any], status: int,
        code: str) -> None:
    eid, hid = setup['exhibit_id'], setup['hearing_id']
    before = audit_actions(server, hid)
    messages = set()
    for lang in ('vi', 'en'):
        with server.client('procurator', lang) as c:
            response = c.post(f'/api/exhibits/{exhibit or eid}/redactions', json=body)
        assert response.status_code == status, response.text
        assert response.json()['error']['code'] == code
        messages.add(response.json()['error']['message'])
    assert len(messages) == 2  # a message of its own in each language
    assert listed(server, eid) == [] and audit_actions(server, hid) == before


def test_the_public_screen_s_image_is_black_under_the_box_and_the_panel_s_shows_it_outlined(
        server: Server, setup: dict[str, Any]) -> None:
    hid, eid, tokens = setup['hearing_id'], setup['exhibit_id'], setup['tokens']
    with server.client('procurator') as c:
        assert c.post(f'/api/hearings/{hid}/publish', json={'exhibit_id': eid, 'page': 1}).status_code == 200
    plain = screen_image(server, tokens['public'], eid)
    assert has_ink(inside(plain, BOX))  # the name is there before the box: the test's box covers ink
    made = add(server, 'clerk', eid)
    for _ in range(2):  # the route, then the screens' fast path from memory: neither serves the old file
        public = screen_image(server, tokens['public'], eid)
        assert all_black(inside(public, BOX))
        assert has_ink(inside(public, [0.1, 0.45, 0.7, 0.5]))  # the rest of the page is as it was
        panel = screen_image(server, tokens['panel'], eid)
        assert has_ink(inside(panel, BOX, inset=8))  # the content under the box
        edge = panel.crop(pixel_box(Box(*BOX), panel.width, panel.height)).getpixel((1, 20))
        assert edge[0] > 150 and edge[1] < 110 and edge[2] < 110  # the box outlined in red
    with server.client('clerk') as c:
        assert c.delete(f'/api/redactions/{made["id"]}').status_code == 200
    for _ in range(2):
        assert has_ink(inside(screen_image(server, tokens['public'], eid), BOX))  # the box gone, the name back


def test_staff_see_the_original_unless_they_ask_or_may_not_and_thumbnails_are_redacted(
        server: Server, setup: dict[str, Any]) -> None:
    eid = setup['exhibit_id']
    add(server, 'procurator', eid)
    assert has_ink(inside(staff_image(server, 'procurator', eid), BOX))
    assert all_black(inside(staff_image(server, 'procurator', eid, '&redacted=1'), BOX))
    assert has_ink(inside(staff_image(server, 'judge', eid, '&redacted=outline'), BOX, inset=8))
    for width in (640, 240):  # counsel and the administrator see it as the public does, thumbnails too
        for role in ('defence_counsel', 'admin'):
            assert all_black(inside(staff_image(server, role, eid, '&redacted=0', width), BOX, inset=2))
    delete_all(server, eid)


def test_search_snippets_hide_the_words_under_a_box_from_all_but_the_panel(server: Server,
                                                                          setup: dict[str, Any]) -> None:
    hid, eid = setup['hearing_id'], setup['exhibit_id']
    add(server, 'clerk', eid)

    def search(role: str, q: str) -> list[dict[str, Any]]:
        with server.client(role) as c:
            response = c.get(f'/api/hearings/{hid}/search', params={'q': q})
        assert response.status_code == 200, response.text
        return response.json()['hits']

    for role in ('presiding_judge', 'judge'):
        assert '[Mật]' in search(role, 'Mật')[0]['snippet']
    for role in ('procurator', 'clerk', 'defence_counsel'):
        assert search(role, 'Mật') == []  # found only by a hidden word: not found
        hits = search(role, 'giám định')
        assert [h['page'] for h in hits] == [1]
        assert 'Mật' not in hits[0]['snippet'] and 'Trần' not in hits[0]['snippet'] and '█' in hits[0]['snippet']
    delete_all(server, eid)
    assert '[Mật]' in search('procurator', 'Mật')[0]['snippet']


def test_the_exported_record_carries_no_page_image_and_no_hidden_word(server: Server,
                                                                      setup: dict[str, Any]) -> None:
    hid, eid = setup['hearing_id'], setup['exhibit_id']
    box = add(server, 'clerk', eid)
    with server.client('clerk') as c:
        mark = c.post(f'/api/hearings/{hid}/marks', json={'exhibit_id': eid, 'page': 1, 'kind': 'arrow',
                                                          'points': [[0.1, 0.1], [0.3, 0.2]]}).json()
        response = c.get(f'/api/hearings/{hid}/record')
    assert response.status_code == 200, response.text
    with zipfile.ZipFile(io.BytesIO(response.content)) as z:
        names = z.namelist()
        assert not [n for n in names if n.lower().endswith(('.jpg', '.jpeg', '.png', '.webp'))]
        for name in names:
            data = z.read(name)
            text = ''.join(p.get_text() for p in pymupdf.open(stream=data)) if name.endswith('.pdf') else \
                data.decode('utf-8', 'replace')
            assert 'Mật' not in text and 'Trần Thị' not in text, name
        assert 'redaction_added' in z.read('audit.jsonl').decode()  # where the box was drawn is on record
        # and what is drawn on the pages, as data an offline reader redraws (the box, not what is under it)
        presenting = json.loads(z.read('presenting.json'))
        assert verify_record_bytes(response.content).ok
    assert [(r['id'], r['page'], r['box']) for r in presenting['redactions']] == [(box['id'], 1, BOX)]
    assert [(m['id'], m['kind'], m['points'], m['color']) for m in presenting['marks']] == [
        (mark['id'], 'arrow', [[0.1, 0.1], [0.3, 0.2]], 'red')]
    assert presenting['treatments'] == [] and presenting['clips'] == []
    delete_all(server, eid)


def test_with_approval_on_the_presiding_judge_approves_a_box(server: Server, setup: dict[str, Any]) -> None:
    hid, eid = setup['hearing_id'], setup['exhibit_id']
    with server.client('presiding_judge') as judge:
        assert judge.patch(f'/api/hearings/{hid}', json={'approval_required': True}).status_code == 200
        try:
            made = add(server, 'procurator', eid)
            assert made['approved'] is False
            assert [r['id'] for r in judge.get(f'/api/hearings/{hid}/redactions/pending').json()] == [made['id']]
            for role in ('procurator', 'clerk', 'defence_counsel'):
                with server.client(role) as c:
                    assert c.post(f'/api/redactions/{made["id"]}/approve').status_code == 403
            approved = judge.post(f'/api/redactions/{made["id"]}/approve')
            assert approved.status_code == 200 and approved.json()['approved'] is True
            again = judge.post(f'/api/redactions/{made["id"]}/approve')
            assert again.status_code == 409 and again.json()['error']['code'] == 'redaction_not_pending'
            assert judge.get(f'/api/hearings/{hid}/redactions/pending').json() == []
            assert add(server, 'presiding_judge', eid, 2)['approved'] is True  # the judge's own box needs none
        finally:
            assert judge.patch(f'/api/hearings/{hid}', json={'approval_required': False}).status_code == 200
            delete_all(server, eid)
