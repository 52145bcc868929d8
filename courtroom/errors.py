"""The domain's errors. Each carries a stable code and the values its message names; the message itself is
translated at the edge (courtroom.messages), so the core never decides the user's language."""

from __future__ import annotations

from typing import Any


class CourtroomError(Exception):
    """Base of every error a user may see. ``status`` is the HTTP status the API answers with."""

    status = 400

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(f'{code} {params}' if params else code)


class InvalidInput(CourtroomError):
    status = 400


class Unprocessable(CourtroomError):
    """The input is well-formed but cannot be accepted (a broken PDF, an encrypted one, a disguised file)."""

    status = 422


class TooLarge(CourtroomError):
    status = 413


class DiskFull(CourtroomError):
    """The data folder's disk has no room left: nothing was kept of what was being written."""
    status = 507


class UnsupportedType(CourtroomError):
    status = 415


class NotFound(CourtroomError):
    status = 404


class Conflict(CourtroomError):
    status = 409


class Unauthorized(CourtroomError):
    status = 401


class Forbidden(CourtroomError):
    status = 403


class TooManyAttempts(CourtroomError):
    """Too many wrong sign-ins: ``seconds`` to wait, which the API sends as Retry-After."""

    status = 429
