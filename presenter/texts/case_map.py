"""The case map page (presenter/pages/case_map.py): the procurator's mind map of the case, linked to the bút lục."""

from __future__ import annotations

from courtroom.i18n import Catalogue, Plural

CASE_MAP_TEXTS = Catalogue('presenter.texts.case_map', {
    'map_title': ('Sơ đồ tư duy', 'Case map'),
    'map_refused': ('Chỉ kiểm sát viên soạn sơ đồ tư duy của vụ án', 'Only the procurator edits the case map'),
    'map_choose': ('Sơ đồ đang mở', 'Open map'),
    'map_main': ('{title} (chính)', '{title} (main)'),
    'map_new': ('Sơ đồ mới theo mẫu', 'New map from the template'),
    'map_new_title': ('Sơ đồ tư duy — {case}', 'Case map — {case}'),
    'map_import': ('Nhập tệp XMind, FreeMind, OPML', 'Import an XMind, FreeMind or OPML file'),
    'map_imported': Plural(vi='Đã nhập "{name}": {n} nút', one='Imported "{name}": {n} node',
                           other='Imported "{name}": {n} nodes'),
    'map_export': ('Xuất', 'Export'),
    'map_export_as': ('Xuất tệp {format}', 'Export as {format}'),
    'map_share': ('Cho chủ tọa và thư ký xem (không kèm ghi chú)', 'Let the presiding judge and clerk see it '
                                                                  '(without notes)'),
    'map_none': ('Vụ án chưa có sơ đồ tư duy. Tạo sơ đồ mới theo mẫu hoặc nhập tệp XMind, FreeMind, OPML.',
                 'This case has no case map yet. Start one from the template or import an XMind, FreeMind or '
                 'OPML file.'),
    'map_saved': ('Đã lưu phiên bản {version} lúc {time}', 'Saved as version {version} at {time}'),
    'map_saving': ('Đang lưu…', 'Saving…'),
    'map_not_saved': ('Chưa lưu: {error}', 'Not saved: {error}'),
    'map_keys': ('Enter nút cùng cấp · Tab nút con · F2 sửa tên · Delete xóa · ←↑↓→ di chuyển · / thu gọn, mở rộng · '
                 'Ctrl+Z hoàn tác · gõ "BL 125" vào tên hoặc liên kết để nối với bút lục',
                 'Enter sibling · Tab child · F2 rename · Delete remove · ←↑↓→ move · / fold or unfold · Ctrl+Z undo · '
                 'type "BL 125" in a title or link to link a page'),
    'map_canvas': ('Sơ đồ tư duy: chọn nút bằng phím mũi tên', 'Case map: move between nodes with the arrow keys'),
    'map_node': ('Nút đang chọn', 'Selected node'),
    'map_node_none': ('Chọn một nút trên sơ đồ', 'Select a node on the map'),
    'map_link': ('Liên kết bút lục', 'Link to a page'),
    'map_link_hint': ('Ví dụ: BL 125. Để trống để bỏ liên kết.', 'For example: BL 125. Leave empty to unlink.'),
    'map_link_set': ('Nối', 'Link'),
    'map_link_page': ('BL {bl} · {exhibit}, trang {page}', 'BL {bl} · {exhibit}, page {page}'),
    'map_link_missing': ('Không có trang này trong hồ sơ: {what}', 'No such page in the case file: {what}'),
    'map_link_from_title': ('Liên kết lấy từ tên nút', 'Linked by the BL in its title'),
    'map_note': ('Ghi chú (chỉ kiểm sát viên xem)', 'Note (the procurator\'s own)'),
    'map_markers': ('Đánh dấu', 'Markers'),
    'map_marker_for': ('Gỡ tội', 'For the accused'),
    'map_marker_against': ('Buộc tội', 'Against the accused'),
    'map_marker_clarify': ('Cần làm rõ', 'To clarify'),
    'map_marker_key': ('Quan trọng', 'Key point'),
    'map_new_node': ('Nút mới', 'New node'),
    'bench_open_map': ('Sơ đồ tư duy', 'Case map'),
    'bench_map_live': ('Sơ đồ tư duy', 'The case map'),
    'bench_map_pending': ('sơ đồ tư duy', 'the case map'),
    'map_publish': ('Trình chiếu sơ đồ', 'Show the map'),
    'map_publish_branch': ('Chỉ chiếu nhánh đang chọn', 'Show only the selected branch'),
    'map_follow': ('Màn hình theo nút đang chọn', 'Screens follow the selected node'),
    'map_preview_page': ('Xem trước trang', 'Preview the page'),
    'map_publish_page': ('Trình chiếu trang', 'Show the page'),
    'map_sent_for_approval': ('Đã gửi chủ tọa duyệt', 'Sent to the presiding judge for approval'),
})
