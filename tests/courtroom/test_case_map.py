"""Case maps: BL references found in text; a tree checked against its limits (each class of bad input refused by
name, nothing stored); links resolved against the case file (by BL or by page, a missing page flagged); versions
kept with the hash of their canonical JSON and written in the audit chain; who may see a map, and the notes."""

from __future__ import annotations

import hashlib
import json

import pytest

from courtroom.audit import AuditLog
from courtroom.case_map import MAX_NODES, CaseMaps, bl_in_text, canonical, parse_tree
from courtroom.errors import Forbidden, InvalidInput, NotFound
from courtroom.exhibits import Exhibits
from courtroom.hearings import Hearings
from courtroom.map_display import for_display
from courtroom.minutes import Minutes
from courtroom.presentation import Presentation
from courtroom.presentation_state import MapShown
from courtroom.roles import Role
from courtroom.store import Store
from courtroom.users import User
from courtroom.visibility import Audience

from .conftest import draft

PROCURATOR = User(id=1, username='ksv', name='Kiểm sát viên', role=Role.PROCURATOR)
JUDGE = User(id=2, username='chutoa', name='Chủ tọa', role=Role.PRESIDING_JUDGE)
CLERK = User(id=3, username='thuky', name='Thư ký', role=Role.CLERK)
COUNSEL = User(id=4, username='luatsu', name='Luật sư', role=Role.DEFENCE_COUNSEL)


@pytest.mark.parametrize(('text', 'found'), [
    ('Lời khai BL 125', (125, 125)), ('bl125', (125, 125)), ('BL. 7 và BL 9', (7, 7)),
    ('BL 12–14', (12, 14)), ('BL 12-14', (12, 14)), ('BL 14 - 12', (14, 14)), ('bút lục 125', (125, 125)),
    ('Bút lục 3', (3, 3)), ('but luc 40', (40, 40)), ('bu\u0301t lu\u0323c 8', (8, 8)),  # typed decomposed
    ('Biên bản', None), ('BLA 12', None), ('ABL 12', None), ('BL 12345678', None), ('', None)])
def test_bl_references_in_text(text: str, found: tuple[int, int] | None) -> None:
    assert bl_in_text(text) == found


def hearing(store: Store) -> tuple[CaseMaps, int, list[int]]:
    hearings, exhibits = Hearings(store), Exhibits(store)
    h = hearings.create(case_number='1', title='t', actor='thuky')
    made = exhibits.add_bundle(h.id, [draft(['a', 'b', 'c'], sha='a', bl_first=10), draft(['d'], sha='b')],
                               actor='thuky')
    return CaseMaps(store, hearings, exhibits, Presentation(store, hearings, exhibits)), h.id, [e.id for e in made]


def tree(*children: dict) -> dict:
    return {'title': 'Vụ án trộm cắp', 'children': list(children)}


def test_links_resolve_by_bl_by_page_and_by_title_and_a_missing_page_is_flagged(store: Store) -> None:
    maps, h, (e1, e2) = hearing(store)
    made = maps.create(h, PROCURATOR, 'Sơ đồ vụ án', tree(
        {'title': 'Lời khai bị hại', 'link': {'bl': 11}},
        {'title': 'Biên bản hiện trường', 'link': {'exhibit_id': e2, 'page': 1}},
        {'title': 'Kết luận giám định BL 12–13'},
        {'title': 'Không có', 'link': 'BL 999'},
        {'title': 'Trang không có', 'link': {'exhibit_id': e1, 'page': 9}},
        {'title': 'Hồ sơ khác', 'link': {'exhibit_id': 99999, 'page': 1}}))
    links = [c.link.to_json() for c in made.root.children]
    assert links == [{'exhibit_id': e1, 'page': 2, 'bl': 11}, {'exhibit_id': e2, 'page': 1, 'bl': 13},
                     {'exhibit_id': e1, 'page': 3, 'bl': 12},
                     {'exhibit_id': None, 'page': None, 'bl': 999, 'missing': True},
                     {'exhibit_id': e1, 'page': 9, 'bl': None, 'missing': True},
                     {'exhibit_id': 99999, 'page': 1, 'bl': None, 'missing': True}]
    entry = AuditLog(store).entries(h)[-1]
    assert entry.action == 'map_created' and entry.details['missing_links'] == 3 and entry.details['nodes'] == 7


