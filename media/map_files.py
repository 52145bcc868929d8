"""Case-map files in the formats procurators already use, read and written with the standard library: XMind 2020+
(a zip with ``content.json``; its stub ``content.xml`` is ignored), XMind 8 (a zip with ``content.xml``),
FreeMind/Freeplane ``.mm`` and OPML 2.0. What the formats are is in ../shared/notes/formats.md.

A file becomes ``(title, root)``: ``root`` in the API's node shape (courtroom.case_map.parse_tree checks it),
with a link ``{bl}`` where a label, attribute, ``href``/``LINK``/``url``, title or note names a BL, or
``{exhibit_id, page}`` where the link is one of this app's page addresses. Markers, notes, folding and order
survive a round trip. On export a linked node gets "BL n" (an XMind label, a FreeMind attribute, an OPML ``_bl``)
and the page's address in this app as its link.

Bad input is refused with a named error (``media.errors.ImportError_``), never half-read: not a map file, an
XMind with no sheet, XML with a DOCTYPE (no entity of a file is ever expanded), more than 20 MB (or a zip member
that unpacks to more). Text is text: markup in a title or note is kept as typed and never rendered."""

from __future__ import annotations

import io
import json
import re
import urllib.parse
import uuid
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any
from xml.etree import ElementTree as ET

from courtroom.case_map import MARKERS, Node, bl_in_text
from courtroom.errors import InvalidInput

MAX_FILE = 20 * 1024 * 1024
FORMATS = ('xmind', 'mm', 'opml')
XMIND_NS = 'urn:xmind:xmap:xmlns:content:2.0'
XLINK_NS = 'http://www.w3.org/1999/xlink'
# our markers in each format: XMind marker ids and FreeMind icons, first is what we write
XMIND_MARKERS = {'for': ('symbol-plus', 'c_simbol-plus'), 'against': ('symbol-minus', 'c_simbol-minus'),
                 'clarify': ('symbol-question', 'c_simbol-question'), 'key': ('star-red', 'priority-1')}
MM_ICONS = {'for': ('button_ok',), 'against': ('button_cancel',), 'clarify': ('help',), 'key': ('yes',)}
# a page's address in this app: the hearing page opened at it (what exports write), or the page's image
_PAGE_URL = re.compile(r'(?:[?&]exhibit=|/exhibits/)(\d{1,12})(?:&page=|/pages/)(\d{1,7})(?:\D|$)')

PageUrl = Callable[[int, int], str]


def _bad(reason: str) -> InvalidInput:
    """The error for a file that cannot be read as a map: not one at all, a map without a sheet or root, XML
    with a DOCTYPE, or deeper than any map."""
    code = {'no_sheet': 'map_file_empty', 'no_root': 'map_file_empty', 'doctype': 'map_file_doctype',
            'too_deep': 'map_too_deep'}.get(reason, 'map_file_unreadable')
    return InvalidInput(code, max=200) if code == 'map_too_deep' else InvalidInput(code)


# --- reading ----------------------------------------------------------------------------------------------------

