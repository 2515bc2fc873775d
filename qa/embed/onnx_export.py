"""Export the verified model to ONNX (fp32) and quantise it to int8, once, into the model cache.

The transformer becomes one graph: token ids and attention mask in, token states out; the model's head (mean
pooling, dense layers) runs in numpy (:mod:`qa.embed.head`), so one pass over a passage gives its sentences'
vectors too, and int8 leaves the head in fp32. Each file's sha256 is recorded in a manifest beside it and
checked at every load, like the downloaded model.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from qa.embed.model_store import (MODEL_NAME, ManifestEntry, file_identity, file_sha256, read_manifest,
                                  verify_model_dir, write_stamp)
from qa.embed.onnx_fusion import fuse_graph
from qa.errors import ModelError
from qa.folders import replace_folder

ONNX_FOLDER = f"{MODEL_NAME}-onnx-v5"
"""The export's folder, versioned: v2 outputs token states and keeps int8's sensitive weights in fp32; v3 keeps int8's
weights in a data file beside its graph, which ONNX Runtime maps instead of copying (a server's start 2.8 -> 1.3 s,
peak memory 1,831 -> 660 MiB); v4 fuses the norms, GELUs and softmax guards (:mod:`qa.embed.onnx_fusion`); v5 quantises
int8's weights to 7 bits (:func:`quantize_int8`). A change
takes a new version, so an older export is never read."""
FILES = {"onnx": "model.onnx", "onnx-int8": "model_int8.onnx"}
MANIFEST = "manifest.sha256"


def onnx_dir(model_dir: Path) -> Path:
    """Where the exported models live."""
    return Path(model_dir) / ONNX_FOLDER


def onnx_model_file(model_dir: Path, encoder: str) -> Path:
    """The ONNX file of an encoder, its graph and weights verified against the export's sha256 manifest.

    Raises:
        ModelError: not exported yet, or a file changed since (naming the file).
    """
    folder = onnx_dir(model_dir)
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise ModelError(f"no ONNX export in {folder}: run `qa optimize-model` first (or use QA_ENCODER=torch)")
    entries = [e for e in read_manifest(manifest) if e.path.startswith(FILES[encoder])]
    verify_model_dir(folder, entries, remedy="run `qa optimize-model` to export it again")
    return folder / FILES[encoder]


def export_onnx(model_path: str, destination: Path) -> Path:
    """Trace the model's transformer into ``destination/model.onnx`` (weights in ``model.onnx.data``)."""
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_path, device="cpu")

    class Pipeline(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.model[0]({"input_ids": input_ids, "attention_mask": attention_mask})["token_embeddings"]

    example = model.tokenizer(["title: none | text: 示例句子。", "task: search result | query: 示例问题"], padding=True,
                              return_tensors="pt")
    target = destination / FILES["onnx"]
    axes = {0: "batch", 1: "length"}
    torch.onnx.export(Pipeline().eval(), (example["input_ids"], example["attention_mask"]), str(target),
                      input_names=["input_ids", "attention_mask"], output_names=["token_embeddings"],
                      dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_embeddings": axes},
                      opset_version=18, dynamo=True, external_data=True, verbose=False)
    return target


FP32_EDGE_LAYERS = 2
"""int8 keeps this many first and last transformer layers in fp32: quantising them moved vectors most."""


def fp32_nodes(graph_file: Path) -> list[str]:
    """The nodes int8 leaves in fp32 (see :func:`quantize_int8`): the token embedding table, every layer's MLP
    down projection (the weight whose input is wider than the model's hidden size: its inputs carry the largest
    activations) and every weight of the first and last ``FP32_EDGE_LAYERS`` layers. Layers are counted by their
    down projections, in graph order."""
    import onnx

    graph = onnx.load(str(graph_file), load_external_data=False).graph
    shapes = {init.name: tuple(init.dims) for init in graph.initializer}
    layers: list[list[str]] = [[]]
    embedding: list[str] = []
    down: list[str] = []
    hidden = 0
    for node in graph.node:
        weights = [shapes[name] for name in node.input if name in shapes]
        if node.op_type == "Gather" and weights and len(weights[0]) == 2:
            embedding.append(node.name)
            hidden = weights[0][1]
        if node.op_type != "MatMul" or not weights or len(weights[0]) != 2:
            continue
        layers[-1].append(node.name)
        if weights[0][0] > hidden:
            down.append(node.name)
            layers.append([])
    layers = [layer for layer in layers if layer]
    edges = [name for layer in layers[:FP32_EDGE_LAYERS] + layers[-FP32_EDGE_LAYERS:] for name in layer]
    return sorted(set(embedding + down + edges))


def quantize_int8(source: Path, target: Path) -> Path:
    """Dynamic int8 quantisation of the weights (per channel; activations stay float), leaving the parts that
    move vectors most in fp32 (:func:`fp32_nodes`); the model's head runs in fp32 numpy in any case. The weights
    go to ``target`` + ``.data`` (the fp32 token embedding table alone is 805 MB: mapped, only the rows in use
    stay resident).

    Weights take 7 bits (``reduce_range``): on x86 processors without VNNI (AVX2 alone, as on AMD Zen 3), ONNX
    Runtime multiplies 8-bit activations by 8-bit weights with an instruction whose paired sums saturate at 16 bits,
    and the full range moved CMRC passage vectors to a mean cosine of 0.979 against fp32 there (0.999 on a processor
    with VNNI); with 7 bits no sum saturates, so every processor computes the same vectors (0.9986 to fp32)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True,
                     nodes_to_exclude=fp32_nodes(source), use_external_data_format=True)
    return target


def optimize_model(model_dir: Path, keep_fp32: bool = True) -> Path:
    """Export and quantise the verified default model into ``model_dir``; skipped when a verified export exists.

    Works in a temporary folder and renames it into place once every file is written and hashed.

    Returns:
        The folder of the exported models.
    """
    model_dir = Path(model_dir)
    source = model_dir / MODEL_NAME
    verify_model_dir(source, progress=False)
    final = onnx_dir(model_dir)
    try:
        verify_model_dir(final, read_manifest(final / MANIFEST))
        return final
    except (ModelError, OSError):
        pass
    with tempfile.TemporaryDirectory(dir=model_dir, prefix=".onnx-") as work:
        staged = Path(work) / ONNX_FOLDER
        staged.mkdir()
        print("exporting the model to ONNX ...", flush=True)
        fp32 = export_onnx(str(source), staged)
        fusions = fuse_graph(fp32, fp32)
        print(f"fused {fusions.norms} norms, {fusions.gelus} GELUs, {fusions.nan_guards} softmax guards", flush=True)
        print("quantising to int8 ...", flush=True)
        quantize_int8(fp32, staged / FILES["onnx-int8"])
        if not keep_fp32:
            for path in staged.glob(f"{FILES['onnx']}*"):
                path.unlink()
        lines, stamp = [], {}
        for path in sorted(p for p in staged.iterdir() if p.is_file()):
            entry = ManifestEntry(file_sha256(path), path.stat().st_size, path.name)
            lines.append(f"{entry.sha256}  {entry.size}  {entry.path}")
            stamp[entry.path] = {"sha256": entry.sha256, "identity": file_identity(path)}
        (staged / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
        write_stamp(staged, stamp)
        replace_folder(staged, final)
    return final
