"""The minutes carry the PAdES signature of each signer whose own certificate the court configured
(COURTROOM_SIGNERS_DIR/{username}/cert.pem and key.pem): here the presiding judge has one and the clerk has not, so
the PDF downloaded and the record's copy carry the judge's signature, and the court's seal stands for the clerk's."""

from __future__ import annotations

import io
from pathlib import Path

from pyhanko.pdf_utils.reader import PdfFileReader

from courtroom.roles import Role
from courtroom.settings import Settings
from media.pades import pades_verify
from media.record import verify_record
from presenter.hearing_record import export_record, people_signing, signed_minutes_pdf
from presenter.services import build_services
from tests.media.test_pades import make_certificate


def test_a_signer_with_a_certificate_signs_the_pdf_as_themselves(tmp_path: Path) -> None:
    signers = tmp_path / 'signers'
    cert, _ = make_certificate(signers / 'chutoa', 'Le Van Chu Toa')
    services = build_services(Settings(data_dir=tmp_path / 'data', signers_dir=signers), media=False)
    try:
        h = services.hearings.create(case_number='5/2026/HSST', title='Vụ án', actor='thuky').id
        services.minutes.write(h, 'Khai mạc phiên tòa.', author='thuky')
        assert people_signing(services, h) == []  # nobody has signed yet
        services.minutes_signing.sign(h, username='chutoa', role=Role.PRESIDING_JUDGE)
        services.minutes_signing.sign(h, username='thuky', role=Role.CLERK)
        assert [s.field for s in people_signing(services, h)] == ['ChuKy_presiding_judge']  # the clerk has none
        pdf = signed_minutes_pdf(services, h)
        record = export_record(services, h, tmp_path / 'r.zip')
    finally:
        services.close()
    assert [s.field_name for s in PdfFileReader(io.BytesIO(pdf)).embedded_signatures] == ['ChuKy_presiding_judge']
    assert pades_verify(pdf, cert.read_bytes(), 'ChuKy_presiding_judge') == (True, '')
    verdict = verify_record(record)
    assert verdict.ok, verdict.first_failure
    assert ('PAdES signature ChuKy_presiding_judge of minutes.pdf', True, '') in verdict.checks
