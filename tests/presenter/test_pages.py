"""The staff pages' logic, in NiceGUI's simulated browser (the ``user`` fixture): sign-in redirects, the hearing
list and its "new hearing" form, the hearing page's import, search and go-to-BL, roles and the language switch."""

from __future__ import annotations

import io
from pathlib import Path

from nicegui import ui
from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User

from courtroom.settings import Settings
from presenter.pages.components import bl_range, snippet_html
from presenter.services import build_services
from presenter.uploads import import_uploads
from tests.conftest import make_pdf
from tests.presenter.conftest import PAGE_TESTS, create_hearing, sign_in
from tests.waiting import eventually

pytestmark = PAGE_TESTS


def hearing_count(folder: Path) -> int:
    services = build_services(Settings(data_dir=folder))
    try:
        return len(services.hearings.all())
    finally:
        services.close()


# --- pure helpers ---------------------------------------------------------------------------------------------

def test_bl_range() -> None:
    assert bl_range(5, 12) == 'BL 5–12'
    assert bl_range(7, 7) == 'BL 7'
    assert bl_range(None, None) is None


def test_snippet_html_marks_matches_and_escapes_the_rest() -> None:
    assert snippet_html('a <b> [bút] lục') == 'a &lt;b&gt; <mark>bút</mark> lục'


# --- pages ----------------------------------------------------------------------------------------------------

async def test_unauthenticated_user_is_sent_to_login(user: User, data: Path) -> None:
    await user.open('/')
    await user.should_see(marker='login-button')
    hearing_id = create_hearing(data)
    await user.open(f'/hearings/{hearing_id}')
    await user.should_see(marker='login-button')


async def test_clerk_creates_a_hearing(user: User, data: Path) -> None:
    await sign_in(user, 'clerk')
    await user.should_see('Chưa có phiên tòa nào')
    user.find(marker='new-hearing').click()
    user.find(marker='case-number').type('125/2026/HSST')
    user.find(marker='hearing-title').type('Vụ án trộm cắp tài sản')
    user.find(marker='create-hearing').click()
    await user.should_see(marker='hearing-title-header', content='Vụ án trộm cắp tài sản')
    assert hearing_count(data) == 1
    await user.open('/')
    await user.should_see(marker='hearing-row')
    await user.should_see('125/2026/HSST')
    await user.should_see(marker='hearing-exhibits', content='0')


async def test_empty_title_is_refused_in_the_users_language(user: User, data: Path) -> None:
    await sign_in(user, 'clerk')
    user.find(marker='new-hearing').click()
    user.find(marker='case-number').type('126/2026/HSST')
    user.find(marker='hearing-title').type('   ')
    user.find(marker='create-hearing').click()
    await user.should_see(marker='create-error', content='Thiếu trường bắt buộc "Tên phiên tòa"')
    assert hearing_count(data) == 0
    await user.should_not_see(marker='hearing-row')


async def test_judge_sees_hearings_but_may_not_create_or_import(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'judge')
    await user.should_see(marker='hearing-row')
    await user.should_see('125/2026/HSST')
    await user.should_not_see(marker='new-hearing')
    await user.open(f'/hearings/{hearing_id}')
    await user.should_see(marker='hearing-title-header')
    await user.should_see(marker='search-input')
    await user.should_not_see(marker='upload')


async def test_unknown_hearing_gets_a_friendly_message(user: User) -> None:
    await sign_in(user, 'clerk')
    await user.open('/hearings/999')
    await user.should_see(marker='hearing-missing-text', content='Không tìm thấy phiên tòa "999"')


async def test_language_switch_shows_english(user: User, data: Path) -> None:
    create_hearing(data)
    await sign_in(user, 'clerk')
    await user.should_see('Danh sách phiên tòa')
    toggle = user.find(marker='language').elements.pop()
    with user:
        toggle.value = 'en'
    await user.should_see('Hearings')
    await user.should_see(marker='new-hearing', content='New hearing')
    await user.should_see(marker='current-user', content='Court clerk')
    user.find(marker='new-hearing').click()
    user.find(marker='create-hearing').click()
    await user.should_see(marker='create-error', content='The field "Case number" is required')


async def test_clerk_imports_searches_and_goes_to_a_bl(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}')
    await user.should_see(marker='no-exhibits')
    upload = user.find(ui.upload).elements.pop()
    pdf = make_pdf(['Biên bản lời khai nhân chứng', 'Kết luận giám định', 'Bản kiểm điểm'])
    with user:
        await upload.handle_uploads([SmallFileUpload('loi-khai.pdf', 'application/pdf', pdf)])
    await user.should_see(marker='exhibit-card')
    await user.should_see(marker='exhibit-bl', content='BL 1–3')
    await user.should_see(marker='exhibit-summary', content='1 tài liệu · 3 trang')

    user.find(marker='search-input').type('giam dinh').trigger('keydown.enter')
    await user.should_see(marker='hit-where', content='Trang 2 · BL 2')

    user.find(marker='bl-input').type('BL 3').trigger('keydown.enter')
    await user.should_see(marker='viewer-page', content='Trang 3/3')
    await user.should_see(marker='viewer-bl', content='BL 3')

    user.find(marker='bl-input').clear().type('99').trigger('keydown.enter')
    await user.should_see(marker='bl-error', content='Không có bút lục BL 99 trong hồ sơ')


