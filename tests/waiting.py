"""Waiting on a condition instead of on the clock, for every test package: poll until what the test expects holds,
or fail naming what never happened. The timeouts are generous, for a fresh, loaded 2-core machine; they bound a
hang, they do not measure speed (that is bench/'s job), so no test asserts how long anything took."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar('T')

TIMEOUT = 60.0  # seconds: far above what a loaded machine needs, only there so that a hang fails


def wait_until(condition: Callable[[], T], what: str, *, timeout: float = TIMEOUT, step: float = 0.1) -> T:
    """Call ``condition`` until it returns something true, and return that; fail after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f'not so after {timeout:g} s: {what}')
        time.sleep(step)
    return result


async def eventually(condition: Callable[[], T | Awaitable[T]], what: str = 'the condition', *,
                     timeout: float = TIMEOUT, step: float = 0.05) -> T:
    """``wait_until`` for async tests: the event loop runs on while we wait; ``condition`` may be a coroutine."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return result  # type: ignore[return-value]
        if time.monotonic() > deadline:
            raise AssertionError(f'not so after {timeout:g} s: {what}')
        await asyncio.sleep(step)
