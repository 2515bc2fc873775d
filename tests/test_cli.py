"""The CLI as a user runs it, in real processes: errors and the build on the fast tier, answers with the real model."""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

HASHING = {"QA_ENCODER": "hashing"}


def run_qa(*args: str, env: dict[str, str] | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout, env=os.environ | (env or {}))


@pytest.mark.slow
def test_ask_prints_ranked_passages_with_sources(seed_index_dir):
    result = run_qa("ask", "多少党员志愿者", "--index", str(seed_index_dir), "--top-k", "2")
    assert result.returncode == 0, result.stderr
    assert "\n1. [" in result.stdout
    assert "云潭镇：党员干部防疫一线勇担当 · paragraph 8" in result.stdout and "【400多名】党员" in result.stdout


@pytest.mark.slow
def test_ask_json(seed_index_dir):
    result = run_qa("ask", "莱茵春天小区什么时候被划为高中风险区", "--index", str(seed_index_dir), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["passages"][0]["source"]["paragraph"] == 5


@pytest.mark.heavy
def test_clear_errors_without_stack_traces(tmp_path, fast_index_dir):
    cases = [
        run_qa("ask", "多少党员志愿者", "--index", str(tmp_path / "none"), env=HASHING),
        run_qa("ask", "   ", "--index", str(fast_index_dir), env=HASHING),
        run_qa("build", "--corpus", str(tmp_path / "missing"), "--index", str(tmp_path / "ix"), env=HASHING),
        run_qa("ask", "多少党员志愿者", "--index", str(fast_index_dir), "--top-k", "0", env=HASHING),
        run_qa("ask", "多少党员志愿者", "--index", str(fast_index_dir), env={"QA_MODEL_DIR": str(tmp_path)}),
        run_qa("ask", "多少党员志愿者", "--index", str(fast_index_dir), env=HASHING | {"QA_ANSWER_RESTATE": "-1"}),
    ]
    for result in cases:
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and "error:" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "qa build" in cases[0].stderr and "empty" in cases[1].stderr and "no such file" in cases[2].stderr
    assert "top_k" in cases[3].stderr and "qa fetch-model" in cases[4].stderr
    assert "QA_ANSWER_RESTATE: Input should be greater than or equal to 0 (got '-1')" in cases[5].stderr


@pytest.mark.heavy
def test_ask_on_the_fast_tier_shows_sources(fast_index_dir):
    result = run_qa("ask", "多少党员志愿者", "--index", str(fast_index_dir), "--json", env=HASHING)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["question"] == "多少党员志愿者" and len(body["passages"]) == 5
    assert all(p["source"]["title"] for p in body["passages"])


@pytest.mark.heavy
def test_build_script_prints_what_it_built(tmp_path):
    result = subprocess.run([sys.executable, "scripts/build_index.py", "--corpus", "seeds/", "--index",
                             str(tmp_path / "ix")], capture_output=True, text=True, cwd=ROOT, timeout=300,
                            env=os.environ | HASHING)
    assert result.returncode == 0, result.stderr
    assert "2 documents" in result.stdout and "passages/s" in result.stdout
    assert (tmp_path / "ix" / "index.sqlite").is_file()


@pytest.mark.heavy
def test_build_and_ask_with_the_milvus_backend(tmp_path):
    index = str(tmp_path / "ix")
    built = run_qa("build", "--corpus", "seeds/", "--index", index, "--backend", "milvus", env=HASHING)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "ix" / "milvus.db").is_dir()
    asked = run_qa("ask", "多少党员志愿者", "--index", index, "--json", "--mode", "lexical",
                   env=HASHING | {"QA_BACKEND": "milvus"})
    assert asked.returncode == 0, asked.stderr
    assert len(json.loads(asked.stdout)["passages"]) == 5
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from qa.cli import main; "
                               "from qa.index.milvus_backend import connect; "
                               f"connect({str(tmp_path / 'ix' / 'milvus.db')!r}, ''); print('held', flush=True); "
                               "time.sleep(60)"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        refused = run_qa("ask", "多少党员志愿者", "--index", index, env=HASHING | {"QA_BACKEND": "milvus"})
    finally:
        holder.kill()
        holder.wait()
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "one process at a time" in refused.stderr


@pytest.mark.heavy
def test_qa_add_with_the_milvus_backend_publishes_to_replicas(tmp_path):
    milvus = HASHING | {"QA_BACKEND": "milvus", "QA_MILVUS_URI": str(tmp_path / "shared.db"),
                        "QA_MILVUS_COLLECTION": "news"}
    assert run_qa("build", "--corpus", "seeds/", "--index", str(tmp_path / "ix"), env=milvus).returncode == 0
    added = run_qa("add", "tests/data/live/bridge.txt", "--index", str(tmp_path / "ix"), env=milvus)
    assert added.returncode == 0, added.stderr
    asked = run_qa("ask", "星河大桥全长多少米", "--index", str(tmp_path / "replica"), "--json", env=milvus)
    assert asked.returncode == 0, asked.stderr
    reply = json.loads(asked.stdout)
    assert reply["passages"][0]["source"]["title"] == "星河大桥正式通车" and not (tmp_path / "replica").exists()
