"""Staff roles (GLOSSARY.md codes) and what each may do. Pure functions of values."""

from __future__ import annotations

from enum import StrEnum

from .errors import Forbidden, InvalidInput


class Role(StrEnum):
    ADMIN = 'admin'
    CLERK = 'clerk'
    PRESIDING_JUDGE = 'presiding_judge'
    JUDGE = 'judge'
    ASSESSOR = 'assessor'
    PROCURATOR = 'procurator'
    DEFENCE_COUNSEL = 'defence_counsel'

    @classmethod
    def parse(cls, value: str) -> Role:
        try:
            return cls(value)
        except ValueError:
            raise InvalidInput('unknown_role', role=value, roles=', '.join(r.value for r in cls)) from None


class Action(StrEnum):
    CREATE_HEARING = 'create_hearing'
    VIEW_HEARING = 'view_hearing'
    IMPORT_BUNDLE = 'import_bundle'
    VIEW_EXHIBITS = 'view_exhibits'
    MANAGE_USERS = 'manage_users'
    MANAGE_SCREENS = 'manage_screens'
    PREVIEW = 'preview'
    PUBLISH = 'publish'
    PRESENTER_BLANK = 'presenter_blank'
    APPROVE = 'approve'
    RESTRICT = 'restrict'
    CONFIGURE_HEARING = 'configure_hearing'
    MANAGE_PARTICIPANTS = 'manage_participants'  # points, participants, join links
    ADMIT = 'admit'  # roll call: identity checks, admitting or turning away
    CONTROL_PARTICIPANTS = 'control_participants'  # mute, remove
    CONTROL_STAGE = 'control_stage'  # move the hearing through its stages, suspend, postpone
    RECORD = 'record'  # start and stop the recording
    KEEP_MINUTES = 'keep_minutes'
    EXPORT_RECORD = 'export_record'
    MARK = 'mark'  # draw marks on a page and delete them
    REDACT = 'redact'  # draw redaction boxes on a page and delete them
    SEE_UNREDACTED = 'see_unredacted'  # see a page's original under its redactions (staff page images)
    EDIT_MAP = 'edit_map'  # make, import, edit and share case maps (courtroom.case_map)


_ALL_STAFF = frozenset(Role)
_SETUP = frozenset({Role.ADMIN, Role.CLERK})

PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.CREATE_HEARING: _SETUP,
    Action.IMPORT_BUNDLE: _SETUP | {Role.PROCURATOR},
    Action.VIEW_HEARING: _ALL_STAFF,
    Action.VIEW_EXHIBITS: _ALL_STAFF,
    Action.MANAGE_USERS: frozenset({Role.ADMIN}),
    Action.MANAGE_SCREENS: _SETUP,
    Action.PREVIEW: frozenset({Role.PROCURATOR, Role.PRESIDING_JUDGE, Role.JUDGE}),
    Action.PUBLISH: frozenset({Role.PROCURATOR, Role.PRESIDING_JUDGE}),
    Action.PRESENTER_BLANK: frozenset({Role.PROCURATOR}),
    Action.APPROVE: frozenset({Role.PRESIDING_JUDGE}),
    Action.RESTRICT: frozenset({Role.CLERK, Role.PRESIDING_JUDGE, Role.JUDGE}),
    Action.CONFIGURE_HEARING: frozenset({Role.ADMIN, Role.CLERK, Role.PRESIDING_JUDGE}),
    Action.MANAGE_PARTICIPANTS: _SETUP,
    Action.ADMIT: frozenset({Role.CLERK, Role.PRESIDING_JUDGE}),
    Action.CONTROL_PARTICIPANTS: frozenset({Role.CLERK, Role.PRESIDING_JUDGE}),
    Action.CONTROL_STAGE: frozenset({Role.PRESIDING_JUDGE}),
    Action.RECORD: frozenset({Role.CLERK, Role.PRESIDING_JUDGE}),
    Action.KEEP_MINUTES: frozenset({Role.CLERK}),
    Action.EXPORT_RECORD: frozenset({Role.ADMIN, Role.CLERK, Role.PRESIDING_JUDGE, Role.JUDGE}),
    Action.MARK: frozenset({Role.PROCURATOR, Role.CLERK, Role.PRESIDING_JUDGE}),
    Action.REDACT: frozenset({Role.PROCURATOR, Role.CLERK, Role.PRESIDING_JUDGE}),
    Action.SEE_UNREDACTED: frozenset({Role.PROCURATOR, Role.CLERK, Role.PRESIDING_JUDGE, Role.JUDGE, Role.ASSESSOR}),
    Action.EDIT_MAP: frozenset({Role.PROCURATOR}),
}

# the trial panel (hội đồng xét xử): the one audience that sees what is under a redaction, in search too
PANEL_ROLES = frozenset({Role.PRESIDING_JUDGE, Role.JUDGE, Role.ASSESSOR})


def may(role: Role, action: Action) -> bool:
    return role in PERMISSIONS[action]


# An online interrogation or statement (hỏi cung, lấy lời khai) is led by the procurator (or investigator), who
# moves it through its stages, records it and keeps its record.
SESSION_LEADS: dict[Action, frozenset[Role]] = {
    Action.CONTROL_STAGE: frozenset({Role.PROCURATOR}),
    Action.RECORD: frozenset({Role.PROCURATOR}),
    Action.KEEP_MINUTES: frozenset({Role.PROCURATOR}),
    Action.MANAGE_PARTICIPANTS: frozenset({Role.PROCURATOR}),
    Action.ADMIT: frozenset({Role.PROCURATOR}),
}


def may_in(role: Role, action: Action, kind: str) -> bool:
    """``may``, for a session of ``kind`` ('hearing', 'interrogation', 'statement')."""
    return may(role, action) or (kind != 'hearing' and role in SESSION_LEADS.get(action, frozenset()))


def require_in(role: Role, action: Action, kind: str) -> None:
    if not may_in(role, action, kind):
        raise Forbidden('forbidden_role', role=role.value, action=action.value)


def require(role: Role, action: Action) -> None:
    """Refuse with a named error when ``role`` may not do ``action``."""
    if not may(role, action):
        raise Forbidden('forbidden_role', role=role.value, action=action.value)
