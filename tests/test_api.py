"""The API end to end: answers and sources with the real model; input handling, errors and the socket on the fast
tier (stand-in encoder)."""

import httpx
import pytest

VOLUNTEERS = "共有400多名党员主动申请加入志愿者队伍"


def first(response: dict) -> dict:
    return response["passages"][0]


def test_volunteer_question_ranks_the_400_passage_first(client, service):
    response = client.post("/ask", json={"question": "多少党员志愿者"})
    assert response.status_code == 200
    top = first(response.json())
    assert VOLUNTEERS in top["text"] and top["text"].startswith("高州市人民医院110多人奔赴云潭")
    source = top["source"]
    assert source["title"] == "云潭镇：党员干部防疫一线勇担当"
    document = client.get(f"/documents/{source['doc_id']}").json()
    assert document["text"][source["start"]:source["end"]] == top["text"]
    assert document["text"].split("\n")[source["paragraph"] - 1] == top["text"]
    assert top["kind"] == "paragraph"
    assert top["scores"]["dense"] is not None and top["scores"]["lexical"] is not None


def test_risk_area_question(client):
    top = first(client.post("/ask", json={"question": "莱茵春天小区什么时候被划为高中风险区"}).json())
    assert top["text"].startswith("7月11日,茂南区城南街道莱茵春天小区划为高、中风险区域")
    assert top["source"]["title"] == "党旗在战“疫”一线高高飘扬"


def test_english_question_finds_the_passage_in_top_3(client):
    passages = client.post("/ask", json={"question": "How many party members volunteered?"}).json()["passages"]
    assert any(VOLUNTEERS in p["text"] for p in passages[:3])


def test_traditional_question_matches_simplified(client):
    top = first(client.post("/ask", json={"question": "多少黨員志願者"}).json())
    assert VOLUNTEERS in top["text"]


@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
def test_modes(client, mode):
    response = client.post("/ask", json={"question": "多少党员志愿者", "mode": mode, "top_k": 3}).json()
    assert len(response["passages"]) == 3
    assert VOLUNTEERS in first(response)["text"]
    other = "lexical" if mode == "dense" else "dense"
    if mode != "hybrid":
        assert all(p["scores"][mode] is not None for p in response["passages"])
        assert all(p["scores"][other] is None for p in response["passages"]) or mode == "hybrid"


def test_top_k_and_took_ms(fast_client):
    response = fast_client.post("/ask", json={"question": "核酸检测", "top_k": 7}).json()
    assert len(response["passages"]) == 7 and response["took_ms"] > 0
    scores = [p["score"] for p in response["passages"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("question", ["全员核酸检测为期几天？", "多少党员志愿者", "云潭镇党委书记是谁？", "核酸检测持续了几天？"])
def test_the_answer_does_not_hang_on_top_k_and_comes_with_its_passage(fast_client, question):
    # the reader reads its own number of passages; the passage its answer stands in follows the top_k shown
    bodies = [fast_client.post("/ask", json={"question": question, "top_k": top_k}).json() for top_k in (1, 10)]
    assert bodies[0]["answer"] == bodies[1]["answer"]
    ranked = [passage["id"] for passage in bodies[1]["passages"]]
    answered = bodies[0]["answer"]["passage_id"] if bodies[0]["answer"] else None
    shown = [passage["id"] for passage in bodies[0]["passages"]]
    assert shown == ranked[:1] + ([answered] if answered and answered != ranked[0] else [])


def test_documents_listing_and_health(fast_client):
    documents = fast_client.get("/documents").json()["documents"]
    assert {d["title"] for d in documents} == {"党旗在战“疫”一线高高飘扬", "云潭镇：党员干部防疫一线勇担当"}
    assert all(d["passages"] > 5 and d["byline"] for d in documents)
    health = fast_client.get("/health").json()
    assert health["documents"] == 2 and health["manifest"]["model"] == health["model"]
    assert health["manifest"]["passages"] == health["passages"]
    assert health["encoder"] == "hashing" and health["device"] == "cpu"


@pytest.mark.parametrize("body, status", [
    ({"question": ""}, 400),
    ({"question": "   \n "}, 400),
    ({"question": "问" * 1001}, 413),
    ({"question": 123}, 422),
    ({}, 422),
    ({"question": "多少党员志愿者", "top_k": 0}, 422),
    ({"question": "多少党员志愿者", "top_k": 51}, 422),
    ({"question": "多少党员志愿者", "top_k": "many"}, 422),
    ({"question": "多少党员志愿者", "mode": "fuzzy"}, 422),
])
def test_bad_input_gets_json_error(fast_client, body, status):
    response = fast_client.post("/ask", json=body)
    assert response.status_code == status
    payload = response.json()
    assert set(payload) == {"error", "detail"} and payload["detail"]


def test_malformed_json_body(fast_client):
    response = fast_client.post("/ask", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.json()["error"] == "invalid request"


def test_unknown_document_404(fast_client):
    response = fast_client.get("/documents/nope")
    assert response.status_code == 404 and "nope" in response.json()["detail"]


def test_unknown_route_is_json(fast_client):
    response = fast_client.get("/nowhere")
    assert response.status_code == 404 and set(response.json()) == {"error", "detail"}


def test_no_index_gives_503_with_build_hint(tmp_path, fast_settings):
    from fastapi.testclient import TestClient

    from qa.api import create_app

    with TestClient(create_app(fast_settings, index_dir=tmp_path / "missing"), base_url="http://localhost") as empty:
        for response in (empty.post("/ask", json={"question": "多少党员志愿者"}), empty.get("/health"),
                         empty.get("/documents")):
            assert response.status_code == 503
            assert "qa build" in response.json()["detail"]


def test_openapi_docs(fast_client):
    assert fast_client.get("/docs").status_code == 200
    assert "/ask" in fast_client.get("/openapi.json").json()["paths"]


def test_real_socket_and_concurrent_requests(fast_live_url):
    from concurrent.futures import ThreadPoolExecutor

    questions = ["多少党员志愿者", "莱茵春天小区什么时候被划为高中风险区", "多少黨員志願者", "核酸检测"] * 2
    with httpx.Client(base_url=fast_live_url, timeout=60) as http:
        alone = {q: http.post("/ask", json={"question": q}).json() for q in questions}
        with ThreadPoolExecutor(4) as pool:
            responses = list(pool.map(lambda q: http.post("/ask", json={"question": q}), questions))
        assert all(r.status_code == 200 for r in responses)
        for question, response in zip(questions, responses):
            assert [p["id"] for p in response.json()["passages"]] == [p["id"] for p in alone[question]["passages"]]
        assert http.post("/ask", json={"question": ""}).status_code == 400


def test_answers_over_a_real_socket(live_url):
    with httpx.Client(base_url=live_url, timeout=60) as http:
        body = http.post("/ask", json={"question": "多少党员志愿者"}).json()
    assert VOLUNTEERS in first(body)["text"] and body["answer"]["text"] == "400多名"
