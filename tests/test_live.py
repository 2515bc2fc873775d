"""The live corpus on the fast tier: writes through a real socket, auth, bad input, the CLI beside a server,
restarts, and what a write embeds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import httpx
import pytest
from pydantic import SecretStr

from conftest import DATA, ROOT, SEEDS, build_seed_index, serve, warm_service
from live_server import ServerProcess

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LIVE = DATA / "live"
BRIDGE = (LIVE / "bridge.txt").read_text(encoding="utf-8")


BACKENDS = ["faiss", "milvus"]


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """Each search backend in turn: FAISS with bm25s, and Milvus Lite on a file in the test's index folder."""
    return request.param


@pytest.fixture
def writable(tmp_path, fast_settings, fast_embedder, backend):
    """A fresh seed index, its service with writes enabled, and a live server over it."""
    settings = fast_settings.model_copy(update={"api_token": SecretStr(TOKEN), "backend": backend})
    index = build_seed_index(tmp_path / "index", settings, fast_embedder)
    service = warm_service(settings, index, fast_embedder)
    from qa.api import create_app

    server = serve(create_app(settings, service=service))
    url = next(server)
    with httpx.Client(base_url=url, timeout=60) as http:
        yield http, service, index
    next(server, None)


def generation(http: httpx.Client) -> int:
    return http.get("/health").json()["manifest"]["generation"]


def top(http: httpx.Client, question: str) -> dict:
    return http.post("/ask", json={"question": question, "mode": "lexical"}).json()["passages"][0]


def test_add_ask_replace_delete(writable):
    http, _, _ = writable
    added = http.post("/documents?wait=true", json={"documents": [{"id": "bridge", "text": BRIDGE}]}, headers=AUTH)
    assert added.status_code == 201, added.text
    job = added.json()["job"]
    assert job["state"] == "done" and job["documents"] == ["bridge"] and job["passages_done"] == job["passages_total"]
    passage = top(http, "星河大桥全长多少米")
    assert passage["source"]["doc_id"] == "bridge" and "1280米" in passage["text"]
    document = http.get("/documents/bridge").json()
    assert document["title"] == "星河大桥正式通车" and document["reporters"] == ["林海"]
    assert document["text"][passage["source"]["start"]:passage["source"]["end"]] == passage["text"]
    assert document["summary"] and document["keywords"]

    replaced = http.put("/documents/bridge", json={"text": BRIDGE.replace("1280米", "1500米")}, headers=AUTH)
    assert replaced.status_code == 200 and replaced.json()["job"]["state"] == "done"
    passage = top(http, "星河大桥全长多少米")
    assert "1500米" in passage["text"] and "1280米" not in http.get("/documents/bridge").json()["text"]

    deleted = http.delete("/documents/bridge", headers=AUTH)
    assert deleted.status_code == 200 and deleted.json()["job"]["state"] == "done"
    assert http.get("/documents/bridge").status_code == 404
    for question in ("星河大桥全长多少米", "星河大桥"):
        assert all(p["source"]["doc_id"] != "bridge" for p in http.post("/ask", json={"question": question}).json()[
            "passages"])
    assert http.delete("/documents/bridge", headers=AUTH).status_code == 404
    assert http.put("/documents/bridge", json={"text": BRIDGE}, headers=AUTH).status_code == 404


def test_jobs_report_progress_and_the_same_text_twice_changes_nothing(writable):
    http, _, _ = writable
    body = {"documents": [{"title": "星河大桥正式通车", "text": BRIDGE}]}
    queued = http.post("/documents", json=body, headers=AUTH)
    assert queued.status_code == 202 and queued.json()["job"]["state"] in ("queued", "running", "done")
    job_id = queued.json()["job"]["id"]
    deadline = time.time() + 30
    while http.get(f"/jobs/{job_id}").json()["job"]["state"] != "done" and time.time() < deadline:
        time.sleep(0.05)
    job = http.get(f"/jobs/{job_id}").json()["job"]
    assert job["state"] == "done" and job["documents"][0].startswith("doc-")
    before = generation(http)
    again = http.post("/documents?wait=true", json=body, headers=AUTH).json()["job"]
    assert again["documents"] == job["documents"] and generation(http) == before
    assert http.get("/jobs/nope").status_code == 404


