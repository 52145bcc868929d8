"""The record's pages in NiceGUI's simulated browser (the ``user`` fixture): the presiding judge moves the hearing
through its stages from the stage card (a suspension needs a reason), the clerk writes the minutes and sees the
entry verbatim, the procurator may not write them, and the review page verifies a recording's segments before it
plays (valid as recorded, invalid after one byte is flipped)."""

from __future__ import annotations

import time
from pathlib import Path

from nicegui.testing import User

from courtroom.court_time import format_duration, format_time
from courtroom.settings import Settings
from courtroom.stages import Stage
from presenter.pages.record_labels import series_started
from presenter.pages.stage_widgets import next_stages, stage_text
from presenter.services import build_services
from tests.conftest import record_segments
from tests.presenter.conftest import PAGE_TESTS, create_hearing, sign_in
from tests.waiting import eventually

pytestmark = PAGE_TESTS


def open_services(folder: Path):
    return build_services(Settings(data_dir=folder))


def current_stage(folder: Path, hearing_id: int) -> tuple[str, str | None]:
    services = open_services(folder)
    try:
        stage, _, reason, _ = services.stages.current(hearing_id)
        return stage.value, reason
    finally:
        services.close()


# --- pure helpers ---------------------------------------------------------------------------------------------

def test_stage_text_and_moves() -> None:
    assert stage_text('examination', None, None) == 'Xét hỏi'
    assert stage_text('suspended', 'Mất kết nối', None) == 'Tạm ngừng — Mất kết nối'
    assert stage_text('postponed', 'Vắng bị cáo', '2030-05-20', 'en') == 'Postponed — until 20/05/2030 — Vắng bị cáo'
    assert next_stages(Stage.OPENING, None)[0] is Stage.EXAMINATION
    assert next_stages(Stage.SUSPENDED, Stage.ARGUMENTS)[0] is Stage.ARGUMENTS
    assert next_stages(Stage.CLOSED, None) == []


def test_times() -> None:
    assert format_duration(3723.4) == '1:02:03'
    assert format_time('2026-05-20T07:05:09+00:00', Settings().time_zone) == '14:05:09'  # Asia/Ho_Chi_Minh, UTC+7
    assert series_started('20260520T070509000000Z') == 1779260709.0


# --- pages ----------------------------------------------------------------------------------------------------

async def test_judge_moves_the_hearing_through_its_stages(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'chutoa')
    await user.open(f'/hearings/{hearing_id}/record')
    await user.should_see(marker='stage-current', content='Chuẩn bị')
    user.find(marker='stage-to-opening').click()
    await user.should_see(marker='stage-current', content='Khai mạc')
    user.find(marker='stage-to-examination').click()
    await user.should_see(marker='stage-current', content='Xét hỏi')
    await user.should_see(marker='stage-badge-text', content='Xét hỏi')
    assert current_stage(data, hearing_id) == ('examination', None)

    # suspending asks for a reason and refuses without one
    user.find(marker='stage-to-suspended').click()
    await user.should_see(marker='stage-dialog')
    user.find(marker='stage-confirm').click()
    await user.should_see(marker='stage-error', content='Cần nêu lý do')
    assert current_stage(data, hearing_id)[0] == 'examination'
    user.find(marker='stage-reason').type('Điểm cầu trại tạm giam mất kết nối')
    user.find(marker='stage-confirm').click()
    await user.should_see(marker='stage-current', content='Tạm ngừng')
    await user.should_see(marker='stage-badge-text', content='Tạm ngừng — Điểm cầu trại tạm giam mất kết nối')
    assert current_stage(data, hearing_id) == ('suspended', 'Điểm cầu trại tạm giam mất kết nối')

    # and resumes where it stopped
    user.find(marker='stage-to-examination').click()
    await user.should_see(marker='stage-current', content='Xét hỏi')
    # every change is in the minutes
    await user.should_see(marker='minutes-text-shown', content='Phiên tòa chuyển sang giai đoạn Tạm ngừng')


async def test_postponing_needs_a_date(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'chutoa')
    await user.open(f'/hearings/{hearing_id}/record')
    user.find(marker='stage-to-postponed').click()
    user.find(marker='stage-reason').type('Vắng mặt bị cáo')
    user.find(marker='stage-confirm').click()
    await user.should_see(marker='stage-error', content='Cần chọn ngày mở lại phiên tòa')
    date = user.find(marker='stage-date').elements.pop()
    date.value = '2099-01-15'
    user.find(marker='stage-confirm').click()
    await user.should_see(marker='stage-current', content='Hoãn')
    await user.should_see(marker='stage-detail', content='mở lại ngày 15/01/2099')


