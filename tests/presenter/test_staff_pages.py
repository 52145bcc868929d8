"""Every page of a hearing, in NiceGUI's simulated browser, to a user not on its staff: the hearing is not in their
list and each page says it was not found (as for a hearing that does not exist); on the staff, the page opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from nicegui.testing import User

from tests.presenter.conftest import PAGE_TESTS, create_hearing, sign_in, using

pytestmark = PAGE_TESTS
PAGES = ['/hearings/{id}', '/hearings/{id}/participants', '/hearings/{id}/record', '/hearings/{id}/review',
         '/bench/{id}', '/judge/{id}', '/maps/{id}']


def hearing_of_others(data: Path) -> int:
    """A hearing whose staff is the clerk alone."""
    return using(data, lambda s: s.hearings.create(case_number='77/2026/HSST', title='Vụ án của phòng khác',
                                                    actor='clerk').id)


@pytest.mark.parametrize('path', PAGES)
async def test_a_page_of_a_hearing_one_is_not_staff_on_is_missing(user: User, data: Path, path: str) -> None:
    hearing_id = hearing_of_others(data)
    await sign_in(user, 'chutoa')
    await user.open(path.format(id=hearing_id))
    await user.should_see(marker='hearing-missing')
    await user.should_not_see('Vụ án của phòng khác')


async def test_the_list_shows_only_ones_own(user: User, data: Path) -> None:
    hearing_of_others(data)
    create_hearing(data, case_number='1/2026/HSST', title='Vụ án của mình')
    await sign_in(user, 'chutoa')
    await user.should_see('Vụ án của mình')
    await user.should_not_see('Vụ án của phòng khác')


async def test_the_clerk_who_made_it_sees_it(user: User, data: Path) -> None:
    hearing_id = hearing_of_others(data)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}')
    await user.should_see('Vụ án của phòng khác')
    await user.should_not_see(marker='hearing-missing')


async def test_the_clerk_staffs_the_hearing_from_its_page(user: User, data: Path) -> None:
    hearing_id = hearing_of_others(data)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}')
    await user.should_see(marker='staff-member', content='Trần Thị Thư Ký')
    choice = user.find(marker='staff-choose').elements.pop()
    assert set(choice.options) == {'clerk', 'judge', 'chutoa', 'ksv'}  # the court's accounts, by name and title
    choice.value = ['clerk', 'chutoa', 'ksv']
    user.find(marker='staff-save').click()
    await user.should_see(marker='staff-member', content='Lê Văn Chủ Tọa')
    staffed = using(data, lambda s: {m.username: m.role.value for m in s.staff.of_hearing(hearing_id)})
    assert staffed == {'clerk': 'clerk', 'chutoa': 'presiding_judge', 'ksv': 'procurator'}


async def test_others_read_the_staff_but_do_not_choose(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'ksv')
    await user.open(f'/hearings/{hearing_id}')
    await user.should_see(marker='staff-member', content='Phạm Minh Kiểm Sát')
    await user.should_not_see(marker='staff-choose')
