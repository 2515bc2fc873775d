"""Who may write: a bearer token compared in constant time with ``QA_API_TOKEN``; reads stay open."""

from __future__ import annotations

import hmac

from fastapi import Request

from qa.config import Settings
from qa.errors import Unauthorized, WritesDisabled


def check_write_token(request: Request, settings: Settings) -> None:
    """Let a write through only with ``Authorization: Bearer <QA_API_TOKEN>``.

    Raises:
        WritesDisabled: the server has no token configured (403).
        Unauthorized: the token is missing or wrong (401).
    """
    if settings.api_token is None:
        raise WritesDisabled("writes are disabled on this server: start it with QA_API_TOKEN set to a secret and "
                             "send 'Authorization: Bearer <that secret>'")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    expected = settings.api_token.get_secret_value().encode("utf-8")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("utf-8", "replace"), expected):
        raise Unauthorized("this write needs the header 'Authorization: Bearer <token>' with the server's QA_API_TOKEN")
