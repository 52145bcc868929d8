"""Every page usable with a keyboard and a screen reader: axe-core (the copy bundled in axe-playwright-python, nothing
fetched) runs its WCAG 2 A and AA rules in real Chromium on every page, in Vietnamese and in English, in the states a
user meets (a page open in the viewer, search hits, the new-hearing form, the join page's device check, lobby and
hearing), and any violation fails with its rule, element and help. The ``<html lang>`` follows the page's language,
so a screen reader reads it with the right voice."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

from tests.conftest import Server, make_webm

from .conftest import make_pdf, sign_in

pytestmark = pytest.mark.e2e

WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
AXE_OPTIONS = {'runOnly': {'type': 'tag', 'values': WCAG_A_AA}, 'resultTypes': ['violations']}
LANGS = ('vi', 'en')
LOCALES = {'vi': 'vi-VN', 'en': 'en-US'}
TIMEOUT_MS = 60_000  # generous: a page with a remote participant's media flowing loads slowly on a busy machine
axe = Axe()


def violations(page: Page, within: str | None = None, skip: tuple[str, ...] = ()) -> list[str]:
    """axe-core's WCAG 2 A/AA violations on the page as it is now (or within one element, such as an open dialog,
    whose backdrop would otherwise count against the page behind it), one line per element: rule, impact, element,
    help, and what is wrong."""
    page.wait_for_load_state('networkidle')
    # a dialog fading in is half transparent: measure contrast once transitions have settled (spinners spin on)
    page.wait_for_function('document.getAnimations().every(a => a.playState !== "running" || '
                           'a.effect.getComputedTiming().iterations === Infinity) && '
                           '!document.querySelector("[class*=-enter-active], [class*=-leave-active]")')
    options = {**AXE_OPTIONS, 'rules': {rule: {'enabled': False} for rule in skip}}
    if within is not None:
        # axe places a Quasar dialog's texts on the page behind it (its grey backdrop, or the body): inside a dialog
        # contrast is measured here instead, against what the browser really paints under each text
        options['rules']['color-contrast'] = {'enabled': False}
    result = axe.run(page, context=within, options=options).response
    found = [f'{v["id"]} ({v["impact"]}) {", ".join(map(str, node["target"]))}: {v["help"]}\n'
             f'    {node["html"][:200]}\n    {" ".join(node.get("failureSummary", "").split())[:300]}'
             for v in result['violations'] for node in v['nodes']]
    if within is not None and 'color-contrast' not in skip:
        found += [f'color-contrast (measured in the page) {line}' for line in page.evaluate(CONTRAST, within)]
    return found


# WCAG 2 AA text contrast (4.5:1, 3:1 for large text) of every text inside ``selector``, against the first
# background painted under its middle; colours of any CSS syntax (Tailwind's oklch) read back through a canvas
CONTRAST = '''(selector) => {
  const ctx = Object.assign(document.createElement('canvas'), {width: 1, height: 1})
    .getContext('2d', {willReadFrequently: true});
  const rgb = (css, under = '#fff') => {
    ctx.fillStyle = under; ctx.fillRect(0, 0, 1, 1); ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  };
  const luminance = (css) => {
    const [r, g, b] = css.match(/\\d+/g)
      .map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const transparent = (css) => rgb(css, '#000') === 'rgb(0, 0, 0)' && rgb(css, '#fff') === 'rgb(255, 255, 255)';
  const found = [];
  for (const el of document.querySelector(selector).querySelectorAll('*')) {
    const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent).join('').trim();
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!text || !box.width || !box.height || style.visibility === 'hidden' || el.closest('.q-icon')) continue;
    const stack = document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    if (stack.indexOf(el) < 0) continue;  // covered by something else: not seen
    const painted = stack.slice(stack.indexOf(el)).find((e) => !transparent(getComputedStyle(e).backgroundColor));
    const background = rgb(painted ? getComputedStyle(painted).backgroundColor : '#fff');
    const foreground = rgb(style.color, background);
    const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) {
      found.push(`"${text.slice(0, 40)}": ${ratio.toFixed(2)} < ${needed}, ${foreground} on ${background}`);
    }
  }
  return found;
}'''


def expect_accessible(page: Page, lang: str, what: str, within: str | None = None,
                      skip: tuple[str, ...] = ()) -> list[str]:
    """This state's violations, labelled, plus a line if ``<html lang>`` does not say the page's language. On a
    machine so loaded that a page's socket stays silent past NiceGUI's reconnect timeout, the browser reloads the
    page while it is checked: the reloaded page is checked instead."""
    try:
        found = [f'[{what}] {line}' for line in violations(page, within, skip)]
        html_lang = page.evaluate('document.documentElement.lang') or ''
    except PlaywrightError as error:
        if 'Execution context was destroyed' not in error.message:
            raise
        page.wait_for_load_state('load')
        found = [f'[{what}, reloaded] {line}' for line in violations(page, within, skip)]
        html_lang = page.evaluate('document.documentElement.lang') or ''
    if html_lang.split('-')[0] != lang:
        found.append(f'[{what}] <html lang="{html_lang}">, the page is in "{lang}"')
    return found


def report(found: list[str]) -> str:
    return f'{len(found)} accessibility problem(s):\n' + '\n'.join(found)


@pytest.fixture(scope='module')
def browser(module_media_browser: Browser) -> Browser:
    """One Chromium for the module, with a fake camera and microphone for the join page's device check."""
    return module_media_browser


