"""presenter.allocator: the web process's C allocator, bounded to two arenas (glibc)."""

from __future__ import annotations

from presenter import allocator


def test_the_settings_are_taken_on_glibc_and_may_be_set_again() -> None:
    assert allocator.tune() is True  # this machine's C library is glibc
    assert allocator.tune() is True

