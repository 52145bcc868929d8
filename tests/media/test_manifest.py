import json

import pytest

from courtroom.errors import InvalidInput
from media.manifest import ManifestRow, check_files, pages_of, parse


def _refused(data: bytes, name: str, code: str) -> InvalidInput:
    with pytest.raises(InvalidInput) as e:
        parse(data, name)
    assert e.value.code == code, e.value
    assert e.value.params['file'] == name
    return e.value


def test_csv_with_every_field() -> None:
    data = 'file,pages,label,title,party,bl\nho-so.pdf,3-7,VKS-01,Biên bản,Viện kiểm sát,125-129\nanh.jpg,,,,,\n'
    manifest = parse(data.encode(), 'manifest.csv')
    assert manifest.rows == [
        ManifestRow(row=2, file='ho-so.pdf', pages=(3, 7), label='VKS-01', title='Biên bản', party='Viện kiểm sát',
                    bl_first=125, bl_last=129),
        ManifestRow(row=3, file='anh.jpg'),
    ]


def test_csv_with_bom_semicolons_and_single_numbers() -> None:
    manifest = parse('\ufeffFile;Pages;BL\r\nscans/a.pdf;5;40\r\n'.encode(), 'manifest.csv')
    assert manifest.rows == [ManifestRow(row=2, file='scans/a.pdf', pages=(5, 5), bl_first=40)]


def test_json_list_and_object() -> None:
    rows = [{'file': 'a.pdf', 'pages': '1-2', 'bl': 7, 'title': 'A'}]
    for doc in (rows, {'exhibits': rows}):
        manifest = parse(json.dumps(doc).encode(), 'manifest.json')
        assert manifest.rows == [ManifestRow(row=1, file='a.pdf', pages=(1, 2), title='A', bl_first=7)]


def test_unknown_column_is_named() -> None:
    error = _refused(b'file,titel\na.pdf,x\n', 'manifest.csv', 'manifest_unknown_field')
    assert error.params['field'] == 'titel'


def test_missing_file_column() -> None:
    _refused(b'title\nx\n', 'manifest.csv', 'manifest_missing_field')


def test_missing_file_in_a_json_entry_names_the_entry() -> None:
    error = _refused(b'[{"file": "a.pdf"}, {"title": "x"}]', 'manifest.json', 'manifest_missing_field')
    assert error.params == {'file': 'manifest.json', 'row': 2, 'field': 'file'}


@pytest.mark.parametrize(('field', 'value'), [('pages', '7-3'), ('pages', 'x'), ('pages', '0'), ('bl', '-4'),
                                              ('bl', '1,2')])
def test_bad_ranges_name_row_and_field(field: str, value: str) -> None:
    data = f'file,{field}\na.pdf,1\nb.pdf,"{value}"\n'.encode()
    error = _refused(data, 'manifest.csv', 'manifest_bad_field')
    assert error.params['row'] == 3
    assert error.params['field'] == field


def test_broken_json_and_encoding() -> None:
    _refused(b'[{"file": ', 'manifest.json', 'manifest_broken')
    _refused(b'{"files": []}', 'manifest.json', 'manifest_broken')
    _refused('file\nả.pdf\n'.encode('utf-16'), 'manifest.csv', 'manifest_broken')


def test_empty_manifest() -> None:
    _refused(b'file\n\n', 'manifest.csv', 'manifest_empty')


def test_pages_and_bl_are_checked_against_the_file() -> None:
    row = ManifestRow(row=4, file='a.pdf', pages=(3, 12))
    with pytest.raises(InvalidInput) as e:
        pages_of(row, 10, 'manifest.csv')
    assert e.value.code == 'manifest_bad_pages'
    assert pages_of(ManifestRow(row=2, file='a.pdf'), 10, 'm') == (1, 10)
    with pytest.raises(InvalidInput) as e:
        pages_of(ManifestRow(row=2, file='a.pdf', pages=(1, 3), bl_first=5, bl_last=9), 10, 'm')
    assert e.value.code == 'manifest_bl_mismatch'
    assert e.value.params['count'] == 5


def test_files_must_match_the_bundle() -> None:
    manifest = parse(b'file\na.pdf\nc.pdf\n', 'manifest.csv')
    with pytest.raises(InvalidInput) as e:
        check_files(manifest, ['a.pdf', 'b.pdf'])
    assert (e.value.code, e.value.params['row'], e.value.params['value']) == ('manifest_unknown_file', 3, 'c.pdf')
    manifest = parse(b'file\na.pdf\n', 'manifest.csv')
    with pytest.raises(InvalidInput) as e:
        check_files(manifest, ['a.pdf', 'b.pdf'])
    assert (e.value.code, e.value.params['value']) == ('manifest_unlisted_file', 'b.pdf')


def test_names_are_compared_in_nfc() -> None:
    import unicodedata
    nfd = unicodedata.normalize('NFD', 'Tài liệu.pdf')
    manifest = parse(f'file\n{nfd}\n'.encode(), 'manifest.csv')
    check_files(manifest, ['Tài liệu.pdf'])
