"""The minutes card of the record page: the clerk's entries and the automatic ones (stage changes, publishing,
people joining and leaving, recording starts and stops), merged and live, and a box for the clerk to write one."""

from __future__ import annotations

import asyncio

from nicegui import app, run, ui
from nicegui.events import GenericEventArguments

from courtroom.court_time import format_datetime, format_time
from courtroom.errors import CourtroomError
from courtroom.minutes import MinutesEntry, Speaker
from courtroom.roles import Action, may_in, require_in
from courtroom.users import User

from ..services import Services
from ..session import error_text, lang, t
from ..texts.keys import PARTICIPANT_ROLE_KEYS, ROLE_KEYS
from .components import testid
from .participant_labels import role_label

KIND_ICON = {'clerk': 'edit_note', 'stage_changed': 'account_tree', 'published': 'slideshow',
             'publish_approved': 'slideshow', 'cleared': 'cancel_presentation', 'kill_switch_on': 'tv_off',
             'kill_switch_off': 'tv', 'joined': 'login', 'left': 'logout', 'admitted': 'how_to_reg',
             'turned_away': 'person_off', 'removed': 'person_remove', 'point_outage': 'portable_wifi_off',
             'point_restored': 'wifi', 'recording_started': 'fiber_manual_record',
             'recording_stopped': 'stop_circle', 'recording_gap': 'warning',
             'recording_halted': 'report'}


