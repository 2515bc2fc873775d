"""The Milvus backend: passage vectors and BM25 words in a Milvus collection (Milvus Lite embedded, or a server).

The index database stays the source of truth; the collection holds what is searched, and the process that loads the
database publishes each generation beside it (:mod:`qa.index.milvus_publish`) so that a replica started against the
same Milvus needs nothing on local disk (:mod:`qa.index.replica`). Its rows are keyed by content (model, encoder, the
document's digest and the passage id), so a new generation's rows are inserted beside the old generation's, and
the old generation's leftovers are deleted one refresh later. A search keeps only the rows of its own generation:
every request sees one generation, as with the embedded backend.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import numpy as np

from qa.config import Settings
from qa.errors import BackendUnavailable, IndexMissing
from qa.index.backend import Ranking
from qa.index.dense import ivf_cells
from qa.index.lexical import BM25_B, BM25_K1, bm25_idf, searched_text
from qa.index.milvus_publish import Publication, publish, records_collection
from qa.index.milvus_records import MAX_TEXT_BYTES, RecordStore
from qa.index.turnover import Turnover
from qa.schema import Passage
from qa.text.normalize import fold
from qa.text.tokenize import stopwords, tokenize

if TYPE_CHECKING:
    from qa.index.snapshot import Rows

EMPTY: Ranking = (np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64))
MAX_LIMIT = 16_384
"""Most hits one Milvus search returns."""
LEXICAL = {"jieba": "milvus-bm25 (jieba analyzer)", "whitespace": "milvus-bm25 (this project's words)",
           "client": "client-side bm25 sparse vectors (this project's words)"}
SERVER_SCHEMES = ("http", "https", "tcp", "grpc", "unix")


def is_server(uri: str) -> bool:
    """Whether ``uri`` names a Milvus server (else it is a Milvus Lite file)."""
    return urlsplit(uri).scheme in SERVER_SCHEMES


@lru_cache(maxsize=8)
def connect(uri: str, token: str) -> object:
    """One client per Milvus and credentials, shared by every generation of every index in this process.

    Raises:
        BackendUnavailable: the server did not answer, or the Milvus Lite file is open in another process.
    """
    from pymilvus import MilvusClient
    from pymilvus.exceptions import MilvusException

    try:
        return MilvusClient(uri=uri, token=token)
    except MilvusException as error:
        hint = "" if is_server(uri) else " (a Milvus Lite file serves one process at a time: stop the other one, " \
            "or use a Milvus server)"
        raise BackendUnavailable(f"cannot open Milvus at {server_name(uri)}: {error.message}{hint}") from None


def opened(settings: Settings, folder: Path) -> tuple[str, object, str]:
    """The configured Milvus's location, a client for it, and the collection's name."""
    uri = milvus_uri(settings, folder)
    return uri, connect(uri, settings.milvus_token.get_secret_value() if settings.milvus_token else ""), \
        collection_name(settings, folder)


def milvus_uri(settings: Settings, folder: Path) -> str:
    """The configured Milvus, or a Milvus Lite file inside the index folder."""
    return settings.milvus_uri or str(Path(folder) / "milvus.db")


def collection_name(settings: Settings, folder: Path) -> str:
    """The configured collection, or ``qa_`` and the index folder's name (letters, digits and ``_`` only)."""
    return settings.milvus_collection or "qa_" + re.sub(r"[^0-9A-Za-z_]", "_", Path(folder).name)


def server_name(uri: str) -> str:
    """What /health shows of the Milvus in use: ``lite``, or the server's host and port (never credentials)."""
    if not is_server(uri):
        return "lite"
    parts = urlsplit(uri)
    return f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)


