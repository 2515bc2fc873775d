"""Rewrite the exported graph's element-wise chains into ONNX Runtime's fused CPU kernels.

The exporter writes Gemma's RMS norm as seven operators, its tanh GELU as eight, and guards every attention softmax
against NaN. ONNX Runtime's own optimiser recognises none of these forms, so each runs as separate passes over
memory. The rewrites compute the same functions:

- ``x * rsqrt(mean(x²) + ε) * w`` becomes ``SimplifiedLayerNormalization(x, w)``;
- ``0.5 x (1 + tanh(√(2/π)(x + 0.044715 x³)))`` becomes ``FastGelu(x)``;
- ``Where(IsNaN(softmax), 0, softmax)`` becomes the softmax itself: the exporter masks with the float32 minimum,
  not ``-inf``, so a row masked throughout is uniform, never NaN.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

GELU_CUBIC = np.float32(0.044715)
GELU_SCALE = np.float32(np.sqrt(2 / np.pi))


@dataclass(frozen=True)
class Fusions:
    """How many chains each rewrite replaced."""

    norms: int
    gelus: int
    nan_guards: int


class GraphView:
    """Producers, consumers and scalar constants of a graph, for matching chains of nodes."""

    def __init__(self, graph) -> None:
        from onnx import numpy_helper

        self.outputs = {output.name for output in graph.output}
        self.consumers: dict[str, list] = defaultdict(list)
        for node in graph.node:
            for name in node.input:
                self.consumers[name].append(node)
        self.scalars = {init.name: float(numpy_helper.to_array(init).reshape(-1)[0]) for init in graph.initializer
                        if int(np.prod(init.dims)) == 1 and not init.external_data}

    def sole_consumer(self, name: str, op_type: str):
        """The one node that reads ``name`` when it is an ``op_type`` and ``name`` is not a graph output."""
        found = self.consumers[name]
        if len(found) == 1 and name not in self.outputs and found[0].op_type == op_type:
            return found[0]
        return None

    def scalar(self, name: str) -> float | None:
        """The value of a one-element constant, ``None`` for anything else."""
        return self.scalars.get(name)


def other_input(node, name: str) -> str:
    """The input of a two-input node that is not ``name``."""
    return node.input[1] if node.input[0] == name else node.input[0]


def match_rms_norm(view: GraphView, power) -> tuple[list, object] | None:
    """``Pow(x, 2) → ReduceMean(-1) → Add(ε) → Sqrt → Reciprocal → Mul(x) → Mul(w)``: the chain and its fused node."""
    from onnx import helper

    if view.scalar(power.input[1]) != 2.0:
        return None
    x = power.input[0]
    mean = view.sole_consumer(power.output[0], "ReduceMean")
    if mean is None or len(mean.input) < 2 or view.scalar(mean.input[1]) != -1.0:
        return None
    add = view.sole_consumer(mean.output[0], "Add")
    epsilon = view.scalar(other_input(add, mean.output[0])) if add is not None else None
    root = view.sole_consumer(add.output[0], "Sqrt") if epsilon is not None else None
    inverse = view.sole_consumer(root.output[0], "Reciprocal") if root is not None else None
    normed = view.sole_consumer(inverse.output[0], "Mul") if inverse is not None else None
    if normed is None or other_input(normed, inverse.output[0]) != x:
        return None
    scaled = view.sole_consumer(normed.output[0], "Mul")
    if scaled is None:
        return None
    fused = helper.make_node("SimplifiedLayerNormalization", [x, other_input(scaled, normed.output[0])],
                             [scaled.output[0]], name=f"{power.name}_rms_norm", axis=-1, epsilon=epsilon)
    return [power, mean, add, root, inverse, normed, scaled], fused


def match_tanh_gelu(view: GraphView, power) -> tuple[list, object] | None:
    """``x * 0.5 * (1 + tanh(√(2/π) * (x + 0.044715 * x³)))`` as the exporter writes it: the chain and its fused
    node."""
    from onnx import helper

    if view.scalar(power.input[1]) != 3.0:
        return None
    x = power.input[0]
    chain = [power]

    def step(op_type: str, operand: float | str | None) -> bool:
        """Extend the chain by the sole reader of its end, an ``op_type`` whose other input is ``operand`` (a tensor
        name or a constant's value; ``None`` for a one-input operator)."""
        node = view.sole_consumer(chain[-1].output[0], op_type)
        if node is None:
            return False
        if operand is not None:
            other = other_input(node, chain[-1].output[0])
            value = view.scalar(other)
            if other != operand and (isinstance(operand, str) or value is None or not np.isclose(value, operand)):
                return False
        chain.append(node)
        return True

    steps = [("Mul", float(GELU_CUBIC)), ("Add", x), ("Mul", float(GELU_SCALE)), ("Tanh", None), ("Add", 1.0),
             ("Mul", 0.5), ("Mul", x)]
    if not all(step(op_type, operand) for op_type, operand in steps):
        return None
    fused = helper.make_node("FastGelu", [x], [chain[-1].output[0]], name=f"{power.name}_gelu",
                             domain="com.microsoft")
    return chain, fused


def nan_guard(view: GraphView, softmax) -> tuple[object, object] | None:
    """The ``IsNaN`` and ``Where`` that zero a softmax's NaNs, when they are all that read it."""
    readers = view.consumers[softmax.output[0]]
    is_nan = next((node for node in readers if node.op_type == "IsNaN"), None)
    where = next((node for node in readers if node.op_type == "Where"), None)
    if len(readers) != 2 or is_nan is None or where is None:
        return None
    if where.input[0] != is_nan.output[0] or where.input[2] != softmax.output[0]:
        return None
    return is_nan, where


def masks_with_finite_minimum(view: GraphView, graph) -> bool:
    """Whether every ``Where`` that builds an attention bias fills with a finite number (no ``-inf`` anywhere a mask
    is filled, so no softmax row can be NaN)."""
    fills = [view.scalar(name) for node in graph.node if node.op_type == "Where" for name in node.input[1:]
             if view.scalar(name) is not None]
    return bool(fills) and all(np.isfinite(fill) for fill in fills)


def fuse_graph(source: Path, target: Path) -> Fusions:
    """Write ``source``'s graph with its chains fused to ``target`` (in the same folder: the weights stay in the
    data file both name), without the constants only the replaced chains read.

    Returns:
        How many chains were replaced.
    """
    import onnx
    from onnx import helper

    model = onnx.load(str(source), load_external_data=False)
    graph = model.graph
    view = GraphView(graph)
    replaced: dict[int, object] = {}
    dropped: set[int] = set()
    counts = {"norms": 0, "gelus": 0, "nan_guards": 0}
    guards_are_idle = masks_with_finite_minimum(view, graph)
    for node in graph.node:
        if node.op_type == "Pow":
            for matcher, kind in ((match_rms_norm, "norms"), (match_tanh_gelu, "gelus")):
                found = matcher(view, node)
                if found is not None:
                    chain, fused = found
                    dropped.update(id(member) for member in chain[:-1])
                    replaced[id(chain[-1])] = fused
                    counts[kind] += 1
                    break
        elif node.op_type == "Softmax" and guards_are_idle:
            guard = nan_guard(view, node)
            if guard is not None:
                is_nan, where = guard
                for reader in view.consumers[where.output[0]]:
                    reader.input[:] = [node.output[0] if name == where.output[0] else name for name in reader.input]
                dropped.update((id(is_nan), id(where)))
                counts["nan_guards"] += 1
    nodes = [replaced.get(id(node), node) for node in graph.node if id(node) not in dropped]
    del graph.node[:]
    graph.node.extend(nodes)
    used = {name for node in nodes for name in node.input} | {output.name for output in graph.output}
    kept = [init for init in graph.initializer if init.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    if counts["gelus"] and not any(entry.domain == "com.microsoft" for entry in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    onnx.save(model, str(target))
    return Fusions(**counts)
