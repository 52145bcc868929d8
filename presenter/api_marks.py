"""The marks part of the REST API: marks on an exhibit page during a hearing (courtroom.marks). Same conventions as
presenter.api; who may mark is the domain's rule (Action.MARK)."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from courtroom.roles import Action, require
from courtroom.users import User

from .services import Services


class MarkIn(BaseModel):
    exhibit_id: int
    page: int
    kind: str = Field(max_length=100, description='highlight, pen, arrow, rect, ellipse or text')
    points: list[Any] = Field(description='[[x, y], …] within 0..1 of the page, from its top left; a rect, ellipse or '
                                          "text callout gives its box's two corners")
    color: str | None = Field(default=None, max_length=100,
                              description='yellow (default for highlight), red (default otherwise), green, blue, black')
    text: str | None = Field(default=None, description="a text callout's text, at most 500 characters")


def marks_routes(router: APIRouter, services: Services, current_user: Callable[..., User]) -> None:
    Authed = Annotated[User, Depends(current_user)]

    @router.post('/hearings/{hearing_id}/marks', status_code=201, tags=['marks'])
    def add_mark(hearing_id: int, body: MarkIn, user: Authed) -> dict[str, Any]:
        return services.marks.add(hearing_id, user, exhibit_id=body.exhibit_id, page=body.page, kind=body.kind,
                                  points=body.points, color=body.color, text=body.text).to_api()

    @router.get('/exhibits/{exhibit_id}/pages/{page}/marks', tags=['marks'])
    def page_marks(exhibit_id: int, page: int, user: Authed) -> list[dict[str, Any]]:
        require(user.role, Action.VIEW_EXHIBITS)
        return [m.to_api() for m in services.marks.of_exhibit_page(exhibit_id, page)]

    @router.delete('/marks/{mark_id}', tags=['marks'])
    def delete_mark(mark_id: int, user: Authed) -> dict[str, Any]:
        return services.marks.delete(mark_id, user).to_api()
