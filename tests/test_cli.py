"""The CLI as a user runs it: real processes, real model."""

import json
import subprocess
import sys

from conftest import ROOT


def run_qa(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout)


def test_ask_prints_ranked_passages_with_sources(seed_index_dir):
    result = run_qa("ask", "多少党员志愿者", "--index", str(seed_index_dir), "--top-k", "2")
    assert result.returncode == 0, result.stderr
    assert "\n1. [" in result.stdout
    assert "云潭镇：党员干部防疫一线勇担当 · paragraph 8" in result.stdout and "【400多名】党员" in result.stdout


def test_ask_json(seed_index_dir):
    result = run_qa("ask", "莱茵春天小区什么时候被划为高中风险区", "--index", str(seed_index_dir), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["passages"][0]["source"]["paragraph"] == 5


def test_clear_errors_without_stack_traces(tmp_path, seed_index_dir):
    cases = [
        run_qa("ask", "多少党员志愿者", "--index", str(tmp_path / "none")),
        run_qa("ask", "   ", "--index", str(seed_index_dir)),
        run_qa("build", "--corpus", str(tmp_path / "missing"), "--index", str(tmp_path / "ix")),
    ]
    for result in cases:
        assert result.returncode == 2
        assert "Traceback" not in result.stderr and "error:" in result.stderr
    assert "qa build" in cases[0].stderr and "empty" in cases[1].stderr and "no such file" in cases[2].stderr


def test_build_script_prints_what_it_built(tmp_path):
    result = subprocess.run([sys.executable, "scripts/build_index.py", "--corpus", "seeds/", "--index",
                             str(tmp_path / "ix")], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "2 documents" in result.stdout and "passages/s" in result.stdout
    assert (tmp_path / "ix" / "manifest.json").is_file()
