"""User-facing texts of media's error codes, Vietnamese first, a catalogue like courtroom.messages."""

from courtroom.i18n import Catalogue

IMPORT_ERRORS = Catalogue('media.messages', {
    # code: (Tiếng Việt, English); {names} are the error's params
    'bundle_empty': ('Không có tệp nào để nhập', 'There are no files to import'),
    'path_not_found': ('Không tìm thấy tệp hoặc thư mục "{file}"', 'File or folder "{file}" not found'),
    'symlink_refused': (
        'Không nhận liên kết tượng trưng (symlink) "{file}"', 'Symbolic link "{file}" is not accepted',
    ),
    'empty_file': ('Tệp "{file}" rỗng (0 byte)', 'The file "{file}" is empty (0 bytes)'),
    'file_too_large': (
        'Tệp "{file}" quá lớn: {size} byte, tối đa {max} byte',
        'The file "{file}" is too large: {size} bytes, at most {max}',
    ),
    'bundle_too_large': (
        'Bộ hồ sơ quá lớn: tổng dung lượng vượt {max} byte (tại tệp "{file}")',
        'The bundle is too large: its total size passes {max} bytes (at "{file}")',
    ),
    'too_many_pages': (
        'Bộ hồ sơ có {pages} trang, vượt giới hạn {max} trang (tại tệp "{file}")',
        'The bundle has {pages} pages, more than the limit of {max} (at "{file}")',
    ),
    'duplicate_name': (
        'Có hai tệp cùng tên "{file}" trong bộ hồ sơ', 'Two files in the bundle have the same name "{file}"',
    ),
    'unsupported_type': (
        'Tệp "{file}" không thuộc loại được hỗ trợ (PDF, JPEG, PNG, TIFF, ZIP, âm thanh, video)',
        'The file "{file}" is not a supported type (PDF, JPEG, PNG, TIFF, ZIP, audio, video)',
    ),
    'disguised_file': (
        'Tệp "{file}" mang đuôi .{claimed} nhưng nội dung thực là {actual}; tệp bị từ chối',
        'The file "{file}" is named .{claimed} but its content is {actual}; refused',
    ),
    'pdf_encrypted': (
        'Tệp PDF "{file}" được bảo vệ bằng mật khẩu; hãy nộp bản không đặt mật khẩu',
        'The PDF "{file}" is password-protected; submit a copy without a password',
    ),
    'pdf_broken': (
        'Tệp PDF "{file}" bị hỏng, không đọc được', 'The PDF "{file}" is broken and cannot be read',
    ),
    'pdf_no_pages': ('Tệp PDF "{file}" không có trang nào', 'The PDF "{file}" has no pages'),
    'image_too_large': (
        'Ảnh "{file}" có kích thước {width}×{height} điểm ảnh, vượt giới hạn {max} điểm ảnh',
        'The image "{file}" is {width}×{height} pixels, more than the limit of {max} pixels',
    ),
    'image_broken': ('Ảnh "{file}" bị hỏng, không giải mã được', 'The image "{file}" is broken and cannot be decoded'),
    'media_broken': (
        'Tệp âm thanh/video "{file}" bị hỏng hoặc không giải mã được',
        'The audio/video file "{file}" is broken or cannot be decoded',
    ),
    'zip_broken': ('Tệp nén "{file}" bị hỏng, không đọc được', 'The zip file "{file}" is broken and cannot be read'),
    'zip_unsafe_path': (
        'Tệp nén "{file}" chứa đường dẫn không an toàn "{member}" (thoát ra ngoài thư mục hoặc là đường dẫn tuyệt đối)',
        'The zip file "{file}" contains an unsafe path "{member}" (it leaves its folder or is absolute)',
    ),
    'zip_symlink': (
        'Tệp nén "{file}" chứa liên kết tượng trưng "{member}"; không được chấp nhận',
        'The zip file "{file}" contains a symbolic link "{member}"; not accepted',
    ),
    'zip_encrypted': (
        'Tệp nén "{file}" có mục "{member}" được đặt mật khẩu',
        'The zip file "{file}" has a password-protected member "{member}"',
    ),
    'zip_duplicate_member': (
        'Tệp nén "{file}" chứa hai mục cùng tên "{member}"', 'The zip file "{file}" contains "{member}" twice',
    ),
    'zip_too_many_members': (
        'Tệp nén "{file}" có {count} mục, vượt giới hạn {max}',
        'The zip file "{file}" has {count} members, more than the limit of {max}',
    ),
    'zip_bomb': (
        'Tệp nén "{file}" có mục "{member}" giải nén bất thường (tỷ lệ nén {ratio}, tối đa {max}); nghi là bom nén',
        'The zip file "{file}" has a member "{member}" that expands abnormally (ratio {ratio}, at most {max}); '
        'it looks like a zip bomb',
    ),
    'zip_nested': (
        'Tệp nén "{file}" chứa một tệp nén khác; hãy giải nén trước khi nộp',
        'The zip file "{file}" contains another zip file; unpack it before submitting',
    ),
    'manifest_multiple': (
        'Bộ hồ sơ có nhiều hơn một tệp danh mục (manifest): "{file}" và "{other}"',
        'The bundle has more than one manifest: "{file}" and "{other}"',
    ),
    'manifest_broken': (
        'Tệp danh mục "{file}" không đọc được: {detail}', 'The manifest "{file}" cannot be read: {detail}',
    ),
    'manifest_empty': ('Tệp danh mục "{file}" không có dòng nào', 'The manifest "{file}" has no rows'),
    'manifest_unknown_field': (
        'Tệp danh mục "{file}": cột "{field}" không được hỗ trợ (hợp lệ: file, pages, label, title, party, bl)',
        'The manifest "{file}": unknown column "{field}" (valid: file, pages, label, title, party, bl)',
    ),
    'manifest_missing_field': (
        'Tệp danh mục "{file}", dòng {row}: thiếu trường bắt buộc "{field}"',
        'The manifest "{file}", row {row}: the required field "{field}" is missing',
    ),
    'manifest_bad_field': (
        'Tệp danh mục "{file}", dòng {row}, trường "{field}": giá trị "{value}" không hợp lệ',
        'The manifest "{file}", row {row}, field "{field}": invalid value "{value}"',
    ),
    'manifest_unknown_file': (
        'Tệp danh mục "{file}", dòng {row}: không có tệp "{value}" trong bộ hồ sơ',
        'The manifest "{file}", row {row}: there is no file "{value}" in the bundle',
    ),
    'manifest_unlisted_file': (
        'Tệp "{value}" có trong bộ hồ sơ nhưng không có trong danh mục "{file}"',
        'The file "{value}" is in the bundle but not in the manifest "{file}"',
    ),
    'manifest_bad_pages': (
        'Tệp danh mục "{file}", dòng {row}: khoảng trang "{value}" nằm ngoài tài liệu ({page_count} trang)',
        'The manifest "{file}", row {row}: the page range "{value}" is outside the document ({page_count} pages)',
    ),
    'manifest_bl_mismatch': (
        'Tệp danh mục "{file}", dòng {row}: bút lục "{value}" gồm {count} số nhưng tài liệu có {pages} trang',
        'The manifest "{file}", row {row}: BL "{value}" spans {count} numbers but the exhibit has {pages} pages',
    ),
    'record_invalid': (
        'Hồ sơ ghi "{file}" không vượt qua kiểm tra xác minh "{check}" ({detail}): chữ ký số hoặc mã băm không khớp, '
        'hồ sơ có thể đã bị sửa đổi; không có gì được lưu',
        'The record "{file}" fails the verification check "{check}" ({detail}): a signature or hash does not match, '
        'the record may have been altered; nothing was stored',
    ),
    'evidence_hash_mismatch': (
        'Tệp "{file}" đã thay đổi trong khi nhập (mã băm không khớp); không có gì được lưu',
        'The file "{file}" changed during the import (hash mismatch); nothing was stored',
    ),
})
