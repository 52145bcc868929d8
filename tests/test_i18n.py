"""Every text the code asks for exists in Vietnamese and English with the parameters it is given, no text is
unused, and counts read right in both languages. The code is read with ``ast``, so a key that is wrong fails
here rather than on a page.

Where a key may be written (anything else is refused, so that every key stays visible to this test):
- the first argument of ``t(...)``, ``self.t(...)`` or ``CATALOGUE.t(...)``: a literal, or a choice between
  literals (``'mic_off' if on else 'mic_on'``), or a lookup in a module-level ``..._KEYS`` map of literals
  (``KEYS[value]``, ``KEYS.get(value, 'default_key')``);
- the first argument of a ``CourtroomError`` (an error code), when it is a literal.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pytest

import courtroom.errors
from courtroom.i18n import LANGS, Catalogue, Plural, Text, fields

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ('courtroom', 'media', 'conferencing', 'presenter')
ERROR_CLASSES = {'CourtroomError'} | {
    c.__name__ for c in vars(courtroom.errors).values()
    if isinstance(c, type) and issubclass(c, courtroom.errors.CourtroomError)}
PAGES = 'presenter.texts.TEXTS'  # the catalogue behind the pages' t(key, **params)
ERRORS = 'presenter.i18n.ERRORS'  # every package's error messages, as the edge reads them


def sources() -> Iterator[tuple[str, ast.Module]]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob('*.py')):
            module = '.'.join(path.relative_to(ROOT).with_suffix('').parts).removesuffix('.__init__')
            yield module, ast.parse(path.read_text(encoding='utf-8'), filename=str(path))


SOURCES = dict(sources())


def catalogues() -> dict[str, Catalogue]:
    """Every module-level catalogue, by 'module.NAME'."""
    found: dict[str, Catalogue] = {}
    for module, tree in SOURCES.items():
        for node in tree.body:
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        value = getattr(importlib.import_module(module), target.id, None)
                        if isinstance(value, Catalogue):
                            found[f'{module}.{target.id}'] = value
    return found


CATALOGUES = catalogues()
BY_NAME = {path.rpartition('.')[2]: catalogue for path, catalogue in CATALOGUES.items()}


def literal_dicts() -> set[int]:
    """The dict literals that define catalogues: their keys are definitions, not uses."""
    ids = set()
    for tree in SOURCES.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == 'Catalogue':
                ids.update(id(a) for a in node.args if isinstance(a, ast.Dict))
    return ids


@dataclass(frozen=True)
class Use:
    catalogue: str
    key: str
    where: str
    params: frozenset[str] | None  # the keyword arguments given, None when unknown (**params, or none there)


def string_constants(node: ast.AST) -> Iterator[str]:
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            yield child.value


def key_constants(node: ast.expr) -> Iterator[str]:
    """The keys a visible key expression may give: the literal, both branches of a choice, a map's default."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from key_constants(node.body)
        yield from key_constants(node.orelse)
    elif isinstance(node, ast.Call):
        yield from key_constants(node.args[1])


def key_maps(tree: ast.Module) -> dict[str, ast.Dict]:
    """The module's ``..._KEYS`` maps: a literal dict whose values are keys of the pages' catalogue."""
    maps = {}
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else node.target if isinstance(
            node, ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id.endswith('_KEYS') and isinstance(node.value, ast.Dict):
            maps[target.id] = node.value
    return maps


KEY_MAP_NAMES = {name for tree in SOURCES.values() for name in key_maps(tree)}


def translate_target(call: ast.Call, module: str) -> str | None:
    """Which catalogue a call reads, or None when it is not a translation."""
    func = call.func
    if isinstance(func, ast.Name) and func.id == 't' and module.startswith('presenter.'):
        return PAGES
    if isinstance(func, ast.Attribute) and func.attr == 't':
        if isinstance(func.value, ast.Name) and func.value.id in BY_NAME:
            return next(path for path, c in CATALOGUES.items() if c is BY_NAME[func.value.id])
        if isinstance(func.value, ast.Name) and func.value.id == 'self' and module.startswith('presenter.'):
            return PAGES
    if isinstance(func, ast.Name) and func.id in ERROR_CLASSES:
        return ERRORS
    return None


def key_is_visible(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.IfExp):
        return key_is_visible(node.body) and key_is_visible(node.orelse)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        return node.value.id in KEY_MAP_NAMES
    if is_map_get(node):  # KEYS.get(value, 'default_key')
        return len(node.args) == 2 and key_is_visible(node.args[1])
    return False


def is_map_get(node: ast.expr) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == 'get'
            and isinstance(node.func.value, ast.Name) and node.func.value.id in KEY_MAP_NAMES)