def passage_keys(meta: dict, passages: list[Passage], digests: dict[str, str]) -> list[str]:
    """Each passage's row key: what its vector and words depend on (model, encoder, document digest, passage)."""
    prefix = f"{meta['model']}\x1f{meta['encoder']}\x1f"
    return [hashlib.sha256(f"{prefix}{digests[p.doc_id]}\x1f{p.id}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
            for p in passages]


def word_id(word: str) -> int:
    """A word's dimension in a sparse vector (Milvus allows 0 to 2³²−2)."""
    return zlib.crc32(word.encode("utf-8", "surrogatepass")) % 0xFFFFFFFF


def clipped(text: str) -> str:
    """``text`` cut to what a VARCHAR holds."""
    data = text.encode("utf-8", "surrogatepass")
    return text if len(data) <= MAX_TEXT_BYTES else data[:MAX_TEXT_BYTES].decode("utf-8", "ignore")


class MilvusBackend:
    """Dense and BM25 search in one Milvus collection, seen through one generation's passage rows.

    Args:
        client: a ``pymilvus.MilvusClient``.
        collection: the collection name.
        keys: row key of each passage, in passage-row order.
        lingering: keys of the previous generation that this one no longer holds (deleted at the next refresh).
        others: rows of other generations the collection may hold (searches ask for that many more hits).
        frequencies: how many passages hold each word.
        settings: search parameters and the lexical mode.
        info: what the manifest and /health show.
        publication: what this process published for the generation, or ``None`` for a replica.
    """

    def __init__(self, client, collection: str, keys: list[str], lingering: frozenset[str], others: int,
                 frequencies: Counter, settings: Settings, info: dict, publication: Publication | None) -> None:
        self.client = client
        self.collection = collection
        self.keys = keys
        self.lingering = lingering
        self.others = others
        self.frequencies = frequencies
        self.settings = settings
        self.info = info
        self.publication = publication
        self.rows = {key: row for row, key in enumerate(keys)}

    @classmethod
    def synced(cls, settings: Settings, folder: Path, meta: dict, rows: "Rows", tokens: list[list[str]],
               previous: "MilvusBackend | None") -> "MilvusBackend":
        """The backend of one generation, after making the collection hold its rows and publishing it for replicas
        (:mod:`qa.index.milvus_publish`).

        Args:
            settings: Milvus location, index type and lexical mode.
            folder: the index folder (names the default collection and Milvus Lite file).
            meta: the index's meta (model, encoder, dimension, generation).
            rows: the generation's documents, passages (in row order), vectors and sentences.
            tokens: each passage's search words.
            previous: the backend of the generation this process served before, whose rows stay searchable for
                its requests until the next refresh.
        """
        uri, client, name = opened(settings, folder)
        passages = rows.passages
        created = ensure_collection(client, name, int(meta["dimension"]), len(passages), settings)
        keys = passage_keys(meta, passages, rows.digests)
        same = previous is not None and previous.collection == name and previous.publication is not None
        turnover = Turnover.of(set(keys), (frozenset(previous.keys), previous.lingering) if same and not created
                               else None, lambda: set() if created else stored_keys(client, name, settings.milvus_batch))
        lengths = [len(words) for words in tokens]
        average = float(np.mean(lengths)) if lengths else 1.0
        new = [row for row, key in enumerate(keys) if key not in turnover.existing]
        write = client.insert if created else client.upsert
        for start in range(0, len(new), settings.milvus_batch):
            write(name, [row_record(keys[r], passages[r], rows.vectors[r], tokens[r], average, settings)
                         for r in new[start:start + settings.milvus_batch]])
        stale = turnover.stale
        for start in range(0, len(stale), settings.milvus_batch):
            client.delete(name, ids=stale[start:start + settings.milvus_batch])
        if new or stale:
            # Seals the written rows: Milvus Lite rebuilds the search structures of unsealed rows on every search.
            client.flush(name)
        store = RecordStore.ensure(client, records_collection(name))
        publication = publish(store, meta, rows, settings.milvus_lexical, previous.publication if same else None,
                              settings.milvus_batch)
        return cls(client, name, keys, turnover.lingering, len(turnover.lingering), word_frequencies(tokens), settings,
                   backend_info(client, uri, name, settings), publication)

    @classmethod
    def attached(cls, settings: Settings, folder: Path, meta: dict, rows: "Rows",
                 tokens: list[list[str]]) -> "MilvusBackend":
        """The backend of a replica: searches the collection as published, writes nothing.

        Raises:
            IndexMissing: the collection is gone.
        """
        uri, client, name = opened(settings, folder)
        if not client.has_collection(name):
            raise IndexMissing(f"Milvus at {server_name(uri)} has no collection {name}: build the index with "
                               f"`qa build --backend milvus`")
        client.load_collection(name)
        keys = passage_keys(meta, rows.passages, rows.digests)
        others = max(0, int(client.get_collection_stats(name)["row_count"]) - len(keys))
        info = backend_info(client, uri, name, settings) | {"replica": True}
        return cls(client, name, keys, frozenset(), others, word_frequencies(tokens), settings, info, None)

    def __len__(self) -> int:
        return len(self.keys)

    @contextmanager
    def _answering(self) -> Iterator[None]:
        """Report a search that Milvus failed (a server gone, a timeout) as the engine being unavailable (503)."""
        from pymilvus.exceptions import MilvusException

        try:
            yield
        except MilvusException as error:
            raise BackendUnavailable(f"Milvus at {self.info['milvus']['server']} failed a search: "
                                     f"{error.message}") from None

    def search_dense(self, vector: np.ndarray, k: int) -> Ranking:
        if not self.keys or k <= 0:
            return EMPTY
        limit = self._limit(k)
        with self._answering():
            hits = self.client.search(self.collection, data=[np.asarray(vector, dtype=np.float32).tolist()],
                                      anns_field="dense", limit=limit, output_fields=["pk"],
                                      search_params={"metric_type": "IP", "params": self._dense_params(limit)})
        return self._ranking(hits[0], k, lexical=False)

    def search_lexical(self, query: str, k: int) -> Ranking:
        request = self._lexical_query(query)
        if request is None or k <= 0:
            return EMPTY
        data, metric = request
        with self._answering():
            hits = self.client.search(self.collection, data=data, anns_field="sparse", limit=self._limit(k),
                                      output_fields=["pk"], search_params={"metric_type": metric})
        return self._ranking(hits[0], k, lexical=True)

    def search_hybrid(self, vector: np.ndarray, query: str, k: int, rrf_k: int) -> Ranking:
        """Milvus's own hybrid search: both searches fused server-side by reciprocal rank (scores are RRF's). The
        retriever fuses the two rankings itself instead; ``scripts/bench.py --backends`` compares the two."""
        from pymilvus import AnnSearchRequest, RRFRanker

        request = self._lexical_query(query)
        if request is None or k <= 0:
            return self.search_dense(vector, k)
        limit = self._limit(k)
        data, metric = request
        requests = [AnnSearchRequest([np.asarray(vector, dtype=np.float32).tolist()], "dense",
                                     {"metric_type": "IP", "params": self._dense_params(limit)}, limit),
                    AnnSearchRequest(data, "sparse", {"metric_type": metric}, limit)]
        with self._answering():
            hits = self.client.hybrid_search(self.collection, requests, RRFRanker(rrf_k), limit=limit,
                                             output_fields=["pk"])
        return self._ranking(hits[0], k, lexical=False)

    def _lexical_query(self, query: str) -> tuple[list, str] | None:
        """What a BM25 search sends (the query as text or as weights, and the metric), or ``None`` when no passage
        holds a word of it."""
        words = [word for word in tokenize(query) if word in self.frequencies]
        if not self.keys or not words:
            return None
        mode = self.settings.milvus_lexical
        if mode == "client":
            counts = Counter(words)
            return [{word_id(word): self.idf(word) * count for word, count in counts.items()}], "IP"
        return [" ".join(words) if mode == "whitespace" else fold(query)], "BM25"

    def idf(self, word: str) -> float:
        return bm25_idf(len(self.keys), self.frequencies.get(word, 0))

    def _limit(self, k: int) -> int:
        """Hits to ask for: ``k`` and room for other generations' rows, which this one drops."""
        return min(MAX_LIMIT, k + self.others)

    def _dense_params(self, limit: int) -> dict:
        kind = self.info["dense_index"]["type"]
        if kind == "IVF_FLAT":
            return {"nprobe": self.settings.milvus_nprobe}
        if kind == "HNSW":
            return {"ef": max(self.settings.milvus_hnsw_ef, limit)}
        return {}

    def _ranking(self, hits, k: int, lexical: bool) -> Ranking:
        """This generation's rows among ``hits``, best first; lexical hits only where a word is shared (Milvus Lite
        reports a sparse score negated, as a distance, a server the score itself: a BM25 score is never negative)."""
        found = [(abs(hit["distance"]) if lexical else hit["distance"], self.rows[hit.id]) for hit in hits
                 if hit.id in self.rows]
        found = [(value, row) for value, row in found if value > 0 or not lexical][:k]
        if not found:
            return EMPTY
        values, rows = zip(*found)
        return np.array(values, dtype=np.float32), np.array(rows, dtype=np.int64)


def word_frequencies(tokens: list[list[str]]) -> Counter:
    """How many passages hold each word."""
    return Counter(word for words in tokens for word in set(words) if word)


def backend_info(client, uri: str, name: str, settings: Settings) -> dict:
    """What the manifest and /health show of the backend."""
    return {"backend": "milvus", "milvus": {"server": server_name(uri), "collection": name},
            "dense_index": dense_index_info(client, name, settings), "lexical": LEXICAL[settings.milvus_lexical]}


def row_record(key: str, passage: Passage, vector: np.ndarray, words: list[str], average_length: float,
               settings: Settings) -> dict:
    """One passage as a collection row: its key, vector, and the words BM25 searches (as text for Milvus to
    analyse, or as BM25 weights computed here)."""
    record = {"pk": key, "dense": np.asarray(vector, dtype=np.float32).tolist()}
    mode = settings.milvus_lexical
    if mode == "client":
        counts = Counter(word for word in words if word)
        norm = BM25_K1 * (1 - BM25_B + BM25_B * len(words) / average_length)
        record["sparse"] = {word_id(word): count / (norm + count) for word, count in counts.items()}
    elif mode == "whitespace":
        record["text"] = clipped(" ".join(w for w in words if w))
    else:
        record["text"] = clipped(fold(searched_text(passage.title, passage.text)))
    return record


def layout(dimension: int, lexical: str) -> str:
    """What a collection's rows must agree on: the vector dimension and how words are ranked."""
    return f"{dimension}-dimensional vectors, words by {lexical}"


def stored_layout(described: dict) -> str:
    """The layout of an existing collection, read from its schema (Milvus Lite keeps no description)."""
    fields = {field["name"]: field for field in described["fields"]}
    dimension = int(fields["dense"]["params"]["dim"])
    if "text" not in fields:
        return layout(dimension, "client")
    analyzer = fields["text"]["params"].get("analyzer_params", {})
    analyzer = json.loads(analyzer) if isinstance(analyzer, str) else analyzer
    return layout(dimension, str(analyzer.get("tokenizer")))


def ensure_collection(client, name: str, dimension: int, passages: int, settings: Settings) -> bool:
    """Make ``name`` exist with this layout and be loaded; a collection of another layout is dropped and made
    anew (the index database holds everything it held).

    Returns:
        Whether the collection was made empty now.
    """
    if client.has_collection(name):
        if stored_layout(client.describe_collection(name)) == layout(dimension, settings.milvus_lexical):
            client.load_collection(name)
            return False
        client.drop_collection(name)
    from pymilvus import DataType, Function, FunctionType

    schema = client.create_schema(auto_id=False)
    schema.add_field("pk", DataType.VARCHAR, is_primary=True, max_length=32)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dimension)
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    index = client.prepare_index_params()
    index.add_index("dense", metric_type="IP", **dense_index_params(passages, settings))
    if settings.milvus_lexical == "client":
        index.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
    else:
        stop = sorted(stopwords_of(settings))
        tokenizer = "jieba" if settings.milvus_lexical == "jieba" else "whitespace"
        schema.add_field("text", DataType.VARCHAR, max_length=MAX_TEXT_BYTES, enable_analyzer=True,
                         analyzer_params={"tokenizer": tokenizer, "filter": [{"type": "stop", "stop_words": stop}]})
        schema.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["text"],
                                     output_field_names=["sparse"]))
        index.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25",
                        params={"bm25_k1": BM25_K1, "bm25_b": BM25_B})
    client.create_collection(name, schema=schema, index_params=index, consistency_level="Strong")
    return True