def test_each_save_is_a_version_with_its_hash_in_the_audit_chain(store: Store) -> None:
    maps, h, _ = hearing(store)
    first = maps.create(h, PROCURATOR, 'Sơ đồ', tree({'title': 'Diễn biến'}))
    assert (first.version, first.main) == (1, True)
    assert first.sha256 == hashlib.sha256(canonical(first.title, first.root)).hexdigest()
    root = first.root.to_json()
    root['children'].append({'title': 'Đề xuất', 'markers': ['key'], 'note': 'Mức án đề nghị', 'folded': True})
    second = maps.save(first.id, PROCURATOR, root, title='Sơ đồ tư duy')
    assert (second.version, second.title) == (2, 'Sơ đồ tư duy') and second.sha256 != first.sha256
    assert [c.title for c in second.root.children] == ['Diễn biến', 'Đề xuất']
    assert second.root.children[0].id == first.root.children[0].id  # ids kept across saves
    assert maps.get(first.id, PROCURATOR, version=1).sha256 == first.sha256
    assert [v[0] for v in maps.versions(first.id)] == [1, 2]
    saved = [e for e in AuditLog(store).entries(h) if e.action in ('map_created', 'map_saved')]
    assert [(e.details['version'], e.details['sha256']) for e in saved] == [(1, first.sha256), (2, second.sha256)]
    assert AuditLog(store).verify(h).valid
    other = maps.create(h, PROCURATOR, 'Hệ thống chứng cứ', tree())
    assert other.main is False  # the hearing's first map is its main one


def test_ids_missing_or_repeated_are_replaced(store: Store) -> None:
    root = parse_tree({'title': 'a', 'id': 'x', 'children': [{'title': 'b', 'id': 'x'}, {'title': 'c', 'id': '<b>'},
                                                              {'title': 'd'}]})
    ids = [n.id for n in root.walk()]
    assert ids[0] == 'x' and len(set(ids)) == 4 and '<b>' not in ids


def deep(levels: int) -> dict:
    node: dict = {'title': 'lá', 'children': []}
    for _ in range(levels - 1):
        node = {'title': 'nhánh', 'children': [node]}
    return node


@pytest.mark.parametrize(('root', 'code'), [
    ('không phải nút', 'bad_map_node'),
    ({'title': 5}, 'bad_map_node'),
    ({'title': 'a', 'children': 'b'}, 'bad_map_node'),
    ({'title': 'x' * 100_000}, 'map_title_too_long'),
    ({'title': 'a', 'note': 'n' * 20_001}, 'map_note_too_long'),
    ({'title': 'a', 'markers': ['skull']}, 'bad_map_marker'),
    ({'title': 'a', 'link': 'trang kia'}, 'bad_map_link'),
    ({'title': 'a', 'link': {'exhibit_id': 'x', 'page': 1}}, 'bad_map_link'),
    ({'title': 'a', 'children': [{'title': str(i)} for i in range(MAX_NODES)]}, 'map_too_many_nodes'),
    (deep(101), 'map_too_deep'),
])
def test_bad_maps_are_refused_by_name_and_nothing_is_stored(store: Store, root: object, code: str) -> None:
    maps, h, _ = hearing(store)
    entries = len(AuditLog(store).entries(h))
    with pytest.raises(InvalidInput) as caught:
        maps.create(h, PROCURATOR, 'Sơ đồ', root)
    assert caught.value.code == code
    assert maps.of_hearing(h, PROCURATOR) == [] and len(AuditLog(store).entries(h)) == entries


def test_a_map_needs_a_title_and_a_hearing(store: Store) -> None:
    maps, h, _ = hearing(store)
    for title in ('', '   ', None, 'x' * 201):
        with pytest.raises(InvalidInput):
            maps.create(h, PROCURATOR, title, tree())
    with pytest.raises(NotFound):
        maps.create(h + 1, PROCURATOR, 'Sơ đồ', tree())
    with pytest.raises(NotFound):
        maps.get(12345, PROCURATOR)


