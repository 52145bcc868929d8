"""The identity check by the QR code of a Vietnamese chip ID card (CCCD, and the 2024 thẻ căn cước): its text read
into fields, the 12-digit number's own structure checked (Thông tư 59/2021/TT-BCA art. 4: province of birth
registration, century and sex, year of birth), and the fields compared with the participant's record. The QR is not
signed: a match never admits anyone by itself, it makes the clerk's comparison exact and recorded.

The QR's text is fields separated by ``|``: ``ID12|CMND9|Full name|ddmmyyyy|Nam or Nữ|address|ddmmyyyy`` on the
CCCD (the old CMND number may be empty or absent); newer cards add fields whose order is not published, so fields
are found by their shape (12 digits; 9 digits or empty; 8-digit dates; Nam/Nữ), not only by position."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .errors import InvalidInput, Unprocessable

# Thông tư 59/2021/TT-BCA, phụ lục I: the provinces' codes (the 63 of 2021; the mergers of 2025 keep the numbers of
# cards already issued)
PROVINCES = frozenset({
    '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025',
    '026', '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048',
    '049', '051', '052', '054', '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075',
    '077', '079', '080', '082', '083', '084', '086', '087', '089', '091', '092', '093', '094', '095', '096'})
SEXES = {'nam': 'Nam', 'nữ': 'Nữ', 'nu': 'Nữ'}
MAX_QR_TEXT = 2000


@dataclass(frozen=True, slots=True)
class CardFields:
    id_number: str
    name: str
    birth_date: date
    sex: str  # 'Nam' | 'Nữ'
    address: str | None = None
    issue_date: date | None = None
    old_number: str | None = None

    def to_api(self) -> dict[str, Any]:
        return {'id_number': self.id_number, 'name': self.name, 'birth_date': self.birth_date.isoformat(),
                'sex': self.sex, 'address': self.address,
                'issue_date': self.issue_date.isoformat() if self.issue_date else None}


@dataclass(frozen=True, slots=True)
class Comparison:
    """Field by field against the participant's record (``None``: the record has nothing to compare with), and the
    problems found in the card's own number."""
    fields: dict[str, bool | None]
    problems: list[str] = field(default_factory=list)

    @property
    def match(self) -> bool:
        return not self.problems and all(v is True for v in self.fields.values())


def _ddmmyyyy(text: str) -> date | None:
    if not re.fullmatch(r'\d{8}', text):
        return None
    try:
        return date(int(text[4:]), int(text[2:4]), int(text[:2]))
    except ValueError:
        return None


def parse_card_qr(text: str) -> CardFields:
    """The card's fields; ``Unprocessable('qr_not_id_card')`` for a QR that is not one (a web address, another
    card's format, too few fields)."""
    if not isinstance(text, str) or len(text) > MAX_QR_TEXT or '|' not in text:
        raise Unprocessable('qr_not_id_card')
    parts = [unicodedata.normalize('NFC', p.strip()) for p in text.split('|')]
    numbers = [i for i, p in enumerate(parts) if re.fullmatch(r'\d{12}', p)]
    dates = [(i, d) for i, p in enumerate(parts) if (d := _ddmmyyyy(p)) is not None]
    sexes = [i for i, p in enumerate(parts) if p.lower() in SEXES]
    if not numbers or not dates or not sexes or len(parts) < 5:
        raise Unprocessable('qr_not_id_card')
    first = numbers[0]
    sex_at = sexes[0]
    birth = next(((i, d) for i, d in dates if i < sex_at), None)  # the date of birth comes before the sex
    # the name: the first field after the number that has letters and is not the sex
    name_at = next((i for i in range(first + 1, len(parts))
                    if any(c.isalpha() for c in parts[i]) and i not in sexes), None)
    if birth is None or name_at is None:
        raise Unprocessable('qr_not_id_card')
    old = next((p for p in parts[first + 1:name_at] if re.fullmatch(r'\d{9}', p)), None)
    address = parts[sex_at + 1] if sex_at + 1 < len(parts) and any(c.isalpha() for c in parts[sex_at + 1]) \
        else None
    issue = next((d for i, d in dates if i > sex_at), None)
    return CardFields(id_number=parts[first], name=' '.join(parts[name_at].split()), birth_date=birth[1],
                      sex=SEXES[parts[sex_at].lower()], address=address, issue_date=issue, old_number=old)


def number_problems(number: str, birth_date: date, sex: str) -> list[str]:
    """What is wrong with a 12-digit number for this date of birth and sex (codes, in order; empty if nothing)."""
    if not re.fullmatch(r'\d{12}', number):
        return ['id_number_shape']
    problems = []
    if number[:3] not in PROVINCES:
        problems.append('id_province')
    digit = int(number[3])
    century = 1900 + 100 * (digit // 2)
    if ('Nam' if digit % 2 == 0 else 'Nữ') != sex:
        problems.append('id_sex')
    if century + int(number[4:6]) != birth_date.year:
        problems.append('id_birth_year')
    return problems


def fold_name(name: str) -> str:
    """A name without case, marks or extra spaces, the same in NFC and NFD: "NGUYỄN  Văn Hải" = "nguyen van hai"."""
    decomposed = unicodedata.normalize('NFD', ' '.join(name.split()).casefold().replace('đ', 'd'))
    return ''.join(c for c in decomposed if not unicodedata.combining(c))


def parse_birth_date(value: object) -> date | None:
    """A date of birth as the clerk types it (``dd/mm/yyyy``, ``dd-mm-yyyy``, ``ddmmyyyy`` or ISO), or None when
    empty; ``InvalidInput('bad_birth_date')`` otherwise."""
    text = str(value or '').strip()
    if not text:
        return None
    iso = re.fullmatch(r'(\d{4})-(\d{2})-(\d{2})', text)
    day = re.fullmatch(r'(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})', text)
    try:
        if iso:
            found = date(int(iso[1]), int(iso[2]), int(iso[3]))
        elif day:
            found = date(int(day[3]), int(day[2]), int(day[1]))
        else:
            found = _ddmmyyyy(text)
    except ValueError:
        found = None
    if found is None or not 1900 <= found.year <= date.today().year:
        raise InvalidInput('bad_birth_date', value=text)
    return found


def compare(card: CardFields, *, number: str | None, name: str, birth_date: date | None) -> Comparison:
    """The card against the participant's record: ID number, name (without regard to case and marks) and date of
    birth; and the card's number against its own date of birth and sex."""
    fields: dict[str, bool | None] = {
        'id_number': None if not number else ''.join(number.split()) == card.id_number,
        'name': fold_name(name) == fold_name(card.name),
        'birth_date': None if birth_date is None else birth_date == card.birth_date,
    }
    return Comparison(fields=fields, problems=number_problems(card.id_number, card.birth_date, card.sex))
