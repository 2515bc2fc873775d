"""The web page and offline API docs, served by the app itself (no CDN, no request to any other host).

The page is plain HTML, CSS and JavaScript modules in ``static/``; Swagger UI and ReDoc come from the
``fastapi-offline`` package, which vendors their assets.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"
DOCS_ASSETS = Path(str(files("fastapi_offline") / "static"))
# Browsers refuse any request to another host: the page needs nothing inline; Swagger UI and ReDoc start from
# inline scripts and styles, and ReDoc's footer would fetch its logo from a CDN.
PAGE_CSP = "default-src 'self'"
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; worker-src 'self' blob:")


def mount_web(app: FastAPI) -> None:
    """Serve the page at ``/`` (assets under ``/static/``) and Swagger UI at ``/docs``, ReDoc at ``/redoc``.

    The app must be created with ``docs_url=None, redoc_url=None`` so that FastAPI's CDN pages are off.
    """
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount("/docs-assets", StaticFiles(directory=DOCS_ASSETS), name="docs-assets")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Content-Security-Policy": PAGE_CSP})

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        response = get_swagger_ui_html(openapi_url=f"{root}{app.openapi_url}", title=f"{app.title} · Swagger UI",
                                       swagger_js_url=f"{root}/docs-assets/swagger-ui-bundle.js",
                                       swagger_css_url=f"{root}/docs-assets/swagger-ui.css",
                                       swagger_favicon_url=f"{root}/static/favicon.svg")
        response.headers["Content-Security-Policy"] = DOCS_CSP
        return response

    @app.get("/redoc", include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        response = get_redoc_html(openapi_url=f"{root}{app.openapi_url}", title=f"{app.title} · ReDoc",
                                  redoc_js_url=f"{root}/docs-assets/redoc.standalone.js",
                                  redoc_favicon_url=f"{root}/static/favicon.svg", with_google_fonts=False)
        response.headers["Content-Security-Policy"] = DOCS_CSP
        return response
