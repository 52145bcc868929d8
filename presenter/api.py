"""The REST API on NiceGUI's FastAPI app: bearer tokens, JSON errors in the caller's language, OpenAPI at /docs.

Routes are plain ``def`` so FastAPI runs them in its thread pool: database work, hashing and rendering never run
on NiceGUI's event loop."""


import errno
import logging
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from courtroom.errors import CourtroomError, DiskFull, NotFound, Unauthorized
from courtroom.roles import Action, may, require
from courtroom.staff import NAMED_BY
from courtroom.store import SQLITE_INTEGERS
from courtroom.users import User
from media.redact import Burn

from .api_hybrid import hybrid_routes
from .api_identity import identity_routes
from .api_maps import maps_routes
from .api_marks import marks_routes
from .api_playback import playback_routes
from .api_presenting import presenting_routes
from .api_record import record_routes
from .api_redactions import redactions_routes
from .api_treatments import treatments_routes
from .i18n import error_message, pick_lang
from .page_images import page_image
from .search_as import exhibits_as, require_exhibit, search_as
from .services import Services
from .uploads import import_uploads

logger = logging.getLogger(__name__)

_MEDIA_TYPES = {'.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp'}
_bearer = OAuth2PasswordBearer(tokenUrl='/api/auth/token', auto_error=False)


def error_response(request: Request, error: CourtroomError) -> JSONResponse:
    lang = pick_lang(request.headers.get('accept-language'))
    headers = {'WWW-Authenticate': 'Bearer'} if error.status == 401 else None
    if error.status == 429:
        headers = {'Retry-After': str(error.params.get('seconds', 1))}
    body = {'error': {'code': error.code, 'message': error_message(error, lang)}}
    return JSONResponse(body, status_code=error.status, headers=headers)


def _validation_error(exc: RequestValidationError) -> CourtroomError:
    first = exc.errors()[0] if exc.errors() else {}
    where = '.'.join(str(p) for p in first.get('loc', ()) if p not in ('body', 'query', 'path', 'form'))
    if first.get('type') == 'missing':
        return CourtroomError('required_field', field=where)
    return CourtroomError('bad_request', detail=f'{where}: {first.get("msg", "")}'.strip(': '))


def out_of_range(path_params: dict[str, Any]) -> None:
    """NotFound for a number in the path that no row can have: beyond SQLite's 64-bit integers, which the database
    refuses with OverflowError (a 500 on every route with an id, found by fuzzing). Checked once, where ids enter."""
    for name, value in path_params.items():
        text = str(value)
        if text.lstrip('-').isdigit() and int(text) not in SQLITE_INTEGERS:
            raise NotFound(_MISSING.get(name, 'not_found'), **{name: text})


class _JsonErrorRoute(APIRoute):
    """Turns every error a route raises into the API's JSON error, in the caller's language."""

    def get_route_handler(self) -> Callable[[Request], Any]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                out_of_range(request.path_params)
                return await handler(request)
            except CourtroomError as e:
                return error_response(request, e)
            except RequestValidationError as e:
                return error_response(request, _validation_error(e))
            except StarletteHTTPException as e:
                code = {404: 'not_found', 405: 'method_not_allowed'}.get(e.status_code, 'bad_request')
                error = CourtroomError(code, detail=str(e.detail))
                error.status = e.status_code
                return error_response(request, error)
            except Exception as e:
                if isinstance(e, OSError) and e.errno == errno.ENOSPC:  # said plainly: nothing was kept
                    logger.error('disk full on %s %s: %s', request.method, request.url.path, e)
                    return error_response(request, DiskFull('disk_full'))
                logger.exception('API error on %s %s', request.method, request.url.path)
                error = CourtroomError('internal_error')
                error.status = 500
                return error_response(request, error)

        return route


class HearingIn(BaseModel):
    case_number: str = Field(max_length=1000)
    title: str = Field(max_length=5000)
    charges: list[int | str] = Field(default_factory=list, max_length=50,
                                     description='Penal Code articles, e.g. [173]')
    state_secret: bool = False
    kind: str = Field(default='hearing', max_length=20,
                      description="'hearing' (a trial), 'interrogation' (hỏi cung) or 'statement' (lấy lời khai); "
                                  'the last two are recorded from start to end')


