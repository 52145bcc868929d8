"""The ``courtroom`` command line. Every subcommand takes ``--data DIR`` (default ./courtroom-data, or
COURTROOM_DATA) and ``--lang vi|en``; errors print one clear line in that language and exit with status 1.

Each subcommand imports what it needs inside its own function: the server (NiceGUI, aiortc) takes seconds to
import, and ``user add``, ``verify`` or ``bundle check`` should not wait for it."""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from courtroom.errors import CourtroomError, DiskFull, InvalidInput
from courtroom.settings import Settings

from .i18n import Lang, error_message
from .texts import TEXTS

HELP_DATA = 'data folder (default ./courtroom-data, or COURTROOM_DATA)'


def _common(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument('--data', metavar='DIR', help=HELP_DATA)
    parser.add_argument('--lang', choices=('vi', 'en'), default=os.environ.get('COURTROOM_LANG', 'vi'),
                        help='language of messages (default vi)')
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog='courtroom',
                                     description='Courtroom evidence presentation and hybrid hearings.')
    commands = parser.add_subparsers(dest='command', required=True, metavar='COMMAND')

    serve = _common(commands.add_parser('serve', help='run the web server (pages, API, screens)',
                                        description='Run the web server: pages, REST API (/docs), screens.'))
    serve.add_argument('--host', default='127.0.0.1', help='address to listen on (default 127.0.0.1)')
    serve.add_argument('--port', type=int, default=8080, help='port (default 8080)')
    serve.add_argument('--demo', action='store_true', help='create demo accounts and a demo hearing with its bundle')
    serve.add_argument('--public-url', help='the address participants reach the server at, e.g. https://toa.example.vn')
    serve.add_argument('--tls-cert', type=Path, help='TLS certificate (PEM) to serve HTTPS')
    serve.add_argument('--tls-key', type=Path, help='TLS private key (PEM)')
    serve.set_defaults(run=_serve)

    user = commands.add_parser('user', help='staff accounts').add_subparsers(dest='user_command', required=True,
                                                                            metavar='ACTION')
    add = _common(user.add_parser('add', help='add a staff account (password read from standard input)',
                                  description='Add a staff account. The password is read from standard input.'))
    add.add_argument('username')
    add.add_argument('--role', required=True, help='admin, clerk, presiding_judge, judge, assessor, procurator, '
                                                   'defence_counsel')
    add.add_argument('--name', help='full name')
    add.set_defaults(run=_user_add)
    reset = _common(user.add_parser('reset', help="set a new password (read from standard input); the account's "
                                                  'sessions end and a lockout lifts',
                                    description='Set a new password for a staff account, read from standard input.'))
    reset.add_argument('username')
    reset.set_defaults(run=_user_reset)
    for action, helped in (('disable', 'the account signs in no more; its sessions end now'),
                           ('enable', 'the account may sign in again')):
        command = _common(user.add_parser(action, help=helped, description=helped[0].upper() + helped[1:] + '.'))
        command.add_argument('username')
        command.set_defaults(run=_user_disable if action == 'disable' else _user_enable)

    hearing = commands.add_parser('hearing', help='hearings').add_subparsers(dest='hearing_command', required=True,
                                                                            metavar='ACTION')
    create = _common(hearing.add_parser('create', help='create a hearing and print its id',
                                        description='Create a hearing and print its id.'))
    create.add_argument('--case-number', required=True, help='case number, e.g. 125/2026/HSST')
    create.add_argument('--title', required=True, help='title of the hearing')
    create.add_argument('--staff', default='', metavar='USER,USER…',
                        help="the accounts who conduct it and may see it (each with its account's role); without "
                             'it only administrators see the hearing until a clerk is put on it')
    create.add_argument('--json', action='store_true', help='print the hearing as JSON')
    create.set_defaults(run=_hearing_create)
    listing = _common(hearing.add_parser('list', help='list hearings'))
    listing.add_argument('--json', action='store_true', help='print JSON')
    listing.set_defaults(run=_hearing_list)

    bundles = commands.add_parser('bundle', help='evidence bundles').add_subparsers(dest='bundle_command',
                                                                                   required=True, metavar='ACTION')
    imp = _common(bundles.add_parser('import', help='import files, folders or zips into a hearing as one bundle',
                                     description='Import PDFs, images, audio, video, folders or zips (with an '
                                                 'optional manifest.csv/json) into a hearing, whole or not at all.'))
    imp.add_argument('paths', nargs='+', type=Path, metavar='PATH')
    imp.add_argument('--hearing', type=int, required=True, metavar='ID', help='the hearing id')
    imp.add_argument('--json', action='store_true', help='print the created exhibits as JSON')
    imp.set_defaults(run=_bundle_import)
    check = _common(bundles.add_parser('check', help='compliance report of PDF bundles (exit 1 on an error)',
                                       description='Report page count, pages without text, bookmarks, rotated or '
                                                   'odd-sized pages and file size; exit status 1 on an error.'))
    check.add_argument('paths', nargs='+', type=Path, metavar='PATH')
    check.set_defaults(run=_bundle_check)
    keys = commands.add_parser('keys', help="the court's signing key").add_subparsers(dest='keys_command',
                                                                                    required=True, metavar='ACTION')
    init = _common(keys.add_parser('init', help="create the court's Ed25519 signing key",
                                   description="Create the court's Ed25519 signing key in DATA/keys (the private key "
                                               'readable by its owner only) and print the public key.'))
    init.add_argument('--force', action='store_true', help='replace an existing key (old records keep verifying '
                                                           'with the public key they carry)')
    init.set_defaults(run=_keys_init)

    verify = _common(commands.add_parser('verify', help='verify an exported hearing record offline',
                                         description='Check every hash, the audit chain and the signatures of a '
                                                     'record zip; name the first thing that fails. Exit status 0 '
                                                     'only when everything holds.'))
    verify.add_argument('record', type=Path, metavar='RECORD.zip')
    verify.set_defaults(run=_verify)

    backup = _common(commands.add_parser(
        'backup', help='back the data folder up, while the server runs',
        description='Copy the data folder into DEST while the server runs: the database through SQLite\'s online '
                    'backup, evidence, recordings and keys with their SHA-256 in DEST/manifest.json. Incremental: '
                    'files already in DEST with the same hash are not copied again. With --check, verify the backup '
                    'in DEST instead (exit status 1 when anything is missing or changed).'))
    backup.add_argument('dest', type=Path, metavar='DEST')
    backup.add_argument('--check', action='store_true', help='verify the backup in DEST, copy nothing')
    backup.set_defaults(run=_backup)
    restore = _common(commands.add_parser(
        'restore', help='restore a backup into an empty data folder',
        description='Check every hash of the backup in SRC, then restore it as the data folder (--data), which '
                    'must not exist or be empty.'))
    restore.add_argument('source', type=Path, metavar='SRC')
    restore.set_defaults(run=_restore)
    return parser