def test_the_procurator_edits_the_judge_and_clerk_see_it_shared_without_notes_others_never(store: Store) -> None:
    maps, h, _ = hearing(store)
    made = maps.create(h, PROCURATOR, 'Sơ đồ', tree({'title': 'Mâu thuẫn', 'note': 'Chỉ KSV biết'}))
    for user in (JUDGE, CLERK, COUNSEL):
        with pytest.raises(Forbidden):
            maps.create(h, user, 'Sơ đồ', tree())
        with pytest.raises(Forbidden):
            maps.save(made.id, user, made.root.to_json())
        with pytest.raises(Forbidden):
            maps.get(made.id, user)
    assert maps.of_hearing(h, JUDGE) == []
    maps.share(made.id, PROCURATOR, True)
    for user in (JUDGE, CLERK):
        seen = maps.get(made.id, user).to_api(user.role)
        assert 'note' not in seen['root']['children'][0]
        assert [m.id for m in maps.of_hearing(h, user)] == [made.id]
    assert maps.get(made.id, PROCURATOR).to_api(Role.PROCURATOR)['root']['children'][0]['note'] == 'Chỉ KSV biết'
    with pytest.raises(Forbidden):
        maps.get(made.id, COUNSEL)
    with pytest.raises(Forbidden):
        maps.of_hearing(h, COUNSEL)
    assert [e.action for e in AuditLog(store).entries(h)][-1] == 'map_shared'


def wide(levels: int, per: int, prefix: str = 'n') -> dict:
    """A tree ``levels`` deep below its root, each node with ``per`` children; ids name their path."""
    def node(path: str, depth: int) -> dict:
        children = [node(f'{path}.{i}', depth + 1) for i in range(per)] if depth < levels else []
        return {'id': path, 'title': path, **({'children': children} if children else {})}
    return node(prefix, 0)


def ids(tree: dict) -> list[str]:
    return [tree['id'], *(i for c in tree.get('children', ()) for i in ids(c))]


def test_a_screen_gets_only_the_nodes_it_draws_with_what_a_folded_branch_holds_and_the_way_to_the_focus() -> None:
    big = wide(4, 6)  # 1 + 6 + 36 + 216 + 1,296 nodes
    shown = for_display(big)
    assert len(ids(shown)) == 1 + 6 + 36 + 216 and len(ids(big)) == 1555  # a fourth level would pass 300
    third = shown['children'][0]['children'][0]['children'][0]
    assert third == {'id': 'n.0.0.0', 'title': 'n.0.0.0', 'folded': True, 'more': 6}
    assert shown['children'][0]['children'][0].get('folded') is None  # open: its children are drawn
    deep = for_display(big, focus='n.5.5.5.5')
    assert 'n.5.5.5.5' in ids(deep) and 'n.5.5.5.4' in ids(deep)  # its branch opened, brothers and sisters too
    assert 'n.4.5.5.5' not in ids(deep) and len(ids(deep)) == len(ids(shown)) + 6
    assert for_display(big, focus='nowhere') == shown
    assert len(ids(big)) == 1555 and 'more' not in json.dumps(big)  # the map itself is not changed
    small = wide(2, 3)  # 13 nodes: all drawn; the map's own folding kept, counted
    assert for_display(small) == small
    small['children'][1]['folded'] = True
    folded = for_display(small)
    assert folded['children'][1] == {'id': 'n.1', 'title': 'n.1', 'folded': True, 'more': 3}
    opened = for_display(small, focus='n.1.2')  # a node focused inside the procurator's own fold: shown
    assert 'folded' not in opened['children'][1] and ids(opened) == ids(small)
    root_folded = {**wide(1, 400), 'folded': True}  # the root's branches always show, however many
    assert len(ids(for_display(root_folded))) == 401 and 'folded' not in for_display(root_folded)


