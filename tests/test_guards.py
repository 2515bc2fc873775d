"""Findings 4, 6 (hosts, CORS) and 7 (HEAD, Allow, JSON 500): the guards in front of the routes, over the
in-process client and over real sockets."""

import logging
import socket
import threading
import time
from urllib.parse import urlsplit

import httpx
import pytest

from qa.api import create_app


def app_with(fast_settings, fast_service, **limits):
    """An app over the shared fast service with some settings changed."""
    return create_app(fast_settings.model_copy(update=limits), service=fast_service)


def raw_exchange(url: str, request: bytes, wait: float = 10.0) -> bytes:
    """Send raw bytes to a live server and read what comes back until it closes or ``wait`` passes."""
    address = urlsplit(url)
    with socket.create_connection((address.hostname, address.port), timeout=wait) as sock:
        sock.sendall(request)
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except (TimeoutError, ConnectionResetError):
            pass
    return received


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.2", "localhost.evil.example"])
def test_foreign_host_is_refused(fast_client, host):
    response = fast_client.get("/health", headers={"host": host})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid host" and host in response.json()["detail"]


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:8000", "127.0.0.1:80", "[::1]:8000", "[::1]"])
def test_loopback_hosts_are_answered(fast_client, host):
    assert fast_client.get("/health", headers={"host": host}).status_code == 200


def test_any_host_when_allowed_hosts_is_a_star(fast_settings, fast_service):
    from fastapi.testclient import TestClient

    with TestClient(app_with(fast_settings, fast_service, allowed_hosts=["*"]), base_url="http://evil.example") as c:
        assert c.get("/health").status_code == 200


def test_allowed_hosts_from_the_environment(monkeypatch):
    from qa.config import Settings

    monkeypatch.setenv("QA_ALLOWED_HOSTS", "qa.internal, 10.0.0.5")
    monkeypatch.setenv("QA_CORS_ORIGINS", "https://app.example")
    settings = Settings()
    assert settings.allowed_hosts == ["qa.internal", "10.0.0.5"] and settings.cors_origins == ["https://app.example"]


def test_request_without_host_is_refused(fast_live_url):
    reply = raw_exchange(fast_live_url, b"GET /health HTTP/1.0\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 400") and b'"invalid host"' in reply


