"""The hearing's stage on staff pages: the presiding judge's card to move the hearing through its stages (suspend
with a reason, postpone with a reason and a new date), and a small live badge for every other page. Both follow
``services.stages.changed``; the names are GLOSSARY.md's (courtroom.minutes.STAGE_NAMES)."""

from __future__ import annotations

from collections.abc import Awaitable

from nicegui import run, ui
from nicegui.element import Element

from courtroom.court_time import court_tomorrow, format_date
from courtroom.errors import CourtroomError
from courtroom.minutes import STAGE_NAMES
from courtroom.roles import Action, may_in, require_in
from courtroom.stages import ORDER, Stage, StageChange, allowed
from courtroom.users import User

from ..live import follow
from ..services import Services
from ..session import error_text, lang, t
from ..texts import TEXTS
from .components import testid

# the badge's colours: a sitting hearing blue, an interrupted one amber or red, the rest slate
STAGE_STYLE: dict[str, str] = {
    'preparing': 'bg-slate-100 text-slate-700 border-slate-300',
    'opening': 'bg-blue-50 text-blue-900 border-blue-300',
    'examination': 'bg-blue-50 text-blue-900 border-blue-300',
    'arguments': 'bg-blue-50 text-blue-900 border-blue-300',
    'deliberation': 'bg-indigo-50 text-indigo-900 border-indigo-300',
    'pronouncement': 'bg-indigo-50 text-indigo-900 border-indigo-300',
    'suspended': 'bg-amber-100 text-amber-900 border-amber-400',
    'postponed': 'bg-red-50 text-red-900 border-red-300',
    'closed': 'bg-slate-200 text-slate-700 border-slate-400',
}
STAGE_ICON: dict[str, str] = {
    'preparing': 'hourglass_empty', 'opening': 'gavel', 'examination': 'record_voice_over', 'arguments': 'forum',
    'deliberation': 'groups', 'pronouncement': 'campaign', 'suspended': 'pause_circle', 'postponed': 'event_busy',
    'closed': 'lock',
}


# --- pure helpers ---------------------------------------------------------------------------------------------

def stage_name(stage: str, language: str = 'vi') -> str:
    return STAGE_NAMES.t(stage, 'en' if language == 'en' else 'vi') if stage in STAGE_NAMES else stage


def stage_text(stage: str, reason: str | None, resume_on: str | None, language: str = 'vi') -> str:
    """ "Xét hỏi", "Tạm ngừng — lý do", "Hoãn — đến ngày 20/05/2026 — lý do"."""
    parts = [stage_name(stage, language)]
    if stage == 'postponed' and resume_on:
        parts.append(TEXTS.t('stage_until', 'en' if language == 'en' else 'vi', day=format_date(resume_on)))
    if stage in ('suspended', 'postponed') and reason:
        parts.append(reason)
    return ' — '.join(parts)


def next_stages(current: Stage, before: Stage | None, kind: str = 'hearing') -> list[Stage]:
    """The allowed moves in the procedure's order: forward first, then returns, suspend, postpone, close."""
    moves = allowed(current, before, kind)
    rank = {s: i for i, s in enumerate(ORDER)}
    resume = [before or Stage.OPENING] if current is Stage.SUSPENDED else []
    ordinary = sorted((s for s in moves if s in rank and s not in resume and s is not Stage.CLOSED),
                      key=lambda s: (rank[s] < rank.get(current, -1), rank[s]))
    tail = [s for s in (Stage.SUSPENDED, Stage.POSTPONED, Stage.CLOSED) if s in moves and s not in resume]
    return resume + ordinary + tail


# --- the badge ------------------------------------------------------------------------------------------------

def stage_badge(services: Services, hearing_id: int) -> Element:
    """A small badge with the hearing's stage (and why and until when, when suspended or postponed), live."""
    badge = testid(ui.row(), 'stage-badge').classes('items-center no-wrap gap-1.5 rounded-full border px-3 py-1 '
                                                    'text-sm font-medium max-w-[28rem]')
    with badge:
        icon = ui.icon('gavel', size='1.1rem').classes('shrink-0')
        label = testid(ui.label(), 'stage-badge-text').classes('truncate')

    def show(stage: str, reason: str | None, resume_on: str | None) -> None:
        badge.classes(replace='nicegui-row items-center no-wrap gap-1.5 rounded-full border px-3 py-1 text-sm '
                              'font-medium max-w-[28rem] ' + STAGE_STYLE.get(stage, ''))
        badge.props(f'data-stage={stage}')
        icon.name = STAGE_ICON.get(stage, 'gavel')
        label.text = stage_text(stage, reason, resume_on, lang())
        label.props['title'] = label.text  # a long reason is cut short in the badge

    stage, _, reason, resume_on = services.stages.current(hearing_id)
    show(stage.value, reason, resume_on)

    def changed(change: StageChange) -> None:
        if change.hearing_id == hearing_id:
            show(change.stage.value, change.reason, change.resume_on)

    follow(services.stages.changed, changed)
    return badge


