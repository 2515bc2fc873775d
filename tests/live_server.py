"""A real ``qa serve`` process on a free loopback port, for tests that restart or kill the server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from conftest import ROOT, free_port


class ServerProcess:
    """``qa serve`` over ``index`` with this process's environment, changed by ``env`` (a value of ``None``
    removes the variable); ``start``, ``kill`` (SIGKILL) and ``stop``."""

    def __init__(self, index: Path, env: dict[str, str | None]) -> None:
        self.index = index
        self.env = {key: value for key, value in (os.environ | env).items() if value is not None}
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self, timeout: float = 180, attempts: int = 3) -> "ServerProcess":
        """Start the server and wait until it answers; a port taken between choosing and binding it (by another
        process of the suite, such as Milvus Lite) is replaced by a fresh one, ``attempts`` times in all."""
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen([sys.executable, "-m", "qa.cli", "serve", "--index", str(self.index),
                                         "--port", str(port)], cwd=ROOT, env=self.env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode()[-2000:]
                if "address already in use" in error and attempts > 1:
                    return self.start(timeout, attempts - 1)
                raise RuntimeError(f"server exited: {error}")
            try:
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("server did not come up")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


@contextmanager
def running_server(index: Path, env: dict[str, str | None]) -> Iterator[str]:
    """A started ``qa serve`` for the length of a ``with`` block; its base URL."""
    server = ServerProcess(index, env).start()
    try:
        yield server.url
    finally:
        server.stop()
