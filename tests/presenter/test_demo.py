"""`courtroom serve --demo`, as README's first command runs it: a demo hearing with its bundle, screens, points and
participants and a redacted page, the URLs and logins printed; a second start adds nothing but fresh join links."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from tests.conftest import Server, free_port


def test_serve_demo_twice(tmp_path: Path) -> None:
    port = free_port()
    server = Server(url=f'http://127.0.0.1:{port}', data=tmp_path / 'data', port=port, log=tmp_path / 'serve.log')
    server.data.mkdir()
    counts = []
    for _ in range(2):
        server.start('--demo')
        try:
            token = httpx.post(f'{server.url}/api/auth/token', data={'username': 'thuky', 'password': 'xet-xu-2026'})
            headers = {'Authorization': f'Bearer {token.json()["access_token"]}'}
            hearing = httpx.get(f'{server.url}/api/hearings', headers=headers).json()[0]
            exhibits = httpx.get(f'{server.url}/api/hearings/{hearing["id"]}/exhibits', headers=headers).json()
            screens = httpx.get(f'{server.url}/api/hearings/{hearing["id"]}/screens', headers=headers).json()
            people = httpx.get(f'{server.url}/api/hearings/{hearing["id"]}/participants', headers=headers).json()
            treatments = httpx.get(f'{server.url}/api/hearings/{hearing["id"]}/treatments', headers=headers).json()
            redacted = [r for e in exhibits
                        for r in httpx.get(f'{server.url}/api/exhibits/{e["id"]}/redactions', headers=headers).json()]
            clips = [(c['name'], c['in_s'], c['out_s']) for e in exhibits if e['kind'] == 'video'
                     for c in httpx.get(f'{server.url}/api/exhibits/{e["id"]}/clips', headers=headers).json()]
            procurator = httpx.post(f'{server.url}/api/auth/token',
                                    data={'username': 'kiemsatvien', 'password': 'xet-xu-2026'}).json()['access_token']
            maps = httpx.get(f'{server.url}/api/hearings/{hearing["id"]}/maps',
                             headers={'Authorization': f'Bearer {procurator}'}).json()
            counts.append((len(exhibits), sum(e['page_count'] for e in exhibits), len(screens), len(people),
                           [(t['name'], t['exhibit_id'], t['page'], [m['kind'] for m in t['marks']])
                            for t in treatments], len(redacted), clips, [(m['title'], m['main']) for m in maps]))
            if len(counts) == 1:  # the case map imported from the demo's XMind file: links by BL, all resolved
                tree = httpx.get(f'{server.url}/api/maps/{maps[0]["id"]}',
                                 headers={'Authorization': f'Bearer {procurator}'}).json()
                links = [n['link'] for branch in tree['root']['children'] for n in branch['children'] if 'link' in n]
                assert len(links) >= 12 and all(not link.get('missing') for link in links), links
                assert {link['bl'] for link in links} >= {3, 7, 9, 12, 14, 21, 24, 26, 39, 50, 53}
                assert tree['source']['format'] == 'xmind'
            # the projector is the room's audio output; the camera recording plays in Chromium (VP8 WebM)
            assert [s['audience'] for s in screens if s['audio_output']] == ['public']
            assert {e['media']['mime'] for e in exhibits if e['kind'] == 'video'} == {'video/webm'}
        finally:
            server.stop()
    assert counts[0] == counts[1]
    exhibits, pages, screens, people, treatments, redacted, clips, maps = counts[0]
    assert maps == [('Sơ đồ tư duy vụ án', True)]
    assert pages >= 60 and screens == 3 and people == 3 and redacted >= 1  # a witness's address, blacked out
    # one saved treatment on a statement's page: a highlight and a callout, ready to show
    (treatment,) = treatments
    assert treatment[0] == 'Giờ mất xe theo camera' and treatment[2:] == (2, ['highlight', 'text'])
    assert clips == [('Người đội mũ xám lấy xe máy', 0.0, 20.0)]  # 20 s of the 30 s camera recording
    log = server.log.read_text()
    for path in ('/bench/1', '/judge/1', '/hearings/1', '/screen/', '/join/'):
        assert f'http://localhost:{port}{path}' in log
    assert re.search(r'thuky\s+clerk', log) and 'xet-xu-2026' in log
