"""One way to translate: catalogues of texts in Vietnamese and English, with plurals.

Every package keeps its texts in a ``Catalogue`` (the domain's error messages and minutes here in courtroom/,
media's errors and report lines in media/, the pages' texts in presenter/), and every text is read through
``Catalogue.t(key, lang, **params)``. A plain ``(vi, en)`` pair is a ``Text``; a count is a ``Plural``, chosen by
a count parameter (``n``): Vietnamese has one form, English has one and other ("1 hearing", "2 hearings").
``tests/test_i18n.py`` reads the code to check that every key used exists in both languages with the same
parameters, and that no key is unused, so a missing text fails a test instead of a page.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

Lang = Literal['vi', 'en']
LANGS: tuple[Lang, ...] = ('vi', 'en')


def language(value: object) -> Lang:
    """English when asked for ('en'), Vietnamese otherwise: the interface speaks Vietnamese first."""
    return 'en' if value == 'en' else 'vi'


def fields(template: str) -> frozenset[str]:
    """The ``{names}`` a template takes."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


class Text(NamedTuple):
    vi: str
    en: str

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.vi, self.en)

    def render(self, lang: Lang, params: Mapping[str, object]) -> str:
        return (self.en if lang == 'en' else self.vi).format(**params)


@dataclass(slots=True, frozen=True, kw_only=True)
class Plural:
    """A text about ``n`` things: ``vi`` for every count, ``one`` for exactly one in English, ``other`` otherwise.
    ``by`` names the parameter that holds the count, when it is not ``n``."""

    vi: str
    one: str
    other: str
    by: str = 'n'

    def __post_init__(self) -> None:
        if not all(self.by in fields(form) for form in (self.vi, self.other)):
            raise ValueError(f'a plural must show its count {{{self.by}}}: {self.other!r}')

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.vi, self.one, self.other)

    def render(self, lang: Lang, params: Mapping[str, object]) -> str:
        if lang == 'vi':
            return self.vi.format(**params)
        return (self.one if params[self.by] == 1 else self.other).format(**params)


Entry = Text | Plural


class Catalogue(Mapping[str, Entry]):
    """Texts by key. ``name`` says where they live, for messages about a missing key."""

    __slots__ = ('_entries', 'name')

    def __init__(self, name: str, entries: Mapping[str, tuple[str, str] | Plural]) -> None:
        self.name = name
        self._entries: dict[str, Entry] = {
            key: entry if isinstance(entry, Plural) else Text(*entry) for key, entry in entries.items()}

    def t(self, key: str, lang: Lang, /, **params: object) -> str:
        """The text of ``key`` in ``lang`` with ``params`` filled in; a ``Plural`` is chosen by ``n``."""
        return self._entries[key].render(lang, params)

    def __or__(self, other: Catalogue) -> Catalogue:
        """Both catalogues as one; a key in both is a mistake, since one of the texts would never be read."""
        shared = self._entries.keys() & other._entries.keys()
        if shared:
            raise ValueError(f'{self.name} and {other.name} both define {sorted(shared)}')
        return Catalogue(f'{self.name} | {other.name}', {**self._entries, **other._entries})

    def __getitem__(self, key: str) -> Entry:
        return self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f'Catalogue({self.name!r}, {len(self)} texts)'
