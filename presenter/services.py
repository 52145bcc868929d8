"""The composition root: builds every service from the settings, once, and hands them to the API and pages.
It sits in presenter/ because it is the one place that knows every package (presenter → media → courtroom)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from conferencing.supervisor import MediaSupervisor
from courtroom.audit import AuditLog
from courtroom.case_map import CaseMaps
from courtroom.exhibits import Exhibit, Exhibits
from courtroom.hearings import Hearings
from courtroom.marks import Marks
from courtroom.minutes import Minutes
from courtroom.minutes_signing import MinutesSigning
from courtroom.participants import Participants
from courtroom.playback import Playback
from courtroom.pointer import Pointer
from courtroom.points import Points
from courtroom.presentation import Presentation
from courtroom.recordings import Recordings
from courtroom.redactions import Box, Redactions
from courtroom.screens import Screens
from courtroom.seal import Seal
from courtroom.search import Search
from courtroom.session_minutes import SessionMinutes
from courtroom.settings import Settings
from courtroom.staff import Staff
from courtroom.stages import Stages
from courtroom.store import Store
from courtroom.treatments import Treatments
from courtroom.users import Users
from media.evidence_store import EvidenceStore
from media.redact import words_in_box

from .conference import Conference, MediaConference, NoMediaConference
from .laser_relay import LaserRelay
from .loop_watch import LoopWatch
from .signing import UrlSigner


@dataclass(slots=True, kw_only=True)
class Services:
    settings: Settings
    store: Store
    users: Users
    staff: Staff  # who may see which hearing
    hearings: Hearings
    exhibits: Exhibits
    search: Search
    audit: AuditLog
    evidence: EvidenceStore
    signer: UrlSigner
    presentation: Presentation
    marks: Marks
    pointer: Pointer  # the bench's laser pointer, in memory only
    laser: LaserRelay  # the pointer's moves to the evidence views showing the page
    playback: Playback
    treatments: Treatments
    maps: CaseMaps
    redactions: Redactions
    screens: Screens
    points: Points
    participants: Participants
    stages: Stages
    minutes: Minutes
    minutes_signing: MinutesSigning
    session_minutes: SessionMinutes
    recordings: Recordings
    seal: Seal
    conference: Conference  # the live media side; started and stopped with the server (presenter.app.mount)
    loop_watch: LoopWatch = field(default_factory=LoopWatch)  # how long the server's event loop is held

    def close(self) -> None:
        self.store.close()


def server_secret(settings: Settings) -> bytes:
    """The server's own secret (signed URLs, browser storage), made on first start and kept in the data folder."""
    path = settings.data_dir / 'secret.key'
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix('.tmp')
        tmp.write_text(secrets.token_hex(32))
        tmp.chmod(0o600)
        tmp.replace(path)
    return bytes.fromhex(path.read_text().strip())


def build_services(settings: Settings, *, media: bool = True) -> Services:
    """Every service, built once. ``media=False`` gives a conference without media workers (the command line,
    the page tests): media and recording are refused with ``no_media``."""
    for folder in (settings.data_dir, settings.evidence_dir, settings.cache_dir, settings.tmp_dir):
        folder.mkdir(parents=True, exist_ok=True)
    store = Store(settings.db_path)
    hearings, exhibits = Hearings(store), Exhibits(store)
    evidence = EvidenceStore(settings.evidence_dir)

    def words_under(exhibit: Exhibit, page: int, box: Box) -> list[str]:
        return words_in_box(evidence.path(exhibit.sha256), sha256=exhibit.sha256, kind=exhibit.kind,
                            source_page=exhibit.source_page(page), box=box)
    points = Points(store, hearings)
    secret = server_secret(settings)
    participants = Participants(store, hearings, points, secret)
    stages, recordings = Stages(store, settings.time_zone), Recordings(store)
    pointer = Pointer(store, hearings)
    conference: Conference
    if media:
        supervisor = MediaSupervisor(ice_servers=list(settings.ice_servers) or None,
                                     segment_seconds=settings.segment_seconds)
        conference = MediaConference(supervisor=supervisor, participants=participants, hearings=hearings,
                                     points=points, recordings=recordings, stages=stages, store=store,
                                     recordings_dir=settings.recordings_dir)
    else:
        conference = NoMediaConference(participants)
    presentation, marks = Presentation(store, hearings, exhibits), Marks(store, hearings, exhibits)
    minutes = Minutes(store)
    return Services(
        settings=settings,
        store=store,
        users=Users(store, timedelta(hours=settings.token_ttl_hours)),
        staff=Staff(store),
        hearings=hearings,
        exhibits=exhibits,
        search=Search(store),
        audit=AuditLog(store),
        evidence=evidence,
        signer=UrlSigner(secret),
        presentation=presentation,
        marks=marks,
        treatments=Treatments(store, hearings, exhibits, marks, presentation),
        maps=CaseMaps(store, hearings, exhibits, presentation),
        pointer=pointer,
        laser=LaserRelay(pointer),
        playback=Playback(store, presentation, exhibits),
        redactions=Redactions(store, hearings, exhibits, words_under),
        screens=Screens(store),
        points=points,
        participants=participants,
        stages=stages,
        minutes=minutes,
        minutes_signing=MinutesSigning(store, minutes),
        session_minutes=SessionMinutes(store, minutes.changed),
        recordings=recordings,
        seal=Seal(settings.data_dir / 'keys'),
        conference=conference,
    )