def test_cors_is_off_by_default(fast_client):
    preflight = fast_client.options("/ask", headers={"origin": "https://evil.example",
                                                     "access-control-request-method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    response = fast_client.get("/health", headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers


def test_cors_for_configured_origins(fast_settings, fast_service):
    from fastapi.testclient import TestClient

    app = app_with(fast_settings, fast_service, cors_origins=["https://app.example"])
    with TestClient(app, base_url="http://localhost") as client:
        allowed = client.get("/health", headers={"origin": "https://app.example"})
        other = client.get("/health", headers={"origin": "https://evil.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    assert "access-control-allow-origin" not in other.headers


def test_body_over_the_limit_is_refused(fast_client, fast_settings):
    junk = "x" * (fast_settings.max_body_bytes + 1)
    for path in ("/ask", "/summarize"):
        response = fast_client.post(path, json={"question": "多少党员志愿者", "junk": junk})
        assert response.status_code == 413 and response.json()["error"] == "request too large"
        assert str(fast_settings.max_body_bytes) in response.json()["detail"]


def test_declared_length_is_refused_before_the_body_is_read(fast_live_url):
    started = time.perf_counter()
    reply = raw_exchange(fast_live_url, b"POST /ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 100000000\r\n\r\n{")
    assert reply.startswith(b"HTTP/1.1 413") and b'"request too large"' in reply
    assert time.perf_counter() - started < 5


def test_chunked_body_over_the_limit_is_refused(fast_live_url, fast_settings):
    def chunks():
        yield b'{"question": "'
        for _ in range(fast_settings.max_body_bytes // 65536 + 2):
            yield b"x" * 65536

    with httpx.Client(base_url=fast_live_url, timeout=30) as http:
        response = http.post("/ask", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["error"] == "request too large"


def test_uploads_have_their_own_limit(fast_settings, fast_service):
    from fastapi.testclient import TestClient

    app = app_with(fast_settings, fast_service, max_body_bytes=1000, max_upload_bytes=5000)
    with TestClient(app, base_url="http://localhost") as client:
        assert client.post("/ask", content=b"x" * 2000).status_code == 413
        assert client.post("/documents", content=b"x" * 2000).status_code != 413
        assert client.put("/documents/a", content=b"x" * 2000).status_code != 413
        assert client.post("/documents", content=b"x" * 6000).status_code == 413
        assert client.request("GET", "/documents", content=b"x" * 2000).status_code == 413


def test_slow_body_times_out(serve_app, fast_settings, fast_service):
    url = serve_app(app_with(fast_settings, fast_service, body_timeout=1.0))
    started = time.perf_counter()
    reply = raw_exchange(url, b"POST /ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 100\r\n\r\n{\"question\"")
    assert reply.startswith(b"HTTP/1.1 408") and b'"request timeout"' in reply
    assert time.perf_counter() - started < 8


def test_heavy_requests_over_the_cap_get_503_with_retry_after(serve_app, fast_settings, fast_service, monkeypatch):
    entered, release = threading.Event(), threading.Event()
    ask = fast_service.ask

    def held(*args, **kwargs):
        entered.set()
        release.wait(30)
        return ask(*args, **kwargs)

    monkeypatch.setattr(fast_service, "ask", held)
    url = serve_app(app_with(fast_settings, fast_service, max_heavy_requests=1, heavy_queue_seconds=0.2,
                             retry_after=3))
    with httpx.Client(base_url=url, timeout=60) as http:
        first = threading.Thread(target=lambda: http.post("/ask", json={"question": "多少党员志愿者"}))
        first.start()
        assert entered.wait(30)
        busy = http.post("/summarize", json={"question": "党员志愿者做了什么"})
        light = http.get("/health")
        release.set()
        first.join(30)
        after = http.post("/ask", json={"question": "多少党员志愿者"})
    assert busy.status_code == 503 and busy.headers["retry-after"] == "3"
    assert busy.json()["error"] == "service busy"
    assert light.status_code == 200 and after.status_code == 200


def test_a_request_over_the_cap_waits_for_a_slot_within_the_queue_time(serve_app, fast_settings, fast_service,
                                                                      monkeypatch):
    entered, release = threading.Event(), threading.Event()
    ask = fast_service.ask

    def held(*args, **kwargs):
        if not entered.is_set():
            entered.set()
            release.wait(30)
        return ask(*args, **kwargs)

    monkeypatch.setattr(fast_service, "ask", held)
    url = serve_app(app_with(fast_settings, fast_service, max_heavy_requests=1, heavy_queue_seconds=30))
    with httpx.Client(base_url=url, timeout=60) as http:
        first = threading.Thread(target=lambda: http.post("/ask", json={"question": "多少党员志愿者"}))
        first.start()
        assert entered.wait(30)
        threading.Timer(0.5, release.set).start()
        queued = http.post("/ask", json={"question": "核酸检测"})
        first.join(30)
    assert queued.status_code == 200


def test_a_request_slower_than_the_queue_time_still_answers(serve_app, fast_settings, fast_service, monkeypatch):
    """The queue time bounds the wait for a slot, not the work once a slot is held."""
    ask = fast_service.ask

    def slow(*args, **kwargs):
        threading.Event().wait(0.6)
        return ask(*args, **kwargs)

    monkeypatch.setattr(fast_service, "ask", slow)
    url = serve_app(app_with(fast_settings, fast_service, max_heavy_requests=1, heavy_queue_seconds=0.2))
    with httpx.Client(base_url=url, timeout=60) as http:
        response = http.post("/ask", json={"question": "多少党员志愿者"})
    assert response.status_code == 200 and response.json()["question"] == "多少党员志愿者"


@pytest.mark.parametrize("path", ["/health", "/documents", "/documents/000_8d8056a1d20578f2-2"])
def test_head_is_answered_where_get_is(fast_client, path):
    get, head = fast_client.get(path), fast_client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b"" and head.headers["content-length"] == get.headers["content-length"]


def test_head_over_a_real_socket(fast_live_url):
    reply = raw_exchange(fast_live_url, b"HEAD /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 200") and reply.endswith(b"\r\n\r\n")


def test_405_keeps_its_allow_header(fast_client):
    response = fast_client.delete("/health")
    assert response.status_code == 405 and response.headers["allow"] == "GET"
    assert set(response.json()) == {"error", "detail"}
    assert fast_client.get("/ask").headers["allow"] == "POST"


def test_unexpected_error_is_a_json_500_with_an_id_in_the_log(fast_client, fast_service, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("boom at /secret/path")

    monkeypatch.setattr(fast_service, "ask", broken)
    with caplog.at_level(logging.ERROR, logger="qa.api.guards"):
        response = fast_client.post("/ask", json={"question": "多少党员志愿者"})
    assert response.status_code == 500 and response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["error"] == "internal error" and "boom" not in response.text and "Traceback" not in response.text
    error_id = body["detail"].rsplit(" ", 1)[-1]
    record = next(r for r in caplog.records if error_id in r.getMessage())
    assert record.exc_info and "boom at /secret/path" in str(record.exc_info[1])
