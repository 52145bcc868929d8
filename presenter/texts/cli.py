"""The command line's texts (presenter/cli.py, --lang)."""

from __future__ import annotations

from courtroom.i18n import Catalogue

CLI_TEXTS = Catalogue('presenter.texts.cli', {
    'cli_error': ('Lỗi: {message}', 'Error: {message}'),
    'cli_verified': ('Hồ sơ hợp lệ / the record verifies', 'The record verifies'),
    'cli_invalid': ('Không hợp lệ: {what}', 'Invalid: {what}'),
    'cli_tls_pair': ('--tls-cert và --tls-key phải đi cùng nhau', '--tls-cert and --tls-key go together'),
})