# what a missing thing of each kind is called, so that one of a hearing not one's own looks exactly missing
_MISSING = {'hearing_id': 'hearing_not_found', 'exhibit_id': 'exhibit_not_found', 'map_id': 'map_not_found',
            'participant_id': 'participant_not_found', 'screen_id': 'screen_not_found', 'mark_id': 'mark_not_found',
            'treatment_id': 'treatment_not_found', 'redaction_id': 'redaction_not_found',
            'entry_id': 'minutes_entry_not_found', 'correction_id': 'correction_not_found'}


def on_staff(services: Services, user: User, path_params: dict[str, Any]) -> None:
    """NotFound, as for a thing that does not exist, when ``path_params`` name a thing of a hearing whose staff
    ``user`` is not on."""
    for name, value in path_params.items():
        if name not in NAMED_BY or not str(value).lstrip('-').isdigit():
            continue
        hearing_id = services.staff.hearing_of(name, int(value))
        if hearing_id is not None and not services.staff.is_on(user, hearing_id):
            raise NotFound(_MISSING.get(name, 'not_found'), **{name: value})
        if name == 'exhibit_id' and hearing_id is not None:  # counsel: only what was shown to them
            require_exhibit(services, user.role, int(value))


class StaffIn(BaseModel):
    username: str = Field(max_length=64)
    role: str | None = Field(default=None, max_length=40, description="the account's role (checked)")


