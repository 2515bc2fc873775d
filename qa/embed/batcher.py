"""Micro-batching: questions that arrive while the encoder is busy are embedded together in its next call."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future

import numpy as np

Request = tuple[list[str], Future]


class MicroBatcher:
    """One worker thread that takes every request waiting for the encoder (up to ``max_batch`` texts) and encodes
    them in one call. A lone request goes straight through; under load, requests queue while a batch runs and
    form the next one, so the encoder's per-call cost is shared.

    Args:
        encode: embeds a list of texts, one row per text.
        max_batch: most texts in one call.
        wait_seconds: how long the worker waits for more requests after the first (0: none).
    """

    def __init__(self, encode: Callable[[list[str]], np.ndarray], max_batch: int, wait_seconds: float) -> None:
        self._encode = encode
        self.max_batch = max_batch
        self.wait_seconds = wait_seconds
        self._requests: queue.SimpleQueue[Request] = queue.SimpleQueue()
        self._start_lock = threading.Lock()
        self._worker: threading.Thread | None = None
        self.calls = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed ``texts`` in the next batch and wait for their rows.

        Raises:
            Exception: whatever the encoder raised for that batch.
        """
        future: Future = Future()
        self._ensure_worker()
        self._requests.put((texts, future))
        return future.result()

    def _ensure_worker(self) -> None:
        with self._start_lock:
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._run, name="qa-query-batcher", daemon=True)
                self._worker.start()

    def _collect(self) -> list[Request]:
        batch = [self._requests.get()]
        size = len(batch[0][0])
        deadline = time.monotonic() + self.wait_seconds
        while size < self.max_batch:
            try:
                timeout = deadline - time.monotonic()
                request = self._requests.get(timeout=timeout) if timeout > 0 else self._requests.get_nowait()
            except queue.Empty:
                break
            batch.append(request)
            size += len(request[0])
        return batch

    def _run(self) -> None:
        while True:
            batch = self._collect()
            texts = [text for request_texts, _ in batch for text in request_texts]
            try:
                vectors = self._encode(texts)
            except Exception as error:  # noqa: BLE001 - handed to every waiting caller
                for _, future in batch:
                    future.set_exception(error)
                continue
            self.calls += 1
            start = 0
            for request_texts, future in batch:
                future.set_result(vectors[start:start + len(request_texts)])
                start += len(request_texts)