@pytest.fixture(scope='module')
def hearing(server: Server) -> dict[str, Any]:
    """A hybrid hearing with two exhibits, a page on the screens, three screens, a remote point, and a courtroom PC
    and a defendant invited (each test that moves a participant invites its own)."""
    with server.client('clerk') as clerk:
        h = clerk.post('/api/hearings', json={'case_number': '88/2026/HSST', 'charges': [173],
                                              'title': 'Vụ án trộm cắp tài sản (kiểm tra tiếp cận)'}).json()['id']
        files = [('files', ('loi-khai.pdf', make_pdf(['Lời khai của bị cáo trang một', 'Lời khai trang hai']),
                            'application/pdf')),
                 ('files', ('bien-ban.pdf', make_pdf(['Biên bản khám nghiệm hiện trường']), 'application/pdf'))]
        uploaded = clerk.post(f'/api/hearings/{h}/bundles', files=files)
        assert uploaded.status_code == 201, uploaded.text
        exhibits = uploaded.json()['exhibits']
        screens = [clerk.post(f'/api/hearings/{h}/screens', json={'name': f'Màn hình {audience}',
                                                                  'audience': audience}).json()
                   for audience in ('panel', 'public', 'witness')]
        central = clerk.get(f'/api/hearings/{h}/points').json()[0]
        detention = clerk.post(f'/api/hearings/{h}/points', json={'name': 'Trại tạm giam số 1',
                                                                  'kind': 'detention_facility'}).json()
    with server.client('procurator') as procurator:
        shown = procurator.post(f'/api/hearings/{h}/publish',
                                json={'exhibit_id': exhibits[0]['id'], 'page': 1})
        assert shown.status_code == 200, shown.text
    hearing = {'id': h, 'screens': screens, 'central': central, 'detention': detention, 'shown': exhibits[0]['id']}
    invite(server, hearing, 'Máy tính phòng xử án số 1', 'courtroom', 'central')
    invite(server, hearing, 'Nguyễn Văn An', 'defendant', 'detention')
    return hearing


