"""A fictional Vietnamese criminal case file (hồ sơ vụ án hình sự) for demos and tests.

``write_demo_case_file(out_dir)`` writes several PDFs, a 30 s camera recording and a ``manifest.csv``. Every page
carries its bút lục (BL) stamp in the top-right corner, numbered continuously across the bundle in manifest order;
text is drawn with an embedded Noto Sans so Vietnamese diacritics survive text extraction. Scanned-looking pages are
images only (their BL stamp is part of the picture, as on paper). Output is byte-for-byte deterministic.

Run ``python -m demo OUT_DIR`` to write the files.

Everything in here (people, numbers, plates, events) is invented.
"""

from .bundle import MANIFEST_COLUMNS, write_demo_case_file
from .case import DEMO_CASE
from .case_map import write_demo_case_map

__all__ = ['DEMO_CASE', 'MANIFEST_COLUMNS', 'write_demo_case_file', 'write_demo_case_map']
