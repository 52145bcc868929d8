"""The record page's minutes as the clerk keeps them and the judge signs them, through NiceGUI's simulated user: a
speaker chosen by Alt and a letter, an entry written with Enter, the typing kept when the page is closed; the
presiding judge signs, then the clerk; the procurator asks for a correction, which the judge refuses with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from nicegui.testing import User

from courtroom.roles import Role
from tests.presenter.conftest import PAGE_TESTS, create_hearing, sign_in, using
from tests.waiting import eventually

pytestmark = PAGE_TESTS


def typed(data: Path, hearing_id: int) -> list[tuple[str | None, str]]:
    return using(data, lambda s: [(e.speaker.key if e.speaker else None, e.text)
                                  for e in s.minutes.entries(hearing_id) if e.kind == 'clerk'])


async def test_the_clerk_names_the_speaker_by_key_and_enters_with_enter(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}/record')
    await user.should_see(marker='minutes-speaker')
    keys = {b.props['data-key']: b.props['data-speaker'] for b in user.find(marker='minutes-speaker').elements}
    assert keys['a'] == 'staff:chutoa'  # the presiding judge first, then the other judges, the procurator, the clerk
    assert 'e' not in keys and 'f' not in keys  # Alt+E and Alt+F open the browser's menus
    box = user.find(marker='minutes-text')
    box.trigger('keydown.alt.exact.prevent', {'key': 'å', 'code': 'KeyA'})  # whatever Alt makes of the letter
    await eventually(lambda: any(b.props['aria-pressed'] == 'true' and b.props['data-key'] == 'a'
                                 for b in user.find(marker='minutes-speaker').elements))
    box.type('Bị cáo có nhận được cáo trạng không?')
    box.trigger('keydown.enter.exact.prevent')
    await eventually(lambda: typed(data, hearing_id) == [('staff:chutoa', 'Bị cáo có nhận được cáo trạng không?')])
    await user.should_see(marker='minutes-speaker-shown', content='Chủ tọa phiên tòa · Lê Văn Chủ Tọa')
    assert user.find(marker='minutes-text').elements.pop().value == ''

    box.type('Nội dung đang gõ dở')  # the page closes before it is entered: it is there when it opens again
    await user.open(f'/hearings/{hearing_id}/record')
    await user.should_see(marker='minutes-speaker')
    await eventually(lambda: user.find(marker='minutes-text').elements.pop().value == 'Nội dung đang gõ dở')
    await eventually(lambda: any(b.props['aria-pressed'] == 'true' and b.props['data-speaker'] == 'staff:chutoa'
                                 for b in user.find(marker='minutes-speaker').elements))


@pytest.mark.parametrize('who', ['chutoa', 'clerk', 'ksv'])
async def test_only_whoever_signs_next_sees_the_button(user: User, data: Path, who: str) -> None:
    hearing_id = create_hearing(data)
    await sign_in(user, who)
    await user.open(f'/hearings/{hearing_id}/record')
    await user.should_see(marker='signing-panel')
    await user.should_see(marker='minutes-pdf')
    if who == 'chutoa':  # the presiding judge signs first
        await user.should_see(marker='sign-minutes')
    else:
        await user.should_not_see(marker='sign-minutes')


async def test_signed_by_judge_and_clerk_then_a_correction_is_refused_with_its_reason(user: User,
                                                                                   data: Path) -> None:
    hearing_id = create_hearing(data)
    using(data, lambda s: s.minutes.write(hearing_id, 'Khai mạc phiên tòa.', author='clerk'))
    for who in ('chutoa', 'clerk'):
        await sign_in(user, who)
        await user.open(f'/hearings/{hearing_id}/record')
        await user.should_see(marker='sign-minutes')
        user.find(marker='sign-minutes').click()
        await eventually(lambda who=who: any(s.username == who for s in using(
            data, lambda s: s.minutes_signing.signatures(hearing_id))))
    await user.should_not_see(marker='sign-minutes')

    await sign_in(user, 'ksv')
    await user.open(f'/hearings/{hearing_id}/record')
    await user.should_see(marker='correction-text')
    user.find(marker='correction-text').type('Bổ sung: bị cáo xin xét xử vắng mặt người làm chứng.')
    user.find(marker='correction-ask').click()
    await user.should_see(marker='correction-text-shown',
                          content='Bổ sung: bị cáo xin xét xử vắng mặt người làm chứng.')
    await user.should_not_see(marker='correction-refuse')  # only the presiding judge decides

    await sign_in(user, 'chutoa')
    await user.open(f'/hearings/{hearing_id}/record')
    await user.should_see(marker='correction-refuse')
    user.find(marker='correction-refuse').click()  # without a reason: refused, and nothing changes
    await user.should_see('Thiếu trường bắt buộc "reason"')
    user.find(marker='correction-reason').type('Người làm chứng đã có mặt.')
    user.find(marker='correction-refuse').click()
    await user.should_see(marker='correction-state', content='Không được chấp nhận: Người làm chứng đã có mặt.')
    states = using(data, lambda s: [(c.state, c.reason) for c in s.minutes_signing.corrections(hearing_id)])
    assert states == [('refused', 'Người làm chứng đã có mặt.')]


async def test_the_clerk_edits_a_typed_entry_until_both_have_signed(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    using(data, lambda s: s.minutes.write(hearing_id, 'Bị cáo khai nhầm', author='clerk'))
    await sign_in(user, 'clerk')
    await user.open(f'/hearings/{hearing_id}/record')
    await user.should_see(marker='minutes-edit')
    user.find(marker='minutes-edit').click()
    await user.should_see(marker='minutes-edit-dialog')
    user.find(marker='minutes-edit-text').clear().type('Bị cáo khai: không có mặt tại nơi xảy ra vụ án.')
    user.find(marker='minutes-edit-speaker').elements.pop().value = 'staff:ksv'
    user.find(marker='minutes-edit-save').click()
    await eventually(lambda: typed(data, hearing_id) == [('staff:ksv',
                                                          'Bị cáo khai: không có mặt tại nơi xảy ra vụ án.')])
    await user.should_see(marker='minutes-text-shown', content='Bị cáo khai: không có mặt tại nơi xảy ra vụ án.')
    await user.should_not_see(marker='minutes-frozen')

    for who, role in (('chutoa', Role.PRESIDING_JUDGE), ('clerk', Role.CLERK)):  # the signing card: tested above
        using(data, lambda s, who=who, role=role: s.minutes_signing.sign(hearing_id, username=who, role=role))
    await user.open(f'/hearings/{hearing_id}/record')  # (other services than the page's: it learns nothing live)
    await user.should_see(marker='minutes-frozen')  # no more typing, no edit button
    await user.should_not_see(marker='minutes-edit')
    await user.should_not_see(marker='minutes-text')


async def test_an_interrogations_card_records_the_announcement_and_the_persons_signature(user: User,
                                                                                       data: Path) -> None:
    hearing_id = create_hearing(data, case_number='15/2026/HC', title='Hỏi cung bị can', kind='interrogation')

    def people(s):
        point = s.points.add(hearing_id, name='Trại tạm giam số 1', kind='detention_facility', actor='ksv')
        person, _ = s.participants.add(hearing_id, name='Lê Văn Cường', role='defendant', point_id=point.id,
                                       actor='ksv')
        s.participants.add(hearing_id, name='Luật sư Dũng', role='defence_counsel', point_id=point.id, actor='ksv')
        return person.id
    person = using(data, people)
    await sign_in(user, 'ksv')  # the procurator leads an interrogation and keeps its minutes
    await user.open(f'/hearings/{hearing_id}/record')
    await user.should_see(marker='session-announce')
    await user.should_see(marker='minutes-speaker')
    keys = {b.props['data-key']: b.props['data-speaker'] for b in user.find(marker='minutes-speaker').elements}
    assert keys['a'] == 'staff:ksv'  # the procurator asks the questions: the first letter
    await user.should_see(marker='minutes-speaker', content='Bị can · Lê Văn Cường')  # not yet tried: not Bị cáo
    await user.should_not_see(marker='minutes-speaker', content='Bị cáo')
    user.find(marker='session-announce').click()
    await user.should_see(marker='session-announced')
    await user.should_not_see(marker='session-announce')
    assert len(user.find(marker='session-person').elements) == 1  # counsel is not questioned
    user.find(marker='session-method').elements.pop().value = 'point'
    user.find(marker='session-note').type('có cán bộ trại giam chứng kiến')
    user.find(marker='session-sign').click()
    await eventually(lambda: using(data, lambda s: [(e.action, e.details) for e in s.audit.entries(hearing_id)
                                                   if e.action == 'person_signature']) == [
        ('person_signature', {'participant_id': person, 'method': 'point', 'note': 'có cán bộ trại giam chứng kiến'})])
    await user.should_see('Đã ký tại điểm cầu lúc')
    texts = using(data, lambda s: [e.text for e in s.minutes.entries(hearing_id)])
    assert texts[0].startswith('Thông báo cho người được hỏi biết việc hỏi cung')
