"""The model's tokenizer read straight from its ``tokenizer.json`` with the ``tokenizers`` library: the same token
ids as transformers' fast tokenizer, without importing transformers (about 4 s of a server's start-up)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np


class ModelTokenizer:
    """Token ids, attention masks and character offsets for batches of texts.

    Args:
        folder: the model folder (``tokenizer.json``, ``special_tokens_map.json``).
        max_tokens: longest input in tokens, special tokens included; longer ones are truncated.
    """

    def __init__(self, folder: str | Path, max_tokens: int) -> None:
        from tokenizers import Tokenizer

        folder = Path(folder)
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        special = json.loads((folder / "special_tokens_map.json").read_text(encoding="utf-8"))
        pad = special.get("pad_token")
        pad = pad["content"] if isinstance(pad, dict) else pad
        self._tokenizer.enable_truncation(max_tokens)
        self._tokenizer.enable_padding(pad_id=self._tokenizer.token_to_id(pad) or 0, pad_token=pad or "<pad>")

    def batch(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
        """Encode texts padded to the longest: ``(input_ids, attention_mask, offsets)``, ids and mask as int64
        ``(batch, length)`` arrays, offsets one ``(length, 2)`` array per text ((0, 0) for special tokens)."""
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        return ids, mask, [np.array(e.offsets, dtype=np.int64).reshape(-1, 2) for e in encodings]

    def offsets(self, text: str) -> list[tuple[int, int]]:
        """Character range of each token of ``text`` alone (no special tokens), at most ``max_tokens`` of them."""
        return list(self._tokenizer.encode(text, add_special_tokens=False).offsets)
