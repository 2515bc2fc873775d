"""Speed and memory benchmark: index build, query latency (in-process and over HTTP), memory, scale.

Usage:
    python scripts/bench.py [--corpus ../shared/bench/cmrc2018-trial/corpus.jsonl]
                            [--gold ../shared/bench/cmrc2018-trial/qa.jsonl] [--scale 10000,100000]
                            [--json-out results/bench.json]
    python scripts/bench.py --backends faiss,milvus --index index/cmrc [--gold ...]   (backends side by side)
    python scripts/bench.py --scale-only index/cmrc --scale 100000 --backends milvus (Milvus Lite at scale too)

Prints a table and writes every figure as JSON. Nothing here is a test: figures are for reading.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.config import configure_runtime, get_settings  # noqa: E402
from qa.evaluate import load_gold  # noqa: E402
from qa.evaluate.metrics import percentile  # noqa: E402

CMRC = ROOT.parent / "shared" / "bench" / "cmrc2018-trial"


def rss_mb() -> float:
    """Current resident set size of this process in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb(pid: int) -> float:
    """Peak resident set size (VmHWM) of a running process in MiB."""
    return process_memory_mb(pid).get("peak_rss", float("nan"))


def process_memory_mb(pid: int) -> dict[str, float]:
    """A running process's memory in MiB: ``rss`` now and its ``private`` (anonymous) and ``file_backed`` parts (file
    pages are the system's page cache, shared with every process that reads the same files), and ``peak_rss``."""
    names = {"VmHWM": "peak_rss", "VmRSS": "rss", "RssAnon": "private", "RssFile": "file_backed"}
    figures = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in names:
            figures[names[key]] = int(value.split()[0]) / 1024
    return figures


def folder_mb(folder: Path) -> float:
    """Size of the files under a folder in MiB."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def latency_figures(values_ms: list[float]) -> dict:
    """p50/p95/p99 and mean of a list of latencies."""
    return {"n": len(values_ms), "p50_ms": percentile(values_ms, 50), "p95_ms": percentile(values_ms, 95),
            "p99_ms": percentile(values_ms, 99), "mean_ms": float(np.mean(values_ms)) if values_ms else float("nan")}


def bench_build(corpus: list[str], index_dir: Path, env: dict) -> dict:
    """Build the index in a child process (so its peak RSS is its own) and read what it printed."""
    started = time.perf_counter()
    measured = ("import resource, sys; from qa.cli import main; code = main(sys.argv[1:]); "
                "print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", measured, "build", "--corpus", *corpus, "--index", str(index_dir)],
                            capture_output=True, text=True, cwd=ROOT, env=env)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed: {result.stderr[-2000:]}")
    match = re.search(r"(\d+) documents, (\d+) passages .* in ([\d.]+) s", result.stdout)
    documents, passages, build_seconds = int(match.group(1)), int(match.group(2)), float(match.group(3))
    return {"documents": documents, "passages": passages, "seconds": build_seconds,
            "passages_per_second": passages / build_seconds, "process_seconds": seconds,
            "peak_rss_mb": int(re.search(r"PEAK_RSS_KB (\d+)", result.stdout).group(1)) / 1024,
            "index_mb": folder_mb(index_dir)}


def bench_plain_encode(index_dir: Path) -> dict:
    """Encode the index's passages, exactly as the build feeds them, with the configured encoder alone: the
    model's own cost, which a build cannot beat."""
    from qa.embed import get_embedder
    from qa.index import load_index

    embedder = get_embedder(get_settings())
    index = load_index(index_dir, get_settings())
    inputs = embedder.document_inputs([p.text for p in index.passages], [p.title for p in index.passages])
    embedder.encode_inputs(inputs[:embedder.batch_size])
    started = time.perf_counter()
    embedder.encode_inputs(inputs)
    seconds = time.perf_counter() - started
    return {"encoder": embedder.encoder, "device": embedder.device, "passages": len(inputs), "seconds": seconds,
            "passages_per_second": len(inputs) / seconds}


def bench_sentence_vectors(corpus: list[str], gold: Path, methods: list[str], scratch: Path, env: dict) -> dict:
    """Build the corpus once per sentence-vector method (QA_SENTENCE_VECTORS) and compare build speed against a
    plain encode of the same passages, answer quality on the gold questions, and the summaries chosen."""
    figures: dict = {}
    from qa.service import QAService

    summaries: dict[str, dict[str, list]] = {}
    for method in methods:
        os.environ["QA_SENTENCE_VECTORS"] = method
        get_settings.cache_clear()
        index_dir = scratch / f"sentences-{method}"
        print(f"[{method}] building the index ...", flush=True)
        row = {"build": bench_build(corpus, index_dir, env | {"QA_SENTENCE_VECTORS": method})}
        if "plain_encode" not in figures:
            print("plain encode of the same passages ...", flush=True)
            figures["plain_encode"] = bench_plain_encode(index_dir)
        row["build_to_plain"] = row["build"]["passages_per_second"] / figures["plain_encode"]["passages_per_second"]
        print(f"[{method}] answering the gold questions ...", flush=True)
        service = QAService(get_settings(), index_dir)
        row["quality"] = bench_answers(service, gold)
        documents = service.index.documents
        summaries[method] = {doc_id: [(s.start, s.end) for s in doc.summary] for doc_id, doc in documents.items()}
        figures[method] = row
    first = methods[0]
    for method in methods[1:]:
        same = [summaries[first][d] == summaries[method].get(d) for d in summaries[first]]
        overlap = [len(set(summaries[first][d]) & set(summaries[method].get(d, [])))
                   / max(1, len(set(summaries[first][d]) | set(summaries[method].get(d, [])))) for d in summaries[first]]
        figures[method]["summaries_vs_" + first] = {"identical_share": float(np.mean(same)),
                                                    "mean_jaccard": float(np.mean(overlap))}
    return figures


