"""The names of an exported record's checks (:func:`media.record.verify_record`), Vietnamese first. The English
text is also what the API and ``courtroom verify`` report; the record page shows the user's language. A check's
detail (file names, hashes, the chain's entry) is data and stays as it is."""

from courtroom.i18n import Catalogue

RECORD_CHECKS = Catalogue('media.record_messages', {
    # key: (Tiếng Việt, English); {name} is a file of the record
    'zip': ('Tệp ZIP đọc được', 'zip'),
    'parts': ('Có chỉ mục, chữ ký và khóa công khai', 'index, signature and public key present'),
    'index_readable': ('Đọc được chỉ mục record.json', 'record.json readable'),
    'present': ('Có tệp {name}', '{name} present'),
    'hash': ('Mã băm của {name}', '{name} hash'),
    'no_extra': ('Không có tệp nào ngoài chỉ mục', 'no file outside the index'),
    'signature': ('Chữ ký số của {name}', 'signature of {name}'),
    'pades': ('Chữ ký PAdES của minutes.pdf', 'PAdES signature of minutes.pdf'),
    'pades_person': ('Chữ ký PAdES {field} của minutes.pdf', 'PAdES signature {field} of minutes.pdf'),
    'chain': ('Chuỗi băm của nhật ký', 'audit chain'),
    'segments_all': ('Mọi đoạn ghi đều có trong hồ sơ', 'every recorded segment is in the record'),
    'segments_match': ('Các đoạn ghi khớp với nhật ký', 'segments match the audit chain'),
    'maps_match': ('Sơ đồ tư duy đã trình chiếu khớp với nhật ký', 'case maps shown match the audit chain'),
})
