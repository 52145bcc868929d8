"""The hearing's minutes (biên bản phiên tòa): what the clerk writes, and the automatic entries (stage changes,
exhibits shown, participants joining and leaving, outages, recording) read from the audit chain, so nothing is
kept twice. Every entry has its time and, when the hearing was being recorded then, its place in the recording."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from . import audit
from .court_time import format_duration
from .errors import Conflict, InvalidInput, NotFound
from .events import Event
from .i18n import Catalogue, Lang
from .store import Store

MAX_TEXT = 5000

STAGE_NAMES = Catalogue('stage names', {  # by Stage value
    'preparing': ('Chuẩn bị', 'Preparing'), 'opening': ('Khai mạc', 'Opening'),
    'examination': ('Xét hỏi', 'Examination'), 'arguments': ('Tranh luận', 'Arguments'),
    'deliberation': ('Nghị án', 'Deliberation'), 'pronouncement': ('Tuyên án', 'Pronouncement of judgment'),
    'suspended': ('Tạm ngừng', 'Suspended'), 'postponed': ('Hoãn', 'Postponed'), 'closed': ('Kết thúc', 'Closed'),
})

# the automatic entries by audit action, with {names} from the entry's details and the lookups below
AUTOMATIC = Catalogue('automatic minutes', {
    'stage_changed': ('Phiên tòa chuyển sang giai đoạn {to_name}{why}', 'The hearing moves to {to_name}{why}'),
    'published': ('Trình chiếu {exhibit}, trang {page}{bl}{beside}', 'Shown: {exhibit}, page {page}{bl}{beside}'),
    'publish_approved': ('Chủ tọa cho trình chiếu {exhibit}, trang {page}{bl}{beside}',
                         'Approved and shown: {exhibit}, page {page}{bl}{beside}'),
    'treatment_shown': ('Trình chiếu {exhibit}, trang {page}{bl} với bản đánh dấu “{name}”',
                        'Shown: {exhibit}, page {page}{bl} with the treatment “{name}”'),
    'playback_play': ('Phát {exhibit} từ {start}', 'Played: {exhibit}, from {start}'),
    'playback_clip': ('Phát đoạn “{clip}” của {exhibit}, từ {start} đến {end}',
                      'Played the clip “{clip}” of {exhibit}, from {start} to {end}'),
    'cleared': ('Kết thúc trình chiếu {exhibit}', 'Taken off the screens: {exhibit}'),
    'map_published': ('Kiểm sát viên trình chiếu sơ đồ tư duy “{title}”{branch_words}',
                      'The procurator shows the case map “{title}”{branch_words}'),
    'kill_switch_on': ('Chủ tọa tắt mọi màn hình', 'The presiding judge blanks every screen'),
    'kill_switch_off': ('Chủ tọa mở lại màn hình', 'The presiding judge restores the screens'),
    'identity_checked': ('Đối chiếu căn cước công dân số {id_number} của {participant} bằng mã QR: {outcome}',
                         'The ID card no. {id_number} of {participant} is checked by its QR code: {outcome}'),
    'id_checked': ('Đối chiếu giấy tờ tùy thân của {participant} bằng mắt: {outcome}',
                   'The identity document of {participant} is checked by eye: {outcome}'),
    'admitted': ('{participant} được vào phiên tòa', '{participant} is admitted'),
    'turned_away': ('{participant} không được vào phiên tòa', '{participant} is not admitted'),
    'joined': ('{participant} kết nối', '{participant} connects'),
    'left': ('{participant} mất kết nối', '{participant} disconnects'),
    'removed': ('{participant} bị mời ra khỏi phiên tòa', '{participant} is removed'),
    'point_outage': ('Điểm cầu {point} mất kết nối', 'Connection point {point} is lost'),
    'point_restored': ('Điểm cầu {point} kết nối lại', 'Connection point {point} is back'),
    'recording_started': ('Bắt đầu ghi âm, ghi hình', 'Recording starts'),
    'recording_stopped': ('Dừng ghi âm, ghi hình', 'Recording stops'),
    'recording_gap': (
        'Gián đoạn ghi âm, ghi hình; tiếp tục ghi ở chuỗi mới', 'Recording interrupted; it goes on in a new series',
    ),
    'recording_halted': ('Ghi âm, ghi hình dừng lại vì {why}', 'Recording stops: {why}'),
    'recording_announced': ('Thông báo cho người được hỏi biết việc hỏi cung, lấy lời khai được ghi âm, ghi hình có '
                            'âm thanh', 'The person questioned is told that the session is recorded with sound and '
                            'picture'),
    'person_signature': ('{participant} ký từng trang biên bản {how}{note}',
                         '{participant} signs every page of the minutes {how}{note}'),
    # an interrogation's or statement's stages, in its own words (courtroom.session_minutes)
    'session_started': ('Bắt đầu hỏi cung, lấy lời khai', 'The questioning starts'),
    'session_paused': ('Tạm dừng{why}', 'Paused{why}'),
    'session_resumed': ('Tiếp tục hỏi cung, lấy lời khai', 'The questioning resumes'),
    'session_ended': ('Kết thúc hỏi cung, lấy lời khai', 'The questioning ends'),
})
# the words of an entry that are not an action of their own
PHRASES = Catalogue('minutes phrases', {
    'resume_on': ('mở lại ngày {day}', 'to resume on {day}'),
    'beside': ('; song song bên cạnh: {exhibit}, trang {page}{bl}', '; side by side with {exhibit}, page {page}{bl}'),
    'map_branch': (', nhánh “{branch}”', ', branch “{branch}”'),
    'the_map': ('sơ đồ tư duy', 'the case map'),
    'id_match': ('khớp với hồ sơ', 'it matches the record'),
    'id_mismatch': ('không khớp ({fields})', 'it does not match ({fields})'),
    'id_by_eye_ok': ('khớp', 'it matches'),
    'id_by_eye_bad': ('không khớp{note}', 'it does not match{note}'),
    'field_id_number': ('số định danh', 'ID number'),
    'field_name': ('họ tên', 'name'),
    'field_birth_date': ('ngày sinh', 'date of birth'),
    'sign_paper': ('trên bản in giấy', 'on the printed pages'),
    'sign_point': ('tại điểm cầu của mình', 'at their connection point'),
    'field_number': ('số thẻ không đúng cấu trúc', 'the number\'s structure'),
    'halt_disk_full': ('ổ đĩa của máy chủ đã đầy', 'the server\'s disk is full'),
})
SIGNED_HOW = {'paper': 'sign_paper', 'point': 'sign_point'}  # how the person questioned signed every page
HALTED_BY = {'disk_full': 'halt_disk_full'}  # why recording halted (courtroom.recordings.Recordings.halt)
FIELD_PHRASES = {'id_number': 'field_id_number', 'name': 'field_name', 'birth_date': 'field_birth_date'}


@dataclass(slots=True, kw_only=True, frozen=True)
class Speaker:
    """Who speaks in a typed entry: a participant of the hearing or someone on its staff."""
    key: str  # participant:{id} or staff:{username}
    name: str
    role: str  # the participant's role, or the staff member's on this hearing

    def to_api(self) -> dict[str, str]:
        return {'key': self.key, 'name': self.name, 'role': self.role}


@dataclass(slots=True, kw_only=True, frozen=True)
class MinutesEntry:
    at: str  # ISO time, UTC
    kind: str  # 'clerk' or the audit action it comes from
    author: str
    text: str
    recording: str | None  # "series +mm:ss" when the hearing was being recorded then
    id: int | None = None  # a typed entry's own number (automatic entries have none: they are the audit's)
    speaker: Speaker | None = None
    stage: str | None = None  # a stage change's new stage (the form starts a section there)

    def to_api(self) -> dict[str, Any]:
        return {'id': self.id, 'at': self.at, 'kind': self.kind, 'author': self.author, 'text': self.text,
                'recording': self.recording, 'speaker': self.speaker.to_api() if self.speaker else None}


def _seconds(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()


class Minutes:
    def __init__(self, store: Store) -> None:
        self._store = store
        self.changed: Event[int] = Event()

    def write(self, hearing_id: int, text: str, *, author: str, speaker: str | None = None) -> int:
        """The clerk's entry, exactly as written (kept verbatim; only its ends are trimmed), with who is speaking
        (``participant:{id}`` or ``staff:{username}``, of this hearing); audited. Its id."""
        text = verbatim(text)
        at = datetime.now(UTC).isoformat(timespec='microseconds')  # as precise as the audit log it merges with
        with self._store.transaction() as db:
            if db.execute('SELECT 1 FROM hearings WHERE id = ?', (hearing_id,)).fetchone() is None:
                raise NotFound('hearing_not_found', hearing_id=hearing_id)
            require_unsigned(db, hearing_id)
            _check_speaker(db, hearing_id, speaker)
            cursor = db.execute('INSERT INTO minutes (hearing_id, at, author, text, speaker) VALUES (?, ?, ?, ?, ?)',
                                (hearing_id, at, author, text, speaker))
            entry_id = int(cursor.lastrowid or 0)
            audit.append(db, hearing_id, author, 'minutes_entry',
                         {'entry_id': entry_id, 'text': text, **({'speaker': speaker} if speaker else {})})
        self.changed.emit(hearing_id)
        return entry_id

    def edit(self, entry_id: int, *, text: str | None, speaker: str | None, actor: str,
             speaker_given: bool = False) -> int:
        """A typed entry corrected before the minutes are signed (its text, or who spoke); the audit keeps what
        it said before. Its hearing's id."""
        with self._store.transaction() as db:
            row = db.execute('SELECT hearing_id, text, speaker FROM minutes WHERE id = ?', (entry_id,)).fetchone()
            if row is None:
                raise NotFound('minutes_entry_not_found', entry_id=entry_id)
            hearing_id = int(row['hearing_id'])
            require_unsigned(db, hearing_id)
            new_text = verbatim(text) if text is not None else row['text']
            new_speaker = speaker if speaker_given else row['speaker']
            _check_speaker(db, hearing_id, new_speaker)
            db.execute('UPDATE minutes SET text = ?, speaker = ?, edited_at = ? WHERE id = ?',
                       (new_text, new_speaker, datetime.now(UTC).isoformat(timespec='microseconds'), entry_id))
            audit.append(db, hearing_id, actor, 'minutes_entry_edited',
                         {'entry_id': entry_id, 'before': {'text': row['text'], 'speaker': row['speaker']},
                          'after': {'text': new_text, 'speaker': new_speaker}})
        self.changed.emit(hearing_id)
        return hearing_id

    def digest(self, hearing_id: int) -> str:
        """The SHA-256 of the minutes' content as signed: every entry's time, kind, author, speaker and words (not
        the recording positions, which a segment closing later may add)."""
        content = [{k: v for k, v in e.to_api().items() if k != 'recording'} for e in self.entries(hearing_id)]
        return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()

    def speakers(self, hearing_id: int) -> list[Speaker]:
        """Who may be named as speaking: the hearing's staff, then its participants (not the courtroom's PC)."""
        with self._store.read() as db:
            return _speakers(db, hearing_id)

    def entries(self, hearing_id: int, lang: Lang = 'vi') -> list[MinutesEntry]:
        """The minutes: the typed entries and the system's, in time order. Once signed (the clerk signs last),
        they end there: a participant opening their page afterwards to read them is in the audit log, not in the
        minutes the two signed."""
        with self._store.read() as db:
            written = db.execute('SELECT at, author, text, id, speaker FROM minutes WHERE hearing_id = ? ORDER BY id',
                                 (hearing_id,)).fetchall()
            who = {s.key: s for s in _speakers(db, hearing_id, everyone=True)}
            kind = (db.execute('SELECT kind FROM hearings WHERE id = ?', (hearing_id,)).fetchone() or ['hearing'])[0]
            signed = db.execute("SELECT at FROM minutes_signatures WHERE hearing_id = ? AND role = 'clerk'",
                                (hearing_id,)).fetchone()
            log = db.execute('SELECT at, actor, action, details FROM audit WHERE hearing_id = ? AND at <= ?'
                             ' ORDER BY seq', (hearing_id, signed[0] if signed else '9999')).fetchall()
            exhibits = {r[0]: (r[1], r[2], r[3]) for r in db.execute(
                'SELECT id, label, title, bl_first FROM exhibits WHERE hearing_id = ?', (hearing_id,))}
            people = {r[0]: r[1] for r in db.execute('SELECT id, name FROM participants WHERE hearing_id = ?',
                                                     (hearing_id,))}
            points = {r[0]: r[1] for r in db.execute('SELECT id, name FROM points WHERE hearing_id = ?',
                                                     (hearing_id,))}
            segments = db.execute('SELECT series, MIN(started_at), MAX(ended_at) FROM segments WHERE hearing_id = ?'
                                  ' GROUP BY series ORDER BY 2', (hearing_id,)).fetchall()

        def recording_at(iso: str) -> str | None:
            t = _seconds(iso)
            for series, start, end in segments:
                if start <= t <= end:
                    offset = round(t - start)
                    return f'{series} +{format_duration(offset)}'
            return None

        out = [MinutesEntry(at=r[0], kind='clerk', author=r[1], text=r[2], recording=recording_at(r[0]), id=r[3],
                            speaker=who.get(r[4]) if r[4] else None)
               for r in written]
        def shown_words(shown: dict[str, Any]) -> tuple[str, str]:
            """An exhibit's page as the minutes name it: 'TL-001 “title”' and ' (BL 12)'."""
            label, title, bl_first = exhibits.get(shown.get('exhibit_id'), ('?', '', None))
            page = shown.get('page')
            return f'{label} “{title}”', f' (BL {bl_first + page - 1})' if bl_first is not None and page else ''

        asked: dict[tuple[Any, ...], dict[str, Any]] = {}  # a map awaiting approval → its request's words
        for at, actor, action, details_json in log:
            if action == 'publish_requested' and '"map"' in details_json:
                request = json.loads(details_json)
                shown = request['map']
                asked[(shown.get('map_id'), shown.get('version'), shown.get('branch_id'))] = request
            if action not in AUTOMATIC:
                continue
            details = json.loads(details_json)
            values: dict[str, Any] = dict(details)
            if 'exhibit_id' in details:
                values['exhibit'], values['bl'] = shown_words(details)
                beside = details.get('beside')
                values['beside'] = '' if not isinstance(beside, dict) else PHRASES.t(
                    'beside', lang, **dict(zip(('exhibit', 'bl'), shown_words(beside), strict=True)),
                    page=beside.get('page'))
            if action == 'map_published':
                request = asked.get((details.get('map_id'), details.get('map_version'), details.get('branch_id')), {})
                values.setdefault('title', request.get('title', f'#{details.get("map_id")}'))  # approved: asked for
                branch = details.get('branch', request.get('branch'))
                values['branch_words'] = PHRASES.t('map_branch', lang, branch=branch) if branch else ''
            if action == 'cleared' and 'map' in details:
                values['exhibit'] = PHRASES.t('the_map', lang)
            if action == 'identity_checked':
                wrong = [PHRASES.t(FIELD_PHRASES[name], lang) for name, ok in details.get('fields', {}).items()
                         if ok is not True and name in FIELD_PHRASES]
                if details.get('problems'):
                    wrong.append(PHRASES.t('field_number', lang))
                values['outcome'] = PHRASES.t('id_match', lang) if details.get('result') == 'match' else \
                    PHRASES.t('id_mismatch', lang, fields=', '.join(wrong))
            if action == 'id_checked':
                values['outcome'] = PHRASES.t('id_by_eye_ok', lang) if details.get('verified') else PHRASES.t(
                    'id_by_eye_bad', lang, note=f': {details["note"]}' if details.get('note') else '')
            if 'participant_id' in details:
                values['participant'] = people.get(details['participant_id'], f'#{details["participant_id"]}')
            if 'point_id' in details:
                values['point'] = points.get(details['point_id'], f'#{details["point_id"]}')
            if action.startswith('playback_'):  # where in the recording, as its player shows it
                values['start'] = format_duration(details.get('position_s'))
                values['end'] = format_duration(details.get('out_s'))
            if action == 'stage_changed':
                to = str(details.get('to'))
                values['to_name'] = STAGE_NAMES.t(to, lang) if to in STAGE_NAMES else to
                extra = details.get('reason') or ''
                if details.get('resume_on'):
                    extra = f'{extra}; {PHRASES.t("resume_on", lang, day=details["resume_on"])}'
                values['why'] = f' ({extra.strip("; ")})' if extra else ''
            if action == 'recording_halted':
                reason = str(details.get('reason'))
                values['why'] = PHRASES.t(HALTED_BY[reason], lang) if reason in HALTED_BY else reason
            if action == 'person_signature':
                method = str(details.get('method'))
                values['how'] = PHRASES.t(SIGNED_HOW[method], lang) if method in SIGNED_HOW else method
                values['note'] = f' ({details["note"]})' if details.get('note') else ''
            words = action if kind == 'hearing' or action != 'stage_changed' else _session_words(details)
            try:
                text = AUTOMATIC.t(words, lang, **values)
            except (KeyError, IndexError):
                text = action
            out.append(MinutesEntry(at=at, kind=action, author=actor, text=text, recording=recording_at(at),
                                    stage=str(details.get('to')) if action == 'stage_changed' else None))
        out.sort(key=lambda e: _seconds(e.at))
        return out


