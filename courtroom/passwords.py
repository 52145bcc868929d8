"""What a staff password must be: at least 10 characters, not one of the passwords tried first by anyone guessing
(the most common ones worldwide and in Vietnam, with a year or a few digits added), and not the username."""

from __future__ import annotations

import re
import unicodedata

from .errors import InvalidInput

MIN_PASSWORD = 10

# The most common passwords of the public breach lists (their first hundred or so, those of 6 characters and more),
# and those Vietnamese users choose most: compared without case, marks, spaces or signs, and without digits at the end.
COMMON = frozenset('''
123456 1234567 12345678 123456789 1234567890 0123456789 987654321 9876543210 111111 1111111 11111111 000000
00000000 123123 123123123 112233 121212 123321 654321 666666 696969 777777 888888 999999 abc123 abcdef abcdefgh
abcd1234 qwerty qwertyuiop qwerty123 asdfgh asdfghjkl zxcvbnm 1q2w3e4r 1qaz2wsx qazwsx password passw0rd p@ssw0rd
password1 iloveyou princess sunshine football baseball welcome welcome1 admin admin123 administrator letmein
monkey dragon master shadow superman batman trustno1 starwars whatever freedom hello123 hellohello login
secret secret123 changeme default computer internet michael jessica charlie donald
matkhau matkhau123 anhyeuem emyeuanh yeuem iloveu anhyeuemnhieu hanoi saigon hochiminh vietnam vietnam123
toaan toaannhandan vienkiemsat kiemsat thuky chutoa thamphan phientoa courtroom courtroom123
'''.split())


def _fold(text: str) -> str:
    """Letters and digits in lower case without marks: "Mật Khẩu", "mat-khau" and "matkhau" are the same guess."""
    decomposed = unicodedata.normalize('NFD', text.lower().replace('đ', 'd'))
    return ''.join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def check_password(password: str, username: str = '') -> None:
    """Raises ``InvalidInput('weak_password' | 'common_password' | 'password_is_username')`` for a password that
    may not be set."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInput('weak_password', min=MIN_PASSWORD)
    folded = _fold(password)
    if len(username) >= 4 and _fold(username) in folded:
        raise InvalidInput('password_is_username')
    stem = re.sub(r'\d+$', '', folded)  # "matkhau2024!" is "matkhau" with a year
    if folded in COMMON or stem in COMMON or len(set(folded)) <= 2 or folded.isdigit():
        raise InvalidInput('common_password')
