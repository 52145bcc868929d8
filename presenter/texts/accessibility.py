"""Names for screen readers (axe-core's WCAG 2 A/AA checks): controls that show no text of their own."""

from __future__ import annotations

from courtroom.i18n import Catalogue

ACCESSIBILITY_TEXTS = Catalogue('presenter.texts.accessibility', {
    'a11y_restrict_exhibit': ('Hạn chế {label} “{title}”', 'Restrict {label} “{title}”'),
    'a11y_upload_pick': ('Chọn tệp', 'Choose files'),
    'a11y_upload_clear_queue': ('Bỏ các tệp đã chọn', 'Remove the chosen files'),
    'a11y_upload_clear_done': ('Xóa danh sách đã tải lên', 'Clear the list of uploaded files'),
    'a11y_upload_abort': ('Dừng tải lên', 'Stop uploading'),
    'a11y_upload_remove_file': ('Bỏ tệp {name}', 'Remove {name}'),
    'a11y_mute_person': ('Tắt micro của {name}', 'Mute {name}'),
    'a11y_unmute_person': ('Bật micro của {name}', 'Unmute {name}'),
    'a11y_remove_person': ('Đưa {name} ra khỏi phiên tòa', 'Remove {name} from the hearing'),
})
