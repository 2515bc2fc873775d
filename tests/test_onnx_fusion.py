"""The exported graph's element-wise chains become fused kernels that compute the same function."""

from __future__ import annotations

import numpy as np
import pytest

from qa.embed.onnx_fusion import GELU_CUBIC, GELU_SCALE, fuse_graph

HIDDEN = 8


def toy_block(folder, mask_fill: float = float(np.finfo(np.float32).min), shared_square: bool = False):
    """A graph written the way the exporter writes Gemma: an RMS norm, attention scores masked by ``Where`` with
    ``mask_fill``, a softmax behind a NaN guard, and a tanh GELU. With ``shared_square`` the norm's square is read
    by a second node as well (a chain that must not be fused)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(0)

    def constant(name: str, value) -> onnx.TensorProto:
        return numpy_helper.from_array(np.asarray(value, dtype=np.float32), name)

    initializers = [constant("two", 2.0), constant("three", 3.0), constant("eps", 1e-6), constant("one", 1.0),
                    constant("half", 0.5), constant("cubic", GELU_CUBIC), constant("scale", GELU_SCALE),
                    constant("zero", 0.0), constant("fill", mask_fill),
                    constant("norm_weight", 1 + rng.standard_normal(HIDDEN)),
                    constant("w", rng.standard_normal((HIDDEN, HIDDEN))),
                    numpy_helper.from_array(np.array([-1], dtype=np.int64), "last_axis")]
    make = helper.make_node
    nodes = [
        make("Pow", ["x", "two"], ["square"]), make("ReduceMean", ["square", "last_axis"], ["mean"]),
        make("Add", ["mean", "eps"], ["shifted"]), make("Sqrt", ["shifted"], ["root"]),
        make("Reciprocal", ["root"], ["inverse"]), make("Mul", ["x", "inverse"], ["normed"]),
        make("Mul", ["normed", "norm_weight"], ["h"]),
        make("MatMul", ["h", "w"], ["scores"]), make("Where", ["mask", "zero", "fill"], ["bias"]),
        make("Add", ["scores", "bias"], ["biased"]), make("Softmax", ["biased"], ["probabilities"]),
        make("IsNaN", ["probabilities"], ["nan"]), make("Where", ["nan", "zero", "probabilities"], ["attention"]),
        make("MatMul", ["attention", "w"], ["u"]),
        make("Pow", ["u", "three"], ["cube"]), make("Mul", ["cubic", "cube"], ["cube_part"]),
        make("Add", ["u", "cube_part"], ["inner"]), make("Mul", ["scale", "inner"], ["scaled"]),
        make("Tanh", ["scaled"], ["tanh"]), make("Add", ["tanh", "one"], ["one_plus"]),
        make("Mul", ["half", "one_plus"], ["halved"]), make("Mul", ["u", "halved"], ["y"]),
    ]
    outputs = [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)]
    if shared_square:
        nodes.append(make("Identity", ["square"], ["square_seen"]))
        outputs.append(helper.make_tensor_value_info("square_seen", TensorProto.FLOAT, None))
    inputs = [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None, HIDDEN]),
              helper.make_tensor_value_info("mask", TensorProto.BOOL, [None, HIDDEN])]
    graph = helper.make_graph(nodes, "toy", inputs, outputs, initializers)
    path = folder / "toy.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)]), path)
    return path


def run(path, x: np.ndarray, mask: np.ndarray) -> np.ndarray:
    import onnxruntime

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(["y"], {"x": x, "mask": mask})[0]


def op_types(path) -> list[str]:
    import onnx

    return [node.op_type for node in onnx.load(str(path)).graph.node]


@pytest.fixture()
def inputs() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(1)
    mask = rng.random((5, HIDDEN)) > 0.3
    mask[-1] = False  # a row masked throughout: uniform, not NaN
    return rng.standard_normal((5, HIDDEN)).astype(np.float32), mask


def test_fused_graph_computes_the_same_function(tmp_path, inputs):
    import onnx

    source = toy_block(tmp_path)
    fusions = fuse_graph(source, tmp_path / "fused.onnx")
    assert (fusions.norms, fusions.gelus, fusions.nan_guards) == (1, 1, 1)
    types = op_types(tmp_path / "fused.onnx")
    assert {"SimplifiedLayerNormalization", "FastGelu"} <= set(types)
    assert not {"Pow", "Tanh", "Sqrt", "IsNaN"} & set(types)
    constants = {init.name for init in onnx.load(str(tmp_path / "fused.onnx")).graph.initializer}
    assert not {"two", "three", "cubic", "scale", "half"} & constants  # ONNX Runtime warns of unused ones
    before, after = run(source, *inputs), run(tmp_path / "fused.onnx", *inputs)
    assert np.isfinite(after).all()
    np.testing.assert_allclose(after, before, rtol=1e-5, atol=1e-5)


def test_the_nan_guard_stays_where_a_mask_fills_with_minus_infinity(tmp_path, inputs):
    """With ``-inf`` in the mask a row masked throughout is NaN, and the guard is what zeroes it."""
    source = toy_block(tmp_path, mask_fill=float("-inf"))
    fusions = fuse_graph(source, tmp_path / "fused.onnx")
    assert fusions.nan_guards == 0
    assert "IsNaN" in op_types(tmp_path / "fused.onnx")
    np.testing.assert_allclose(run(tmp_path / "fused.onnx", *inputs), run(source, *inputs), rtol=1e-5, atol=1e-5)


def test_a_chain_read_elsewhere_is_left_alone(tmp_path, inputs):
    source = toy_block(tmp_path, shared_square=True)
    fusions = fuse_graph(source, tmp_path / "fused.onnx")
    assert fusions.norms == 0 and fusions.gelus == 1
    assert op_types(tmp_path / "fused.onnx").count("Pow") == 1
