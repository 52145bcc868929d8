"""The ID card's QR: its fields found by their shape, the 12-digit number checked against the date of birth and sex,
names compared without case, marks or normalisation form, and every class of bad input refused clearly."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from courtroom.errors import InvalidInput, Unprocessable
from courtroom.identity import compare, fold_name, number_problems, parse_birth_date, parse_card_qr
from tests.id_cards import CARD_TEXT


def test_a_cccd_qr_is_read_into_its_fields() -> None:
    card = parse_card_qr(CARD_TEXT)
    assert (card.id_number, card.old_number, card.name, card.birth_date, card.sex) == (
        '001090012345', '123456789', 'Nguyễn Văn Hải', date(1990, 2, 1), 'Nam')
    assert card.address == 'Số 12 phố Huế, Hai Bà Trưng, Hà Nội' and card.issue_date == date(2021, 8, 15)


@pytest.mark.parametrize('text', [
    '001090012345||Nguyễn Văn Hải|01021990|Nam|Hà Nội|15082021',  # the old number empty
    '001090012345|Nguyễn Văn Hải|01021990|Nam|Hà Nội|15082021',  # or absent
    # a 2024 card with more fields (a cancelled number and parents' names) after the known ones
    '001090012345|123456789|Nguyễn Văn Hải|01021990|Nam|Hà Nội|15082024|||Nguyễn Văn Ba|Trần Thị Tư',
])
def test_fields_are_found_by_shape(text: str) -> None:
    card = parse_card_qr(text)
    assert (card.id_number, card.name, card.birth_date, card.sex) == (
        '001090012345', 'Nguyễn Văn Hải', date(1990, 2, 1), 'Nam')


@pytest.mark.parametrize('text', [
    'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html',  # a web address
    'BEGIN:VCARD|VERSION:3.0|FN:Nguyễn Văn Hải|END:VCARD',  # another card's format
    '001090012345|Nguyễn Văn Hải|01021990',  # three fields
    '00109001234A|123456789|Nguyễn Văn Hải|01021990|Nam|Hà Nội|15082021',  # letters in the number
    '001090012345|123456789|Nguyễn Văn Hải|31021990|Nam|Hà Nội|15082021',  # 31 February
    'x' * 3000 + '|',
])
def test_a_qr_that_is_not_an_id_cards_is_refused(text: str) -> None:
    with pytest.raises(Unprocessable) as refused:
        parse_card_qr(text)
    assert refused.value.code == 'qr_not_id_card'


def test_the_numbers_own_structure() -> None:
    assert number_problems('001090012345', date(1990, 2, 1), 'Nam') == []
    assert number_problems('027185004321', date(1985, 3, 4), 'Nữ') == []
    assert number_problems('079203001122', date(2003, 1, 1), 'Nam') == []  # born in the 21st century: 2
    assert number_problems('003090012345', date(1990, 2, 1), 'Nam') == ['id_province']  # no province 003
    assert number_problems('001190012345', date(1990, 2, 1), 'Nam') == ['id_sex']
    assert number_problems('001091012345', date(1990, 2, 1), 'Nam') == ['id_birth_year']
    assert number_problems('001290012345', date(1990, 2, 1), 'Nam') == ['id_birth_year']  # 2090, not 1990
    assert number_problems('00109001234', date(1990, 2, 1), 'Nam') == ['id_number_shape']


def test_names_compare_without_case_marks_or_normalisation_form() -> None:
    nfc = unicodedata.normalize('NFC', 'Nguyễn Văn Hải')
    nfd = unicodedata.normalize('NFD', 'Nguyễn Văn Hải')
    assert nfc != nfd and fold_name(nfc) == fold_name(nfd) == 'nguyen van hai'
    assert fold_name('NGUYỄN  VĂN   HẢI') == fold_name('nguyen van hai')
    assert fold_name('Đỗ Thị Luật') == 'do thi luat'
    assert fold_name('Nguyễn Văn Hải') != fold_name('Nguyễn Văn Hai Anh')


def test_the_card_against_the_record() -> None:
    card = parse_card_qr(CARD_TEXT)
    same = compare(card, number='0010 9001 2345', name=unicodedata.normalize('NFD', 'nguyễn văn hải'),
                   birth_date=date(1990, 2, 1))
    assert same.fields == {'id_number': True, 'name': True, 'birth_date': True} and same.match
    other = compare(card, number='001090012346', name='Nguyễn Văn Hải', birth_date=date(1990, 2, 2))
    assert other.fields == {'id_number': False, 'name': True, 'birth_date': False} and not other.match
    unknown = compare(card, number=None, name='Nguyễn Văn Hải', birth_date=None)
    assert unknown.fields == {'id_number': None, 'name': True, 'birth_date': None} and not unknown.match
    forged = parse_card_qr(CARD_TEXT.replace('001090012345', '001190012345'))  # a woman's number on a man's card
    assert compare(forged, number='001190012345', name='Nguyễn Văn Hải', birth_date=date(1990, 2, 1)).problems \
        == ['id_sex']


@pytest.mark.parametrize(('text', 'expected'), [
    ('01/02/1990', date(1990, 2, 1)), ('1-2-1990', date(1990, 2, 1)), ('1990-02-01', date(1990, 2, 1)),
    ('01021990', date(1990, 2, 1)), ('', None), (None, None)])
def test_birth_dates_as_the_clerk_types_them(text: str | None, expected: date | None) -> None:
    assert parse_birth_date(text) == expected


@pytest.mark.parametrize('text', ['31/02/1990', '1990', 'mồng một', '01/02/2999', '01/02/1850'])
def test_a_bad_birth_date_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_birth_date(text)
    assert refused.value.code == 'bad_birth_date'
