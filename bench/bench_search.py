"""Search at the size of a large case file: generated Vietnamese pages, the project's own ``Store``, ``Exhibits``
and ``Search``, at 1,000 / 10,000 / 100,000 pages (and 1,000,000 when asked). Goal: median < 50 ms for a two-word
query at 1,000,000 pages. Baseline in the same run: one page read by its BL (an indexed SELECT). Then a publish
while searches run beside it: publish latency with no search, with searches on their own connections (today's
design) and with searches holding the shared connection's lock (the design before).

    .venv/bin/python bench/bench_search.py [PAGES ...]        # default: 1000 10000 100000

Generated databases are cached under /tmp/courtroom-bench-search/ (about 2.3 KB a page on disk: 1,000,000 pages
take ~2.3 GB and ~15 minutes to generate); delete the folder to generate them again.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from courtroom.exhibits import ExhibitDraft, ExhibitKind, Exhibits
from courtroom.hearings import Hearings
from courtroom.presentation import Presentation
from courtroom.roles import Role
from courtroom.search import Search
from courtroom.store import Store
from courtroom.users import Users

FOLDER = Path(tempfile.gettempdir()) / 'courtroom-bench-search'
VERSION = 1  # bump when the generated pages or the schema change
WORDS_PER_PAGE = 200
BUNDLE_PAGES = 1000
PHRASE_EVERY = 300  # one page in 300 says "kết luận giám định"

# syllables of Vietnamese legal prose, most frequent first; the near-misses ("đình", "định", "giam", "dinh") are
# there on purpose, so a query that ignored tone marks would match much more than it should
VOCABULARY = (
    'của và là có được trong không người các cho với đã theo này việc tại về những một khi để bị ra hành vi '
    'điều tra biên bản lời khai làm chứng cơ quan vụ án hình sự bị can bị cáo tòa nhân dân viện kiểm sát '
    'quận huyện tỉnh thành phố số ngày tháng năm giờ phút xác định quy định giám sát giám định đình chỉ '
    'Ba Đình Hoàn Kiếm Đống Đa phố đường nhà ông bà anh chị tiền tài sản vật chứng thu giữ tạm giam dinh '
    'thự kết luận trưng cầu pháp y thương tích tỷ lệ phần trăm hội đồng xét xử thẩm phán thư ký luật sư '
    'bào chữa quyền nghĩa vụ khởi tố truy tố xử phạt tù giam giữ cam đoan trình bày như sau đến từ lúc '
    'Nguyễn Trần Lê Phạm Hoàng Văn Thị Minh Hùng Lan Bình xe máy điện thoại camera ghi hình dấu vân tay'
).split()
WEIGHTS = [1 / (rank + 10) for rank in range(len(VOCABULARY))]  # Zipf-like, flattened at the top
QUERIES = {
    'giám định': 'two words with marks; the phrase on 1 page in 300',
    'giam dinh': 'the same folded (also matches "giam", "dinh thự"...)',
    'Ba Đình': 'two words, phrase only where chance puts them together',
    'định giám': 'two common words, phrase rare: the most work per hit',
    'xyzzy quux': 'words on no page',
    'tay vân camera': 'worst case: three rare words, the phrase on almost no page, so FTS5 checks every page that '
                      'has all three',
}
WORST = 'tay vân camera'


def page_text(rng: random.Random, n: int) -> str:
    words = rng.choices(VOCABULARY, WEIGHTS, k=WORDS_PER_PAGE)
    if n % PHRASE_EVERY == 7:
        at = rng.randrange(WORDS_PER_PAGE - 3)
        words[at:at + 4] = ['Kết', 'luận', 'giám', 'định']
    return f'Bút lục {n}. ' + ' '.join(words) + '.'


def generated(pages: int) -> Path:
    """A data folder's database with one hearing of ``pages`` generated pages, cached between runs."""
    path = FOLDER / f'pages-{pages}-v{VERSION}.sqlite3'
    if path.exists():
        return path
    FOLDER.mkdir(exist_ok=True)
    part = path.with_suffix('.part')
    for leftover in FOLDER.glob(part.name + '*'):
        leftover.unlink()
    store = Store(part)
    hearing = Hearings(store).create(case_number='1/2026/HSST', title='Vụ án lớn', actor='bench')
    exhibits = Exhibits(store)
    rng = random.Random(pages)
    start = time.perf_counter()
    for first in range(1, pages + 1, BUNDLE_PAGES):
        texts = [page_text(rng, n) for n in range(first, min(pages + 1, first + BUNDLE_PAGES))]
        draft = ExhibitDraft(title=f'Tập {first // BUNDLE_PAGES + 1}', kind=ExhibitKind.DOCUMENT,
                             sha256=f'{first:064x}', source_name=f'tap-{first}.pdf', page_texts=texts)
        exhibits.add_bundle(hearing.id, [draft], actor='bench')
        if first // BUNDLE_PAGES % 50 == 49:
            print(f'  generated {first + len(texts) - 1:,} pages in {time.perf_counter() - start:.0f} s', flush=True)
    store.close()
    part.rename(path)
    print(f'  generated {pages:,} pages in {time.perf_counter() - start:.0f} s, {path.stat().st_size / 1e6:.0f} MB',
          flush=True)
    return path


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def summary(times: list[float]) -> str:
    return f'median {statistics.median(times):7.2f} ms  p95 {p95(times):7.2f} ms'


