"""What a file is, decided by its content (magic bytes), never by its name. The name only serves to catch a
disguised file: a ``.pdf`` whose bytes are a PNG is refused rather than imported as whatever it really is."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from .errors import Unprocessable, UnsupportedType

_HEAD = 4096


class FileType(StrEnum):
    PDF = 'pdf'
    JPEG = 'jpeg'
    PNG = 'png'
    TIFF = 'tiff'
    ZIP = 'zip'
    AV = 'av'  # audio or video; av_probe tells which


MIME = {FileType.PDF: 'application/pdf', FileType.JPEG: 'image/jpeg', FileType.PNG: 'image/png',
        FileType.TIFF: 'image/tiff', FileType.ZIP: 'application/zip'}

_DISPLAY = {FileType.PDF: 'PDF', FileType.JPEG: 'JPEG', FileType.PNG: 'PNG', FileType.TIFF: 'TIFF',
            FileType.ZIP: 'ZIP', FileType.AV: 'audio/video'}

# Extensions we know, and the content each may hold. An extension outside this table (.docx, .exe) is refused
# as unsupported even when its bytes are a zip or a PDF; a name without an extension is judged by content alone.
_EXTENSIONS: dict[str, FileType] = {
    'pdf': FileType.PDF, 'jpg': FileType.JPEG, 'jpeg': FileType.JPEG, 'jpe': FileType.JPEG,
    'png': FileType.PNG, 'tif': FileType.TIFF, 'tiff': FileType.TIFF, 'zip': FileType.ZIP,
    **dict.fromkeys(('mp3', 'wav', 'ogg', 'oga', 'opus', 'flac', 'm4a', 'aac', 'mp4', 'm4v', 'mov', 'webm', 'mkv',
                     'mka', 'avi', 'ogv', '3gp'), FileType.AV),
}


def extension(name: str) -> str:
    suffix = Path(name).suffix
    return suffix[1:].lower() if suffix else ''


def detect(head: bytes) -> FileType | None:
    """The type that these first bytes of a file announce, or None."""
    if head.startswith(b'%PDF-'):
        return FileType.PDF
    if head.startswith(b'\xff\xd8\xff'):
        return FileType.JPEG
    if head.startswith(b'\x89PNG\r\n\x1a\n'):
        return FileType.PNG
    if head[:4] in (b'II*\x00', b'MM\x00*'):
        return FileType.TIFF
    if head[:4] in (b'PK\x03\x04', b'PK\x05\x06'):
        return FileType.ZIP
    if _is_av(head):
        return FileType.AV
    if b'%PDF-' in head[:1024]:  # PDF readers accept junk before the header, and so does MuPDF; checked last, as
        return FileType.PDF      # a zip or a video may well hold a PDF within its first kilobyte
    return None


def _is_av(head: bytes) -> bool:
    if head[:4] == b'RIFF' and head[8:12] in (b'WAVE', b'AVI '):
        return True
    if head[:4] in (b'OggS', b'fLaC', b'\x1aE\xdf\xa3'):  # Ogg, FLAC, Matroska/WebM (EBML)
        return True
    if head[4:8] == b'ftyp':  # ISO base media: MP4, M4A, MOV, 3GP
        return True
    if head[:3] == b'ID3':
        return True
    # a bare MPEG audio frame (MP3 without tags) or ADTS AAC: 11 sync bits
    return len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0 and head[1] != 0xFF


def sniff(path: Path, name: str) -> FileType:
    """The type of the file at ``path``; ``name`` is what the user calls it. Refuses unknown content
    (``unsupported_type``), a known extension on other content (``disguised_file``) and an unknown extension."""
    with path.open('rb') as f:
        head = f.read(_HEAD)
    if not head:
        raise Unprocessable('empty_file', file=name)
    found = detect(head)
    ext = extension(name)
    if found is None:
        raise UnsupportedType('unsupported_type', file=name)
    if ext:
        claimed = _EXTENSIONS.get(ext)
        if claimed is None:
            raise UnsupportedType('unsupported_type', file=name)
        if claimed != found:
            raise Unprocessable('disguised_file', file=name, claimed=ext, actual=_DISPLAY[found])
    return found
