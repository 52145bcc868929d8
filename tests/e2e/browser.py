"""Launching Debian's Chromium through Playwright, with the flags this offline machine needs. Shared by the
browser tests, the screenshot script and the benchmarks."""

from __future__ import annotations

from typing import Any

CHROMIUM = '/usr/bin/chromium'
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                 '--disable-sync', '--no-first-run']
MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']


def launch_chromium(playwright: Any, *, media: bool = False, camera: str | None = None) -> Any:
    """From a Playwright (or its ``chromium`` browser type). ``camera``: a .y4m file the fake camera plays (looped)
    instead of its green test pattern."""
    fake = [f'--use-file-for-fake-video-capture={camera}'] if camera else []
    browser_type = getattr(playwright, 'chromium', playwright)
    return browser_type.launch(executable_path=CHROMIUM,
                               args=CHROMIUM_ARGS + (MEDIA_ARGS + fake if media or camera else []))