def api_router(services: Services) -> APIRouter:
    router = APIRouter(prefix='/api', route_class=_JsonErrorRoute)

    def current_user(request: Request, token: Annotated[str | None, Depends(_bearer)]) -> User:
        """The signed-in user, who must be on the staff of the hearing of whatever the path names (courtroom.staff):
        for anyone else it does not exist. Every route with a token takes this, so none can forget the check."""
        user = services.users.by_token(token)
        on_staff(services, user, request.path_params)
        return user

    Authed = Annotated[User, Depends(current_user)]

    @router.get('/health', tags=['system'])
    def health() -> dict[str, Any]:
        """The server answers; ``loop_lag``: how late its event loop woke over the last 10 s (median, 99th
        percentile, worst, in ms; presenter.loop_watch), for monitoring."""
        return {'status': 'ok', 'loop_lag': services.loop_watch.figures()}

    @router.post('/auth/token', tags=['auth'])
    def token(request: Request, username: Annotated[str, Form()],
              password: Annotated[str, Form()]) -> dict[str, str]:
        """A bearer token for 12 hours (COURTROOM_TOKEN_TTL_HOURS). Wrong passwords slow down and then lock the
        account and the address: 429 with Retry-After."""
        address = request.client.host if request.client else None
        user = services.users.authenticate(username, password, address)
        return {'access_token': services.users.issue_token(user), 'token_type': 'bearer'}

    @router.post('/auth/logout', status_code=204, tags=['auth'])
    def logout(token: Annotated[str | None, Depends(_bearer)]) -> Response:
        """Signs out: the token works no more."""
        services.users.by_token(token)
        services.users.revoke_token(token)
        return Response(status_code=204)

    @router.post('/hearings', status_code=201, tags=['hearings'])
    def create_hearing(body: HearingIn, user: Authed) -> dict[str, Any]:
        require(user.role, Action.CREATE_HEARING)
        return services.hearings.create(case_number=body.case_number, title=body.title, actor=user.username,
                                        created_by=user.id, charges=list(body.charges),
                                        state_secret=body.state_secret, kind=body.kind).to_api()

    @router.get('/hearings', tags=['hearings'])
    def list_hearings(user: Authed) -> list[dict[str, Any]]:
        """The hearings whose staff the user is on (an administrator: all)."""
        require(user.role, Action.VIEW_HEARING)
        mine = services.staff.hearings_of(user)
        return [h.to_api() for h in services.hearings.all() if mine is None or h.id in mine]

    @router.get('/hearings/{hearing_id}/staff', tags=['hearings'])
    def get_staff(hearing_id: int, user: Authed) -> list[dict[str, str]]:
        """Who conducts the hearing and who may see it: ``[{username, role}]``."""
        services.hearings.get(hearing_id)
        return [m.to_api() for m in services.staff.of_hearing(hearing_id)]

    @router.put('/hearings/{hearing_id}/staff', tags=['hearings'])
    def put_staff(hearing_id: int, body: list[StaffIn], user: Authed) -> list[dict[str, str]]:
        """Replaces the staff: by the clerk on it or an administrator. Each role is the account's own."""
        services.hearings.get(hearing_id)
        return [m.to_api() for m in services.staff.replace(hearing_id, user, [m.model_dump() for m in body])]

    @router.get('/hearings/{hearing_id}', tags=['hearings'])
    def get_hearing(hearing_id: int, user: Authed) -> dict[str, Any]:
        require(user.role, Action.VIEW_HEARING)
        return services.hearings.get(hearing_id).to_api()

    @router.post('/hearings/{hearing_id}/bundles', status_code=201, tags=['exhibits'])
    def upload_bundle(hearing_id: int, request: Request, user: Authed,
                      files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
        require(user.role, Action.IMPORT_BUNDLE)
        services.hearings.get(hearing_id)
        created = import_uploads(services, hearing_id, user.username, [(f.filename or 'upload', f.file) for f in files])
        return {'exhibits': [e.to_api() for e in created]}

    @router.get('/hearings/{hearing_id}/exhibits', tags=['exhibits'])
    def list_exhibits(hearing_id: int, user: Authed) -> list[dict[str, Any]]:
        require(user.role, Action.VIEW_EXHIBITS)
        services.hearings.get(hearing_id)
        return [e.to_api() for e in exhibits_as(services, user.role, hearing_id)]

    @router.get('/exhibits/{exhibit_id}', tags=['exhibits'])
    def get_exhibit(exhibit_id: int, user: Authed) -> dict[str, Any]:
        require(user.role, Action.VIEW_EXHIBITS)
        return services.exhibits.get(exhibit_id).to_api()

    @router.get('/exhibits/{exhibit_id}/pages/{page}', tags=['exhibits'],
                responses={200: {'content': {'image/jpeg': {}}, 'description': 'the page as an image'}})
    def get_page(exhibit_id: int, page: int, token: Annotated[str | None, Depends(_bearer)],
                 width: Annotated[int, Query()] = 1280, sub: str | None = None, exp: int | None = None,
                 sig: str | None = None, redacted: str | None = None) -> FileResponse:
        """The original page for staff who may see under its redactions (``redacted=1``: as the public sees it,
        ``redacted=outline``: as the trial panel does); the redacted page for everyone else."""
        if sig is not None and sub is not None and exp is not None:
            if not services.signer.check(sub, exhibit_id, page, exp, sig):
                raise Unauthorized('not_authenticated')
            user = services.users.get(int(sub[1:])) if sub[:1] == 'u' and sub[1:].isdigit() else None
            if user is not None:  # (taken off the hearing's staff since the address was signed: no longer)
                on_staff(services, user, {'exhibit_id': exhibit_id})
        else:
            user = services.users.by_token(token)
            on_staff(services, user, {'exhibit_id': exhibit_id})
            require(user.role, Action.VIEW_EXHIBITS)
        if user is None or not may(user.role, Action.SEE_UNREDACTED) or redacted in ('1', 'true', 'black'):
            burn = Burn.BLACK
        else:
            burn = Burn.OUTLINE if redacted == 'outline' else Burn.NONE
        path = page_image(services, exhibit_id, page, width, burn)
        return FileResponse(path, media_type=_MEDIA_TYPES.get(path.suffix, 'application/octet-stream'),
                            headers={'Cache-Control': 'private, max-age=3600'})

    @router.get('/hearings/{hearing_id}/search', tags=['exhibits'])
    def search(hearing_id: int, user: Authed, q: str, fold: bool = False) -> dict[str, Any]:
        """Tone marks in ``q`` are matched exactly, unless ``fold`` is set; see courtroom.search for the rules."""
        require(user.role, Action.VIEW_EXHIBITS)
        services.hearings.get(hearing_id)
        hits = search_as(services, user.role, hearing_id, q, ignore_marks=fold)
        return {'query': q, 'hits': [h.to_api() for h in hits]}

    presenting_routes(router, services, current_user)
    marks_routes(router, services, current_user)
    playback_routes(router, services, current_user)
    treatments_routes(router, services, current_user)
    maps_routes(router, services, current_user)
    redactions_routes(router, services, current_user)
    hybrid_routes(router, services, current_user)
    identity_routes(router, services, current_user)
    record_routes(router, services, current_user)

    return router


def unknown_api_router() -> APIRouter:
    """A JSON 404 for any other /api/ path; mounted after every other route (pages add API routes of their own)."""
    router = APIRouter(prefix='/api', route_class=_JsonErrorRoute)

    @router.api_route('/{path:path}', methods=['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], include_in_schema=False)
    def unknown(path: str) -> None:
        raise NotFound('not_found')

    return router
