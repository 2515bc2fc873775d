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
