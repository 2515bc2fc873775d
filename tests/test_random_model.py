"""scripts/random_model.py: a model folder packed without its weights and unpacked with random ones loads and
encodes in the original's shape (how the encoder was timed on a machine the real weights could not reach)."""

import sys

import numpy as np
from safetensors.numpy import load_file

from conftest import load_script

TEXTS = ["茂名市开展全员核酸检测。", "检测从7月12日起连续三天。"]


def test_a_packed_model_unpacks_with_random_weights_of_the_same_shape(tiny_model, tmp_path):
    from sentence_transformers import SentenceTransformer

    script = load_script("random_model")
    model = tiny_model(TEXTS)
    script.pack(model, tmp_path / "skeleton")
    packed = {path.relative_to(tmp_path / "skeleton").as_posix() for path in (tmp_path / "skeleton").rglob("*.*")}
    assert "tokenizer.json.xz" in packed and "tokenizer.json" not in packed
    assert not any(name.endswith(script.WEIGHTS) for name in packed)
    script.unpack(tmp_path / "skeleton", tmp_path / "random")
    original, unpacked = load_file(str(model / script.WEIGHTS)), load_file(str(tmp_path / "random" / script.WEIGHTS))
    assert {name: array.shape for name, array in original.items()} == {
        name: array.shape for name, array in unpacked.items()}
    assert all(np.array_equal(original[name], unpacked[name]) for name in original), (
        "seed 0, as the fixture's own initialisation: an unpacked folder is reproducible")
    for dense in ("2_Dense", "3_Dense"):
        assert load_file(str(tmp_path / "random" / dense / script.WEIGHTS))["linear.weight"].shape == load_file(
            str(model / dense / script.WEIGHTS))["linear.weight"].shape
    vectors = SentenceTransformer(str(tmp_path / "random"), device="cpu").encode(TEXTS)
    assert vectors.shape == (2, 16) and np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)


def test_a_folder_that_is_no_model_is_refused_in_one_line(tmp_path, capsys, monkeypatch):
    script = load_script("random_model")
    monkeypatch.setattr(sys, "argv", ["random_model.py", "unpack", str(tmp_path), str(tmp_path / "out")])
    assert script.main() == 2
    assert capsys.readouterr().err.strip() == f"error: {tmp_path} has no tokenizer.json.xz: not a model folder to unpack"
