"""Texts of the PDF compliance check's findings, Vietnamese first, catalogues like courtroom.messages.

These are report lines, not errors, so they are kept apart from the error catalogues (a finding code such as
'encrypted' must not collide with an importer error of the same name). {names} are the finding's params after
media.check formats them for display (sizes in MB, page lists as '3-7, 9').
"""

from courtroom.i18n import Catalogue, Plural

FINDINGS = Catalogue('media findings', {
    'file_size': ('Dung lượng tệp: {size}', 'File size: {size}'),
    'page_count': ('Số trang: {count}', 'Pages: {count}'),
    'too_large': (
        'Tệp quá lớn: {size}, vượt giới hạn {limit}',
        'The file is too large: {size}, over the {limit} limit',
    ),
    'cannot_open': ('Không mở được tệp như một tệp PDF: {detail}', 'The file cannot be opened as a PDF: {detail}'),
    'encrypted': (
        'Tệp được bảo vệ bằng mật khẩu; hãy nộp bản không mã hóa',
        'The file is password-protected; submit an unencrypted copy',
    ),
    'restricted': (
        'Tệp có mã hóa hạn chế quyền (in, sao chép) dù mở được không cần mật khẩu',
        'The file is encrypted with permission restrictions (printing, copying), though it opens without a password',
    ),
    'repaired': (
        'Tệp bị hỏng cấu trúc và phải sửa khi mở ({detail}); hãy kiểm tra lại nội dung hoặc xuất lại tệp',
        'The file is damaged and had to be repaired to open ({detail}); check its content or export it again',
    ),
    'no_pages': ('Tệp không có trang nào đọc được', 'The file has no readable pages'),
    'broken_pages': Plural(
        vi='{count} trang bị hỏng, không đọc được: trang {pages}',
        one='{count} page is damaged and cannot be read: page {pages}',
        other='{count} pages are damaged and cannot be read: pages {pages}', by='count',
    ),
    'no_text_layer': Plural(
        vi='{count} trang không có lớp văn bản (bản quét chưa nhận dạng chữ?), không tìm kiếm được: trang {pages}',
        one='{count} page has no text layer (a scan without OCR?) and cannot be searched: page {pages}',
        other='{count} pages have no text layer (scans without OCR?) and cannot be searched: pages {pages}',
        by='count',
    ),
    'bookmarks': (
        'Dấu trang (bookmark): {count}, trong đó {top_count} ở cấp cao nhất',
        'Bookmarks: {count}, {top_count} of them at the top level',
    ),
    'no_bookmarks': (
        'Tệp không có dấu trang (bookmark); khó tìm tài liệu trong tập hồ sơ',
        'The file has no bookmarks; documents inside the bundle are hard to find',
    ),
    'rotated_pages': Plural(
        vi='{count} trang có thuộc tính xoay trang (/Rotate): trang {pages}',
        one='{count} page carries a rotation (/Rotate): page {pages}',
        other='{count} pages carry a rotation (/Rotate): pages {pages}', by='count',
    ),
    'odd_page_size': Plural(
        vi='{count} trang không phải khổ A4 hay Letter: trang {pages} ({sizes})',
        one='{count} page is neither A4 nor Letter: page {pages} ({sizes})',
        other='{count} pages are neither A4 nor Letter: pages {pages} ({sizes})', by='count',
    ),
    'javascript': (
        'Tệp chứa mã JavaScript nhúng; mã này sẽ không được chạy',
        'The file contains embedded JavaScript; it will not be run',
    ),
    'embedded_files': Plural(
        vi='Tệp chứa {count} tệp đính kèm nhúng ({names}); tệp đính kèm không được trình chiếu',
        one='The file contains {count} embedded file ({names}); attachments are not presented',
        other='The file contains {count} embedded files ({names}); attachments are not presented', by='count',
    ),
})

SEVERITY_LABELS = Catalogue('media severities', {
    'error': ('LỖI', 'ERROR'),
    'warning': ('CẢNH BÁO', 'WARNING'),
    'info': ('THÔNG TIN', 'INFO'),
})

REPORT = Catalogue('media report', {
    'heading': ('Kiểm tra tệp PDF: {path}', 'PDF check: {path}'),
    'passed': ('Kết quả: ĐẠT ({errors}, {warnings})', 'Result: PASSED ({errors}, {warnings})'),
    'failed': ('Kết quả: KHÔNG ĐẠT ({errors}, {warnings})', 'Result: FAILED ({errors}, {warnings})'),
    'errors': Plural(vi='{n} lỗi', one='{n} error', other='{n} errors'),
    'warnings': Plural(vi='{n} cảnh báo', one='{n} warning', other='{n} warnings'),
    'more': ('… và {count} mục khác', '… and {count} more'),
})
