"""Cut a passage set into short snippets, a stand-in for search-engine snippets, to check that retrieval and
declines hold on short texts as well as on whole paragraphs.

Each passage becomes snippets of whole sentences, up to ``--max-chars`` characters each (a longer sentence stands
alone), each a document of its own that keeps its passage's title. A question keeps its answers, and its relevant
passages become the snippets of its passage that hold an answer; a question whose answers all cross a snippet
boundary is dropped (the count is printed).

Usage:
    python scripts/make_snippets.py ../shared/bench/cmrc2018-trial results/snippets/cmrc [--max-chars 120]

then ``qa build --corpus results/snippets/cmrc/corpus.jsonl --index index/cmrc-snippets`` and
``qa eval --index index/cmrc-snippets --gold results/snippets/cmrc/qa.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.text.normalize import sentence_spans  # noqa: E402


def snippets_of(text: str, max_chars: int) -> list[str]:
    """Consecutive whole sentences of ``text`` packed into pieces of at most ``max_chars`` characters."""
    pieces: list[str] = []
    current = ""
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if current and len(current) + len(sentence) > max_chars:
            pieces.append(current)
            current = ""
        current += sentence
    return pieces + [current] if current else pieces


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="a folder with corpus.jsonl and qa.jsonl")
    parser.add_argument("out", type=Path, help="the folder to write corpus.jsonl and qa.jsonl to")
    parser.add_argument("--max-chars", type=int, default=120)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    snippets: dict[str, list[tuple[str, str]]] = {}
    with (args.out / "corpus.jsonl").open("w", encoding="utf-8") as corpus:
        for line in (args.source / "corpus.jsonl").open(encoding="utf-8"):
            passage = json.loads(line)
            pieces = snippets_of(passage["text"], args.max_chars)
            snippets[passage["id"]] = [(f"{passage['id']}_s{n}", piece) for n, piece in enumerate(pieces)]
            for snippet_id, piece in snippets[passage["id"]]:
                corpus.write(json.dumps({"id": snippet_id, "title": passage.get("title", ""), "text": piece},
                                        ensure_ascii=False) + "\n")
    kept = dropped = 0
    with (args.out / "qa.jsonl").open("w", encoding="utf-8") as gold:
        for line in (args.source / "qa.jsonl").open(encoding="utf-8"):
            item = json.loads(line)
            if not item.get("question", "").strip():
                continue
            holding = [snippet_id for passage_id in item.get("passage_ids", [])
                       for snippet_id, piece in snippets.get(passage_id, [])
                       if any(answer and answer in piece for answer in item.get("answers", []))]
            if not holding:
                dropped += 1
                continue
            gold.write(json.dumps(item | {"passage_ids": holding}, ensure_ascii=False) + "\n")
            kept += 1
    count = sum(len(pieces) for pieces in snippets.values())
    print(f"{args.out}: {count} snippets from {len(snippets)} passages; {kept} questions kept, {dropped} dropped "
          "(every answer crosses a snippet boundary)")


if __name__ == "__main__":
    main()
