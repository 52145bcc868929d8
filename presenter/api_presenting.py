"""The presenting part of the REST API: screens, preview and publish, blank and kill switch, approval,
restriction, hearing settings, and the audit log. Same conventions as presenter.api."""


from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from courtroom.errors import InvalidInput, NotFound
from courtroom.roles import Action, may, require
from courtroom.users import User
from courtroom.visibility import may_fetch

from .page_images import burn_for, page_image
from .services import Services
from .urls import public_base


class ScreenIn(BaseModel):
    name: str = Field(max_length=1000)
    audience: str = Field(max_length=100)
    show_video: bool = Field(default=False, description="also show the remote participants' video (public, panel)")


class ShowIn(BaseModel):
    exhibit_id: int
    page: int
    region: list[float] | None = None


class PublishItem(BaseModel):
    exhibit_id: int
    page: int
    region: list[float] | None = None


class PublishIn(BaseModel):
    """One page, ``{exhibit_id, page, region?, side?}``, or one or two pages, ``{items: [...]}``."""

    exhibit_id: int | None = None
    page: int | None = None
    region: list[float] | None = None
    side: int | None = Field(default=None, description='side by side: 0 turns the left page, 1 the right one (or '
                             'puts this page beside the live one) and leaves the other side as it is; without it, '
                             'the page is shown alone')
    items: list[PublishItem] | None = Field(default=None, max_length=100, description='one page, or two shown side '
                                            'by side, left then right')
    map_id: int | None = Field(default=None, description='a case map instead of a page (courtroom.case_map)')
    node_id: str | None = Field(default=None, max_length=64, description='with map_id: the node the screens centre on')
    branch_id: str | None = Field(default=None, max_length=64, description='with map_id: show only this branch')


class BlankIn(BaseModel):
    on: bool


class ApproveIn(BaseModel):
    approved: bool = True


class HearingPatch(BaseModel):
    closed_door: bool | None = None
    approval_required: bool | None = None
    record_from_opening: bool | None = None


class ExhibitPatch(BaseModel):
    restricted: bool