def stopwords_of(settings: Settings) -> frozenset[str]:
    """The stopwords Milvus's analyser drops: this project's list (the whitespace mode's words have none left)."""
    return stopwords() if settings.milvus_lexical == "jieba" else frozenset()


def dense_index_params(passages: int, settings: Settings) -> dict:
    """The vector index a new collection gets: the configured type, or exact below ``exact_below`` passages and
    IVF above."""
    kind = settings.milvus_index_type
    if kind == "auto":
        kind = "FLAT" if passages < settings.exact_below else "IVF_FLAT"
    if kind == "IVF_FLAT":
        return {"index_type": kind, "params": {"nlist": ivf_cells(passages)}}
    if kind == "HNSW":
        return {"index_type": kind, "params": {"M": settings.milvus_hnsw_m, "efConstruction": settings.milvus_hnsw_ef}}
    return {"index_type": kind}


def dense_index_info(client, name: str, settings: Settings) -> dict:
    """The collection's vector index as built (with its build parameters where the server reports them: Milvus
    Lite does not), and the search parameter this process uses."""
    described = client.describe_index(name, "dense")
    kind = described.get("index_type", "FLAT")
    built = {"IVF_FLAT": ["nlist"], "HNSW": ["M"]}.get(kind, [])
    info = {"type": kind} | {name: int(described[name]) for name in built if name in described}
    if kind == "IVF_FLAT":
        info["nprobe"] = settings.milvus_nprobe
    elif kind == "HNSW":
        info["ef"] = settings.milvus_hnsw_ef
    return info


def stored_keys(client, name: str, batch: int) -> set[str]:
    """Every row key in the collection."""
    keys: set[str] = set()
    iterator = client.query_iterator(name, batch_size=batch, output_fields=["pk"])
    try:
        while rows := iterator.next():
            keys.update(row["pk"] for row in rows)
    finally:
        iterator.close()
    return keys
