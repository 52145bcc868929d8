"""The optional manifest of a bundle: ``manifest.csv`` or ``manifest.json`` at the root of a folder or zip, or
given among the paths. Each row names a file of the bundle and may split a PDF (``pages``), set the exhibit's
``label``, ``title``, ``party`` and first bút lục (``bl``). See docs/manifest.md.

Parsing is pure: a row is checked on its own here; whether its file exists and its pages fit is checked by
``check_against`` once the bundle's files are known."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InvalidInput

MANIFEST_NAMES = ('manifest.csv', 'manifest.json')
FIELDS = ('file', 'pages', 'label', 'title', 'party', 'bl')
MAX_MANIFEST_BYTES = 4 << 20
_MAX_TEXT = {'label': 32, 'title': 500, 'party': 200, 'file': 1000}
_RANGE = re.compile(r'^\s*(\d{1,7})\s*(?:[-–]\s*(\d{1,7})\s*)?$')


def is_manifest(name: str) -> bool:
    return Path(name).name.lower() in MANIFEST_NAMES


@dataclass(slots=True, kw_only=True, frozen=True)
class ManifestRow:
    """One row. ``row`` is where a person finds it: the spreadsheet row for CSV (the header is row 1), the
    1-based entry for JSON. ``pages`` and ``bl`` are inclusive ranges; a single number is a one-element range for
    ``pages`` and only the first BL for ``bl`` (``bl_last`` None)."""

    row: int
    file: str
    pages: tuple[int, int] | None = None
    label: str | None = None
    title: str | None = None
    party: str | None = None
    bl_first: int | None = None
    bl_last: int | None = None


@dataclass(slots=True, kw_only=True, frozen=True)
class Manifest:
    name: str
    rows: list[ManifestRow]


def norm_name(name: str) -> str:
    """How file names are compared: NFC (Vietnamese names come in both forms), forward slashes, no leading ./"""
    name = unicodedata.normalize('NFC', name.strip().replace('\\', '/'))
    while name.startswith('./'):
        name = name[2:]
    return name


def parse(data: bytes, name: str) -> Manifest:
    """Parse a manifest's bytes; ``name`` decides CSV or JSON and appears in every error."""
    if len(data) > MAX_MANIFEST_BYTES:
        raise InvalidInput('manifest_broken', file=name, detail=f'larger than {MAX_MANIFEST_BYTES} bytes')
    try:
        text = data.decode('utf-8-sig')
    except UnicodeDecodeError as e:
        raise InvalidInput('manifest_broken', file=name, detail='not UTF-8 text') from e
    raw = _json_rows(text, name) if name.lower().endswith('.json') else _csv_rows(text, name)
    rows = [_row(number, values, name) for number, values in raw]
    if not rows:
        raise InvalidInput('manifest_empty', file=name)
    return Manifest(name=name, rows=rows)


def _csv_rows(text: str, name: str) -> list[tuple[int, dict[str, Any]]]:
    first = text.split('\n', 1)[0]
    # Excel in locales with a decimal comma (Vietnam among them) saves CSV with semicolons
    delimiter = ';' if first.count(';') > first.count(',') else ','
    reader = csv.reader(io.StringIO(text, newline=''), delimiter=delimiter, strict=True)
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        _check_header(header, name)
        rows = []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(header):
                raise InvalidInput('manifest_broken', file=name, detail=f'row {reader.line_num} has too many cells')
            rows.append((reader.line_num, dict(zip(header, values, strict=False))))
    except csv.Error as e:
        raise InvalidInput('manifest_broken', file=name, detail=f'row {reader.line_num}: {e}') from e
    return rows


def _json_rows(text: str, name: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise InvalidInput('manifest_broken', file=name, detail=f'line {e.lineno}: {e.msg}') from e
    if isinstance(doc, dict):
        doc = doc.get('exhibits')
    if not isinstance(doc, list):
        raise InvalidInput('manifest_broken', file=name, detail='expected a list of exhibits or {"exhibits": [...]}')
    rows = []
    for number, entry in enumerate(doc, start=1):
        if not isinstance(entry, dict):
            raise InvalidInput('manifest_broken', file=name, detail=f'entry {number} is not an object')
        entry = {str(k).strip().lower(): v for k, v in entry.items()}
        _check_header(list(entry), name, require_file=False)  # a missing "file" is reported with its entry
        rows.append((number, entry))
    return rows


def _check_header(header: list[str], name: str, *, require_file: bool = True) -> None:
    for field in header:
        if field not in FIELDS:
            raise InvalidInput('manifest_unknown_field', file=name, field=field)
    if require_file and 'file' not in header:
        raise InvalidInput('manifest_missing_field', file=name, row=1, field='file')


def _text(values: dict[str, Any], field: str, row: int, name: str) -> str | None:
    value = values.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput('manifest_bad_field', file=name, row=row, field=field, value=str(value))
    value = unicodedata.normalize('NFC', value.strip())
    if len(value) > _MAX_TEXT[field] or any(ord(c) < 32 for c in value):
        raise InvalidInput('manifest_bad_field', file=name, row=row, field=field, value=value[:80])
    return value or None


def _range(values: dict[str, Any], field: str, row: int, name: str) -> tuple[int, int | None] | None:
    value = values.get(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    match = _RANGE.match(value) if isinstance(value, str) else None
    if match is None:
        raise InvalidInput('manifest_bad_field', file=name, row=row, field=field, value=str(value)[:80])
    first, last = int(match[1]), int(match[2]) if match[2] else None
    if first < 1 or (last is not None and last < first):
        raise InvalidInput('manifest_bad_field', file=name, row=row, field=field, value=value.strip())
    return first, last


def _row(row: int, values: dict[str, Any], name: str) -> ManifestRow:
    file = _text(values, 'file', row, name)
    if not file:
        raise InvalidInput('manifest_missing_field', file=name, row=row, field='file')
    pages = _range(values, 'pages', row, name)
    bl = _range(values, 'bl', row, name)
    return ManifestRow(
        row=row, file=norm_name(file),
        pages=None if pages is None else (pages[0], pages[1] if pages[1] is not None else pages[0]),
        label=_text(values, 'label', row, name), title=_text(values, 'title', row, name),
        party=_text(values, 'party', row, name),
        bl_first=None if bl is None else bl[0], bl_last=None if bl is None else bl[1],
    )


def pages_of(row: ManifestRow, page_count: int, manifest: str) -> tuple[int, int]:
    """The row's inclusive page range within a file of ``page_count`` pages (the whole file without ``pages``)."""
    if row.pages is None:
        first, last = 1, page_count
    else:
        first, last = row.pages
    if last > page_count:
        raise InvalidInput('manifest_bad_pages', file=manifest, row=row.row, value=f'{first}-{last}',
                           page_count=page_count)
    if row.bl_last is not None and row.bl_first is not None and row.bl_last - row.bl_first + 1 != last - first + 1:
        raise InvalidInput('manifest_bl_mismatch', file=manifest, row=row.row, value=f'{row.bl_first}-{row.bl_last}',
                           count=row.bl_last - row.bl_first + 1, pages=last - first + 1)
    return first, last


def check_files(manifest: Manifest, names: list[str]) -> None:
    """Every row names a file of the bundle, and every file of the bundle is in some row."""
    known = set(names)
    for row in manifest.rows:
        if row.file not in known:
            raise InvalidInput('manifest_unknown_file', file=manifest.name, row=row.row, value=row.file)
    listed = {row.file for row in manifest.rows}
    for name in names:
        if name not in listed:
            raise InvalidInput('manifest_unlisted_file', file=manifest.name, value=name)
