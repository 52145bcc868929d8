"""The list of hearings and a hearing's page (presenter/pages/hearings.py, hearing.py, hearing_page.py)."""

from __future__ import annotations

from courtroom.i18n import Catalogue, Plural

HEARINGS_TEXTS = Catalogue('presenter.texts.hearings', {
    'hearings': ('Danh sách phiên tòa', 'Hearings'),
    'new_hearing': ('Tạo phiên tòa', 'New hearing'),
    'case_number': ('Số thụ lý vụ án', 'Case number'),
    'title': ('Tên phiên tòa', 'Title'),
    'create': ('Tạo', 'Create'),
    'created': ('Đã tạo phiên tòa', 'Hearing created'),
    'no_hearings': ('Chưa có phiên tòa nào', 'No hearings yet'),
    'created_at': ('Ngày tạo', 'Created'),
    'exhibit_count': ('Tài liệu', 'Exhibits'),
    'hearing_count': Plural(vi='{n} phiên tòa', one='{n} hearing', other='{n} hearings'),
    'case_number_hint': ('Ví dụ: 125/2026/HSST', 'e.g. 125/2026/HSST'),
    'hearing_missing_title': ('Không tìm thấy phiên tòa', 'Hearing not found'),
    'back_to_list': ('Về danh sách phiên tòa', 'Back to the hearings'),
    'case_no': ('Vụ án số {case}', 'Case no. {case}'),
    'n_exhibits': Plural(vi='{n} tài liệu', one='{n} exhibit', other='{n} exhibits'),
})
