"""The case map in real Chromium: the procurator starts a map from the template, adds a node by keyboard whose title
names a BL (linked, its tag shown), links another by the link field to a page that does not exist (flagged), fixes
it (the page's thumbnail shown), marks it, and every change is a saved version; exports .xmind that an independent
reader opens with the same titles and links, and imports a FreeMind file as a new map; the page passes axe-core in
both languages."""

from __future__ import annotations

import time
from pathlib import Path
from xml.etree import ElementTree

import pytest
import xmindparser
from playwright.sync_api import Browser, Page, expect

from demo import write_demo_case_map
from tests.conftest import Server, record_segments
from tests.waiting import wait_until

from .conftest import TIMEOUT_MS, call, make_pdf, sign_in
from .test_accessibility import expect_accessible, report

pytestmark = pytest.mark.e2e


def node(page: Page, title: str):
    return page.locator('me-tpc').filter(has_text=title).first


def test_make_link_fix_export_and_import_a_case_map(page: Page, server: Server, tmp_path: Path) -> None:
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '530/2026/HSST', 'title': 'Vụ án trộm xe máy'}) \
            .json()['id']
        files = [('files', ('loi-khai.pdf', make_pdf(['Lời khai bị hại', 'Trang hai']), 'application/pdf')),
                 ('files', ('giam-dinh.pdf', make_pdf(['Kết luận giám định']), 'application/pdf'))]
        first, second = (e['id'] for e in clerk.post(f'/api/hearings/{hid}/bundles', files=files).json()['exhibits'])
    sign_in(page, 'procurator')
    page.goto(f'/maps/{hid}')
    expect(page.get_by_test_id('map-none')).to_be_visible()
    found = expect_accessible(page, 'vi', 'case map: none yet')

    # from the template: the usual branches, saved as version 1
    page.get_by_test_id('map-new').click()
    status = page.get_by_test_id('map-status')
    expect(status).to_have_attribute('data-version', '1')
    expect(node(page, 'Chứng cứ buộc tội')).to_be_visible()
    found += expect_accessible(page, 'vi', 'case map: the template')

    # a child of "Chứng cứ buộc tội" by keyboard (Tab), its title naming a BL: linked, the tag shown
    node(page, 'Chứng cứ buộc tội').click()
    expect(page.get_by_test_id('map-node-title')).to_have_text('Chứng cứ buộc tội')
    page.keyboard.press('Tab')
    page.keyboard.press('Control+a')
    page.keyboard.type('Lời khai bị hại BL 2')
    page.keyboard.press('Enter')
    expect(status).to_have_attribute('data-version', '2')
    victim = node(page, 'Lời khai bị hại BL 2')
    expect(victim.locator('.tags')).to_have_text('BL 2')
    victim.hover()  # the pointer resting on it: the page's thumbnail
    expect(page.get_by_test_id('map-hover-thumb')).to_be_visible()
    page.wait_for_function('() => document.querySelector("[data-testid=map-hover-thumb]").naturalWidth > 0')
    with server.client('procurator') as c:
        saved = c.get(f'/api/hearings/{hid}/maps').json()[0]
        tree = c.get(f'/api/maps/{saved["id"]}').json()['root']
    evidence = next(n for n in tree['children'] if n['title'] == 'Chứng cứ buộc tội')
    assert evidence['children'][0]['link'] == {'exhibit_id': first, 'page': 2, 'bl': 2}

    # "/" folds the selected node and unfolds it again, each a saved version
    node(page, 'Chứng cứ buộc tội').click()
    page.keyboard.press('/')
    expect(victim).to_be_hidden()
    expect(status).to_have_attribute('data-version', '3')
    with server.client('procurator') as c:
        assert next(n for n in c.get(f'/api/maps/{saved["id"]}').json()['root']['children']
                    if n['title'] == 'Chứng cứ buộc tội')['folded'] is True
    page.keyboard.press('/')
    expect(victim).to_be_visible()
    expect(status).to_have_attribute('data-version', '4')

    # "Đề xuất" linked through the link field to a page that does not exist: flagged; then fixed
    node(page, 'Đề xuất').click()
    expect(page.get_by_test_id('map-node-title')).to_have_text('Đề xuất')
    page.get_by_test_id('map-link-input').fill('BL 999')
    page.get_by_test_id('map-link-input').press('Enter')
    expect(page.get_by_test_id('map-link-status')).to_have_attribute('data-missing', 'true')
    expect(page.get_by_test_id('map-link-status')).to_contain_text('BL 999')
    expect(node(page, 'Đề xuất').locator('.tags')).to_have_text('⚠ BL 999')
    page.get_by_test_id('map-link-input').fill('bút lục 3')
    page.get_by_test_id('map-link-set').click()
    expect(page.get_by_test_id('map-link-status')).to_have_attribute('data-missing', 'false')
    expect(page.get_by_test_id('map-link-status')).to_contain_text('TL-002')
    page.wait_for_function('() => document.querySelector("[data-testid=map-link-thumb] img")?.naturalWidth > 0')
    page.get_by_test_id('map-marker-clarify').click()
    expect(page.get_by_test_id('map-marker-clarify')).to_have_attribute('aria-pressed', 'true')
    page.get_by_test_id('map-note').fill('Hỏi lại giám định viên')
    page.get_by_test_id('map-note').blur()
    with server.client('procurator') as c:
        def proposal() -> dict:
            root = c.get(f'/api/maps/{saved["id"]}').json()['root']
            return next(n for n in root['children'] if n['title'] == 'Đề xuất')
        wait_until(lambda: proposal().get('note') == 'Hỏi lại giám định viên', 'the note is saved')
        assert proposal()['link'] == {'exhibit_id': second, 'page': 1, 'bl': 3}
        assert 'clarify' in proposal()['markers']
    found += expect_accessible(page, 'vi', 'case map: a node chosen')

    # an exhibit dragged from the bench (another tab) onto a node links it: what the bench's row gives a drag...
    bench = page.context.new_page()
    bench.goto(f'/bench/{hid}')
    row = bench.get_by_test_id('exhibit-row').nth(1)
    expect(row).to_have_attribute('draggable', 'true')
    carried = row.evaluate('''row => {
        const data = new DataTransfer();
        row.dispatchEvent(new DragEvent("dragstart", {dataTransfer: data, bubbles: true}));
        return [data.getData("application/x-courtroom-page"), data.getData("text/plain")];
    }''')
    assert carried[1] == 'BL 3' and f'"exhibit_id": {second}' in carried[0]
    bench.close()
    # ... dropped on "Tội danh và dấu hiệu cấu thành" in the map
    node(page, 'Tội danh').evaluate('''(tpc, carried) => {
        const data = new DataTransfer();
        data.setData("application/x-courtroom-page", carried[0]);
        data.setData("text/plain", carried[1]);
        tpc.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
    }''', carried)
    expect(node(page, 'Tội danh').locator('.tags')).to_have_text('BL 3')
    with server.client('procurator') as c:
        wait_until(lambda: next(n for n in c.get(f'/api/maps/{saved["id"]}').json()['root']['children']
                                if n['title'].startswith('Tội danh')).get('link') ==
                   {'exhibit_id': second, 'page': 1, 'bl': 3}, 'the dropped page is the node\'s link')

    # exported as XMind: an independent reader sees the titles and the links
    with page.expect_download() as download:
        page.get_by_test_id('map-export').click()
        page.get_by_test_id('map-export-xmind').click()
    path = tmp_path / 'so-do.xmind'
    download.value.save_as(path)
    sheet = xmindparser.xmind_to_dict(str(path))[0]
    topics = {t['title']: t for t in sheet['topic']['topics']}
    assert topics['Đề xuất']['labels'] == ['BL 3'] and topics['Đề xuất']['link'].endswith(f'exhibit={second}&page=1')
    assert topics['Chứng cứ buộc tội']['topics'][0]['title'] == 'Lời khai bị hại BL 2'

    # and as FreeMind: the same titles, each link as the page's address and a BL attribute
    with page.expect_download() as download:
        page.get_by_test_id('map-export').click()
        page.get_by_test_id('map-export-mm').click()
    mm = ElementTree.fromstring(Path(download.value.path()).read_bytes())
    proposal = next(n for n in mm.iter('node') if n.get('TEXT') == 'Đề xuất')
    assert mm.tag == 'map' and proposal.get('LINK').endswith(f'exhibit={second}&page=1')
    assert [(a.get('NAME'), a.get('VALUE')) for a in proposal.findall('attribute')] == [('BL', '3')]

    # the demo's XMind map imported into this small case: a new map, its links to pages this case file does not
    # have flagged; one fixed
    xmind_file = write_demo_case_map(tmp_path / 'so-do-tu-duy.xmind')
    page.get_by_test_id('map-import').locator('input[type=file]').set_input_files(str(xmind_file))
    expect(page.get_by_test_id('map-choose')).to_contain_text('Sơ đồ tư duy vụ án')
    expect(node(page, 'Cáo trạng số').locator('.tags')).to_have_text('BL 3')  # this case has a BL 3
    expect(node(page, 'Lời khai bị hại Trần Thị Mai').locator('.tags')).to_have_text('⚠ BL 21')
    node(page, 'Lời khai bị hại Trần Thị Mai').click()
    expect(page.get_by_test_id('map-link-status')).to_have_attribute('data-missing', 'true')
    page.get_by_test_id('map-link-input').fill('BL 1')
    page.get_by_test_id('map-link-input').press('Enter')
    expect(page.get_by_test_id('map-link-status')).to_have_attribute('data-missing', 'false')
    expect(node(page, 'Lời khai bị hại Trần Thị Mai').locator('.tags')).to_have_text('BL 1')

    page.get_by_test_id('language').get_by_text('EN').click()
    expect(page.locator('html')).to_have_attribute('lang', 'en-US')
    expect(page.get_by_test_id('map-new')).to_contain_text('New map from the template')
    found += expect_accessible(page, 'en', 'case map')
    assert not found, report(found)


