"""Signed, expiring URLs for page images. An <img> cannot send a bearer token, so pages get URLs signed for one
user, exhibit and page; a URL is not a key beyond what its signer was allowed to see, and only until it expires."""

from __future__ import annotations

import hashlib
import hmac
import time


class UrlSigner:
    def __init__(self, secret: bytes, ttl_s: int = 8 * 3600) -> None:
        self._secret = secret
        self._ttl = ttl_s

    def _mac(self, subject: str, exhibit_id: int, page: int, expires: int) -> str:
        message = f'{subject}:{exhibit_id}:{page}:{expires}'.encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()[:32]

    def page_url(self, subject: str, exhibit_id: int, page: int, width: int) -> str:
        # expiry rounded up to the hour so the same page keeps the same URL and the browser's cache works
        expires = (int(time.time()) + self._ttl) // 3600 * 3600 + 3600
        sig = self._mac(subject, exhibit_id, page, expires)
        return f'/api/exhibits/{exhibit_id}/pages/{page}?width={width}&sub={subject}&exp={expires}&sig={sig}'

    def check(self, subject: str, exhibit_id: int, page: int, expires: int, sig: str) -> bool:
        if expires < time.time():
            return False
        return hmac.compare_digest(self._mac(subject, exhibit_id, page, expires), sig)

    def sign(self, message: str) -> str:
        return hmac.new(self._secret, message.encode(), hashlib.sha256).hexdigest()
