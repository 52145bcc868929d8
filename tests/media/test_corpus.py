"""Every PDF of the shared sample corpus imports, or is refused with a clear code; only the password-protected
sample (005-*) may be refused."""

from pathlib import Path

import pytest

from courtroom.errors import CourtroomError
from tests.conftest import corpus_pdfs

from .conftest import Env


@pytest.mark.parametrize('sample', corpus_pdfs(), ids=lambda p: f'{p.parent.name}/{p.name}')
def test_corpus_pdf(env: Env, corpus: Path, sample: Path) -> None:
    if sample.parent.name.startswith('005-'):
        with pytest.raises(CourtroomError) as e:
            env.run([sample])
        assert e.value.code == 'pdf_encrypted'
        env.assert_nothing_written()
        return
    stored = env.run([sample])
    assert stored and all(e.page_count >= 1 for e in stored)
    assert sum(e.page_count for e in stored) == len({(e.sha256, p) for e in stored
                                                     for p in range(e.first_source_page,
                                                                    e.first_source_page + e.page_count)})
    assert all(env.evidence.verify(e.sha256) for e in stored)
    assert list(env.tmp_dir.iterdir()) == []