def test_a_large_map_opens_with_its_deeper_branches_folded_for_display_only(page: Page, server: Server) -> None:
    """445 nodes: the editor draws the root's branches and their children (45), not the 400 below them; opening
    one draws its children and saves nothing; a change saves the map's own folding (none), not the display's."""
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '532/2026/HSST', 'title': 'Vụ án sơ đồ lớn'}) \
            .json()['id']
    root = {'title': 'Vụ án', 'children': [
        {'title': f'Nhánh {a}', 'children': [
            {'title': f'Ý {a}.{b}', 'children': [{'title': f'Chi tiết {a}.{b}.{c}'} for c in range(10)]}
            for b in range(10)]} for a in range(4)]}
    made = call(server, 'procurator', 'POST', f'/api/hearings/{hid}/maps', {'title': 'Sơ đồ lớn', 'root': root})
    sign_in(page, 'procurator')
    page.goto(f'/maps/{hid}')
    expect(page.get_by_test_id('map-status')).to_have_attribute('data-version', '1')
    expect(page.locator('me-tpc')).to_have_count(45)
    page.locator('me-tpc').filter(has_text='Ý 2.3').locator('xpath=following-sibling::me-epd').click()
    expect(page.locator('me-tpc')).to_have_count(55)
    expect(node(page, 'Chi tiết 2.3.9')).to_be_visible()
    page.wait_for_timeout(1500)  # a save would have gone a second after the change
    expect(page.get_by_test_id('map-status')).to_have_attribute('data-version', '1')
    node(page, 'Chi tiết 2.3.9').click()
    page.keyboard.press('F2')
    page.keyboard.press('Control+a')
    page.keyboard.type('Chi tiết sửa')
    page.keyboard.press('Enter')
    expect(page.get_by_test_id('map-status')).to_have_attribute('data-version', '2')

    def folded(n: dict) -> int:
        return int(bool(n.get('folded'))) + sum(folded(c) for c in n.get('children', []))
    saved = call(server, 'procurator', 'GET', f'/api/maps/{made["id"]}')['root']
    assert folded(saved) == 0
    assert saved['children'][2]['children'][3]['children'][9]['title'] == 'Chi tiết sửa'