def invite(server: Server, hearing: dict[str, Any], name: str, role: str, point: str) -> dict[str, Any]:
    with server.client('clerk') as clerk:
        response = clerk.post(f'/api/hearings/{hearing["id"]}/participants', json={
            'name': name, 'role': role, 'point_id': hearing[point]['id'],
            'id_document': {'type': 'citizen_id', 'number': '001090000088'}})
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture(scope='module')
def signed_in(browser: Browser, server: Server) -> Iterator[Callable[[str, str], Page]]:
    """A new page signed in as ``role`` with ``lang`` chosen, from a sign-in made once per role and language."""
    states: dict[tuple[str, str], Any] = {}
    contexts: list[BrowserContext] = []

    def open_page(role: str, lang: str) -> Page:
        if (role, lang) not in states:
            context = browser.new_context(base_url=server.url, locale='vi-VN')
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            sign_in(page, role)
            if lang == 'en':
                page.get_by_test_id('language').get_by_text('EN').click()
                expect(page.locator('html')).to_have_attribute('lang', 'en-US')
            states[role, lang] = context.storage_state()
            context.close()
        context = browser.new_context(base_url=server.url, viewport={'width': 1366, 'height': 768},
                                      locale=LOCALES[lang], storage_state=states[role, lang])
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize('lang', LANGS)
def test_sign_in_page(browser: Browser, server: Server, lang: str) -> None:
    context = browser.new_context(base_url=server.url, viewport={'width': 1366, 'height': 768})
    page = context.new_page()
    page.goto('/login')
    if lang == 'en':
        page.get_by_test_id('language').get_by_text('EN').click()
        expect(page.locator('html')).to_have_attribute('lang', 'en-US')
    expect(page.get_by_test_id('login-button')).to_be_visible()
    found = expect_accessible(page, lang, 'sign-in')
    page.get_by_test_id('username').fill('clerk')
    page.get_by_test_id('password').fill('wrong')
    page.get_by_test_id('login-button').click()
    expect(page.get_by_test_id('login-error')).to_be_visible()
    found += expect_accessible(page, lang, 'sign-in refused')
    context.close()
    assert not found, report(found)


@pytest.mark.parametrize('lang', LANGS)
def test_hearing_list(signed_in: Callable[[str, str], Page], hearing: dict[str, Any], lang: str) -> None:
    page = signed_in('clerk', lang)
    page.goto('/')
    expect(page.get_by_test_id('hearing-row').first).to_be_visible()
    found = expect_accessible(page, lang, 'hearings')
    page.get_by_test_id('new-hearing').click()
    expect(page.get_by_test_id('new-hearing-dialog')).to_be_visible()
    found += expect_accessible(page, lang, 'new hearing form', within='.q-dialog')
    assert not found, report(found)


@pytest.mark.parametrize('lang', LANGS)
def test_clerks_hearing_page(signed_in: Callable[[str, str], Page], hearing: dict[str, Any], lang: str) -> None:
    page = signed_in('clerk', lang)
    page.goto(f'/hearings/{hearing["id"]}')
    expect(page.get_by_test_id('exhibit-card')).to_have_count(2)
    found = expect_accessible(page, lang, 'hearing')
    page.get_by_test_id('search-input').fill('lời khai')
    expect(page.get_by_test_id('search-hit').first).to_be_visible()
    found += expect_accessible(page, lang, 'hearing search')
    page.get_by_test_id('exhibit-card').first.click()
    expect(page.get_by_test_id('viewer-image')).to_be_visible()
    found += expect_accessible(page, lang, 'hearing viewer', within='.q-dialog')
    page.keyboard.press('Escape')
    expect(page.get_by_test_id('viewer-image')).to_be_hidden()
    # a file chosen, not yet imported: the uploader lists it with its own buttons
    page.get_by_test_id('upload').locator('input[type=file]').set_input_files(
        files=[{'name': 'them.pdf', 'mimeType': 'application/pdf', 'buffer': make_pdf(['Tài liệu bổ sung'])}])
    expect(page.get_by_test_id('upload').get_by_text('them.pdf')).to_be_visible()
    found += expect_accessible(page, lang, 'hearing, a file chosen')
    assert not found, report(found)


@pytest.mark.parametrize('lang', LANGS)
@pytest.mark.parametrize('path', ['participants', 'record', 'review'])
def test_hearing_subpages(signed_in: Callable[[str, str], Page], hearing: dict[str, Any], path: str,
                          lang: str) -> None:
    page = signed_in('clerk', lang)
    page.goto(f'/hearings/{hearing["id"]}/{path}')
    expect(page.get_by_test_id('current-user')).to_be_visible()
    found = expect_accessible(page, lang, path)
    assert not found, report(found)