def read_map(name: str, data: bytes) -> tuple[str, dict[str, Any]]:
    """(title, root) of a map file, by its content (a zip is XMind; XML by its root element)."""
    if len(data) > MAX_FILE:
        raise InvalidInput('map_file_too_big', max_mb=MAX_FILE // (1024 * 1024))
    if data[:4] == b'PK\x03\x04':
        return _read_xmind(data)
    root = _xml(data)
    if root.tag == 'map':
        return _read_mm(root, name)
    if root.tag == 'opml':
        return _read_opml(root, name)
    raise _bad('format')


def _xml(data: bytes) -> ET.Element:
    head = data[:4096].lstrip()
    if b'<!DOCTYPE' in data or b'<!ENTITY' in data:
        raise _bad('doctype')  # no entity is ever expanded: a map file has no use for them
    if not head.startswith(b'<'):
        raise _bad('format')
    try:
        return ET.fromstring(data)
    except ET.ParseError:
        raise _bad('xml') from None


def _member(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_FILE:
        raise InvalidInput('map_file_too_big', max_mb=MAX_FILE // (1024 * 1024))
    return archive.read(info)


def _read_xmind(data: bytes) -> tuple[str, dict[str, Any]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content_json = _member(archive, 'content.json')
            content_xml = None if content_json is not None else _member(archive, 'content.xml')
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        raise _bad('zip') from None
    if content_json is not None:
        try:
            sheets = json.loads(content_json)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise _bad('xmind_json') from None
        if not isinstance(sheets, list) or not sheets or not isinstance(sheets[0], dict) \
                or not isinstance(sheets[0].get('rootTopic'), dict):
            raise _bad('no_sheet')
        sheet = sheets[0]
        root = _topic_json(sheet['rootTopic'], 1)
        return _title(sheet.get('title'), root), root
    if content_xml is None:
        raise _bad('not_xmind')
    xml = _xml(content_xml)
    sheet = xml.find(f'{{{XMIND_NS}}}sheet')
    topic = sheet.find(f'{{{XMIND_NS}}}topic') if sheet is not None else None
    if topic is None:
        raise _bad('no_sheet')
    root = _topic_xml(topic, 1)
    return _title(sheet.findtext(f'{{{XMIND_NS}}}title'), root), root


def _title(sheet_title: object, root: dict[str, Any]) -> str:
    text = ' '.join(str(sheet_title or '').split()) or root['title'] or 'Sơ đồ tư duy'
    return text[:200]


def _depth(depth: int) -> int:
    if depth > 200:
        raise _bad('too_deep')  # before Python's own recursion limit; the map's limits are checked after
    return depth + 1


def _topic_json(topic: dict[str, Any], depth: int) -> dict[str, Any]:
    notes = topic.get('notes')
    note = notes.get('plain', {}).get('content', '') if isinstance(notes, dict) and \
        isinstance(notes.get('plain'), dict) else ''
    labels = [str(x) for x in topic.get('labels') or [] if isinstance(x, str | int)]
    markers = [m.get('markerId') for m in topic.get('markers') or [] if isinstance(m, dict)]
    children = topic.get('children', {})
    attached = children.get('attached', []) if isinstance(children, dict) else []
    return _node(topic.get('id'), topic.get('title'), note, labels, markers, XMIND_MARKERS, topic.get('href'),
                 topic.get('branch') == 'folded',
                 [_topic_json(c, _depth(depth)) for c in attached if isinstance(c, dict)])


def _topic_xml(topic: ET.Element, depth: int) -> dict[str, Any]:
    ns = f'{{{XMIND_NS}}}'
    labels = [el.text or '' for el in topic.iterfind(f'{ns}labels/{ns}label')]
    markers = [el.get('marker-id') for el in topic.iterfind(f'{ns}marker-refs/{ns}marker-ref')]
    children = [_topic_xml(c, _depth(depth)) for topics in topic.iterfind(f'{ns}children/{ns}topics')
                if topics.get('type', 'attached') == 'attached' for c in topics.iterfind(f'{ns}topic')]
    return _node(topic.get('id'), topic.findtext(f'{ns}title'), topic.findtext(f'{ns}notes/{ns}plain') or '',
                 labels, markers, XMIND_MARKERS, topic.get(f'{{{XLINK_NS}}}href'), topic.get('branch') == 'folded',
                 children)


class _Text(HTMLParser):
    """The text of FreeMind's rich content (HTML): paragraphs and line breaks as new lines, nothing else kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ('p', 'br', 'div', 'li'):
            self.parts.append('\n')

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def text(self) -> str:
        return '\n'.join(' '.join(line.split()) for line in ''.join(self.parts).splitlines()).strip()


def _html_text(element: ET.Element | None) -> str:
    if element is None:
        return ''
    parser = _Text()
    parser.feed(''.join(ET.tostring(child, encoding='unicode') for child in element))
    return parser.text()


def _read_mm(root: ET.Element, name: str) -> tuple[str, dict[str, Any]]:
    top = root.find('node')
    if top is None:
        raise _bad('no_root')
    tree = _mm_node(top, 1)
    return _title(None, tree) or name, tree


def _mm_node(element: ET.Element, depth: int) -> dict[str, Any]:
    rich = {r.get('TYPE'): r for r in element.findall('richcontent')}
    title = element.get('TEXT')
    if title is None:
        title = _html_text(rich.get('NODE'))
    note = _html_text(rich.get('NOTE'))
    labels = [f'BL {a.get("VALUE")}' for a in element.findall('attribute') if (a.get('NAME') or '').upper() == 'BL']
    icons = [i.get('BUILTIN') for i in element.findall('icon')]
    return _node(element.get('ID'), title, note, labels, icons, MM_ICONS, element.get('LINK'),
                 element.get('FOLDED') == 'true', [_mm_node(c, _depth(depth)) for c in element.findall('node')])


def _read_opml(root: ET.Element, name: str) -> tuple[str, dict[str, Any]]:
    body = root.find('body')
    outlines = body.findall('outline') if body is not None else []
    if not outlines:
        raise _bad('no_root')
    head_title = root.findtext('head/title')
    if len(outlines) == 1:
        tree = _outline(outlines[0], 1)
    else:  # several top outlines: under one root named as the document
        tree = _node(None, head_title or name, '', [], [], {}, None, False, [_outline(o, 2) for o in outlines])
    return _title(head_title, tree), tree


def _outline(element: ET.Element, depth: int) -> dict[str, Any]:
    labels = [f'BL {element.get("_bl")}'] if element.get('_bl') else []
    markers = (element.get('_markers') or '').split()
    return _node(None, element.get('text') or element.get('title'), element.get('_note') or '', labels, markers,
                 {m: (m,) for m in MARKERS}, element.get('url') or element.get('htmlUrl'),
                 element.get('_folded') == 'true', [_outline(c, _depth(depth)) for c in element.findall('outline')])


def _node(ident: object, title: object, note: str, labels: list[str], markers: list[Any],
          names: dict[str, tuple[str, ...]], href: object, folded: bool,
          children: list[dict[str, Any]]) -> dict[str, Any]:
    """One node in the API's shape; its link from (in order) a label, the href, the title, the note."""
    text = ' '.join(str(title or '').split())
    ours = [m for m, known in names.items() if any(x in known for x in markers)]
    out: dict[str, Any] = {'title': text, 'note': note.strip(), 'markers': ours, 'folded': folded,
                           'children': children}
    if isinstance(ident, str):
        out['id'] = ident
    link = _link(labels, href if isinstance(href, str) else None, text, note)
    if link is not None:
        out['link'] = link
    return out


def _link(labels: list[str], href: str | None, title: str, note: str) -> dict[str, int] | None:
    for label in labels:
        if (found := bl_in_text(label)) is not None:
            return {'bl': found[0]}
    if href:
        if (page := _PAGE_URL.search(href)) is not None:
            return {'exhibit_id': int(page.group(1)), 'page': int(page.group(2))}
        if (found := bl_in_text(urllib.parse.unquote(href))) is not None:  # "file:///…/BL%20125.pdf"
            return {'bl': found[0]}
    for text in (title, note):
        if (found := bl_in_text(text)) is not None:
            return {'bl': found[0]}
    return None


# --- writing ----------------------------------------------------------------------------------------------------

def write_map(fmt: str, title: str, root: Node, page_url: PageUrl) -> bytes:
    """The map as a file of ``fmt`` (xmind, mm, opml); notes included (the procurator's own export)."""
    if fmt == 'xmind':
        return _write_xmind(title, root, page_url)
    if fmt == 'mm':
        return _write_mm(root, page_url)
    if fmt == 'opml':
        return _write_opml(title, root, page_url)
    raise InvalidInput('bad_map_format', formats=', '.join(FORMATS))


def _linked(node: Node) -> tuple[int, int, int | None] | None:
    link = node.link
    if link is None or link.missing or link.exhibit_id is None or link.page is None:
        return None
    return link.exhibit_id, link.page, link.bl


def _write_xmind(title: str, root: Node, page_url: PageUrl) -> bytes:
    def topic(node: Node) -> dict[str, Any]:
        out: dict[str, Any] = {'id': node.id, 'class': 'topic', 'title': node.title}
        if node.note:
            out['notes'] = {'plain': {'content': node.note}}
        if node.markers:
            out['markers'] = [{'markerId': XMIND_MARKERS[m][0]} for m in node.markers]
        if (linked := _linked(node)) is not None:
            exhibit_id, page, bl = linked
            out['href'] = page_url(exhibit_id, page)
            if bl is not None:
                out['labels'] = [f'BL {bl}']
        if node.folded:
            out['branch'] = 'folded'
        if node.children:
            out['children'] = {'attached': [topic(c) for c in node.children]}
        return out

    sheet = {'id': uuid.uuid4().hex, 'class': 'sheet', 'title': title, 'rootTopic': topic(root)}
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as archive:
        archive.writestr('content.json', json.dumps([sheet], ensure_ascii=False))
        archive.writestr('metadata.json', json.dumps({'creator': {'name': 'courtroom'}}))
        archive.writestr('manifest.json', json.dumps({'file-entries': {'content.json': {}, 'metadata.json': {}}}))
    return out.getvalue()


def _write_mm(root: Node, page_url: PageUrl) -> bytes:
    def node(parent: ET.Element, item: Node) -> None:
        element = ET.SubElement(parent, 'node', {'TEXT': item.title, 'ID': _mm_id(item.id)})
        if item.folded and item.children:
            element.set('FOLDED', 'true')
        if (linked := _linked(item)) is not None:
            exhibit_id, page, bl = linked
            element.set('LINK', page_url(exhibit_id, page))
            if bl is not None:
                ET.SubElement(element, 'attribute', {'NAME': 'BL', 'VALUE': str(bl)})
        for marker in item.markers:
            ET.SubElement(element, 'icon', {'BUILTIN': MM_ICONS[marker][0]})
        if item.note:
            rich = ET.SubElement(element, 'richcontent', {'TYPE': 'NOTE'})
            body = ET.SubElement(ET.SubElement(rich, 'html'), 'body')
            for line in item.note.splitlines() or ['']:
                ET.SubElement(body, 'p').text = line
        for child in item.children or ():
            node(element, child)

    top = ET.Element('map', {'version': '1.0.1'})
    node(top, root)
    return ET.tostring(top, encoding='utf-8', xml_declaration=False)


def _mm_id(ident: str) -> str:
    return ident if ident.startswith('ID_') else f'ID_{ident}'


def _write_opml(title: str, root: Node, page_url: PageUrl) -> bytes:
    def outline(parent: ET.Element, item: Node) -> None:
        element = ET.SubElement(parent, 'outline', {'text': item.title})
        if item.note:
            element.set('_note', item.note)
        if item.markers:
            element.set('_markers', ' '.join(item.markers))
        if item.folded and item.children:
            element.set('_folded', 'true')
        if (linked := _linked(item)) is not None:
            exhibit_id, page, bl = linked
            element.set('type', 'link')
            element.set('url', page_url(exhibit_id, page))
            if bl is not None:
                element.set('_bl', str(bl))
        for child in item.children or ():
            outline(element, child)

    top = ET.Element('opml', {'version': '2.0'})
    ET.SubElement(ET.SubElement(top, 'head'), 'title').text = title
    outline(ET.SubElement(top, 'body'), root)
    return ET.tostring(top, encoding='utf-8', xml_declaration=True)
