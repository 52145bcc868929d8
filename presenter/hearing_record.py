"""A hearing's record: the zip of its minutes, audit log, exhibit list and recordings with their signed manifest,
gathered from the services (the API's download and the record page's export both build it here)."""

from __future__ import annotations

from pathlib import Path

from courtroom.hearings import Hearing
from media.record import build_record

from .services import Services


def record_name(hearing: Hearing) -> str:
    """The record zip's file name, from the hearing's id and case number."""
    return f'ho-so-phien-toa-{hearing.id}-{hearing.case_number.replace("/", "-")}.zip'


def export_record(services: Services, hearing_id: int, target: Path) -> Path:
    """Build the hearing's record zip at ``target``. Blocking: call from a worker thread."""
    services.seal.ensure()
    hearing = services.hearings.get(hearing_id)
    settings = services.settings
    pades = (settings.signing_cert, settings.signing_key) if settings.signing_cert and settings.signing_key else None
    return build_record(target, hearing=hearing, court=services.settings.court,
                        exhibits=services.exhibits.of_hearing(hearing_id), entries=services.audit.entries(hearing_id),
                        minutes=services.minutes.entries(hearing_id), segments=services.recordings.segments(hearing_id),
                        recordings_dir=services.settings.recordings_dir / str(hearing_id), seal=services.seal,
                        zone=settings.time_zone, pades=pades)
