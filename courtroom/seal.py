"""The court's electronic seal (con dấu điện tử): an Ed25519 key pair that signs manifests, minutes and exported
records, so that a record verifies on any machine with the public key alone.

The private key is kept in the data folder (``keys/court-ed25519.pem``, readable by its owner only); ``courtroom
keys init`` makes it. Where the court has an X.509 certificate, the minutes PDF also carries a PAdES signature
(media/pades.py)."""

from __future__ import annotations

import base64
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import Conflict, NotFound

PRIVATE = 'court-ed25519.pem'
PUBLIC = 'court-ed25519.pub.pem'


def init_keys(folder: Path, *, force: bool = False) -> Path:
    """Make the court's key pair in ``folder``; refuses to replace one unless ``force``. The public key's path."""
    folder.mkdir(parents=True, exist_ok=True)
    private_path, public_path = folder / PRIVATE, folder / PUBLIC
    if private_path.exists() and not force:
        raise Conflict('keys_exist', path=str(private_path))
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    tmp = private_path.with_suffix('.tmp')
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, 'wb') as f:
        f.write(pem)
    tmp.replace(private_path)
    public_path.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                          serialization.PublicFormat.SubjectPublicKeyInfo))
    return public_path


class Seal:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def exists(self) -> bool:
        return (self.folder / PRIVATE).is_file()

    def ensure(self) -> None:
        if not self.exists():
            init_keys(self.folder)

    def _private(self) -> Ed25519PrivateKey:
        path = self.folder / PRIVATE
        if not path.is_file():
            raise NotFound('no_keys', path=str(path))
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        assert isinstance(key, Ed25519PrivateKey)
        return key

    def public_pem(self) -> bytes:
        return (self.folder / PUBLIC).read_bytes()

    def sign(self, data: bytes) -> str:
        """A detached signature, base64."""
        return base64.b64encode(self._private().sign(data)).decode()


def verify(public_pem: bytes, data: bytes, signature: str) -> bool:
    try:
        key = serialization.load_pem_public_key(public_pem)
        if not isinstance(key, Ed25519PublicKey):
            return False
        key.verify(base64.b64decode(signature, validate=True), data)
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False
