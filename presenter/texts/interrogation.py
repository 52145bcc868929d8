"""Online interrogations and statements: the session kind, the court's clock, an imported record's
provenance."""

from __future__ import annotations

from courtroom.i18n import Catalogue, Plural

INTERROGATION_TEXTS = Catalogue('presenter.texts.interrogation', {
    'int_kind': ('Loại phiên', 'Session kind'),
    'int_kind_hearing': ('Phiên tòa', 'Hearing'),
    'int_kind_interrogation': ('Hỏi cung trực tuyến', 'Online interrogation'),
    'int_kind_statement': ('Lấy lời khai trực tuyến', 'Online statement'),
    'int_kind_hint': (
        'Hỏi cung, lấy lời khai được ghi âm, ghi hình liên tục từ khi bắt đầu đến khi kết thúc; có tối đa hai điểm '
        'cầu thành phần',
        'An interrogation or statement is recorded on audio and video from its start to its end; at most two '
        'component points',
    ),
    'int_clock_title': ('Giờ của tòa: {zone}', "The court's time: {zone}"),
    'int_verified': ('Đã xác minh chữ ký', 'Signature verified'),
    'int_verified_hint': (
        'Hồ sơ ghi có chữ ký số của {court}; mã băm, chuỗi nhật ký và chữ ký đã được kiểm tra khi nhập',
        "A record signed by {court}; its hashes, audit chain and signatures were checked on import",
    ),
    'int_provenance': ('Nguồn gốc hồ sơ ghi', 'Provenance of the record'),
    'int_prov_source': ('Phiên nguồn', 'Source session'),
    'int_prov_court': ('Cơ quan ký', 'Signed by'),
    'int_prov_exported': ('Xuất lúc', 'Exported at'),
    'int_prov_segments': ('Đoạn ghi', 'Segments'),
    'int_prov_segments_value': Plural(
        vi='{n} đoạn từ {sources} nguồn', one='{n} from {sources} source', other='{n} from {sources} sources',
        by='sources',
    ),
    'int_prov_duration': ('Thời lượng ghi', 'Recorded time'),
    'int_prov_gaps': ('Gián đoạn ghi', 'Recording gaps'),
    'int_prov_gaps_none': ('Không có', 'None'),
    'int_prov_key': ('Khóa công khai (SHA-256)', 'Public key (SHA-256)'),
    'int_prov_record': ('Mã SHA-256 của hồ sơ', "The record's SHA-256"),
    'int_prov_verified': ('Xác minh', 'Verification'),
    'int_prov_verified_value': ('✓ {checks} kiểm tra đạt, lúc {at}', '✓ {checks} checks held, at {at}'),
})
