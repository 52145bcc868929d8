"""The C allocator's settings for a server that runs for hours (glibc only; elsewhere nothing is changed).

Pages are drawn by PyMuPDF and Pillow in worker threads, each drawing a pixmap of several megabytes (a 1920 px A4
page is ~15 MB). glibc lets every thread open a heap (an arena) of its own, up to eight per core, and a heap's freed
middle is not given back to the system: the web process's memory rose in steps as threads drew pages in turn (the
soak benchmark: jumps of 10 to 40 MB). Two arenas bound that.

Measured (BENCHMARKS.md note 13): over the soak benchmark's twenty minutes the web process grew 6 to 12 % as
glibc sets it and 1.6 % with two arenas; drawing 240 pages at three widths in the server's two thread pools
(bench/bench_allocator.py) takes 0.88x the memory at the same speed. Fixing the ``mmap`` threshold at 1 MB as well
(each pixmap its own mapping) held less still but drew ~20 % slower, from the page faults of every new mapping: not
taken, a page drawn on demand is on the path of a publish.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

logger = logging.getLogger(__name__)

M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)
ARENAS = 2


def tune() -> bool:
    """Set the allocator for a long-running server before its threads start; False where it is not glibc's."""
    name = ctypes.util.find_library('c')
    if name is None:
        return False
    try:
        mallopt = ctypes.CDLL(name).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    if mallopt(M_ARENA_MAX, ARENAS) != 1:
        logger.warning('the C allocator did not take its settings: memory may grow in steps under load')
        return False
    return True