def uses() -> tuple[list[Use], list[str]]:
    found: list[Use] = []
    hidden: list[str] = []
    for module, tree in SOURCES.items():
        for name, mapping in key_maps(tree).items():
            for value in mapping.values:
                for key in string_constants(value):
                    found.append(Use(PAGES, key, f'{module}.{name}', None))
        wrappers = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == 't'
                    for n in ast.walk(f)}  # session.t and JoinPage.t pass their caller's key on
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args or id(node) in wrappers:
                continue
            target = translate_target(node, module)
            if target is None:
                continue
            where = f'{module}:{node.lineno}'
            first = node.args[0]
            if not key_is_visible(first):
                # the other catalogues are keyed by data (error codes, audit actions, finding codes, enum values),
                # so their keys may come from a variable; test_no_key_is_unused and the enum tests cover them
                if target == PAGES:
                    hidden.append(f'{where}: {ast.unparse(node)}')
                continue
            given = None if any(k.arg is None for k in node.keywords) else frozenset(
                k.arg for k in node.keywords if k.arg is not None)
            if target == PAGES and len(node.args) > 1:
                given = None
            found.extend(Use(target, key, where, given) for key in key_constants(first))
    return found, hidden


USES, HIDDEN = uses()


def test_the_catalogues_are_found() -> None:
    assert PAGES in CATALOGUES and ERRORS in CATALOGUES
    assert len(BY_NAME) == len({id(c) for c in CATALOGUES.values()}), 'two catalogues share a name'


def test_every_key_is_written_where_this_test_can_read_it() -> None:
    assert HIDDEN == [], 'build no keys at run time (f-strings, +): use a literal or a ..._KEYS map'


def test_every_key_used_exists() -> None:
    missing = [f'{u.where}: {u.key!r} is not in {u.catalogue}' for u in USES if u.key not in CATALOGUES[u.catalogue]]
    assert missing == []


def test_every_use_gives_the_parameters_its_text_takes() -> None:
    wrong = []
    for use in USES:
        entry = CATALOGUES[use.catalogue].get(use.key)
        if entry is None or use.params is None:
            continue
        wanted = frozenset().union(*map(fields, entry.forms))
        # an error may carry more than its message shows (the API returns them all); a page's text takes exactly
        if wanted - use.params or (use.catalogue == PAGES and use.params - wanted):
            wrong.append(f'{use.where}: {use.key!r} takes {sorted(wanted)}, given {sorted(use.params)}')
    assert wrong == []


def other_literals() -> set[str]:
    """Every string constant in the code but the keys where catalogues define them."""
    definitions = literal_dicts()
    key_nodes = {id(k) for tree in SOURCES.values() for node in ast.walk(tree)
                 if isinstance(node, ast.Dict) and id(node) in definitions for k in node.keys}
    return {node.value for tree in SOURCES.values() for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in key_nodes}


def test_no_key_is_unused() -> None:
    # the pages' keys count only where they are read; the other catalogues' keys (error codes, audit actions,
    # finding codes, enum values) name something the code passes around, so any literal of them counts
    literals = other_literals()
    read = {u.key for u in USES if u.catalogue == PAGES}
    unused = [f'{path}: {key!r}' for path, catalogue in CATALOGUES.items() if path != ERRORS  # a union of others
              for key in catalogue if key not in (read if path == PAGES else literals)]
    assert unused == []


@pytest.mark.parametrize('path', sorted(CATALOGUES))
def test_both_languages_take_the_same_parameters(path: str) -> None:
    different = {key: [sorted(fields(form)) for form in entry.forms] for key, entry in CATALOGUES[path].items()
                 if len({fields(form) for form in entry.forms}) > 1}
    assert different == {}


@pytest.mark.parametrize('path', sorted(CATALOGUES))
def test_every_text_is_written_in_both_languages(path: str) -> None:
    empty = [key for key, entry in CATALOGUES[path].items() if not all(form.strip() for form in entry.forms)]
    assert empty == []
    for key, entry in CATALOGUES[path].items():  # and each reads whole once its params are given
        params = dict.fromkeys(fields(entry.forms[0]), 2)
        assert all('{' not in CATALOGUES[path].t(key, lang, **params) for lang in LANGS), key


