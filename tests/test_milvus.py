"""The Milvus backend on Milvus Lite (a file in the test's folder, no network): the same searches as the embedded
backend, one generation per request across writes, a second service over the same collection, what /health shows."""

from __future__ import annotations

import numpy as np
import pytest
from pydantic import SecretStr

from conftest import DATA, SEEDS, build_seed_index
from qa.index.milvus_backend import collection_name, passage_keys, server_name

BRIDGE = (DATA / "live" / "bridge.txt").read_text(encoding="utf-8")
QUESTIONS = ["城南街道什么时候召开疫情防控会议", "多少党员志愿者", "莱茵春天小区", "党工委书记是谁", "物资"]


@pytest.fixture
def seeded(tmp_path, fast_settings, fast_embedder):
    """A seed index (SQLite only) and settings for both backends over it."""
    index = build_seed_index(tmp_path / "index", fast_settings, fast_embedder)
    return index, fast_settings, fast_settings.model_copy(update={"backend": "milvus"})


def rankings(index, embedder, question: str, k: int = 10) -> tuple[list[int], list[int], np.ndarray]:
    vector = embedder.encode_queries([question])[0]
    dense = index.backend.search_dense(vector, k)
    lexical = index.backend.search_lexical(question, k)
    return dense[1].tolist(), lexical[1].tolist(), lexical[0]


def test_client_side_bm25_and_exact_vectors_rank_as_faiss_and_bm25s(seeded, fast_embedder):
    from qa.index import load_index

    folder, faiss_settings, milvus_settings = seeded
    faiss = load_index(folder, faiss_settings)
    milvus = load_index(folder, milvus_settings.model_copy(update={"milvus_lexical": "client"}))
    assert milvus.manifest["dense_index"] == {"type": "FLAT"} and milvus.manifest["lexical"].startswith("client")
    for question in QUESTIONS:
        dense, lexical, scores = rankings(milvus, fast_embedder, question)
        expected_dense, expected_lexical, expected_scores = rankings(faiss, fast_embedder, question)
        assert dense[:5] == expected_dense[:5] and lexical == expected_lexical
        assert np.allclose(scores, expected_scores, rtol=1e-4)
    assert [milvus.backend.idf(w) for w in ("党员", "无此词")] == [faiss.backend.idf(w) for w in ("党员", "无此词")]


def test_milvus_bm25_with_jieba_finds_the_same_best_passages(seeded):
    from qa.index import load_index

    folder, faiss_settings, milvus_settings = seeded
    faiss, milvus = load_index(folder, faiss_settings), load_index(folder, milvus_settings)
    assert milvus.manifest["lexical"] == "milvus-bm25 (jieba analyzer)"
    for question in QUESTIONS:
        assert milvus.backend.search_lexical(question, 3)[1][0] == faiss.backend.search_lexical(question, 3)[1][0]
    assert len(milvus.backend.search_lexical("的了", 5)[1]) == 0


def test_an_old_generation_keeps_its_own_rows_until_the_next_refresh(seeded, fast_embedder):
    from qa.index import IndexWriter, load_index, refresh_index
    from qa.ingest import document_from_record, read_corpus

    folder, _, settings = seeded
    old = load_index(folder, settings)
    first, second = read_corpus([SEEDS])
    writer = IndexWriter(folder, fast_embedder, settings)
    writer.write([document_from_record({"id": "bridge", "text": BRIDGE})], [first.id])
    new = refresh_index(old, settings)
    client, name = new.backend.client, new.backend.collection

    def rows() -> int:
        return client.get_collection_stats(name)["row_count"]

    bridge = len(new.document_rows("bridge"))
    assert rows() == len(old.passages) + bridge
    for question in ("星河大桥全长多少米", "城南街道什么时候召开疫情防控会议"):
        for index in (old, new):
            dense, lexical, _ = rankings(index, fast_embedder, question)
            assert dense and all(r < len(index.passages) for r in dense + lexical)
        assert all(old.passages[r].doc_id != "bridge" for r in sum(rankings(old, fast_embedder, question)[:2], []))
        assert all(new.passages[r].doc_id != first.id for r in sum(rankings(new, fast_embedder, question)[:2], []))
    assert new.passages[rankings(new, fast_embedder, "星河大桥")[1][0]].doc_id == "bridge"

    writer.write([], ["bridge"])
    newest = refresh_index(new, settings)
    assert rows() == len(newest.passages) + bridge and refresh_index(newest, settings) is newest
    writer.write([first], [])
    latest = refresh_index(newest, settings)
    assert rows() == len(latest.passages) == len(old.passages)
    whole = load_index(folder, settings)
    for question in QUESTIONS:
        assert rankings(latest, fast_embedder, question)[:2] == rankings(whole, fast_embedder, question)[:2]


