"""Case maps (sơ đồ tư duy): the procurator's report of a case as a tree of nodes, linked to the pages of the case
file. A hearing may have several maps; one is its main map. Each save is a new version, kept with the SHA-256 of
its canonical JSON and written in the audit chain, so the record can show any map as it was.

A node is ``{id, title, note, markers, link, folded, children}``. Its link names a page of the case file, given as
``{exhibit_id, page}`` or ``{bl}``, or found in its title ("BL 125", "BL 12–14", "bút lục 125": the first page of
a range). Links are resolved against the hearing's case file when a map is saved: a resolved link carries
``{exhibit_id, page, bl}``; one to a page that does not exist keeps what was asked for and ``missing: true``, so
the procurator sees it flagged rather than silently kept. Notes are the procurator's own: only the procurator gets
them (``for_role``); markers are a small fixed set.

Limits (a clear error, nothing stored): 10,000 nodes, 100 levels, 1,000 characters a title, 20,000 a note."""

from __future__ import annotations

import hashlib
import json
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from . import audit
from .bl import MAX_DIGITS
from .errors import Forbidden, InvalidInput, NotFound
from .exhibits import Disclosure, Exhibits
from .hearings import Hearings, clean_text
from .map_display import ON_SCREEN, for_display
from .presentation import Presentation
from .presentation_state import MapShown, PresentationState
from .roles import Action, Role, require
from .store import Store
from .users import User
from .visibility import Audience

MAX_NODES = 10_000
MAX_DEPTH = 100
MAX_TITLE = 1_000
MAX_NOTE = 20_000
MAX_MAP_TITLE = 200
MARKERS = ('for', 'against', 'clarify', 'key')  # for / against the accused, to clarify, key point
_ID = re.compile(r'^[A-Za-z0-9_-]{1,64}$')

# "BL 125", "BL. 7", "bl125", "BL 12–14" (any dash), "bút lục 125" anywhere in a text
_BL_IN_TEXT = re.compile(rf'(?<![\w])(?:bl|bút lục|but luc)\s*\.?\s*(\d{{1,{MAX_DIGITS}}})'
                         rf'(?:\s*[-–—]\s*(\d{{1,{MAX_DIGITS}}}))?(?!\d)', re.IGNORECASE)


def bl_in_text(text: str) -> tuple[int, int] | None:
    """The first BL reference in ``text`` as (first, last) page; None when there is none."""
    match = _BL_IN_TEXT.search(unicodedata.normalize('NFC', text))
    if match is None:
        return None
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) else first
    return (first, max(first, last))


@dataclass(slots=True, frozen=True)
class Link:
    """A node's link to a page: resolved (exhibit, page and its BL), or asked for and ``missing``."""
    exhibit_id: int | None = None
    page: int | None = None
    bl: int | None = None
    missing: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {'exhibit_id': self.exhibit_id, 'page': self.page, 'bl': self.bl}
        if self.missing:
            out['missing'] = True
        return out