async def test_a_bad_file_changes_nothing_and_says_why(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}')
    upload = user.find(ui.upload).elements.pop()
    good = make_pdf(['Trang một'])
    with user:
        await upload.handle_uploads([SmallFileUpload('tot.pdf', 'application/pdf', good),
                                     SmallFileUpload('rong.pdf', 'application/pdf', b'')])
    await user.should_see(marker='import-error-text', content='rong.pdf')
    await user.should_see(marker='no-exhibits')


# --- screens, settings and restriction on the hearing page ----------------------------------------------------

def add_exhibit(folder: Path, hearing_id: int) -> int:
    services = build_services(Settings(data_dir=folder))
    try:
        created = import_uploads(services, hearing_id, 'test', [('a.pdf', io.BytesIO(make_pdf(['Trang một'])))],
                                 lambda done, total: None)
        return created[0].id
    finally:
        services.close()


def screens_of(folder: Path, hearing_id: int) -> list[tuple[str, str]]:
    services = build_services(Settings(data_dir=folder))
    try:
        return [(s.name, s.audience.value) for s in services.screens.of_hearing(hearing_id)]
    finally:
        services.close()


def is_restricted(folder: Path, exhibit_id: int) -> bool:
    services = build_services(Settings(data_dir=folder))
    try:
        return services.exhibits.get(exhibit_id).restricted
    finally:
        services.close()


async def test_clerk_adds_a_screen_and_sees_its_link(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}')
    await user.should_see('Màn hình phòng xử án')
    await user.should_see(marker='no-screens')
    user.find(marker='screen-name').type('Máy chiếu phòng xử')
    user.find(marker='screen-audience').click()
    user.find('Người làm chứng').click()
    user.find(marker='add-screen').click()
    await user.should_see(marker='screen-row')
    await user.should_see(marker='screen-name-label', content='Máy chiếu phòng xử')
    await user.should_see(marker='screen-audience-label', content='Người làm chứng')
    url = user.find(marker='screen-url').elements.pop()
    assert '/screen/' in url.text
    await user.should_see(marker='screen-qr')
    await user.should_see(marker='screen-chip')
    assert screens_of(data, hearing_id) == [('Máy chiếu phòng xử', 'witness')]


async def test_an_empty_screen_name_is_refused_and_adds_nothing(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}')
    user.find(marker='screen-name').type('   ')
    user.find(marker='add-screen').click()
    await user.should_see(marker='screen-error', content='Thiếu trường bắt buộc "Tên màn hình"')
    await user.should_not_see(marker='screen-row')
    user.find(marker='screen-name').clear().type('x' * 101)
    user.find(marker='add-screen').click()
    await user.should_see(marker='screen-error', content='dài quá 100 ký tự')
    assert screens_of(data, hearing_id) == []


async def test_judge_sees_no_add_screen_form(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    add_exhibit(data, hearing_id)
    await sign_in(user, 'judge')
    await user.open(f'/hearings/{hearing_id}')
    await user.should_see(marker='exhibit-card')
    await user.should_not_see(marker='add-screen-form')
    await user.should_not_see(marker='screens-panel')
    await user.should_not_see(marker='settings-panel')  # a judge (not presiding) does not configure the hearing
    await user.should_not_see(marker='open-bench')
    toggle = user.find(marker='restrict-toggle').elements.pop()
    assert toggle.enabled  # judges may restrict an exhibit


async def test_clerk_restricts_an_exhibit(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    exhibit_id = add_exhibit(data, hearing_id)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}')
    await user.should_see(marker='exhibit-card')
    await user.should_not_see(marker='restricted-badge')
    user.find(marker='restrict-toggle').click()
    await eventually(lambda: is_restricted(data, exhibit_id), 'the exhibit is restricted')
    await user.should_see(marker='restricted-badge', content='Hạn chế')


async def test_clerk_switches_the_hearing_to_closed_door(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}')
    user.find(marker='closed-door-toggle').click()
    services = build_services(Settings(data_dir=data))
    try:
        await eventually(lambda: services.hearings.get(hearing_id).closed_door, 'the hearing is closed-door')
    finally:
        services.close()


async def test_screens_section_in_english(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'clerk')
    toggle = user.find(marker='language').elements.pop()
    with user:
        toggle.value = 'en'
    await user.should_see('Hearings')
    await user.open(f'/hearings/{hearing_id}')
    await user.should_see('Courtroom screens')
    user.find(marker='add-screen').click()
    await user.should_see(marker='screen-error', content='The field "Screen name" is required')
