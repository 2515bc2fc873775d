"""The encoder on the CPU and on a CUDA GPU, side by side in one run on one machine: speed, and how closely the
GPU's passage and sentence vectors agree with the CPU's.

Passages are cut from the corpus as the build cuts them; sentence vectors come from the passage's own forward pass
(late chunking), as the build makes them. Needs torch with CUDA (QA_ENCODER=torch).

Usage:
    python scripts/compare_devices.py --corpus ../shared/bench/cmrc2018-trial/corpus.jsonl [--passages 120]
                                      [--json-out results/devices.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from qa.config import get_settings
from qa.embed import get_embedder
from qa.embed.base import Embedder
from qa.ingest.corpus import read_corpus
from qa.ingest.passages import passages_of
from qa.errors import ModelError
from qa.text.normalize import sentence_spans


def time_device(embedder: Embedder, texts: list[str], questions: list[str]) -> tuple[dict, np.ndarray, np.ndarray]:
    """Encode passages plainly and by late chunking, and questions one at a time.

    Returns:
        The figures, the passages' vectors and every sentence's vector (late chunking).
    """
    inputs = embedder.document_inputs(texts)
    offset = len(inputs[0]) - len(texts[0])
    spans = [[(start + offset, end + offset) for start, end in sentence_spans(text)] for text in texts]
    embedder.encode_inputs(inputs[:embedder.batch_size])
    started = time.perf_counter()
    passages = embedder.encode_inputs(inputs)
    plain_seconds = time.perf_counter() - started
    started = time.perf_counter()
    late, sentences = embedder.encode_late(inputs, spans)
    late_seconds = time.perf_counter() - started
    latencies = []
    for question in questions:
        started = time.perf_counter()
        embedder.encode_queries([question], remember=False)
        latencies.append((time.perf_counter() - started) * 1000)
    figures = {"device": embedder.device, "plain_passages_per_second": len(texts) / plain_seconds,
               "late_passages_per_second": len(texts) / late_seconds, "late_to_plain_speed": plain_seconds / late_seconds,
               "question_p50_ms": statistics.median(latencies),
               "late_to_plain_cosine": float((late * passages).sum(axis=1).mean())}
    return figures, passages, np.concatenate(sentences)


def cosine_figures(first: np.ndarray, second: np.ndarray) -> dict:
    """Mean and least cosine between matching rows."""
    cosines = (first * second).sum(axis=1)
    return {"mean": float(cosines.mean()), "min": float(cosines.min()), "rows": len(cosines)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", type=Path, required=True)
    parser.add_argument("--passages", type=int, default=120)
    parser.add_argument("--questions", type=int, default=50, help="questions timed one at a time")
    parser.add_argument("--devices", default="cuda,cpu", help="devices to time; vectors are compared when both are")
    parser.add_argument("--json-out", type=Path, default=Path("results") / "devices.json")
    args = parser.parse_args()
    settings = get_settings()
    texts = [passage.text for document in read_corpus(args.corpus)
             for passage in passages_of(document, settings.chunk_chars) if passage.text.strip()][:args.passages]
    if not texts:
        print(f"error: no passages in {', '.join(map(str, args.corpus))}", file=sys.stderr)
        return 2
    questions = [f"{text[:20]}是什么" for text in texts[:args.questions]]
    report: dict = {"passages": len(texts), "mean_chars": statistics.mean(map(len, texts)), "devices": {}}
    vectors = {}
    for device in args.devices.split(","):
        try:
            embedder = get_embedder(settings.model_copy(update={"device": device}))
        except ModelError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        report["devices"][device], *vectors[device] = time_device(embedder, texts, questions)
        print(device, json.dumps(report["devices"][device]), flush=True)
    report["auto_chooses"] = get_embedder(settings.model_copy(update={"device": "auto"})).device
    if {"cpu", "cuda"} <= vectors.keys():
        report["passage_cosine"] = cosine_figures(vectors["cpu"][0], vectors["cuda"][0])
        report["sentence_cosine"] = cosine_figures(vectors["cpu"][1], vectors["cuda"][1])
        report["gpu_to_cpu_plain_speed"] = (report["devices"]["cuda"]["plain_passages_per_second"]
                                            / report["devices"]["cpu"]["plain_passages_per_second"])
    print(json.dumps(report, indent=1))
    args.json_out.parent.mkdir(parents=True, exist_ok=True)
    args.json_out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
