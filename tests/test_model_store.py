import hashlib
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from qa.embed import model_store
from qa.embed.model_store import ManifestEntry, read_manifest, verify_model_dir
from qa.embed.onnx_export import ONNX_FOLDER
from qa.errors import ModelError


def make_model(folder: Path) -> list[ManifestEntry]:
    entries = []
    for name, content in {"config.json": b"{}", "sub/weights.bin": b"0123456789"}.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        entries.append(ManifestEntry(hashlib.sha256(content).hexdigest(), len(content), name))
    return entries


def test_packaged_manifest_lists_the_release():
    entries = read_manifest()
    assert len(entries) == 16
    weights = next(e for e in entries if e.path == "model.safetensors")
    assert weights.sha256.startswith("cbf5a783") and weights.sha256.endswith("2fd2")


def test_verify_accepts_matching_folder(tmp_path):
    verify_model_dir(tmp_path, make_model(tmp_path))


def test_verify_names_changed_file_with_expected_and_got(tmp_path):
    entries = make_model(tmp_path)
    (tmp_path / "sub/weights.bin").write_bytes(b"012345678X")
    with pytest.raises(ModelError, match=r"sub/weights.bin: sha256 expected [0-9a-f]{64}, got [0-9a-f]{64}"):
        verify_model_dir(tmp_path, entries)


def test_verify_names_wrong_size_and_missing_file(tmp_path):
    entries = make_model(tmp_path)
    (tmp_path / "config.json").write_bytes(b"{ }")
    with pytest.raises(ModelError, match="config.json: size expected 2, got 3"):
        verify_model_dir(tmp_path, entries)
    (tmp_path / "config.json").unlink()
    with pytest.raises(ModelError, match="missing"):
        verify_model_dir(tmp_path, entries)


def test_malformed_manifest_line(tmp_path):
    bad = tmp_path / "m.sha256"
    bad.write_text("abc  notasize  file\n")
    with pytest.raises(ModelError, match="m.sha256:1"):
        read_manifest(bad)


def test_fetched_model_verifies(settings):
    from qa.embed.model_store import MODEL_NAME

    verify_model_dir(Path(settings.model_dir) / MODEL_NAME)


def flip_byte_keeping_size_and_mtime(path: Path, offset: int) -> None:
    """Change one byte in place and set the modification time back, as a careful tamperer would."""
    before = path.stat()
    time.sleep(0.05)
    with path.open("r+b") as handle:
        handle.seek(offset)
        old = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([old[0] ^ 0xFF]))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)


def test_a_verified_copy_is_not_hashed_again(tmp_path, monkeypatch):
    entries = make_model(tmp_path)
    verify_model_dir(tmp_path, entries[:1])
    verify_model_dir(tmp_path, entries[1:])
    monkeypatch.setattr(model_store, "file_sha256", lambda path: pytest.fail(f"hashed {path} again"))
    verify_model_dir(tmp_path, entries)


def test_a_flipped_byte_that_keeps_size_and_mtime_is_caught(tmp_path):
    entries = make_model(tmp_path)
    verify_model_dir(tmp_path, entries)
    flip_byte_keeping_size_and_mtime(tmp_path / "sub/weights.bin", 3)
    with pytest.raises(ModelError, match=r"sub/weights.bin: sha256 expected [0-9a-f]{64}, got [0-9a-f]{64}"):
        verify_model_dir(tmp_path, entries)
    assert not model_store.is_verified(tmp_path)


def test_a_forged_stamp_does_not_help(tmp_path):
    entries = make_model(tmp_path)
    verify_model_dir(tmp_path, entries)
    (tmp_path / "sub/weights.bin").write_bytes(b"9876543210")
    stamp = json.loads((tmp_path / model_store.STAMP).read_text())
    stamp["files"]["sub/weights.bin"]["identity"][0] = 10
    (tmp_path / model_store.STAMP).write_text(json.dumps(stamp))
    with pytest.raises(ModelError, match="sub/weights.bin: sha256"):
        verify_model_dir(tmp_path, entries)


def mirror_with_private_copy(source: Path, mirror: Path, private: Path) -> None:
    """Mirror the model folder ``source`` in ``mirror`` by symbolic links, except ``private`` (relative to
    ``source``), which is copied so that it can be changed, and the verification stamp, copied so that a new
    stamp does not replace the original's. A whole copy would take 3.3 GB of disk."""
    for path in source.rglob("*"):
        if path.is_dir():
            continue
        target = mirror / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.relative_to(source) in (private, Path(model_store.STAMP)):
            shutil.copy2(path, target)
        else:
            target.symlink_to(path)


@pytest.mark.parametrize("folder, name", [
    ("embeddinggemma-300m", "model.safetensors"),
    ("embeddinggemma-300m", "tokenizer.json"),
    (ONNX_FOLDER, "model.onnx.data"),
    (ONNX_FOLDER, "model.onnx"),
])
def test_tampered_model_is_refused_at_load_naming_the_file(settings, tmp_path, folder, name):
    from qa.config import Settings
    from qa.embed import get_embedder
    from qa.embed.loader import resolve_model
    from qa.embed.model_store import MODEL_NAME
    from qa.embed.onnx_export import onnx_model_file

    for model_folder in (MODEL_NAME, ONNX_FOLDER):
        private = Path(name) if model_folder == folder else Path()
        mirror_with_private_copy(Path(settings.model_dir) / model_folder, tmp_path / model_folder, private)
    copy = Settings(encoder="onnx", model_dir=tmp_path)
    resolve_model(copy)
    onnx_model_file(tmp_path, copy.encoder)
    target = tmp_path / folder / name
    assert not target.is_symlink()
    flip_byte_keeping_size_and_mtime(target, target.stat().st_size // 2)
    with pytest.raises(ModelError, match=rf"{target}: sha256 expected [0-9a-f]{{64}}, got") as caught:
        get_embedder(copy)
    remedy = "qa optimize-model" if folder == ONNX_FOLDER else "qa fetch-model"
    assert remedy in str(caught.value)
