"""Case maps in the web process: a map file imported as a new map (its file kept in the evidence store with its
hash), and a map exported, as a file procurators' tools open (with each linked node's address in this app) or drawn
as PDF or PNG. The API (presenter.api_maps) and the case map page (presenter.pages.case_map) both use them."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from pathlib import Path

from courtroom.case_map import CaseMap, parse_tree
from courtroom.errors import InvalidInput
from courtroom.roles import Action, require
from courtroom.users import User
from media.map_files import FORMATS, read_map, write_map
from media.map_pdf import map_pdf, map_png

from .services import Services


def hearing_page_url(base: str, hearing_id: int) -> Callable[[int, int], str]:
    """A page's address in this app, written into exported maps: the hearing's page opened at that page."""
    return lambda exhibit_id, page: f'{base}/hearings/{hearing_id}?exhibit={exhibit_id}&page={page}'


def import_map_file(services: Services, hearing_id: int, user: User, name: str, data: bytes) -> CaseMap:
    """A map file as a new map; the file is kept in the evidence store with its hash. Nothing is stored when the
    file or the map in it is refused."""
    require(user.role, Action.EDIT_MAP)
    services.hearings.get(hearing_id)
    title, root = read_map(name, data)
    parse_tree(root)  # the map's own limits, before anything is stored
    sha256 = hashlib.sha256(data).hexdigest()
    fmt = 'xmind' if data[:4] == b'PK\x03\x04' else Path(name).suffix.lstrip('.').lower() or 'xml'
    with services.evidence.lock:
        with tempfile.NamedTemporaryFile(dir=services.settings.tmp_dir, prefix='map-') as tmp:
            tmp.write(data)
            tmp.flush()
            added = services.evidence.put(Path(tmp.name), sha256, name=name)
        try:
            return services.maps.create(hearing_id, user, title, root,
                                        source={'name': name[:255], 'sha256': sha256, 'format': fmt,
                                                'bytes': len(data)})
        except Exception:
            if added and sha256 not in services.exhibits.sha256_in_use():
                services.evidence.discard(sha256)
            raise


EXPORTS = (*FORMATS, 'pdf', 'pdf-tiled', 'png')  # what a map exports to: its files, and pictures of it
MEDIA_TYPES = {'xmind': 'application/vnd.xmind.workbook', 'mm': 'application/x-freemind',
               'opml': 'text/x-opml; charset=utf-8', 'pdf': 'application/pdf', 'pdf-tiled': 'application/pdf',
               'png': 'image/png'}


def export_map(found: CaseMap, fmt: str, base_url: str) -> tuple[bytes, str]:
    """The map as a file of ``fmt`` (see EXPORTS) and its file name. The files carry the procurator's notes (they
    are the procurator's own export); the PDF and PNG draw no notes."""
    page_url = hearing_page_url(base_url, found.hearing_id)
    if fmt in FORMATS:
        data = write_map(fmt, found.title, found.root, page_url)
    elif fmt in ('pdf', 'pdf-tiled'):
        data = map_pdf(found.title, found.root, page_url, tiled=fmt == 'pdf-tiled')
    elif fmt == 'png':
        data = map_png(found.title, found.root)
    else:
        raise InvalidInput('bad_map_format', formats=', '.join(EXPORTS))
    extension = 'pdf' if fmt == 'pdf-tiled' else fmt
    suffix = '-a4' if fmt == 'pdf-tiled' else ''
    return data, f'case-map-{found.id}-v{found.version}{suffix}.{extension}'
