"""The addresses the server hands out: where participants reach it (the public base) and their join links."""

from __future__ import annotations

from fastapi import Request

from .services import Services


def public_base(services: Services, request: Request) -> str:
    """Where participants reach the server: the configured public URL, else the address this request came to."""
    return (services.settings.public_url or str(request.base_url)).rstrip('/')


def join_url(services: Services, request: Request, token: str) -> str:
    """A participant's personal join link."""
    return f'{public_base(services, request)}/join/{token}'
