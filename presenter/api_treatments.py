"""The treatments part of the REST API: a page's marks saved under a name and shown again (courtroom.treatments).
Same conventions as presenter.api; who may is the domain's rule (Action.MARK, and Action.PUBLISH to publish)."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from courtroom.roles import Action, require
from courtroom.users import User

from .services import Services


class TreatmentIn(BaseModel):
    name: str = Field(description='1..100 characters, unique in the hearing (whatever the case)')
    exhibit_id: int
    page: int
    region: list[float] | None = Field(default=None, description='[x0, y0, x1, y1] within 0..1, the zoom region')


class ShowTreatmentIn(BaseModel):
    publish: bool = Field(default=False, description='publish the page with its region (approval rules apply); '
                                                     'otherwise it is previewed')


def treatments_routes(router: APIRouter, services: Services, current_user: Callable[..., User]) -> None:
    Authed = Annotated[User, Depends(current_user)]

    @router.post('/hearings/{hearing_id}/treatments', status_code=201, tags=['marks'])
    def save_treatment(hearing_id: int, body: TreatmentIn, user: Authed) -> dict[str, Any]:
        """The page's marks as they are now, and the region, saved under ``name``."""
        return services.treatments.save(hearing_id, user, name=body.name, exhibit_id=body.exhibit_id,
                                        page=body.page, region=body.region).to_api()

    @router.get('/hearings/{hearing_id}/treatments', tags=['marks'])
    def list_treatments(hearing_id: int, user: Authed) -> list[dict[str, Any]]:
        require(user.role, Action.VIEW_EXHIBITS)
        return [t.to_api() for t in services.treatments.of_hearing(hearing_id)]

    @router.post('/treatments/{treatment_id}/show', tags=['marks'])
    def show_treatment(treatment_id: int, user: Authed, body: ShowTreatmentIn | None = None) -> dict[str, Any]:
        """The treatment's marks in place of the page's, then the page previewed, or published with ``publish``."""
        shown = services.treatments.show(treatment_id, user, publish=bool(body and body.publish))
        return {**shown.treatment.to_api(), 'mark_ids': [m.id for m in shown.marks],
                'state': shown.state.to_api() if shown.state else None}

    @router.delete('/treatments/{treatment_id}', tags=['marks'])
    def delete_treatment(treatment_id: int, user: Authed) -> dict[str, Any]:
        return services.treatments.delete(treatment_id, user).to_api()