def test_a_published_map_shows_each_audience_only_what_it_may_see_and_never_a_note(store: Store) -> None:
    maps, h, (e1, e2) = hearing(store)
    presentation = maps._presentation
    made = maps.create(h, PROCURATOR, 'Sơ đồ', tree(
        {'title': 'Đã trình chiếu', 'link': {'bl': 10}, 'note': 'riêng'},
        {'title': 'Chưa trình chiếu', 'link': {'exhibit_id': e2, 'page': 1}},
        {'title': 'Hạn chế', 'link': {'bl': 11}}, {'title': 'Không có trang', 'link': {'bl': 999}}))
    presentation.publish(h, PROCURATOR, e1, 1)  # e1 has been shown; e2 never
    branch = made.root.children[0].id
    state = maps.publish(h, PROCURATOR, made.id, node_id=made.root.children[1].id)
    assert state.live is None and state.map is not None and state.map.version == made.version
    assert Exhibits(store).get(e1).disclosure.value == 'examined'  # the page went off the screens
    for audience in Audience:
        view = presentation.view(h, audience)
        assert view.state.value == 'showing' and view.map == state.map and view.pages == ()
    public = maps.on_screen(state.map, Audience.PUBLIC)
    panel = maps.on_screen(state.map, Audience.PANEL)
    assert 'note' not in json.dumps(public) and 'riêng' not in json.dumps(panel)
    assert [c.get('link') for c in public['root']['children']] == [{'bl': 10}, None, {'bl': 11}, None]
    assert [c.get('restricted', False) for c in public['root']['children']] == [False, True, False, False]
    assert [c.get('link') for c in panel['root']['children']] == [{'bl': 10}, {'bl': 13}, {'bl': 11}, None]
    Exhibits(store).set_restricted(e1, True, actor='thuky')
    public = maps.on_screen(state.map, Audience.PUBLIC)
    assert [c.get('restricted', False) for c in public['root']['children']] == [True, True, True, False]
    assert maps.on_screen(state.map, Audience.PANEL)['root']['children'][0]['link'] == {'bl': 10}
    moved = maps.publish(h, PROCURATOR, made.id, node_id=made.root.children[2].id)  # the screens follow a node
    assert moved.map.node_id == made.root.children[2].id
    assert AuditLog(store).entries(h)[-1].action == 'map_focused'  # not a new showing: no minutes entry
    only = maps.publish(h, PROCURATOR, made.id, branch_id=branch)
    assert maps.on_screen(only.map, Audience.PANEL)['root']['title'] == 'Đã trình chiếu'
    entry = AuditLog(store).entries(h)[-1]
    assert entry.action == 'map_published' and entry.details['branch'] == 'Đã trình chiếu'
    assert entry.details['map_version'] == made.version  # ('version' is the presentation state's, as for a page)
    with pytest.raises(NotFound):
        maps.publish(h, PROCURATOR, made.id, node_id='nope')
    for user in (JUDGE, CLERK, COUNSEL):
        with pytest.raises(Forbidden):
            maps.publish(h, user, made.id)
    presentation.clear(h, PROCURATOR)
    assert presentation.state(h).map is None


def test_a_map_waits_for_the_judges_approval_where_required(store: Store) -> None:
    maps, h, _ = hearing(store)
    Hearings(store).configure(h, actor='thuky', approval_required=True)
    made = maps.create(h, PROCURATOR, 'Sơ đồ', tree({'title': 'a'}))
    presentation = maps._presentation
    state = maps.publish(h, PROCURATOR, made.id)
    assert state.map is None and state.pending_map is not None
    assert presentation.view(h, Audience.PUBLIC).state.value == 'idle'
    state = presentation.approve(h, JUDGE)
    assert state.map == MapShown(made.id, 1) and state.pending_map is None
    assert presentation.view(h, Audience.PUBLIC).map == state.map
    node = made.root.children[0].id  # moving to a node of the map approved needs no approval again
    assert maps.publish(h, PROCURATOR, made.id, node_id=node).map == MapShown(made.id, 1, node)
    maps.publish(h, PROCURATOR, made.id, branch_id=node)  # a branch asked for and approved: named as asked
    presentation.approve(h, JUDGE)
    assert [e.text for e in Minutes(store).entries(h) if e.kind == 'map_published'] == [
        'Kiểm sát viên trình chiếu sơ đồ tư duy “Sơ đồ”', 'Kiểm sát viên trình chiếu sơ đồ tư duy “Sơ đồ”, nhánh “a”']


def test_the_minutes_name_the_map_and_its_branch(store: Store) -> None:
    maps, h, _ = hearing(store)
    made = maps.create(h, PROCURATOR, 'Sơ đồ vụ án', tree({'title': 'Chứng cứ buộc tội'}))
    maps.publish(h, PROCURATOR, made.id)
    maps.publish(h, PROCURATOR, made.id, branch_id=made.root.children[0].id)
    maps._presentation.clear(h, PROCURATOR)
    texts = [e.text for e in Minutes(store).entries(h) if e.kind in ('map_published', 'cleared')]
    assert texts == ['Kiểm sát viên trình chiếu sơ đồ tư duy “Sơ đồ vụ án”',
                     'Kiểm sát viên trình chiếu sơ đồ tư duy “Sơ đồ vụ án”, nhánh “Chứng cứ buộc tội”',
                     'Kết thúc trình chiếu sơ đồ tư duy']
    assert [e.text for e in Minutes(store).entries(h, 'en') if e.kind == 'map_published'][1] == \
        'The procurator shows the case map “Sơ đồ vụ án”, branch “Chứng cứ buộc tội”'
