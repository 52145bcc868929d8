from __future__ import annotations

import threading
import unicodedata

import pytest

from courtroom.bl import bl_reference
from courtroom.errors import InvalidInput
from courtroom.exhibits import Exhibits
from courtroom.hearings import Hearings
from courtroom.search import Search, Terms, Tier, fold, highlight_pattern, snippet

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


def test_terms_let_no_fts_syntax_through() -> None:
    terms = Terms.parse('bút "lục" OR NEAR( *')
    assert terms.words == ('bút', 'lục', 'or', 'near') and terms.exact
    assert terms.matches()[0] == (Tier.PHRASE, '"bút lục or near"')
    with pytest.raises(InvalidInput):
        Terms.parse('"  ( ) * -')


def test_snippet_marks_matches_in_the_original_text() -> None:
    text = 'Biên bản ghi lời khai của người làm chứng Nguyễn Văn Bình tại Cơ quan điều tra.'
    assert '[lời] [khai]' in snippet(text, highlight_pattern(Terms.parse('loi khai'), Tier.PHRASE))
    assert '[Nguyễn]' in snippet(text, highlight_pattern(Terms.parse('nguyen'), Tier.PHRASE))


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


# --- tone marks, ranking, highlighting, bad input -----------------------------------------------------------------

PAGES = [
    'Tòa án nhân dân quận Ba Đình',                 # BL 1: "Đình", neither word
    'Cơ quan điều tra xác định thời gian',          # BL 2: "định" alone
    'Trưng cầu giám định pháp y',                   # BL 3: the phrase
    'Giám sát viên đã xác định lại',                # BL 4: both words apart
    'KẾT LUẬN GIÁM ĐỊNH số 7',                      # BL 5: the phrase, upper case
    'Kết luận giam dinh viết không dấu',            # BL 6: the words without marks
]


@pytest.fixture
def case(hearings: Hearings, exhibits: Exhibits, store) -> tuple[Search, int]:
    h = hearings.create(case_number='1', title='t', actor='t')
    exhibits.add_bundle(h.id, [draft(PAGES)], actor='t')
    return Search(store), h.id


def test_a_query_with_tone_marks_matches_them_exactly(case: tuple[Search, int]) -> None:
    search, hearing_id = case
    assert [h.bl for h in search.search(hearing_id, 'định')] == [2, 3, 4, 5]  # not "Đình" (BL 1), not "dinh"
    assert [h.bl for h in search.search(hearing_id, 'đình')] == [1]
    assert [h.bl for h in search.search(hearing_id, 'ĐỊNH')] == [2, 3, 4, 5]  # case does not matter
    decomposed = unicodedata.normalize('NFD', 'giám định')
    assert [h.bl for h in search.search(hearing_id, decomposed)][:2] == [3, 5]  # however the marks were typed


def test_a_query_without_marks_matches_folded(case: tuple[Search, int]) -> None:
    search, hearing_id = case
    assert [h.bl for h in search.search(hearing_id, 'dinh')] == [1, 2, 3, 4, 5, 6]
    assert [h.bl for h in search.search(hearing_id, 'giám định', ignore_marks=True)][:3] == [3, 5, 6]


def test_the_phrase_comes_first_then_all_words_then_some(case: tuple[Search, int]) -> None:
    search, hearing_id = case
    # phrase (BL 3, 5), then both words apart (BL 4), then one word (BL 2 has "định"); never BL 1 or 6
    assert [h.bl for h in search.search(hearing_id, 'giám định')] == [3, 5, 4, 2]
    assert [h.bl for h in search.search(hearing_id, 'giam dinh')] == [3, 5, 6, 4, 1, 2]


def test_a_page_with_the_phrase_is_never_below_a_one_word_match(hearings: Hearings, exhibits: Exhibits,
                                                                  store) -> None:
    h = hearings.create(case_number='1', title='t', actor='t')
    # the one-word pages come first in BL order and outnumber the limit
    exhibits.add_bundle(h.id, [draft(['xác định'] * 8 + ['giám định'])], actor='t')
    assert [hit.bl for hit in Search(store).search(h.id, 'giám định', limit=3)] == [9, 1, 2]


def test_a_snippet_brackets_only_what_matched(case: tuple[Search, int]) -> None:
    search, hearing_id = case
    hits = {h.bl: h.snippet for h in search.search(hearing_id, 'giám định')}
    assert hits[3] == 'Trưng cầu [giám] [định] pháp y'
    assert hits[5] == 'KẾT LUẬN [GIÁM] [ĐỊNH] số 7'
    assert hits[4] == '[Giám] sát viên đã xác [định] lại'
    assert hits[2] == 'Cơ quan điều tra xác [định] thời gian'
    folded = {h.bl: h.snippet for h in search.search(hearing_id, 'dinh')}
    assert folded[1] == 'Tòa án nhân dân quận Ba [Đình]'


