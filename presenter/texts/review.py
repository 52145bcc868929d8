"""Reviewing a recording: sources, series, the timeline and the integrity check (presenter/pages/review.py)."""

from __future__ import annotations

from courtroom.i18n import Catalogue, Plural

REVIEW_TEXTS = Catalogue('presenter.texts.review', {
    'rec_review_link': ('Xem lại bản ghi', 'Review the recording'),
    'rec_review_title': ('Xem lại ghi âm, ghi hình', 'Review the recording'),
    'rec_review_back': ('Về biên bản', 'Back to the minutes'),
    'rec_review_source': ('Nguồn ghi', 'Source'),
    'rec_review_series': ('Chuỗi ghi', 'Series'),
    'rec_review_series_option': ('{start} · {time}', '{start} · {time}'),
    'rec_review_series_info': Plural(
        vi='{n} đoạn · {start} – {end}',
        one='{n} segment · {start} – {end}', other='{n} segments · {start} – {end}',
    ),
    'rec_review_clock': ('Thời điểm', 'Time'),
    'rec_review_timeline': ('Diễn biến phiên tòa', 'Timeline'),
    'rec_review_on_screen': ('Trên màn hình lúc đó', 'On the screens at that moment'),
    'rec_review_nothing': ('Phiên tòa chưa có bản ghi nào', 'Nothing has been recorded for this hearing'),
    'rec_review_verifying': Plural(
        vi='Đang kiểm tra mã SHA-256 của {n} đoạn ghi…',
        one='Checking the SHA-256 of {n} segment…', other='Checking the SHA-256 of {n} segments…',
    ),
    'rec_review_valid': Plural(
        vi='Bản ghi toàn vẹn: {n} đoạn khớp mã SHA-256 và chuỗi nhật ký',
        one='The recording is intact: {n} segment matches its SHA-256 and the audit chain',
        other='The recording is intact: {n} segments match their SHA-256 and the audit chain',
    ),
    'rec_review_invalid': Plural(
        vi='CẢNH BÁO: {n}/{total} đoạn ghi không khớp — bản ghi có thể đã bị thay đổi',
        one='WARNING: {n} of {total} segments does not match — the recording may have been altered',
        other='WARNING: {n} of {total} segments do not match — the recording may have been altered',
    ),
    'rec_review_warning': ('Bản ghi không vượt qua kiểm tra toàn vẹn', 'This recording failed its integrity check'),
    'rec_review_problem': ('Đoạn {seq}: {problem}', 'Segment {seq}: {problem}'),
    'rec_review_more': Plural(vi='… và {n} đoạn khác', one='… and {n} more segment', other='… and {n} more segments'),
    'rec_review_chain_broken': ('Chuỗi nhật ký bị phá vỡ tại mục {seq}', 'The audit chain breaks at entry {seq}'),
    'rec_problem_missing': ('thiếu tệp', 'file missing'),
    'rec_problem_hash': (
        'mã SHA-256 của tệp khác với mã đã ghi nhận',
        "the file's SHA-256 differs from the one entered",
    ),
    'rec_problem_not_in_chain': ('không có trong chuỗi nhật ký', 'not in the audit chain'),
    'rec_problem_chain_differs': ('mã SHA-256 khác với chuỗi nhật ký', 'its SHA-256 differs from the audit chain'),
    'rec_review_not_recorded': ('Thời điểm này không có trong bản ghi của nguồn đã chọn',
                                'That moment is not in the chosen source\'s recording'),
    'rec_review_idle': ('Không trình chiếu tài liệu', 'Nothing on display'),
    'rec_review_map': ('Sơ đồ tư duy “{title}”', 'Case map “{title}”'),
    'rec_review_blank': ('Màn hình tắt', 'Screens blanked'),
    'rec_review_since': ('từ {at}', 'since {at}'),
    'rec_review_marks': Plural(vi='Có {n} nét đánh dấu trên trang', one='{n} mark on the page',
                               other='{n} marks on the page'),
    'rec_review_laser': ('Bút chỉ laser đang bật', 'Laser pointer on'),
    'rec_review_playing': ('Đang phát, ở {position}', 'Playing, at {position}'),
    'rec_review_paused': ('Tạm dừng ở {position}', 'Paused at {position}'),
    'rec_review_clip': ('Đoạn “{name}”', 'Clip “{name}”'),
})