def test_a_second_service_over_the_same_collection_answers_the_same_and_writes_nothing(seeded, fast_embedder):
    from qa.service import QAService

    folder, _, settings = seeded
    first = QAService(settings, folder, fast_embedder)
    client, name = first.index.backend.client, first.index.backend.collection
    rows = client.get_collection_stats(name)["row_count"]
    second = QAService(settings, folder, fast_embedder)
    assert client.get_collection_stats(name)["row_count"] == rows == len(second.index.passages)
    for question in QUESTIONS:
        answers = [service.ask(question) for service in (first, second)]
        assert answers[0].answer == answers[1].answer
        assert [h.passage.id for h in answers[0].hits] == [h.passage.id for h in answers[1].hits]


def test_another_layout_makes_the_collection_anew(seeded, fast_embedder):
    from qa.index import load_index

    folder, _, settings = seeded
    jieba = load_index(folder, settings)
    client = load_index(folder, settings.model_copy(update={"milvus_lexical": "client"}))
    assert client.backend.collection == jieba.backend.collection
    assert client.backend.client.get_collection_stats(client.backend.collection)["row_count"] == len(client.passages)
    assert len(client.backend.search_lexical("党员志愿者", 5)[1]) == 5


def test_vector_index_follows_the_size_and_the_setting(seeded, fast_embedder):
    from qa.index import load_index

    folder, _, settings = seeded
    for update, expected in (({"exact_below": 10, "milvus_collection": "ivf"}, "IVF_FLAT"),
                             ({"milvus_index_type": "HNSW", "milvus_collection": "hnsw"}, "HNSW")):
        index = load_index(folder, settings.model_copy(update=update))
        assert index.manifest["dense_index"]["type"] == expected
        assert index.manifest["milvus"]["collection"] == update["milvus_collection"]
        vector = fast_embedder.encode_queries(["多少党员志愿者"])[0]
        assert len(index.backend.search_dense(vector, 5)[1]) == 5


def test_health_names_the_backend_and_collection_never_the_token(seeded, fast_embedder):
    from qa.service import QAService

    folder, _, settings = seeded
    settings = settings.model_copy(update={"milvus_token": SecretStr("root:Milvus-s3cret")})
    health = QAService(settings, folder, fast_embedder).health()
    assert health.manifest["backend"] == "milvus"
    assert health.manifest["milvus"] == {"server": "lite", "collection": "qa_index"}
    assert "s3cret" not in str(health)
    assert server_name("http://root:Milvus-s3cret@milvus.example:19530") == "milvus.example:19530"
    assert server_name(str(folder / "milvus.db")) == "lite"
    assert collection_name(settings, folder.parent / "news-2024.v2") == "qa_news_2024_v2"


def test_row_keys_change_with_the_content_and_the_model(seeded):
    from qa.index import load_index

    folder, settings, _ = seeded
    index = load_index(folder, settings)
    keys = passage_keys(index.manifest, index.passages, index.digests)
    assert len(set(keys)) == len(keys)
    other_model = passage_keys(index.manifest | {"model": "other"}, index.passages, index.digests)
    changed = passage_keys(index.manifest, index.passages, {d: digest[::-1] for d, digest in index.digests.items()})
    assert not set(keys) & set(other_model) and not set(keys) & set(changed)


def test_an_unreachable_server_is_one_clear_error(seeded):
    from qa.errors import BackendUnavailable
    from qa.index import load_index

    folder, _, settings = seeded
    with pytest.raises(BackendUnavailable, match="127.0.0.1:9"):
        load_index(folder, settings.model_copy(update={"milvus_uri": "http://127.0.0.1:9"}))


