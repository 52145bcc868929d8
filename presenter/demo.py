"""The demo hearing: accounts for each role and a generated Vietnamese case file, made once per data folder."""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

from courtroom.roles import Role
from media import bundle
from media.demo import DEMO_CASE, write_demo_case_file

from .services import Services

logger = logging.getLogger(__name__)

DEMO_PASSWORD = 'demo12345'
DEMO_USERS: list[tuple[str, Role, str]] = [
    ('admin', Role.ADMIN, 'Quản trị viên'),
    ('thuky', Role.CLERK, 'Trần Thị Thư Ký'),
    ('chutoa', Role.PRESIDING_JUDGE, 'Lê Văn Chủ Tọa'),
    ('kiemsatvien', Role.PROCURATOR, 'Phạm Minh Kiểm Sát'),
    ('luatsu', Role.DEFENCE_COUNSEL, 'Đỗ Thị Luật Sư'),
]


@dataclass(slots=True, frozen=True)
class DemoSummary:
    hearing_id: int
    exhibits: int
    pages: int

    def describe(self, base_url: str) -> str:
        lines = [
            '',
            f'Phiên tòa mẫu / demo hearing #{self.hearing_id}: {self.exhibits} tài liệu, {self.pages} trang',
            f'  Thư ký (clerk):        {base_url}/hearings/{self.hearing_id}',
            f'  Danh sách phiên tòa:   {base_url}/',
            f'  API (OpenAPI):         {base_url}/docs',
            '',
            f'Tài khoản mẫu / demo logins (mật khẩu / password: {DEMO_PASSWORD}):',
        ]
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
    return DemoSummary(existing.id, len(exhibits), sum(e.page_count for e in exhibits))