def _session_words(details: dict[str, Any]) -> str:
    """An interrogation's or statement's stage change, in its own words: it starts, pauses, resumes, ends."""
    to, was = details.get('to'), details.get('from')
    if to == 'closed':
        return 'session_ended'
    if to == 'suspended':
        return 'session_paused'
    return 'session_resumed' if was == 'suspended' else 'session_started'


def verbatim(value: str | None, field: str = 'text', limit: int = MAX_TEXT) -> str:
    """Words kept as written (only their ends trimmed), not empty, not too long: refused naming the field."""
    value = (value or '').strip()
    if not value:
        raise InvalidInput('required_field', field=field)
    if len(value) > limit:
        raise InvalidInput('field_too_long', field=field, max=limit)
    return value


def require_unsigned(db: Any, hearing_id: int) -> None:
    """Once the presiding judge and the clerk have both signed, nothing is added or changed (corrections are
    appended instead: courtroom.minutes_signing)."""
    if db.execute('SELECT COUNT(*) FROM minutes_signatures WHERE hearing_id = ?', (hearing_id,)).fetchone()[0] >= 2:
        raise Conflict('minutes_signed')


def _speakers(db: Any, hearing_id: int, everyone: bool = False) -> list[Speaker]:
    staff = [Speaker(key=f'staff:{r[0]}', name=r[1] or r[0], role=r[2]) for r in db.execute(
        'SELECT s.username, u.name, s.role FROM hearing_staff s LEFT JOIN users u ON u.username = s.username'
        ' WHERE s.hearing_id = ? ORDER BY s.role, s.username', (hearing_id,))]
    people = [Speaker(key=f'participant:{r[0]}', name=r[1], role=r[2]) for r in db.execute(
        'SELECT id, name, role FROM participants WHERE hearing_id = ? ORDER BY id', (hearing_id,))
        if everyone or r[2] != 'courtroom']
    order = {'presiding_judge': 0, 'judge': 1, 'assessor': 2, 'procurator': 3, 'clerk': 4, 'defence_counsel': 5}
    kind = db.execute('SELECT kind FROM hearings WHERE id = ?', (hearing_id,)).fetchone()
    if kind is not None and kind[0] != 'hearing':  # an interrogation or statement: the procurator asks, letter A
        order['procurator'] = -1
    return sorted(staff, key=lambda s: order.get(s.role, 9)) + people


def _check_speaker(db: Any, hearing_id: int, speaker: str | None) -> None:
    if speaker is None:
        return
    if speaker not in {s.key for s in _speakers(db, hearing_id)}:
        raise InvalidInput('minutes_unknown_speaker', speaker=speaker)