def _backup(args: argparse.Namespace) -> int:
    from courtroom.backup import backup, check

    if args.check:
        problems = check(args.dest)
        for problem in problems:
            print(f'FAIL {problem}', file=sys.stderr)
        if problems:
            print(TEXTS.t('cli_backup_bad', args.lang, n=len(problems)), file=sys.stderr)
            return 1
        print(TEXTS.t('cli_backup_ok', args.lang))
        return 0
    report = backup(_settings(args).data_dir, args.dest)
    print(TEXTS.t('cli_backup_done', args.lang, files=report.files, copied=report.copied, removed=report.removed,
                  mb=f'{report.bytes_copied / 1e6:.1f}'))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from courtroom.backup import restore

    data_dir = _settings(args).data_dir
    count = restore(args.source, data_dir)
    print(TEXTS.t('cli_restored', args.lang, files=count, folder=str(data_dir)))
    return 0


def _keys_init(args: argparse.Namespace) -> int:
    from courtroom.seal import init_keys

    public = init_keys(_settings(args).data_dir / 'keys', force=args.force)
    print(public.read_text(), end='')
    return 0


def _verify(args: argparse.Namespace) -> int:
    from media.record import verify_record

    verdict = verify_record(args.record)
    for what, held, detail in verdict.checks:
        print(f'{"OK  " if held else "FAIL"} {what}' + (f': {detail}' if detail else ''))
    failure = verdict.first_failure
    if failure is None and verdict.ok:
        print(TEXTS.t('cli_verified', args.lang))
        return 0
    what, detail = failure or ('record', 'empty')
    print(TEXTS.t('cli_invalid', args.lang, what=what) + (f' — {detail}' if detail else ''), file=sys.stderr)
    return 1


def _settings(args: argparse.Namespace, **overrides: Any) -> Settings:
    return Settings.load(data_dir=args.data, **overrides)


def _services(args: argparse.Namespace) -> Any:
    """The services on the data folder, closed when the command ends (``main``)."""
    from .services import build_services

    services = build_services(_settings(args), media=False)
    args.opened.append(services)
    return services


