"""Shared fixtures in two tiers.

Fast: the ``hashing`` stand-in encoder (no model), an index of ``seeds/`` built with it, the service, the app and a
live server. Slow: the same over the real EmbeddingGemma model; every test that uses a real-model fixture is marked
``slow`` automatically (``make test-fast`` runs ``-m "not slow"``).
"""

from __future__ import annotations

import importlib.util
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"
GOLD = DATA / "gold.jsonl"
FRESH_GOLD = DATA / "gold_fresh.jsonl"
CMRC_CORPUS = DATA / "cmrc2018-trial" / "corpus.jsonl"
DRCD_SUBSET = DATA / "drcd-test-subset"
DRCD_ANSWERS = DATA / "drcd-test-answers" / "corpus.jsonl"
DRCD_NAMES = DATA / "drcd-test-names" / "corpus.jsonl"
REAL_MODEL_FIXTURES = {"settings", "embedder", "seed_index_dir", "service", "client", "live_url"}


def pytest_configure(config: pytest.Config) -> None:
    from qa.config import configure_runtime

    configure_runtime()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if REAL_MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(app) -> Iterator[str]:
    """Run ``app`` under a real uvicorn server on a free loopback port until the fixture ends."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def serve_app():
    """Serve apps under real uvicorn servers until the test ends: ``url = serve_app(app)``."""
    running = []

    def start(app) -> str:
        running.append(serve(app))
        return next(running[-1])

    yield start
    for server in running:
        next(server, None)


def build_seed_index(folder: Path, settings, embedder) -> Path:
    from qa.index import build_from_corpus

    build_from_corpus([SEEDS], folder, settings, embedder, progress=False)
    return folder


def warm_service(settings, index_dir: Path, embedder):
    from qa.service import QAService

    service = QAService(settings, index_dir, embedder)
    service.warm_up()
    return service


def app_client(settings, service) -> Iterator:
    from fastapi.testclient import TestClient

    from qa.api import create_app

    with TestClient(create_app(settings, service=service), base_url="http://localhost") as client:
        yield client


def live_server(settings, service) -> Iterator[str]:
    from qa.api import create_app

    yield from serve(create_app(settings, service=service))


def load_script(name: str) -> ModuleType:
    """Import ``scripts/NAME.py`` as a module (the scripts are no package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def loaded_embedder(settings):
    from qa.embed import get_embedder

    return get_embedder(settings)


# ---------------------------------------------------------------- a tiny random model in the default model's shape


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory):
    """Make a sentence-transformers folder shaped like the default model (a Gemma-3 text model, mean pooling, two
    dense layers, normalisation), saved by the installed sentence-transformers, two layers deep with random weights
    and a tokenizer of the given texts' characters: no download, seconds on a CPU."""
    import torch
    from sentence_transformers import SentenceTransformer, models
    from tokenizers import Regex, Tokenizer, pre_tokenizers
    from tokenizers.models import WordLevel
    from transformers import Gemma3TextConfig, Gemma3TextModel, PreTrainedTokenizerFast

    def make(texts: list[str]) -> Path:
        folder = tmp_path_factory.mktemp("tiny-model")
        characters = sorted(set("".join(texts)))
        vocabulary = {"<pad>": 0, "<unk>": 1} | {character: number for number, character in enumerate(characters, 2)}
        tokenizer = Tokenizer(WordLevel(vocabulary, unk_token="<unk>"))
        tokenizer.pre_tokenizer = pre_tokenizers.Split(Regex("."), behavior="isolated")
        torch.manual_seed(0)
        Gemma3TextModel(Gemma3TextConfig(vocab_size=len(vocabulary), hidden_size=32, intermediate_size=64,
                                         num_hidden_layers=2, num_attention_heads=2, num_key_value_heads=1,
                                         head_dim=16, max_position_embeddings=128, pad_token_id=0)
                        ).save_pretrained(folder / "hf")
        PreTrainedTokenizerFast(tokenizer_object=tokenizer, pad_token="<pad>", unk_token="<unk>").save_pretrained(
            folder / "hf")
        identity = torch.nn.Identity()
        SentenceTransformer(modules=[
            models.Transformer(str(folder / "hf")), models.Pooling(32, "mean"),
            models.Dense(32, 48, bias=False, activation_function=identity),
            models.Dense(48, 16, bias=False, activation_function=identity), models.Normalize()]).save(str(folder / "st"))
        return folder / "st"

    return make


# ---------------------------------------------------------------- fast tier: stand-in encoder


@pytest.fixture(scope="session")
def fast_settings(tmp_path_factory):
    from qa.config import Settings

    return Settings(encoder="hashing", model_dir=tmp_path_factory.mktemp("no-model"))


@pytest.fixture(scope="session")
def fast_embedder(fast_settings):
    return loaded_embedder(fast_settings)


@pytest.fixture(scope="session")
def fast_index_dir(tmp_path_factory, fast_settings, fast_embedder) -> Path:
    return build_seed_index(tmp_path_factory.mktemp("fast-index") / "seeds", fast_settings, fast_embedder)


@pytest.fixture(scope="session")
def fast_service(fast_index_dir, fast_settings, fast_embedder):
    return warm_service(fast_settings, fast_index_dir, fast_embedder)


@pytest.fixture(scope="session")
def fast_client(fast_service, fast_settings):
    yield from app_client(fast_settings, fast_service)


@pytest.fixture(scope="session")
def fast_live_url(fast_service, fast_settings):
    yield from live_server(fast_settings, fast_service)


# ---------------------------------------------------------------- slow tier: the real model


@pytest.fixture(scope="session")
def settings():
    from qa.config import get_settings

    return get_settings()


@pytest.fixture(scope="session")
def embedder(settings):
    return loaded_embedder(settings)


@pytest.fixture(scope="session")
def seed_index_dir(tmp_path_factory, embedder, settings) -> Path:
    return build_seed_index(tmp_path_factory.mktemp("index") / "seeds", settings, embedder)


@pytest.fixture(scope="session")
def service(seed_index_dir, embedder, settings):
    return warm_service(settings, seed_index_dir, embedder)


@pytest.fixture(scope="session")
def client(service, settings):
    yield from app_client(settings, service)


@pytest.fixture(scope="session")
def live_url(service, settings):
    yield from live_server(settings, service)
