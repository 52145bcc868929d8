"""Write the demo case file: ``python -m demo OUT_DIR``; its case map (XMind) goes beside it, as
``OUT_DIR-so-do-tu-duy.xmind`` (a bundle folder holds only what its manifest lists)."""

from __future__ import annotations

import sys
from pathlib import Path

import pymupdf

from .bundle import write_demo_case_file
from .case_map import map_path, write_demo_case_map


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print('usage: python -m demo OUT_DIR', file=sys.stderr)
        return 2
    paths = write_demo_case_file(Path(args[0]))
    total = 0
    for p in paths:
        if p.suffix == '.pdf':
            with pymupdf.open(p) as doc:
                total += doc.page_count
                print(f'{p.name}: {doc.page_count} trang')
        else:
            print(p.name)
    print(f'{total} trang PDF')
    print(write_demo_case_map(map_path(Path(args[0]))))
    return 0


if __name__ == '__main__':
    sys.exit(main())
