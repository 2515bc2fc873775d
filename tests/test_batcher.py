"""Micro-batching of questions: requests that arrive together share one encoder call, each gets its own rows."""

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from qa.embed.batcher import MicroBatcher


class SlowEncoder:
    """Records each call; the first call blocks until released, so requests queue behind it."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.release = threading.Event()

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        if len(self.calls) == 1:
            assert self.release.wait(5)
        return np.array([[len(text), ord(text[0])] for text in texts], dtype=np.float32)


def test_requests_waiting_on_a_busy_encoder_form_one_batch():
    encoder = SlowEncoder()
    batcher = MicroBatcher(encoder, max_batch=32, wait_seconds=0)
    with ThreadPoolExecutor(8) as pool:
        first = pool.submit(batcher.encode, ["甲"])
        while not encoder.calls:
            threading.Event().wait(0.001)
        rest = [pool.submit(batcher.encode, [chr(0x4e00 + n) * (n + 1), "x"]) for n in range(6)]
        while batcher._requests.qsize() < 6:
            threading.Event().wait(0.001)
        encoder.release.set()
        assert first.result()[0].tolist() == [1, ord("甲")]
        for n, future in enumerate(rest):
            assert future.result().tolist() == [[n + 1, 0x4e00 + n], [1, ord("x")]]
    assert len(encoder.calls) == 2 and len(encoder.calls[1]) == 12


def test_a_batch_never_exceeds_the_limit():
    encoder = SlowEncoder()
    batcher = MicroBatcher(encoder, max_batch=4, wait_seconds=0)
    with ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(batcher.encode, ["a"])]
        while not encoder.calls:
            threading.Event().wait(0.001)
        futures += [pool.submit(batcher.encode, ["b", "c"]) for _ in range(5)]
        while batcher._requests.qsize() < 5:
            threading.Event().wait(0.001)
        encoder.release.set()
        [future.result() for future in futures]
    assert [len(call) for call in encoder.calls] == [1, 4, 4, 2]


def test_an_encoder_error_reaches_every_caller_and_the_worker_survives():
    calls = []

    def failing(texts):
        calls.append(texts)
        if len(calls) == 1:
            raise RuntimeError("encoder failed")
        return np.ones((len(texts), 2), dtype=np.float32)

    batcher = MicroBatcher(failing, max_batch=8, wait_seconds=0)
    with pytest.raises(RuntimeError, match="encoder failed"):
        batcher.encode(["a"])
    assert batcher.encode(["b"]).shape == (1, 2)


def test_waiting_gathers_requests_that_arrive_just_after():
    seen = []
    batcher = MicroBatcher(lambda texts: seen.append(texts) or np.zeros((len(texts), 1)), max_batch=8,
                           wait_seconds=0.2)
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(batcher.encode, ["a"])
        threading.Event().wait(0.02)
        second = pool.submit(batcher.encode, ["b"])
        first.result(), second.result()
    assert seen == [["a", "b"]]


def test_served_questions_go_through_the_batcher(fast_embedder):
    assert fast_embedder.batcher is not None
    calls = fast_embedder.batcher.calls
    fast_embedder.encode_queries(["一个没有缓存过的问题"])
    assert fast_embedder.batcher.calls == calls + 1
