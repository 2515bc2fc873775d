"""Command line: ``qa fetch-model | optimize-model | build | add | remove | serve | ask | summarize | eval``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from qa.config import configure_runtime, get_settings
from qa.errors import QAError
from qa.schema import MODES, AskResult

EXPECTED_ERRORS = (QAError, ValueError, OSError)


def one_line(error: Exception) -> str:
    """An error as one line; a setting that fails validation is named by its variable (QA_TOP_K: …)."""
    from pydantic import ValidationError

    if isinstance(error, ValidationError) and error.title == "Settings":
        return "; ".join(f"QA_{'_'.join(map(str, problem['loc'])).upper()}: {problem['msg']} (got "
                         f"{problem['input']!r})" for problem in error.errors())
    return " ".join(str(error).split())


def cmd_fetch_model(args: argparse.Namespace) -> int:
    """Download (if needed) and verify the default model."""
    from qa.embed.model_store import fetch_model

    folder = fetch_model(Path(args.model_dir or get_settings().model_dir))
    print(f"model verified: {folder}")
    return 0


def cmd_optimize_model(args: argparse.Namespace) -> int:
    """Export the model to ONNX and quantise it to int8 (once)."""
    from qa.embed.onnx_export import optimize_model

    folder = optimize_model(Path(args.model_dir or get_settings().model_dir))
    print(f"ONNX models ready: {folder}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Ingest a corpus and build an index."""
    from qa.index import build_from_corpus

    settings = get_settings()
    if args.chunk_chars is not None:
        settings = settings.model_copy(update={"chunk_chars": args.chunk_chars})
    if args.backend is not None:
        settings = settings.model_copy(update={"backend": args.backend})
    stats = build_from_corpus([Path(p) for p in args.corpus], Path(args.index or settings.index_dir), settings)
    print(f"built {stats.index_dir}: {stats.documents} documents, {stats.passages} passages "
          f"({stats.passages_written} written, {stats.vectors_embedded} vectors embedded) in {stats.seconds:.1f} s "
          f"({stats.passages_per_second:.1f} passages/s)")
    return 0


def write(args: argparse.Namespace, upserts: list, deletions: list[str]) -> int:
    """Apply one write to the index with a progress bar: the same writer as the server's write jobs."""
    from qa.embed import get_embedder
    from qa.errors import BackendUnavailable
    from qa.index import IndexWriter
    from qa.index.build import fill_backend, progress_bar

    settings = get_settings()
    folder = Path(args.index or settings.index_dir)
    embedder = get_embedder(settings)
    update, bar = progress_bar("embedding", True)
    with bar:
        result = IndexWriter(folder, embedder, settings).write(upserts, deletions, update)
    print(f"{folder.name}: {len(result.added)} added, {len(result.replaced)} replaced, {len(result.deleted)} deleted, "
          f"{len(result.unchanged)} unchanged; {result.passages_written} passages written, {result.vectors_embedded} "
          f"vectors embedded in {result.embed_seconds:.1f} s, "
          f"{result.seconds:.1f} s in all; now {result.passages} passages (generation {result.generation})")
    try:
        fill_backend(folder, settings, embedder.name)
    except BackendUnavailable as error:
        print(f"note: the Milvus collection was not updated ({error}); a server over this index updates it, and "
              "publishes the new generation to its replicas, when it loads the generation")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    """Add (or replace) the documents of corpus files in an index, embedding only new text."""
    from qa.ingest import read_corpus

    documents = read_corpus([Path(p) for p in args.paths])
    if not documents:
        raise ValueError("no documents: the paths hold no supported, non-empty files")
    return write(args, documents, [])


