"""A hearing's record: the zip of its minutes, audit log, exhibit list and recordings with their signed manifest,
gathered from the services (the API's download and the record page's export both build it here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from courtroom.case_map import canonical
from courtroom.hearings import Hearing
from courtroom.i18n import Lang
from courtroom.minutes_form import STAFF_TITLES, MinutesForm, build_form, present_participants
from courtroom.session_minutes import session_facts
from media.map_pdf import map_pdf
from media.minutes_pdf import form_pdf
from media.pades import PadesSigner, sign_minutes
from media.record import build_record

from .services import Services


def record_name(hearing: Hearing) -> str:
    """The record zip's file name, from the hearing's id and case number."""
    return f'ho-so-phien-toa-{hearing.id}-{hearing.case_number.replace("/", "-")}.zip'


def export_record(services: Services, hearing_id: int, target: Path) -> Path:
    """Build the hearing's record zip at ``target``. Blocking: call from a worker thread."""
    services.seal.ensure()
    hearing = services.hearings.get(hearing_id)
    return build_record(target, hearing=hearing, court=services.settings.court,
                        exhibits=services.exhibits.of_hearing(hearing_id), entries=services.audit.entries(hearing_id),
                        minutes=minutes_form_of(services, hearing_id),
                        segments=services.recordings.segments(hearing_id),
                        recordings_dir=services.settings.recordings_dir / str(hearing_id), seal=services.seal,
                        pades=court_certificate(services), signed_by=people_signing(services, hearing_id),
                        presenting=presenting_data(services, hearing_id),
                        shown_maps=shown_maps(services, hearing_id))


def minutes_form_of(services: Services, hearing_id: int, lang: Lang = 'vi') -> MinutesForm:
    """The hearing's minutes in the court's form, from what the services know (blocking)."""
    signing = services.minutes_signing
    log = [(e.at, e.action, e.details) for e in services.audit.entries(hearing_id)]
    return build_form(court=services.settings.court, hearing=services.hearings.get(hearing_id),
                      staff=services.staff.of_hearing(hearing_id), names=services.users.names(),
                      participants=services.participants.of_hearing(hearing_id),
                      points=services.points.of_hearing(hearing_id),
                      present=present_participants([(action, details) for _, action, details in log]),
                      entries=services.minutes.entries(hearing_id, lang), signatures=signing.signatures(hearing_id),
                      corrections=signing.corrections(hearing_id), zone=services.settings.time_zone, lang=lang,
                      facts=session_facts(log))


def court_certificate(services: Services) -> tuple[Path, Path] | None:
    """The court's X.509 certificate and key, where it has them: PAdES on the minutes as the court."""
    settings = services.settings
    return (settings.signing_cert, settings.signing_key) if settings.signing_cert and settings.signing_key else None


def people_signing(services: Services, hearing_id: int) -> list[PadesSigner]:
    """The PAdES signatures of those who signed the minutes (the presiding judge, then the clerk) whose own
    certificate is configured: ``{COURTROOM_SIGNERS_DIR}/{username}/cert.pem`` and ``key.pem``. The others are
    signed for by the court's certificate and seal; every signature is in the audit chain either way."""
    folder = services.settings.signers_dir
    if folder is None:
        return []
    out = []
    for s in services.minutes_signing.signatures(hearing_id):
        cert, key = folder / s.username / 'cert.pem', folder / s.username / 'key.pem'
        if cert.is_file() and key.is_file():
            out.append(PadesSigner(field=f'ChuKy_{s.role.value}', cert=cert, key=key,
                                   reason=f'{STAFF_TITLES.t(s.role.value, "vi")} ký biên bản phiên tòa'))
    return out


def signed_minutes_pdf(services: Services, hearing_id: int, lang: Lang = 'vi') -> bytes:
    """The minutes in the court's form as a PDF, with the PAdES signatures the record's copy carries."""
    return sign_minutes(form_pdf(minutes_form_of(services, hearing_id, lang)), people_signing(services, hearing_id),
                        court_certificate(services))


def shown_maps(services: Services, hearing_id: int) -> dict[str, bytes]:
    """Every case map version shown on the screens: its canonical JSON (hashed in the audit chain) and a PDF of
    it (no notes), by the record's file names."""
    shown = {(e.details['map_id'], e.details['map_version']) for e in services.audit.entries(hearing_id)
             if e.action in ('map_published', 'map_focused') and 'map_id' in e.details and 'map_version' in e.details}
    out: dict[str, bytes] = {}
    for map_id, version in sorted(shown):
        found = services.maps.version(map_id, version)
        name = f'maps/map-{map_id}-v{version}'
        out[f'{name}.json'] = canonical(found.title, found.root)
        out[f'{name}.pdf'] = map_pdf(found.title, found.root)
    return out


def presenting_data(services: Services, hearing_id: int) -> dict[str, list[dict[str, Any]]]:
    """The marks, treatments, redaction boxes (never the words under them) and clips of a hearing, as they are at
    the export; the audit log says when each was added and removed."""
    exhibits = services.exhibits.of_hearing(hearing_id)
    return {'marks': [m.to_api() for m in services.marks.of_hearing(hearing_id)],
            'treatments': [t.to_api() for t in services.treatments.of_hearing(hearing_id)],
            'redactions': [r.to_api() for e in exhibits for r in services.redactions.of_exhibit(e.id)],
            'clips': [c.to_api() for c in services.playback.clips_of_hearing(hearing_id)]}


def minutes_document(services: Services, hearing_id: int, lang: Lang = 'vi') -> dict[str, Any]:
    """The minutes as the API gives them: entries, signatures, corrections, and who may be named as speaking."""
    names = services.users.names()
    signing = services.minutes_signing
    return {'entries': [e.to_api() for e in services.minutes.entries(hearing_id, lang)],
            'signed_by': [s.to_api(names) for s in signing.signatures(hearing_id)],
            'corrections': [c.to_api() for c in signing.corrections(hearing_id)],
            'speakers': [s.to_api() for s in services.minutes.speakers(hearing_id)]}