@dataclass(slots=True)
class Node:
    id: str
    title: str
    note: str = ''
    markers: tuple[str, ...] = ()
    link: Link | None = None
    folded: bool = False
    children: list[Node] | None = None

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children or ():
            yield from child.walk()

    def to_json(self, *, notes: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {'id': self.id, 'title': self.title}
        if notes and self.note:
            out['note'] = self.note
        if self.markers:
            out['markers'] = list(self.markers)
        if self.link is not None:
            out['link'] = self.link.to_json()
        if self.folded:
            out['folded'] = True
        out['children'] = [c.to_json(notes=notes) for c in self.children or ()]
        return out


def parse_tree(data: object) -> Node:
    """A map's root from its JSON (the API's shape, or a file reader's), checked against the limits. Ids that are
    missing, malformed or repeated are replaced; links are kept as asked (``resolve`` checks them)."""
    seen: set[str] = set()
    count = 0
    counter = iter(range(1, 10 ** 9))

    def node(value: object, depth: int) -> Node:
        nonlocal count
        count += 1
        if count > MAX_NODES:
            raise InvalidInput('map_too_many_nodes', max=MAX_NODES)
        if depth > MAX_DEPTH:
            raise InvalidInput('map_too_deep', max=MAX_DEPTH)
        if not isinstance(value, dict):
            raise InvalidInput('bad_map_node')
        title = value.get('title', '')
        note = value.get('note') or ''
        if not isinstance(title, str) or not isinstance(note, str):
            raise InvalidInput('bad_map_node')
        title = ' '.join(title.split())
        if len(title) > MAX_TITLE:
            raise InvalidInput('map_title_too_long', max=MAX_TITLE)
        if len(note) > MAX_NOTE:
            raise InvalidInput('map_note_too_long', max=MAX_NOTE)
        markers = value.get('markers') or []
        if not isinstance(markers, list) or any(m not in MARKERS for m in markers):
            raise InvalidInput('bad_map_marker', markers=', '.join(MARKERS))
        given = value.get('id')
        ident = given if isinstance(given, str) and _ID.match(given) and given not in seen else None
        while ident is None or ident in seen:
            ident = f'n{next(counter)}'
        seen.add(ident)
        children = value.get('children') or []
        if not isinstance(children, list):
            raise InvalidInput('bad_map_node')
        return Node(ident, title, note.strip(), tuple(dict.fromkeys(markers)), asked_link(value.get('link')),
                    bool(value.get('folded')), [node(c, depth + 1) for c in children])

    return node(data, 1)


def asked_link(value: object) -> Link | None:
    """A link as given: a dict ({exhibit_id, page} or {bl}), or text typed in a link field ("BL 125", "125")."""
    if value is None or value == {}:
        return None
    if isinstance(value, str):  # "BL 125", or "125", typed in the link field
        text = value.strip()
        found = bl_in_text(text)
        if found is None and text.isdigit() and len(text) <= MAX_DIGITS:
            found = (int(text), int(text))
        if found is None:
            raise InvalidInput('bad_map_link', link=text[:100])
        return Link(bl=found[0])
    if not isinstance(value, dict):
        raise InvalidInput('bad_map_link', link=str(value)[:100])
    try:
        if value.get('exhibit_id') is not None and value.get('page') is not None:
            return Link(int(value['exhibit_id']), int(value['page']))
        if value.get('bl') is not None:
            return Link(bl=int(value['bl']))
    except (TypeError, ValueError):
        pass
    raise InvalidInput('bad_map_link', link=json.dumps(value, ensure_ascii=False)[:100])


def resolve(root: Node, exhibits: Exhibits, hearing_id: int) -> Node:
    """Every node's link checked against the hearing's case file (a title naming a BL links the node when it has
    no link of its own); a link to a page that does not exist is kept, marked missing."""
    owned = {e.id: e for e in exhibits.of_hearing(hearing_id)}
    for node in root.walk():
        asked = node.link
        if asked is None:
            found = bl_in_text(node.title)
            asked = Link(bl=found[0]) if found else None
        if asked is None:
            continue
        if asked.exhibit_id is not None and asked.page is not None:
            exhibit = owned.get(asked.exhibit_id)
            if exhibit is not None and 1 <= asked.page <= exhibit.page_count:
                bl = exhibit.bl_first + asked.page - 1 if exhibit.bl_first is not None else None
                node.link = Link(exhibit.id, asked.page, bl)
            else:
                node.link = Link(asked.exhibit_id, asked.page, None, missing=True)
        else:
            try:
                ref = exhibits.find_bl(hearing_id, int(asked.bl or 0))
                node.link = Link(ref.exhibit_id, ref.page, ref.bl)
            except NotFound:
                node.link = Link(bl=asked.bl, missing=True)
    return root


# A new map's branches, from what procuracies put in their case maps (../shared/notes/formats.md): (Vietnamese,
# English, marker, children)
TEMPLATE: tuple[tuple[str, str, str | None, tuple[tuple[str, str], ...]], ...] = (
    ('Tố tụng', 'Procedure so far', None, (
        ('Khởi tố vụ án, khởi tố bị can', 'Case and accused charged'), ('Bắt, tạm giữ, tạm giam', 'Arrest, custody'),
        ('Gia hạn', 'Extensions'), ('Kết luận điều tra', 'Investigation conclusion'), ('Cáo trạng', 'Indictment'))),
    ('Diễn biến vụ án', 'What happened', None, (('Thời gian, địa điểm', 'Time and place'),)),
    ('Tội danh và dấu hiệu cấu thành', 'The charge and the elements of the offence', None, ()),
    ('Chứng cứ buộc tội', 'Evidence against the accused', 'against', ()),
    ('Chứng cứ gỡ tội', 'Evidence for the accused', 'for', ()),
    ('Nhân thân bị can, bị cáo', "The accused's background", None, ()),
    ('Tình tiết tăng nặng, giảm nhẹ', 'Aggravating and mitigating circumstances', None, ()),
    ('Vấn đề cần làm rõ, mâu thuẫn', 'Open questions and contradictions', 'clarify', ()),
    ('Đề xuất', 'The proposal', 'key', (('Tội danh, điều khoản', 'Charge and article'),
                                        ('Mức hình phạt đề nghị', 'Sentence sought'))),
)


def template(case_title: str, lang: str = 'vi') -> dict[str, Any]:
    """A new map's root, named after the case, with the usual branches in the page's language."""
    pick = 1 if lang == 'en' else 0
    return {'title': case_title, 'children': [
        {'title': branch[pick], 'markers': [marker] if marker else [],
         'children': [{'title': child[pick], 'children': []} for child in children]}
        for *branch, marker, children in TEMPLATE]}


def canonical(title: str, root: Node) -> bytes:
    return json.dumps({'title': title, 'root': root.to_json()}, ensure_ascii=False, sort_keys=True,
                      separators=(',', ':')).encode()


@dataclass(slots=True, frozen=True)
class CaseMap:
    id: int
    hearing_id: int
    title: str
    main: bool
    shared: bool
    version: int
    sha256: str
    root: Node
    author: str
    saved_at: str
    source: dict[str, Any] | None  # the imported file: name, sha256, format

    def to_api(self, role: Role) -> dict[str, Any]:
        return {'id': self.id, 'hearing_id': self.hearing_id, 'title': self.title, 'main': self.main,
                'shared': self.shared, 'version': self.version, 'sha256': self.sha256, 'author': self.author,
                'saved_at': self.saved_at, 'source': self.source,
                'root': self.root.to_json(notes=role is Role.PROCURATOR)}

    def summary(self) -> dict[str, Any]:
        return {'id': self.id, 'hearing_id': self.hearing_id, 'title': self.title, 'main': self.main,
                'shared': self.shared, 'version': self.version, 'nodes': sum(1 for _ in self.root.walk()),
                'saved_at': self.saved_at}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec='microseconds')