def measure_search(pages: int, repeat: int) -> dict[str, float]:
    store = Store(generated(pages))
    search = Search(store)
    hearing_id = 1
    rng = random.Random(1)

    def by_bl() -> None:
        with store.snapshot() as db:
            db.execute('SELECT text FROM pages WHERE hearing_id = ? AND bl = ?',
                       (hearing_id, rng.randint(1, pages))).fetchone()

    for query in QUERIES:
        search.search(hearing_id, query)  # warm the page cache
    baseline = timed(by_bl, repeat)
    print(f'{pages:>9,} pages  read one page by BL (baseline)   {summary(baseline)}')
    result = {}
    for query, what in QUERIES.items():
        hits = search.search(hearing_id, query)
        times = timed(lambda q=query: search.search(hearing_id, q), repeat)
        result[query] = statistics.median(times)
        print(f'{pages:>9,} pages  {query!r:<18} {len(hits):>2} hits  {summary(times)}  '
              f'{statistics.median(times) / statistics.median(baseline):6.1f}× baseline  ({what})')
    store.close()
    return result


def measure_publish(pages: int, repeat: int) -> None:
    """Publish latency alone, then while another thread searches without pause: on its own connection, and holding
    the shared connection's lock as every search did before."""
    path = generated(pages)
    work = FOLDER / 'publish.sqlite3'
    for old in FOLDER.glob('publish.sqlite3*'):
        old.unlink()
    shutil.copyfile(path, work)  # publishing writes: keep the cached database as generated
    store = Store(work)
    hearings, exhibits = Hearings(store), Exhibits(store)
    presentation, search = Presentation(store, hearings, exhibits), Search(store)
    users = Users(store)
    user = users.add(f'vks{time.time_ns()}', role=Role.PROCURATOR, password='bench-password-1')
    exhibit = exhibits.of_hearing(1)[0]
    turn = iter(range(10**9))

    def publish() -> None:
        presentation.publish(1, user, exhibit.id, next(turn) % exhibit.page_count + 1)

    def searching(stop: threading.Event, under_lock: bool) -> None:
        while not stop.is_set():  # the slowest query, so that a search is running most of the time
            if under_lock:
                with store.read():
                    search.search(1, WORST)
            else:
                search.search(1, WORST)

    timed(publish, 20)
    rows = {'no search': timed(publish, repeat)}
    for name, under_lock in (('searches on their own connections', False),
                             ('searches holding the shared lock (before)', True)):
        stop = threading.Event()
        thread = threading.Thread(target=searching, args=(stop, under_lock))
        thread.start()
        rows[name] = timed(publish, repeat)
        stop.set()
        thread.join()
    alone = statistics.median(rows['no search'])
    for name, times in rows.items():
        print(f'{pages:>9,} pages  publish, {name:<42} {summary(times)}  '
              f'{statistics.median(times) / alone:5.2f}× alone')
    store.close()
    for old in FOLDER.glob('publish.sqlite3*'):
        old.unlink()


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10_000, 100_000]
    print(f'pages of {WORDS_PER_PAGE} words; cache {FOLDER}')
    for pages in sizes:
        generated(pages)
    medians = {pages: measure_search(pages, repeat=200) for pages in sizes}
    smallest, largest = min(sizes), max(sizes)
    for query in QUERIES:
        print(f'{query!r:<18} median at {largest:,} pages / at {smallest:,} pages: '
              f'{medians[largest][query] / medians[smallest][query]:.2f}')
    measure_publish(largest, repeat=300)


if __name__ == '__main__':
    main()
