"""A model folder with the default model's architecture and tokenizer but random weights, for speed runs where
the real weights cannot go (a machine that reaches no registry, 1.2 GB against a 64 MiB transfer).

A forward pass costs the same whatever the weights hold, so such a folder times the encoder faithfully (on a CPU
here, the real and the random folder encoded the same eight CMRC passages at 0.59 and 0.55 passages/s); answers
and retrieval quality from it mean nothing.

Usage:
    python scripts/random_model.py pack MODEL_FOLDER SKELETON    (here: the small files, the tokenizer as xz, ~5 MB)
    python scripts/random_model.py unpack SKELETON MODEL_FOLDER  (there: random weights, seed 0, 1.2 GB)
    QA_ENCODER=torch QA_MODEL=MODEL_FOLDER python scripts/bench.py ...
"""

from __future__ import annotations

import argparse
import json
import lzma
import shutil
import sys
from pathlib import Path

WEIGHTS = "model.safetensors"
TOKENIZER = "tokenizer.json"


def pack(model: Path, skeleton: Path) -> None:
    """Copy every file of ``model`` but its weights, the tokenizer compressed."""
    for source in model.rglob("*"):
        relative = source.relative_to(model)
        if source.is_dir() or source.name == WEIGHTS or relative.parts[0].startswith("."):
            continue
        target = skeleton / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.name == TOKENIZER:
            target.with_name(TOKENIZER + ".xz").write_bytes(lzma.compress(source.read_bytes()))
        else:
            shutil.copy2(source, target)


def unpack(skeleton: Path, model: Path) -> None:
    """Write a loadable model folder from a skeleton: the transformer and every dense layer with random weights."""
    import torch
    from safetensors.torch import save_file
    from transformers import AutoConfig, AutoModel

    shutil.copytree(skeleton, model, dirs_exist_ok=True)
    packed = model / (TOKENIZER + ".xz")
    (model / TOKENIZER).write_bytes(lzma.decompress(packed.read_bytes()))
    packed.unlink()
    torch.manual_seed(0)
    AutoModel.from_config(AutoConfig.from_pretrained(model), dtype=torch.float32).save_pretrained(model)
    for config_file in model.glob("*_Dense/config.json"):
        config = json.loads(config_file.read_text(encoding="utf-8"))
        weights = {"linear.weight": torch.randn(config["out_features"], config["in_features"])
                   / config["in_features"] ** 0.5}
        if config.get("bias", True):
            weights["linear.bias"] = torch.zeros(config["out_features"])
        save_file(weights, str(config_file.parent / WEIGHTS))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["pack", "unpack"])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    if not args.source.is_dir():
        print(f"error: {args.source} is not a folder", file=sys.stderr)
        return 2
    needed = args.source / (TOKENIZER if args.action == "pack" else TOKENIZER + ".xz")
    if not needed.is_file():
        print(f"error: {args.source} has no {needed.name}: not a model folder to {args.action}", file=sys.stderr)
        return 2
    (pack if args.action == "pack" else unpack)(args.source, args.target)
    print(f"wrote {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