def test_on_a_phrase_hit_only_the_phrase_is_bracketed() -> None:
    text = 'Định giá tài sản; sau đó giám định lại và giám sát'
    assert snippet(text, highlight_pattern(Terms.parse('giám định'), Tier.PHRASE)) == \
        'Định giá tài sản; sau đó [giám] [định] lại và giám sát'
    assert snippet(text, highlight_pattern(Terms.parse('giám định'), Tier.ALL_WORDS)) == \
        '[Định] giá tài sản; sau đó [giám] [định] lại và [giám] sát'


def test_bl_comes_first(case: tuple[Search, int]) -> None:
    search, hearing_id = case
    assert [h.bl for h in search.search(hearing_id, 'BL 4')] == [4]
    assert [h.bl for h in search.search(hearing_id, 'bút lục 6')] == [6]
    assert search.search(hearing_id, 'BL 99') == []


@pytest.mark.parametrize('query', ['', '   ', '?!…', '" * ( )', 'x' * 501])
def test_bad_queries_are_refused_clearly(case: tuple[Search, int], query: str) -> None:
    search, hearing_id = case
    with pytest.raises(InvalidInput) as error:
        search.search(hearing_id, query)
    assert error.value.code == ('query_too_long' if len(query) > 500 else 'bad_query')


@pytest.mark.parametrize('query', ['"giám định', 'giám* định', 'NEAR(giám định)', 'giám AND OR NOT định', '^định',
                                   'giám:định', "giám' định", 'col:"x"'])
def test_fts_syntax_is_searched_as_words(case: tuple[Search, int], query: str) -> None:
    search, hearing_id = case
    search.search(hearing_id, query)  # no error: the words only reach FTS5, quoted


def test_search_takes_no_lock_and_a_held_search_read_does_not_block_a_write(case: tuple[Search, int], store,
                                                                              monkeypatch) -> None:
    search, hearing_id = case

    def no_shared_connection() -> None:
        raise AssertionError('search used the shared connection')

    monkeypatch.setattr(store, 'read', no_shared_connection)
    assert search.search(hearing_id, 'giám định')

    reading, written, errors = threading.Event(), threading.Event(), []

    def hold_a_read() -> None:
        try:
            with store.snapshot() as db:
                before = db.execute('SELECT COUNT(*) FROM hearings').fetchone()[0]
                reading.set()
                # a timeout only so that a regression fails instead of hanging: the write waits for this read
                assert written.wait(timeout=60), 'the write waited for the read to end'
                # the read goes on in its own snapshot while the write has committed
                assert db.execute('SELECT COUNT(*) FROM hearings').fetchone()[0] == before
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    reader = threading.Thread(target=hold_a_read)
    reader.start()
    reading.wait()
    with store.transaction() as db:  # would wait for the reader if reads held the shared lock
        db.execute("INSERT INTO hearings (case_number, title, created_at) VALUES ('2', 'x', 'now')")
    written.set()
    reader.join()
    assert not errors
    with store.snapshot() as db:
        assert db.execute('SELECT COUNT(*) FROM hearings').fetchone()[0] == 2


def test_a_bl_query_brings_the_page_then_pages_that_cite_it(hearings: Hearings, exhibits: Exhibits, store) -> None:
    h = hearings.create(case_number='1', title='t', actor='t')
    exhibits.add_bundle(h.id, [draft(['BL 1 bìa', 'BL 2 như lời khai tại BL 1', 'BL 3 trang khác'])], actor='t')
    hits = Search(store).search(h.id, 'BL 1')
    assert [hit.bl for hit in hits] == [1, 2]  # not every page stamped "BL": one word of a BL query is no match
    assert hits[1].snippet == 'BL 2 như lời khai tại [BL] [1]'


def test_searches_in_many_threads_at_once_each_get_their_own_connection(case: tuple[Search, int]) -> None:
    search, hearing_id = case
    expected = [h.bl for h in search.search(hearing_id, 'giám định')]
    start, results = threading.Barrier(6), []

    def one() -> None:
        start.wait()
        results.append([h.bl for h in search.search(hearing_id, 'giám định')])

    threads = [threading.Thread(target=one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 6


def test_the_texts_own_brackets_are_not_taken_for_matches() -> None:
    text = 'Xem [1] tại kết luận giám định [BL 5]'
    assert snippet(text, highlight_pattern(Terms.parse('giám định'), Tier.PHRASE)) == \
        'Xem ［1］ tại kết luận [giám] [định] ［BL 5］'
