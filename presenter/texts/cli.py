"""The command line's texts (presenter/cli.py, --lang)."""

from __future__ import annotations

from courtroom.i18n import Catalogue, Plural

CLI_TEXTS = Catalogue('presenter.texts.cli', {
    'cli_error': ('Lỗi: {message}', 'Error: {message}'),
    'cli_verified': ('Hồ sơ hợp lệ / the record verifies', 'The record verifies'),
    'cli_invalid': ('Không hợp lệ: {what}', 'Invalid: {what}'),
    'cli_backup_done': ('Đã sao lưu {files} tệp ({copied} tệp mới sao chép, {mb} MB; {removed} tệp không còn)',
                        'Backed up {files} files ({copied} copied, {mb} MB; {removed} no longer there)'),
    'cli_backup_ok': ('Bản sao lưu nguyên vẹn', 'The backup is whole'),
    'cli_backup_bad': Plural(vi='Bản sao lưu bị hỏng: {n} lỗi', one='The backup is damaged: {n} problem',
                             other='The backup is damaged: {n} problems'),
    'cli_restored': ('Đã khôi phục {files} tệp vào {folder}', 'Restored {files} files into {folder}'),
    'cli_tls_pair': ('--tls-cert và --tls-key phải đi cùng nhau', '--tls-cert and --tls-key go together'),
})
