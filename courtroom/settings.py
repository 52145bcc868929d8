"""One typed settings object, from flags, then the environment (COURTROOM_*), then defaults."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .court_time import DEFAULT_ZONE, zone_named
from .errors import InvalidInput

_MIB = 1024 * 1024


@dataclass(slots=True, kw_only=True, frozen=True)
class Limits:
    """What one import may take. A file or bundle past these is refused before anything is stored."""

    max_file_bytes: int = 500 * _MIB
    max_bundle_bytes: int = 2048 * _MIB
    max_zip_members: int = 5000
    max_zip_ratio: float = 200.0
    max_image_pixels: int = 100_000_000
    max_pages: int = 20_000

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) <= 0:
                raise ValueError(f'limit {f.name} must be positive')


@dataclass(slots=True, kw_only=True, frozen=True)
class Settings:
    data_dir: Path = Path('courtroom-data')
    host: str = '127.0.0.1'
    port: int = 8080
    public_url: str | None = None
    limits: Limits = field(default_factory=Limits)
    token_ttl_hours: int = 12  # how long a sign-in lasts (COURTROOM_TOKEN_TTL_HOURS, 1–168)
    court: str = 'Tòa án nhân dân'  # the court's name on the minutes and records (COURTROOM_COURT)
    signing_cert: Path | None = None  # the court's X.509 certificate (PEM) for PAdES on the minutes
    signing_key: Path | None = None  # its private key (PEM)
    signers_dir: Path | None = None  # people's own certificates for PAdES: {username}/cert.pem and key.pem in it
    ice_servers: tuple[dict[str, Any], ...] = ()  # STUN/TURN for WebRTC; none on a court's own network
    time_zone: ZoneInfo = field(default_factory=lambda: zone_named(DEFAULT_ZONE))  # the court's (COURTROOM_TIMEZONE)
    segment_seconds: float = 10.0  # a recording's segment files (COURTROOM_SEGMENT_SECONDS); a crash loses one
    keep_id_images: bool = False  # the ID card stills of identity checks kept on disk (COURTROOM_KEEP_ID_IMAGES=1)

    def __post_init__(self) -> None:
        if isinstance(self.time_zone, str):  # a zone's name: checked here, so a bad one fails before anything starts
            object.__setattr__(self, 'time_zone', zone_named(self.time_zone))
        if not 1 <= self.token_ttl_hours <= 168:
            raise InvalidInput('bad_token_ttl', value=self.token_ttl_hours)
        if not 2 <= self.segment_seconds <= 600:  # the source's keyframes are 2 s apart: a segment holds at least one
            raise InvalidInput('bad_segment_seconds', value=self.segment_seconds)

    @property
    def db_path(self) -> Path:
        return self.data_dir / 'courtroom.sqlite3'

    @property
    def evidence_dir(self) -> Path:
        return self.data_dir / 'evidence'

    @property
    def identity_dir(self) -> Path:
        """The ID card stills, by their SHA-256, when the court keeps them (``keep_id_images``)."""
        return self.data_dir / 'identity'

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / 'cache'

    @property
    def recordings_dir(self) -> Path:
        return self.data_dir / 'recordings'

    @property
    def tmp_dir(self) -> Path:
        return self.data_dir / 'tmp'

    @classmethod
    def load(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        if 'COURTROOM_DATA' in env:
            values['data_dir'] = Path(env['COURTROOM_DATA'])
        if 'COURTROOM_PUBLIC_URL' in env:
            values['public_url'] = env['COURTROOM_PUBLIC_URL']
        if 'COURTROOM_ICE_SERVERS' in env:
            values['ice_servers'] = tuple(json.loads(env['COURTROOM_ICE_SERVERS']))
        if 'COURTROOM_COURT' in env:
            values['court'] = env['COURTROOM_COURT']
        if 'COURTROOM_SIGNING_CERT' in env and 'COURTROOM_SIGNING_KEY' in env:
            values['signing_cert'] = Path(env['COURTROOM_SIGNING_CERT'])
            values['signing_key'] = Path(env['COURTROOM_SIGNING_KEY'])
        if env.get('COURTROOM_SIGNERS_DIR'):
            values['signers_dir'] = Path(env['COURTROOM_SIGNERS_DIR'])
        if 'COURTROOM_TIMEZONE' in env:
            values['time_zone'] = env['COURTROOM_TIMEZONE']
        if 'COURTROOM_MAX_FILE_MB' in env:
            values['limits'] = Limits(max_file_bytes=int(env['COURTROOM_MAX_FILE_MB']) * _MIB)
        if 'COURTROOM_SEGMENT_SECONDS' in env:
            try:
                values['segment_seconds'] = float(env['COURTROOM_SEGMENT_SECONDS'])
            except ValueError:
                raise InvalidInput('bad_segment_seconds', value=env['COURTROOM_SEGMENT_SECONDS']) from None
        if 'COURTROOM_KEEP_ID_IMAGES' in env:
            values['keep_id_images'] = env['COURTROOM_KEEP_ID_IMAGES'].strip().lower() in ('1', 'true', 'yes', 'on')
        if 'COURTROOM_TOKEN_TTL_HOURS' in env:
            try:
                values['token_ttl_hours'] = int(env['COURTROOM_TOKEN_TTL_HOURS'])
            except ValueError:
                raise InvalidInput('bad_token_ttl', value=env['COURTROOM_TOKEN_TTL_HOURS']) from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        if 'data_dir' in values:
            values['data_dir'] = Path(values['data_dir'])
        return replace(cls(), **values)
