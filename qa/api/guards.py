"""ASGI middleware in front of the routes, each with one job: answer unexpected errors in JSON, refuse foreign
``Host`` headers, bound and time the request body before a route reads it, cap heavy requests in progress, and
answer ``HEAD`` wherever ``GET`` is answered."""

from __future__ import annotations

import logging
import uuid

import anyio
from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from qa.api.errors import error_response
from qa.config import Settings

log = logging.getLogger(__name__)

HEAVY_ROUTES = {("POST", "/ask"), ("POST", "/summarize")}
"""Requests that run the encoder, retrieval and scoring; at most ``max_heavy_requests`` at once."""

UPLOAD_METHODS = {"POST", "PUT"}
UPLOAD_PREFIX = "/documents"
"""Writes under this path may carry ``max_upload_bytes``; every other body ``max_body_bytes``."""

CLOSE = {"Connection": "close"}
"""Headers of an answer given before the body was read: the connection cannot carry another request."""


class InternalErrors:
    """Any exception a route did not turn into a response becomes a JSON 500 whose error id the log line carries."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as error:
            error_id = uuid.uuid4().hex[:12]
            log.error("internal error, error id %s, on %s %s", error_id, scope["method"], scope["path"],
                      exc_info=error)
            if started:
                raise
            await error_response(500, "internal error", f"the server failed; see its log, error id {error_id}")(
                scope, receive, send)


def host_name(header: str) -> str:
    """The host of a ``Host`` header, without port or trailing dot, lower case (``[::1]:8000`` -> ``[::1]``)."""
    host = header.strip().lower()
    if host.startswith("["):
        host = host[:host.find("]") + 1]
    elif ":" in host:
        host = host.rsplit(":", 1)[0]
    return host.rstrip(".")


class AllowedHosts:
    """Answer only requests whose ``Host`` is allowed, so a page of another site cannot reach the API through a
    browser by rebinding its DNS name to this machine.

    Args:
        app: the application.
        hosts: allowed host names (``*`` allows any).
    """

    def __init__(self, app: ASGIApp, hosts: list[str]) -> None:
        self.app = app
        self.hosts = {host_name(host) for host in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "*" not in self.hosts:
            header = Headers(scope=scope).get("host", "")
            if host_name(header) not in self.hosts:
                await error_response(400, "invalid host", f"this server does not answer for host {header!r}; "
                                     "allowed hosts are set by QA_ALLOWED_HOSTS")(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """Read the whole request body before any route does: refuse it (413) once it passes its limit, by its
    ``Content-Length`` before reading anything, and refuse a client too slow to send it (408).

    Args:
        app: the application.
        settings: ``max_body_bytes``, ``max_upload_bytes`` and ``body_timeout``.
    """

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    def limit(self, scope: Scope) -> int:
        """The body limit of a request."""
        if scope["method"] in UPLOAD_METHODS and (scope["path"] == UPLOAD_PREFIX
                                                  or scope["path"].startswith(UPLOAD_PREFIX + "/")):
            return self.settings.max_upload_bytes
        return self.settings.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit(scope)
        try:
            body = await self.read(scope, receive, limit)
        except BodyTooLarge:
            await error_response(413, "request too large", f"the request body is over {limit} bytes, the limit of "
                                 f"{scope['method']} {scope['path']}", CLOSE)(scope, receive, send)
            return
        except TimeoutError:
            await error_response(408, "request timeout", "the request body did not arrive within "
                                 f"{self.settings.body_timeout:g} s", CLOSE)(scope, receive, send)
            return
        if body is not None:
            await self.app(scope, replay(body, receive), send)

    async def read(self, scope: Scope, receive: Receive, limit: int) -> bytes | None:
        """The whole body (``None`` when the client left first).

        Raises:
            BodyTooLarge: declared or sent over ``limit`` bytes.
            TimeoutError: not complete within ``body_timeout``.
        """
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise BodyTooLarge
        chunks, size = [], 0
        with anyio.fail_after(self.settings.body_timeout):
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return None
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > limit:
                    raise BodyTooLarge
                if not message.get("more_body", False):
                    return b"".join(chunks)


class BodyTooLarge(Exception):
    """A request body over its limit."""


def replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the already read body once, then waits on the client as before."""
    given = False

    async def replayed() -> Message:
        nonlocal given
        if given:
            return await receive()
        given = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed


class HeavyRequestCap:
    """At most ``limit`` heavy requests in progress; a further one waits up to ``queue_seconds`` for a slot (a
    bounded queue), then gets 503 with ``Retry-After``.

    Args:
        app: the application.
        limit: heavy requests allowed at once.
        queue_seconds: how long a request may wait for a slot.
        retry_after: seconds the client is told to wait.
    """

    def __init__(self, app: ASGIApp, limit: int, queue_seconds: float, retry_after: int) -> None:
        self.app = app
        self.limit = limit
        self.queue_seconds = queue_seconds
        self.retry_after = retry_after
        self.slots = anyio.Semaphore(limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (scope["method"], scope["path"]) not in HEAVY_ROUTES:
            await self.app(scope, receive, send)
            return
        with anyio.move_on_after(self.queue_seconds) as waiting:
            await self.slots.acquire()
        if not waiting.cancelled_caught:
            try:
                await self.app(scope, receive, send)
            finally:
                self.slots.release()
            return
        await error_response(503, "service busy", f"{self.limit} requests are in progress, the most this server "
                             f"runs at once, and none finished within {self.queue_seconds:g} s; retry in "
                             f"{self.retry_after} s", {"Retry-After": str(self.retry_after)})(scope, receive, send)


class HeadAsGet:
    """Answer ``HEAD`` as ``GET`` would, headers only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def install_guards(app: FastAPI, settings: Settings) -> None:
    """Install the guards, outermost first: errors, hosts, CORS (only when ``cors_origins`` is set), body,
    heavy-request cap, ``HEAD``."""
    app.add_middleware(HeadAsGet)
    app.add_middleware(HeavyRequestCap, limit=settings.max_heavy_requests, queue_seconds=settings.heavy_queue_seconds,
                       retry_after=settings.retry_after)
    app.add_middleware(BodyLimit, settings=settings)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE"], allow_headers=["content-type"])
    app.add_middleware(AllowedHosts, hosts=settings.allowed_hosts)
    app.add_middleware(InternalErrors)
