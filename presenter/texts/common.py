"""Texts that every page shares: the application's name, signing in and out, the buttons and page
turning that many pages use, exhibit kinds and staff roles."""

from __future__ import annotations

from courtroom.i18n import Catalogue

COMMON_TEXTS = Catalogue('presenter.texts.common', {
    'app_name': ('Phòng xử án số', 'Digital Courtroom'),
    'login_title': ('Đăng nhập', 'Sign in'),
    'username': ('Tên đăng nhập', 'Username'),
    'password': ('Mật khẩu', 'Password'),
    'login': ('Đăng nhập', 'Sign in'),
    'logout': ('Đăng xuất', 'Sign out'),
    'cancel': ('Hủy', 'Cancel'),
    'page': ('Trang', 'Page'),
    'previous': ('Trang trước', 'Previous page'),
    'next': ('Trang sau', 'Next page'),
    'close': ('Đóng', 'Close'),
    'kind_document': ('Tài liệu', 'Document'),
    'kind_image': ('Hình ảnh', 'Image'),
    'kind_audio': ('Ghi âm', 'Audio recording'),
    'kind_video': ('Ghi hình', 'Video recording'),
    'role_admin': ('Quản trị viên', 'Administrator'),
    'role_clerk': ('Thư ký phiên tòa', 'Court clerk'),
    'role_presiding_judge': ('Chủ tọa phiên tòa', 'Presiding judge'),
    'role_judge': ('Thẩm phán', 'Judge'),
    'role_assessor': ('Hội thẩm nhân dân', "People's assessor"),
    'role_procurator': ('Kiểm sát viên', 'Procurator'),
    'role_defence_counsel': ('Người bào chữa', 'Defence counsel'),
})
