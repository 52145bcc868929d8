"""The case map page (``/maps/{hearing_id}``): the procurator's mind map of the case (courtroom.case_map), edited
in mind-elixir (presenter/static/case_map.js) by keyboard and mouse, each change saved as a new version; a panel
for the selected node's link to a page ("BL 125", with its thumbnail, or flagged when the page does not exist),
its note and its markers; a new map from the template, import of XMind, FreeMind and OPML files, export to them,
and sharing with the presiding judge and the clerk."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from nicegui import run, ui
from nicegui.events import GenericEventArguments, UploadEventArguments

from courtroom.case_map import MARKERS, CaseMap, Link, asked_link, bl_in_text, template
from courtroom.court_time import format_time
from courtroom.errors import CourtroomError
from courtroom.exhibits import Exhibit
from courtroom.hearings import Hearing
from courtroom.roles import Action
from courtroom.users import User
from media.map_files import MAX_FILE

from ..case_maps import EXPORTS, export_map, import_map_file
from ..services import Services
from ..session import error_text, lang, t
from ..texts import MAP_MARKER_KEYS
from .components import testid
from .hearing_page import hearing_for

VENDOR = '/static/courtroom/vendor/mind-elixir'
SCRIPT = (f'<link rel="stylesheet" href="{VENDOR}/MindElixir.css"><script src="{VENDOR}/MindElixir.iife.js"></script>'
          '<script src="/static/courtroom/map_fold.js"></script><script src="/static/courtroom/case_map.js"></script>'
          '<style>.map-tag-missing{background:#fee2e2!important;color:#991b1b!important}'
          '.map-tag{background:#dbeafe!important;color:#1e3a8a!important}</style>')
FORMAT_NAMES = {'xmind': 'XMind (.xmind)', 'mm': 'FreeMind (.mm)', 'opml': 'OPML (.opml)', 'pdf': 'PDF',
                'pdf-tiled': 'PDF A4', 'png': 'PNG'}
MARKER_ICONS = {'for': 'add_circle', 'against': 'remove_circle', 'clarify': 'help', 'key': 'star'}


def register(services: Services) -> None:
    @ui.page('/maps/{hearing_id}')
    async def case_map_page(hearing_id: int, map: int | None = None) -> None:
        ui.add_head_html(SCRIPT)
        opened = await hearing_for(services, hearing_id, Action.EDIT_MAP, t('map_title'), t('map_refused'))
        if opened is None:
            return
        user, hearing = opened
        page = CaseMapPage(services, user, hearing)
        await page.load(map)


class CaseMapPage:
    def __init__(self, services: Services, user: User, hearing: Hearing) -> None:
        self.services = services
        self.user = user
        self.hearing = hearing
        self.zone = services.settings.time_zone
        self.maps: list[CaseMap] = []
        self.current: CaseMap | None = None
        self.exhibits: dict[int, Exhibit] = {}
        self.node: dict[str, Any] | None = None  # the selected node, as the editor sent it
        self.saving = asyncio.Lock()
        self.pending: dict[str, Any] | None = None  # {map_id, root} to save once the save in flight is done

        with ui.column().classes('w-full p-4 gap-3'):
            with ui.row().classes('w-full items-center gap-3'):
                ui.link(f'← {t("bench_title")}', f'/bench/{hearing.id}').classes('text-sm text-slate-700')
                ui.label(t('map_title')).classes('text-xl font-semibold text-slate-800')
                self.chooser = testid(ui.select({}, label=t('map_choose'), on_change=self._on_choose), 'map-choose') \
                    .classes('min-w-[16rem]').props('outlined dense')
                testid(ui.button(t('map_new'), icon='account_tree', on_click=self.new_map), 'map-new') \
                    .props('outline no-caps color=primary')
                # Quasar's uploader, hidden: a plain labelled button opens its file picker (in the click itself,
                # so the browser lets it), and a file is imported as soon as it is chosen
                self.upload = testid(ui.upload(auto_upload=True, max_file_size=MAX_FILE, on_upload=self.on_upload,
                                               on_rejected=lambda: ui.notify(t('upload_rejected'), type='warning')),
                                     'map-import').props('accept=".xmind,.mm,.opml,.xml"').classes('hidden')
                testid(ui.button(t('map_import'), icon='upload_file'), 'map-import-button') \
                    .props('outline no-caps color=primary') \
                    .on('click', js_handler=f'() => getElement({self.upload.id}).pickFiles()')
                with testid(ui.dropdown_button(t('map_export'), icon='download', auto_close=True), 'map-export') \
                        .props('outline no-caps color=primary') as self.export_button:
                    for fmt in EXPORTS:
                        testid(ui.item(t('map_export_as', format=FORMAT_NAMES[fmt]),
                                       on_click=lambda fmt=fmt: self.export(fmt)), f'map-export-{fmt}')
                self.share = testid(ui.switch(t('map_share'), on_change=self._on_share), 'map-share')
            with ui.row().classes('w-full items-center gap-3') as self.present_row:
                testid(ui.button(t('map_publish'), icon='cast', on_click=lambda: self.publish_map(branch=False)),
                       'map-publish').props('unelevated no-caps color=green-9')
                testid(ui.button(t('map_publish_branch'), icon='account_tree',
                                 on_click=lambda: self.publish_map(branch=True)), 'map-publish-branch') \
                    .props('outline no-caps color=green-9')
                self.follow = testid(ui.switch(t('map_follow'), value=True), 'map-follow')
                self.status = testid(ui.label(), 'map-status').classes('text-sm text-slate-700 ml-auto')
            self.keys = ui.label(t('map_keys')).classes('text-xs text-slate-600')
            self.empty = testid(ui.label(t('map_none')), 'map-none').classes('text-base text-slate-700 py-8')
            with ui.row().classes('w-full items-start no-wrap gap-4') as self.body:
                self.canvas = testid(ui.element('div'), 'map-canvas').classes(
                    'flex-1 min-w-0 h-[72vh] bg-white rounded shadow-sm').props(
                    f'role=region aria-label="{t("map_canvas")}"')
                self._node_panel()
        ui.on('map_save', self.on_save)
        ui.on('map_select', self.on_select)

    def _node_panel(self) -> None:
        with testid(ui.card(), 'map-node').classes('w-80 shrink-0 gap-3 p-4'):
            ui.label(t('map_node')).classes('text-sm font-semibold text-slate-700')
            self.node_title = testid(ui.label(t('map_node_none')), 'map-node-title') \
                .classes('text-base font-medium text-slate-900 break-words')
            with ui.row().classes('w-full items-end no-wrap gap-2'):
                self.link_input = testid(ui.input(t('map_link'), placeholder='BL 125'), 'map-link-input') \
                    .classes('flex-1').props('outlined dense')
                self.link_input.on('keydown.enter', self.set_link)
                testid(ui.button(t('map_link_set'), on_click=self.set_link), 'map-link-set') \
                    .props('unelevated no-caps color=primary')
            ui.label(t('map_link_hint')).classes('text-xs text-slate-600 -mt-2')
            self.link_status = testid(ui.label(), 'map-link-status').classes('text-sm break-words')
            with testid(ui.element('div'), 'map-link-thumb') as self.thumb:
                self.thumb_img = ui.element('img').classes('block w-40 border border-slate-300 bg-white')
            self.thumb.visible = False
            ui.label(t('map_markers')).classes('text-sm font-medium text-slate-700')
            self.marker_buttons: dict[str, ui.button] = {}
            with ui.row().classes('gap-1'):
                for marker in MARKERS:
                    self.marker_buttons[marker] = testid(
                        ui.button(t(MAP_MARKER_KEYS[marker]), icon=MARKER_ICONS[marker],
                                  on_click=lambda marker=marker: self.toggle_marker(marker)), f'map-marker-{marker}') \
                        .props('outline no-caps dense size=sm color=primary aria-pressed=false')
            with ui.row().classes('w-full gap-2'):
                self.preview_page = testid(ui.button(t('map_preview_page'), icon='visibility',
                                                     on_click=lambda: self.show_page(publish=False)),
                                           'map-preview-page').props('outline no-caps dense color=primary')
                self.publish_page = testid(ui.button(t('map_publish_page'), icon='cast',
                                                     on_click=lambda: self.show_page(publish=True)),
                                           'map-publish-page').props('unelevated no-caps dense color=green-9')
            self.note = testid(ui.textarea(t('map_note')), 'map-note').classes('w-full').props('outlined autogrow')
            self.note.on('blur', self.set_note)
        self._show_node(None)

    # --- loading and choosing ---------------------------------------------------------------------------------

    async def load(self, wanted: int | None = None) -> None:
        s, h, user = self.services, self.hearing.id, self.user
        self.maps, exhibits = await run.io_bound(lambda: (s.maps.of_hearing(h, user), s.exhibits.of_hearing(h)))
        self.exhibits = {e.id: e for e in exhibits}
        self.chooser.set_options({m.id: t('map_main', title=m.title) if m.main else m.title for m in self.maps})
        chosen = next((m for m in self.maps if m.id == wanted), None) or next((m for m in self.maps if m.main), None)
        if chosen is None:
            self._show_map(None)
            return
        self.chooser.set_value(chosen.id)  # → _on_choose opens it

    async def _on_choose(self) -> None:
        map_id = self.chooser.value
        if map_id is None or (self.current is not None and self.current.id == map_id):
            return
        await self._flush()
        opened = await run.io_bound(self.services.maps.get, map_id, self.user)
        self._show_map(opened)

    def _show_map(self, opened: CaseMap | None) -> None:
        self.current = opened
        for element in (self.body, self.keys, self.export_button, self.share, self.present_row):
            element.visible = opened is not None
        self.empty.visible = opened is None
        self._show_node(None)
        if opened is None:
            self.status.text = ''
            return
        self.share.set_value(opened.shared)
        self._saved_text(opened)
        labels = {'newNode': t('map_new_node'), 'page': t('page')}
        tree = opened.root.to_json()
        self._add_thumbs(tree)
        ui.run_javascript(f'courtroomMap.init({json.dumps(self.canvas.html_id)}, {opened.id}, {json.dumps(tree)}, '
                          f'{json.dumps(labels)})')

    def _with_thumb(self, link: dict[str, Any]) -> dict[str, Any]:
        """A resolved link with its page's thumbnail address, shown when the pointer rests on the node."""
        if not link.get('missing') and link.get('exhibit_id') is not None and link.get('page') is not None:
            link['thumb'] = self.services.signer.page_url(f'u{self.user.id}', link['exhibit_id'], link['page'], 240)
        return link

    def _add_thumbs(self, node: dict[str, Any]) -> None:
        if isinstance(node.get('link'), dict):
            self._with_thumb(node['link'])
        for child in node.get('children', ()):
            self._add_thumbs(child)

    def _saved_text(self, saved: CaseMap) -> None:
        self.status.text = t('map_saved', version=saved.version, time=format_time(saved.saved_at, self.zone))
        self.status.props('data-state=saved')
        self.status.props['data-version'] = str(saved.version)
        self.status.update()

    async def new_map(self) -> None:
        title = t('map_new_title', case=self.hearing.case_number)
        try:
            made = await run.io_bound(self.services.maps.create, self.hearing.id, self.user, title,
                                      template(self.hearing.title, lang()))
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')
            return
        await self._flush()
        await self.load(made.id)

    async def on_upload(self, e: UploadEventArguments) -> None:
        data = await e.file.read()
        try:
            made = await run.io_bound(import_map_file, self.services, self.hearing.id, self.user, e.file.name, data)
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative', multi_line=True)
            return
        finally:
            self.upload.reset()
        ui.notify(t('map_imported', name=e.file.name, n=sum(1 for _ in made.root.walk())), type='positive')
        await self._flush()
        await self.load(made.id)

    async def export(self, fmt: str) -> None:
        if self.current is None:
            return
        await self._flush()
        base = (self.services.settings.public_url or '').rstrip('/')
        data, name = await run.io_bound(export_map, self.current, fmt, base)
        ui.download.content(data, name)

    async def _on_share(self) -> None:
        if self.current is None or self.share.value == self.current.shared:
            return
        try:
            self.current = await run.io_bound(self.services.maps.share, self.current.id, self.user,
                                              bool(self.share.value))
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')

    # --- saving -----------------------------------------------------------------------------------------------

    async def on_save(self, e: GenericEventArguments) -> None:
        await self._save(e.args)

    async def _save(self, args: object) -> None:
        """Save the tree the editor sent to the map it was editing (``map_id``: by the time a save arrives, the
        page may have opened another map), the latest one only when saves queue up."""
        if not isinstance(args, dict) or not isinstance(args.get('root'), dict) \
                or args.get('map_id') not in {m.id for m in self.maps}:
            return
        self.pending = args
        if self.saving.locked():
            return  # the save in flight takes it next
        async with self.saving:
            while self.pending is not None:
                sent, self.pending = self.pending, None
                self.status.text = t('map_saving')
                try:
                    saved = await run.io_bound(self.services.maps.save, sent['map_id'], self.user, sent['root'])
                except CourtroomError as error:
                    self.status.text = t('map_not_saved', error=error_text(error))
                    self.status.props('data-state=error')
                    continue
                if self.current is None or saved.id != self.current.id:
                    continue  # saved to the map that was open; the editor shows another one now
                self.current = saved
                self._saved_text(saved)
                links = {n.id: self._with_thumb(n.link.to_json()) for n in saved.root.walk() if n.link is not None}
                ui.run_javascript(f'courtroomMap.applyLinks({json.dumps(links)})')
                if self.node is not None:
                    self._show_link(self._saved_link(self.node['id']))

    async def _flush(self) -> None:
        """A change made just before this map is left (or published) is saved to it first."""
        if self.current is not None:
            await self._save(await ui.run_javascript('courtroomMap.flush()'))
        async with self.saving:  # and any save in flight is done
            pass

    # --- the selected node ------------------------------------------------------------------------------------

    async def on_select(self, e: GenericEventArguments) -> None:
        node = e.args if isinstance(e.args, dict) and isinstance(e.args.get('id'), str) else None
        self._show_node(node)
        if node is not None and self.follow.value and self.current is not None:
            state = await run.io_bound(self.services.presentation.state, self.hearing.id)
            shown = state.map
            if shown is not None and shown.map_id == self.current.id and shown.node_id != node['id'] \
                    and self._saved_node(node['id']):  # the screens move to the node chosen, in the branch shown
                await self._publish(node['id'], shown.branch_id)

    # --- presenting -------------------------------------------------------------------------------------------

    async def publish_map(self, branch: bool) -> None:
        await self._flush()
        node_id = self.node['id'] if self.node is not None and self._saved_node(self.node['id']) else None
        await self._publish(node_id, node_id if branch else None)

    async def _publish(self, node_id: str | None, branch_id: str | None) -> None:
        if self.current is None:
            return
        try:
            state = await run.io_bound(self.services.maps.publish, self.hearing.id, self.user, self.current.id,
                                       node_id, branch_id)
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')
            return
        if state.pending_map is not None:
            ui.notify(t('map_sent_for_approval'), type='info')

    async def show_page(self, publish: bool) -> None:
        """The selected node's page: previewed on the bench, or published under the rules of any publish."""
        link = self._saved_link(self.node['id']) if self.node is not None else None
        if link is None or link.missing or link.exhibit_id is None or link.page is None:
            return
        presentation, h, user = self.services.presentation, self.hearing.id, self.user
        try:
            if publish:
                await run.io_bound(presentation.publish, h, user, link.exhibit_id, link.page)
            else:
                await run.io_bound(presentation.set_preview, h, user, link.exhibit_id, link.page)
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')

    def _saved_node(self, node_id: str) -> bool:
        return self.current is not None and any(n.id == node_id for n in self.current.root.walk())

    def _show_node(self, node: dict[str, Any] | None) -> None:
        self.node = node
        self.node_title.text = (node.get('title') or '…') if node else t('map_node_none')
        for element in (self.link_input, self.note, *self.marker_buttons.values()):
            element.set_enabled(node is not None)
        link = node.get('link') if node else None
        self.link_input.value = f'BL {link["bl"]}' if isinstance(link, dict) and link.get('bl') is not None \
            else (link if isinstance(link, str) else '')
        self.note.value = node.get('note', '') if node else ''
        markers = set(node.get('markers') or []) if node else set()
        for marker, button in self.marker_buttons.items():
            on = marker in markers
            button.props(f'aria-pressed={"true" if on else "false"} {"unelevated" if on else "outline"}')
            button.props(remove='outline' if on else 'unelevated')
        self._show_link(self._saved_link(node['id']) if node else None)

    def _saved_link(self, node_id: str) -> Link | None:
        if self.current is None:
            return None
        return next((n.link for n in self.current.root.walk() if n.id == node_id), None)

    def _show_link(self, link: Link | None) -> None:
        self.thumb.visible = False
        resolved = link is not None and not link.missing and link.exhibit_id is not None
        self.preview_page.set_enabled(resolved)
        self.publish_page.set_enabled(resolved)
        if link is None:
            self.link_status.text = ''
            return
        if link.missing or link.exhibit_id is None or link.page is None:
            what = f'BL {link.bl}' if link.bl is not None else f'#{link.exhibit_id}, {t("page")} {link.page}'
            self.link_status.text = t('map_link_missing', what=what)
            self.link_status.classes(replace='text-sm break-words text-red-800 font-medium')
            self.link_status.props('data-missing=true')
            return
        exhibit = self.exhibits.get(link.exhibit_id)
        label = f'{exhibit.label} · {exhibit.title}' if exhibit else f'#{link.exhibit_id}'
        self.link_status.text = t('map_link_page', bl=link.bl if link.bl is not None else '–', exhibit=label,
                                  page=link.page)
        if self.node is not None and bl_in_text(self.node.get('title') or '') is not None:
            self.link_status.text += f' ({t("map_link_from_title").lower()})'
        self.link_status.classes(replace='text-sm break-words text-slate-800')
        self.link_status.props('data-missing=false')
        self.thumb_img.props['src'] = self.services.signer.page_url(f'u{self.user.id}', link.exhibit_id, link.page,
                                                                    240)
        self.thumb_img.props['alt'] = self.link_status.text
        self.thumb_img.update()
        self.thumb.visible = True

    def _set(self, field: str, value: Any) -> None:
        if self.node is None:
            return
        self.node[field] = value
        ui.run_javascript(f'courtroomMap.setField({json.dumps(self.node["id"])}, {json.dumps(field)}, '
                          f'{json.dumps(value)})')

    def set_link(self) -> None:
        text = (self.link_input.value or '').strip()
        try:
            asked = asked_link(text) if text else None
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')
            return
        self._set('link', {'bl': asked.bl} if asked is not None else None)

    def set_note(self) -> None:
        if self.node is not None and (self.note.value or '') != self.node.get('note', ''):
            self._set('note', self.note.value or '')

    def toggle_marker(self, marker: str) -> None:
        if self.node is None:
            return
        markers = list(self.node.get('markers') or [])
        markers = [m for m in markers if m != marker] if marker in markers else [*markers, marker]
        self._set('markers', markers)
        self._show_node(self.node)