def cmd_remove(args: argparse.Namespace) -> int:
    """Delete documents from an index by id."""
    return write(args, [], list(dict.fromkeys(args.ids)))


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the HTTP API."""
    import uvicorn

    from qa.api import create_app

    settings = get_settings()
    app = create_app(settings, Path(args.index) if args.index else None)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", timeout_keep_alive=settings.keep_alive_timeout)
    return 0


def print_result(result: AskResult) -> None:
    """Human-readable answer, then the ranking: rank, score, title, paragraph, text (answer marked 【】)."""
    answer = result.answer
    if answer:
        print(f"answer: {answer.text}  ({answer.type}, score {answer.score:.2f}, "
              f"{answer.passage_id} chars {answer.start}-{answer.end})")
    else:
        print("answer: (none: the passages below do not answer this question)")
    if not result.hits:
        print("no passage found")
    for rank, hit in enumerate(result.hits, 1):
        passage = hit.passage
        text = passage.text
        if answer and answer.passage_id == passage.id:
            text = f"{text[:answer.start]}【{answer.text}】{text[answer.end:]}"
        print(f"{rank}. [{hit.score:.4f}] {passage.title} · paragraph {passage.paragraph} "
              f"· chars {passage.start}-{passage.end} · {passage.id}")
        print(f"   {text}")


def cmd_ask(args: argparse.Namespace) -> int:
    """Ask one question."""
    from qa.service import QAService

    from qa.api.schemas import ask_response

    service = QAService(get_settings(), Path(args.index) if args.index else None)
    result = service.ask(args.question, args.top_k, args.mode)
    if args.json:
        print(ask_response(result).model_dump_json(indent=2))
    else:
        print_result(result)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score the system on gold questions."""
    import tempfile

    from qa.evaluate import evaluate, format_table, load_gold
    from qa.index import build_from_corpus
    from qa.service import QAService

    settings = get_settings()
    items = load_gold(Path(args.gold), args.limit)
    modes = [mode.strip() for mode in args.modes.split(",") if mode.strip()]
    unknown = sorted(set(modes) - set(MODES))
    if unknown or not modes:
        raise ValueError(f"unknown modes {unknown}: use {', '.join(MODES)}")
    with tempfile.TemporaryDirectory(prefix="qa-eval-") as scratch:
        index_dir = Path(scratch) / "index" if args.corpus else Path(args.index or settings.index_dir)
        if args.corpus:
            stats = build_from_corpus([Path(p) for p in args.corpus], index_dir, settings)
            print(f"built a temporary index: {stats.documents} documents, {stats.passages} passages "
                  f"in {stats.seconds:.1f} s")
        service = QAService(settings, index_dir)
        service.warm_up()
        report = evaluate(service.ask, items, modes, args.top_k)
    print(format_table(report))
    if args.json_out:
        Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
        document = report.to_dict() | {"gold": args.gold, "index": service.index.manifest}
        Path(args.json_out).write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"wrote {args.json_out}")
    return 0