def _serve(args: argparse.Namespace) -> int:
    from .app import serve

    if bool(args.tls_cert) != bool(args.tls_key):
        print(TEXTS.t('cli_tls_pair', args.lang), file=sys.stderr)
        return 1
    settings = _settings(args, host=args.host, port=args.port, public_url=args.public_url)
    serve(settings, demo_data=args.demo, tls_cert=args.tls_cert, tls_key=args.tls_key)
    return 0


def _read_password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass('Mật khẩu / Password: ')
    return sys.stdin.readline().rstrip('\r\n')


def _user_add(args: argparse.Namespace) -> int:
    services = _services(args)
    user = services.users.add(args.username, role=args.role, password=_read_password(), name=args.name)
    print(f'{user.username} ({user.role.value})')
    return 0


def _user_reset(args: argparse.Namespace) -> int:
    _services(args).users.reset_password(args.username, _read_password(), actor=_operator())
    print(f'{args.username}: mật khẩu mới / new password set')
    return 0


def _user_disable(args: argparse.Namespace) -> int:
    _services(args).users.disable(args.username, actor=_operator())
    print(f'{args.username}: đã vô hiệu hóa / disabled')
    return 0


def _user_enable(args: argparse.Namespace) -> int:
    _services(args).users.enable(args.username, actor=_operator())
    print(f'{args.username}: đã kích hoạt lại / enabled')
    return 0


def _operator() -> str:
    """Who ran an administrator's command, for the audit chain: the system account that ran it."""
    return f'cli:{getpass.getuser()}'


def _hearing_create(args: argparse.Namespace) -> int:
    services = _services(args)
    accounts = {a.username: a.role for a in services.users.accounts()}
    staff = {}
    for username in filter(None, (u.strip() for u in args.staff.split(','))):
        if username not in accounts:  # checked before anything is made
            raise InvalidInput('staff_unknown_user', username=username)
        staff[username] = accounts[username]
    hearing = services.hearings.create(case_number=args.case_number, title=args.title, actor='cli')
    if staff:
        services.staff.assign(hearing.id, staff, actor=_operator())
    print(json.dumps(hearing.to_api(), ensure_ascii=False) if args.json else hearing.id)
    return 0


def _hearing_list(args: argparse.Namespace) -> int:
    hearings = _services(args).hearings.all()
    if args.json:
        print(json.dumps([h.to_api() for h in hearings], ensure_ascii=False))
    for h in hearings if not args.json else []:
        print(f'{h.id}\t{h.case_number}\t{h.title}')
    return 0


def progress_bar(stream: Any = None, width: int = 30) -> Callable[[int, int], None]:
    """Pages done of total, drawn on ``stream`` (the standard error as it is when the bar is made)."""
    stream = stream if stream is not None else sys.stderr

    def show(done: int, total: int) -> None:
        filled = width * done // total if total else width
        stream.write(f'\r[{"#" * filled}{"." * (width - filled)}] {done}/{total}')
        if done >= total:
            stream.write('\n')
        stream.flush()

    return show


def _bundle_import(args: argparse.Namespace) -> int:
    from media.bundle import import_bundle

    services = _services(args)
    services.hearings.get(args.hearing)
    settings = services.settings
    created = import_bundle(args.paths, hearing_id=args.hearing, actor='cli', exhibits=services.exhibits,
                            evidence=services.evidence, cache_dir=settings.cache_dir, limits=settings.limits,
                            tmp_dir=settings.tmp_dir, progress=progress_bar())
    if args.json:
        print(json.dumps([e.to_api() for e in created], ensure_ascii=False))
    else:
        for e in created:
            bl = f'BL {e.bl_first}-{e.bl_last}' if e.bl_first is not None else ''
            print(f'{e.id}\t{e.label}\t{e.kind.value}\t{e.page_count}\t{bl}\t{e.title}')
    return 0


def _bundle_check(args: argparse.Namespace) -> int:
    from media.check import check_pdf

    failed = False
    for path in args.paths:
        report = check_pdf(path)
        print(report.to_text(args.lang))
        failed |= not report.ok
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.opened = []  # the services a command opened (``_services``)
    lang: Lang = args.lang
    try:
        return int(args.run(args))
    except CourtroomError as e:
        print(TEXTS.t('cli_error', lang, message=error_message(e, lang)), file=sys.stderr)
        return 1
    except OSError as e:
        message = error_message(DiskFull('disk_full'), lang) if e.errno == errno.ENOSPC else \
            f'{e.strerror}: {e.filename}'
        print(TEXTS.t('cli_error', lang, message=message), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        for services in args.opened:
            services.close()


if __name__ == '__main__':
    sys.exit(main())
