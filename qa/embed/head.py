"""The model's sentence head (mean pooling, then its dense projections and normalisation) applied in numpy to
token states, so one forward pass over a passage yields the passage's vector and each of its sentences'
(late chunking: a sentence's vector is the head over the sentence's own tokens, read in the passage's context).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.errors import ModelError

IDENTITY = "torch.nn.modules.linear.Identity"
MEAN_POOLING = "mean"
MEAN_TOKENS_FLAG = "pooling_mode_mean_tokens"


def pools_by_mean(config: dict) -> bool:
    """Whether a Pooling module's config asks for mean pooling alone: ``"pooling_mode": "mean"`` as
    sentence-transformers 6 saves it, or the older flags with only ``pooling_mode_mean_tokens`` on."""
    if "pooling_mode" in config:
        return config["pooling_mode"] in (MEAN_POOLING, [MEAN_POOLING])
    return [name for name, on in config.items() if name.startswith("pooling_mode_") and on] == [MEAN_TOKENS_FLAG]


@dataclass
class TokenStates:
    """One text's forward pass: a state per token, and each token's character range in the text ((0, 0) for
    special tokens)."""

    states: np.ndarray
    offsets: np.ndarray


@dataclass
class SentenceHead:
    """Mean pooling followed by linear projections (composed into one matrix) and L2 normalisation.

    Args:
        projection: the dense layers composed, a ``(dimension, token dimension)`` matrix; None without them.
        bias: the composed layers' bias; None without dense layers.
    """

    projection: np.ndarray | None
    bias: np.ndarray | None

    @classmethod
    def from_folder(cls, folder: str | Path) -> SentenceHead | None:
        """The head of a sentence-transformers folder, or None where it is not mean pooling over linear layers
        (such a model gets its sentences embedded one by one instead).

        Raises:
            ModelError: a dense layer's weights cannot be read.
        """
        folder = Path(folder)
        modules_file = folder / "modules.json"
        if not modules_file.is_file():
            return None
        projection: np.ndarray | None = None
        bias: np.ndarray | None = None
        for module in json.loads(modules_file.read_text(encoding="utf-8"))[1:]:
            kind = module["type"].rsplit(".", 1)[-1]
            config_file = folder / module["path"] / "config.json"
            config = json.loads(config_file.read_text(encoding="utf-8")) if config_file.is_file() else {}
            if kind == "Pooling":
                if not pools_by_mean(config):
                    return None
            elif kind == "Dense":
                if config.get("activation_function", IDENTITY) != IDENTITY:
                    return None
                weight, layer_bias = cls._dense_weights(folder / module["path"])
                layer_bias = np.zeros(len(weight), np.float32) if layer_bias is None else layer_bias
                bias = layer_bias if bias is None else weight @ bias + layer_bias
                projection = weight if projection is None else weight @ projection
            elif kind != "Normalize":
                return None
        return cls(projection, bias)

    @staticmethod
    def _dense_weights(folder: Path) -> tuple[np.ndarray, np.ndarray | None]:
        from safetensors.numpy import load_file

        try:
            weights = load_file(str(folder / "model.safetensors"))
        except (OSError, ValueError) as error:
            raise ModelError(f"cannot read the dense layer in {folder}: {error}") from error
        bias = weights.get("linear.bias")
        return weights["linear.weight"].astype(np.float32), None if bias is None else bias.astype(np.float32)

    def apply(self, pooled: np.ndarray) -> np.ndarray:
        """Project mean-pooled token states and normalise them (rows)."""
        vectors = pooled if self.projection is None else pooled @ self.projection.T
        if self.bias is not None:
            vectors = vectors + self.bias
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.where(norms > 0, norms, 1)).astype(np.float32)

    def pool(self, tokens: TokenStates, spans: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
        """The text's vector (the mean over all its tokens, as the model pools it) and one vector per character
        span (the mean over the tokens that overlap it; a span no token reaches, beyond truncation, gets the
        text's vector).

        Returns:
            ``(text vector, span vectors)``, normalised.
        """
        states = tokens.states
        whole = states.mean(axis=0, keepdims=True)
        starts, ends = tokens.offsets[:, 0], tokens.offsets[:, 1]
        real = ends > starts
        pooled = np.empty((len(spans), states.shape[1]), dtype=np.float32)
        for row, (start, end) in enumerate(spans):
            inside = real & (starts < end) & (ends > start)
            pooled[row] = states[inside].mean(axis=0) if inside.any() else whole[0]
        vectors = self.apply(np.concatenate([whole, pooled]))
        return vectors[0], vectors[1:]
