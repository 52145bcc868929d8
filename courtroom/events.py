"""Typed events from long-lived models to short-lived pages. The domain emits from whichever thread changed the
state; subscribers that live on an event loop hop to it themselves (presenter.live does)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar('T')


class Event(Generic[T]):
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[Callable[[T], None]] = []

    def subscribe(self, callback: Callable[[T], None]) -> Callable[[], None]:
        """Call ``callback`` on every emit until the returned function is called."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def emit(self, value: T) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(value)
            except Exception:
                logger.exception('event subscriber failed')

    @property
    def subscriber_count(self) -> int:
        with self._lock:
            return len(self._subscribers)