# --- the presiding judge's card -------------------------------------------------------------------------------

class StageControl:
    """The card: where the hearing stands, and a button for every move the procedure allows from there."""

    def __init__(self, services: Services, user: User, hearing_id: int) -> None:
        self.services = services
        self.user = user
        self.hearing_id = hearing_id
        self.kind = services.hearings.get(hearing_id).kind  # an interrogation is led by the procurator
        self.may_control = may_in(user.role, Action.CONTROL_STAGE, self.kind)
        self.target: Stage | None = None
        with testid(ui.card(), 'stage-control').classes('w-full p-4 gap-3') as self.card:
            with ui.row().classes('w-full items-center justify-between no-wrap gap-3'):
                with ui.row().classes('items-center no-wrap gap-2'):
                    ui.icon('account_tree', size='1.3rem').classes('text-blue-900')
                    ui.label(t('rec_stage_title')).classes('text-base font-semibold text-slate-800')
                self.current = testid(ui.label(), 'stage-current').classes(
                    'text-sm font-semibold rounded-full border px-3 py-0.5 whitespace-nowrap')
            self.detail = testid(ui.label(), 'stage-detail').classes('text-sm text-slate-600 -mt-1')
            self.buttons = ui.row().classes('w-full items-center gap-2')
            if not self.may_control:
                ui.label(t('rec_stage_judge_only')).classes('text-xs text-slate-500')
        self._dialog()
        self.render()
        follow(services.stages.changed, lambda change: self.render() if change.hearing_id == hearing_id else None)

    def _dialog(self) -> None:
        with ui.dialog() as self.dialog, testid(ui.card(), 'stage-dialog').classes('w-[30rem] max-w-[95vw] p-5 gap-3'):
            self.dialog_title = ui.label().classes('text-lg font-semibold text-slate-800')
            self.reason = testid(ui.textarea(t('rec_stage_reason')), 'stage-reason') \
                .props('outlined autogrow maxlength=500').classes('w-full')
            with ui.column().classes('w-full gap-1') as self.date_box:
                ui.label(t('rec_stage_resume_on')).classes('text-sm text-slate-600')
                tomorrow = court_tomorrow(self.services.settings.time_zone).strftime('%Y/%m/%d')  # ui.date's format
                self.date = testid(ui.date(mask='YYYY-MM-DD'), 'stage-date').classes('w-full')
                self.date.props(f':options="d => d >= \'{tomorrow}\'" minimal')
            self.dialog_error = testid(ui.label(), 'stage-error').classes('text-sm text-red-700 empty:hidden')
            with ui.row().classes('w-full justify-end gap-2'):
                ui.button(t('cancel'), on_click=self.dialog.close).props('flat')
                testid(ui.button(t('rec_stage_confirm'), on_click=self.confirm), 'stage-confirm').props('unelevated')

    def render(self) -> None:
        stage, before, reason, resume_on = self.services.stages.current(self.hearing_id)
        language = lang()
        self.current.text = stage_name(stage.value, language)
        self.current.classes(replace='text-sm font-semibold rounded-full border px-3 py-0.5 whitespace-nowrap '
                                     + STAGE_STYLE.get(stage.value, ''))
        self.current.props(f'data-stage={stage.value}')
        self.card.props(f'data-stage={stage.value}')
        detail = ''
        if stage is Stage.SUSPENDED:
            detail = t('rec_stage_suspended_detail', reason=reason or '—', before=stage_name(
                (before or Stage.OPENING).value, language))
        elif stage is Stage.POSTPONED:
            detail = t('rec_stage_postponed_detail', reason=reason or '—', day=format_date(resume_on))
        self.detail.text = detail
        self.detail.set_visibility(bool(detail))
        self.buttons.clear()
        if not self.may_control:
            return
        with self.buttons:
            moves = next_stages(stage, before, self.services.hearings.get(self.hearing_id).kind)
            if not moves:
                ui.label(t('rec_stage_no_moves')).classes('text-sm text-slate-500')
            for target in moves:
                self._button(stage, before, target)

    def _button(self, current: Stage, before: Stage | None, target: Stage) -> None:
        name = stage_name(target.value, lang())
        if current is Stage.SUSPENDED and target is (before or Stage.OPENING):
            text, icon, props = t('rec_stage_resume', stage=name), 'play_arrow', 'unelevated color=positive'
        elif target is Stage.SUSPENDED:
            text, icon, props = t('rec_stage_suspend'), 'pause', 'outline color=warning'
        elif target is Stage.POSTPONED:
            text, icon, props = t('rec_stage_postpone'), 'event_busy', 'outline color=negative'
        elif target is Stage.CLOSED:
            text, icon, props = name, 'lock', 'outline color=grey-8'
        elif target in ORDER and current in ORDER and ORDER.index(target) < ORDER.index(current):
            text, icon, props = t('rec_stage_back_to', stage=name), 'undo', 'outline'
        else:
            text, icon, props = name, STAGE_ICON.get(target.value, 'arrow_forward'), 'unelevated'
        button = testid(ui.button(text, icon=icon, on_click=lambda: self.ask(target)), f'stage-to-{target.value}')
        button.props(f'{props} no-caps dense').classes('px-3')

    def ask(self, target: Stage) -> Awaitable[bool] | None:
        """A suspension or postponement asks why (and until when), at once (no await before the dialog is set);
        every other move happens at once."""
        if target in (Stage.SUSPENDED, Stage.POSTPONED):
            self.target = target
            self.dialog_title.text = t('rec_stage_suspend_title' if target is Stage.SUSPENDED
                                       else 'rec_stage_postpone_title')
            self.reason.value = ''
            self.date.value = None
            self.date_box.set_visibility(target is Stage.POSTPONED)
            self.dialog_error.text = ''
            self.dialog.open()
            return None
        return self.move(target)

    async def confirm(self) -> None:
        if self.target is None:
            return
        reason = (self.reason.value or '').strip()
        if not reason:
            self.dialog_error.text = t('rec_stage_reason_needed')
            return
        if self.target is Stage.POSTPONED and not self.date.value:
            self.dialog_error.text = t('rec_stage_date_needed')
            return
        if await self.move(self.target, reason, self.date.value if self.target is Stage.POSTPONED else None,
                           in_dialog=True):
            self.dialog.close()

    async def move(self, target: Stage, reason: str | None = None, resume_on: str | None = None, *,
                   in_dialog: bool = False) -> bool:
        started = False
        try:
            require_in(self.user.role, Action.CONTROL_STAGE, self.kind)
            started = await self._record_first(target)
            await run.io_bound(lambda: self.services.stages.move(self.hearing_id, target.value,
                                                                 actor=self.user.username, reason=reason,
                                                                 resume_on=resume_on))
        except CourtroomError as e:
            if started:  # the move failed: not recording after all
                try:
                    await self.services.conference.set_recording(self.hearing_id, False, actor=self.user.username)
                except CourtroomError:
                    pass
            if in_dialog:
                self.dialog_error.text = error_text(e)
            else:
                ui.notify(error_text(e), type='negative')
            return False
        self.render()  # the event does it too; now, so that a quick second click sees the new stage
        ui.notify(t('rec_stage_moved', stage=stage_name(target.value, lang())), type='positive')
        return True

    async def _record_first(self, target: Stage) -> bool:
        """An interrogation or statement sits only while recorded: recording starts before the move into a sitting
        stage (stages.move refuses with needs_recording otherwise). True if it was started here."""
        hearing = await run.io_bound(self.services.hearings.get, self.hearing_id)
        if not hearing.recorded_whole or not target.in_session:
            return False
        on, _ = await run.io_bound(self.services.recordings.state, self.hearing_id)
        if on:
            return False
        require_in(self.user.role, Action.RECORD, self.kind)
        await self.services.conference.set_recording(self.hearing_id, True, actor=self.user.username)
        return True


def stage_control(services: Services, user: User, hearing_id: int) -> StageControl:
    """The presiding judge's stage card (read-only for anyone else), in the current container."""
    return StageControl(services, user, hearing_id)
