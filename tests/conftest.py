"""Shared fixtures: the real model, a real index of seeds/, the app and a live server on loopback."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CMRC = SHARED / "bench" / "cmrc2018-trial"


@pytest.fixture(scope="session")
def settings():
    from qa.config import get_settings

    return get_settings()


@pytest.fixture(scope="session")
def embedder(settings):
    from qa.embed import get_embedder

    return get_embedder(settings)


@pytest.fixture(scope="session")
def seed_index_dir(tmp_path_factory, embedder, settings) -> Path:
    from qa.build import build_from_corpus

    folder = tmp_path_factory.mktemp("index") / "seeds"
    build_from_corpus([SEEDS], folder, settings, embedder, progress=False)
    return folder


@pytest.fixture(scope="session")
def service(seed_index_dir, embedder, settings):
    from qa.service import QAService

    return QAService(settings, seed_index_dir, embedder)


@pytest.fixture(scope="session")
def client(service, settings):
    from fastapi.testclient import TestClient

    from qa.api import create_app

    with TestClient(create_app(settings, service=service)) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def live_url(service, settings):
    """A real uvicorn server on a free loopback port, serving the shared service."""
    import uvicorn

    from qa.api import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, service=service), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