@pytest.mark.parametrize('lang', LANGS)
def test_the_minutes_of_an_interrogation_in_each_state(signed_in: Callable[[str, str], Page], server: Server,
                                                       lang: str) -> None:
    """The record page of an interrogation as its procurator keeps the minutes: the editor, its speakers and an
    entry, the session's card, an entry's edit dialog; then signed, with a correction for the procurator to decide."""
    with server.client('clerk') as clerk:
        h = clerk.post('/api/hearings', json={'case_number': f'{lang}/2026/HC', 'title': 'Hỏi cung bị can',
                                              'kind': 'interrogation'}).json()['id']
    with server.client('procurator') as procurator:
        point = procurator.post(f'/api/hearings/{h}/points', json={'name': 'Trại tạm giam số 1',
                                                                   'kind': 'detention_facility'}).json()
        assert procurator.post(f'/api/hearings/{h}/participants', json={
            'name': 'Lê Văn Cường', 'role': 'defendant', 'point_id': point['id']}).status_code == 201
        assert procurator.post(f'/api/hearings/{h}/minutes', json={
            'text': 'Bị can có nhận được quyết định khởi tố không?', 'speaker': 'staff:procurator'}).status_code == 201
    page = signed_in('procurator', lang)
    page.goto(f'/hearings/{h}/record')
    expect(page.get_by_test_id('session-person')).to_have_count(1)
    expect(page.get_by_test_id('minutes-edit')).to_have_count(1)
    found = expect_accessible(page, lang, 'minutes: the editor and the session card')
    page.get_by_test_id('minutes-edit').click()
    expect(page.get_by_test_id('minutes-edit-dialog')).to_be_visible()
    found += expect_accessible(page, lang, 'minutes: an entry edited', within='.q-dialog')
    page.keyboard.press('Escape')
    expect(page.get_by_test_id('minutes-edit-dialog')).to_be_hidden()
    for who in ('procurator', 'clerk'):
        with server.client(who) as c:
            assert c.post(f'/api/hearings/{h}/minutes/sign').status_code == 200
    with server.client('defence_counsel') as counsel:
        assert counsel.post(f'/api/hearings/{h}/minutes/corrections', json={'text': 'Bổ sung lời khai.'}
                            ).status_code == 201
    expect(page.get_by_test_id('correction-refuse')).to_be_visible()
    expect(page.get_by_test_id('minutes-frozen')).to_be_visible()
    found += expect_accessible(page, lang, 'minutes: signed, a correction to decide')
    assert not found, report(found)


@pytest.mark.parametrize('lang', LANGS)
def test_bench(signed_in: Callable[[str, str], Page], server: Server, hearing: dict[str, Any], lang: str) -> None:
    with server.client('procurator') as c:  # a mark listed beside the preview, and a saved treatment
        body = {'exhibit_id': hearing['shown'], 'page': 1}
        callout = {**body, 'kind': 'text', 'points': [[0.1, 0.1], [0.5, 0.2]], 'text': 'Mâu thuẫn'}
        assert c.post(f'/api/hearings/{hearing["id"]}/marks', json=callout).status_code == 201
        saved = c.post(f'/api/hearings/{hearing["id"]}/treatments', json={**body, 'name': f'Bản đánh dấu {lang}'})
        assert saved.status_code == 201, saved.text
    page = signed_in('procurator', lang)
    page.goto(f'/bench/{hearing["id"]}')
    expect(page.get_by_test_id('preview-image')).to_be_visible()
    expect(page.get_by_test_id('treatment-show').first).to_be_visible()
    expect(page.get_by_test_id('page-mark').first).to_be_visible()
    found = expect_accessible(page, lang, 'bench')
    for attempt in range(2):
        page.get_by_test_id('treatment-save').focus()  # by the keyboard: a mouse left on it would show its tooltip
        page.keyboard.press('Enter')
        expect(page.get_by_test_id('treatment-name')).to_be_focused()
        try:
            found += expect_accessible(page, lang, 'bench treatment dialog', within='[data-testid=treatment-dialog]')
            break
        except PlaywrightError as error:  # reloaded mid-check (see expect_accessible): the dialog closed with it
            if attempt or 'No elements found' not in error.message:
                raise
            expect(page.get_by_test_id('preview-image')).to_be_visible()
    page.keyboard.press('Escape')
    expect(page.get_by_test_id('treatment-dialog')).to_be_hidden()
    page.get_by_test_id('search-input').fill('lời khai')
    expect(page.get_by_test_id('search-hit').first).to_be_visible()
    found += expect_accessible(page, lang, 'bench search')
    assert not found, report(found)


