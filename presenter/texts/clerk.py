"""The clerk's hearing page: courtroom screens, hearing settings, restriction (presenter/pages/hearing.py,
screens_panel.py, settings_panel.py)."""

from __future__ import annotations

from courtroom.i18n import Catalogue

CLERK_TEXTS = Catalogue('presenter.texts.clerk', {
    'clerk_screens_title': ('Màn hình phòng xử án', 'Courtroom screens'),
    'clerk_screens_hint': ('Mở đường dẫn (hoặc quét mã QR) trên trình duyệt của từng màn hình, ở chế độ toàn màn hình. '
                           'Màn hình tự kết nối lại khi mất mạng hoặc máy chủ khởi động lại.',
                           'Open the link (or scan the QR code) in each screen\'s browser, full screen. A screen '
                           'reconnects by itself after a network drop or a server restart.'),
    'clerk_screen_name': ('Tên màn hình', 'Screen name'),
    'clerk_screen_name_hint': ('VD: Máy chiếu phòng xử', 'e.g. Courtroom projector'),
    'clerk_screen_audience': ('Đối tượng xem', 'Audience'),
    'clerk_add_screen': ('Thêm màn hình', 'Add screen'),
    'clerk_screen_added': ('Đã thêm màn hình "{name}"', 'Screen "{name}" added'),
    'clerk_no_screens': (
        'Chưa có màn hình nào. Thêm màn hình cho Hội đồng xét xử, công chúng, người làm chứng và luật sư.',
        'No screens yet. Add one for the trial panel, the public, the witness and counsel.',
    ),
    'clerk_aud_panel': ('Hội đồng xét xử', 'Trial panel'),
    'clerk_aud_public': ('Công chúng (phòng xử)', 'Public (courtroom)'),
    'clerk_aud_witness': ('Người làm chứng', 'Witness'),
    'clerk_aud_counsel': ('Luật sư / người bào chữa', 'Counsel / defence'),
    'clerk_aud_observer': ('Người tham dự (từ xa, phòng phụ)', 'Observers (remote, overflow room)'),
    'clerk_copy': ('Sao chép', 'Copy'),
    'clerk_copied': ('Đã sao chép đường dẫn màn hình', 'Screen link copied'),
    'clerk_open': ('Mở', 'Open'),
    'clerk_qr_hint': ('Quét để mở trên màn hình', 'Scan to open on the screen'),
    'clerk_settings': ('Thiết lập phiên tòa', 'Hearing settings'),
    'clerk_closed_door': ('Xét xử kín', 'Closed-door hearing'),
    'clerk_closed_door_hint': ('Người tham dự không thấy gì trên màn hình', 'Observers see nothing on the screens'),
    'clerk_approval': ('Trình chiếu cần Chủ tọa phê duyệt', 'Publishing needs the presiding judge\'s approval'),
    'clerk_approval_hint': ('Mỗi lần trình chiếu chờ Chủ tọa duyệt', 'Every publish waits for the presiding judge'),
    'clerk_restricted': ('Hạn chế', 'Restricted'),
    'clerk_restricted_tip': ('Tài liệu hạn chế chỉ hiển thị trên màn hình của Hội đồng xét xử',
                             'A restricted exhibit is shown on the trial panel\'s screens only'),
    'clerk_open_bench': ('Bàn trình chiếu', 'Bench console'),
    'clerk_open_judge': ('Bảng điều khiển Chủ tọa', 'Judge\'s panel'),
    'clerk_screen_video': ('Hiển thị hình ảnh các điểm cầu (màn hình công chúng, HĐXX)',
                           "Show the remote points' video (public and trial-panel screens)"),
    'clerk_screen_audio': ('Loa phòng xử án', "Courtroom's speakers"),
    'clerk_screen_audio_hint': ('Màn hình này phát âm thanh của bản ghi âm, ghi hình khi trình chiếu; các màn hình '
                                'khác tắt tiếng. Chưa chọn màn hình nào thì màn hình công chúng đầu tiên phát.',
                                'This screen plays the sound of a published recording; the others stay muted. '
                                'With none chosen, the first public screen plays it.'),
    'clerk_screen_plays_sound': ('Phát âm thanh trong phòng xử án', 'Plays the sound in the courtroom'),
    'staff_title': ('Người tiến hành tố tụng', 'Staff of the hearing'),
    'staff_hint': ('Chỉ những người này (và quản trị viên) thấy phiên tòa và hồ sơ của nó.',
                   'Only these people (and administrators) see this hearing and its case file.'),
    'staff_choose': ('Chọn thẩm phán, hội thẩm, thư ký, kiểm sát viên, luật sư',
                     'Choose the judges, assessors, clerk, procurator and counsel'),
    'staff_save': ('Lưu danh sách', 'Save the list'),
    'staff_saved': ('Đã lưu danh sách người tiến hành tố tụng', 'The staff list is saved'),
})
