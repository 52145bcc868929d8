"""The minutes in the court's form (Mẫu số 22-HS of Nghị quyết 05/2017/NQ-HĐTP, 23-HS for an appeal; the record of
an online interrogation or statement for the other kinds of session), as plain data that the PDF and the Word export
both draw, so that the two say the same: the court, the case, time and place, public or closed-door, the charge;
I. those conducting the proceedings, by full name and title; II. the participants, each present or absent, remote
ones with their connection point; then the hearing in order, stage by stage, every typed question, answer and
statement under its speaker and time, with the system's entries (exhibits and BL pages shown, recordings played,
joins, outages) in place; the end; the signatures; the corrections asked for after signing, with their outcome. An
interrogation's or statement's also says that the person was told of the recording, when it started, paused (why)
and resumed, the equipment's faults, and how the person signed every page (courtroom.session_minutes); its pages
carry a line for the person's signature."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from .court_time import format_datetime, format_time
from .hearings import Hearing
from .i18n import Catalogue, Lang
from .minutes import MinutesEntry
from .minutes_signing import Correction, Signature, signing_order
from .participants import Participant, ParticipantRole
from .points import Point, PointKind
from .session_minutes import QUESTIONED, SessionFacts
from .staff import Member

WORDS = Catalogue('minutes form', {
    'nation': ('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SOCIALIST REPUBLIC OF VIET NAM'),
    'motto': ('Độc lập - Tự do - Hạnh phúc', 'Independence - Freedom - Happiness'),
    'title_hearing': ('BIÊN BẢN PHIÊN TÒA HÌNH SỰ', 'MINUTES OF THE CRIMINAL HEARING'),
    'title_appeal': ('BIÊN BẢN PHIÊN TÒA HÌNH SỰ PHÚC THẨM', 'MINUTES OF THE CRIMINAL APPEAL HEARING'),
    'title_interrogation': ('BIÊN BẢN HỎI CUNG BỊ CAN (TRỰC TUYẾN)', 'MINUTES OF THE ONLINE INTERROGATION'),
    'title_statement': ('BIÊN BẢN LẤY LỜI KHAI (TRỰC TUYẾN)', 'MINUTES OF THE ONLINE STATEMENT'),
    'announced': ('Người được hỏi đã được thông báo việc hỏi cung, lấy lời khai được ghi âm, ghi hình có âm thanh '
                  '(lúc {time})', 'The person questioned was told that the session is recorded with sound and '
                  'picture (at {time})'),
    'not_announced': ('CHƯA ghi nhận việc thông báo ghi âm, ghi hình cho người được hỏi',
                      'NOT recorded: that the person questioned was told of the recording'),
    'session_started': ('Bắt đầu lúc {time}', 'Started at {time}'),
    'session_paused': ('Tạm dừng lúc {time}, lý do: {reason}; {resumed}', 'Paused at {time}, because: {reason}; '
                       '{resumed}'),
    'session_resumed': ('tiếp tục lúc {time}', 'resumed at {time}'),
    'session_not_resumed': ('không tiếp tục', 'not resumed'),
    'questioning': ('NỘI DUNG HỎI CUNG, LẤY LỜI KHAI', 'THE QUESTIONS AND ANSWERS'),
    'faults': ('SỰ CỐ THIẾT BỊ', 'EQUIPMENT FAULTS'),
    'no_faults': ('Không có sự cố thiết bị', 'No equipment fault'),
    'fault_point_outage': ('{time}: điểm cầu {point} mất kết nối', '{time}: the connection point {point} is lost'),
    'fault_point_restored': ('{time}: điểm cầu {point} kết nối lại', '{time}: the connection point {point} is back'),
    'fault_recording_gap': ('{time}: gián đoạn ghi âm, ghi hình', '{time}: the recording is interrupted'),
    'fault_recording_halted': ('{time}: ghi âm, ghi hình dừng lại vì ổ đĩa của máy chủ đã đầy',
                               '{time}: the recording stops: the server\'s disk is full'),
    'session_ended': ('Kết thúc lúc {time}', 'Ended at {time}'),
    'session_not_ended': ('Chưa kết thúc', 'Not ended'),
    'person_paper': ('Ký từng trang trên bản in giấy lúc {time}{note}', 'Signed every printed page at {time}{note}'),
    'person_point': ('Ký từng trang tại điểm cầu lúc {time}{note}',
                     'Signed every page at their connection point at {time}{note}'),
    'person_unsigned': ('(chưa ghi nhận chữ ký)', '(signature not recorded)'),
    'page_signature': ('Người được hỏi ký tên: ..............................',
                       'Signature of the person questioned: ..............................'),
    'accepted_session': ('Kiểm sát viên chấp nhận lúc {time}; kiểm sát viên và người ghi biên bản cùng ký',
                         'Accepted by the procurator at {time}; signed by the procurator and the one who wrote the '
                         'minutes'),
    'refused_session': ('Kiểm sát viên không chấp nhận lúc {time}, lý do: {reason}',
                        'Refused by the procurator at {time}, because: {reason}'),
    'case': ('Vụ án số {case_number}: {title}', 'Case no. {case_number}: {title}'),
    'when_where': ('Vào hồi {time}, tại {place}', 'At {time}, at {place}'),
    'public': ('Phiên tòa xét xử công khai', 'The hearing is public'),
    'closed_door': ('Phiên tòa xét xử kín', 'The hearing is closed-door'),
    'charges': ('Tội danh theo Điều {articles} Bộ luật Hình sự', 'Charged under Penal Code article(s) {articles}'),
    'conducting': ('I. NHỮNG NGƯỜI TIẾN HÀNH TỐ TỤNG', 'I. THOSE CONDUCTING THE PROCEEDINGS'),
    'participants': ('II. NHỮNG NGƯỜI THAM GIA TỐ TỤNG', 'II. THE PARTICIPANTS'),
    'proceedings': ('III. DIỄN BIẾN PHIÊN TÒA', 'III. THE COURSE OF THE HEARING'),
    'proceedings_session': ('III. DIỄN BIẾN BUỔI HỎI CUNG, LẤY LỜI KHAI', 'III. THE COURSE OF THE SESSION'),
    'nobody': ('(chưa có)', '(none)'),
    'present': ('có mặt', 'present'),
    'born': ('sinh ngày {day}', 'born {day}'),
    'absent': ('vắng mặt', 'absent'),
    'remote': ('tham gia trực tuyến tại điểm cầu {point}', 'taking part online from {point}'),
    'ended': ('Phiên tòa kết thúc vào hồi {time}', 'The hearing ends at {time}'),
    'not_ended': ('Phiên tòa chưa kết thúc', 'The hearing has not ended'),
    'signatures': ('CHỮ KÝ', 'SIGNATURES'),
    'signed': ('Đã ký lúc {time}', 'Signed at {time}'),
    'unsigned': ('(chưa ký)', '(not signed)'),
    'corrections': ('SỬA ĐỔI, BỔ SUNG BIÊN BẢN', 'CORRECTIONS OF THE MINUTES'),
    'correction': ('{who} đề nghị lúc {time}: {text}', '{who} asked at {time}: {text}'),
    'accepted': ('Chủ tọa chấp nhận lúc {time}; chủ tọa và thư ký cùng ký',
                 'Accepted by the presiding judge at {time}; signed by the presiding judge and the clerk'),
    'refused': ('Chủ tọa không chấp nhận lúc {time}, lý do: {reason}',
                'Refused by the presiding judge at {time}, because: {reason}'),
    'pending': ('Chờ chủ tọa quyết định', 'Awaiting the presiding judge\'s decision'),
    'before_opening': ('TRƯỚC KHI KHAI MẠC', 'BEFORE THE OPENING'),
    'stage_opening': ('PHẦN THỦ TỤC BẮT ĐẦU PHIÊN TÒA (Điều 300–305)', 'OPENING FORMALITIES (arts. 300–305)'),
    'stage_examination': ('PHẦN XÉT HỎI (Điều 306–317)', 'EXAMINATION (arts. 306–317)'),
    'stage_arguments': ('PHẦN TRANH LUẬN (Điều 318–325)', 'ARGUMENTS AND LAST WORDS (arts. 318–325)'),
    'stage_deliberation': ('NGHỊ ÁN (Điều 326)', 'DELIBERATION (art. 326)'),
    'stage_pronouncement': ('TUYÊN ÁN (Điều 327)', 'PRONOUNCEMENT OF JUDGMENT (art. 327)'),
    'stage_suspended': ('TẠM NGỪNG PHIÊN TÒA', 'HEARING SUSPENDED'),
    'stage_postponed': ('HOÃN PHIÊN TÒA', 'HEARING POSTPONED'),
    'stage_closed': ('KẾT THÚC PHIÊN TÒA', 'CLOSE OF THE HEARING'),
})
STAFF_TITLES = Catalogue('staff titles on the minutes', {
    'presiding_judge': ('Thẩm phán - Chủ tọa phiên tòa', 'Judge, presiding'),
    'judge': ('Thẩm phán', 'Judge'),
    'assessor': ('Hội thẩm nhân dân', 'People\'s assessor'),
    'clerk': ('Thư ký phiên tòa', 'Clerk of the hearing'),
    'procurator': ('Kiểm sát viên', 'Procurator'),
    'defence_counsel': ('Người bào chữa', 'Defence counsel'),
    'admin': ('Quản trị hệ thống', 'Administrator'),
})
ROLE_TITLES = Catalogue('participant roles on the minutes', {
    'defendant': ('Bị cáo', 'Defendant'), 'victim': ('Bị hại', 'Victim'), 'party': ('Đương sự', 'Party'),
    'plaintiff': ('Nguyên đơn dân sự', 'Civil plaintiff'), 'respondent': ('Bị đơn dân sự', 'Civil respondent'),
    'defence_counsel': ('Người bào chữa', 'Defence counsel'),
    'representative': ('Người đại diện', 'Representative'), 'witness': ('Người làm chứng', 'Witness'),
    'expert': ('Người giám định', 'Expert'), 'interpreter': ('Người phiên dịch', 'Interpreter'),
    'detention_officer': ('Cán bộ trại giam', 'Detention officer'), 'observer': ('Người tham dự', 'Observer'),
    'courtroom': ('Phòng xử án', 'Courtroom'),
})
SESSION_ROLE_TITLES = Catalogue('participant roles on an interrogation\'s minutes', {
    'defendant': ('Bị can', 'Accused'),
})
TITLES = {'hearing': 'title_hearing', 'interrogation': 'title_interrogation', 'statement': 'title_statement'}
PERSON_SIGNED = {'paper': 'person_paper', 'point': 'person_point'}
FAULT_WORDS = {'point_outage': 'fault_point_outage', 'point_restored': 'fault_point_restored',
               'recording_gap': 'fault_recording_gap', 'recording_halted': 'fault_recording_halted'}
STAGE_HEADINGS = {'opening': 'stage_opening', 'examination': 'stage_examination', 'arguments': 'stage_arguments',
                  'deliberation': 'stage_deliberation', 'pronouncement': 'stage_pronouncement',
                  'suspended': 'stage_suspended', 'postponed': 'stage_postponed', 'closed': 'stage_closed'}
CONDUCTING_ORDER = ('presiding_judge', 'judge', 'assessor', 'clerk', 'procurator')


@dataclass(slots=True, frozen=True)
class Person:
    title: str
    name: str
    note: str = ''  # presence, connection point


@dataclass(slots=True, frozen=True)
class Line:
    time: str
    speaker: str  # "Title Name" of who speaks, '' for the system's own entries
    text: str
    typed: bool


@dataclass(slots=True)
class Section:
    heading: str
    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class SignatureBox:
    title: str
    name: str
    signed: str  # "Đã ký lúc …" or "(chưa ký)"


@dataclass(slots=True)
class MinutesForm:
    court: str
    nation: str
    motto: str
    title: str
    case_line: str
    opening: list[str]
    conducting_heading: str
    conducting: list[Person]
    participants_heading: str
    participants: list[Person]
    proceedings_heading: str
    sections: list[Section]
    ending: str
    signatures_heading: str
    signatures: list[SignatureBox]
    corrections_heading: str
    corrections: list[str]
    nobody: str
    faults_heading: str = ''  # an interrogation's or statement's: the equipment's faults
    faults: list[str] = field(default_factory=list)
    page_footer: str = ''  # on every page: the line where the person questioned signs it


def build_form(*, court: str, hearing: Hearing, staff: Sequence[Member], names: dict[str, str],
               participants: Sequence[Participant], points: Sequence[Point], present: set[int],
               entries: Sequence[MinutesEntry], signatures: Sequence[Signature], corrections: Sequence[Correction],
               zone: ZoneInfo, lang: Lang = 'vi', facts: SessionFacts | None = None) -> MinutesForm:
    """The form of ``hearing``'s minutes. ``names``: full names by username (staff appear by name and title, never
    by username); ``present``: the participants who were admitted at some time (the roll call); ``facts``: an
    interrogation's or statement's, from the audit chain (courtroom.session_minutes)."""
    def w(key: str, **values: object) -> str:
        return WORDS.t(key, lang, **values)

    def when(at: str | None) -> str:
        return format_datetime(at, zone, seconds=False) if at else ''

    def staff_line(username: str, role: str) -> str:
        return f'{STAFF_TITLES.t(role, lang) if role in STAFF_TITLES else role} {names.get(username, username)}'

    session = hearing.kind != 'hearing'
    facts = facts or SessionFacts()

    def role_title(role: str) -> str:
        """A participant's title; in an interrogation or statement the defendant is the accused (bị can)."""
        if session and role in SESSION_ROLE_TITLES:
            return SESSION_ROLE_TITLES.t(role, lang)
        return ROLE_TITLES.t(role, lang) if role in ROLE_TITLES else role
    by_point = {p.id: p for p in points}
    central = next((p for p in points if p.kind is PointKind.CENTRAL), None)
    started = next((e.at for e in entries if e.stage == 'opening'), entries[0].at if entries else hearing.created_at)
    closed = next((e.at for e in reversed(entries) if e.stage == 'closed'), None) if hearing.stage == 'closed' \
        else None

    opening = [w('when_where', time=when(started), place=central.name if central else court)]
    if session:
        opening.append(w('announced', time=when(facts.announced_at)) if facts.announced_at else w('not_announced'))
        if facts.started_at:
            opening.append(w('session_started', time=when(facts.started_at)))
        opening += [w('session_paused', time=when(pause.at), reason=pause.reason,
                      resumed=w('session_resumed', time=when(pause.resumed_at)) if pause.resumed_at
                      else w('session_not_resumed')) for pause in facts.pauses]
    else:
        opening.append(w('closed_door' if hearing.closed_door else 'public'))
    if hearing.charges:
        opening.append(w('charges', articles=', '.join(str(c) for c in hearing.charges)))

    roles = {m.username: m.role.value for m in staff}
    conducting = [Person(STAFF_TITLES.t(role, lang), names.get(m.username, m.username))
                  for role in CONDUCTING_ORDER for m in staff if m.role.value == role]
    people = [Person(STAFF_TITLES.t('defence_counsel', lang), names.get(m.username, m.username))
              for m in staff if m.role.value == 'defence_counsel']
    order = list(ROLE_TITLES)
    for p in sorted(participants, key=lambda p: (order.index(p.role.value), p.id)):
        if p.role is ParticipantRole.COURTROOM:
            continue
        here = p.id in present or p.state.in_hearing
        point = by_point.get(p.point_id)
        note = w('present' if here else 'absent')
        if p.id_birth_date is not None:  # the background the court holds: the date of birth from their document
            note = w('born', day=p.id_birth_date.strftime('%d/%m/%Y')) + '; ' + note
        if point is not None and point.kind is not PointKind.CENTRAL:
            note += ', ' + w('remote', point=point.name)
        people.append(Person(role_title(p.role.value), p.name, note))

    sections = [Section(w('questioning' if session else 'before_opening'))]
    for e in entries:
        if e.stage in STAGE_HEADINGS and not session:  # a session's stages are its times, above
            sections.append(Section(w(STAGE_HEADINGS[e.stage])))
        speaker = ''
        if e.speaker is not None:
            if e.speaker.key.startswith('staff:'):
                speaker = staff_line(e.speaker.key.removeprefix('staff:'), e.speaker.role)
            else:
                title = role_title(e.speaker.role)
                speaker = f'{title} {e.speaker.name}'
        sections[-1].lines.append(Line(format_time(e.at, zone), speaker, e.text, e.kind == 'clerk'))
    sections = [s for s in sections if s.lines]

    signed = {s.role.value: s for s in signatures}
    boxes = []
    for role in reversed(signing_order(hearing.kind)):  # the clerk's on the left, the one who signs first right
        s = signed.get(role.value)
        member = s.username if s else next((m.username for m in staff if m.role.value == role.value), '')
        boxes.append(SignatureBox(STAFF_TITLES.t(role.value, lang).upper(), names.get(member, member),
                                  w('signed', time=when(s.at)) if s else w('unsigned')))
    point_names = {p.id: p.name for p in points}
    if session:  # the person questioned, and how they signed every page
        for p in participants:
            if p.role not in QUESTIONED:
                continue
            how = facts.signatures.get(p.id)
            note = f' ({how.note})' if how and how.note else ''
            boxes.append(SignatureBox(role_title(p.role.value).upper(), p.name,
                                      w(PERSON_SIGNED.get(how.method, 'person_paper'), time=when(how.at), note=note)
                                      if how
                                      else w('person_unsigned')))
    by_label = {f'participant:{p.id}': p for p in participants}
    fixes = []
    for c in corrections:
        asker = by_label.get(c.requested_by)
        who = staff_line(c.requested_by, roles[c.requested_by]) if c.requested_by in roles else \
            f'{role_title(asker.role.value)} {asker.name}' if asker else names.get(c.requested_by,
                                                                                          c.requested_by)
        line = w('correction', who=who, time=when(c.requested_at), text=c.text)
        outcome = w('pending') if c.state == 'requested' else \
            w('accepted_session' if session else 'accepted', time=when(c.decided_at)) if c.state == 'accepted' \
            else w('refused_session' if session else 'refused', time=when(c.decided_at), reason=c.reason or '')
        fixes.append(f'{line} — {outcome}')
    faults = [w(FAULT_WORDS[action], time=when(at), point=point_names.get(details.get('point_id'), '?'))
              for at, action, details in facts.faults if action in FAULT_WORDS] or [w('no_faults')]
    ending = w('session_ended' if session else 'ended', time=when(closed)) if closed else \
        w('session_not_ended' if session else 'not_ended')
    return MinutesForm(
        court=court.upper(), nation=w('nation'), motto=w('motto'),
        title=w('title_appeal' if is_appeal(hearing) else TITLES.get(hearing.kind, 'title_hearing')),
        case_line=w('case', case_number=hearing.case_number, title=hearing.title), opening=opening,
        conducting_heading=w('conducting'), conducting=conducting, participants_heading=w('participants'),
        participants=people, proceedings_heading=w('proceedings_session' if session else 'proceedings'),
        sections=sections, ending=ending,
        signatures_heading=w('signatures'), signatures=boxes, corrections_heading=w('corrections'),
        corrections=fixes, nobody=w('nobody'), faults_heading=w('faults') if session else '',
        faults=faults if session else [], page_footer=w('page_signature') if session else '')


def is_appeal(hearing: Hearing) -> bool:
    """An appeal hearing (phúc thẩm: form 23-HS), by its case number's kind, as courts number them: …/HSPT."""
    return hearing.kind == 'hearing' and re.search(r'/HSPT\b', hearing.case_number.upper()) is not None


def present_participants(audit_actions: Sequence[tuple[str, dict]]) -> set[int]:
    """The participants admitted at some time, from the audit chain's (action, details)."""
    return {int(d['participant_id']) for a, d in audit_actions
            if a in ('admitted', 'joined') and isinstance(d.get('participant_id'), int)}