@pytest.mark.parametrize('lang', LANGS)
def test_bench_playing_a_recording(signed_in: Callable[[str, str], Page], server: Server, lang: str) -> None:
    with server.client('clerk') as clerk:
        h = clerk.post('/api/hearings', json={'case_number': '89/2026/HSST', 'title': 'Camera (tiếp cận)'}).json()['id']
        files = [('files', ('camera.webm', make_webm(4), 'video/webm'))]
        video = clerk.post(f'/api/hearings/{h}/bundles', files=files).json()['exhibits'][0]['id']
    with server.client('procurator') as procurator:
        assert procurator.post(f'/api/hearings/{h}/publish', json={'exhibit_id': video, 'page': 1}).status_code == 200
    page = signed_in('procurator', lang)
    page.goto(f'/bench/{h}')
    expect(page.get_by_test_id('playback-controls')).to_be_visible()
    found = expect_accessible(page, lang, 'bench playing a recording')
    assert not found, report(found)


@pytest.mark.parametrize('lang', LANGS)
def test_judges_panel(signed_in: Callable[[str, str], Page], hearing: dict[str, Any], lang: str) -> None:
    page = signed_in('presiding_judge', lang)
    page.goto(f'/judge/{hearing["id"]}')
    expect(page.get_by_test_id('restrict-switch')).to_have_count(2)
    expect(page.get_by_test_id('audit-table')).to_be_visible()
    found = expect_accessible(page, lang, 'judge')
    assert not found, report(found)


@pytest.mark.parametrize('lang', LANGS)
def test_courtroom_screen(browser: Browser, server: Server, hearing: dict[str, Any], lang: str) -> None:
    context = browser.new_context(viewport={'width': 960, 'height': 540})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(hearing['screens'][1]['url'] + ('?lang=en' if lang == 'en' else ''))
    expect(page.get_by_test_id('screen-content')).to_have_attribute('data-state', 'showing')
    found = expect_accessible(page, lang, 'screen')
    context.close()
    assert not found, report(found)


@pytest.mark.realtime
@pytest.mark.parametrize('lang', LANGS)
def test_join_page_in_each_stage(browser: Browser, server: Server, signed_in: Callable[[str, str], Page],
                                 hearing: dict[str, Any], lang: str) -> None:
    """A remote participant's page: the device check, the lobby, and the hearing itself once admitted; and (in
    Vietnamese: in English the same pages are checked without a remote participant, by the tests above) the clerk's
    roll call and the judge's panel while a remote participant is in the hearing, with their controls, and the record
    page while it records."""
    person = invite(server, hearing, f'Lê Văn Bình ({lang})', 'witness', 'detention')
    context = browser.new_context(locale=LOCALES[lang], viewport={'width': 1366, 'height': 768})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(person['join_url'])
    expect(page.get_by_test_id('device-message')).to_have_attribute('data-outcome', 'ok')
    found = expect_accessible(page, lang, 'join: device check')
    page.get_by_test_id('join-button').click()
    expect(page.get_by_test_id('lobby')).to_be_visible()
    found += expect_accessible(page, lang, 'join: lobby')
    with server.client('clerk') as clerk:
        clerk.post(f'/api/participants/{person["id"]}/id-check', json={'verified': True, 'note': 'CCCD khớp'})
        assert clerk.post(f'/api/participants/{person["id"]}/admit').status_code == 200
    expect(page.get_by_test_id('hearing')).to_be_visible()
    expect(page.get_by_test_id('screen-content')).to_have_attribute('data-state', 'showing')
    found += expect_accessible(page, lang, 'join: hearing')
    if lang != 'vi':
        context.close()
        assert not found, report(found)
        return
    clerk = signed_in('clerk', lang)
    clerk.goto(f'/hearings/{hearing["id"]}/participants')
    expect(clerk.get_by_test_id('remove').first).to_be_visible()
    found += expect_accessible(clerk, lang, 'participants: someone in the hearing')
    clerk.get_by_test_id('remove').first.click()
    expect(clerk.get_by_test_id('confirm-dialog')).to_be_visible()
    found += expect_accessible(clerk, lang, 'participants: confirm removing', within='.q-dialog')
    clerk.keyboard.press('Escape')
    expect(clerk.get_by_test_id('confirm-dialog')).to_be_hidden()
    judge = signed_in('presiding_judge', lang)
    judge.goto(f'/judge/{hearing["id"]}')
    expect(judge.get_by_test_id('remote-remove').first).to_be_visible()
    found += expect_accessible(judge, lang, 'judge: someone in the hearing')
    judge.get_by_test_id('remote-remove').first.click()
    expect(judge.get_by_test_id('remote-confirm')).to_be_visible()
    found += expect_accessible(judge, lang, 'judge: confirm removing', within='.q-dialog')
    judge.keyboard.press('Escape')
    expect(judge.get_by_test_id('remote-confirm')).to_be_hidden()
    # the record page while the hearing is recorded, with a closed segment listed and opened, and its check
    with server.client('clerk') as api:
        assert api.post(f'/api/hearings/{hearing["id"]}/recording', json={'on': True}).json()['on'] is True
        clerk.goto(f'/hearings/{hearing["id"]}/record')
        expect(clerk.get_by_test_id('segment-group').first).to_be_visible(timeout=2 * TIMEOUT_MS)
        clerk.get_by_test_id('segment-group').first.click()
        expect(clerk.get_by_test_id('segment-row').first).to_be_visible()
        found += expect_accessible(clerk, lang, 'record: recording')
        api.post(f'/api/hearings/{hearing["id"]}/recording', json={'on': False})
    clerk.get_by_test_id('record-verify').click()
    expect(clerk.get_by_test_id('verify-dialog')).to_be_visible()
    expect(clerk.get_by_test_id('verify-check').first).to_be_visible()
    found += expect_accessible(clerk, lang, 'record: the check', within='.q-dialog')
    clerk.keyboard.press('Escape')
    clerk.goto(f'/hearings/{hearing["id"]}/participants')
    # last, as it replaces the participant's link: the clerk's dialog with the new link, its QR code and buttons
    row = clerk.locator(f'[data-participant-id="{person["id"]}"]')
    row.get_by_test_id('reissue-link').click()
    expect(clerk.get_by_test_id('join-qr').locator('svg')).to_be_visible()
    found += expect_accessible(clerk, lang, 'participants: join link', within='.q-dialog')
    context.close()
    assert not found, report(found)


