"""Side by side on the bench console and the review page: two pages on the screens at once
(presenter/pages/side_by_side.py, bench.py, review.py)."""

from __future__ import annotations

from courtroom.i18n import Catalogue

SIDE_BY_SIDE_TEXTS = Catalogue('presenter.texts.side_by_side', {
    'sbs_beside': ('Chiếu song song', 'Show side by side'),
    'sbs_beside_hint': ('Trình chiếu trang đang xem trước bên cạnh trang trên màn hình (phím S)',
                        'Publish the previewed page beside the one on the screens (key S)'),
    'sbs_single': ('Chỉ chiếu một trang', 'Show one page only'),
    'sbs_single_hint': ('Thôi chiếu song song: chỉ giữ trang bên đang chọn (Shift+S)',
                        'Leave side by side: keep only the chosen side\'s page (Shift+S)'),
    'sbs_on': ('Hai trang song song', 'Two pages side by side'),
    'sbs_left': ('Trái', 'Left'),
    'sbs_right': ('Phải', 'Right'),
    'sbs_choose': ('Chọn bên {side} cho lần trình chiếu, chuyển trang, phóng to tiếp theo (phím {key})',
                   'Choose the {side} side for the next publish, page turn and zoom (key {key})'),
    'sbs_acts_on': ('Enter, Shift+← → và phóng to tác động lên bên đang chọn · phím 1/2 chọn bên',
                    'Enter, Shift+← → and zoom act on the chosen side · keys 1/2 choose'),
    'sbs_publish_side': ('Trình chiếu bên {side}', 'Publish on the {side} side'),
    'sbs_review_beside': ('Bên cạnh: {what}', 'Beside it: {what}'),
})