def test_a_search_that_milvus_fails_is_a_503_naming_the_engine(seeded, fast_embedder, fast_settings):
    from pymilvus.exceptions import MilvusException

    from conftest import app_client
    from qa.service import QAService

    folder, _, settings = seeded
    service = QAService(settings, folder, fast_embedder)

    def gone(*args, **kwargs):
        raise MilvusException(message="server closed the connection")

    service.index.backend.client.search = gone
    for client in app_client(settings, service):
        response = client.post("/ask", json={"question": "多少党员志愿者"})
    assert response.status_code == 503
    assert response.json()["detail"] == "Milvus at lite failed a search: server closed the connection"


@pytest.fixture
def published(tmp_path, seeded, fast_embedder):
    """A primary service over the seed index publishing to a Milvus Lite file outside its folder, and the settings
    a replica uses (the same Milvus and collection, another folder that does not exist)."""
    from qa.service import QAService

    folder, _, settings = seeded
    settings = settings.model_copy(update={"milvus_uri": str(tmp_path / "shared.db"), "milvus_collection": "news"})
    return QAService(settings, folder, fast_embedder), settings, tmp_path / "replica"


def same_answers(first, second, questions=QUESTIONS) -> None:
    for question in questions:
        answers = [service.ask(question) for service in (first, second)]
        assert answers[0].answer == answers[1].answer
        assert [(h.passage, h.score) for h in answers[0].hits] == [(h.passage, h.score) for h in answers[1].hits]
        assert answers[0].highlights == answers[1].highlights


def test_a_replica_with_nothing_on_local_disk_answers_the_same(published, fast_embedder):
    from conftest import app_client
    from qa.errors import ReadOnlyReplica
    from qa.schema import Document
    from qa.service import QAService

    primary, settings, empty = published
    settings = settings.model_copy(update={"api_token": SecretStr("t")})
    replica = QAService(settings, empty, fast_embedder)
    assert replica.index.replica and not empty.exists()
    assert replica.index.manifest["replica"] is True and replica.index.generation == primary.index.generation
    same_answers(primary, replica)
    assert [d.document for d in replica.documents()] == [d.document for d in primary.documents()]
    for doc_id in primary.index.documents:
        assert replica.summarize(doc_id=doc_id) == primary.summarize(doc_id=doc_id)
    assert replica.summarize(question="疫情防控") == primary.summarize(question="疫情防控")
    assert (replica.index.sentences.vectors == primary.index.sentences.vectors).all()
    with pytest.raises(ReadOnlyReplica, match="replica of Milvus collection news"):
        replica.add_documents([Document(id="bridge", title="星河大桥", text=BRIDGE)])
    for client in app_client(settings, replica):
        response = client.delete(f"/documents/{next(iter(primary.index.documents))}",
                                 headers={"Authorization": "Bearer t"})
        assert response.status_code == 409 and response.json()["error"] == "read-only replica"
        assert client.get("/health").json()["manifest"]["milvus"] == {"server": "lite", "collection": "news"}
    assert not empty.exists()


def test_a_replica_follows_writes_reading_only_what_changed(published, fast_embedder):
    from qa.index.milvus_publish import records_collection
    from qa.ingest import document_from_record, read_corpus
    from qa.service import QAService

    primary, settings, empty = published
    replica = QAService(settings, empty, fast_embedder)
    first, second = read_corpus([SEEDS])
    primary.writer.write([document_from_record({"id": "bridge", "text": BRIDGE})], [first.id])
    assert replica.refresh() is False
    primary.refresh()
    kept = replica.index.documents[second.id]
    assert replica.refresh() is True and replica.index.generation == primary.index.generation
    assert replica.index.documents[second.id] is kept and first.id not in replica.index.documents
    same_answers(primary, replica, QUESTIONS + ["星河大桥全长多少米"])
    assert replica.ask("星河大桥全长多少米").hits[0].passage.doc_id == "bridge"
    store = primary.index.backend.client
    for _ in range(2):
        primary.writer.write([first], ["bridge"])
        primary.refresh()
        primary.writer.write([document_from_record({"id": "bridge", "text": BRIDGE})], [])
        primary.refresh()
    replica.refresh()
    same_answers(primary, replica, QUESTIONS + ["星河大桥全长多少米"])
    records = store.query(records_collection("news"), filter='part == 0', output_fields=["record"], limit=1000)
    generations = sorted(r["record"] for r in records if r["record"].startswith("generation:"))
    assert generations == [f"generation:{primary.index.generation - 1}", f"generation:{primary.index.generation}"]
    documents = {r["record"] for r in records if r["record"].startswith("document:")}
    assert len(documents) <= 2 * len(primary.index.documents)


