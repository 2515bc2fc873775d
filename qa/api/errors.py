"""Errors to HTTP: the one place where domain errors get their status codes, and every error its JSON body."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from qa.api.schemas import ErrorBody
from qa.errors import (DocumentNotFound, IndexStoreError, IngestError, InvalidInput, InvalidRequest, JobNotFound,
                       ModelError, QAError, ReadOnlyReplica, TooLarge, Unauthorized, UnsupportedType, WritesDisabled)
from qa.folders import FolderBusy

log = logging.getLogger(__name__)

# Most specific first: the first class an error is an instance of decides.
STATUS: list[tuple[type[QAError], int, str]] = [
    (InvalidInput, 400, "invalid input"),
    (InvalidRequest, 422, "invalid input"),
    (TooLarge, 413, "invalid input"),
    (DocumentNotFound, 404, "document not found"),
    (JobNotFound, 404, "job not found"),
    (UnsupportedType, 415, "unsupported file type"),
    (IngestError, 400, "invalid input"),
    (Unauthorized, 401, "unauthorized"),
    (WritesDisabled, 403, "writes disabled"),
    (ReadOnlyReplica, 409, "read-only replica"),
    (FolderBusy, 503, "index busy"),
    (IndexStoreError, 503, "service unavailable"),
    (ModelError, 503, "service unavailable"),
]
"""Domain error class, HTTP status, and the ``error`` field of the body."""

BUSY_HEADERS = {"Retry-After": {"description": "Seconds to wait, when the server is busy.",
                                "schema": {"type": "integer"}}}

ERROR_RESPONSES: dict[int | str, dict] = {
    status: {"model": ErrorBody, "description": description, **extra} for status, description, extra in (
        (400, "Empty input, invalid Unicode, or a Host header outside QA_ALLOWED_HOSTS.", {}),
        (404, "Unknown document or job.", {}),
        (408, "The request body did not arrive within QA_BODY_TIMEOUT seconds.", {}),
        (413, "A question, text or request body over its size limit (the detail names the limit).", {}),
        (422, "Malformed body, wrong types, or options out of range.", {}),
        (500, "An unexpected failure; the detail gives the error id that the server's log line carries.", {}),
        (503, "No usable index or model (the detail says how to build or fetch one), or QA_MAX_HEAVY_REQUESTS "
              "requests in progress (then with Retry-After).", {"headers": BUSY_HEADERS}),
    )
}
"""The error statuses every route documents, each with the common body."""


class ServiceUnavailable(QAError):
    """The index or model could not be loaded at start-up."""


def status_of(error: QAError) -> tuple[int, str]:
    """HTTP status and error kind of a domain error (500 for one this table does not know)."""
    if isinstance(error, ServiceUnavailable):
        return 503, "service unavailable"
    for kind, status, name in STATUS:
        if isinstance(error, kind):
            return status, name
    return 500, "internal error"


def without_paths(message: str, folders: list[Path]) -> str:
    """``message`` with each folder's absolute path replaced by the folder's name, so that no response shows where
    the machine keeps its files."""
    names = {str(form): folder.name for folder in folders for form in (folder.absolute(), folder.resolve())}
    for form in sorted(names, key=len, reverse=True):
        message = message.replace(form, names[form])
    return message


def error_response(status: int, error: str, detail: object, headers: dict[str, str] | None = None) -> JSONResponse:
    """The JSON response of every error."""
    return JSONResponse({"error": error, "detail": detail}, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Map domain errors, validation errors and HTTP errors to ``{"error", "detail"}`` bodies."""

    @app.exception_handler(QAError)
    async def domain_error(request: Request, error: QAError) -> JSONResponse:
        status, name = status_of(error)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return error_response(status, name, without_paths(str(error), request.app.state.private_folders), headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, error: RequestValidationError) -> JSONResponse:
        detail = [{"field": ".".join(str(part) for part in e["loc"] if part != "body"), "message": e["msg"]}
                  for e in error.errors()]
        return error_response(422, "invalid request", detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, error: StarletteHTTPException) -> JSONResponse:
        return error_response(error.status_code, "http error", error.detail, getattr(error, "headers", None))


WRITE_RESPONSES: dict[int | str, dict] = {
    status: {"model": ErrorBody, "description": description} for status, description in (
        (401, "Missing or wrong bearer token."),
        (403, "Writes are disabled: the server has no QA_API_TOKEN."),
        (409, "The server is a replica reading its index from Milvus: write through the one that holds the index."),
        (415, "A file of an unsupported type."),
    )
}
"""The further error statuses of the write routes."""
