"""The case maps' part of the REST API (courtroom.case_map, media.map_files). Same conventions as presenter.api;
who may is the domain's rule: the procurator makes, imports, edits, shares and exports maps; the presiding judge
and the clerk read a shared map (without its notes); everyone else gets 403."""

import asyncio
import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from courtroom.errors import InvalidInput
from courtroom.roles import Action, require
from courtroom.users import User
from media.map_files import MAX_FILE

from .case_maps import EXPORTS, MEDIA_TYPES, export_map, import_map_file
from .services import Services
from .urls import public_base


class MapIn(BaseModel):
    title: str = Field(description='the map\'s title, 1..200 characters')
    root: dict[str, Any] = Field(description='the root node: {title, note?, markers?, link?: {exhibit_id, page} | '
                                             '{bl} | "BL 125", folded?, children: [...]}')


class MapSave(BaseModel):
    title: str | None = None
    root: dict[str, Any]


class ShareIn(BaseModel):
    shared: bool


def maps_routes(router: APIRouter, services: Services, current_user: Callable[..., User]) -> None:
    Authed = Annotated[User, Depends(current_user)]

    @router.post('/hearings/{hearing_id}/maps', status_code=201, tags=['case maps'],
                 openapi_extra={'requestBody': {'content': {
                     'application/json': {'schema': MapIn.model_json_schema()},
                     'multipart/form-data': {'schema': {'type': 'object', 'properties': {
                         'file': {'type': 'string', 'format': 'binary'}}}}}}})
    async def create_map(hearing_id: int, request: Request, user: Authed) -> dict[str, Any]:
        """A new map, from JSON ``{title, root}`` or a file (multipart ``file``: .xmind, .mm, .opml)."""
        require(user.role, Action.EDIT_MAP)
        if request.headers.get('content-type', '').startswith('multipart/form-data'):
            form = await request.form(max_files=1, max_fields=1, max_part_size=MAX_FILE + 1)
            upload = form.get('file')
            if upload is None or isinstance(upload, str):
                raise InvalidInput('required_field', field='file')
            data = await upload.read(MAX_FILE + 1)
            made = await asyncio.to_thread(import_map_file, services, hearing_id, user, upload.filename or 'map', data)
        else:
            try:
                body = MapIn.model_validate(json.loads(await request.body()))
            except (ValueError, TypeError, RecursionError):  # not JSON, not a map, or nested past any map
                raise InvalidInput('bad_map_node') from None
            made = await asyncio.to_thread(services.maps.create, hearing_id, user, body.title, body.root)
        return made.to_api(user.role)

    @router.get('/hearings/{hearing_id}/maps', tags=['case maps'])
    def list_maps(hearing_id: int, user: Authed) -> list[dict[str, Any]]:
        return [m.summary() for m in services.maps.of_hearing(hearing_id, user)]

    @router.get('/maps/{map_id}', tags=['case maps'])
    def get_map(map_id: int, user: Authed, version: int | None = None) -> dict[str, Any]:
        """The tree with every node's ``id`` and resolved ``link: {exhibit_id, page, bl}`` (``missing: true`` for a
        page that does not exist)."""
        return services.maps.get(map_id, user, version).to_api(user.role)

    @router.put('/maps/{map_id}', tags=['case maps'])
    def save_map(map_id: int, body: MapSave, user: Authed) -> dict[str, Any]:
        """A new version of the map."""
        return services.maps.save(map_id, user, body.root, body.title).to_api(user.role)

    @router.post('/maps/{map_id}/share', tags=['case maps'])
    def share_map(map_id: int, body: ShareIn, user: Authed) -> dict[str, Any]:
        """Let the presiding judge and the clerk read the map (never its notes), or stop."""
        return services.maps.share(map_id, user, body.shared).to_api(user.role)

    exported = {media_type: {} for media_type in dict.fromkeys(MEDIA_TYPES.values())}

    @router.get('/maps/{map_id}/export', tags=['case maps'],
                responses={200: {'content': exported, 'description': 'the map, as a file or drawn'}})
    def export(map_id: int, request: Request, user: Authed, format: str = 'xmind') -> Response:
        """The map as a file: ``xmind`` (XMind 2020+), ``mm`` (FreeMind/Freeplane) or ``opml``, linked nodes with
        "BL n" and the page's address in this app; or drawn: ``pdf`` (one page, vector), ``pdf-tiled`` (A4
        landscape pages for printing) or ``png``, without the notes."""
        require(user.role, Action.EDIT_MAP)
        if format not in EXPORTS:
            raise InvalidInput('bad_map_format', formats=', '.join(EXPORTS))
        data, name = export_map(services.maps.get(map_id, user), format, public_base(services, request))
        return Response(data, media_type=MEDIA_TYPES[format],
                        headers={'Content-Disposition': f'attachment; filename="{name}"'})
