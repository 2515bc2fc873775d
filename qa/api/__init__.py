"""The HTTP API: application, routes, request and response bodies, error mapping."""

from qa.api.app import create_app

__all__ = ["create_app"]
