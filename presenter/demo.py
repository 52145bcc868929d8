"""The demo hearing: accounts for each role, a generated Vietnamese case file, three courtroom screens, two remote
connection points with their participants, made once per data folder. Each start prints fresh join links (issuing a
link withdraws the earlier one)."""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from courtroom.exhibits import is_av
from courtroom.roles import Role
from courtroom.users import User
from demo import DEMO_CASE, write_demo_case_file, write_demo_case_map
from demo.case_map import MAP_FILE
from media import bundle
from media.redact import text_boxes

from .case_maps import import_map_file
from .services import Services

logger = logging.getLogger(__name__)

DEMO_PASSWORD = 'xet-xu-2026'
DEMO_USERS: list[tuple[str, Role, str]] = [
    ('admin', Role.ADMIN, 'Quản trị viên'),
    ('thuky', Role.CLERK, 'Trần Thị Thư Ký'),
    ('chutoa', Role.PRESIDING_JUDGE, 'Lê Văn Chủ Tọa'),
    ('kiemsatvien', Role.PROCURATOR, 'Phạm Minh Kiểm Sát'),
    ('luatsu', Role.DEFENCE_COUNSEL, 'Đỗ Thị Luật Sư'),
]


# a saved treatment (courtroom.treatments) on the victim's first statement: the time the camera saw the motorbike
# taken, highlighted where page 2 says it, and a callout; the page itself keeps no marks until it is shown
DEMO_TREATMENT = 'Giờ mất xe theo camera'
DEMO_TREATMENT_OF = 'Biên bản ghi lời khai bị hại Trần Thị Mai (ngày 09/01/2026)'
DEMO_TREATMENT_PAGE = 2
DEMO_TREATMENT_MARKS: list[dict[str, Any]] = [
    {'kind': 'highlight', 'points': [[0.305, 0.659], [0.825, 0.686]]},
    {'kind': 'text', 'points': [[0.45, 0.85], [0.95, 0.92]], 'color': 'blue',
     'text': 'Camera: người lạ ngồi cạnh xe, đi xe đi lúc 22 giờ 14 phút'},
]

# a saved clip of the camera recording (courtroom.playback): 20 s from the person walking in to the street empty
DEMO_CLIP = ('Người đội mũ xám lấy xe máy', 0.0, 20.0)
DEMO_SCREENS = [('Màn hình Hội đồng xét xử', 'panel', False), ('Máy chiếu phòng xử án', 'public', True),
                ('Màn hình người làm chứng', 'witness', False)]
# one redacted page: a witness's home address, black on the public screens, outlined for the trial panel
DEMO_REDACTION = ('Lê Văn Bình', 'số 6 ngõ 95 phố Vĩnh Phúc')
DEMO_POINTS = [('Trại tạm giam Công an TP Hà Nội', 'detention_facility'), ('TAND tỉnh Bắc Ninh', 'court')]
DEMO_PARTICIPANTS = [  # name, role, point index (None: the courtroom), ID document
    ('Máy tính phòng xử án số 2', 'courtroom', None, None),
    ('Nguyễn Văn Hải', 'defendant', 0, {'type': 'citizen_id', 'number': '001090012345', 'birth_date': '01/02/1990'}),
    ('Lê Văn Bình', 'witness', 1, {'type': 'citizen_id', 'number': '027085004321', 'birth_date': '12/05/1985'}),
]


@dataclass(slots=True, frozen=True)
class DemoSummary:
    hearing_id: int
    exhibits: int
    pages: int
    screens: list[tuple[str, str]]  # name, token
    links: list[tuple[str, str]]  # participant name, join token

    def describe(self, base_url: str) -> str:
        h = self.hearing_id
        lines = [
            '',
            f'Phiên tòa mẫu / demo hearing #{h}: {self.exhibits} tài liệu, {self.pages} trang',
            f'  Danh sách phiên tòa / hearings:        {base_url}/',
            f'  Thư ký / clerk (hồ sơ, màn hình):      {base_url}/hearings/{h}',
            f'  Điểm cầu, người tham gia / roll call:  {base_url}/hearings/{h}/participants',
            f'  Kiểm sát viên / bench console:         {base_url}/bench/{h}',
            f'  Chủ tọa / judge\'s panel:               {base_url}/judge/{h}',
            f'  Biên bản, ghi hình / record:           {base_url}/hearings/{h}/record',
            f'  API (OpenAPI):                         {base_url}/docs',
            '',
            'Màn hình phòng xử án / courtroom screens (kiosk, no login):',
        ]
        lines += [f'  {name:<36} {base_url}/screen/{token}' for name, token in self.screens]
        lines += ['', 'Đường dẫn tham gia / join links (new at every start):']
        lines += [f'  {name:<36} {base_url}/join/{token}' for name, token in self.links]
        lines += ['', f'Tài khoản mẫu / demo logins (mật khẩu / password: {DEMO_PASSWORD}):']
        lines += [f'  {username:<12} {role.value:<16} {name}' for username, role, name in DEMO_USERS]
        return '\n'.join(lines)


