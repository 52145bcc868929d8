"""PAdES signatures inside the minutes PDF (pyHanko): the presiding judge's and the clerk's own, where their X.509
certificates are configured (COURTROOM_SIGNERS_DIR), and the court's, where it has one (COURTROOM_SIGNING_CERT,
COURTROOM_SIGNING_KEY, PEM), each in a signature field of its own, added one after the other (incremental updates:
a later signature never breaks an earlier one). A PDF reader such as Adobe's or Foxit's then shows who signed the
minutes themselves. The record's Ed25519 seal signs the signed PDF as well."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pem, x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

FIELD = 'ChuKySoToaAn'  # the court's signature field


@dataclass(slots=True, frozen=True)
class PadesSigner:
    """One signature to put in the minutes: its field (``FIELD`` for the court, ``ChuKy_{role}`` for a person),
    the certificate and key (PEM) and the reason a reader shows."""
    field: str
    cert: Path
    key: Path
    reason: str


def pades_sign(pdf: bytes, *, cert: Path, key: Path, reason: str = 'Biên bản phiên tòa', field: str = FIELD) -> bytes:
    """``pdf`` with an embedded PAdES (B-B) signature by ``key``, carrying ``cert``, in ``field``. Blocking."""
    signer = signers.SimpleSigner.load(str(key), str(cert))
    meta = signers.PdfSignatureMetadata(field_name=field, reason=reason, subfilter=SigSeedSubFilter.PADES)
    return signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), meta, signer=signer).getvalue()


def sign_minutes(pdf: bytes, people: Sequence[PadesSigner], court: tuple[Path, Path] | None) -> bytes:
    """The minutes PDF signed by each of ``people`` in turn (the presiding judge, then the clerk), then by the
    court (its certificate and key), where it has one. Blocking."""
    for s in people:
        pdf = pades_sign(pdf, cert=s.cert, key=s.key, reason=s.reason, field=s.field)
    return pades_sign(pdf, cert=court[0], key=court[1]) if court is not None else pdf


def pades_verify(pdf: bytes, cert_pem: bytes, field: str = FIELD) -> tuple[bool, str]:
    """Whether the PDF's signature in ``field`` covers what it signed intact and was made with ``cert_pem``'s key
    (trusted as the root)."""
    try:
        signatures = [s for s in PdfFileReader(io.BytesIO(pdf)).embedded_signatures if s.field_name == field]
        if not signatures:
            return False, 'no embedded signature'
        _, _, der = pem.unarmor(cert_pem)
        cert = x509.Certificate.load(der)
        status = validate_pdf_signature(signatures[-1], ValidationContext(trust_roots=[cert]))
    except Exception as e:  # a PDF or certificate pyHanko cannot read is a failed check, named
        return False, f'{type(e).__name__}: {e}'
    if not status.intact:
        return False, 'the signed bytes have changed'
    if not (status.valid and status.trusted):
        return False, 'not signed by the court certificate in the record'
    return True, ''
