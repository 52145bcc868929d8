"""The API under schemathesis, as each role on a hearing's staff: every operation of the served OpenAPI schema, a few
generated requests each (bounded and derandomized, to fit the suite and give the same verdict every run); no answer
is a 5xx, and every refusal is the API's error shape. Without the check of ids where they enter (presenter.api), it
finds the 500s of ids beyond SQLite's integers on a dozen operations."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings

from courtroom.roles import Role
from courtroom.settings import Settings
from presenter.api import api_router
from presenter.services import Services, build_services

EXAMPLES = 4  # per operation and role: bounded, to fit the suite
ROLES = ('clerk', 'presiding_judge', 'procurator', 'defence_counsel')


@pytest.fixture(scope='module')
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """A hearing with every role's account on its staff."""
    built = build_services(Settings(data_dir=tmp_path_factory.mktemp('fuzz')), media=False)
    for role in ROLES:
        built.users.add(role, role=role, password='mat-khau-dai-du-1', name=f'Người dùng {role}')
    h = built.hearings.create(case_number='1/2026/HSST', title='Vụ án', actor='clerk').id
    built.staff.assign(h, {role: Role(role) for role in ROLES}, actor='clerk')
    yield built
    built.close()


@pytest.mark.parametrize('role', ROLES)
def test_no_request_breaks_the_api(services: Services, role: str) -> None:
    user = next(u for u in services.users.accounts() if u.username == role)
    headers = {'Authorization': f'Bearer {services.users.issue_token(user)}'}
    app = FastAPI()
    app.include_router(api_router(services))
    schema = schemathesis.openapi.from_asgi('/openapi.json', app)
    failures: list[str] = []
    operations = 0
    for found in schema.get_all_operations():
        operation = found.ok()
        operations += 1
        if operation.path == '/api/auth/logout':  # it would end the token for every operation after it
            continue

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None,
                  derandomize=True)  # the same requests every run: CI fails on the code, not on luck
        def run(case) -> None:  # type: ignore[no-untyped-def]
            case.headers = {**(case.headers or {}), **headers}  # the role's token, not a generated one
            response = case.call()
            where = f'{case.method} {case.formatted_path}'
            if response.status_code >= 500:
                failures.append(f'{where}: {response.status_code} {response.text[:200]}')
            elif response.status_code >= 400 and 'application/json' in str(response.headers.get('content-type')):
                error = response.json().get('error') if isinstance(response.json(), dict) else None
                if not (isinstance(error, dict) and error.get('code') and error.get('message')):
                    failures.append(f'{where}: {response.status_code} not the error shape: {response.text[:200]}')
        run()
    assert operations > 80
    assert not failures, '\n'.join(sorted(set(failures))[:40])