def _clean_title(title: object) -> str:
    return clean_text('title', title if isinstance(title, str) else None, MAX_MAP_TITLE)


class CaseMaps:
    """The hearing's case maps and their versions, in the hearing's store and audit chain."""

    def __init__(self, store: Store, hearings: Hearings, exhibits: Exhibits, presentation: Presentation) -> None:
        self._store = store
        self._hearings = hearings
        self._exhibits = exhibits
        self._presentation = presentation
        # what screens draw, by (map, version, branch, the exhibits they may see): a version never changes, and
        # a publish sends it to every screen of every audience (2,000 nodes: 40 ms of Python each, 12 screens)
        self._drawn: dict[tuple[int, int, str | None, frozenset[int]], dict[str, Any]] = {}
        self._drawn_lock = threading.Lock()

    def create(self, hearing_id: int, user: User, title: object, root: object, *,
               source: dict[str, Any] | None = None) -> CaseMap:
        """A new map (the hearing's main one when it has none yet), version 1."""
        require(user.role, Action.EDIT_MAP)
        self._hearings.get(hearing_id)
        name = _clean_title(title)
        tree = resolve(parse_tree(root), self._exhibits, hearing_id)
        digest = hashlib.sha256(canonical(name, tree)).hexdigest()
        at = _now()
        with self._store.transaction() as db:
            has_main = db.execute('SELECT 1 FROM case_maps WHERE hearing_id = ? AND main = 1',
                                  (hearing_id,)).fetchone() is not None
            map_id = db.execute(
                'INSERT INTO case_maps (hearing_id, title, main, shared, source, created_by, created_at)'
                ' VALUES (?, ?, ?, 0, ?, ?, ?)', (hearing_id, name, int(not has_main),
                                                  json.dumps(source) if source else None, user.username, at)).lastrowid
            self._add_version(db, hearing_id, map_id, 1, name, tree, digest, user, at, 'map_created',
                              {'source': source} if source else {})
        return self.get(map_id, user)

    def save(self, map_id: int, user: User, root: object, title: object = None) -> CaseMap:
        """A new version of the map (its title too, if given)."""
        require(user.role, Action.EDIT_MAP)
        current = self._get(map_id)
        name = _clean_title(title) if title is not None else current.title
        tree = resolve(parse_tree(root), self._exhibits, current.hearing_id)
        digest = hashlib.sha256(canonical(name, tree)).hexdigest()
        with self._store.transaction() as db:
            version = db.execute('SELECT MAX(version) FROM case_map_versions WHERE map_id = ?',
                                 (map_id,)).fetchone()[0] + 1
            db.execute('UPDATE case_maps SET title = ? WHERE id = ?', (name, map_id))
            self._add_version(db, current.hearing_id, map_id, version, name, tree, digest, user, _now(), 'map_saved',
                              {})
        return self.get(map_id, user)

    @staticmethod
    def _add_version(db: Any, hearing_id: int, map_id: int, version: int, title: str, tree: Node, digest: str,
                     user: User, at: str, action: str, extra: dict[str, Any]) -> None:
        db.execute('INSERT INTO case_map_versions (map_id, version, title, tree, sha256, author, saved_at)'
                   ' VALUES (?, ?, ?, ?, ?, ?, ?)',
                   (map_id, version, title, json.dumps(tree.to_json(), ensure_ascii=False), digest, user.username,
                    at))
        audit.append(db, hearing_id, user.username, action,
                     {'map_id': map_id, 'title': title, 'version': version, 'sha256': digest,
                      'nodes': sum(1 for _ in tree.walk()),
                      'missing_links': sum(1 for n in tree.walk() if n.link and n.link.missing), **extra})

    def share(self, map_id: int, user: User, shared: bool) -> CaseMap:
        """Let the presiding judge and the clerk see the map (without the notes), or stop; audited."""
        require(user.role, Action.EDIT_MAP)
        current = self._get(map_id)
        if current.shared != shared:
            with self._store.transaction() as db:
                db.execute('UPDATE case_maps SET shared = ? WHERE id = ?', (int(shared), map_id))
                audit.append(db, current.hearing_id, user.username, 'map_shared' if shared else 'map_unshared',
                             {'map_id': map_id})
        return self.get(map_id, user)

    def get(self, map_id: int, user: User, version: int | None = None) -> CaseMap:
        """The map (its latest version, or ``version``) as ``user`` may see it: the procurator always; the presiding
        judge and the clerk once it is shared; nobody else (counsel and screens see maps only as published)."""
        found = self._get(map_id, version)
        if user.role is not Role.PROCURATOR and not (found.shared and user.role in (Role.PRESIDING_JUDGE, Role.CLERK)):
            raise Forbidden('forbidden_role', role=user.role.value, action=Action.EDIT_MAP.value)
        return found

    def of_hearing(self, hearing_id: int, user: User) -> list[CaseMap]:
        self._hearings.get(hearing_id)
        with self._store.read() as db:
            ids = [r[0] for r in db.execute('SELECT id FROM case_maps WHERE hearing_id = ? ORDER BY id',
                                            (hearing_id,))]
        maps = [self._get(i) for i in ids]
        if user.role is Role.PROCURATOR:
            return maps
        if user.role in (Role.PRESIDING_JUDGE, Role.CLERK):
            return [m for m in maps if m.shared]
        raise Forbidden('forbidden_role', role=user.role.value, action=Action.EDIT_MAP.value)

    def publish(self, hearing_id: int, user: User, map_id: int, node_id: str | None = None,
                branch_id: str | None = None) -> PresentationState:
        """The map's latest version on the screens (only the branch ``branch_id``, if given), centred on
        ``node_id``; under the rules of any publish (the presiding judge's approval, the kill switch)."""
        require(user.role, Action.EDIT_MAP)
        require(user.role, Action.PUBLISH)
        found = self._get(map_id)
        if found.hearing_id != hearing_id:
            raise NotFound('map_not_found', map_id=map_id)
        nodes = {n.id: n for n in found.root.walk()}
        for given in (node_id, branch_id):
            if given is not None and given not in nodes:
                raise NotFound('map_node_not_found', node_id=given)
        shown = MapShown(map_id, found.version, node_id, branch_id)
        details = {**shown.details(), 'title': found.title, 'sha256': found.sha256,
                   'branch': nodes[branch_id].title if branch_id else None,
                   'node': nodes[node_id].title if node_id else None}
        return self._presentation.publish_map(hearing_id, user, shown, details)

    def on_screen(self, shown: MapShown, audience: Audience) -> dict[str, Any]:
        """The map as a screen of ``audience`` draws it: no notes ever; a node linked to a page this audience may
        not see (a restricted exhibit, or one not yet shown, for every audience but the trial panel) keeps its title
        and is marked restricted, without its link. Only the nodes the screen draws are sent (``for_display`` with
        ON_SCREEN: a large map's deeper branches stand folded, each counting what it holds), with the branches above
        the node focused open; empty fields are left out. What a screen draws is kept per version, branch, focus and the
        exhibits the audience may see: twelve screens of a 2,000-node map cost one walk of it, not twelve."""
        hearing_id = self._hearing_of(shown.map_id)
        visible = frozenset(e.id for e in self._exhibits.of_hearing(hearing_id) if audience is Audience.PANEL or (
            not e.restricted and e.disclosure is not Disclosure.UNDISCLOSED))
        key = (shown.map_id, shown.version, shown.branch_id, shown.node_id, visible)
        with self._drawn_lock:
            drawn = self._drawn.get(key)
        if drawn is None:
            found = self._get(shown.map_id, shown.version)
            top = next((n for n in found.root.walk() if n.id == shown.branch_id), found.root)

            def node(n: Node) -> dict[str, Any]:
                out: dict[str, Any] = {'id': n.id, 'title': n.title}
                if n.markers:
                    out['markers'] = list(n.markers)
                if n.folded:
                    out['folded'] = True
                if n.children:
                    out['children'] = [node(c) for c in n.children]
                link = n.link
                if link is not None and not link.missing and link.exhibit_id is not None:
                    if link.exhibit_id in visible:
                        out['link'] = {'bl': link.bl}
                    else:
                        out['restricted'] = True
                return out

            drawn = {'id': found.id, 'version': found.version, 'title': found.title,
                     'root': for_display(node(top), shown.node_id, ON_SCREEN)}
            with self._drawn_lock:
                if len(self._drawn) >= 64:
                    self._drawn.pop(next(iter(self._drawn)))
                self._drawn[key] = drawn
        return {**drawn, 'node_id': shown.node_id}

    def _hearing_of(self, map_id: int) -> int:
        with self._store.read() as db:
            row = db.execute('SELECT hearing_id FROM case_maps WHERE id = ?', (map_id,)).fetchone()
        if row is None:
            raise NotFound('map_not_found', map_id=map_id)
        return row[0]

    def version(self, map_id: int, version: int) -> CaseMap:
        """A version as saved, whoever asks (the record's export: a server task, not a user)."""
        return self._get(map_id, version)

    def versions(self, map_id: int) -> list[tuple[int, str, str, str]]:
        """(version, sha256, author, saved_at) of every version, oldest first."""
        with self._store.read() as db:
            return [tuple(r) for r in db.execute(
                'SELECT version, sha256, author, saved_at FROM case_map_versions WHERE map_id = ? ORDER BY version',
                (map_id,))]

    def _get(self, map_id: int, version: int | None = None) -> CaseMap:
        with self._store.read() as db:
            row = db.execute('SELECT * FROM case_maps WHERE id = ?', (map_id,)).fetchone()
            if row is None:
                raise NotFound('map_not_found', map_id=map_id)
            saved = db.execute(
                'SELECT * FROM case_map_versions WHERE map_id = ? AND (? IS NULL OR version = ?)'
                ' ORDER BY version DESC LIMIT 1', (map_id, version, version)).fetchone()
        if saved is None:
            raise NotFound('map_version_not_found', map_id=map_id, version=version)
        root = _stored(json.loads(saved['tree']))
        return CaseMap(id=row['id'], hearing_id=row['hearing_id'], title=saved['title'], main=bool(row['main']),
                       shared=bool(row['shared']), version=saved['version'], sha256=saved['sha256'], root=root,
                       author=saved['author'], saved_at=saved['saved_at'],
                       source=json.loads(row['source']) if row['source'] else None)


def _stored(value: dict[str, Any]) -> Node:
    """A node as saved: already checked and resolved."""
    link = value.get('link')
    return Node(value['id'], value['title'], value.get('note', ''), tuple(value.get('markers', ())),
                Link(link.get('exhibit_id'), link.get('page'), link.get('bl'), bool(link.get('missing')))
                if link else None, bool(value.get('folded')), [_stored(c) for c in value.get('children', ())])