def test_present_the_map_each_screen_sees_what_its_audience_may(page: Page, browser: Browser,
                                                                 server: Server) -> None:
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '531/2026/HSST', 'title': 'Vụ án trình chiếu sơ đồ'}) \
            .json()['id']
        files = [('files', ('loi-khai.pdf', make_pdf(['Lời khai bị hại']), 'application/pdf')),
                 ('files', ('nhan-than.pdf', make_pdf(['Lý lịch bị cáo']), 'application/pdf'))]
        shown, restricted = (e['id'] for e in clerk.post(f'/api/hearings/{hid}/bundles', files=files)
                             .json()['exhibits'])
        clerk.patch(f'/api/exhibits/{restricted}', json={'restricted': True})
        urls = {a: clerk.post(f'/api/hearings/{hid}/screens', json={'name': a, 'audience': a}).json()['url']
                for a in ('public', 'panel')}
    call(server, 'procurator', 'POST', f'/api/hearings/{hid}/publish', {'exhibit_id': shown, 'page': 1})
    made = call(server, 'procurator', 'POST', f'/api/hearings/{hid}/maps', {'title': 'Sơ đồ', 'root': {
        'title': 'Vụ án', 'children': [
            {'title': 'Chứng cứ', 'children': [{'title': 'Lời khai BL 1', 'note': 'GHI CHÚ RIÊNG'},
                                               {'title': 'Nhân thân', 'link': 'BL 2'}]},
            {'title': 'Đề xuất'}]}})
    ids = {n['title']: n['id'] for branch in made['root']['children'] for n in [branch, *branch['children']]}
    context = browser.new_context(viewport={'width': 960, 'height': 540})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        screens = {a: context.new_page() for a in urls}
        for audience, screen in screens.items():
            screen.goto(urls[audience])
            expect(screen.get_by_test_id('shown-page')).to_have_attribute('data-exhibit-id', str(shown))
        sign_in(page, 'procurator')
        page.goto(f'/maps/{hid}')
        expect(node(page, 'Nhân thân')).to_be_visible()
        page.get_by_test_id('map-publish').click()
        for audience, screen in screens.items():
            content = screen.get_by_test_id('screen-content')
            expect(content).to_have_attribute('data-map-id', str(made['id']))
            expect(screen.locator('[data-node-id]')).to_have_count(5)
            expect(screen.get_by_test_id('shown-page')).to_have_count(0)
            person = screen.locator(f'[data-node-id="{ids["Nhân thân"]}"]')
            if audience == 'public':  # restricted: the title and a mark, no BL
                expect(person).to_have_attribute('data-restricted', 'true')
                expect(person).to_contain_text('hạn chế')
                expect(person).not_to_contain_text('BL 2')
            else:
                expect(person).not_to_have_attribute('data-restricted', 'true')
                expect(person).to_contain_text('BL 2')
            expect(screen.locator(f'[data-node-id="{ids["Lời khai BL 1"]}"]')).to_contain_text('BL 1')
            assert 'GHI CHÚ RIÊNG' not in screen.content()

        # choosing a node on the map page centres every screen on it
        node(page, 'Đề xuất').click()
        for screen in screens.values():
            expect(screen.locator('.screen-map')).to_have_attribute('data-focus', ids['Đề xuất'])

        # the evidence branch alone
        node(page, 'Chứng cứ').click()
        page.get_by_test_id('map-publish-branch').click()
        for screen in screens.values():
            expect(screen.locator('[data-node-id]')).to_have_count(3)
            expect(screen.locator(f'[data-node-id="{ids["Đề xuất"]}"]')).to_have_count(0)

        # a linked node's page shown from the panel: the page replaces the map
        node(page, 'Lời khai BL 1').click()
        expect(page.get_by_test_id('map-publish-page')).to_be_enabled()
        page.get_by_test_id('map-publish-page').click()
        for screen in screens.values():
            expect(screen.get_by_test_id('shown-page')).to_have_attribute('data-exhibit-id', str(shown))
            expect(screen.get_by_test_id('screen-content')).to_have_attribute('data-map-id', '')
        minutes = call(server, 'clerk', 'GET', f'/api/hearings/{hid}/minutes')['entries']
        assert any(m['text'] == 'Kiểm sát viên trình chiếu sơ đồ tư duy “Sơ đồ”' for m in minutes)

        # a node inside a folded branch, chosen through the API: the screens unfold the branch to show it
        tree = call(server, 'procurator', 'GET', f'/api/maps/{made["id"]}')['root']
        tree['children'][0]['folded'] = True
        call(server, 'procurator', 'PUT', f'/api/maps/{made["id"]}', {'root': tree})
        call(server, 'procurator', 'POST', f'/api/hearings/{hid}/publish', {'map_id': made['id']})
        held = len(tree['children'][0]['children'])
        for screen in screens.values():  # the folded branch is drawn alone, saying how much it holds
            expect(screen.locator(f'[data-node-id="{tree["children"][0]["id"]}"]')).to_contain_text(f'+{held}')
            expect(screen.locator(f'[data-node-id="{ids["Nhân thân"]}"]')).to_have_count(0)
        call(server, 'procurator', 'POST', f'/api/hearings/{hid}/publish',
             {'map_id': made['id'], 'node_id': ids['Nhân thân']})
        for screen in screens.values():
            expect(screen.locator('.screen-map')).to_have_attribute('data-focus', ids['Nhân thân'])
            expect(screen.locator(f'[data-node-id="{ids["Nhân thân"]}"]')).to_be_visible()
    finally:
        context.close()

    # the review page, at the moment the map went on the screens: the map drawn as it was shown
    record_segments(server.data, hid, start=time.time() - 60, count=13, seconds=5.0)
    sign_in(page, 'clerk')
    page.goto(f'/hearings/{hid}/review')
    expect(page.get_by_test_id('review-verification')).to_have_attribute('data-valid', 'true')
    page.locator('[data-testid=timeline-entry][data-kind=map_published]').first.click()  # the whole map
    expect(page.get_by_test_id('on-screen-exhibit')).to_have_attribute('data-map-id', str(made['id']))
    expect(page.get_by_test_id('on-screen-title')).to_have_text('Sơ đồ tư duy “Sơ đồ”')
    expect(page.get_by_test_id('on-screen-map')).to_have_attribute('data-map', f'{made["id"]}/1')
    page.wait_for_function('() => document.querySelector("[data-testid=on-screen-map]").naturalWidth > 0')
