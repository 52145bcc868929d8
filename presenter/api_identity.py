"""The identity check by the ID card's QR code: a still of the card, sent by the clerk (``POST
/api/participants/{id}/identity``) or by the participant's own page in the lobby (``POST /api/join/{token}/identity``),
is decoded here (media.qr_decode) and compared with the participant's record (courtroom.identity). The record keeps
the fields compared, the result and the still's SHA-256; the still itself stays in this process's memory only, for
the clerk to look at beside the live face until the participant is admitted or turned away. The live face: the
lobby page sends a small picture of its camera every few seconds (``POST /api/join/{token}/face``), kept in memory
only, the latest one, for the clerk's roll call."""

import hashlib
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Response, UploadFile

from courtroom.errors import Conflict, CourtroomError, NotFound, TooLarge, UnsupportedType
from courtroom.participants import Participant, ParticipantState
from courtroom.roles import Action, require
from courtroom.users import User
from media.evidence_store import EvidenceStore
from media.qr_decode import MAX_STILL_BYTES, picture_type, read_qr

from .identity_stills import FACE_FRESH_S, FACE_MAX_BYTES, keep_face, keep_still, latest_face, latest_still
from .services import Services


def check_still(services: Services, participant: Participant, data: bytes, actor: str) -> dict[str, Any]:
    """Decode, compare, record; the answer of both routes. Blocking (zxing-cpp: tens of milliseconds)."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = read_qr(data)
    except CourtroomError as refused:  # not an image, too large, broken: only the attempt is written
        services.participants.identity_check_failed(participant.id, refused.code, digest, actor=actor)
        raise
    keep_still(participant.id, data)
    keep = (lambda: _keep_on_disk(services, data, digest)) if services.settings.keep_id_images else (lambda: False)
    checked, card, compared = services.participants.check_identity_qr(participant.id, text, digest, actor=actor,
                                                                      keep=keep)
    return {'decoded': card.to_api(), 'match': compared.match, 'fields': compared.fields,
            'problems': compared.problems, 'identity': checked.to_api()['identity']}


def _keep_on_disk(services: Services, data: bytes, digest: str) -> bool:
    """The court keeps card stills (COURTROOM_KEEP_ID_IMAGES): under DATA/identity/, by their SHA-256."""
    settings = services.settings
    settings.tmp_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=settings.tmp_dir, suffix='.still') as tmp:
        tmp.write(data)
        tmp.flush()
        EvidenceStore(settings.identity_dir).put(Path(tmp.name), digest)
    return True


def identity_routes(router: APIRouter, services: Services, current_user: Callable[..., User]) -> None:
    """Plain functions, which FastAPI runs in its thread pool: decoding is blocking work."""
    Authed = Annotated[User, Depends(current_user)]

    def read(image: UploadFile) -> bytes:
        return image.file.read(MAX_STILL_BYTES + 1)  # one byte more than allowed: read_qr refuses it

    @router.post('/participants/{participant_id}/identity', tags=['hybrid'])
    def check_identity(participant_id: int, user: Authed,
                             image: Annotated[UploadFile, File(description='a JPEG or PNG still of the ID card')]
                             ) -> dict[str, Any]:
        """The card's QR read from the still and compared with the participant's record: ``{decoded, match,
        fields, problems}``; no QR found, or not an ID card's: 422. The clerk still decides."""
        require(user.role, Action.ADMIT)
        participant = services.participants.get(participant_id)
        return check_still(services, participant, read(image), user.username)

    @router.post('/join/{token}/identity', tags=['hybrid'])
    def send_identity(token: str,
                            image: Annotated[UploadFile, File(description='a JPEG or PNG still of the ID card')]
                            ) -> dict[str, Any]:
        """From the participant's page in the lobby: their card held to the camera. The clerk sees the result."""
        participant = services.participants.by_link(token)
        if participant.state is not ParticipantState.WAITING:  # only while the clerk is to let them in
            raise Conflict('not_waiting', state=participant.state.value)
        answer = check_still(services, participant, read(image), f'participant:{participant.id}')
        return {'match': answer['match']}  # the participant learns whether it matched, not the record's fields

    @router.post('/join/{token}/face', tags=['hybrid'], status_code=204)
    def send_face(token: str, image: Annotated[UploadFile, File(description='a small JPEG or PNG of the camera')]
                  ) -> Response:
        """From the participant's page in the lobby, every few seconds: their face as the camera sees it, for the
        clerk to compare with the card. Kept in memory only, the latest one; sooner than a second after the last
        one it is let go."""
        participant = services.participants.by_link(token)
        if participant.state is not ParticipantState.WAITING:
            raise Conflict('not_waiting', state=participant.state.value)
        data = image.file.read(FACE_MAX_BYTES + 1)
        if len(data) > FACE_MAX_BYTES:
            raise TooLarge('still_too_large', size=len(data), max=FACE_MAX_BYTES)
        kind = picture_type(data)
        if kind is None:
            raise UnsupportedType('still_not_image')
        keep_face(participant.id, data, kind)
        return Response(status_code=204)

    @router.get('/participants/{participant_id}/identity/face', tags=['hybrid'],
                responses={200: {'content': {'image/jpeg': {}, 'image/png': {}}}})
    def identity_face(participant_id: int, user: Authed) -> Response:
        """The participant's face as their lobby page last sent it (in the last 15 s), for the clerk."""
        return kept_picture(user, participant_id, latest_face, NotFound('no_face', seconds=int(FACE_FRESH_S)))

    @router.get('/participants/{participant_id}/identity/still', tags=['hybrid'],
                responses={200: {'content': {'image/jpeg': {}, 'image/png': {}}}})
    def identity_still(participant_id: int, user: Authed) -> Response:
        """The latest still of the participant's card, held in memory only (never stored), for the clerk."""
        return kept_picture(user, participant_id, latest_still, NotFound('no_identity_still'))

    def kept_picture(user: User, participant_id: int, latest: Callable[[int], tuple[bytes, str] | None],
                     missing: NotFound) -> Response:
        """A picture held in memory for those who admit (never cached by the browser), or ``missing``."""
        require(user.role, Action.ADMIT)
        services.participants.get(participant_id)
        kept = latest(participant_id)
        if kept is None:
            raise missing
        return Response(kept[0], media_type=kept[1], headers={'Cache-Control': 'no-store'})

