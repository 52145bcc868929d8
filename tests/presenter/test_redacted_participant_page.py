"""A remote participant's evidence view gets a redacted page burned in, as the public screens do, and a new box
reaches it at once (the watermarked pages kept in memory are keyed by the rendering, which carries the boxes).
In-process: a participant is admitted through the domain, as the roll call would, without a browser."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
from fastapi import FastAPI

from courtroom.roles import Role
from courtroom.settings import Settings
from courtroom.users import User
from presenter.api import api_router
from presenter.services import build_services
from presenter.uploads import import_uploads
from tests.presenter.test_redactions_api import BOX, all_black, has_ink, image, inside, redaction_pdf

CLERK = User(id=1, username='thuky', name='Thư ký', role=Role.CLERK)
PROCURATOR = User(id=2, username='ksv', name='KSV', role=Role.PROCURATOR)


async def test_a_witness_s_evidence_view_is_redacted(tmp_path: Path) -> None:
    services = build_services(Settings(data_dir=tmp_path), media=False)
    try:
        hearing = services.hearings.create(case_number='1/2026/HSST', title='T', actor='thuky')
        (exhibit,) = import_uploads(services, hearing.id, 'thuky', [('bien-ban.pdf', io.BytesIO(redaction_pdf()))])
        point = services.points.add(hearing.id, name='Điểm cầu', kind='other', actor='thuky')
        witness, token = services.participants.add(hearing.id, name='Người làm chứng', role='witness',
                                                   point_id=point.id, actor='thuky')
        services.participants.enter_lobby(witness)
        services.participants.admit(witness.id, actor='thuky')
        services.presentation.publish(hearing.id, PROCURATOR, exhibit.id, 1)
        app = FastAPI()
        app.include_router(api_router(services))
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url='http://court')

        async def page() -> bytes:
            response = await client.get(f'/api/join/{token}/pages/{exhibit.id}/1?width=640')
            assert response.status_code == 200, response.text
            return response.content

        assert has_ink(inside(image(await page()), BOX))
        made = services.redactions.add(CLERK, exhibit_id=exhibit.id, page=1, box=BOX)
        assert all_black(inside(image(await page()), BOX))
        services.redactions.delete(made.id, CLERK)
        assert has_ink(inside(image(await page()), BOX))
        await client.aclose()
    finally:
        services.close()
