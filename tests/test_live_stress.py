"""The live corpus under stress: kill -9 of writers at random moments, and questions answered while documents come
and go. Fast tier (stand-in encoder); marked ``heavy`` (tens of seconds each)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from conftest import CMRC_CORPUS, ROOT, build_seed_index, serve, warm_service
from live_server import ServerProcess

pytestmark = pytest.mark.heavy

TOKEN = "soak-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
KILLS = 20


def cmrc_records(count: int, offset: int = 0) -> list[dict]:
    lines = CMRC_CORPUS.read_text(encoding="utf-8").splitlines()[offset:offset + count]
    return [json.loads(line) for line in lines]


def check_consistent(index_dir: Path, settings, expected: list[set[str]]) -> set[str]:
    """Load the index and check it is whole: one of the ``expected`` document sets, every passage indexing its
    document, every document with passages, a summary and vectors. Returns the document ids found."""
    from qa.index import load_index

    index = load_index(index_dir, settings)
    ids = set(index.documents)
    assert ids in expected, f"half-applied write: {len(ids)} documents"
    assert len(index.backend) == len(index.passages) == index.manifest["passages"]
    for passage in index.passages:
        document = index.documents[passage.doc_id]
        assert document.text[passage.start:passage.end] == passage.text
    for doc_id, document in index.documents.items():
        assert index.document_rows(doc_id) and document.summary
    assert len(index.sentences.vectors) == len(index.sentences.spans)
    return ids


def test_kill_9_at_random_moments_never_half_applies(tmp_path, fast_settings, fast_embedder):
    index = build_seed_index(tmp_path / "store" / "index", fast_settings, fast_embedder)
    env = os.environ | {"QA_ENCODER": "hashing", "QA_MODEL_DIR": str(tmp_path), "QA_API_TOKEN": TOKEN}
    rng = random.Random(2026)
    batches = []
    for number in range(4):
        path = tmp_path / f"batch{number}.jsonl"
        records = cmrc_records(30, offset=30 * number)
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
        batches.append((path, {r["id"] for r in records}))
    current = check_consistent(index, fast_settings, [{"000_8d8056a1d20578f2-1", "000_8d8056a1d20578f2-2"}])
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "qa.cli", "add", str(batches[0][0]), "--index", str(index)], cwd=ROOT,
                   env=env, check=True, capture_output=True, timeout=300)
    write_seconds = time.perf_counter() - started
    current = check_consistent(index, fast_settings, [current | batches[0][1]])
    kills = 0
    for round_number in range(KILLS):
        path, ids = batches[1 + round_number % 3]
        if ids <= current:
            command, after = ["remove", *sorted(ids)], current - ids
        else:
            command, after = ["add", str(path)], current | ids
        if round_number % 5 == 4:
            current = kill_server_mid_write(index, env, command, current, after, rng, fast_settings)
        else:
            process = subprocess.Popen([sys.executable, "-m", "qa.cli", *command, "--index", str(index)], cwd=ROOT,
                                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.2, write_seconds * 1.2))
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            current = check_consistent(index, fast_settings, [current, after])
        kills += 1
    assert kills == KILLS
    leftovers = [p.name for p in index.parent.iterdir() if p.name not in ("index", ".index.lock")]
    assert not leftovers, leftovers
    subprocess.run([sys.executable, "-m", "qa.cli", "add", str(batches[3][0]), "--index", str(index)], cwd=ROOT,
                   env=env, check=True, capture_output=True, timeout=300)
    check_consistent(index, fast_settings, [current | batches[3][1]])


def quietly(call) -> None:
    """Run a request whose server may be killed under it."""
    try:
        call()
    except httpx.HTTPError:
        pass


def kill_server_mid_write(index: Path, env: dict, command: list[str], current: set[str], after: set[str],
                          rng: random.Random, settings) -> set[str]:
    """Start a server, send it the write (one POST of a batch, or one DELETE per id in turn), kill -9 it at a
    random moment, and check what it left: the state before, after, or (for deletions) after some of them."""
    server = ServerProcess(index, env).start()
    url = server.url
    try:
        if command[0] == "add":
            records = [json.loads(line) for line in Path(command[1]).read_text(encoding="utf-8").splitlines()]
            send = lambda: quietly(lambda: httpx.post(f"{url}/documents?wait=true", json={"documents": records},
                                                      headers=AUTH, timeout=120))  # noqa: E731
            expected = [current, after]
        else:
            ids = command[1:]
            send = lambda: [quietly(lambda d=d: httpx.delete(f"{url}/documents/{d}", headers=AUTH, timeout=120))
                            for d in ids]  # noqa: E731
            expected = [current - set(ids[:k]) for k in range(len(ids) + 1)]
        threading.Thread(target=send, daemon=True).start()
        time.sleep(rng.uniform(0.0, 1.5))
        server.kill()
        return check_consistent(index, settings, expected)
    finally:
        server.stop()


def test_questions_stay_answered_and_consistent_while_documents_come_and_go(tmp_path, fast_settings,
                                                                            fast_embedder):
    settings = fast_settings.model_copy(update={"api_token": SecretStr(TOKEN)})
    index = build_seed_index(tmp_path / "index", settings, fast_embedder)
    service = warm_service(settings, index, fast_embedder)
    from qa.api import create_app

    server = serve(create_app(settings, service=service))
    url = next(server)
    records = cmrc_records(6)
    questions = ["多少党员志愿者", "核酸检测", "莱茵春天小区", *[r["title"] for r in records]]
    stop = time.monotonic() + 20
    failures: list[str] = []
    answered = [0]
    writes = [0]

    def ask(number: int) -> None:
        with httpx.Client(base_url=url, timeout=60) as http:
            while time.monotonic() < stop:
                question = questions[(number + answered[0]) % len(questions)]
                response = http.post("/ask", json={"question": question, "top_k": 5})
                if response.status_code != 200:
                    failures.append(f"ask {response.status_code}: {response.text[:200]}")
                    continue
                answered[0] += 1
                for passage in response.json()["passages"]:
                    source = passage["source"]
                    document = http.get(f"/documents/{source['doc_id']}")
                    if document.status_code == 404:
                        continue
                    if document.json()["text"][source["start"]:source["end"]] != passage["text"]:
                        failures.append(f"inconsistent passage {passage['id']}")

    def write() -> None:
        with httpx.Client(base_url=url, timeout=60) as http:
            while time.monotonic() < stop:
                record = records[writes[0] % len(records)]
                added = http.post("/documents?wait=true", json={"documents": [record]}, headers=AUTH)
                deleted = http.delete(f"/documents/{record['id']}", headers=AUTH)
                if added.status_code != 201 or deleted.status_code != 200:
                    failures.append(f"write {added.status_code} {deleted.status_code}")
                writes[0] += 1

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(16)] + [threading.Thread(target=write)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    next(server, None)
    print(f"\nload: {answered[0]} questions answered by 16 clients in 20 s while {writes[0]} documents were added "
          f"and deleted; {len(failures)} failures")
    assert not failures, failures[:5]
    assert answered[0] > 100 and writes[0] >= 3