def cmd_summarize(args: argparse.Namespace) -> int:
    """Summarise a document, a file or what the corpus says about a question."""
    from qa.api.schemas import summary_response
    from qa.errors import DocumentNotFound
    from qa.service import QAService

    settings = get_settings()
    service = QAService(settings, Path(args.index) if args.index else None)
    text = None
    if args.file:
        try:
            text = Path(args.file).read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValueError(f"{args.file}: not UTF-8 text") from None
    try:
        summary = service.summarize(args.doc, text, args.question, args.max_sentences, args.max_chars)
    except DocumentNotFound:
        known = ", ".join(list(service.index.documents)[:5])
        raise ValueError(f"no document with id {args.doc!r} (documents include: {known})") from None
    if args.json:
        print(summary_response(summary, 0.0).model_dump_json(indent=2, exclude={"took_ms"}))
        return 0
    print(summary.text)
    print()
    for number, sentence in enumerate(summary.sentences, 1):
        where = f"{sentence.doc_id} " if sentence.doc_id else ""
        title = service.index.documents[sentence.doc_id].title if sentence.doc_id else (args.file or "")
        print(f"[{number}] {title} · {where}chars {sentence.start}-{sentence.end} · score {sentence.score:.3f}")
    print(f"keywords: {', '.join(summary.keywords)}")
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    root = argparse.ArgumentParser(prog="qa", description="Question answering and summarisation over Chinese news.")
    commands = root.add_subparsers(dest="command", required=True)

    fetch = commands.add_parser("fetch-model", help="download and verify EmbeddingGemma-300M")
    fetch.add_argument("--model-dir", help="model cache (default QA_MODEL_DIR or ~/.cache/qa/models)")
    fetch.set_defaults(run=cmd_fetch_model)

    optimize = commands.add_parser("optimize-model", help="export the model to ONNX fp32 and int8 (QA_ENCODER=onnx…)")
    optimize.add_argument("--model-dir", help="model cache (default QA_MODEL_DIR or ~/.cache/qa/models)")
    optimize.set_defaults(run=cmd_optimize_model)

    build = commands.add_parser("build", help="build an index from a corpus")
    build.add_argument("--corpus", nargs="+", required=True, help="files or folders (.txt .md .html .jsonl)")
    build.add_argument("--index", help="index folder (default QA_INDEX_DIR or index/default)")
    build.add_argument("--chunk-chars", type=int, default=None, help="passage size limit (default QA_CHUNK_CHARS)")
    build.add_argument("--backend", choices=("faiss", "milvus"), default=None,
                       help="search backend to fill (default QA_BACKEND or faiss; milvus: QA_MILVUS_URI…)")
    build.set_defaults(run=cmd_build)

    add = commands.add_parser("add", help="add or replace documents in an index (a running server picks them up)")
    add.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .jsonl)")
    add.add_argument("--index", help="index folder (default QA_INDEX_DIR or index/default)")
    add.set_defaults(run=cmd_add)

    remove = commands.add_parser("remove", help="delete documents from an index by id")
    remove.add_argument("ids", nargs="+", help="document ids")
    remove.add_argument("--index", help="index folder (default QA_INDEX_DIR or index/default)")
    remove.set_defaults(run=cmd_remove)

    serve = commands.add_parser("serve", help="serve the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--index", help="index folder")
    serve.set_defaults(run=cmd_serve)

    ask = commands.add_parser("ask", help="ask a question")
    ask.add_argument("question")
    ask.add_argument("--top-k", type=int, default=None, help="passages to show (default QA_TOP_K)")
    ask.add_argument("--mode", choices=MODES, default="hybrid")
    ask.add_argument("--index", help="index folder")
    ask.add_argument("--json", action="store_true", help="print the API's JSON")
    ask.set_defaults(run=cmd_ask)

    summary = commands.add_parser("summarize", help="extractive summary with sources")
    target = summary.add_mutually_exclusive_group(required=True)
    target.add_argument("--doc", help="an indexed document id")
    target.add_argument("--file", help="a UTF-8 text file")
    target.add_argument("--question", help="what the corpus says about this question")
    summary.add_argument("--max-sentences", type=int, default=None, help="default QA_SUMMARY_SENTENCES")
    summary.add_argument("--max-chars", type=int, default=None)
    summary.add_argument("--index", help="index folder")
    summary.add_argument("--json", action="store_true", help="print the API's JSON")
    summary.set_defaults(run=cmd_summarize)

    evaluation = commands.add_parser("eval", help="score retrieval and answers on gold questions")
    source = evaluation.add_mutually_exclusive_group()
    source.add_argument("--index", help="an existing index folder")
    source.add_argument("--corpus", nargs="+", help="build a temporary index of these files first")
    evaluation.add_argument("--gold", required=True, help="JSONL gold file")
    evaluation.add_argument("--limit", type=int, default=None, help="only the first N questions")
    evaluation.add_argument("--modes", default=",".join(MODES))
    evaluation.add_argument("--top-k", type=int, default=10)
    evaluation.add_argument("--json-out", help="write figures and per-question results here")
    evaluation.set_defaults(run=cmd_eval)
    return root


def main(argv: list[str] | None = None) -> int:
    """Run the command line; expected failures print one line and exit non-zero."""
    configure_runtime()
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except EXPECTED_ERRORS as error:
        print(f"qa {args.command}: error: {one_line(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
