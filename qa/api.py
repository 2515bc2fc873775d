"""HTTP API (FastAPI): thin routes over :class:`qa.service.QAService`."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from qa.config import Settings, get_settings
from qa.model_store import ModelError
from qa.service import DocumentNotFound, QAService, QuestionError
from qa.store import IndexStoreError
from qa.web import mount_web

log = logging.getLogger(__name__)


class AskRequest(BaseModel):
    """Body of ``POST /ask``."""

    question: str = Field(..., description="The question, Chinese or English.")
    top_k: int = Field(5, ge=1, le=50, description="How many passages to return.")
    mode: Literal["hybrid", "dense", "lexical"] = Field("hybrid", description="Retrieval mode.")


class SummarizeRequest(BaseModel):
    """Body of ``POST /summarize``: exactly one of ``doc_id``, ``text``, ``question``."""

    doc_id: str | None = Field(None, description="An indexed document.")
    text: str | None = Field(None, description="Any Chinese or English text (up to 50,000 characters).")
    question: str | None = Field(None, description="Summarise what the corpus says about this question.")
    max_sentences: int = Field(3, ge=1, le=20, description="At most this many sentences.")
    max_chars: int | None = Field(None, ge=1, description="At most this many characters.")


class ServiceUnavailable(Exception):
    """The index or model could not be loaded at start-up."""


def error_body(error: str, detail: object) -> dict:
    """The JSON body of every error response."""
    return {"error": error, "detail": detail}


def create_app(settings: Settings | None = None, index_dir: Path | None = None,
               service: QAService | None = None) -> FastAPI:
    """Build the application; the index and model load once, at start-up.

    Args:
        settings: configuration (default: from the environment).
        index_dir: index folder (default: ``settings.index_dir``).
        service: an already loaded service (tests share one).
    """
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.service = service
        app.state.unavailable = None
        if service is None:
            try:
                app.state.service = QAService(settings, index_dir)
            except (IndexStoreError, ModelError) as error:
                log.error("service unavailable: %s", error)
                app.state.unavailable = str(error)
        yield

    app = FastAPI(title="qa", summary="Question answering and summarisation over Chinese news", lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    mount_web(app)

    def get_service(request: Request) -> QAService:
        if request.app.state.service is None:
            raise ServiceUnavailable(request.app.state.unavailable or "the service is not ready")
        return request.app.state.service

    @app.exception_handler(ServiceUnavailable)
    async def unavailable(_: Request, error: ServiceUnavailable) -> JSONResponse:
        return JSONResponse(error_body("service unavailable", str(error)), status_code=503)

    @app.exception_handler(QuestionError)
    async def bad_question(_: Request, error: QuestionError) -> JSONResponse:
        return JSONResponse(error_body("invalid input", str(error)), status_code=error.status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, error: RequestValidationError) -> JSONResponse:
        detail = [{"field": ".".join(str(part) for part in e["loc"] if part != "body"), "message": e["msg"]}
                  for e in error.errors()]
        return JSONResponse(error_body("invalid request", detail), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, error: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(error_body("http error", error.detail), status_code=error.status_code)

    @app.post("/ask", summary="Answer a question with passages and their sources")
    def ask(body: AskRequest, request: Request) -> dict:
        return get_service(request).ask(body.question, body.top_k, body.mode)

    @app.post("/summarize", summary="Extractive summary of a document, a text, or the corpus on a question")
    def summarize(body: SummarizeRequest, request: Request):
        try:
            return get_service(request).summarize(body.doc_id, body.text, body.question, body.max_sentences,
                                                  body.max_chars)
        except DocumentNotFound:
            return JSONResponse(error_body("document not found", f"no document with id {body.doc_id!r}"),
                                status_code=404)

    @app.get("/documents", summary="List the indexed documents")
    def documents(request: Request) -> dict:
        return {"documents": get_service(request).documents()}

    @app.get("/documents/{doc_id}", summary="One document with the full text that offsets refer to")
    def document(doc_id: str, request: Request):
        try:
            return get_service(request).document(doc_id)
        except DocumentNotFound:
            return JSONResponse(error_body("document not found", f"no document with id {doc_id!r}"), status_code=404)

    @app.get("/health", summary="Model, index manifest and counts")
    def health(request: Request) -> dict:
        return get_service(request).health()

    return app
