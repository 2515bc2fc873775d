"""Command line: ``qa fetch-model | build | serve | ask``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from qa.config import get_settings
from qa.ingest import IngestError
from qa.model_store import ModelError
from qa.service import QuestionError
from qa.store import IndexStoreError

EXPECTED_ERRORS = (IngestError, ModelError, IndexStoreError, QuestionError, ValueError, OSError)


def cmd_fetch_model(args: argparse.Namespace) -> int:
    """Download (if needed) and verify the default model."""
    from qa.model_store import fetch_model

    folder = fetch_model(Path(args.model_dir or get_settings().model_dir))
    print(f"model verified: {folder}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Ingest a corpus and build an index."""
    from qa.build import build_from_corpus

    settings = get_settings()
    stats = build_from_corpus([Path(p) for p in args.corpus], Path(args.index or settings.index_dir), settings,
                              chunk_chars=args.chunk_chars)
    print(f"built {stats.index_dir}: {stats.documents} documents, {stats.passages} passages "
          f"in {stats.seconds:.1f} s ({stats.passages_per_second:.1f} passages/s)")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the HTTP API."""
    import uvicorn

    from qa.api import create_app

    settings = get_settings()
    app = create_app(settings, Path(args.index) if args.index else None)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def print_passages(response: dict) -> None:
    """Human-readable ranking: rank, score, title, paragraph, text."""
    if not response["passages"]:
        print("no passage found")
    for rank, passage in enumerate(response["passages"], 1):
        source = passage["source"]
        print(f"{rank}. [{passage['score']:.4f}] {source['title']} · paragraph {source['paragraph']} "
              f"· chars {source['start']}-{source['end']} · {passage['id']}")
        print(f"   {passage['text']}")


def cmd_ask(args: argparse.Namespace) -> int:
    """Ask one question."""
    from qa.service import QAService

    service = QAService(get_settings(), Path(args.index) if args.index else None)
    response = service.ask(args.question, args.top_k, args.mode)
    if args.json:
        print(json.dumps(response, ensure_ascii=False, indent=2))
    else:
        print_passages(response)
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    root = argparse.ArgumentParser(prog="qa", description="Question answering and summarisation over Chinese news.")
    commands = root.add_subparsers(dest="command", required=True)

    fetch = commands.add_parser("fetch-model", help="download and verify EmbeddingGemma-300M")
    fetch.add_argument("--model-dir", help="model cache (default QA_MODEL_DIR or ~/.cache/qa/models)")
    fetch.set_defaults(run=cmd_fetch_model)

    build = commands.add_parser("build", help="build an index from a corpus")
    build.add_argument("--corpus", nargs="+", required=True, help="files or folders (.txt .md .html .jsonl)")
    build.add_argument("--index", help="index folder (default QA_INDEX_DIR or index/default)")
    build.add_argument("--chunk-chars", type=int, default=None, help="passage size limit (default QA_CHUNK_CHARS)")
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help="serve the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--index", help="index folder")
    serve.set_defaults(run=cmd_serve)

    ask = commands.add_parser("ask", help="ask a question")
    ask.add_argument("question")
    ask.add_argument("--top-k", type=int, default=5)
    ask.add_argument("--mode", choices=["hybrid", "dense", "lexical"], default="hybrid")
    ask.add_argument("--index", help="index folder")
    ask.add_argument("--json", action="store_true", help="print the API's JSON")
    ask.set_defaults(run=cmd_ask)
    return root


def main(argv: list[str] | None = None) -> int:
    """Run the command line; expected failures print one line and exit non-zero."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except EXPECTED_ERRORS as error:
        print(f"qa {args.command}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
