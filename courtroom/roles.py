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


_ALL_STAFF = frozenset(Role)
_SETUP = frozenset({Role.ADMIN, Role.CLERK})

PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.CREATE_HEARING: _SETUP,
    Action.IMPORT_BUNDLE: _SETUP | {Role.PROCURATOR},
    Action.VIEW_HEARING: _ALL_STAFF,
    Action.VIEW_EXHIBITS: _ALL_STAFF,
    Action.MANAGE_USERS: frozenset({Role.ADMIN}),
}


def may(role: Role, action: Action) -> bool:
    return role in PERMISSIONS[action]


def require(role: Role, action: Action) -> None:
    """Refuse with a named error when ``role`` may not do ``action``."""
    if not may(role, action):
        raise Forbidden('forbidden_role', role=role.value, action=action.value)
