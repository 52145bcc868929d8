"""The presiding judge's and the clerk's control of a hybrid hearing: remote participants, raised
hands, outages (presenter/pages/hybrid_widgets.py, roll_call.py)."""

from __future__ import annotations

from courtroom.i18n import Catalogue, Plural

HYBRID_CONTROL_TEXTS = Catalogue('presenter.texts.hybrid_control', {
    'ctl_remote_title': ('Người tham gia từ xa', 'Remote participants'),
    'ctl_remote_none': ('Chưa có người tham gia từ xa trong phiên tòa', 'No remote participant in the hearing yet'),
    'ctl_waiting': Plural(
        vi='{n} người đang chờ trong phòng chờ',
        one='{n} person waiting in the lobby', other='{n} people waiting in the lobby',
    ),
    'ctl_waiting_hint': (
        'Thư ký phiên tòa đối chiếu giấy tờ và cho vào',
        'The court clerk checks their ID and admits them',
    ),
    'ctl_speaking': ('Đang nói', 'Speaking'),
    'ctl_hand': ('Giơ tay lúc {time}', 'Hand raised at {time}'),
    'ctl_quality_short': ('{rtt} · {loss} · {fps} k/s', '{rtt} · {loss} · {fps} fps'),
    'ctl_remove_title': ('Đưa {name} ra khỏi phiên tòa?', 'Remove {name} from the hearing?'),
    'ctl_remove_text': ('Đường dẫn của người này bị thu hồi; hình và tiếng của họ ngừng ngay.',
                        "Their link is withdrawn; their picture and sound stop at once."),
    'ctl_removed': ('Đã đưa {name} ra khỏi phiên tòa', '{name} removed from the hearing'),
    'ctl_outage_title': ('Mất kết nối điểm cầu', 'A connection point is lost'),
    'ctl_outage_text': ('Điểm cầu {point} mất kết nối từ {time} — đề nghị tạm ngừng phiên tòa',
                        'Point {point} lost its connection at {time} — the hearing should be suspended (tạm ngừng)'),
    'ctl_outage_hint': ('Sự cố đã được ghi vào nhật ký phiên tòa.', 'The outage has been written to the audit log.'),
    'ctl_outage_ack': ('Đã rõ', 'Acknowledge'),
    'ctl_restored_text': ('Điểm cầu {point} đã kết nối lại lúc {time}', 'Point {point} is connected again at {time}'),
    'ctl_dismiss': ('Ẩn', 'Dismiss'),
    'ctl_halt_title': ('Đã dừng ghi âm, ghi hình', 'Recording has stopped'),
    'ctl_halt_disk_full': ('Ghi âm, ghi hình dừng lại lúc {time} vì ổ đĩa của máy chủ đã đầy — đề nghị tạm ngừng '
                           'phiên tòa', 'Recording stopped at {time}: the server\'s disk is full — the hearing '
                           'should be suspended (tạm ngừng)'),
    'ctl_halt_hint': ('Các đoạn đã ghi được giữ nguyên. Giải phóng dung lượng (báo bộ phận kỹ thuật) rồi bật ghi '
                      'lại; việc dừng đã được ghi vào nhật ký phiên tòa.',
                      'What was recorded is kept. Free some space (call the technical staff), then turn recording '
                      'on again; the stop has been written to the audit log.'),
    'ctl_act_point_outage': ('Điểm cầu mất kết nối', 'Point lost'),
    'ctl_act_point_restored': ('Điểm cầu kết nối lại', 'Point back'),
    'ctl_act_muted': ('Tắt micrô', 'Muted'),
    'ctl_act_unmuted': ('Bật micrô', 'Unmuted'),
    'ctl_act_removed': ('Đưa ra khỏi phiên tòa', 'Removed'),
    'ctl_act_link_revoked': ('Thu hồi đường dẫn', 'Link withdrawn'),
    'ctl_act_hand_raised': ('Giơ tay xin phát biểu', 'Hand raised'),
    'ctl_act_hand_lowered': ('Hạ tay', 'Hand lowered'),
    'ctl_act_admitted': ('Cho vào phiên tòa', 'Admitted'),
    'ctl_act_joined': ('Kết nối', 'Connected'),
    'ctl_act_left': ('Mất kết nối', 'Disconnected'),
})