async def test_clerk_writes_the_minutes(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}/record')
    await user.should_see(marker='minutes-panel')
    await user.should_not_see(marker='stage-control')  # only the presiding judge moves the stage
    text = 'Bị cáo Nguyễn Văn A khai: "Tôi không có mặt tại hiện trường lúc 21 giờ."'
    user.find(marker='minutes-text').type(text)
    user.find(marker='minutes-write').click()
    await user.should_see(marker='minutes-text-shown', content=text)
    shown = [e for e in user.find(marker='minutes-text-shown').elements if getattr(e, 'text', '') == text]
    assert len(shown) == 1  # verbatim, once
    services = open_services(data)
    try:
        assert [e.text for e in services.minutes.entries(hearing_id) if e.kind == 'clerk'] == [text]
    finally:
        services.close()
    # an empty entry is refused with a message
    user.find(marker='minutes-write').click()
    await user.should_see('Hãy nhập nội dung trước khi ghi')


async def test_procurator_may_not_write_the_minutes(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'ksv')
    await user.open(f'/hearings/{hearing_id}/record')
    await user.should_see(marker='minutes-readonly')
    await user.should_not_see(marker='minutes-write')
    await user.should_not_see(marker='minutes-text')
    await user.should_not_see(marker='recording-toggle')


async def verification_result(user: User) -> str:
    """The review page's verdict once its check (in a worker thread) is done: 'true' or 'false'."""
    verification = user.find(marker='review-verification').elements.pop()
    await eventually(lambda: verification.props.get('data-valid') not in (None, 'pending'), 'the verification ends')
    return str(verification.props.get('data-valid'))


async def test_review_verifies_the_segments_before_playing(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    segments = record_segments(data, hearing_id, count=2)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}/review')
    await user.should_see(marker='review-video')
    assert await verification_result(user) == 'true'
    await user.should_see(marker='review-verification-text', content='Bản ghi toàn vẹn: 2 đoạn')
    await user.should_not_see(marker='review-verification-problem')

    # one byte flipped in the second segment: shown, prominently, and still viewable
    path = data / 'recordings' / str(hearing_id) / segments[1].path
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    path.write_bytes(bytes(raw))
    await user.open(f'/hearings/{hearing_id}/review')
    assert await verification_result(user) == 'false'
    await user.should_see(marker='review-verification-problem', content='Đoạn 00001: mã SHA-256 của tệp khác')
    await user.should_see(marker='review-warning')
    await user.should_see(marker='review-video')


async def test_record_page_lists_the_segments(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    segments = record_segments(data, hearing_id, count=3)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}/record')
    await user.should_see(marker='segment-group')
    await user.should_see(marker='segment-hash', content=segments[2].sha256[:12])
    await user.should_see(marker='recording-state-text', content='Không ghi')


async def test_an_opened_segment_group_stays_open_as_segments_close(user: User, data: Path) -> None:
    """It was drawn anew each time a segment closed, folding what the clerk had just opened every few seconds."""
    from nicegui import app
    hearing_id = create_hearing(data)
    start = time.time() - 30
    record_segments(data, hearing_id, start=start, count=2)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}/record')
    await user.should_see(marker='segment-group')
    group = user.find(marker='segment-group').elements.pop()
    group.value = True  # the clerk opens it
    added = record_segments(data, hearing_id, start=start, count=1, first=2, services=app.state.services)
    await user.should_see(marker='segment-hash', content=added[0].sha256[:12])
    assert user.find(marker='segment-group').elements == {group}
    assert group.value is True
    assert len(user.find(marker='segment-row').elements) == 3
    # a second source's series is a group of its own, listed in order, and the first stays open
    record_segments(data, hearing_id, start=start, count=1, source='p7', services=app.state.services)
    await eventually(lambda: len(user.find(marker='segment-group').elements) == 2)
    assert group.value is True


async def test_the_record_check_speaks_the_pages_language(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    record_segments(data, hearing_id, count=1)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}/record')
    user.find(marker='record-verify').click()
    await user.should_see(marker='verify-check')
    await user.should_see('Chuỗi băm của nhật ký')
    await user.should_see('Mã băm của audit.jsonl')
    await user.should_not_see('audit chain')