def bench_answers(service, gold: Path) -> dict:
    """Hybrid retrieval and answer quality of a loaded service on gold questions, with the decline figures."""
    from qa.evaluate import evaluate

    metrics = evaluate(service.ask, load_gold(gold), ["hybrid"], 10, progress=False).modes["hybrid"]
    keep = ("hit@1", "hit@5", "em", "f1", "declined_unanswerable", "declined_answerable")
    return {name: metrics[name] for name in keep if name in metrics}


def bench_in_process(index_dir: Path, questions: list[str]) -> dict:
    """Latency of ``QAService.ask`` per question, model warm, every question asked once."""
    from qa.service import QAService

    service = QAService(get_settings(), index_dir)
    service.warm_up()
    stages: dict[str, list[float]] = {}
    totals = []
    for question in questions:
        started = time.perf_counter()
        result = service.ask(question, 5)
        totals.append((time.perf_counter() - started) * 1000)
        for stage, value in result.timings.items():
            stages.setdefault(stage, []).append(value)
    return {"ask": latency_figures(totals),
            "stages": {stage: latency_figures(values) for stage, values in stages.items()},
            "rss_mb": rss_mb()}


def bench_http(index_dir: Path, questions: list[str], levels: list[int], per_level: int, env: dict) -> dict:
    """Start a real ``qa serve`` on loopback and load it at each concurrency level with distinct questions."""
    with __import__("socket").socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    launched = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "qa.cli", "serve", "--port", str(port), "--index", str(index_dir)],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=url, timeout=120) as client:
            deadline = time.time() + 180
            while True:
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit("qa serve did not come up")
                time.sleep(0.5)
            while client.post("/ask", json={"question": "预热"}).status_code != 200:
                time.sleep(0.05)
            figures: dict = {"start_to_first_answer_s": time.perf_counter() - launched}
            pool_of_questions = iter(questions * (1 + len(levels) * per_level // max(1, len(questions))))
            for level in levels:
                batch = [next(pool_of_questions) for _ in range(per_level)]

                def one(question: str) -> tuple[float, int]:
                    started = time.perf_counter()
                    try:
                        status = client.post("/ask", json={"question": question}).status_code
                    except httpx.HTTPError:
                        status = 0
                    return (time.perf_counter() - started) * 1000, status

                started = time.perf_counter()
                with ThreadPoolExecutor(level) as pool:
                    results = list(pool.map(one, batch))
                wall = time.perf_counter() - started
                figures[str(level)] = latency_figures([ms for ms, _ in results]) | {
                    "requests": len(results), "errors": sum(1 for _, status in results if status != 200),
                    "requests_per_second": len(results) / wall}
            memory = process_memory_mb(server.pid)
            figures["server_peak_rss_mb"] = memory["peak_rss"]
            figures["server_memory_mb"] = memory
            return figures
    finally:
        server.terminate()
        server.wait(timeout=30)


def bench_scale(index_dir: Path, questions: list[str], sizes: list[int], lexical_up_to: int = 100_000,
                backends: list[str] | None = None) -> dict:
    """Vector search time, recall@10 and memory on synthetic corpora made from the real vectors.

    Vectors: the index's passage and sentence vectors, drawn with replacement and each moved a
    small random step (Gaussian noise, norm about 0.3, then renormalised), so no two are equal.
    The index type is chosen as for a real build (exact below QA_EXACT_BELOW, IVF above);
    recall@10 is measured against exact search with the real question vectors. BM25 reuses the
    tokens of the real passages (cut once) and runs up to ``lexical_up_to`` passages.
    """
    import faiss

    from qa.embed import get_embedder
    from qa.index import load_index
    from qa.index.dense import DenseIndex, recall_at
    from qa.index.lexical import LexicalIndex, load_bm25s
    from qa.text.tokenize import tokenize

    settings = get_settings()
    index = load_index(index_dir, get_settings())
    base = np.vstack([index.vectors, index.sentences.vectors]).astype(np.float32)
    tokens = [tokenize(p.text) or [""] for p in index.passages]
    query_vectors = get_embedder(settings).encode_queries(questions)
    rng = np.random.default_rng(0)
    figures = {}
    for size in sizes:
        picked = rng.integers(0, len(base), size)
        vectors = base[picked] + rng.normal(scale=0.3 / np.sqrt(base.shape[1]), size=(size, base.shape[1])).astype(
            np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        gc.collect()
        before = rss_mb()
        started = time.perf_counter()
        dense = DenseIndex.build(vectors, settings.exact_below, settings.target_recall)
        dense_build = time.perf_counter() - started
        exact = DenseIndex.build(vectors, exact_below=size + 1, target_recall=settings.target_recall)
        dense_ms, found, truth = [], [], []
        for vector in query_vectors:
            started = time.perf_counter()
            found.append(dense.search(vector, 10)[1])
            dense_ms.append((time.perf_counter() - started) * 1000)
            truth.append(exact.search(vector, 10)[1])
        row = {"index": dense.info, "dense_build_s": dense_build, "dense_search": latency_figures(dense_ms),
               "recall_at_10": recall_at(np.stack(found), np.stack(truth)), "rss_growth_mb": rss_mb() - before}
        row["index_mb"] = faiss.serialize_index(dense.index).nbytes / 2**20
        del exact
        if size <= lexical_up_to:
            started = time.perf_counter()
            retriever = load_bm25s().BM25()
            retriever.index([tokens[i % len(tokens)] for i in picked], show_progress=False)
            row["lexical_build_s"] = time.perf_counter() - started
            lexical = LexicalIndex(retriever)
            lexical_ms = []
            for question in questions:
                started = time.perf_counter()
                lexical.search(question, 50)
                lexical_ms.append((time.perf_counter() - started) * 1000)
            row["lexical_search"] = latency_figures(lexical_ms)
        for backend in backends or []:
            row[backend] = bench_scale_milvus(index, vectors, tokens, query_vectors, questions, truth,
                                              BACKENDS[backend])
        figures[str(size)] = row
        del dense, vectors
    return figures


BACKENDS = {"faiss": {"backend": "faiss"}, "milvus": {"backend": "milvus", "milvus_lexical": "jieba"},
            "milvus-client": {"backend": "milvus", "milvus_lexical": "client"}}
"""Backend configurations compared by ``--backends``: FAISS with bm25s, and Milvus Lite with Milvus's BM25 over
its jieba analyser or with BM25 weights computed here."""


def bench_scale_milvus(index, vectors: np.ndarray, tokens: list[list[str]],
                       query_vectors: np.ndarray, questions: list[str], truth: list[np.ndarray], update: dict) -> dict:
    """One synthetic size in a fresh Milvus Lite collection: insert time (vectors, BM25 words, and the records a
    replica reads: one document per passage, holding that passage), search latency, recall@10 against exact search,
    RSS growth (Milvus Lite runs in this process) and its files' size."""
    from dataclasses import replace

    from qa.index.dense import recall_at
    from qa.index.milvus_backend import MilvusBackend
    from qa.index.milvus_publish import records_collection
    from qa.index.replica import load_replica
    from qa.index.snapshot import Rows
    from qa.index.store import TOKEN_SEPARATOR
    from qa.schema import Document

    source = index.passages
    passages = [replace(source[i % len(source)], id=f"synthetic-{i}", doc_id=f"synthetic-{i}", start=0,
                        end=len(source[i % len(source)].text)) for i in range(len(vectors))]
    words = [tokens[i % len(tokens)] for i in range(len(vectors))]
    dimension = vectors.shape[1]
    rows = Rows([Document(id=p.doc_id, title=p.title, text=p.text) for p in passages],
                {p.doc_id: "synthetic" for p in passages}, passages, vectors,
                [TOKEN_SEPARATOR.join(w) for w in words], np.zeros((0, 3), np.int32), np.zeros((0, dimension), np.float16))
    with tempfile.TemporaryDirectory(prefix="qa-bench-milvus-") as scratch:
        settings = get_settings().model_copy(update=update | {"milvus_uri": str(Path(scratch) / "bench.db"),
                                                               "milvus_collection": "bench"})
        gc.collect()
        before = rss_mb()
        started = time.perf_counter()
        backend = MilvusBackend.synced(settings, Path(scratch), index.manifest, rows, words, None)
        row = {"index": backend.info["dense_index"], "lexical": backend.info["lexical"],
               "insert_s": time.perf_counter() - started}
        dense_ms, found = [], []
        for vector in query_vectors:
            started = time.perf_counter()
            found.append(backend.search_dense(vector, 10)[1])
            dense_ms.append((time.perf_counter() - started) * 1000)
        lexical_ms = []
        for question in questions:
            started = time.perf_counter()
            backend.search_lexical(question, 50)
            lexical_ms.append((time.perf_counter() - started) * 1000)
        row |= {"dense_search": latency_figures(dense_ms), "recall_at_10": recall_at(np.stack(found), np.stack(truth)),
                "lexical_search": latency_figures(lexical_ms), "rss_growth_mb": rss_mb() - before,
                "files_mb": folder_mb(Path(scratch))}
        gc.collect()
        before = rss_mb()
        started = time.perf_counter()
        replica = load_replica(Path(scratch) / "replica", settings, None)
        row["replica_load_s"] = time.perf_counter() - started
        row["replica_rss_growth_mb"] = rss_mb() - before
        assert len(replica.passages) == len(passages)
        del replica
        backend.client.drop_collection(backend.collection)
        backend.client.drop_collection(records_collection(backend.collection))
    return row


def bench_backends(index_dir: Path, gold: Path, backends: list[str], latency_questions: int) -> dict:
    """Each backend over one index with one embedder (question vectors are embedded once and reused): load time,
    hybrid and lexical quality on ``gold``, which answers differ from the first backend's, and ``/ask`` latency
    in process with the question vector cached (so that the backends' own costs show)."""
    from qa.embed import get_embedder
    from qa.evaluate import evaluate
    from qa.service import QAService

    items = load_gold(gold)
    embedder = get_embedder(get_settings())
    figures: dict = {}
    first_answers: dict | None = None
    for backend in backends:
        settings = get_settings().model_copy(update=BACKENDS[backend])
        gc.collect()
        before = rss_mb()
        started = time.perf_counter()
        service = QAService(settings, index_dir, embedder)
        row: dict = {"load_s": time.perf_counter() - started, "rss_growth_mb": rss_mb() - before,
                     "manifest": {key: service.index.manifest.get(key) for key in ("backend", "dense_index",
                                                                                   "lexical", "milvus")}}
        service.warm_up()
        report = evaluate(service.ask, items, ["hybrid", "lexical"], 10, progress=False)
        keep = ("hit@1", "hit@5", "mrr@10", "em", "f1", "declined_answerable", "declined_unanswerable")
        row["quality"] = {mode: {name: report.modes[mode][name] for name in keep} for mode in report.modes}
        answers = {r.id: r.answer for r in report.results["hybrid"]}
        first_answers = first_answers or answers
        row["answers_differing_from_first"] = sorted(q for q in answers if answers[q] != first_answers[q])
        totals = []
        for item in items[:latency_questions]:
            started = time.perf_counter()
            service.ask(item.question, 5)
            totals.append((time.perf_counter() - started) * 1000)
        row["ask_cached_vector"] = latency_figures(totals)
        if settings.backend == "milvus":
            row["milvus_hybrid_rrf"] = milvus_hybrid_quality(service, items)
        figures[backend] = row
        del service
    return figures


def milvus_hybrid_quality(service, items: list) -> dict:
    """hit@1 and hit@5 of Milvus's own hybrid search (RRF, server-side) on the answerable gold questions."""
    from qa.evaluate.metrics import first_relevant_rank, hit_at, is_relevant

    backend, ranks = service.index.backend, []
    for item in (item for item in items if item.answerable):
        vector = service.embedder.encode_queries([item.question])[0]
        rows = backend.search_hybrid(vector, item.question, 10, service.settings.rrf_k)[1]
        passages = [service.index.passages[row] for row in rows]
        ranks.append(first_relevant_rank([is_relevant(item, p.doc_id, p.text) for p in passages]))
    return {f"hit@{k}": float(np.mean([hit_at(rank, k) for rank in ranks])) for k in (1, 5)}


def print_backends(backends: dict) -> None:
    """The backend comparison rows."""
    print("backends (one index, one embedder; /ask with the question vector cached)")
    print("  backend         load s  hybrid hit@1  hit@5  lexical hit@1  hit@5   EM     answers differing  "
          "/ask p50 ms  p95 ms")
    for name, f in backends.items():
        hybrid, lexical = f["quality"]["hybrid"], f["quality"]["lexical"]
        print(f"  {name:<15} {f['load_s']:6.1f} {hybrid['hit@1']:13.3f} {hybrid['hit@5']:6.3f} "
              f"{lexical['hit@1']:14.3f} {lexical['hit@5']:6.3f} {hybrid['em']:6.3f} "
              f"{len(f['answers_differing_from_first']):18d} {f['ask_cached_vector']['p50_ms']:12.2f} "
              f"{f['ask_cached_vector']['p95_ms']:7.2f}")
        if "milvus_hybrid_rrf" in f:
            rrf = f["milvus_hybrid_rrf"]
            print(f"  {'':<15} Milvus's own hybrid search (RRF): hit@1 {rrf['hit@1']:.3f}  hit@5 {rrf['hit@5']:.3f}")


def bench_quality(index_dir: Path, gold: Path) -> tuple[dict, np.ndarray, np.ndarray]:
    """Answer quality on the gold questions, and the passage and sentence vectors (for cosine comparisons)."""
    from qa.service import QAService

    service = QAService(get_settings(), index_dir)
    sentences = service.index.sentences
    return (bench_answers(service, gold), np.asarray(service.index.vectors, dtype=np.float32),
            sentences.rows_of(np.arange(len(sentences.spans))))


def bench_summaries(index_dir: Path, repeats: int = 5) -> dict:
    """Latency of the three kinds of summary: a stored document, a 50,000-character text, a question."""
    from qa.service import QAService

    service = QAService(get_settings(), index_dir)
    documents = list(service.index.documents)
    body = "\n".join(service.index.documents[d].text for d in documents)
    long_text = (body * (50_000 // max(1, len(body)) + 1))[:50_000]
    questions = ["党员志愿者做了什么", "核酸检测的情况", "疫情防控工作", "居民生活保障", "志愿者队伍"]
    figures = {}
    for kind, call in (("document", lambda i: service.summarize(doc_id=documents[i % len(documents)])),
                       ("text_50000_chars", lambda i: service.summarize(text=long_text)),
                       ("question", lambda i: service.summarize(question=questions[i % len(questions)]))):
        call(0)
        times = []
        for i in range(repeats):
            started = time.perf_counter()
            call(i + 1)
            times.append((time.perf_counter() - started) * 1000)
        figures[kind] = latency_figures(times)
    return figures


def grow_synthetic(folder: Path, passages: int) -> dict:
    """Grow a copied index to at least ``passages`` passages with copies of its own documents (ids suffixed
    ``~N``), row by row in SQL: the copies share the originals' texts, so their vectors are already stored."""
    import sqlite3

    started = time.perf_counter()
    connection = sqlite3.connect(folder / "index.sqlite", isolation_level=None)
    base = connection.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
    span = connection.execute("SELECT MAX(seq) + 1 FROM documents").fetchone()[0]
    copies = max(0, -(-passages // base) - 1)
    connection.execute("BEGIN")
    for n in range(1, copies + 1):
        suffix = f"~{n}"
        connection.execute("INSERT INTO documents (id, seq, digest, body) SELECT id || ?, seq + ?, digest, "
                           "json_set(body, '$.id', id || ?) FROM documents WHERE id NOT LIKE '%~%'",
                           (suffix, n * span, suffix))
        connection.execute("INSERT INTO passages (id, doc_id, ordinal, body, tokens, vector_key) SELECT "
                           "doc_id || ? || substr(id, length(doc_id) + 1), doc_id || ?, ordinal, json_set(body, "
                           "'$.id', doc_id || ? || substr(id, length(doc_id) + 1), '$.doc_id', doc_id || ?), tokens, "
                           "vector_key FROM passages WHERE doc_id NOT LIKE '%~%'", (suffix,) * 4)
        connection.execute("INSERT INTO sentences (passage_id, ordinal, start, end, vector_key) SELECT p.doc_id || ? "
                           "|| substr(s.passage_id, length(p.doc_id) + 1), s.ordinal, s.start, s.end, s.vector_key "
                           "FROM sentences s JOIN passages p ON p.id = s.passage_id WHERE p.doc_id NOT LIKE '%~%'",
                           (suffix,))
    connection.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")
    connection.execute("COMMIT")
    total = connection.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
    connection.close()
    return {"passages": total, "copies": copies, "seconds": time.perf_counter() - started,
            "database_mb": (folder / "index.sqlite").stat().st_size / 2**20}


def bench_live(index_dir: Path, article: Path, grow: int | None, keep: Path | None = None) -> dict:
    """Write costs on a copy of an index (grown synthetically when asked): loading it (first writing its generation's
    files, then again from them), adding one article (split into embedding and the rest, the new generation's load
    included), adding it again, and deleting it. With ``keep``, the grown copy is made there and kept."""
    import sqlite3

    from qa.ingest import read_corpus
    from qa.service import QAService

    figures: dict = {}
    with tempfile.TemporaryDirectory(prefix="qa-live-") as scratch:
        folder = keep if keep is not None else Path(scratch) / "index"
        folder.mkdir(parents=True)
        with sqlite3.connect(index_dir / "index.sqlite") as source, sqlite3.connect(folder / "index.sqlite") as copy:
            source.backup(copy)
        if grow:
            figures["grow"] = grow_synthetic(folder, grow)
        for name in ("first_load_seconds", "load_seconds"):
            started = time.perf_counter()
            service = QAService(get_settings(), folder)
            service.warm_up()
            figures[name] = time.perf_counter() - started
        figures["passages"] = len(service.index.passages)
        figures["rss_mb"] = rss_mb()
        documents = read_corpus([article])
        for step, upserts, deletions in (("add", documents, []), ("add_again", documents, []),
                                         ("delete", [], [d.id for d in documents])):
            started = time.perf_counter()
            result = service.writer.write(upserts, deletions)
            written = time.perf_counter() - started
            service.refresh()
            total = time.perf_counter() - started
            figures[step] = {"embed_seconds": result.embed_seconds, "write_seconds": written - result.embed_seconds,
                             "reload_seconds": total - written, "total_seconds": total,
                             "vectors_embedded": result.vectors_embedded, "passages_written": result.passages_written}
        figures["rss_after_mb"] = rss_mb()
    return figures


def print_live(live: dict) -> None:
    """The write-cost rows."""
    grown = f", grown synthetically in {live['grow']['seconds']:.1f} s" if "grow" in live else ""
    print(f"live corpus at {live['passages']} passages{grown}: load {live['first_load_seconds']:.1f} s (writing the "
          f"generation's files), then {live['load_seconds']:.1f} s from them; RSS {live['rss_mb']:.0f} MiB")
    for step in ("add", "add_again", "delete"):
        f = live[step]
        print(f"  {step:<10} embed {f['embed_seconds']:6.2f} s  write {f['write_seconds']:6.2f} s  "
              f"reload {f['reload_seconds']:6.2f} s  total {f['total_seconds']:6.2f} s  "
              f"({f['vectors_embedded']} vectors embedded)")


def print_scale(scale: dict) -> None:
    """The synthetic-scale rows."""
    print("scale (synthetic: real vectors drawn with replacement and perturbed; BM25 reuses real tokens)")
    print("  passages  index                     build s  search p50 ms  p95 ms  recall@10  bm25 p50 ms  index MiB")
    for size, f in scale.items():
        kind = f["index"]["type"] + (f" nprobe={f['index']['nprobe']}" if "nprobe" in f["index"] else "")
        bm25 = f"{f['lexical_search']['p50_ms']:11.2f}" if "lexical_search" in f else "          -"
        print(f"  {int(size):>8}  {kind:<24} {f['dense_build_s']:8.1f} {f['dense_search']['p50_ms']:14.2f} "
              f"{f['dense_search']['p95_ms']:7.2f} {f['recall_at_10']:10.3f} {bm25} {f['index_mb']:10.1f}")
        for backend in (name for name in BACKENDS if name in f):
            m = f[backend]
            kind = f"{backend} {m['index']['type']}" + (f" nprobe={m['index']['nprobe']}" if "nprobe" in m["index"]
                                                        else "")
            print(f"  {int(size):>8}  {kind:<24} {m['insert_s']:8.1f} {m['dense_search']['p50_ms']:14.2f} "
                  f"{m['dense_search']['p95_ms']:7.2f} {m['recall_at_10']:10.3f} {m['lexical_search']['p50_ms']:11.2f} "
                  f"{m['files_mb']:10.1f}  (RSS +{m['rss_growth_mb']:.0f} MiB)")


def print_table(report: dict) -> None:
    """Readable summary of the report."""
    machine = report["machine"]
    print(f"\nmachine: {machine['cores']} cores, {machine['ram_gb']:.0f} GiB RAM, {machine['platform']}; "
          f"encoder {report['encoder']}, QA_DEVICE={machine['device_setting']}, GPU {machine['gpu'] or 'none'}")
    if "summaries" in report:
        for kind, figures in report["summaries"].items():
            print(f"summary of a {kind:<17} p50 {figures['p50_ms']:8.1f} ms   p95 {figures['p95_ms']:8.1f} ms")
    for encoder, figures in report.get("encoders", {}).items():
        print_encoder(encoder, figures, figures.get("plain_encode", {}))
    if len(report.get("encoders", {})) > 1:
        print_comparison(report["encoders"])
    if report.get("scale"):
        print_scale(report["scale"])
    for variant, http in report.get("http_variants", {}).items():
        print(f"--- server with {variant}")
        print_http(http)
    if report.get("sentence_vectors"):
        print_sentence_vectors(report["sentence_vectors"])
    if report.get("backends"):
        print_backends(report["backends"])
    for live in report.get("live", {}).values():
        print_live(live)


def print_sentence_vectors(figures: dict) -> None:
    """Build speed against a plain encode, and answers, per sentence-vector method."""
    plain = figures["plain_encode"]
    print(f"plain encode ({plain['encoder']}): {plain['passages']} passages in {plain['seconds']:.1f} s = "
          f"{plain['passages_per_second']:.2f} passages/s")
    print("sentences  build s  passages/s  ÷plain  hit@1  hit@5     em     f1  declined(unans/ans)  summaries")
    for method, row in figures.items():
        if method == "plain_encode":
            continue
        build, q = row["build"], row["quality"]
        same = next((f"{v['identical_share']:.2f} same, J {v['mean_jaccard']:.2f}" for k, v in row.items()
                     if k.startswith("summaries_vs_")), "reference")
        print(f"{method:<10} {build['seconds']:7.1f} {build['passages_per_second']:11.2f} {row['build_to_plain']:7.2f} "
              f"{q['hit@1']:6.3f} {q['hit@5']:6.3f} {q['em']:6.3f} {q['f1']:6.3f} "
              f"{q.get('declined_unanswerable', float('nan')):9.3f}/{q.get('declined_answerable', float('nan')):.3f}  {same}")


def print_comparison(encoders: dict) -> None:
    """One line per encoder: build speed, latency, memory and quality side by side."""
    print("encoder     passages/s  embed p50/p95 ms  ask c=1 p50/p95 ms  ask c=16 p50/p95 ms  RSS MiB  "
          "hit@1  hit@5  cos passages/sentences")
    for encoder, f in encoders.items():
        embed, one, many = f["in_process"]["stages"]["embed_ms"], f["http"]["1"], f["http"].get("16", f["http"]["1"])
        q = f["quality"]
        print(f"{encoder:<11} {f['build']['passages_per_second']:10.2f} {embed['p50_ms']:8.1f}/{embed['p95_ms']:<7.1f} "
              f"{one['p50_ms']:9.1f}/{one['p95_ms']:<8.1f} {many['p50_ms']:10.1f}/{many['p95_ms']:<8.1f} "
              f"{f['http']['server_peak_rss_mb']:8.0f} {q['hit@1']:6.3f} {q['hit@5']:6.3f} "
              f"{q['cosine_to_first_encoder']:5.4f}/{q['sentence_cosine_to_first_encoder']:5.4f}")


def print_encoder(encoder: str, figures: dict, plain: dict) -> None:
    """The build, in-process and HTTP figures of one encoder."""
    print(f"--- encoder {encoder}")
    build = figures["build"]
    print(f"build: {build['documents']} documents, {build['passages']} passages in {build['seconds']:.1f} s "
          f"= {build['passages_per_second']:.2f} passages/s; peak RSS {build['peak_rss_mb']:.0f} MiB; "
          f"index {build['index_mb']:.1f} MiB on disk")
    if plain:
        print(f"plain encode of the same passages ({plain['encoder']} on {plain['device']}): "
              f"{plain['passages_per_second']:.2f} passages/s "
              f"(build/plain speed {build['passages_per_second'] / plain['passages_per_second']:.2f})")
    local = figures["in_process"]
    print(f"in-process ask ({local['ask']['n']} questions): p50 {local['ask']['p50_ms']:.1f} ms, "
          f"p95 {local['ask']['p95_ms']:.1f} ms, p99 {local['ask']['p99_ms']:.1f} ms")
    for stage, stage_figures in local["stages"].items():
        print(f"  {stage:<12} p50 {stage_figures['p50_ms']:8.2f} ms   p95 {stage_figures['p95_ms']:8.2f} ms")
    print_http(figures["http"])


def print_http(http: dict) -> None:
    """The HTTP load curve: throughput and latency per concurrency level."""
    print("HTTP /ask   concurrency   req/s     p50 ms    p95 ms    p99 ms  errors")
    for level, row in http.items():
        if level.isdigit():
            print(f"            {level:>11} {row['requests_per_second']:7.2f} {row['p50_ms']:10.1f} "
                  f"{row['p95_ms']:9.1f} {row['p99_ms']:9.1f} {row['errors']:7d}")
    memory = http["server_memory_mb"]
    print(f"server start to first answer: {http['start_to_first_answer_s']:.1f} s; peak RSS: {memory['peak_rss']:.0f} "
          f"MiB; RSS at the end {memory['rss']:.0f} MiB ({memory['private']:.0f} private, {memory['file_backed']:.0f} "
          "file-backed)")


def gpu_name() -> str | None:
    """The machine's first NVIDIA GPU as ``nvidia-smi`` names it, or None where there is none (or no driver tools).

    Asked of a child process: importing torch here would add its memory to the in-process figures of an ONNX run.
    """
    try:
        result = subprocess.run(["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"], capture_output=True,
                                text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    names = result.stdout.strip().splitlines() if result.returncode == 0 else []
    return names[0].strip() if names else None


def finish(report: dict, json_out: Path) -> int:
    """Print the table and write the report as JSON."""
    print_table(report)
    json_out.parent.mkdir(parents=True, exist_ok=True)
    json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {json_out}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", default=[str(CMRC / "corpus.jsonl")])
    parser.add_argument("--gold", default=str(CMRC / "qa.jsonl"), help="questions for the latency runs")
    parser.add_argument("--questions", type=int, default=200, help="questions for the in-process run")
    parser.add_argument("--levels", default="1,4,16", help="HTTP concurrency levels")
    parser.add_argument("--requests", type=int, default=64, help="HTTP requests per level")
    parser.add_argument("--scale", default="10000,100000,1000000", help="synthetic corpus sizes ('' to skip)")
    parser.add_argument("--scale-only", help="only the scale runs, over this existing index (e.g. index/cmrc)")
    parser.add_argument("--skip-plain", action="store_true", help="skip the bare model encode")
    parser.add_argument("--http-only", help="only the HTTP load curve over this existing index (e.g. index/default)")
    parser.add_argument("--variants", default="", help="with --http-only: server settings to compare side by side, "
                        "';'-separated, e.g. 'QA_QUERY_BATCH_SIZE=1;QA_QUERY_BATCH_SIZE=32'")
    parser.add_argument("--summaries", help="only time summaries over this existing index (e.g. index/default)")
    parser.add_argument("--encoder", choices=["torch", "onnx", "onnx-int8"], help="embedding backend (QA_ENCODER)")
    parser.add_argument("--encoders", help="compare these backends side by side, e.g. torch,onnx,onnx-int8")
    parser.add_argument("--sentence-vectors", help="only compare sentence-vector methods (build speed against a "
                        "plain encode, answers, summaries), e.g. late,separate")
    parser.add_argument("--live", help="only the write costs, on a copy of this existing index (e.g. index/cmrc)")
    parser.add_argument("--grow", default="", help="with --live: also at these synthetic sizes, e.g. 100000")
    parser.add_argument("--keep-grown", help="with --live and one --grow size: make the grown copy in this new folder "
                        "and keep it (then serve it with --http-only)")
    parser.add_argument("--article", default=str(ROOT / "tests" / "data" / "live" / "bridge.txt"),
                        help="with --live: the article to add and delete")
    parser.add_argument("--backends", help="compare search backends over --index (or, with --scale-only, also "
                        f"at the synthetic sizes): some of {','.join(BACKENDS)}")
    parser.add_argument("--index", help="with --backends: an existing index (e.g. index/cmrc)")
    parser.add_argument("--json-out", default=str(ROOT / "results" / "bench.json"))
    args = parser.parse_args()
    configure_runtime()

    if args.encoder:
        os.environ["QA_ENCODER"] = args.encoder
        get_settings.cache_clear()
    questions = [item.question for item in load_gold(Path(args.gold))]
    random.Random(1).shuffle(questions)
    report: dict = {"machine": {"cores": os.cpu_count(), "platform": platform.platform(),
                                "ram_gb": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30,
                                "gpu": gpu_name(), "device_setting": get_settings().device},
                    "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]), "corpus": args.corpus,
                    "encoder": get_settings().encoder, "encoders": {}}
    backends = [name for name in (args.backends or "").split(",") if name]
    unknown = sorted(set(backends) - set(BACKENDS))
    if unknown:
        parser.error(f"unknown backends {unknown}: use {', '.join(BACKENDS)}")
    if args.scale_only:
        sizes = [int(size) for size in args.scale.split(",") if size]
        report["scale"] = bench_scale(Path(args.scale_only), questions[:100], sizes,
                                      backends=[b for b in backends if b != "faiss"])
        return finish(report, Path(args.json_out))
    if backends:
        if not args.index:
            parser.error("--backends needs --index (or --scale-only)")
        report["backends"] = bench_backends(Path(args.index), Path(args.gold), backends, args.questions)
        return finish(report, Path(args.json_out))
    if args.http_only:
        levels = [int(level) for level in args.levels.split(",") if level]
        report["http_variants"] = {}
        for variant in args.variants.split(";"):
            overrides = dict(item.split("=", 1) for item in variant.split(",") if item)
            env = os.environ | {"HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"} | overrides
            print(f"[{variant or 'defaults'}] HTTP queries ...", flush=True)
            report["http_variants"][variant or "defaults"] = bench_http(Path(args.http_only), questions, levels,
                                                                      args.requests, env)
        return finish(report, Path(args.json_out))
    if args.summaries:
        report["summaries"] = bench_summaries(Path(args.summaries))
        return finish(report, Path(args.json_out))
    if args.sentence_vectors:
        with tempfile.TemporaryDirectory(prefix="qa-bench-") as scratch:
            env = os.environ | {"HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
            report["sentence_vectors"] = bench_sentence_vectors(args.corpus, Path(args.gold),
                                                                args.sentence_vectors.split(","), Path(scratch), env)
        return finish(report, Path(args.json_out))
    if args.live:
        sizes = [int(size) for size in args.grow.split(",") if size]
        if args.keep_grown and len(sizes) != 1:
            parser.error("--keep-grown needs exactly one --grow size")
        report["live"] = {str(size or "as built"): bench_live(
            Path(args.live), Path(args.article), size, Path(args.keep_grown) if size and args.keep_grown else None)
            for size in [None, *sizes]}
        return finish(report, Path(args.json_out))
    encoders = [e for e in (args.encoders or get_settings().encoder).split(",") if e]
    levels = [int(level) for level in args.levels.split(",") if level]
    sizes = [int(size) for size in args.scale.split(",") if size]
    reference = None
    with tempfile.TemporaryDirectory(prefix="qa-bench-") as scratch:
        for encoder in encoders:
            os.environ["QA_ENCODER"] = encoder
            get_settings.cache_clear()
            env = os.environ | {"HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
            index_dir = Path(scratch) / encoder
            figures: dict = {}
            print(f"[{encoder}] building the index ...", flush=True)
            figures["build"] = bench_build(args.corpus, index_dir, env)
            if not args.skip_plain:
                print("plain model encode ...", flush=True)
                figures["plain_encode"] = bench_plain_encode(index_dir)
            print(f"[{encoder}] in-process queries ...", flush=True)
            figures["in_process"] = bench_in_process(index_dir, questions[:args.questions])
            print(f"[{encoder}] HTTP queries ...", flush=True)
            figures["http"] = bench_http(index_dir, questions[args.questions:] or questions, levels, args.requests,
                                         env)
            figures["quality"], *vectors = bench_quality(index_dir, Path(args.gold))
            reference = vectors if reference is None else reference
            for kind, ours, first in zip(("", "sentence_"), vectors, reference):
                figures["quality"][f"{kind}cosine_to_first_encoder"] = float((ours * first).sum(axis=1).mean())
            report["encoders"][encoder] = figures
        if sizes:
            print("synthetic scale ...", flush=True)
            report["scale"] = bench_scale(Path(scratch) / encoders[-1], questions[:100], sizes)
    return finish(report, Path(args.json_out))


if __name__ == "__main__":
    sys.exit(main())
