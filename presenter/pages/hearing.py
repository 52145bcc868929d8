"""The clerk's hearing page (``/hearings/{id}``): the case header, the exhibits as cards (with their disclosure and
the restriction toggle), a page viewer, full-text search and "go to BL", and links to the bench console and the
judge's panel. The courtroom screens (``screens_panel``), the hearing's settings (``settings_panel``) and importing
the case file (``import_panel``) are panels of their own."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from nicegui import run, ui
from nicegui.element import Element

from courtroom.errors import CourtroomError
from courtroom.exhibits import Exhibit
from courtroom.hearings import Hearing
from courtroom.presentation import Snapshot
from courtroom.roles import Action, may
from courtroom.search import Hit
from courtroom.users import User
from media.image_sizes import THUMB_WIDTH

from ..live import follow
from ..search_as import exhibits_as
from ..services import Services
from ..session import error_text, t
from ..urls import public_base
from .components import PageViewer, QuietSwitches, exhibit_card, pages_text, testid
from .go_to_bl import GoToBl
from .hearing_page import hearing_for
from .import_panel import ImportPanel
from .presenting_widgets import Badges, badges
from .screens_panel import ScreensPanel
from .search_box import SearchBox
from .settings_panel import SettingsPanel
from .staff_panel import StaffPanel


def register(services: Services) -> None:
    @ui.page('/hearings/{hearing_id}')
    async def hearing_page(hearing_id: int, request: Request, exhibit: int | None = None,
                           page: int | None = None) -> None:
        """The hearing's exhibits; ``?exhibit=&page=`` (the address a case map's export gives a linked node) opens
        that page in the viewer."""
        opened = await hearing_for(services, hearing_id, Action.VIEW_HEARING, t('exhibits'))
        if opened is None:
            return
        user, hearing = opened
        view = HearingPage(services, user, hearing, public_base(services, request))
        await view.load()
        if exhibit is not None and page is not None:
            view.open_at(exhibit, page)


class HearingPage:
    """One browser tab's view of one hearing."""

    def __init__(self, services: Services, user: User, hearing: Hearing, base_url: str) -> None:
        self.services = services
        self.user = user
        self.hearing = hearing
        self.exhibits: list[Exhibit] = []
        self.viewer = PageViewer(self.page_url, services.settings.time_zone)
        self.may_restrict = may(user.role, Action.RESTRICT)
        self.badges: dict[int, Badges] = {}
        self.restrict_switches: dict[int, Any] = {}
        self.screens_panel: ScreensPanel | None = None
        self.settings_panel: SettingsPanel | None = None
        self.switches_quiet = QuietSwitches()  # the page moving a switch itself: its handler does not act

        with ui.column().classes('w-full max-w-[1400px] mx-auto p-6 gap-5'):
            with ui.row().classes('w-full items-end justify-between no-wrap gap-4'):
                with ui.column().classes('gap-1 min-w-0'):
                    ui.link(f'← {t("back_to_list")}', '/').classes('text-sm text-slate-600 no-underline')
                    testid(ui.label(t('case_no', case=hearing.case_number)), 'case-number-header') \
                        .classes('text-sm font-medium text-blue-900 uppercase tracking-wide')
                    testid(ui.label(hearing.title), 'hearing-title-header') \
                        .classes('text-2xl font-semibold text-slate-800 leading-tight')
                with ui.column().classes('items-end gap-2 shrink-0'):
                    self._role_links()
                    self.summary = testid(ui.label(), 'exhibit-summary') \
                        .classes('text-sm text-slate-600 whitespace-nowrap')
            if may(user.role, Action.MANAGE_SCREENS):
                self.screens_panel = ScreensPanel(services, user, hearing.id, base_url, lambda: self.exhibits)
            with ui.row().classes('w-full items-start no-wrap gap-5'):
                with ui.column().classes('flex-1 min-w-0 gap-3'):
                    ui.label(t('exhibits')).classes('text-lg font-semibold text-slate-800')
                    self.grid = testid(ui.element('div'), 'exhibit-grid').classes('w-full flex flex-wrap gap-4')
                with ui.column().classes('w-[26rem] shrink-0 gap-5'):
                    self._search_panel()
                    if may(user.role, Action.CONFIGURE_HEARING):
                        self.settings_panel = SettingsPanel(services, user, hearing)
                    self.staff_panel = StaffPanel(services, user, hearing.id)
                    if may(user.role, Action.IMPORT_BUNDLE):
                        self.import_panel = ImportPanel(services, user, hearing.id, self.load)

    # --- data -------------------------------------------------------------------------------------------------

    def page_url(self, exhibit: Exhibit, page: int, width: int) -> str:
        return self.services.signer.page_url(f'u{self.user.id}', exhibit.id, page, width)

    async def load(self) -> None:
        s, h = self.services, self.hearing.id
        first = not hasattr(self, '_following')
        if first:
            await self.staff_panel.load()
        if first and self.screens_panel is not None:
            self.exhibits, screens, snapshot = await run.io_bound(
                lambda: (s.exhibits.of_hearing(h), s.screens.of_hearing(h), s.presentation.snapshot(h)))
            self.screens_panel.show(screens, snapshot.state.version)
        else:  # (defence counsel: only the exhibits shown to them)
            self.exhibits = await run.io_bound(exhibits_as, s, self.user.role, h)
        self._render_grid()
        if first:
            self._following = True
            follow(s.presentation.changed, self.on_presentation)
            if self.screens_panel is not None:
                self.screens_panel.follow_changes()

    async def on_presentation(self, snapshot: Snapshot) -> None:
        """Published, blanked, restricted or reconfigured, here or elsewhere: the chips, badges and switches follow."""
        if snapshot.state.hearing_id != self.hearing.id:
            return
        if self.screens_panel is not None:
            self.screens_panel.on_version(snapshot.state.version)
        s, h = self.services, self.hearing.id
        self.hearing, exhibits = await run.io_bound(lambda: (s.hearings.get(h), exhibits_as(s, self.user.role, h)))
        if [e.id for e in exhibits] != [e.id for e in self.exhibits]:
            self.exhibits = exhibits
            self._render_grid()
        else:
            self.exhibits = exhibits
            for exhibit in exhibits:
                self._show_restriction(exhibit)
        if self.settings_panel is not None:
            self.settings_panel.show(self.hearing)

    def _render_grid(self) -> None:
        pages = sum(e.page_count for e in self.exhibits)
        self.summary.text = f'{t("n_exhibits", n=len(self.exhibits))} · {pages_text(pages)}'
        self.grid.clear()
        with self.grid:
            if not self.exhibits:
                testid(ui.label(t('no_exhibits')), 'no-exhibits').classes(
                    'w-full text-slate-500 bg-white rounded border border-dashed border-slate-300 px-6 py-12 '
                    'text-center')
            self.badges.clear()
            self.restrict_switches.clear()
            for exhibit in self.exhibits:
                exhibit_card(exhibit, self.page_url(exhibit, 1, THUMB_WIDTH), self.viewer.show)
                self._card_footer(self.grid.default_slot.children[-1], exhibit)

    def _card_footer(self, card: Element, exhibit: Exhibit) -> None:
        """Disclosure and restriction under an exhibit card; clicking here does not open the viewer."""
        with card, ui.row().classes('w-full items-center justify-between no-wrap gap-1 px-3 pb-2 -mt-1') as footer:
            footer.on('click.stop', js_handler='() => {}')
            self.badges[exhibit.id] = badges(exhibit)
            switch = testid(ui.switch(t('clerk_restricted'), value=exhibit.restricted,
                                      on_change=lambda e, x=exhibit.id: self.restrict(x, e.value)),
                            'restrict-toggle').props('dense color=red-9 size=sm left-label') \
                .classes('text-xs text-slate-600').tooltip(t('clerk_restricted_tip'))
            switch.props['data-exhibit-id'] = str(exhibit.id)
            if not self.may_restrict:
                switch.disable()
            self.restrict_switches[exhibit.id] = switch

    def _show_restriction(self, exhibit: Exhibit) -> None:
        if exhibit.id in self.badges:
            self.badges[exhibit.id].update(exhibit)
        if exhibit.id in self.restrict_switches:
            self.switches_quiet.show(self.restrict_switches[exhibit.id], exhibit.restricted)


    async def restrict(self, exhibit_id: int, restricted: bool) -> None:
        if self.switches_quiet.quiet:
            return
        try:
            await run.io_bound(self.services.presentation.set_restricted, exhibit_id, self.user, restricted)
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
            exhibit = await run.io_bound(self.services.exhibits.get, exhibit_id)
            self._show_restriction(exhibit)
            return
        exhibit = await run.io_bound(self.services.exhibits.get, exhibit_id)
        self.exhibits = [exhibit if e.id == exhibit_id else e for e in self.exhibits]
        self._show_restriction(exhibit)
    # --- links to the other consoles --------------------------------------------------------------------------

    def _role_links(self) -> None:
        role = self.user.role
        with ui.row().classes('items-center no-wrap gap-2'):
            testid(ui.button(t('hybrid_title'), icon='video_call',
                             on_click=lambda: ui.navigate.to(f'/hearings/{self.hearing.id}/participants')),
                   'open-participants').props('outline no-caps color=primary')
            if may(role, Action.PUBLISH):
                testid(ui.button(t('clerk_open_bench'), icon='slideshow',
                                 on_click=lambda: ui.navigate.to(f'/bench/{self.hearing.id}')), 'open-bench') \
                    .props('unelevated no-caps color=primary')
            if may(role, Action.EDIT_MAP):
                testid(ui.button(t('bench_open_map'), icon='account_tree',
                                 on_click=lambda: ui.navigate.to(f'/maps/{self.hearing.id}')), 'open-map') \
                    .props('outline no-caps color=primary')
            if may(role, Action.APPROVE):
                testid(ui.button(t('clerk_open_judge'), icon='gavel',
                                 on_click=lambda: ui.navigate.to(f'/judge/{self.hearing.id}')), 'open-judge') \
                    .props('unelevated no-caps color=primary')


    def _exhibit(self, exhibit_id: int) -> Exhibit | None:
        return next((e for e in self.exhibits if e.id == exhibit_id), None)

    def open_at(self, exhibit_id: int, page: int) -> None:
        """The page in the viewer, if this hearing has it (nothing happens for one it has not)."""
        exhibit = self._exhibit(exhibit_id)
        if exhibit is not None and 1 <= page <= exhibit.page_count:
            self.viewer.show(exhibit, page)

    # --- search and go to BL ----------------------------------------------------------------------------------

    def _search_panel(self) -> None:
        with testid(ui.card(), 'search-panel').classes('w-full p-4 gap-3'):
            ui.label(t('search_title')).classes('text-base font-semibold text-slate-800')
            GoToBl(self.services.exhibits, self.hearing.id, self.open_page)
            SearchBox(self.services, self.user, self.hearing.id, self.open_hit, label=t('search_label'),
                      placeholder=t('search'), hits_classes='w-full max-h-[60vh] overflow-y-auto -mx-1')

    def open_hit(self, hit: Hit) -> None:
        exhibit = self._exhibit(hit.exhibit_id)
        if exhibit is not None:
            self.viewer.show(exhibit, hit.page)

    async def open_page(self, exhibit: Exhibit, page: int) -> None:
        """A page found by "go to BL", in the viewer; an exhibit imported in another tab joins the list first."""
        if self._exhibit(exhibit.id) is None:
            await self.load()
        self.viewer.show(exhibit, page)

