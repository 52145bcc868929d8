"""User-facing texts of the domain's error codes, Vietnamese first. The edge (presenter.i18n) merges these with
the other packages' catalogues and formats them in the caller's language."""

from .i18n import Catalogue

DOMAIN_ERRORS = Catalogue('courtroom.messages', {
    # code: (Tiếng Việt, English); {names} are the error's params
    'unknown_role': (
        'Vai trò "{role}" không tồn tại; vai trò hợp lệ: {roles}',
        'Unknown role "{role}"; valid roles: {roles}',
    ),
    'forbidden_role': (
        'Vai trò "{role}" không được phép thực hiện thao tác này ({action})',
        'The role "{role}" may not do this ({action})',
    ),
    'not_authenticated': (
        'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn',
        'Not signed in, or the session has expired',
    ),
    'bad_credentials': ('Sai tên đăng nhập hoặc mật khẩu', 'Wrong username or password'),
    'username_taken': ('Tên đăng nhập "{username}" đã tồn tại', 'The username "{username}" is already taken'),
    'bad_username': (
        'Tên đăng nhập "{username}" không hợp lệ: chỉ dùng chữ thường, số, dấu chấm, gạch dưới, gạch ngang '
        '(2–32 ký tự)',
        'Invalid username "{username}": use lower-case letters, digits, dot, underscore or hyphen (2–32 characters)',
    ),
    'weak_password': ('Mật khẩu phải có ít nhất {min} ký tự', 'The password must have at least {min} characters'),
    'hearing_not_found': ('Không tìm thấy phiên tòa "{hearing_id}"', 'Hearing "{hearing_id}" not found'),
    'exhibit_not_found': ('Không tìm thấy tài liệu "{exhibit_id}"', 'Exhibit "{exhibit_id}" not found'),
    'page_not_found': (
        'Tài liệu "{exhibit_id}" không có trang {page} (có {page_count} trang)',
        'Exhibit "{exhibit_id}" has no page {page} (it has {page_count})',
    ),
    'bl_not_found': ('Không có bút lục BL {bl} trong hồ sơ', 'There is no BL {bl} in the case file'),
    'required_field': ('Thiếu trường bắt buộc "{field}"', 'The field "{field}" is required'),
    'field_too_long': ('Trường "{field}" dài quá {max} ký tự', 'The field "{field}" is longer than {max} characters'),
    'bad_width': (
        'Chiều rộng {width} không hợp lệ (từ {min} đến {max} điểm ảnh)',
        'Invalid width {width} (from {min} to {max} pixels)',
    ),
    'bad_query': ('Từ khóa tìm kiếm trống hoặc không hợp lệ', 'The search query is empty or invalid'),
    'query_too_long': ('Từ khóa tìm kiếm quá dài (tối đa {max} ký tự)', 'The search query is too long (at most {max} '
                       'characters)'),
    'bl_taken': (
        'Bút lục BL {bl} đã được dùng cho một trang khác của hồ sơ',
        'BL {bl} is already used by another page of the case file',
    ),
    'bad_request': ('Yêu cầu không hợp lệ: {detail}', 'Invalid request: {detail}'),
    'not_found': ('Không tìm thấy địa chỉ này', 'Not found'),
    'method_not_allowed': ('Phương thức không được hỗ trợ', 'Method not allowed'),
    'internal_error': ('Lỗi hệ thống; thao tác không được thực hiện', 'Internal error; nothing was changed'),
    'label_taken': (
        'Ký hiệu tài liệu "{label}" đã được dùng trong hồ sơ',
        'The exhibit label "{label}" is already used',
    ),
    'bad_region': (
        'Vùng phóng to {region} không hợp lệ: cần [x0, y0, x1, y1] trong khoảng 0..1, x0 < x1, y0 < y1',
        'Invalid zoom region {region}: give [x0, y0, x1, y1] within 0..1 with x0 < x1 and y0 < y1',
    ),
    'nothing_pending': ('Không có yêu cầu trình chiếu nào chờ phê duyệt', 'No publish request is waiting for approval'),
    'kill_switch_on': (
        'Chủ tọa đang tắt mọi màn hình; chỉ chủ tọa mới mở lại được',
        'The presiding judge has blanked every screen; only the presiding judge can lift that',
    ),
    'bad_audience': ('Đối tượng màn hình "{audience}" không hợp lệ; hợp lệ: {audiences}',
                     'Unknown screen audience "{audience}"; valid: {audiences}'),
    'screen_not_found': ('Không tìm thấy màn hình "{screen}"', 'Screen "{screen}" not found'),
    'bad_charge': ('"{charge}" không phải là một điều của Bộ luật Hình sự (1–426)',
                   '"{charge}" is not an article of the Penal Code (1–426)'),
    'online_refused_state_secret': (
        'Vụ án có bí mật nhà nước: không được xét xử trực tuyến, không có điểm cầu thành phần hay người tham gia từ xa',
        'The case involves state secrets: it may not be tried online, so no component point or remote participant',
    ),
    'online_refused_national_security': (
        'Vụ án về tội xâm phạm an ninh quốc gia (Chương XIII, Điều 108–122 BLHS): không được xét xử trực tuyến',
        'National-security offences (Penal Code ch. XIII, articles 108–122) may not be tried online',
    ),
    'online_refused_peace_humanity': (
        'Vụ án về tội phá hoại hòa bình, chống loài người (Chương XXVI, Điều 421–425 BLHS): không được xét xử '
        'trực tuyến',
        'Crimes against peace and humanity (Penal Code ch. XXVI, articles 421–425) may not be tried online',
    ),
    'bad_point_kind': ('Loại điểm cầu "{kind}" không hợp lệ; hợp lệ: {kinds}',
                       'Unknown connection point kind "{kind}"; valid: {kinds}'),
    'too_many_points': ('Phiên tòa đã có đủ {max} điểm cầu thành phần (tối đa theo Nghị quyết 33/2021/QH15)',
                        'The hearing already has {max} component points, the most Resolution 33/2021/QH15 allows'),
    'point_not_found': ('Không tìm thấy điểm cầu "{point_id}"', 'Connection point "{point_id}" not found'),
    'participant_not_found': ('Không tìm thấy người tham gia "{participant_id}"',
                              'Participant "{participant_id}" not found'),
    'bad_participant_role': ('Vai trò "{role}" không hợp lệ; hợp lệ: {roles}', 'Unknown role "{role}"; valid: {roles}'),
    'courtroom_not_central': ('Máy tính phòng xử án phải thuộc điểm cầu trung tâm',
                              "The courtroom's PC must be at the central point"),
    'bad_id_document': ('Loại giấy tờ "{type}" không hợp lệ; hợp lệ: {types}',
                        'Unknown ID document type "{type}"; valid: {types}'),
    'bad_link_hours': ('Thời hạn đường dẫn {hours} giờ không hợp lệ (1 đến {max})',
                       'Invalid link lifetime of {hours} hours (1 to {max})'),
    'link_forged': ('Đường dẫn tham gia không hợp lệ', 'This join link is not valid'),
    'link_expired': ('Đường dẫn tham gia đã hết hạn; hãy liên hệ thư ký phiên tòa',
                     'This join link has expired; please contact the court clerk'),
    'link_revoked': ('Đường dẫn tham gia đã bị thu hồi; hãy liên hệ thư ký phiên tòa',
                     'This join link has been withdrawn; please contact the court clerk'),
    'seat_taken': ('Đường dẫn này đang được dùng trên một trình duyệt khác; thư ký phiên tòa đã được báo',
                   'This link is already in use in another browser; the court clerk has been told'),
    'participant_refused': ('Thư ký phiên tòa đã không cho tham gia', 'The court clerk did not admit you'),
    'not_waiting': ('Người tham gia không ở phòng chờ (trạng thái: {state})',
                    'The participant is not in the lobby (state: {state})'),
    'not_admitted': ('Chưa được thư ký phiên tòa cho vào phiên tòa', 'Not admitted to the hearing yet'),
    'video_audience': (
        'Chỉ màn hình cho công chúng hoặc Hội đồng xét xử mới hiển thị hình ảnh các điểm cầu (không phải "{audience}")',
        'Only public or trial-panel screens show the remote points\' video (not "{audience}")',
    ),
    'bad_stage': ('Giai đoạn "{stage}" không hợp lệ; hợp lệ: {stages}', 'Unknown stage "{stage}"; valid: {stages}'),
    'bad_stage_move': (
        'Không thể chuyển phiên tòa từ giai đoạn "{stage}" sang "{to}"; có thể chuyển sang: {allowed}',
        'The hearing cannot move from "{stage}" to "{to}"; it may move to: {allowed}',
    ),
    'bad_time_zone': (
        'Múi giờ "{zone}" không tồn tại (COURTROOM_TIMEZONE); dùng tên IANA, ví dụ Asia/Ho_Chi_Minh',
        'Unknown time zone "{zone}" (COURTROOM_TIMEZONE); use an IANA name such as Asia/Ho_Chi_Minh',
    ),
    'bad_resume_date': ('Ngày mở lại phiên tòa "{date}" không hợp lệ: cần một ngày sau hôm nay (YYYY-MM-DD)',
                        'Invalid date to resume "{date}": give a day after today (YYYY-MM-DD)'),
    'already_recording': ('Phiên tòa đang được ghi âm, ghi hình', 'The hearing is already being recorded'),
    'not_recording': ('Phiên tòa không đang được ghi', 'The hearing is not being recorded'),
    'keys_exist': ('Khóa ký của tòa đã có tại {path}; dùng --force để tạo khóa mới',
                   "The court's signing key already exists at {path}; use --force to make a new one"),
    'no_keys': ('Chưa có khóa ký của tòa ({path}); chạy "courtroom keys init"',
                "The court's signing key is missing ({path}); run \"courtroom keys init\""),
    'no_media': ('Máy chủ chưa chạy phần ghi âm, ghi hình', 'The server is not running its media side'),
    'bad_hearing_kind': (
        'Loại phiên "{kind}" không hợp lệ; hợp lệ: {kinds}',
        'Unknown session kind "{kind}"; valid: {kinds}',
    ),
    'needs_recording': (
        'Buổi hỏi cung, lấy lời khai trực tuyến không được bắt đầu khi chưa ghi âm, ghi hình',
        'An online interrogation or statement may not begin without recording',
    ),
    'recording_whole': (
        'Buổi hỏi cung, lấy lời khai được ghi âm, ghi hình từ đầu đến cuối: chỉ dừng ghi khi đã kết thúc',
        'An interrogation or statement is recorded from start to end: recording stops only once it is closed',
    ),
})
