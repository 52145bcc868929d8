"""The case map where it meets the other pages, in NiceGUI's simulated browser: a map the procurator asks to show
in a hearing that needs approval waits on the presiding judge's page, which approves it like a page; the bench's
live card then says the map is on the screens, and while it waits the bench says so. Only the procurator opens the
map page."""

from __future__ import annotations

from pathlib import Path

from nicegui import app
from nicegui.testing import User

from courtroom.case_map import template
from tests.conftest import PASSWORD
from tests.presenter.conftest import PAGE_TESTS, create_hearing, sign_in, using
from tests.waiting import eventually

pytestmark = PAGE_TESTS


async def test_a_map_waiting_for_approval_is_approved_on_the_judges_page(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)

    def ask(services) -> int:
        services.presentation.configure(hearing_id, services.users.authenticate('chutoa', PASSWORD),
                                        approval_required=True)
        ksv = services.users.authenticate('ksv', PASSWORD)
        made = services.maps.create(hearing_id, ksv, 'Sơ đồ vụ án', template('Vụ án trộm cắp tài sản'))
        return services.maps.publish(hearing_id, ksv, made.id).pending_map.map_id
    map_id = using(data, ask)
    await sign_in(user, 'chutoa')
    await user.open(f'/judge/{hearing_id}')
    await user.should_see(marker='pending-text', content='Sơ đồ tư duy')
    user.find(marker='approve-button').click()
    await eventually(lambda: using(data, lambda s: s.presentation.state(hearing_id).map) is not None,
                     'the map is on the screens')
    assert using(data, lambda s: s.presentation.state(hearing_id).map.map_id) == map_id
    await user.should_see(marker='pending-text', content='Không có yêu cầu')


async def test_the_bench_says_the_map_waits_for_approval(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    using(data, lambda s: s.presentation.configure(hearing_id, s.users.authenticate('chutoa', PASSWORD),
                                                   approval_required=True))
    await sign_in(user, 'ksv')
    await user.open(f'/bench/{hearing_id}')
    await user.should_not_see(marker='pending-approval')

    def ask(services) -> None:
        ksv = services.users.authenticate('ksv', PASSWORD)
        made = services.maps.create(hearing_id, ksv, 'Sơ đồ vụ án', template('Vụ án trộm cắp tài sản'))
        services.maps.publish(hearing_id, ksv, made.id)
    ask(app.state.services)  # from the map page: the bench's own services
    await user.should_see(marker='pending-approval', content='Chờ chủ tọa phê duyệt: sơ đồ tư duy')


async def test_only_the_procurator_opens_the_map_page(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'chutoa')
    await user.open(f'/maps/{hearing_id}')
    await user.should_see('Chỉ kiểm sát viên soạn sơ đồ tư duy')
    await user.should_not_see(marker='map-canvas')
