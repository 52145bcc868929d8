"""Texts chosen by a value at run time. Each value names its key here, in full, so that tests/test_i18n.py
sees every key a page may ask for (and checks that a map keyed by an enum has every member)."""

from __future__ import annotations

from courtroom.exhibits import Disclosure, ExhibitKind
from courtroom.participants import ParticipantRole, ParticipantState
from courtroom.points import PointKind
from courtroom.roles import Role
from courtroom.visibility import Audience, ViewState

MAP_MARKER_KEYS: dict[str, str] = {  # courtroom.case_map.MARKERS
    'for': 'map_marker_for', 'against': 'map_marker_against', 'clarify': 'map_marker_clarify', 'key': 'map_marker_key',
}
ROLE_KEYS: dict[str, str] = {
    Role.ADMIN: 'role_admin', Role.CLERK: 'role_clerk', Role.PRESIDING_JUDGE: 'role_presiding_judge',
    Role.JUDGE: 'role_judge', Role.ASSESSOR: 'role_assessor', Role.PROCURATOR: 'role_procurator',
    Role.DEFENCE_COUNSEL: 'role_defence_counsel',
}
EXHIBIT_KIND_KEYS: dict[str, str] = {
    ExhibitKind.DOCUMENT: 'kind_document', ExhibitKind.IMAGE: 'kind_image', ExhibitKind.AUDIO: 'kind_audio',
    ExhibitKind.VIDEO: 'kind_video',
}
SESSION_KIND_KEYS: dict[str, str] = {  # courtroom.hearings.KINDS
    'hearing': 'int_kind_hearing', 'interrogation': 'int_kind_interrogation', 'statement': 'int_kind_statement',
}
DISCLOSURE_KEYS: dict[str, str] = {
    Disclosure.UNDISCLOSED: 'bench_badge_undisclosed', Disclosure.ON_DISPLAY: 'bench_badge_on_display',
    Disclosure.EXAMINED: 'bench_badge_examined',
}
BENCH_AUDIENCE_KEYS: dict[str, str] = {  # short, for chips
    Audience.PANEL: 'bench_aud_panel', Audience.PUBLIC: 'bench_aud_public', Audience.WITNESS: 'bench_aud_witness',
    Audience.COUNSEL: 'bench_aud_counsel', Audience.OBSERVER: 'bench_aud_observer',
}
CLERK_AUDIENCE_KEYS: dict[str, str] = {  # long, for the clerk choosing a screen's audience
    Audience.PANEL: 'clerk_aud_panel', Audience.PUBLIC: 'clerk_aud_public', Audience.WITNESS: 'clerk_aud_witness',
    Audience.COUNSEL: 'clerk_aud_counsel', Audience.OBSERVER: 'clerk_aud_observer',
}
VIEW_KEYS: dict[str, str] = {  # what an audience's screens show, as the judge's panel says it
    ViewState.IDLE: 'judge_view_idle', ViewState.SHOWING: 'judge_view_showing', ViewState.BLANK: 'judge_view_blank',
    ViewState.RESTRICTED: 'judge_view_restricted',
}
ACK_KEYS: dict[str, str] = {  # what a screen reports it has painted, on the bench's chips
    ViewState.IDLE: 'bench_ack_idle', ViewState.SHOWING: 'bench_ack_showing', ViewState.BLANK: 'bench_ack_blank',
    ViewState.RESTRICTED: 'bench_ack_restricted',
}
ACTION_KEYS: dict[str, str] = {  # audit actions, in the judge's audit log
    'published': 'judge_act_published', 'publish_requested': 'judge_act_publish_requested',
    'publish_approved': 'judge_act_publish_approved', 'publish_rejected': 'judge_act_publish_rejected',
    'cleared': 'judge_act_cleared', 'kill_switch_on': 'judge_act_kill_switch_on',
    'kill_switch_off': 'judge_act_kill_switch_off', 'blank_on': 'judge_act_blank_on',
    'blank_off': 'judge_act_blank_off', 'restricted': 'judge_act_restricted',
    'unrestricted': 'judge_act_unrestricted', 'hearing_configured': 'judge_act_hearing_configured',
    'screen_added': 'judge_act_screen_added', 'bundle_imported': 'judge_act_bundle_imported',
    'hearing_created': 'judge_act_hearing_created',
    'point_outage': 'ctl_act_point_outage', 'point_restored': 'ctl_act_point_restored', 'muted': 'ctl_act_muted',
    'unmuted': 'ctl_act_unmuted', 'removed': 'ctl_act_removed', 'link_revoked': 'ctl_act_link_revoked',
    'hand_raised': 'ctl_act_hand_raised', 'hand_lowered': 'ctl_act_hand_lowered', 'admitted': 'ctl_act_admitted',
    'joined': 'ctl_act_joined', 'left': 'ctl_act_left',
    'mark_added': 'judge_act_mark_added', 'mark_deleted': 'judge_act_mark_deleted',
    'laser_on': 'judge_act_laser_on', 'laser_off': 'judge_act_laser_off',
    'playback_play': 'judge_act_playback_play', 'playback_pause': 'judge_act_playback_pause',
    'playback_seek': 'judge_act_playback_seek', 'playback_rate': 'judge_act_playback_rate',
    'playback_clip': 'judge_act_playback_clip', 'clip_saved': 'judge_act_clip_saved',
    'screen_audio_output': 'judge_act_screen_audio_output',
    'treatment_saved': 'judge_act_treatment_saved', 'treatment_shown': 'judge_act_treatment_shown',
    'treatment_deleted': 'judge_act_treatment_deleted',
    'redaction_added': 'judge_act_redaction_added', 'redaction_deleted': 'judge_act_redaction_deleted',
    'redaction_approved': 'judge_act_redaction_approved',
}
POINT_KIND_KEYS: dict[str, str] = {
    PointKind.CENTRAL: 'hybrid_kind_central', PointKind.DETENTION_FACILITY: 'hybrid_kind_detention_facility',
    PointKind.COURT: 'hybrid_kind_court', PointKind.OTHER: 'hybrid_kind_other',
}
PARTICIPANT_ROLE_KEYS: dict[str, str] = {
    ParticipantRole.DEFENDANT: 'hybrid_role_defendant', ParticipantRole.VICTIM: 'hybrid_role_victim',
    ParticipantRole.PARTY: 'hybrid_role_party', ParticipantRole.PLAINTIFF: 'hybrid_role_plaintiff',
    ParticipantRole.RESPONDENT: 'hybrid_role_respondent',
    ParticipantRole.DEFENCE_COUNSEL: 'hybrid_role_defence_counsel',
    ParticipantRole.REPRESENTATIVE: 'hybrid_role_representative', ParticipantRole.WITNESS: 'hybrid_role_witness',
    ParticipantRole.EXPERT: 'hybrid_role_expert', ParticipantRole.INTERPRETER: 'hybrid_role_interpreter',
    ParticipantRole.DETENTION_OFFICER: 'hybrid_role_detention_officer',
    ParticipantRole.OBSERVER: 'hybrid_role_observer', ParticipantRole.COURTROOM: 'hybrid_role_courtroom',
}
PARTICIPANT_STATE_KEYS: dict[str, str] = {
    ParticipantState.INVITED: 'hybrid_state_invited', ParticipantState.WAITING: 'hybrid_state_waiting',
    ParticipantState.ADMITTED: 'hybrid_state_admitted', ParticipantState.CONNECTED: 'hybrid_state_connected',
    ParticipantState.DISCONNECTED: 'hybrid_state_disconnected', ParticipantState.REFUSED: 'hybrid_state_refused',
    ParticipantState.REVOKED: 'hybrid_state_revoked',
}
ID_DOCUMENT_KEYS: dict[str, str] = {  # courtroom.participants.ID_DOCUMENT_TYPES, short, for the clerk
    'citizen_id': 'hybrid_id_citizen_id', 'passport': 'hybrid_id_passport', 'lawyer_card': 'hybrid_id_lawyer_card',
    'legal_aid_card': 'hybrid_id_legal_aid_card', 'other': 'hybrid_id_other',
}
QR_FIELD_KEYS: dict[str, str] = {  # courtroom.identity.compare's fields
    'id_number': 'hybrid_qr_field_id_number', 'name': 'hybrid_qr_field_name',
    'birth_date': 'hybrid_qr_field_birth_date',
}
QR_PROBLEM_KEYS: dict[str, str] = {  # courtroom.identity.number_problems
    'id_number_shape': 'hybrid_qr_problem_id_number_shape', 'id_province': 'hybrid_qr_problem_id_province',
    'id_sex': 'hybrid_qr_problem_id_sex', 'id_birth_year': 'hybrid_qr_problem_id_birth_year',
}
JOIN_DOCUMENT_KEYS: dict[str, str] = {  # the same documents in full, for the participant
    'citizen_id': 'join_doc_citizen_id', 'passport': 'join_doc_passport', 'lawyer_card': 'join_doc_lawyer_card',
    'legal_aid_card': 'join_doc_legal_aid_card', 'other': 'join_doc_other',
}
DEVICE_CHECK_KEYS: dict[str, str] = {  # the outcomes static/join.js reports
    'ok': 'join_device_ok', 'audio_only': 'join_audio_only', 'denied': 'join_denied', 'missing': 'join_missing',
    'error': 'join_device_error',
}
CALL_STATE_KEYS: dict[str, str] = {  # RTCPeerConnection's connection states, and the page's own reconnecting
    'new': 'join_rtc_new', 'connecting': 'join_rtc_connecting', 'connected': 'join_rtc_connected',
    'disconnected': 'join_rtc_disconnected', 'failed': 'join_rtc_failed', 'closed': 'join_rtc_closed',
    'reconnecting': 'join_rtc_reconnecting',
}
PROBLEM_KEYS: dict[str, str] = {  # why a recorded segment fails its check (presenter/pages/review.py)
    'missing': 'rec_problem_missing', 'hash': 'rec_problem_hash', 'not_in_chain': 'rec_problem_not_in_chain',
    'chain_differs': 'rec_problem_chain_differs',
}