def ensure_demo(services: Services) -> DemoSummary:
    for username, role, name in DEMO_USERS:
        if not services.users.exists(username):
            services.users.add(username, role=role, password=DEMO_PASSWORD, name=name)
    existing = next((h for h in services.hearings.all() if h.case_number == DEMO_CASE['case_number']), None)
    if existing is None:
        existing = services.hearings.create(case_number=DEMO_CASE['case_number'], title=DEMO_CASE['title'],
                                            actor='demo')
    if not services.exhibits.of_hearing(existing.id):
        with tempfile.TemporaryDirectory(dir=services.settings.tmp_dir) as tmp:
            folder = Path(tmp) / 'ho-so-mau'  # the folder's name is the first part of each exhibit's source name
            write_demo_case_file(folder)
            settings = services.settings
            bundle.import_bundle([folder], hearing_id=existing.id, actor='demo', exhibits=services.exhibits,
                                 evidence=services.evidence, cache_dir=settings.cache_dir, limits=settings.limits,
                                 tmp_dir=settings.tmp_dir)
    exhibits = services.exhibits.of_hearing(existing.id)
    h = existing.id
    if not services.staff.of_hearing(h):  # every demo account conducts the demo hearing (the admin sees all)
        services.staff.assign(h, {username: role for username, role, _ in DEMO_USERS if role is not Role.ADMIN},
                              actor='demo')
    if not services.screens.of_hearing(h):
        for name, audience, video in DEMO_SCREENS:
            screen = services.screens.add(h, name=name, audience=audience, actor='demo', show_video=video)
            if audience == 'public':  # the projector's speakers are the courtroom's: a recording sounds from there
                services.screens.set_audio_output(screen.id, True, actor='demo')
    if len(services.points.of_hearing(h)) == 1:
        for name, kind in DEMO_POINTS:
            services.points.add(h, name=name, kind=kind, actor='demo')
    points = services.points.of_hearing(h)
    if not services.participants.of_hearing(h):
        for name, role, point, document in DEMO_PARTICIPANTS:
            services.participants.add(h, name=name, role=role, point_id=points[0 if point is None else point + 1].id,
                                      actor='demo', id_document=document)
    if not services.treatments.of_hearing(h):
        add_demo_treatment(services, h)
    if not any(services.redactions.of_exhibit(e.id) for e in exhibits):
        redact_demo_page(services, h)
    if not services.playback.clips_of_hearing(h):
        add_demo_clip(services, h)
    if not services.maps.of_hearing(h, procurator()):
        add_demo_map(services, h)
    links = [(p.name, services.participants.issue_link(p.id, actor='demo'))
             for p in services.participants.of_hearing(h) if p.state.value != 'revoked']
    return DemoSummary(h, len(exhibits), sum(e.page_count for e in exhibits),
                       [(s.name, s.token) for s in services.screens.of_hearing(h)], links)


def add_demo_treatment(services: Services, hearing_id: int) -> None:
    """The demo's saved treatment, as the procurator would prepare it before the hearing: drawn, saved, cleared."""
    statement = next((e for e in services.exhibits.of_hearing(hearing_id) if e.title == DEMO_TREATMENT_OF), None)
    if statement is None:
        return
    procurator = services.users.authenticate('kiemsatvien', DEMO_PASSWORD)
    for mark in DEMO_TREATMENT_MARKS:
        services.marks.add(hearing_id, procurator, exhibit_id=statement.id, page=DEMO_TREATMENT_PAGE, **mark)
    services.treatments.save(hearing_id, procurator, name=DEMO_TREATMENT, exhibit_id=statement.id,
                             page=DEMO_TREATMENT_PAGE)
    services.marks.clear_page(hearing_id, procurator, statement.id, DEMO_TREATMENT_PAGE)


def procurator() -> User:
    return User(id=0, username='kiemsatvien', name='demo', role=Role.PROCURATOR)


def add_demo_map(services: Services, hearing_id: int) -> None:
    """The case map the procurator drew in XMind, imported as the hearing's main map (its file kept as evidence)."""
    with tempfile.TemporaryDirectory(dir=services.settings.tmp_dir) as tmp:
        path = write_demo_case_map(Path(tmp) / MAP_FILE)
        import_map_file(services, hearing_id, procurator(), MAP_FILE, path.read_bytes())


def add_demo_clip(services: Services, hearing_id: int) -> None:
    """The camera recording's clip the procurator will play: the theft, as the camera saw it."""
    name, in_s, out_s = DEMO_CLIP
    video = next((e for e in services.exhibits.of_hearing(hearing_id) if is_av(e)), None)
    if video is None:
        return
    procurator = services.users.authenticate('kiemsatvien', DEMO_PASSWORD)
    services.playback.add_clip(video.id, procurator, name=name, in_s=in_s, out_s=out_s)


def redact_demo_page(services: Services, hearing_id: int) -> None:
    """Black out the address in the first page of a witness's statement, as the clerk would."""
    who, address = DEMO_REDACTION
    exhibit = next((e for e in services.exhibits.of_hearing(hearing_id) if e.title.endswith(who)), None)
    if exhibit is None:
        return
    clerk = User(id=0, username='demo', name='demo', role=Role.CLERK)
    boxes = text_boxes(services.evidence.path(exhibit.sha256), sha256=exhibit.sha256,
                       source_page=exhibit.source_page(1), text=address)
    for box in boxes:
        services.redactions.add(clerk, exhibit_id=exhibit.id, page=1, box=box.as_list())
    if not boxes:
        logger.warning('demo: "%s" not found on the first page of %s; nothing redacted', address, exhibit.label)
