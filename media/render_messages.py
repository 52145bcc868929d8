"""User-facing texts of the page renderer's error codes, Vietnamese first, a catalogue like
courtroom.messages (the edge merges the catalogues). 'bad_width' and 'page_not_found' live there."""

from courtroom.i18n import Catalogue

RENDER_ERRORS = Catalogue('media.render_messages', {
    # code: (Tiếng Việt, English); {names} are the error's params
    'source_page_not_found': (
        'Tệp chứng cứ {sha256} không có trang {page} (có {page_count} trang)',
        'The evidence file {sha256} has no page {page} (it has {page_count})',
    ),
    'evidence_file_missing': (
        'Không tìm thấy tệp chứng cứ {sha256} trong kho lưu trữ',
        'The evidence file {sha256} is missing from the store',
    ),
    'bad_render_format': (
        'Định dạng ảnh "{fmt}" không được hỗ trợ; định dạng hợp lệ: {formats}',
        'Unsupported image format "{fmt}"; valid formats: {formats}',
    ),
    'bad_exhibit_kind': (
        'Loại tài liệu "{kind}" không hợp lệ; loại hợp lệ: {kinds}',
        'Invalid exhibit kind "{kind}"; valid kinds: {kinds}',
    ),
    'bad_sha256': ('Mã SHA-256 "{sha256}" không hợp lệ', 'Invalid SHA-256 "{sha256}"'),
    'render_failed': (
        'Không thể hiển thị trang {page} của tệp chứng cứ {sha256}: {detail}',
        'Cannot render page {page} of the evidence file {sha256}: {detail}',
    ),
})
