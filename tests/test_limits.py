"""Findings 2 and 3: bounded cost per request. The adversarial /summarize text (50,000 characters of ~6,000
very short sentences) stays under the memory bound, long sentences are embedded from their first tokens only, and
questions are limited in characters and model tokens."""

import json
import os
import random
import subprocess
import sys

import pytest

from qa.errors import TooLarge
from qa.service import QAService
from qa.summarize.units import SentenceUnit

MEMORY_BOUND = 100 * 2**20
CHARACTERS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"

MEASURE = """
import json, sys, time
from pathlib import Path
from qa.config import Settings, configure_runtime
from qa.service import QAService


def status(field):
    line = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith(field + ":"))
    return int(line.split()[1]) * 1024


configure_runtime()
service = QAService(Settings(encoder="hashing", model_dir=sys.argv[2]), Path(sys.argv[1]))
service.summarize(text="今天的天气非常好。我们一起去公园散步吧。")
text = sys.stdin.read()
Path("/proc/self/clear_refs").write_text("5")
resting = status("VmRSS")
started = time.perf_counter()
summary = service.summarize(text=text)
seconds = time.perf_counter() - started
print(json.dumps({"extra": status("VmHWM") - resting, "seconds": seconds, "sentences": len(summary.sentences)}))
"""
"""Peak RSS above resting RSS of one summary in a fresh process (the peak reset through Linux's clear_refs)."""


def adversarial_text(limit: int) -> str:
    """Sentences of seven random characters and a full stop, up to ``limit`` characters."""
    rng = random.Random(2)
    return "".join("".join(rng.choice(CHARACTERS) for _ in range(7)) + "。" for _ in range(limit // 8))


def test_worst_summarize_text_stays_under_the_memory_bound(fast_index_dir, fast_settings):
    text = adversarial_text(fast_settings.max_summary_chars)
    assert len(text) > 0.95 * fast_settings.max_summary_chars
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    run = subprocess.run([sys.executable, "-c", MEASURE, str(fast_index_dir), str(fast_settings.model_dir)],
                         input=text, capture_output=True, text=True, env=environment, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    measured = json.loads(run.stdout.strip().splitlines()[-1])
    print(f"worst /summarize text: +{measured['extra'] / 2**20:.1f} MiB, {measured['seconds']:.2f} s")
    assert measured["sentences"] > 0
    assert measured["extra"] < MEMORY_BOUND, f"{measured['extra'] / 2**20:.0f} MiB above resting RSS"
    assert measured["seconds"] < 60


def test_long_sentences_are_embedded_from_their_first_tokens(fast_service, monkeypatch):
    summarizer = fast_service.summarizer
    seen: list[str] = []
    encode = summarizer.embedder.encode_texts
    monkeypatch.setattr(summarizer.embedder, "encode_texts", lambda texts: seen.extend(texts) or encode(texts))
    text = "。".join("长" * 900 + str(n) for n in range(50)) + "。"
    fast_service.summarize(text=text)
    assert 0 < len(seen) <= fast_service.settings.summary_embed_limit
    assert max(len(t) for t in seen) <= fast_service.settings.summary_sentence_tokens


def test_documents_with_many_sentences_are_narrowed_before_scoring(fast_service):
    summarizer = fast_service.summarizer
    units = [SentenceUnit(f"第{n}句话说了一件事。", 0, 10, n, position=n / 5000) for n in range(5000)]
    keep = summarizer.narrow(units, summarizer.max_candidates)
    assert len(keep) == summarizer.max_candidates and keep == sorted(keep)


@pytest.mark.parametrize("question, message", [
    ("问" * 201, "201 characters"),
    ("问" * 10_000, "10000 characters"),
])
def test_question_over_the_character_limit(fast_client, question, message):
    response = fast_client.post("/ask", json={"question": question})
    assert response.status_code == 413 and message in response.json()["detail"]


def test_question_over_the_token_limit(fast_settings, fast_index_dir, fast_embedder):
    strict = QAService(fast_settings.model_copy(update={"max_question_tokens": 5}), fast_index_dir, fast_embedder)
    with pytest.raises(TooLarge, match="6 model tokens; at most 5"):
        strict.ask("多少党员志愿者"[:6])
    with pytest.raises(TooLarge, match="model tokens"):
        strict.summarize(question="党员志愿者做了什么")


def test_characters_of_many_tokens_hit_the_token_limit(service):
    question = "🦄𪚥" * (service.settings.max_question_chars // 2)
    assert service.embedder.count_tokens(question) > service.settings.max_question_tokens
    with pytest.raises(TooLarge, match="model tokens"):
        service.ask(question)


def test_truncation_follows_model_tokens(embedder):
    text = "共有400多名党员主动申请加入志愿者队伍"
    assert embedder.truncate(text, embedder.count_tokens(text)) == text
    assert embedder.count_tokens(embedder.truncate(text, 3)) == 3 and text.startswith(embedder.truncate(text, 3))
