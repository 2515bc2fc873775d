"""Finding 8 (paths): no response shows an absolute path of the machine; documents record their file relative to
the corpus root given at build, /health and the 503 detail name the index instead of giving its path."""

from pathlib import Path

import pytest

from qa.ingest import read_corpus

ROOT = Path(__file__).resolve().parent.parent
SEED_FILE = "seeds/000_8d8056a1d20578f2.txt"


def test_documents_record_paths_relative_to_the_corpus_root(tmp_path):
    nested = tmp_path / "news" / "2020"
    nested.mkdir(parents=True)
    (nested / "a.txt").write_text("标题\n正文第一段。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# 标题二\n\n正文。\n", encoding="utf-8")
    assert [d.path for d in read_corpus([tmp_path / "news"])] == ["news/2020/a.txt"]
    assert [d.path for d in read_corpus([tmp_path / "b.md"])] == ["b.md"]
    assert {d.path for d in read_corpus([ROOT / "seeds"])} == {SEED_FILE}


def test_responses_hold_no_absolute_path(fast_client, fast_index_dir):
    documents = fast_client.get("/documents").json()["documents"]
    responses = [fast_client.get("/health"), fast_client.get("/documents"),
                 fast_client.post("/ask", json={"question": "多少党员志愿者", "top_k": 10}),
                 fast_client.post("/summarize", json={"question": "党员志愿者做了什么"}),
                 *(fast_client.get(f"/documents/{d['id']}") for d in documents)]
    for response in responses:
        assert response.status_code == 200
        for private in (str(ROOT), str(fast_index_dir), str(Path.home())):
            assert private not in response.text
    assert {d["path"] for d in documents} == {SEED_FILE}
    assert fast_client.get("/health").json()["index"] == fast_index_dir.name


def test_unavailable_detail_names_the_index_not_its_path(tmp_path, fast_settings):
    from fastapi.testclient import TestClient

    from qa.api import create_app

    with TestClient(create_app(fast_settings, index_dir=tmp_path / "missing"), base_url="http://localhost") as empty:
        detail = empty.get("/health").json()["detail"]
    assert "missing" in detail and "qa build" in detail and str(tmp_path) not in detail


@pytest.mark.parametrize("encoder", ["onnx", "torch"])
def test_unavailable_model_detail_holds_no_path(tmp_path, fast_settings, fast_index_dir, encoder):
    from fastapi.testclient import TestClient

    from qa.api import create_app

    settings = fast_settings.model_copy(update={"encoder": encoder, "model_dir": tmp_path / "models"})
    with TestClient(create_app(settings, index_dir=fast_index_dir), base_url="http://localhost") as client:
        response = client.post("/ask", json={"question": "多少党员志愿者"})
    assert response.status_code == 503 and "qa fetch-model" in response.json()["detail"]
    assert str(tmp_path) not in response.text and str(fast_index_dir) not in response.text
