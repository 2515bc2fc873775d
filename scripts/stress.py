"""Bounded load probes of a running server, for the hardening figures in the README.

    python scripts/stress.py --url http://127.0.0.1:8765 --pid <server pid> [--question-chars N]

1. The worst ``/summarize``: a 50,000-character text of ~6,000 very short sentences, once and four at once;
   prints wall time and the server's peak RSS above its resting RSS (``VmHWM`` reset through ``clear_refs``).
2. ``/ask`` p50 of ordinary questions (the gold questions, each asked once, so none is cached) alone, and while
   four clients keep sending maximal questions (``--question-chars`` random characters, never repeated).

Every loop is bounded; it talks to the given loopback URL only.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "gold.jsonl"
CHARACTERS = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
              "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好"
              "应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道"
              "命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长"
              "求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色")


def vm(pid: int, field: str) -> int:
    """A ``/proc/PID/status`` memory figure in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise KeyError(field)


def reset_peak(pid: int) -> None:
    """Reset the process's peak RSS (``VmHWM``) to its current RSS."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def adversarial_text(rng: random.Random, limit: int = 50_000) -> str:
    """About 6,000 sentences of 7 characters and a full stop, under ``limit`` characters."""
    parts, size = [], 0
    while size + 8 <= limit:
        parts.append("".join(rng.choice(CHARACTERS) for _ in range(7)) + "。")
        size += 8
    return "".join(parts)


def summarize_probe(http: httpx.Client, pid: int, rng: random.Random) -> None:
    """One worst-case summary, then four at once."""
    for clients in (1, 4):
        texts = [adversarial_text(rng) for _ in range(clients)]
        resting = vm(pid, "VmRSS")
        reset_peak(pid)
        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            results = list(pool.map(lambda text: timed(http, "/summarize", {"text": text}), texts))
        wall = time.perf_counter() - started
        peak = vm(pid, "VmHWM")
        print(f"summarize x{clients}: statuses {[s for s, _ in results]}, each {[round(t, 2) for _, t in results]} s, "
              f"wall {wall:.2f} s, resting RSS {resting / 2**20:.0f} MiB, peak {peak / 2**20:.0f} MiB "
              f"(+{(peak - resting) / 2**20:.0f} MiB)")


def timed(http: httpx.Client, path: str, body: dict) -> tuple[int, float]:
    """Status and seconds of one POST."""
    started = time.perf_counter()
    status = http.post(path, json=body).status_code
    return status, time.perf_counter() - started


def ask_probe(http: httpx.Client, question_chars: int, rng: random.Random) -> None:
    """Ordinary /ask p50 alone, then while four clients send maximal questions."""
    questions = [json.loads(line)["question"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    alone = [timed(http, "/ask", {"question": q}) for q in questions[:20]]
    print(f"ask alone: p50 {statistics.median(t for _, t in alone) * 1000:.0f} ms over {len(alone)}")
    stop = threading.Event()
    heavy: list[tuple[int, float]] = []

    def hammer(seed: int) -> None:
        local = random.Random(seed)
        while not stop.is_set():
            question = "".join(local.choice(CHARACTERS) for _ in range(question_chars))
            heavy.append(timed(http, "/ask", {"question": question}))

    threads = [threading.Thread(target=hammer, args=(rng.random(),)) for _ in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(2)
    loaded = [timed(http, "/ask", {"question": q}) for q in questions[20:40]]
    stop.set()
    for thread in threads:
        thread.join()
    ok = [t for s, t in loaded if s == 200]
    statuses = sorted({s for s, _ in heavy})
    p50 = statistics.median(t for _, t in loaded) * 1000
    print(f"ask under 4 maximal ({question_chars} chars) clients: p50 {p50:.0f} ms over {len(loaded)} ({len(ok)} "
          f"answered 200); heavy requests {len(heavy)}, statuses {statuses}, "
          f"heavy p50 {statistics.median(t for _, t in heavy) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--question-chars", type=int, default=1000)
    parser.add_argument("--skip-summarize", action="store_true")
    args = parser.parse_args()
    rng = random.Random(11)
    with httpx.Client(base_url=args.url, timeout=120, limits=httpx.Limits(max_connections=16)) as http:
        if not args.skip_summarize:
            summarize_probe(http, args.pid, rng)
        ask_probe(http, args.question_chars, rng)


if __name__ == "__main__":
    main()
