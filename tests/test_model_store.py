import hashlib
from pathlib import Path

import pytest

from qa.embed.model_store import ManifestEntry, read_manifest, verify_model_dir
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
