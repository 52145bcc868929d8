"""Case-map files: XMind 2020+ (content.json, its stub content.xml ignored), XMind 8 (content.xml), FreeMind .mm and
OPML read into the API's node shape with links from labels, attributes, addresses, titles and notes; every format
written and read back with titles, order, notes, markers, folding and links intact; our .xmind read by an
independent reader (xmindparser); each class of bad file refused by name."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
import xmindparser

from courtroom.case_map import Link, parse_tree
from courtroom.errors import InvalidInput
from media.map_files import FORMATS, MAX_FILE, read_map, write_map


def page_url(exhibit_id: int, page: int) -> str:
    return f'https://toaan.example.vn/api/exhibits/{exhibit_id}/pages/{page}'


def sample():
    root = parse_tree({'title': 'Vụ án Nguyễn Văn A — trộm cắp tài sản', 'children': [
        {'title': 'Tố tụng', 'folded': True, 'children': [{'title': 'Khởi tố vụ án'}, {'title': 'Cáo trạng'}]},
        {'title': 'Chứng cứ buộc tội', 'markers': ['against', 'key'], 'children': [
            {'title': 'Lời khai bị hại', 'note': 'Mâu thuẫn về giờ\nxem lại', 'markers': ['clarify']},
            {'title': 'Camera chợ <script>alert(1)</script> & "xe"'}]},
        {'title': 'Đề xuất', 'markers': ['for']}]})
    victim = root.children[1].children[0]
    victim.link = Link(3, 2, 125)
    return root


def shape(node) -> dict:
    """What a round trip must keep: titles, order, notes, markers, folding, and links by BL."""
    return {'title': node.title, 'note': node.note, 'markers': sorted(node.markers), 'folded': node.folded,
            'bl': node.link.bl if node.link else None, 'children': [shape(c) for c in node.children or ()]}


def read_shape(data: bytes, name: str) -> tuple[str, dict]:
    title, root = read_map(name, data)
    node = parse_tree(root)
    for n in node.walk():  # links are read as asked ({bl} or {exhibit_id, page}); the BL is what must survive
        if n.link is not None:
            n.link = Link(bl=n.link.bl)
    return title, shape(node)


@pytest.mark.parametrize('fmt', FORMATS)
def test_every_format_round_trips(fmt: str) -> None:
    root = sample()
    data = write_map(fmt, 'Sơ đồ vụ án', root, page_url)
    title, read = read_shape(data, f'map.{fmt}')
    assert read == shape(root)
    assert title in ('Sơ đồ vụ án', root.title)  # FreeMind keeps no title of its own: the root's


def test_our_xmind_reads_in_an_independent_reader(tmp_path: Path) -> None:
    path = tmp_path / 'so-do.xmind'
    path.write_bytes(write_map('xmind', 'Sơ đồ vụ án', sample(), page_url))
    sheet = xmindparser.xmind_to_dict(str(path))[0]
    assert sheet['title'] == 'Sơ đồ vụ án'
    top = sheet['topic']
    assert top['title'] == 'Vụ án Nguyễn Văn A — trộm cắp tài sản'
    evidence = top['topics'][1]
    victim = evidence['topics'][0]
    assert victim['title'] == 'Lời khai bị hại' and victim['labels'] == ['BL 125']
    assert victim['link'] == page_url(3, 2) and victim['note'].startswith('Mâu thuẫn')
    assert [t['title'] for t in top['topics']] == ['Tố tụng', 'Chứng cứ buộc tội', 'Đề xuất']


def xmind(members: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w') as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


STUB_XML = ('<?xml version="1.0" encoding="UTF-8"?><xmap-content xmlns="urn:xmind:xmap:xmlns:content:2.0">'
            '<sheet id="s"><topic id="t"><title>Warning: This file can not be opened by XMind 8</title></topic>'
            '</sheet></xmap-content>')


def test_xmind_2020_reads_content_json_and_ignores_the_stub_xml() -> None:
    content = [{'id': 's1', 'class': 'sheet', 'title': 'Hệ thống chứng cứ', 'rootTopic': {
        'id': 'root', 'class': 'topic', 'title': 'Chứng cứ', 'structureClass': 'org.xmind.ui.map.unbalanced',
        'children': {'attached': [
            {'id': 'a', 'title': 'Biên bản khám nghiệm', 'labels': ['BL 40–42'], 'branch': 'folded',
             'markers': [{'markerId': 'priority-1'}], 'children': {'attached': [{'id': 'a1', 'title': 'Ảnh'}]}},
            {'id': 'b', 'title': 'Kết luận giám định', 'href': 'xmind:#a', 'notes': {'plain': {'content': 'BL 77'}}},
            {'id': 'c', 'title': 'Ghi hình', 'href': 'https://toaan.example.vn/api/exhibits/8/pages/1'}],
            'detached': [{'id': 'd', 'title': 'Nổi'}]}}}, {'id': 's2', 'title': 'Trang hai', 'rootTopic': {}}]
    title, root = read_map('ho-so.xmind', xmind({'content.json': json.dumps(content), 'content.xml': STUB_XML,
                                                 'metadata.json': '{}'}))
    assert title == 'Hệ thống chứng cứ' and root['title'] == 'Chứng cứ' and root['id'] == 'root'
    first, second, third = root['children']  # the detached (floating) topic is not a branch
    assert (first['link'], first['folded'], first['markers']) == ({'bl': 40}, True, ['key'])
    assert [c['title'] for c in first['children']] == ['Ảnh']
    assert second['link'] == {'bl': 77} and second['note'] == 'BL 77'  # from the note: the href is internal
    assert third['link'] == {'exhibit_id': 8, 'page': 1}


def test_xmind_8_content_xml() -> None:
    content = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
               '<xmap-content xmlns="urn:xmind:xmap:xmlns:content:2.0" xmlns:xlink="http://www.w3.org/1999/xlink" '
               'version="2.0"><sheet id="s1"><topic id="r"><title>Vụ án</title><children><topics type="attached">'
               '<topic id="t1" branch="folded" xlink:href="file:///C:/HoSo/BL%20125.pdf"><title>Lời khai</title>'
               '<notes><plain>Ghi chú</plain></notes><marker-refs><marker-ref marker-id="symbol-question"/>'
               '</marker-refs></topic><topic id="t2"><title>Cáo trạng</title><labels><label>BL 3</label></labels>'
               '</topic></topics></children></topic><title>Sơ đồ vụ án</title></sheet></xmap-content>')
    title, root = read_map('cu.xmind', xmind({'content.xml': content, 'META-INF/manifest.xml': '<manifest/>'}))
    assert title == 'Sơ đồ vụ án'
    first, second = root['children']
    assert (first['title'], first['note'], first['markers'], first['folded']) == ('Lời khai', 'Ghi chú',
                                                                                   ['clarify'], True)
    assert first['link'] == {'bl': 125}  # a link to a file on the procurator's laptop that names the BL
    assert second['link'] == {'bl': 3}


def test_freemind_and_freeplane() -> None:
    mm = ('<map version="freeplane 1.9.13"><node TEXT="Vụ án" ID="ID_1"><node ID="ID_2" FOLDED="true">'
          '<richcontent TYPE="NODE"><html><body><p>Lời khai <b>bị cáo</b></p></body></html></richcontent>'
          '<richcontent TYPE="NOTE"><html><body><p>Dòng một</p><p>BL 12</p></body></html></richcontent>'
          '<icon BUILTIN="button_cancel"/><arrowlink DESTINATION="ID_1"/><node TEXT="Lần 1"/></node>'
          '<node TEXT="Vật chứng" LINK="BL 30"><attribute NAME="Loại" VALUE="ảnh"/></node></node></map>')
    title, root = read_map('vu-an.mm', mm.encode())
    assert title == 'Vụ án'
    first, second = root['children']
    assert (first['title'], first['note'], first['markers']) == ('Lời khai bị cáo', 'Dòng một\nBL 12', ['against'])
    assert first['link'] == {'bl': 12} and first['folded'] and first['children'][0]['title'] == 'Lần 1'
    assert second['link'] == {'bl': 30}  # the arrow link back to the root (a cycle) is not followed


def test_opml_with_several_top_outlines_and_markup_kept_as_text() -> None:
    opml = ('<?xml version="1.0"?><opml version="2.0"><head><title>Dàn ý</title></head><body>'
            '<outline text="&lt;script&gt;alert(1)&lt;/script&gt;" _note="BL 5"/>'
            '<outline text="Hai" type="link" url="https://x.example/BL 9"><outline text="Con"/></outline>'
            '</body></opml>')
    title, root = read_map('dan-y.opml', opml.encode())
    assert title == 'Dàn ý' and root['title'] == 'Dàn ý'
    first, second = root['children']
    assert first['title'] == '<script>alert(1)</script>' and first['link'] == {'bl': 5}
    assert second['link'] == {'bl': 9} and second['children'][0]['title'] == 'Con'


BILLION_LAUGHS = b'''<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><map><node TEXT="&lol2;"/></map>'''


@pytest.mark.parametrize(('name', 'data', 'code'), [
    ('a.xmind', xmind({'readme.txt': 'không phải XMind'}), 'map_file_unreadable'),
    ('a.xmind', xmind({'content.json': '[]'}), 'map_file_empty'),
    ('a.xmind', xmind({'content.json': '{"rootTopic": 1}'}), 'map_file_empty'),
    ('a.xmind', xmind({'content.json': 'not json'}), 'map_file_unreadable'),
    ('a.xmind', b'PK\x03\x04 broken zip', 'map_file_unreadable'),
    ('a.xmind', xmind({'content.xml': '<xmap-content xmlns="urn:xmind:xmap:xmlns:content:2.0"/>'}), 'map_file_empty'),
    ('a.mm', BILLION_LAUGHS, 'map_file_doctype'),
    ('a.mm', b'<map><node TEXT="a">', 'map_file_unreadable'),
    ('a.mm', b'<map></map>', 'map_file_empty'),
    ('a.opml', b'<opml><body></body></opml>', 'map_file_empty'),
    ('a.txt', 'Chỉ là văn bản'.encode(), 'map_file_unreadable'),
    ('a.xml', b'<html><body/></html>', 'map_file_unreadable'),
    ('a.mm', b'<map>' + b' ' * MAX_FILE + b'</map>', 'map_file_too_big'),
    ('a.mm', b'<map>' + b'<node TEXT="x">' * 300 + b'</node>' * 300 + b'</map>', 'map_too_deep'),
])
def test_bad_files_are_refused_by_name(name: str, data: bytes, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        read_map(name, data)
    assert caught.value.code == code


@pytest.mark.parametrize(('outlines', 'code'), [
    ('<outline text="%s"/>' % ('x' * 100_000), 'map_title_too_long'),
    ('<outline text="n"/>' * 100_000, 'map_too_many_nodes'),
])
def test_files_that_read_but_go_beyond_a_maps_limits_are_refused_by_the_map(outlines: str, code: str) -> None:
    _, root = read_map('lon.opml', f'<opml version="2.0"><body><outline text="r">{outlines}</outline></body></opml>'
                       .encode())
    with pytest.raises(InvalidInput) as caught:
        parse_tree(root)
    assert caught.value.code == code


def test_an_unknown_export_format_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        write_map('docx', 'a', parse_tree({'title': 'a'}), page_url)
    assert caught.value.code == 'bad_map_format'
