"""All configuration in one place: environment variables prefixed ``QA_``, and what entry points apply at start."""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_MODEL = "google/embeddinggemma-300m"
PACKAGE_DATA = Path(__file__).parent / "data"


class Settings(BaseSettings):
    """Runtime settings, read from ``QA_*`` environment variables; every default and limit lives here."""

    model_config = SettingsConfigDict(env_prefix="QA_", extra="ignore")

    model: str = Field(
        DEFAULT_MODEL,
        description="Sentence-transformers model name or path; the default is the verified local EmbeddingGemma.",
    )
    model_dir: Path = Field(
        Path.home() / ".cache" / "qa" / "models",
        description="Cache folder for downloaded and verified models.",
    )
    encoder: Literal["torch", "onnx", "onnx-int8", "hashing"] = Field(
        "onnx-int8", description="Embedding backend: sentence-transformers on PyTorch, ONNX Runtime fp32 or int8 "
        "(made by `qa optimize-model`; int8, the default, keeps its vectors' mean cosine to fp32's above 0.99 and "
        "encodes faster), or `hashing`, a model-free stand-in of hashed character n-grams for fast tests "
        "and trials (its vectors carry no meaning beyond shared characters).")
    device: Literal["cpu", "cuda", "auto"] = Field(
        "auto", description="Where the encoder runs: `auto` takes a CUDA GPU when the encoder can use one (torch "
        "with CUDA, or the onnxruntime-gpu package) and the CPU otherwise; `cuda` fails clearly without one.")
    sentence_vectors: Literal["late", "separate"] = Field(
        "late", description="How sentences (the reader's and the summariser's units) get vectors: `late` pools "
        "their tokens from their passage's own forward pass (one model pass per passage), `separate` embeds each "
        "sentence again on its own (about three times the model's work; see README).")
    index_dir: Path = Field(Path("index/default"), description="Folder of the index to build or serve.")
    chunk_chars: int = Field(300, ge=50, description="Paragraphs longer than this are packed into sentence chunks.")
    batch_size: int = Field(8, ge=1, description="Encoding batch size.")
    write_lock_timeout: float = Field(600.0, ge=0, description="Seconds a write waits for another writer of the "
                                      "same index (a server's write job or a `qa add`) before giving up.")
    threads: int = Field(0, ge=0, description="Encoder threads; 0 keeps the library default (all cores).")
    query_cache_size: int = Field(1024, ge=0, description="Recent question vectors kept in memory.")
    query_batch_size: int = Field(32, ge=1, description="Most questions embedded in one encoder call: questions "
                                  "that arrive while the encoder is busy wait and go together in its next call.")
    query_batch_wait_ms: float = Field(0.0, ge=0, le=100, description="Milliseconds the encoder waits for more "
                                       "questions after the first before a call (0: none; a batch still forms "
                                       "from what queued during the previous call).")
    hashing_dimension: int = Field(256, ge=8, description="Vector dimension of the `hashing` stand-in encoder.")

    fusion: Literal["zscore", "score", "rrf"] = Field(
        "zscore", description="How dense and lexical rankings are fused: `zscore` sums each side's scores in standard "
        "deviations from its candidates' mean (a side whose best stands out counts more), `score` min-max "
        "normalises each side, `rrf` is reciprocal-rank fusion (see README).")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant.")
    fusion_dense_weight: float = Field(2.0, ge=0, description="Weight of the dense side's normalised scores in "
                                       "`zscore` and `score` fusion; the lexical side weighs 1 (see README).")
    candidates: int = Field(50, ge=1, description="Candidates taken from each index before fusion.")
    dense_sentence_share: float = Field(0.3, ge=0, le=1, description="Weight of a passage's best sentence in its "
                                        "dense score (the rest is the passage's own similarity); see README.")
    exact_below: int = Field(50_000, ge=1, description="Indexes with fewer passages use exact vector search, "
                             "larger ones IVF (see scripts/bench.py --scale).")
    target_recall: float = Field(0.98, gt=0, le=1, description="Recall@10 against exact search that IVF is tuned to.")

    backend: Literal["faiss", "milvus"] = Field(
        "faiss", description="Search engine behind the index: `faiss` (FAISS and bm25s in this process, built from "
        "the index database at load) or `milvus` (a Milvus collection: Milvus Lite embedded, or a server).")
    milvus_uri: str | None = Field(None, description="Milvus to use: a local path ending in `.db` runs Milvus Lite "
                                   "in this process; `http://host:19530` connects to a Milvus server or cluster. "
                                   "Unset: `milvus.db` inside the index folder.")
    milvus_token: SecretStr | None = Field(None, description="Milvus server credentials (`user:password` or an API "
                                           "key); never shown by /health.")
    milvus_collection: str | None = Field(None, description="Collection holding the passages; unset: `qa_` and the "
                                          "index folder's name.")
    milvus_index_type: Literal["auto", "FLAT", "IVF_FLAT", "HNSW"] = Field(
        "auto", description="Milvus vector index, chosen when the collection is created; `auto`: FLAT (exact) below "
        "exact_below passages, IVF_FLAT above (HNSW suits a server).")
    milvus_nprobe: int = Field(32, ge=1, description="IVF_FLAT cells searched per query (see scripts/bench.py).")
    milvus_hnsw_m: int = Field(16, ge=2, description="HNSW links per node.")
    milvus_hnsw_ef: int = Field(128, ge=1, description="HNSW search breadth (at least the candidates asked for).")
    milvus_lexical: Literal["jieba", "whitespace", "client"] = Field(
        "jieba", description="How the Milvus backend ranks words by BM25: `jieba`, Milvus's BM25 function over the "
        "folded text cut by its jieba analyser with this project's stopwords (Milvus Lite runs the same Python "
        "jieba); `whitespace`, Milvus's BM25 function over this project's own words (servers only: Milvus Lite "
        "lacks that tokenizer); `client`, BM25 weights computed here from this project's words, searched as sparse "
        "vectors (see README for how each compares).")
    milvus_batch: int = Field(512, ge=1, description="Passages sent to Milvus per insert.")

    top_k: int = Field(5, ge=1, description="Passages returned when a request does not say.")
    max_top_k: int = Field(50, ge=1, description="Most passages one request may ask for.")
    max_question_chars: int = Field(200, ge=1, description="Longest question accepted (413 above); real questions "
                                    "are under 100 characters and the encoder's time grows with length.")
    max_question_tokens: int = Field(256, ge=1, description="Most model tokens a question may hold (413 above), so "
                                     "characters that take several tokens each cannot make it dearer (see README).")
    max_summary_chars: int = Field(50_000, ge=1, description="Longest text /summarize accepts (413 above).")
    summary_sentences: int = Field(3, ge=1, description="Summary sentences when a request does not say.")
    max_summary_sentences: int = Field(20, ge=1, description="Most summary sentences one request may ask for.")
    summary_passages: int = Field(10, ge=1, le=50, description="Passages a question-focused summary draws on.")
    summary_embed_limit: int = Field(48, ge=1, description="A long /summarize text is narrowed to this many of its "
                                     "most central sentences (TF-IDF LexRank) before embedding.")
    summary_sentence_tokens: int = Field(64, ge=1, description="Each of those sentences is embedded from at most its "
                                         "first this many model tokens, so a text costs the encoder at most "
                                         "summary_embed_limit × this.")
    summary_candidates: int = Field(1000, ge=1, description="Most indexed sentences one summary scores with "
                                    "embedding LexRank (an n×n matrix); more are first narrowed like a long text.")

    allowed_hosts: Annotated[list[str], NoDecode] = Field(
        ["127.0.0.1", "localhost", "[::1]"], description="Host names (the Host header without its port) the server "
        "answers, against DNS rebinding; others get 400. `*` allows any (only behind a proxy that checks the host). "
        "QA_ALLOWED_HOSTS is comma-separated.")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        [], description="Browser origins allowed to call the API (CORS); none unless set. Comma-separated.")
    max_body_bytes: int = Field(1 << 20, ge=1, description="Largest request body (413 above, refused by its "
                                "Content-Length before it is read): a question or a text to summarise.")
    max_upload_bytes: int = Field(10 << 20, ge=1, description="Largest body of POST /documents and PUT "
                                  "/documents/{id} (413 above).")
    body_timeout: float = Field(15.0, gt=0, description="Seconds a client has to send its whole request body (408 "
                                "after), so slow clients cannot hold connections open.")
    keep_alive_timeout: int = Field(5, ge=1, description="Seconds an idle keep-alive connection stays open.")
    max_heavy_requests: int = Field(8, ge=1, description="Most /ask and /summarize requests in progress at once; "
                                    "more wait up to heavy_queue_seconds, then get 503 with Retry-After.")
    heavy_queue_seconds: float = Field(2.0, ge=0, description="Seconds a heavy request waits for a free slot (a "
                                       "bounded queue) before the 503 busy answer.")
    retry_after: int = Field(1, ge=0, description="Seconds a 503 busy answer tells the client to wait (Retry-After).")

    api_token: SecretStr | None = Field(None, description="Bearer token that write requests must carry; unset, "
                                        "every write endpoint answers 403.")
    max_document_chars: int = Field(1_000_000, ge=1, description="Longest document a write accepts (413 above).")
    jobs_kept: int = Field(1000, ge=1, description="Finished write jobs kept readable at /jobs/{id}.")
    reload_interval: float = Field(0.5, gt=0, description="Seconds between a server's checks for writes made by "
                                   "another process (`qa add`, `qa remove`).")

    answer_passages: int = Field(5, ge=1, description="Top passages whose sentences the reader scores.")
    answer_sentences: int = Field(4, ge=1, description="Best sentences the reader takes candidates from.")
    answer_further_passages: int = Field(10, ge=0, description="When those sentences give no candidate, the reader "
                                         "takes candidates from the next best answer_sentences sentences of this "
                                         "many top passages, retrieved whatever top_k a request asks for (0: off).")
    answer_ranker: Literal["learned", "hand"] = Field("hand", description="How answer candidates are ranked: "
                                                     "weights learned from public data (qa/data/ranker.json, made "
                                                     "by scripts/train_ranker.py) or the hand-set ReaderWeights.")
    answer_restate: int = Field(0, ge=0, le=8, description="The reader's best this many candidates are reordered "
                                "by how closely the question, restated with each in place of its interrogative, "
                                "matches the candidate's sentence: one more encoder call per question (0: off; "
                                "see README).")
    answer_threshold: float = Field(0.3, description="Answers scoring below this are declined (see README).")
    answer_threshold_learned: float = Field(-7.47, description="answer_threshold for QA_ANSWER_RANKER=learned, whose "
                                            "scores are log-odds (calibrated by scripts/calibrate_decline.py "
                                            "--score-only; see README).")
    answer_min_coverage: float = Field(0.61, ge=0, le=1, description="Share of the question's word weight the "
                                       "answer's sentence must hold, unless its similarity reaches answer_min_dense.")
    answer_min_dense: float = Field(0.6, description="Sentence-question embedding similarity that supports an "
                                    "answer without word overlap.")
    answer_min_dense_late: float = Field(0.49, description="answer_min_dense for an index whose sentence vectors are "
                                         "late-chunked (QA_SENTENCE_VECTORS=late): their similarities to a question "
                                         "run about 0.1 lower (calibrated with scripts/calibrate_decline.py).")
    answer_min_dense_english: float = Field(0.1, description="Similarity an English question's answer sentence "
                                            "needs (English shares no words with Chinese text).")

    @field_validator("allowed_hosts", "cors_origins", mode="before")
    @classmethod
    def split_commas(cls, value: object) -> object:
        """A comma-separated string (as in an environment variable) as a list."""
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings (read once)."""
    return Settings()


def configure_runtime(level: int = logging.WARNING) -> None:
    """What entry points (CLI, server, scripts, tests) apply once: offline model hub, quiet libraries, logging, and
    single-threaded BLAS: numpy's small products (the model's head, sentence scores) are faster on one thread, and
    BLAS threads spinning beside the encoder's own threads doubled a question's encoding time (99 → 49 ms)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # gRPC's C core logs to stderr on its own; with Milvus Lite it reports keep-alive pings its server throttles.
    os.environ.setdefault("GRPC_VERBOSITY", "NONE")
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    for name in ("bm25s", "jieba"):
        logging.getLogger(name).setLevel(logging.WARNING)
    # Milvus Lite's in-process server logs every call it lacks (AllocTimestamp, asked by query iterators, which
    # then fall back to a client-side timestamp) as an error with a stack trace, pymilvus the fallback as a warning.
    logging.getLogger("grpc._server").setLevel(logging.CRITICAL)
    logging.getLogger("pymilvus").setLevel(logging.ERROR)
    # A Milvus Lite file already open in another process is reported once, as BackendUnavailable.
    logging.getLogger("milvus_lite.server_manager").setLevel(logging.CRITICAL)
    import jieba
    import numpy  # noqa: F401 - its BLAS must be loaded for the limit below to reach it
    from threadpoolctl import threadpool_limits

    jieba.setLogLevel(logging.WARNING)
    threadpool_limits(limits=1, user_api="blas")
