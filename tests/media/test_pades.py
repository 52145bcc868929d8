"""PAdES on the minutes, where the court has an X.509 certificate: the record carries the certificate, the
signature covers the PDF, and a changed byte or another certificate fails."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import pymupdf
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader

from media.pades import pades_sign, pades_verify
from tests.conftest import plain_minutes


def make_certificate(folder: Path, name: str) -> tuple[Path, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    usage = x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=False,
                          encipher_only=False, decipher_only=False)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30)).add_extension(usage, critical=True)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / 'cert.pem').write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / 'key.pem').write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    return folder / 'cert.pem', folder / 'key.pem'


@pytest.fixture
def court_cert(tmp_path: Path) -> tuple[Path, Path]:
    return make_certificate(tmp_path / 'court', 'Toa an nhan dan quan Ba Dinh')


def minutes() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname='notos', fontbuffer=pymupdf.Font('notos').buffer)
    page.insert_text((72, 72), 'Biên bản phiên tòa', fontname='notos')
    return doc.tobytes()


def test_signed_minutes_verify_and_keep_their_text(court_cert: tuple[Path, Path], tmp_path: Path) -> None:
    signed = pades_sign(minutes(), cert=court_cert[0], key=court_cert[1])
    assert pades_verify(signed, court_cert[0].read_bytes()) == (True, '')
    assert 'Biên bản phiên tòa' in pymupdf.open(stream=signed)[0].get_text()
    flipped = bytearray(signed)
    flipped[signed.find(b'/MediaBox') + 12] ^= 1
    assert pades_verify(bytes(flipped), court_cert[0].read_bytes())[0] is False
    other, _ = make_certificate(tmp_path / 'other', 'Someone else')
    assert pades_verify(signed, other.read_bytes()) == (False, 'not signed by the court certificate in the record')
    assert pades_verify(minutes(), court_cert[0].read_bytes()) == (False, 'no embedded signature')


def test_a_record_with_pades(court_cert: tuple[Path, Path], tmp_path: Path) -> None:
    from courtroom.audit import AuditLog
    from courtroom.hearings import Hearings
    from courtroom.minutes import Minutes
    from courtroom.seal import Seal
    from courtroom.store import Store
    from media.record import PADES_CERT, build_record, verify_record

    store = Store(tmp_path / 'db.sqlite3')
    h = Hearings(store).create(case_number='1', title='t', actor='thuky')
    Minutes(store).write(h.id, 'Khai mạc phiên tòa', author='thuky')
    seal = Seal(tmp_path / 'keys')
    seal.ensure()
    record = build_record(tmp_path / 'r.zip', hearing=Hearings(store).get(h.id), court='Tòa án', exhibits=[],
                          entries=AuditLog(store).entries(h.id), minutes=plain_minutes(store, h.id), segments=[],
                          recordings_dir=tmp_path, seal=seal, pades=court_cert)
    store.close()
    verdict = verify_record(record)
    assert verdict.ok, verdict.first_failure
    assert ('PAdES signature of minutes.pdf', True, '') in verdict.checks
    with zipfile.ZipFile(record) as z:
        assert z.read(PADES_CERT) == court_cert[0].read_bytes()


def test_the_judge_and_the_clerk_sign_with_their_own_certificates_then_the_court(
        court_cert: tuple[Path, Path], tmp_path: Path) -> None:
    from courtroom.audit import AuditLog
    from courtroom.hearings import Hearings
    from courtroom.minutes import Minutes
    from courtroom.seal import Seal
    from courtroom.store import Store
    from media.pades import PadesSigner
    from media.record import SIGNERS_CERTS, build_record, verify_record

    store = Store(tmp_path / 'db.sqlite3')
    h = Hearings(store).create(case_number='1', title='t', actor='thuky')
    Minutes(store).write(h.id, 'Khai mạc phiên tòa', author='thuky')
    seal = Seal(tmp_path / 'keys')
    seal.ensure()
    people = [PadesSigner(field=f'ChuKy_{role}', cert=cert, key=key, reason=f'{role} ký biên bản phiên tòa')
              for role, (cert, key) in (('presiding_judge', make_certificate(tmp_path / 'chutoa', 'Le Van Chu Toa')),
                                        ('clerk', make_certificate(tmp_path / 'thuky', 'Tran Thi Thu Ky')))]
    record = build_record(tmp_path / 'r.zip', hearing=Hearings(store).get(h.id), court='Tòa án', exhibits=[],
                          entries=AuditLog(store).entries(h.id), minutes=plain_minutes(store, h.id), segments=[],
                          recordings_dir=tmp_path, seal=seal, pades=court_cert, signed_by=people)
    store.close()
    verdict = verify_record(record)
    assert verdict.ok, verdict.first_failure
    for field in ('ChuKy_presiding_judge', 'ChuKy_clerk'):
        assert (f'PAdES signature {field} of minutes.pdf', True, '') in verdict.checks
    assert ('PAdES signature of minutes.pdf', True, '') in verdict.checks  # the court's, signed last
    with zipfile.ZipFile(record) as z:
        pdf = z.read('minutes.pdf')
        assert z.read(f'{SIGNERS_CERTS}ChuKy_clerk.pem') == people[1].cert.read_bytes()
    fields = [s.field_name for s in PdfFileReader(io.BytesIO(pdf)).embedded_signatures]
    assert fields == ['ChuKy_presiding_judge', 'ChuKy_clerk', 'ChuKySoToaAn']
    # the judge's field checked against the clerk's certificate: not theirs
    assert pades_verify(pdf, people[1].cert.read_bytes(), 'ChuKy_presiding_judge')[0] is False