def test_a_replica_with_nothing_published_says_how_to_build(tmp_path, fast_settings, fast_embedder):
    from qa.errors import IndexMissing
    from qa.service import QAService

    settings = fast_settings.model_copy(update={"backend": "milvus", "milvus_uri": str(tmp_path / "empty.db")})
    with pytest.raises(IndexMissing, match="none published in collection qa_replica .*`qa build --backend milvus"):
        QAService(settings, tmp_path / "replica", fast_embedder)


@pytest.mark.parametrize("scan_above", [0, 4_096], ids=["one pass", "by key"])
def test_records_of_any_size_read_back_whole_or_not_at_all(tmp_path, monkeypatch, scan_above):
    from qa.index import milvus_records
    from qa.index.milvus_backend import connect
    from qa.index.milvus_records import MAX_TEXT_BYTES, RecordStore

    monkeypatch.setattr(milvus_records, "SCAN_ABOVE", scan_above)

    store = RecordStore.ensure(connect(str(tmp_path / "records.db"), ""), "records")
    big = np.random.default_rng(0).bytes(3 * MAX_TEXT_BYTES)
    store.put("document", {"big": big, "small": b"{}", "empty": b""}, batch=2)
    assert store.get(["big", "small", "empty", "absent"]) == {"big": big, "small": b"{}", "empty": b""}
    assert store.names("document") == {"big", "small", "empty"}
    store.client.delete("records", ids=["big#1"])
    assert store.get(["big", "small"]) == {"small": b"{}"}
    store.delete(["big", "small"])
    assert store.names("document") == {"empty"}


@pytest.mark.slow
def test_a_replica_server_on_the_real_model_answers_as_the_primary(tmp_path):
    """`qa build --backend milvus`, then `qa serve` over the built index and, in turn (a Milvus Lite file serves one
    process at a time), `qa serve` over a folder that does not exist, against the same Milvus."""
    import os
    import subprocess
    import sys

    import httpx

    from conftest import ROOT
    from live_server import running_server

    env = {"QA_BACKEND": "milvus", "QA_MILVUS_URI": str(tmp_path / "shared.db"), "QA_MILVUS_COLLECTION": "news",
           "QA_API_TOKEN": "t", "HF_HUB_OFFLINE": "1"}
    built = subprocess.run([sys.executable, "-m", "qa.cli", "build", "--corpus", str(SEEDS), "--index",
                            str(tmp_path / "primary")], cwd=ROOT, capture_output=True, text=True, timeout=900,
                           env=os.environ | env)
    assert built.returncode == 0, built.stderr

    def answers(url: str) -> list:
        with httpx.Client(base_url=url, timeout=120) as http:
            documents = [d["id"] for d in http.get("/documents").json()["documents"]]
            replies = [http.post("/ask", json={"question": q}).json() for q in QUESTIONS] \
                + [http.get(f"/documents/{d}").json() for d in documents] \
                + [http.post("/summarize", json={"doc_id": d}).json() for d in documents]
        return [{key: value for key, value in reply.items() if key not in ("took_ms", "timings")} for reply in replies]

    with running_server(tmp_path / "primary", env) as url:
        expected = answers(url)
    with running_server(tmp_path / "replica", env) as url:
        assert answers(url) == expected
        health = httpx.get(f"{url}/health").json()
        assert health["manifest"]["replica"] is True and health["model"] == "google/embeddinggemma-300m"
        refused = httpx.delete(f"{url}/documents/{expected[len(QUESTIONS)]['id']}", headers={"Authorization": "Bearer t"})
        assert refused.status_code == 409 and "replica of Milvus collection news" in refused.json()["detail"]
    assert expected[1]["answer"]["text"] == "400多名" and not (tmp_path / "replica").exists()
