"""The redactions part of the REST API: black boxes over parts of an exhibit page (courtroom.redactions), burned
into the page images of every audience but the trial panel (media.redact). Same conventions as presenter.api; who
may redact is the domain's rule (Action.REDACT)."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from courtroom.roles import Action, require
from courtroom.users import User

from .services import Services


class RedactionIn(BaseModel):
    page: int = Field(description='the exhibit page, from 1')
    box: Any = Field(description='[x0, y0, x1, y1] within 0..1 of the page, from its top left; each side at least '
                                 '0.5 % of the page')


def redactions_routes(router: APIRouter, services: Services, current_user: Callable[..., User]) -> None:
    Authed = Annotated[User, Depends(current_user)]

    @router.post('/exhibits/{exhibit_id}/redactions', status_code=201, tags=['redactions'])
    def add_redaction(exhibit_id: int, body: RedactionIn, user: Authed) -> dict[str, Any]:
        return services.redactions.add(user, exhibit_id=exhibit_id, page=body.page, box=body.box).to_api()

    @router.get('/exhibits/{exhibit_id}/redactions', tags=['redactions'])
    def list_redactions(exhibit_id: int, user: Authed) -> list[dict[str, Any]]:
        require(user.role, Action.VIEW_EXHIBITS)
        return [r.to_api() for r in services.redactions.of_exhibit(exhibit_id)]

    @router.get('/hearings/{hearing_id}/redactions/pending', tags=['redactions'])
    def pending_redactions(hearing_id: int, user: Authed) -> list[dict[str, Any]]:
        """The boxes waiting for the presiding judge's approval (when the hearing requires it)."""
        require(user.role, Action.VIEW_HEARING)
        services.hearings.get(hearing_id)
        return [r.to_api() for r in services.redactions.pending(hearing_id)]

    @router.post('/redactions/{redaction_id}/approve', tags=['redactions'])
    def approve_redaction(redaction_id: int, user: Authed) -> dict[str, Any]:
        """The presiding judge keeps a box; to reject it, delete it."""
        return services.redactions.approve(redaction_id, user).to_api()

    @router.delete('/redactions/{redaction_id}', tags=['redactions'])
    def delete_redaction(redaction_id: int, user: Authed) -> dict[str, Any]:
        return services.redactions.delete(redaction_id, user).to_api()