def test_upload_reads_files_as_the_build_does(writable):
    http, service, _ = writable
    files = [("files", ("extra-news.txt", (SEEDS / "000_8d8056a1d20578f2.txt").read_bytes(), "text/plain")),
             ("files", ("bridge.md", BRIDGE.encode("utf-8"), "text/markdown"))]
    response = http.post("/documents?wait=true", files=files, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.json()["job"]["documents"] == ["extra-news-1", "extra-news-2", "bridge"]
    listed = {d["id"]: d for d in http.get("/documents").json()["documents"]}
    assert listed["extra-news-2"]["title"] == "云潭镇：党员干部防疫一线勇担当" and listed["extra-news-2"]["path"]


def test_writes_need_the_token(writable, fast_client):
    http, _, _ = writable
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        response = http.post("/documents", json={"documents": [{"text": BRIDGE}]}, headers=headers)
        assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
        assert set(response.json()) == {"error", "detail"} and TOKEN not in response.text
        assert http.delete("/documents/000_8d8056a1d20578f2-1", headers=headers).status_code == 401
    assert http.get("/documents").status_code == 200
    disabled = fast_client.post("/documents", json={"documents": [{"text": BRIDGE}]}, headers=AUTH)
    assert disabled.status_code == 403 and "QA_API_TOKEN" in disabled.json()["detail"]
    assert fast_client.delete("/documents/x", headers=AUTH).status_code == 403


@pytest.mark.parametrize("kwargs, status, named", [
    ({"json": {"documents": [{"text": "   "}]}}, 400, "no text"),
    ({"json": {"documents": [{"id": "a", "text": "正文。"}, {"id": "a", "text": "又一篇。"}]}}, 400, "twice"),
    ({"json": {"documents": [{"id": "big", "text": "长" * 1_000_001}]}}, 413, "1000000"),
    ({"json": {"documents": []}}, 422, "documents"),
    ({"json": {"documents": [{"text": 5}]}}, 422, "text"),
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, ""),
    ({"files": [("files", ("notes.pdf", b"%PDF-1.4", "application/pdf"))]}, 415, "notes.pdf"),
    ({"files": [("files", ("gbk.txt", (LIVE / "gbk.txt").read_bytes(), "text/plain"))]}, 400, "gbk.txt"),
    ({"files": [("files", ("bad.jsonl", (LIVE / "bad.jsonl").read_bytes(), "application/x-ndjson"))]}, 400,
     "bad.jsonl:2"),
    ({"files": [("files", ("bridge.txt", BRIDGE.encode(), "text/plain")),
                ("files", ("bad.jsonl", (LIVE / "bad.jsonl").read_bytes(), "application/x-ndjson"))]}, 400,
     "bad.jsonl:2"),
    ({"content": b"text=1", "headers": {"content-type": "text/plain"}}, 415, "text/plain"),
])
def test_bad_input_rejects_the_whole_request(writable, kwargs, status, named):
    http, _, _ = writable
    before = (generation(http), [d["id"] for d in http.get("/documents").json()["documents"]])
    kwargs = dict(kwargs)
    headers = AUTH | kwargs.pop("headers", {})
    response = http.post("/documents?wait=true", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert set(response.json()) == {"error", "detail"} and named in json.dumps(response.json(), ensure_ascii=False)
    assert (generation(http), [d["id"] for d in http.get("/documents").json()["documents"]]) == before


def test_replace_refuses_another_id(writable):
    http, _, _ = writable
    response = http.put("/documents/000_8d8056a1d20578f2-1", json={"id": "other", "text": BRIDGE}, headers=AUTH)
    assert response.status_code == 422 and "differs" in response.json()["detail"]


def test_only_new_text_is_embedded(tmp_path, fast_settings, fast_embedder):
    from qa.index import IndexWriter, build_from_corpus
    from qa.ingest import read_corpus

    index = tmp_path / "index"
    first = build_from_corpus([SEEDS], index, fast_settings, fast_embedder, progress=False)
    assert first.vectors_embedded > first.passages > 20
    again = build_from_corpus([SEEDS], index, fast_settings, fast_embedder, progress=False)
    assert again.vectors_embedded == 0 and again.passages_written == 0
    documents = read_corpus([SEEDS])
    changed = documents[1]
    paragraph = next(line for line in changed.text.split("\n") if "400多名" in line)
    changed.text = changed.text.replace(paragraph, paragraph.replace("400多名", "500多名"))
    writer = IndexWriter(index, fast_embedder, fast_settings)
    result = writer.write([changed], [])
    assert result.replaced == [changed.id] and 1 <= result.vectors_embedded <= 1 + paragraph.count("。") + 1
    assert writer.write([changed], []).vectors_embedded == 0


@pytest.mark.heavy
def test_cli_writes_are_picked_up_by_a_running_server(writable, tmp_path):
    http, _, index = writable
    (tmp_path / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    env = os.environ | {"QA_ENCODER": "hashing", "QA_MODEL_DIR": str(tmp_path)}
    added = subprocess.run([sys.executable, "-m", "qa.cli", "add", str(tmp_path / "bridge.txt"), "--index", str(index)],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert added.returncode == 0, added.stderr
    assert "1 added" in added.stdout and "generation 2" in added.stdout
    wait_for(lambda: http.get("/documents/bridge").status_code == 200)
    removed = subprocess.run([sys.executable, "-m", "qa.cli", "remove", "bridge", "nope", "--index", str(index)],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert removed.returncode == 2 and "no document with id 'nope'" in removed.stderr
    assert "Traceback" not in removed.stderr and http.get("/documents/bridge").status_code == 200
    removed = subprocess.run([sys.executable, "-m", "qa.cli", "remove", "bridge", "--index", str(index)],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert removed.returncode == 0 and "1 deleted" in removed.stdout
    wait_for(lambda: http.get("/documents/bridge").status_code == 404)


def wait_for(condition, timeout: float = 10) -> None:
    """Wait until ``condition()`` holds; fail when it has not within ``timeout`` seconds: a bound on liveness, not
    a speed (how long a write takes to be served is measured by ``scripts/bench.py --live``, not asserted)."""
    started = time.time()
    while not condition():
        assert time.time() - started < timeout, "condition never held"
        time.sleep(0.02)


@pytest.mark.heavy
def test_acknowledged_writes_survive_kill_9(tmp_path, fast_settings, fast_embedder, backend):
    # Built without Milvus: the server fills the collection when it starts (a Milvus Lite file serves one process).
    index = build_seed_index(tmp_path / "index", fast_settings, fast_embedder)
    env = {"QA_ENCODER": "hashing", "QA_MODEL_DIR": str(tmp_path), "QA_API_TOKEN": TOKEN, "QA_BACKEND": backend}
    server = ServerProcess(index, env).start()
    try:
        response = httpx.post(f"{server.url}/documents?wait=true", json={"documents": [{"id": "bridge", "text": BRIDGE}]},
                              headers=AUTH, timeout=60)
        assert response.status_code == 201
        server.kill()
        server.start()
        assert httpx.get(f"{server.url}/documents/bridge").json()["title"] == "星河大桥正式通车"
        assert "1280米" in httpx.post(f"{server.url}/ask", json={"question": "星河大桥全长多少米", "mode": "lexical"}
                                      ).json()["passages"][0]["text"]
        assert server_backend(server) == backend
    finally:
        server.stop()


@pytest.mark.slow
def test_real_model_add_replace_delete_and_restart(tmp_path, settings, embedder, backend):
    index = build_seed_index(tmp_path / "index", settings, embedder)
    server = ServerProcess(index, {"QA_API_TOKEN": TOKEN, "QA_BACKEND": backend}).start()
    question = "星河大桥全长多少米"
    try:
        with httpx.Client(base_url=server.url, timeout=120) as http:
            assert http.post("/ask", json={"question": question}).json()["answer"] is None
            added = http.post("/documents?wait=true", json={"documents": [{"id": "bridge", "text": BRIDGE}]},
                              headers=AUTH)
            assert added.status_code == 201
            body = http.post("/ask", json={"question": question}).json()
            assert body["passages"][0]["source"]["doc_id"] == "bridge"
            assert body["passages"][0]["source"]["title"] == "星河大桥正式通车"
            assert body["answer"]["text"] == "1280米" and body["answer"]["doc_id"] == "bridge"
            replaced = http.put("/documents/bridge", json={"text": BRIDGE.replace("1280米", "1500米")}, headers=AUTH)
            assert replaced.status_code == 200
            assert http.post("/ask", json={"question": question}).json()["answer"]["text"] == "1500米"
        server.kill()
        server.start()
        with httpx.Client(base_url=server.url, timeout=120) as http:
            assert http.post("/ask", json={"question": question}).json()["answer"]["text"] == "1500米"
            assert http.delete("/documents/bridge", headers=AUTH).status_code == 200
        server.stop()
        server.start()
        with httpx.Client(base_url=server.url, timeout=120) as http:
            body = http.post("/ask", json={"question": question}).json()
            assert all(p["source"]["doc_id"] != "bridge" for p in body["passages"])
            assert http.get("/documents/bridge").status_code == 404
        assert server_backend(server) == backend
    finally:
        server.stop()


def server_backend(server: ServerProcess) -> str:
    """The backend a server names in /health."""
    return httpx.get(f"{server.url}/health", timeout=60).json()["manifest"]["backend"].split("+")[0]


def test_a_killed_build_resumes_from_the_vectors_it_committed(tmp_path, fast_settings, fast_embedder, monkeypatch):
    from conftest import CMRC_CORPUS
    from qa.index import build_from_corpus
    from qa.index.vector_cache import VectorCache

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(CMRC_CORPUS.read_text(encoding="utf-8").splitlines()[:60]) + "\n", encoding="utf-8")
    full = build_from_corpus([corpus], tmp_path / "reference", fast_settings, fast_embedder, progress=False)
    assert full.passages_written > 2 * 64
    calls = []
    original = VectorCache.vectors

    def dies_in_the_second_step(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return original(self, *args, **kwargs)

    monkeypatch.setattr(VectorCache, "vectors", dies_in_the_second_step)
    with pytest.raises(KeyboardInterrupt):
        build_from_corpus([corpus], tmp_path / "index", fast_settings, fast_embedder, progress=False)
    monkeypatch.undo()
    resumed = build_from_corpus([corpus], tmp_path / "index", fast_settings, fast_embedder, progress=False)
    assert resumed.passages == full.passages and resumed.passages_written == full.passages_written
    assert 0 < resumed.vectors_embedded <= full.vectors_embedded - 64


@pytest.mark.parametrize("exact_below", [50_000, 10])
def test_refreshing_from_the_old_generation_equals_a_whole_load(tmp_path, fast_settings, fast_embedder, exact_below):
    import shutil

    import numpy as np

    from qa.index import IndexWriter, load_index, refresh_index
    from qa.index.arrays import GENERATIONS
    from qa.ingest import document_from_record, read_corpus

    settings = fast_settings.model_copy(update={"exact_below": exact_below})
    index_dir = build_seed_index(tmp_path / "index", settings, fast_embedder)
    old = load_index(index_dir, settings)
    writer = IndexWriter(index_dir, fast_embedder, settings)
    first, second = read_corpus([SEEDS])
    second.text = second.text.replace("400多名", "500多名")
    writer.write([document_from_record({"id": "bridge", "text": BRIDGE}), second], [])
    writer.write([], [first.id])
    refreshed = refresh_index(old, settings)
    shutil.rmtree(index_dir / GENERATIONS)
    whole = load_index(index_dir, settings)
    assert refresh_index(refreshed, settings) is refreshed
    assert list(refreshed.documents) == list(whole.documents) == [second.id, "bridge"]
    assert [p.id for p in refreshed.passages] == [p.id for p in whole.passages]
    assert np.array_equal(refreshed.vectors, whole.vectors) and refreshed.tokens is whole.tokens is None
    assert np.array_equal(refreshed.sentences.spans, whole.sentences.spans)
    assert np.array_equal(refreshed.sentences.vectors, whole.sentences.vectors)
    assert refreshed.digests == whole.digests and refreshed.generation == whole.generation == 3
    assert refreshed.manifest["dense_index"]["type"] == ("ivf-fp16" if exact_below == 10 else "flat-ip")
    vector = fast_embedder.encode_queries(["星河大桥全长多少米"])[0]
    for index in (refreshed, whole):
        assert index.passages[int(index.backend.search_lexical("星河大桥", 1)[1][0])].doc_id == "bridge"
    if exact_below == 10:
        assert refreshed.backend.dense.info == old.backend.dense.info and len(refreshed.backend) == len(whole.passages)
    else:
        assert np.array_equal(refreshed.backend.search_dense(vector, 5)[1], whole.backend.search_dense(vector, 5)[1])


def test_deleting_every_document_leaves_an_empty_index_that_still_answers(writable):
    http, _, _ = writable
    for document in http.get("/documents").json()["documents"]:
        assert http.delete(f"/documents/{document['id']}", headers=AUTH).status_code == 200
    assert http.get("/documents").json()["documents"] == []
    body = http.post("/ask", json={"question": "多少党员志愿者"}).json()
    assert body["passages"] == [] and body["answer"] is None
    added = http.post("/documents?wait=true", json={"documents": [{"id": "bridge", "text": BRIDGE}]}, headers=AUTH)
    assert added.status_code == 201 and top(http, "星河大桥全长多少米")["source"]["doc_id"] == "bridge"
