"""The OpenAPI description tells the truth: every route has response schemas, and live responses (successes and
errors) validate against them."""

import jsonschema
import pytest

YUNTAN = "000_8d8056a1d20578f2-2"


@pytest.fixture(scope="module")
def spec(fast_client) -> dict:
    return fast_client.get("/openapi.json").json()


def schema_for(spec: dict, path: str, method: str, status: int) -> dict:
    """The JSON schema of one documented response, able to resolve the spec's component references."""
    responses = spec["paths"][path][method]["responses"]
    assert str(status) in responses, f"{method.upper()} {path} does not document {status}"
    schema = responses[str(status)]["content"]["application/json"]["schema"]
    return {**schema, "components": spec["components"]}


def test_every_route_documents_its_bodies(spec):
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            success = min(status for status in operation["responses"] if status.startswith("2"))
            for status in (success, "503"):
                content = operation["responses"][status]["content"]["application/json"]
                assert "$ref" in content["schema"], (method, path, status)
            for status in ("400", "408", "413", "422", "500", "503"):
                assert operation["responses"][status]["content"]["application/json"]["schema"]["$ref"].endswith(
                    "ErrorBody"), (method, path, status)
            assert "Retry-After" in operation["responses"]["503"]["headers"]


@pytest.mark.parametrize("method, path, headers, content, status", [
    ("get", "/health", {"host": "evil.example"}, None, 400),
    ("post", "/ask", {"content-type": "application/json"}, b'{"question": "' + b"x" * (1 << 20) + b'"}', 413),
    ("post", "/summarize", {"content-type": "application/json"}, b'{"text": "\\ud800"}', 400),
])
def test_guard_responses_match_the_spec(fast_client, spec, method, path, headers, content, status):
    response = fast_client.request(method.upper(), path, headers=headers, content=content)
    assert response.status_code == status
    jsonschema.validate(response.json(), schema_for(spec, path, method, status))


def test_internal_error_matches_the_spec(fast_client, fast_service, spec, monkeypatch):
    monkeypatch.setattr(fast_service, "health", lambda: 1 / 0)
    response = fast_client.get("/health")
    assert response.status_code == 500
    jsonschema.validate(response.json(), schema_for(spec, "/health", "get", 500))


@pytest.mark.parametrize("method, path, body, status", [
    ("post", "/ask", {"question": "多少党员志愿者"}, 200),
    ("post", "/ask", {"question": "核酸检测", "mode": "lexical", "top_k": 3}, 200),
    ("post", "/ask", {"question": "埃菲尔铁塔有多高"}, 200),
    ("post", "/ask", {"question": "高州云潭镇从哪天起需对全镇人民群众开展全员核酸检测，连续几天？"}, 200),
    ("post", "/ask", {"question": "《云潭镇：党员干部防疫一线勇担当》的通讯员有哪些？"}, 200),
    ("post", "/ask", {"question": ""}, 400),
    ("post", "/ask", {"question": "问" * 1001}, 413),
    ("post", "/ask", {"question": 5}, 422),
    ("post", "/ask", {"question": "多少", "top_k": 0}, 422),
    ("post", "/summarize", {"doc_id": YUNTAN}, 200),
    ("post", "/summarize", {"question": "党员志愿者做了什么"}, 200),
    ("post", "/summarize", {"text": "第一句话很长很长很长。第二句话也很长很长。"}, 200),
    ("post", "/summarize", {"doc_id": "nope"}, 404),
    ("post", "/summarize", {"text": "  "}, 400),
    ("get", "/documents", None, 200),
    ("get", f"/documents/{YUNTAN}", None, 200),
    ("get", "/documents/nope", None, 404),
    ("get", "/health", None, 200),
])
def test_live_responses_match_the_spec(fast_client, spec, method, path, body, status):
    response = fast_client.request(method.upper(), path, json=body)
    assert response.status_code == status
    template = "/documents/{doc_id}" if path.startswith("/documents/") else path
    jsonschema.validate(response.json(), schema_for(spec, template, method, status))


def test_unavailable_service_matches_the_spec(tmp_path, fast_settings, spec):
    from fastapi.testclient import TestClient

    from qa.api import create_app

    with TestClient(create_app(fast_settings, index_dir=tmp_path / "missing"), base_url="http://localhost") as empty:
        response = empty.post("/ask", json={"question": "多少党员志愿者"})
    assert response.status_code == 503
    jsonschema.validate(response.json(), schema_for(spec, "/ask", "post", 503))


def test_every_reference_resolves(spec):
    """A dangling ``$ref`` breaks ReDoc and Swagger UI; every one must name a component that exists."""
    import json
    import re

    names = set(spec["components"]["schemas"])
    for reference in re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(spec)):
        assert reference in names, reference


def test_answer_parts_are_documented(spec):
    answer = spec["components"]["schemas"]["Answer"]
    assert "parts" in answer["properties"]
    part = spec["components"]["schemas"]["AnswerPart"]
    assert {"text", "type", "passage_id", "start", "end", "doc_start", "doc_end"} <= set(part["required"])
