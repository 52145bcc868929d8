"""Personal join links: a token naming one participant, their role and connection point, and when it expires,
signed with the server's secret (HMAC-SHA256). The participant's current nonce is part of the signed text, so
issuing a new link or revoking one makes every earlier link of that participant fail."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass

from .errors import Unauthorized


@dataclass(slots=True, frozen=True)
class LinkClaims:
    participant_id: int
    hearing_id: int
    role: str
    point_id: int
    nonce: str
    expires_at: int


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + '=' * (-len(text) % 4))


def sign_link(secret: bytes, claims: LinkClaims) -> str:
    body = _b64(json.dumps({'p': claims.participant_id, 'h': claims.hearing_id, 'r': claims.role,
                            'pt': claims.point_id, 'n': claims.nonce, 'e': claims.expires_at},
                           separators=(',', ':')).encode())
    return f'{body}.{_b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())}'


def read_link(secret: bytes, token: str, now: float | None = None) -> LinkClaims:
    """The link's claims, after checking its signature and expiry; refuses a forged or expired link by name.
    (Revocation is the caller's check: the claims' nonce against the participant's current one.)"""
    body, _, signature = token.partition('.')
    try:
        expected = hmac.new(secret, body.encode(), hashlib.sha256).digest()
        if not signature or not hmac.compare_digest(expected, _unb64(signature)):
            raise ValueError('signature')
        data = json.loads(_unb64(body))
        claims = LinkClaims(participant_id=int(data['p']), hearing_id=int(data['h']), role=str(data['r']),
                            point_id=int(data['pt']), nonce=str(data['n']), expires_at=int(data['e']))
    except (ValueError, KeyError, TypeError):
        raise Unauthorized('link_forged') from None
    if claims.expires_at < (time.time() if now is None else now):
        raise Unauthorized('link_expired')
    return claims
