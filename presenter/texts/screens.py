"""What a courtroom screen and a remote participant see (presenter/pages/screen.py, evidence.py)."""

from __future__ import annotations

from courtroom.i18n import Catalogue

SCREENS_TEXTS = Catalogue('presenter.texts.screens', {
    'screen_unknown': (
        'Màn hình không hợp lệ hoặc đã bị thu hồi',
        'This screen link is not valid or has been withdrawn',
    ),
    'screen_idle': ('Chưa trình chiếu tài liệu', 'Nothing on display'),
    'screen_map_restricted': ('hạn chế', 'restricted'),
    'screen_restricted': ('Tài liệu hạn chế — chỉ hiển thị cho Hội đồng xét xử',
                          'Restricted exhibit — shown to the trial panel only'),
    'screen_case': ('Vụ án số {case}', 'Case {case}'),
    'screen_suspended': ('Phiên tòa tạm ngừng', 'The hearing is suspended'),
    'screen_postponed': ('Phiên tòa hoãn', 'The hearing is postponed'),
    'screen_until': ('Mở lại ngày {day}', 'To resume on {day}'),
})