def presenting_routes(router: APIRouter, services: Services, current_user: Callable[..., User]) -> None:
    Authed = Annotated[User, Depends(current_user)]

    @router.post('/hearings/{hearing_id}/screens', status_code=201, tags=['presenting'])
    def add_screen(hearing_id: int, body: ScreenIn, request: Request, user: Authed) -> dict[str, Any]:
        require(user.role, Action.MANAGE_SCREENS)
        screen = services.screens.add(hearing_id, name=body.name, audience=body.audience, actor=user.username,
                                      show_video=body.show_video)
        return {'id': screen.id, 'url': f'{public_base(services, request)}/screen/{screen.token}'}

    @router.get('/hearings/{hearing_id}/screens', tags=['presenting'])
    def list_screens(hearing_id: int, request: Request, user: Authed) -> list[dict[str, Any]]:
        require(user.role, Action.VIEW_HEARING)
        services.hearings.get(hearing_id)
        base = public_base(services, request)
        may_see_urls = may(user.role, Action.MANAGE_SCREENS)
        return [{**services.screens.status(s), **({'url': f'{base}/screen/{s.token}'} if may_see_urls else {})}
                for s in services.screens.of_hearing(hearing_id)]

    @router.get('/hearings/{hearing_id}/presentation', tags=['presenting'])
    def presentation(hearing_id: int, user: Authed) -> dict[str, Any]:
        require(user.role, Action.VIEW_HEARING)
        state = services.presentation.state(hearing_id).to_api()
        preview = services.presentation.preview(hearing_id, user.id)
        return {**state, 'preview': preview.to_json() if preview else None}

    @router.post('/hearings/{hearing_id}/preview', tags=['presenting'])
    def preview(hearing_id: int, body: ShowIn, user: Authed) -> dict[str, Any]:
        return services.presentation.set_preview(hearing_id, user, body.exhibit_id, body.page, body.region).to_json()

    @router.post('/hearings/{hearing_id}/publish', tags=['presenting'])
    def publish(hearing_id: int, body: PublishIn, user: Authed) -> dict[str, Any]:
        """Put a page on the screens: `{exhibit_id, page, region?}` shows it alone (ending side by side, if on).

        Side by side: `{items: [{exhibit_id, page, region?}, {…}]}` shows two pages, left then right, each with its
        own zoom region (one item is the same as the single form). To turn one side and leave the other as it is,
        send the single form with `side`: 0 for the left page, 1 for the right one; `side: 1` while one page is
        live puts the page beside it. `beside` in the answer is the right page. Zero or more than two items, or
        `items` together with `exhibit_id`/`page`, is a 400.

        A case map: `{map_id, node_id?, branch_id?}` shows the map's latest version (or only one branch of it),
        centred on `node_id`; each audience's screens show a node linked to a page it may not see as its title
        with a restricted mark, never the page; notes never reach a screen."""
        require(user.role, Action.PUBLISH)
        presentation = services.presentation
        if body.map_id is not None:
            if body.items is not None or body.exhibit_id is not None or body.page is not None:
                raise InvalidInput('publish_items_or_page')
            return services.maps.publish(hearing_id, user, body.map_id, body.node_id, body.branch_id).to_api()
        if body.items is not None:
            if body.exhibit_id is not None or body.page is not None or body.side is not None:
                raise InvalidInput('publish_items_or_page')
            items = [(i.exhibit_id, i.page, i.region) for i in body.items]
            return presentation.publish_items(hearing_id, user, items).to_api()
        if body.exhibit_id is None or body.page is None:
            raise InvalidInput('publish_items_or_page')
        return presentation.publish(hearing_id, user, body.exhibit_id, body.page, body.region,
                                    side=body.side).to_api()

    @router.post('/hearings/{hearing_id}/clear', tags=['presenting'])
    def clear(hearing_id: int, user: Authed) -> dict[str, Any]:
        return services.presentation.clear(hearing_id, user).to_api()

    @router.post('/hearings/{hearing_id}/blank', tags=['presenting'])
    def blank(hearing_id: int, body: BlankIn, user: Authed) -> dict[str, Any]:
        return services.presentation.blank(hearing_id, user, body.on).to_api()

    @router.post('/hearings/{hearing_id}/approve', tags=['presenting'])
    def approve(hearing_id: int, body: ApproveIn, user: Authed) -> dict[str, Any]:
        return services.presentation.approve(hearing_id, user, approved=body.approved).to_api()

    @router.patch('/hearings/{hearing_id}', tags=['hearings'])
    def configure(hearing_id: int, body: HearingPatch, user: Authed) -> dict[str, Any]:
        services.presentation.configure(hearing_id, user, closed_door=body.closed_door,
                                        approval_required=body.approval_required)
        if body.record_from_opening is not None:
            require(user.role, Action.RECORD)
            services.hearings.configure(hearing_id, actor=user.username, record_from_opening=body.record_from_opening)
        return services.hearings.get(hearing_id).to_api()

    @router.patch('/exhibits/{exhibit_id}', tags=['exhibits'])
    def patch_exhibit(exhibit_id: int, body: ExhibitPatch, user: Authed) -> dict[str, Any]:
        services.presentation.set_restricted(exhibit_id, user, body.restricted)
        return services.exhibits.get(exhibit_id).to_api()

    @router.get('/hearings/{hearing_id}/audit', tags=['audit'])
    def audit_entries(hearing_id: int, user: Authed) -> list[dict[str, Any]]:
        require(user.role, Action.VIEW_HEARING)
        services.hearings.get(hearing_id)
        return [e.to_api() for e in services.audit.entries(hearing_id)]

    @router.get('/hearings/{hearing_id}/audit/verify', tags=['audit'])
    def audit_verify(hearing_id: int, user: Authed) -> dict[str, Any]:
        require(user.role, Action.VIEW_HEARING)
        services.hearings.get(hearing_id)
        return services.audit.verify(hearing_id).to_api()

    @router.get('/screens/{token}/pages/{exhibit_id}/{page}', tags=['presenting'],
                responses={200: {'content': {'image/jpeg': {}}}})
    def screen_page(token: str, exhibit_id: int, page: int,
                    width: Annotated[int, Query()] = 1920) -> FileResponse:
        """A screen fetches the page it is showing right now, and nothing else: a screen token is no key to
        unpublished or restricted pages."""
        screen = services.screens.by_token(token)
        view = services.presentation.view(screen.hearing_id, screen.audience)
        if not may_fetch(view, exhibit_id, page):
            raise NotFound('not_found')
        path = page_image(services, exhibit_id, page, width, burn_for(screen.audience))
        services.screens.note_width(screen.hearing_id, width)
        return FileResponse(path, media_type='image/jpeg' if path.suffix == '.jpg' else 'image/png',
                            headers={'Cache-Control': 'no-store'})
