"""A server stopped mid-way (killed during an upload, an import or an export) leaves its temporary files under
DATA/tmp/; the next start removes them, and serves as before."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.conftest import make_server


def test_a_start_removes_what_a_stopped_server_left_in_tmp(tmp_path: Path) -> None:
    server = make_server(tmp_path / 'data')
    tmp = server.data / 'tmp'
    for name in ('upload-k1ll3d', 'import-k1ll3d/pages'):
        (tmp / name).mkdir(parents=True)
        (tmp / name / 'part.bin').write_bytes(b'\0' * 1024)
    (tmp / 'identity.still').write_bytes(b'x')
    server.start()
    try:
        assert list(tmp.iterdir()) == []
        assert httpx.get(f'{server.url}/api/health').json() == {'status': 'ok'}
    finally:
        server.stop()
