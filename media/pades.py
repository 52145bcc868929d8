"""PAdES signatures inside the minutes PDF (pyHanko), where the court has an X.509 certificate and its key
(COURTROOM_SIGNING_CERT, COURTROOM_SIGNING_KEY, PEM): a PDF reader such as Adobe's or Foxit's then shows the court's
signature on the minutes themselves. The record's Ed25519 seal signs the signed PDF as well."""

from __future__ import annotations

import io
from pathlib import Path

from asn1crypto import pem, x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

FIELD = 'ChuKySoToaAn'


def pades_sign(pdf: bytes, *, cert: Path, key: Path, reason: str = 'Biên bản phiên tòa') -> bytes:
    """``pdf`` with an embedded PAdES (B-B) signature by ``key``, carrying ``cert``. Blocking."""
    signer = signers.SimpleSigner.load(str(key), str(cert))
    meta = signers.PdfSignatureMetadata(field_name=FIELD, reason=reason, subfilter=SigSeedSubFilter.PADES)
    return signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), meta, signer=signer).getvalue()


def pades_verify(pdf: bytes, cert_pem: bytes) -> tuple[bool, str]:
    """Whether the PDF's signature covers it intact and was made with ``cert_pem``'s key (trusted as the root)."""
    try:
        signatures = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
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
