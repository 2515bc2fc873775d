"""Finding 1: invalid Unicode (a lone surrogate) is a 400 JSON error in every mode and field, and the same
error from the service the CLI uses."""

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from qa.errors import InvalidInput

SURROGATE = "\\ud800"


@pytest.mark.parametrize("path, body", [
    ("/ask", f'{{"question": "{SURROGATE}"}}'),
    ("/ask", f'{{"question": "多少{SURROGATE}党员"}}'),
    ("/ask", f'{{"question": "{SURROGATE}", "mode": "lexical"}}'),
    ("/ask", f'{{"question": "{SURROGATE}", "mode": "dense"}}'),
    ("/summarize", f'{{"question": "{SURROGATE}"}}'),
    ("/summarize", f'{{"text": "第一句话很长很长很长。{SURROGATE}第二句话也很长很长。"}}'),
])
def test_lone_surrogate_is_a_400_json_error(fast_client, path, body):
    response = fast_client.post(path, content=body.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid input" and "not valid Unicode" in response.json()["detail"]


@pytest.mark.parametrize("call", [
    lambda service: service.ask("\ud800"),
    lambda service: service.ask("问\udfff", mode="lexical"),
    lambda service: service.summarize(text="正文\ud800。"),
    lambda service: service.summarize(question="\ud800"),
])
def test_service_refuses_lone_surrogates(fast_service, call):
    with pytest.raises(InvalidInput, match="not valid Unicode"):
        call(fast_service)


def test_cli_refuses_undecodable_arguments(fast_index_dir):
    result = subprocess.run([sys.executable, "-m", "qa.cli", "ask", b"\xff\xfe", "--index", str(fast_index_dir)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300,
                            env=os.environ | {"QA_ENCODER": "hashing"})
    assert result.returncode == 2 and "not valid Unicode" in result.stderr and "Traceback" not in result.stderr