class MinutesPanel:
    def __init__(self, services: Services, user: User, hearing_id: int, kind: str = 'hearing') -> None:
        self.services = services
        self.zone = services.settings.time_zone  # the court's: every time shown
        self.user = user
        self.hearing_id = hearing_id
        self.kind = kind  # an interrogation's or statement's minutes are kept by the procurator too
        self.may_minutes = may_in(user.role, Action.KEEP_MINUTES, kind)
        self.entries: list[MinutesEntry] | None = None
        self.people: dict[str, str] = {}  # username → name, set by the page when it loads
        self._reloading = asyncio.Lock()
        self.speakers: list[Speaker] = []  # who may be named as speaking, each with a letter (SPEAKER_KEYS)
        self.speaker: str | None = None  # the one chosen for the next entry
        self.frozen = False  # both have signed: nothing is added or changed
        self.draft_key = f'minutes_draft_{hearing_id}'  # what is typed, kept as it is typed (app.storage.user)

        with testid(ui.card(), 'minutes-panel').classes('flex-1 min-w-0 p-0 gap-0'):
            with ui.row().classes('w-full items-center justify-between no-wrap gap-2 px-4 py-3 '
                                  'border-b border-slate-200'):
                with ui.row().classes('items-center no-wrap gap-2'):
                    ui.icon('history_edu', size='1.4rem').classes('text-blue-900')
                    ui.label(t('rec_minutes')).classes('text-lg font-semibold text-slate-800')
                self.minutes_count = ui.label().classes('text-xs text-slate-500')
            self.frozen_note = testid(ui.label(t('rec_minutes_frozen')), 'minutes-frozen') \
                .classes('w-full text-xs text-green-900 bg-green-50 px-4 py-2')
            self.frozen_note.set_visibility(False)
            self.editor: ui.column | None = None
            if self.may_minutes:
                with ui.column().classes('w-full gap-2 px-4 pt-3 pb-2') as self.editor:
                    # who speaks: a letter each (Alt+letter in the text), or a click
                    self.speaker_box = testid(ui.row(), 'minutes-speakers').classes('w-full gap-1') \
                        .props(f'role=group aria-label="{t("rec_minutes_speaker")}"')
                    draft = app.storage.user.get(self.draft_key) or {}
                    self.speaker = draft.get('speaker')
                    self.minutes_text = testid(ui.textarea(placeholder=t('rec_minutes_placeholder'),
                                                           value=draft.get('text', '')),
                                               'minutes-text').props('outlined autogrow maxlength=5000') \
                        .classes('w-full')
                    self.minutes_text.on_value_change(self._keep_draft)
                    self.minutes_text.on('keydown.enter.exact.prevent', self.write_minutes)
                    self.minutes_text.on('keydown.alt.exact.prevent', self._speaker_key, ['key', 'code'])  # not AltGr
                    self.minutes_text.on('keydown.esc', lambda: self.choose_speaker(None))
                    with ui.row().classes('w-full items-center justify-between no-wrap gap-2'):
                        ui.label(t('rec_minutes_hint')).classes('text-xs text-slate-500')
                        testid(ui.button(t('rec_minutes_write'), icon='edit_note', on_click=self.write_minutes),
                               'minutes-write').props('unelevated no-caps')
            else:
                testid(ui.label(t('rec_minutes_who')), 'minutes-readonly') \
                    .classes('text-xs text-slate-500 px-4 pt-2')
            # it scrolls: reachable by keyboard, and named for a screen reader
            self.minutes_box = testid(ui.column(), 'minutes-list').classes(
                'w-full gap-0 px-2 py-2 max-h-[calc(100vh-17rem)] min-h-[12rem] overflow-y-auto') \
                .props(f'tabindex=0 role=region aria-label="{t("rec_minutes")}"')

    def render_minutes(self) -> None:
        entries = self.entries or []
        self.minutes_count.text = t('rec_minutes_count', n=len(entries)) if entries else ''
        self.minutes_box.clear()
        with self.minutes_box:
            if not entries:
                ui.label(t('rec_minutes_empty')).classes('text-sm text-slate-500 px-2 py-3')
                return
            for entry in entries:
                clerk = entry.kind == 'clerk'
                with testid(ui.row(), 'minutes-entry').classes(
                        'w-full items-start no-wrap gap-3 px-2 py-2 border-b border-slate-100 '
                        + ('bg-amber-50/40' if clerk else '')) as row:
                    row.props(f'data-kind={entry.kind}')
                    with ui.column().classes('gap-0 w-[4.5rem] shrink-0 items-start'):
                        ui.label(format_time(entry.at, self.zone)).classes('font-mono text-sm text-slate-800') \
                            .tooltip(format_datetime(entry.at, self.zone))
                        if entry.recording:
                            testid(ui.label('● ' + entry.recording.split(' ')[-1]), 'minutes-recording') \
                                .classes('font-mono text-[11px] text-red-700 whitespace-nowrap') \
                                .tooltip(t('rec_recording_at', at=entry.recording))
                    ui.icon(KIND_ICON.get(entry.kind, 'info'), size='1.1rem').classes(
                        'shrink-0 mt-0.5 ' + ('text-amber-700' if clerk else 'text-slate-400'))
                    with ui.column().classes('gap-0 min-w-0 flex-1'):
                        if entry.speaker is not None:
                            testid(ui.label(speaker_name(entry.speaker, self.kind)), 'minutes-speaker-shown') \
                                .classes('text-sm font-semibold text-slate-900')
                        testid(ui.label(entry.text), 'minutes-text-shown').classes(
                            'text-sm whitespace-pre-wrap break-words '
                            + ('text-slate-900' if clerk else 'text-slate-700'))
                        ui.label(self.people.get(entry.author, entry.author if entry.author != 'system'
                                                 else t('rec_system'))).classes('text-xs text-slate-500')
                    if clerk and entry.id is not None and self.may_minutes and not self.frozen:
                        testid(ui.button(icon='edit', on_click=lambda e=entry: self.edit_entry(e)), 'minutes-edit') \
                            .props(f'flat dense round size=sm color=grey-8 aria-label="{t("rec_minutes_edit")}"') \
                            .tooltip(t('rec_minutes_edit'))
        ui.run_javascript(f'(e => e && (e.scrollTop = e.scrollHeight))(getHtmlElement({self.minutes_box.id}))')

    async def write_minutes(self) -> None:
        text, speaker = self.minutes_text.value or '', self.speaker
        try:
            require_in(self.user.role, Action.KEEP_MINUTES, self.kind)
            await run.io_bound(lambda: self.services.minutes.write(self.hearing_id, text, author=self.user.username,
                                                                   speaker=speaker))
        except CourtroomError as e:
            ui.notify(error_text(e) if e.code != 'required_field' else t('rec_minutes_empty_text'), type='negative')
            return
        self.minutes_text.value = ''  # the speaker stays: the next words are often theirs too
        await self.reload_minutes()

    def edit_entry(self, entry: MinutesEntry) -> None:
        """A dialog to change a typed entry's words or who spoke, before the minutes are signed."""
        options = {'': t('rec_minutes_no_speaker')} | {s.key: speaker_name(s, self.kind) for s in self.speakers}
        if entry.speaker is not None and entry.speaker.key not in options:
            options[entry.speaker.key] = speaker_name(entry.speaker, self.kind)
        with ui.dialog() as dialog, testid(ui.card(), 'minutes-edit-dialog').classes('w-[36rem] max-w-full'):
            ui.label(t('rec_minutes_edit_title', time=format_time(entry.at, self.zone))).classes('text-lg')
            speaker = testid(ui.select(options, value=entry.speaker.key if entry.speaker else '',
                                       label=t('rec_minutes_speaker')), 'minutes-edit-speaker').classes('w-full')
            text = testid(ui.textarea(t('rec_minutes_words'), value=entry.text), 'minutes-edit-text') \
                .props('outlined autogrow maxlength=5000 autofocus').classes('w-full')

            async def save() -> None:
                entry_id, words, who = entry.id or 0, text.value or '', speaker.value or None
                try:
                    require_in(self.user.role, Action.KEEP_MINUTES, self.kind)
                    await run.io_bound(lambda: self.services.minutes.edit(
                        entry_id, text=words, speaker=who, speaker_given=True, actor=self.user.username))
                except CourtroomError as e:
                    ui.notify(error_text(e) if e.code != 'required_field' else t('rec_minutes_empty_text'),
                              type='negative')
                    return
                dialog.close()
                ui.notify(t('rec_minutes_edited'), type='positive')
                await self.reload_minutes()
            with ui.row().classes('w-full justify-end gap-2'):
                ui.button(t('cancel'), on_click=dialog.close).props('flat no-caps')
                testid(ui.button(t('rec_minutes_save'), icon='save', on_click=save), 'minutes-edit-save') \
                    .props('unelevated no-caps')
        dialog.on('hide', dialog.delete)
        dialog.open()

    def _keep_draft(self) -> None:
        app.storage.user[self.draft_key] = {'text': self.minutes_text.value or '', 'speaker': self.speaker}

    def _speaker_key(self, e: GenericEventArguments) -> None:
        args = e.args if isinstance(e.args, dict) else {}
        code = str(args.get('code') or '')  # KeyA…: the letter whatever the keyboard's layout and Alt make of it
        letter = code[3:].lower() if code.startswith('Key') and len(code) == 4 else ''
        chosen = next((s.key for s, key in zip(self.speakers, SPEAKER_KEYS, strict=False) if letter and key == letter),
                      None)
        if chosen is not None:
            self.choose_speaker(None if chosen == self.speaker else chosen)

    def choose_speaker(self, key: str | None) -> None:
        self.speaker = key
        self._keep_draft()
        self.render_speakers()

    def render_speakers(self) -> None:
        if not self.may_minutes:
            return
        self.speaker_box.clear()
        with self.speaker_box:
            for n, speaker in enumerate(self.speakers):
                on = speaker.key == self.speaker
                key = SPEAKER_KEYS[n] if n < len(SPEAKER_KEYS) else ''  # beyond the letters: by click only
                name = speaker_name(speaker, self.kind)
                button = testid(ui.button(f'{key.upper()} · {name}' if key else name,
                                          on_click=lambda k=speaker.key: self.choose_speaker(
                                              None if k == self.speaker else k)), 'minutes-speaker') \
                    .props(f'dense no-caps size=sm {"unelevated color=primary" if on else "outline color=grey-8"} '
                           f'aria-pressed={"true" if on else "false"} data-speaker="{speaker.key}"').classes('px-2')
                if key:
                    button.props(f'data-key={key} aria-keyshortcuts=Alt+{key.upper()}')

    async def reload_minutes(self) -> None:
        async with self._reloading:  # one at a time: an older read never lands after a newer one
            m, h, language = self.services.minutes, self.hearing_id, lang()
            signing = self.services.minutes_signing
            loaded = await run.io_bound(lambda: (m.entries(h, language), m.speakers(h), signing.frozen(h)))
            if loaded is None:
                return
            entries, speakers, frozen = loaded
            if frozen != self.frozen:
                self.frozen = frozen
                self.frozen_note.set_visibility(frozen)
                if self.editor is not None:
                    self.editor.set_visibility(not frozen)
                self.render_minutes()
            if speakers != self.speakers:
                self.speakers = speakers
                self.render_speakers()
            if entries == self.entries:
                return
            self.entries = entries
            self.render_minutes()


# a letter per person who may speak, in the order the hearing lists them (E and F are left out: with Alt, a
# browser's menus take them)
SPEAKER_KEYS = 'abcdghijklmnopqrstuvwxyz'


def speaker_name(speaker: Speaker, kind: str = 'hearing') -> str:
    """"Chủ tọa phiên tòa · Nguyễn Văn A": the title the person has in this hearing (of this ``kind``), then their
    name."""
    if speaker.key.startswith('staff:') and speaker.role in ROLE_KEYS:
        return f'{t(ROLE_KEYS[speaker.role])} · {speaker.name}'
    if speaker.role in PARTICIPANT_ROLE_KEYS:
        return f'{role_label(speaker.role, kind)} · {speaker.name}'
    return speaker.name
