"""How long the server's event loop is held: every 100 ms a task asks to wake and notes how late it woke. Nothing
slow may run on the loop (NiceGUI's pages, the API's async routes and the conference all share it); this shows
whether something does. ``GET /api/health`` reports the last 10 s (median, 99th percentile, worst), for a
monitoring system and for the soak benchmark; a wake-up later than a quarter of a second is logged, as it
happens."""

from __future__ import annotations

import asyncio
import logging
import statistics
from collections import deque
from typing import Any

logger = logging.getLogger(__name__)

EVERY_S = 0.1
WINDOW_S = 10.0
WARN_S = 0.25


class LoopWatch:
    def __init__(self) -> None:
        self._lags: deque[float] = deque(maxlen=round(WINDOW_S / EVERY_S))
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """On the server's loop (NiceGUI's startup)."""
        self._task = asyncio.get_running_loop().create_task(self._watch(), name='loop watch')

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _watch(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            asked = loop.time()
            await asyncio.sleep(EVERY_S)
            lag = max(0.0, loop.time() - asked - EVERY_S)
            self._lags.append(lag)
            if lag > WARN_S:
                logger.warning('the event loop was held for %.0f ms', lag * 1000)

    def figures(self) -> dict[str, Any]:
        """The last WINDOW_S seconds' lags in ms: median, 99th percentile, worst, and how many were taken."""
        lags = sorted(self._lags)
        if not lags:
            return {'p50_ms': None, 'p99_ms': None, 'max_ms': None, 'samples': 0, 'window_s': WINDOW_S}
        p99 = statistics.quantiles(lags, n=100, method='inclusive')[98] if len(lags) > 1 else lags[0]
        return {'p50_ms': round(statistics.median(lags) * 1000, 2), 'p99_ms': round(p99 * 1000, 2),
                'max_ms': round(lags[-1] * 1000, 2), 'samples': len(lags), 'window_s': WINDOW_S}
