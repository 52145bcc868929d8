"""The errors an import raises. They are the domain's classes (courtroom.errors), so the edge maps them to an HTTP
status and translates them with media.messages; this module only names which class each kind of refusal uses.

- ``InvalidInput`` (400): a bad manifest, a bundle with nothing in it, a path that does not exist.
- ``Unprocessable`` (422): a broken, encrypted, empty or disguised file; a zip that escapes its folder.
- ``TooLarge`` (413): a file, bundle, image, page count or zip expansion past ``Limits``.
- ``UnsupportedType`` (415): content that is none of PDF, JPEG, PNG, TIFF, zip, audio or video.
"""

from __future__ import annotations

from courtroom.errors import CourtroomError, InvalidInput, TooLarge, Unprocessable, UnsupportedType

__all__ = ['CourtroomError', 'InvalidInput', 'TooLarge', 'Unprocessable', 'UnsupportedType']
