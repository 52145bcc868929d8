"""The demo case: its numbers and panel (``DEMO_CASE``), the people in it and the letterheads of the
agencies that wrote its documents. Everything here is invented; the institutions are named as they are since
1/7/2025 (district courts and procuracies became regional ones, "khu vực"; district police are no more).
"""

from __future__ import annotations

DEMO_CASE: dict = {
    'case_number': '125/2026/HSST',
    'title': 'Vụ án Nguyễn Văn Hải — Trộm cắp tài sản',
    'short_title': 'Vụ án Trộm cắp tài sản',
    'court': 'Tòa án nhân dân khu vực 1 - Hà Nội',
    'procuracy': 'Viện kiểm sát nhân dân khu vực 1 - Hà Nội',
    'investigating_agency': 'Cơ quan Cảnh sát điều tra Công an thành phố Hà Nội',
    'procedure': 'first_instance',  # sơ thẩm
    'public': True,  # xét xử công khai
    'online': True,  # phiên tòa trực tuyến, điểm cầu thành phần tại trại tạm giam
    'hearing_date': '2026-04-15',
    'hearing_time': '08:00',
    'indictment_number': '118/CT-VKSKV1',
    'indictment_date': '2026-03-20',
    'trial_decision_number': '130/2026/QĐXXST-HS',
    'charges': [
        {
            'code': 'Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017)',
            'article': 173,
            'clause': 1,
            'offence': 'Trộm cắp tài sản',
            'citation': 'khoản 1 Điều 173 Bộ luật Hình sự',
        },
    ],
    'defendants': ['Nguyễn Văn Hải'],
    'victims': ['Trần Thị Mai'],
    'witnesses': ['Lê Văn Bình', 'Phạm Thu Hà'],
    'trial_panel': {
        'presiding_judge': 'Đỗ Thị Lan',
        'assessors': ['Vũ Đức Thắng', 'Hoàng Thị Nga'],
        'clerk': 'Ngô Minh Tuấn',
    },
    'procurator': 'Lý Thu Trang',
    'defence_counsel': 'Luật sư Bùi Quang Huy — Đoàn Luật sư thành phố Hà Nội',
    'detention_facility': 'Trại tạm giam số 1 Công an thành phố Hà Nội',
    'damage_vnd': 37_700_000,
}


NATION = ['**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**', '**Độc lập - Tự do - Hạnh phúc**', '--- 168']
CQDT = ['CÔNG AN THÀNH PHỐ HÀ NỘI', '**CƠ QUAN CẢNH SÁT ĐIỀU TRA**', '---']
VKS = ['VIỆN KSND THÀNH PHỐ HÀ NỘI', '**VIỆN KIỂM SÁT NHÂN DÂN**', '**KHU VỰC 1 - HÀ NỘI**', '---']
TOA = ['TÒA ÁN NHÂN DÂN', '**KHU VỰC 1**', '**THÀNH PHỐ HÀ NỘI**', '---']

DEFENDANT_BIO = (
    '**Nguyễn Văn Hải**, sinh ngày 14 tháng 5 năm 1995 tại tỉnh Hà Nam; nơi thường trú: xóm 4, xã Thanh Hà, '
    'tỉnh Ninh Bình; chỗ ở hiện nay: phòng 204 nhà số 18 ngõ 158 phố Ngọc Hà, phường Ngọc Hà, '
    'thành phố Hà Nội; nghề nghiệp: lao động tự do; trình độ văn hóa: 9/12; dân tộc: Kinh; giới tính: nam; '
    'tôn giáo: không; quốc tịch: Việt Nam; con ông Nguyễn Văn Tư và bà Đặng Thị Hoa; chưa có vợ, con.'
)
CRIMINAL_RECORD = (
    'Tiền án: không. Tiền sự: ngày 12/6/2025 bị Trưởng Công an phường Kim Mã xử phạt vi phạm hành chính '
    '1.500.000 đồng về hành vi trộm cắp tài sản (đã nộp phạt). Bị bắt tạm giữ từ ngày 10/01/2026, chuyển tạm '
    'giam từ ngày 19/01/2026 đến nay tại Trại tạm giam số 1 Công an thành phố Hà Nội.'
)


OFFICER, RECORDER = 'Đinh Quốc Khánh', 'Mai Xuân Trường'
ROOM = 'phòng làm việc Cơ quan Cảnh sát điều tra Công an thành phố Hà Nội, số 5 phố Liễu Giai, Hà Nội'
