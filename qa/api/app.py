"""The FastAPI application: loads the service once at start-up and mounts the routes and error handlers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from qa.api.errors import install_error_handlers, without_paths
from qa.api.guards import install_guards
from qa.api.routes import router
from qa.config import Settings, configure_runtime
from qa.errors import IndexStoreError, ModelError
from qa.service import QAService
from qa.web import mount_web

log = logging.getLogger(__name__)


def create_app(settings: Settings, index_dir: Path | None = None, service: QAService | None = None) -> FastAPI:
    """Build the application; the index and model load once, at start-up, and are warmed up.

    Args:
        settings: configuration.
        index_dir: index folder (default: ``settings.index_dir``).
        service: an already loaded service (tests share one).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_runtime()
        app.state.service = service
        app.state.unavailable = None
        if service is None:
            try:
                app.state.service = QAService(settings, index_dir)
                app.state.service.warm_up()
            except (IndexStoreError, ModelError) as error:
                log.error("service unavailable: %s", error)
                app.state.unavailable = without_paths(str(error), app.state.private_folders)
        if app.state.service is not None:
            app.state.service.watch()
        yield
        if app.state.service is not None:
            app.state.service.stop_watching()

    app = FastAPI(title="qa", summary="Question answering and summarisation over Chinese news", lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.private_folders = [Path(index_dir or settings.index_dir), Path(settings.model_dir),
                                 *([service.index.folder] if service else [])]
    mount_web(app)
    install_error_handlers(app)
    install_guards(app, settings)
    app.include_router(router)
    return app
