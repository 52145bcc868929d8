"""The case maps' API against a real server: a map made from JSON with links by BL, read back with every link
resolved (and a missing one flagged), saved as a new version, shared with the presiding judge and clerk (never the
notes), exported in each format and imported back as a new map whose file is kept in the evidence store; who may
not; bad files and bad maps refused in the caller's language with nothing stored."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from tests.conftest import Server, api_hearing, cli, make_pdf


@pytest.fixture(scope='module')
def hearing(server: Server) -> dict[str, Any]:
    made = api_hearing(server, '520/2026/HSST', 'Vụ án sơ đồ tư duy',
                       [('loi-khai.pdf', make_pdf(['Lời khai trang 1', 'Lời khai trang 2']), 'application/pdf'),
                        ('ket-luan.pdf', make_pdf(['Kết luận giám định']), 'application/pdf')])
    return {'id': made['hearing_id'], 'exhibits': [e['id'] for e in made['exhibits']],
            'bl': [e['bl_first'] for e in made['exhibits']]}


def root(bl: int) -> dict[str, Any]:
    return {'title': 'Vụ án trộm cắp', 'children': [
        {'title': 'Chứng cứ buộc tội', 'markers': ['against'], 'children': [
            {'title': f'Lời khai bị hại BL {bl + 1}', 'note': 'Chỉ kiểm sát viên đọc'},
            {'title': 'Trang không có', 'link': 'BL 9999'}]},
        {'title': 'Đề xuất', 'folded': True, 'children': [{'title': 'Mức án'}]}]}


def maps_of(server: Server, hearing_id: int) -> list[dict[str, Any]]:
    with server.client('procurator') as c:
        return c.get(f'/api/hearings/{hearing_id}/maps').json()


def test_make_read_save_share_and_export_a_map(server: Server, hearing: dict[str, Any]) -> None:
    hid, (first, _), (bl, _) = hearing['id'], hearing['exhibits'], hearing['bl']
    with server.client('procurator') as c:
        made = c.post(f'/api/hearings/{hid}/maps', json={'title': 'Sơ đồ vụ án', 'root': root(bl)})
        assert made.status_code == 201, made.text
        body = made.json()
        evidence = body['root']['children'][0]
        assert evidence['children'][0]['link'] == {'exhibit_id': first, 'page': 2, 'bl': bl + 1}
        assert evidence['children'][1]['link'] == {'exhibit_id': None, 'page': None, 'bl': 9999, 'missing': True}
        assert body['version'] == 1 and body['main'] is True
        assert c.get(f'/api/maps/{body["id"]}').json()['root'] == body['root']

        body['root']['children'][1]['title'] = 'Đề xuất của Viện kiểm sát'
        saved = c.put(f'/api/maps/{body["id"]}', json={'root': body['root']}).json()
        assert saved['version'] == 2 and saved['root']['children'][1]['title'] == 'Đề xuất của Viện kiểm sát'
        assert c.get(f'/api/maps/{body["id"]}?version=1').json()['root']['children'][1]['title'] == 'Đề xuất'

        for fmt, magic in (('xmind', b'PK'), ('mm', b'<map'), ('opml', b'<?xml')):
            exported = c.get(f'/api/maps/{body["id"]}/export?format={fmt}')
            assert exported.status_code == 200 and exported.content.startswith(magic), (fmt, exported.text[:200])
            assert f'.{fmt}"' in exported.headers['content-disposition']
            # and back in, as a new map with the same titles and links
            again = c.post(f'/api/hearings/{hid}/maps', files={'file': (f'so-do.{fmt}', exported.content)})
            assert again.status_code == 201, again.text
            imported = again.json()
            assert imported['main'] is False and imported['source']['format'] == fmt
            assert imported['source']['sha256'] == hashlib.sha256(exported.content).hexdigest()
            assert (server.data / 'evidence' / imported['source']['sha256'][:2] / imported['source']['sha256']) \
                .read_bytes() == exported.content
            link = imported['root']['children'][0]['children'][0]['link']
            assert link == {'exhibit_id': first, 'page': 2, 'bl': bl + 1}, fmt
            assert [n['title'] for n in imported['root']['children']] == ['Chứng cứ buộc tội',
                                                                          'Đề xuất của Viện kiểm sát']
            assert imported['root']['children'][1]['folded'] is True
        for fmt, magic, media_type in (('pdf', b'%PDF', 'application/pdf'), ('pdf-tiled', b'%PDF', 'application/pdf'),
                                       ('png', b'\x89PNG', 'image/png')):  # drawn, without the notes
            exported = c.get(f'/api/maps/{body["id"]}/export?format={fmt}')
            assert exported.status_code == 200 and exported.content.startswith(magic), fmt
            assert exported.headers['content-type'] == media_type
            if fmt == 'pdf':
                with pymupdf.open(stream=exported.content, filetype='pdf') as doc:
                    text = doc[0].get_text()
                assert 'Chứng cứ buộc tội' in text and 'Chỉ kiểm sát viên đọc' not in text
        assert c.get(f'/api/maps/{body["id"]}/export?format=docx').status_code == 400

    # the judge and the clerk read it once shared, without the notes; counsel never
    for role in ('presiding_judge', 'clerk', 'defence_counsel'):
        with server.client(role) as other:
            assert other.get(f'/api/maps/{body["id"]}').status_code == 403
            assert other.put(f'/api/maps/{body["id"]}', json={'root': body['root']}).status_code == 403
            assert other.post(f'/api/hearings/{hid}/maps', json={'title': 'x', 'root': {'title': 'x'}}) \
                .status_code == 403
    with server.client('procurator') as c:
        assert c.post(f'/api/maps/{body["id"]}/share', json={'shared': True}).json()['shared'] is True
    for role in ('presiding_judge', 'clerk'):
        with server.client(role) as other:
            seen = other.get(f'/api/maps/{body["id"]}').json()
            assert 'note' not in seen['root']['children'][0]['children'][0]
            assert other.get(f'/api/maps/{body["id"]}/export?format=opml').status_code == 403
    with server.client('defence_counsel') as other:
        assert other.get(f'/api/maps/{body["id"]}').status_code == 403
        assert other.get(f'/api/hearings/{hid}/maps').status_code == 403


BILLION_LAUGHS = b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><map><node TEXT="&a;"/></map>'


@pytest.mark.parametrize(('request_', 'code'), [
    ({'files': {'file': ('so-do.xmind', b'PK\x03\x04 not a zip')}}, 'map_file_unreadable'),
    ({'files': {'file': ('so-do.mm', BILLION_LAUGHS)}}, 'map_file_doctype'),
    ({'files': {'file': ('so-do.opml', b'<opml><body/></opml>')}}, 'map_file_empty'),
    ({'files': {'file': ('so-do.mm', b'<map><node TEXT="' + b'x' * 100_000 + b'"/></map>')}}, 'map_title_too_long'),
    ({'json': {'title': '', 'root': {'title': 'a'}}}, 'required_field'),
    ({'json': {'title': 'Sơ đồ', 'root': {'title': 'a', 'markers': ['skull']}}}, 'bad_map_marker'),
    ({'json': {'title': 'Sơ đồ', 'root': {'title': 'a', 'link': 'trang kia'}}}, 'bad_map_link'),
    ({'json': {'title': 'Sơ đồ'}}, 'bad_map_node'),
    ({'content': b'{"title": "a", "root": ' + b'{"a": ' * 100_000 + b'1' + b'}' * 100_001,  # nested past JSON's limit
      'headers': {'Content-Type': 'application/json'}}, 'bad_map_node'),
])
def test_bad_input_is_refused_in_the_callers_language_and_nothing_is_stored(server: Server, hearing: dict[str, Any],
                                                                            request_: dict, code: str) -> None:
    hid = hearing['id']
    before = maps_of(server, hid)
    evidence = sorted((server.data / 'evidence').rglob('*'))
    messages = {}
    for lang in ('vi', 'en'):
        with server.client('procurator', lang=lang) as c:
            response = c.post(f'/api/hearings/{hid}/maps', **request_)
        assert response.status_code == 400, response.text
        assert response.json()['error']['code'] == code
        messages[lang] = response.json()['error']['message']
    assert messages['vi'] != messages['en']
    assert maps_of(server, hid) == before and sorted((server.data / 'evidence').rglob('*')) == evidence


def test_no_such_map_or_hearing(server: Server) -> None:
    with server.client('procurator') as c:
        assert c.get('/api/maps/987654').status_code == 404
        assert c.post('/api/hearings/987654/maps', json={'title': 'x', 'root': {'title': 'x'}}).status_code == 404


def test_the_record_holds_each_map_version_shown_checked_against_the_chain(server: Server, hearing: dict[str, Any],
                                                                           tmp_path: Path) -> None:
    hid, bl = hearing['id'], hearing['bl'][0]
    with server.client('procurator') as c:
        made = c.post(f'/api/hearings/{hid}/maps', json={'title': 'Sơ đồ trình chiếu', 'root': root(bl)}).json()
        assert c.post(f'/api/hearings/{hid}/publish', json={'map_id': made['id']}).status_code == 200
        made['root']['children'][1]['title'] = 'Đề xuất mới'
        again = c.put(f'/api/maps/{made["id"]}', json={'root': made['root']}).json()
        node = again['root']['children'][1]['id']
        assert c.post(f'/api/hearings/{hid}/publish', json={'map_id': made['id'], 'node_id': node}).status_code == 200
    with server.client('clerk') as clerk:
        record = tmp_path / 'record.zip'
        record.write_bytes(clerk.get(f'/api/hearings/{hid}/record').content)
    with zipfile.ZipFile(record) as z:
        names = set(z.namelist())
        for version in (1, 2):
            assert {f'maps/map-{made["id"]}-v{version}.json', f'maps/map-{made["id"]}-v{version}.pdf'} <= names
        shown = json.loads(z.read(f'maps/map-{made["id"]}-v2.json'))
        assert shown['root']['children'][1]['title'] == 'Đề xuất mới'
        assert hashlib.sha256(z.read(f'maps/map-{made["id"]}-v2.json')).hexdigest() == again['sha256']
    verified = cli('verify', str(record), data=server.data, check=False)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert 'case maps shown match the audit chain' in verified.stdout
