"""The bench console's list of the previewed page's marks, and its treatments (presenter/pages/treatments_panel.py)."""

from __future__ import annotations

from courtroom.i18n import Catalogue

TREATMENTS_TEXTS = Catalogue('presenter.texts.treatments', {
    'marks_list_title': ('Đánh dấu trên trang này', 'Marks on this page'),
    'marks_list_empty': ('Trang này chưa có đánh dấu', 'No marks on this page'),
    'marks_kind_highlight': ('Tô sáng', 'Highlight'),
    'marks_kind_pen': ('Nét vẽ', 'Pen stroke'),
    'marks_kind_rect': ('Khung chữ nhật', 'Rectangle'),
    'marks_kind_arrow': ('Mũi tên', 'Arrow'),
    'marks_kind_ellipse': ('Hình elip', 'Ellipse'),
    'marks_kind_text': ('Chú thích', 'Text callout'),
    'marks_by': ('{who}, lúc {time}', '{who} at {time}'),
    'marks_delete': ('Xóa đánh dấu số {number}: {what}', 'Delete mark number {number}: {what}'),
    'treatments_title': ('Bản đánh dấu đã lưu', 'Saved treatments'),
    'treatments_empty': ('Chưa lưu bản đánh dấu nào', 'No treatments saved yet'),
    'treatments_save': ('Lưu thành bản đánh dấu', 'Save as treatment'),
    'treatments_save_hint': ('Lưu các đánh dấu và vùng phóng to của trang đang xem trước để trình chiếu lại',
                             "Keep the previewed page's marks and zoom region to show them again"),
    'treatments_name': ('Tên bản đánh dấu', 'Treatment name'),
    'treatments_name_hint': ('Enter để lưu, Esc để hủy', 'Enter saves, Esc cancels'),
    'treatments_saved': ('Đã lưu bản đánh dấu “{name}”', 'Treatment “{name}” saved'),
    'treatments_show': ('Xem lại', 'Show'),
    'treatments_show_label': ('Xem lại bản đánh dấu “{name}” ({where})', 'Show the treatment “{name}” ({where})'),
    'treatments_delete_label': ('Xóa bản đánh dấu “{name}”', 'Delete the treatment “{name}”'),
    'judge_act_treatment_saved': ('Lưu bản đánh dấu', 'Treatment saved'),
    'judge_act_treatment_shown': ('Trình chiếu lại bản đánh dấu', 'Treatment shown'),
    'judge_act_treatment_deleted': ('Xóa bản đánh dấu', 'Treatment deleted'),
})