def test_counts_read_right_in_both_languages() -> None:
    pages = CATALOGUES[PAGES]
    assert pages.t('hearing_count', 'en', n=1) == '1 hearing'
    assert pages.t('hearing_count', 'en', n=2) == '2 hearings'
    assert pages.t('hearing_count', 'en', n=0) == '0 hearings'
    assert pages.t('hearing_count', 'vi', n=1) == '1 phiên tòa'
    assert pages.t('hearing_count', 'vi', n=2) == '2 phiên tòa'
    assert pages.t('n_exhibits', 'en', n=1) == '1 exhibit'


@pytest.mark.parametrize('path', sorted(CATALOGUES))
def test_every_plural_differs_between_one_and_many_in_english(path: str) -> None:
    for key, entry in CATALOGUES[path].items():
        if isinstance(entry, Plural):
            one, many = (entry.render('en', {**dict.fromkeys(fields(entry.other), 'x'), entry.by: n}) for n in (1, 2))
            assert one.replace('1', '') != many.replace('2', ''), key
            assert entry.render('vi', {**dict.fromkeys(fields(entry.vi), 'x'), entry.by: 1})


def test_a_count_without_its_plural_form_is_caught() -> None:
    """Texts that count things ({n}) in English are plurals, so no page shows "1 hearings"."""
    singular_counts = [f'{path}: {key!r}' for path, catalogue in CATALOGUES.items() for key, entry in catalogue.items()
                       if isinstance(entry, Text) and 'n' in fields(entry.en)]
    assert singular_counts == []


def test_key_maps_cover_their_enums() -> None:
    """A ``..._KEYS`` map keyed by an enum names every member, so a new member cannot go without a text."""
    incomplete = []
    for module, tree in SOURCES.items():
        for name in key_maps(tree):
            mapping = getattr(importlib.import_module(module), name)
            enums = {type(k) for k in mapping if isinstance(k, Enum)}
            for enum in enums:
                if set(enum) - set(mapping):
                    incomplete.append(f'{module}.{name}: {sorted(m.value for m in set(enum) - set(mapping))}')
    assert incomplete == []


def test_languages() -> None:
    assert LANGS == ('vi', 'en')


def test_catalogues_keyed_by_an_enum_name_every_member() -> None:
    from courtroom.minutes import STAGE_NAMES
    from courtroom.stages import Stage
    from media.check import Severity
    from media.check_messages import SEVERITY_LABELS

    assert set(STAGE_NAMES) == set(Stage)
    assert set(SEVERITY_LABELS) == set(Severity)


def test_maps_keyed_by_a_tuple_of_codes_name_every_code() -> None:
    from courtroom.hearings import KINDS
    from courtroom.participants import ID_DOCUMENT_TYPES
    from presenter.texts import ID_DOCUMENT_KEYS, JOIN_DOCUMENT_KEYS, SESSION_KIND_KEYS

    assert set(SESSION_KIND_KEYS) == set(KINDS)
    assert set(ID_DOCUMENT_KEYS) == set(JOIN_DOCUMENT_KEYS) == set(ID_DOCUMENT_TYPES)


def test_a_catalogue_refuses_to_merge_a_key_twice() -> None:
    one = Catalogue('one', {'same': ('một', 'one')})
    with pytest.raises(ValueError, match=r"one and two both define \['same'\]"):
        one | Catalogue('two', {'same': ('hai', 'two')})


def test_the_pages_texts_merge_every_module_of_presenter_texts() -> None:
    """presenter/texts/ keeps each part's texts in a module of its own; a module left out of TEXTS is a mistake."""
    parts = [c for path, c in CATALOGUES.items() if path.startswith('presenter.texts.') and path != PAGES]
    assert len(parts) > 1
    assert sum(map(len, parts)) == len(CATALOGUES[PAGES])
    assert all(CATALOGUES[PAGES][key] == entry for part in parts for key, entry in part.items())


def test_a_plural_must_show_its_count() -> None:
    with pytest.raises(ValueError, match='must show its count'):
        Plural(vi='phiên tòa', one='a hearing', other='hearings')
