"""The digitised case file: exhibits, the page viewer, search, BL numbers and importing a bundle
(presenter/pages/components.py, hearing.py, go_to_bl.py, import_panel.py)."""

from __future__ import annotations

from courtroom.i18n import Catalogue, Plural

CASE_FILE_TEXTS = Catalogue('presenter.texts.case_file', {
    'exhibits': ('Tài liệu, chứng cứ', 'Documents and evidence'),
    'no_exhibits': ('Chưa có tài liệu; hãy tải hồ sơ số hóa lên', 'No exhibits yet; upload the digitised case file'),
    'upload': ('Tải hồ sơ số hóa lên', 'Upload the digitised case file'),
    'upload_hint': (
        'PDF, ảnh (JPEG, PNG, TIFF), ghi âm, ghi hình, hoặc tệp ZIP; có thể kèm manifest.csv',
        'PDF, images (JPEG, PNG, TIFF), audio, video, or a ZIP; optionally with a manifest.csv',
    ),
    'imported': Plural(vi='Đã nhập {n} tài liệu', one='Imported {n} exhibit', other='Imported {n} exhibits'),
    'search': ('Tìm trong hồ sơ (ví dụ: bút lục, BL 125)', 'Search the case file (e.g. witness, BL 125)'),
    'no_hits': ('Không tìm thấy kết quả', 'No results'),
    'go_to_bl': ('Đến bút lục', 'Go to BL'),
    'n_pages': Plural(vi='{n} trang', one='{n} page', other='{n} pages'),
    'page_of': ('Trang {page}/{count}', 'Page {page} of {count}'),
    'keys_hint': ('Phím ← → để chuyển trang', 'Use ← → to turn pages'),
    'search_title': ('Tìm kiếm', 'Search'),
    'search_label': ('Từ khóa', 'Search words'),
    'hits_count': Plural(vi='{n} kết quả', one='{n} result', other='{n} results'),
    'go_to_bl_hint': ('Ví dụ: 125 hoặc BL 125', 'e.g. 125 or BL 125'),
    'bad_bl': ('"{value}" không phải số bút lục', '"{value}" is not a BL number'),
    'upload_title': ('Nhập hồ sơ số hóa', 'Import the digitised case file'),
    'upload_how': (
        'Chọn một hoặc nhiều tệp (nút +) rồi bấm "Nhập hồ sơ". Các tệp được nhập chung thành một bộ hồ sơ: nhập '
        'toàn bộ, hoặc không nhập gì nếu có lỗi.',
        'Pick one or more files (the + button), then press "Import". The files are imported together as one '
        'bundle: all of it, or nothing if anything is wrong.',
    ),
    'upload_start': ('Nhập hồ sơ', 'Import'),
    'import_checking': ('Đang kiểm tra tệp…', 'Checking the files…'),
    'import_progress': ('Đang nhập: {done}/{total} trang', 'Importing: {done} of {total} pages'),
    'import_failed': (
        'Không nhập được hồ sơ; hồ sơ không thay đổi.', 'The bundle was not imported; nothing changed.',
    ),
    'upload_rejected': ('Tệp bị từ chối: quá lớn hoặc quá nhiều tệp', 'Files refused: too large or too many'),
    'fit_toggle': ('Xem cả trang / vừa chiều rộng', 'Whole page / fit width'),
    'bl_none': ('Không đánh số BL', 'No BL'),
})
