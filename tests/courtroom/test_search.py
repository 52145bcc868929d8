from __future__ import annotations

import pytest

from courtroom.bl import bl_reference
from courtroom.errors import InvalidInput
from courtroom.exhibits import Exhibits
from courtroom.hearings import Hearings
from courtroom.search import Search, fold, fts_query, snippet

from .conftest import draft


def test_fold_keeps_length_and_strips_vietnamese_diacritics() -> None:
    text = 'Bút lục ĐƯỢC Đánh Số, Hội đồng xét xử'
    folded = fold(text)
    assert folded == 'but luc duoc danh so, hoi dong xet xu'
    assert len(folded) == len(text)


@pytest.mark.parametrize(('query', 'bl'), [('BL 125', 125), ('bl125', 125), ('BL. 7', 7), ('bút lục 12', 12),
                                           ('but luc 3', 3), ('125', None), ('BL', None), ('BLx 5', None)])
def test_bl_reference(query: str, bl: int | None) -> None:
    assert bl_reference(query) == bl


def test_fts_query_lets_no_syntax_through() -> None:
    assert fts_query('bút "lục" OR NEAR(') == '"but"* "luc"* "or"* "near"*'
    with pytest.raises(InvalidInput):
        fts_query('"  ( )')


def test_snippet_marks_matches_in_the_original_text() -> None:
    text = 'Biên bản ghi lời khai của người làm chứng Nguyễn Văn Bình tại Cơ quan điều tra.'
    assert '[lời] [khai]' in snippet(text, 'loi khai')
    assert '[Nguyễn]' in snippet(text, 'nguyen')


def test_search_finds_words_without_diacritics_and_bl_numbers(hearings: Hearings, exhibits: Exhibits,
                                                              store) -> None:
    h = hearings.create(case_number='1/2026/HSST', title='Vụ án thử', actor='t')
    other = hearings.create(case_number='2/2026/HSST', title='Vụ khác', actor='t')
    exhibits.add_bundle(h.id, [draft(['Trang bìa', 'Đây là bút lục quan trọng', 'Kết luận giám định'])], actor='t')
    exhibits.add_bundle(other.id, [draft(['bút lục của vụ khác'])], actor='t')
    search = Search(store)

    hits = search.search(h.id, 'but luc')
    assert [(hit.page, hit.bl) for hit in hits] == [(2, 2)]
    assert '[bút] [lục]' in hits[0].snippet

    assert [(hit.page, hit.bl) for hit in search.search(h.id, 'BL 3')] == [(3, 3)]
    assert [hit.page for hit in search.search(h.id, 'giam dinh')] == [3]
    assert search.search(h.id, 'khongcotu') == []
    with pytest.raises(InvalidInput):
        search.search(h.id, '   ')


def test_the_words_together_come_first(hearings: Hearings, exhibits: Exhibits, store) -> None:
    h = hearings.create(case_number='1', title='t', actor='t')
    exhibits.add_bundle(h.id, [draft(['Tòa án quận Ba Đình; giám sát viên', 'Kết luận giám định số 12'])], actor='t')
    hits = Search(store).search(h.id, 'giám định')
    assert [hit.page for hit in hits] == [2, 1]  # the phrase first, then the page that has both words apart
