"""BL numbers as people type them: in a "go to BL" field and, without the bare number, in the search box."""

from __future__ import annotations

import unicodedata

import pytest

from courtroom.bl import bl_reference, parse_bl


@pytest.mark.parametrize(('text', 'bl'), [
    ('BL 125', 125), ('bl125', 125), (' BL 125 ', 125), ('BL. 7', 7), ('bl.7', 7), ('Bút lục 12', 12),
    ('BÚT LỤC 12', 12), ('but luc 3', 3), (unicodedata.normalize('NFD', 'bút lục 9'), 9), ('BL 0000125', 125),
])
def test_a_reference_names_a_page_wherever_it_is_typed(text: str, bl: int) -> None:
    assert bl_reference(text) == parse_bl(text) == bl


@pytest.mark.parametrize('text', ['125', ' 125 ', '0042'])
def test_a_bare_number_is_a_bl_only_in_a_go_to_field(text: str) -> None:
    assert parse_bl(text) == int(text)
    assert bl_reference(text) is None  # the search box searches it as text


@pytest.mark.parametrize('text', [
    '', '   ', 'BL', 'bút lục', 'BLx 5', 'trang 5', 'abc', 'BL 12a', '12 13', 'BL 12 13', '-5', '+5', '1.5', '1e3',
    '12345678', 'BL 12345678', '²', 'BL ²', 'bl\n12\nx',
])
def test_bad_input_is_no_bl(text: str) -> None:
    assert parse_bl(text) is None
    assert bl_reference(text) is None
