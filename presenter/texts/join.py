"""A remote participant's page (/join/{token}, presenter/pages/join.py): the device check, the lobby, the
call."""

from __future__ import annotations

from courtroom.i18n import Catalogue

JOIN_TEXTS = Catalogue('presenter.texts.join', {
    'join_hello': ('Xin chào {name}', 'Hello {name}'),
    'join_check': (
        'Kiểm tra camera và micro trước khi vào phòng chờ',
        'Check your camera and microphone before the lobby',
    ),
    'join_camera': ('Camera', 'Camera'),
    'join_microphone': ('Micro', 'Microphone'),
    'join_retry': ('Kiểm tra lại', 'Check again'),
    'join_lobby_button': ('Vào phòng chờ', 'Go to the lobby'),
    'join_checking': ('Đang kiểm tra thiết bị…', 'Checking your devices…'),
    'join_device_ok': ('Camera và micro hoạt động. Hãy nói thử để thấy mức âm thanh.',
                       'Camera and microphone work. Speak to see the level.'),
    'join_audio_only': ('Không dùng được camera; bạn vẫn tham gia được bằng micro.',
                        'No camera available; you can still take part with your microphone.'),
    'join_denied': ('Trình duyệt chưa được phép dùng camera và micro. Hãy cho phép trong thanh địa chỉ rồi bấm '
                    '“Kiểm tra lại”.',
                    'The browser may not use the camera and microphone. Allow them in the address bar, then press '
                    '“Check again”.'),
    'join_missing': (
        'Không tìm thấy camera hoặc micro trên máy này.',
        'No camera or microphone was found on this computer.',
    ),
    'join_device_error': ('Không mở được camera và micro.', 'The camera and microphone could not be opened.'),
    'join_lobby': ('Đang chờ thư ký phiên tòa kiểm tra căn cước và cho vào phiên tòa',
                   'Waiting for the court clerk to check your identity and admit you'),
    'join_lobby_hint': ('Hãy chuẩn bị giấy tờ tùy thân: {doc}', 'Please have your ID document ready: {doc}'),
    'join_card_title': ('Đối chiếu căn cước công dân', 'Checking your citizen ID card'),
    'join_self_view': ('Hình của bạn từ camera', 'Your camera\'s picture of you'),
    'join_self_seen': ('Thư ký phiên tòa thấy hình này để đối chiếu với giấy tờ của bạn; hình không được lưu lại',
                       'The clerk sees this picture to compare it with your ID document; it is not kept'),
    'join_card_view': ('Hình ảnh camera để đưa thẻ vào khung', 'Your camera\'s picture, to hold the card in the frame'),
    'join_card_hint': ('Đưa mặt có mã QR của thẻ vào khung vàng, gần camera, giữ yên rồi bấm “Gửi ảnh thẻ”. Thư ký '
                       'sẽ đối chiếu với hồ sơ.',
                       'Hold the side of the card with the QR code inside the yellow frame, close to the camera, keep '
                       'it still and press “Send the card”. The clerk compares it with your record.'),
    'join_card_send': ('Gửi ảnh thẻ', 'Send the card'),
    'join_card_sending': ('Đang gửi…', 'Sending…'),
    'join_card_read': ('Đã đọc mã QR của thẻ. Thư ký sẽ đối chiếu và cho vào phiên tòa.',
                       'The card\'s QR code was read. The clerk will compare it and let you in.'),
    'join_card_read_differs': ('Đã đọc mã QR của thẻ, nhưng có thông tin khác hồ sơ. Thư ký sẽ kiểm tra với bạn.',
                               'The card\'s QR code was read, but something differs from your record. The clerk will '
                               'check with you.'),
    'join_card_failed': ('Không gửi được ảnh thẻ: hãy thử lại', 'The picture could not be sent: try again'),
    'join_doc_citizen_id': ('Căn cước công dân', 'Citizen ID card'),
    'join_doc_passport': ('Hộ chiếu', 'Passport'),
    'join_doc_lawyer_card': ('Thẻ luật sư', 'Lawyer card'),
    'join_doc_legal_aid_card': ('Thẻ trợ giúp viên pháp lý', 'Legal aid card'),
    'join_doc_other': ('Giấy tờ tùy thân', 'ID document'),
    'join_refused': (
        'Thư ký phiên tòa đã không cho tham gia phiên tòa.',
        'The court clerk did not admit you to the hearing.',
    ),
    'join_revoked': (
        'Đường dẫn đã bị thu hồi; bạn đã rời phiên tòa.',
        'Your link has been withdrawn; you have left the hearing.',
    ),
    'join_evidence': ('Tài liệu đang trình chiếu', 'Evidence on display'),
    'join_minutes': ('Biên bản phiên tòa', 'Hearing minutes'),
    'join_minutes_signed': ('Biên bản đã được ký. Bạn được xem biên bản và đề nghị ghi sửa đổi, bổ sung vào cuối '
                            'biên bản.', 'The minutes are signed. You may read them and ask for a correction, which '
                            'is added at the end.'),
    'join_minutes_read': ('Xem biên bản (PDF)', 'Read the minutes (PDF)'),
    'join_minutes_ask_label': ('Nội dung đề nghị sửa đổi, bổ sung', 'The correction you ask for'),
    'join_minutes_ask': ('Gửi đề nghị', 'Send the request'),
    'join_minutes_asked': ('Đã gửi đề nghị sửa đổi, bổ sung', 'Your request is sent'),
    'join_minutes_yours': ('Đề nghị của bạn', 'Your requests'),
    'join_others': ('Người tham gia khác', 'Other participants'),
    'join_raise_hand': ('Giơ tay xin phát biểu', 'Raise hand'),
    'join_lower_hand': ('Hạ tay', 'Lower hand'),
    'join_mic_off': ('Tắt micro', 'Mute'),
    'join_mic_on': ('Bật micro', 'Unmute'),
    'join_muted_by_court': (
        'Chủ tọa hoặc thư ký đã tắt micro của bạn',
        'The presiding judge or the court clerk has muted you',
    ),
    'join_level': ('Mức âm thanh micro', 'Microphone level'),
    'join_default_device': ('Chưa chọn: thiết bị mặc định của trình duyệt', "None chosen: the browser's default"),
    'join_rtc_reconnecting': ('Đang kết nối lại…', 'Reconnecting…'),
    'join_rtc_new': ('Đang chuẩn bị kết nối…', 'Preparing the connection…'),
    'join_rtc_connecting': ('Đang kết nối…', 'Connecting…'),
    'join_rtc_connected': ('Đã kết nối với phiên tòa', 'Connected to the hearing'),
    'join_rtc_disconnected': ('Mất kết nối, đang thử lại…', 'Connection lost, trying again…'),
    'join_rtc_failed': ('Kết nối thất bại, đang thử lại…', 'Connection failed, trying again…'),
    'join_rtc_closed': ('Đã ngắt kết nối', 'Disconnected'),
    'join_no_record': ('Không được ghi âm, ghi hình hay phát tán nội dung phiên tòa.',
                       'Recording or redistributing the hearing is not allowed.'),
})