def focused(page: Page) -> str:
    return page.evaluate('document.activeElement.closest("[data-testid]")?.dataset.testid || ""')


def test_the_keyboard_reaches_and_works_the_bench_and_the_clerks_page(signed_in: Callable[[str, str], Page],
                                                                    hearing: dict[str, Any]) -> None:
    """Tab reaches every control of the bench, the exhibits too; Enter on an exhibit previews it (and does not
    publish: the bench's own Enter publishes only off the controls); on the clerk's page Enter opens an exhibit."""
    page = signed_in('procurator', 'vi')
    page.goto(f'/bench/{hearing["id"]}')
    expect(page.get_by_test_id('preview-image')).to_be_visible()
    expect(page.get_by_test_id('live-info')).to_have_attribute('data-page', '1')
    reached = set()
    for _ in range(30):
        page.keyboard.press('Tab')
        reached.add(focused(page))
    assert {'language', 'logout', 'bl-input', 'bl-go', 'search-input', 'exhibit-row', 'preview-next',
            'publish-button', 'pause-button', 'clear-button'} <= reached, reached

    second = page.get_by_test_id('exhibit-row').nth(1)
    second.focus()
    page.keyboard.press('Enter')
    expect(page.get_by_test_id('preview')).to_have_attribute('data-exhibit-id', second.get_attribute('data-exhibit-id'))
    expect(page.get_by_test_id('live-info')).to_have_attribute('data-exhibit-id', str(hearing['shown']))
    page.get_by_test_id('bl-input').fill('BL 2')
    page.keyboard.press('Enter')  # go to BL 2, then off the field: the next Enter publishes it
    expect(page.get_by_test_id('preview')).to_have_attribute('data-page', '2')
    page.wait_for_function('!document.activeElement.matches("input")')
    page.keyboard.press('Enter')
    expect(page.get_by_test_id('live-info')).to_have_attribute('data-page', '2')

    clerk = signed_in('clerk', 'vi')
    clerk.goto(f'/hearings/{hearing["id"]}')
    opener = clerk.get_by_test_id('exhibit-card').first.locator('[role=button]')
    opener.focus()
    clerk.keyboard.press('Enter')
    expect(clerk.get_by_test_id('viewer-image')).to_be_visible()
    clerk.keyboard.press('Escape')
    expect(clerk.get_by_test_id('viewer-image')).to_be_hidden()
