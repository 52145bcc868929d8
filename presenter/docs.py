"""OpenAPI at /openapi.json and Swagger UI at /docs, served with the app's own copy of Swagger UI's files
(the swagger-ui-bundle package): FastAPI's default pulls them from a CDN, which a courtroom network may not reach."""

from __future__ import annotations

import swagger_ui_bundle
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

ASSETS = '/docs-assets'


def mount_docs(app: FastAPI, *, title: str, version: str) -> None:
    app.title, app.version = title, version
    app.openapi_url = '/openapi.json'
    app.mount(ASSETS, StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name='docs-assets')

    @app.get('/openapi.json', include_in_schema=False)
    def openapi() -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get('/docs', include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return get_swagger_ui_html(openapi_url='/openapi.json', title=f'{title} — API',
                                   swagger_js_url=f'{ASSETS}/swagger-ui-bundle.js',
                                   swagger_css_url=f'{ASSETS}/swagger-ui.css',
                                   swagger_favicon_url=f'{ASSETS}/favicon-32x32.png',
                                   oauth2_redirect_url='/docs/oauth2-redirect')

    @app.get('/docs/oauth2-redirect', include_in_schema=False)
    def redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()
