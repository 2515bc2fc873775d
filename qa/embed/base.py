"""What every encoder shares: the model's prompts, batching, normalisation and a cache of question vectors.

Backends (:mod:`qa.embed.torch_encoder`, :mod:`qa.embed.onnx_encoder`, :mod:`qa.embed.hashing`) implement
the hook ``_embed``, and those with the model's head (:mod:`qa.embed.head`) also ``_token_states``, which gives
passages and their sentences vectors from one forward pass; every vector they return is normalised float32.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np

from qa.embed.batcher import MicroBatcher
from qa.embed.head import SentenceHead, TokenStates
from qa.text.normalize import simplify

TITLE_SLOT = "title: none"


class Embedder:
    """What every backend shares: prompts, batching, normalisation and a cache of question vectors.

    Args:
        name: the vector space, recorded in index manifests (indexes of another space are refused).
        dimension: vector dimension.
        prompts: the model's named prompts (``query``, ``document``, ``STS`` …).
        batch_size: encoding batch size.
        encoder: backend name (``torch``, ``onnx``, ``onnx-int8``).
        query_cache_size: how many recent question vectors to keep.

    Backends with a tokenizer implement ``_token_offsets``; token counts and truncation then follow the model.
    Backends that expose token states set ``head``; :meth:`encode_late` is then available. ``device`` names where
    the model runs.
    """

    def __init__(self, name: str, dimension: int, prompts: dict[str, str], batch_size: int, encoder: str,
                 query_cache_size: int) -> None:
        self.name = name
        self.dimension = dimension
        self.prompts = prompts
        self.batch_size = batch_size
        self.encoder = encoder
        self.query_cache_size = query_cache_size
        self._lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self.head: SentenceHead | None = None
        self.device = "cpu"
        self.batcher: MicroBatcher | None = None

    def batch_queries(self, max_batch: int, wait_seconds: float) -> None:
        """Embed questions asked at the same time together (see :class:`MicroBatcher`)."""
        self.batcher = MicroBatcher(self._encode_questions, max_batch, wait_seconds)

    def _embed(self, texts: list[str], progress: bool) -> np.ndarray:
        """Backend hook: embed texts that already carry their prompt."""
        raise NotImplementedError

    def _token_states(self, texts: list[str]) -> list[TokenStates]:
        """Backend hook (where ``head`` is set): each text's token states and their character offsets."""
        raise NotImplementedError

    def encode_late(self, inputs: list[str], spans: list[list[tuple[int, int]]]) -> tuple[np.ndarray, list[np.ndarray]]:
        """Embed passages and, from the same forward pass, spans of them (late chunking).

        Args:
            inputs: passages' model inputs (see :meth:`document_inputs`).
            spans: per input, the character spans (in the input) to embed, such as its sentences.

        Returns:
            The inputs' vectors (one row each) and, per input, its spans' vectors; normalised float32.
        """
        if self.head is None:
            raise ValueError(f"the {self.encoder} encoder exposes no token states")
        if not inputs:
            return np.zeros((0, self.dimension), dtype=np.float32), []
        with self._lock:
            states = self._token_states([self.model_text(text) for text in inputs])
            pooled = [self.head.pool(tokens, text_spans) for tokens, text_spans in zip(states, spans)]
        return np.stack([whole for whole, _ in pooled]), [parts for _, parts in pooled]

    @staticmethod
    def model_text(text: str) -> str:
        """``text`` as the model reads it: Traditional characters in Simplified script, one for one, so character
        offsets hold (Simplified text is unchanged; see the README for what it changed on DRCD)."""
        return simplify(text)

    def _token_offsets(self, text: str) -> list[tuple[int, int]] | None:
        """Backend hook: the character range of each model token of ``text`` alone (no prompt, no special tokens);
        ``None`` where the backend has no tokenizer."""
        return None

    def count_tokens(self, text: str) -> int:
        """Model tokens of ``text`` alone (no prompt, no special tokens); characters where there is no tokenizer."""
        offsets = self._token_offsets(self.model_text(text))
        return len(text) if offsets is None else len(offsets)

    def truncate(self, text: str, max_tokens: int) -> str:
        """The longest start of ``text`` that holds at most ``max_tokens`` model tokens (characters without a
        tokenizer)."""
        offsets = self._token_offsets(self.model_text(text))
        if offsets is None:
            return text[:max_tokens]
        return text if len(offsets) <= max_tokens else text[:offsets[max_tokens - 1][1]]

    def _encode(self, texts: list[str], prompt: str, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            inputs = [prompt + self.model_text(text) for text in texts]
            vectors = np.asarray(self._embed(inputs, progress), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return np.ascontiguousarray(vectors / np.where(norms > 0, norms, 1))

    def encode_queries(self, texts: list[str], remember: bool = True) -> np.ndarray:
        """Embed questions with the model's ``query`` prompt, reusing vectors of recently seen questions.

        Args:
            texts: the questions.
            remember: keep their vectors for the next time they are asked (false for texts made per question, such
                as restatements, which would only crowd the questions out).

        Returns:
            Normalised float32 vectors, one row per text.
        """
        with self._cache_lock:
            found = {text: self._query_cache[text] for text in texts if text in self._query_cache}
        missing = [text for text in dict.fromkeys(texts) if text not in found]
        if missing:
            vectors = self.batcher.encode(missing) if self.batcher else self._encode_questions(missing)
            found |= dict(zip(missing, vectors))
        if not remember:
            return np.stack([found[text] for text in texts])
        with self._cache_lock:
            for text in texts:
                self._query_cache[text] = found[text]
                self._query_cache.move_to_end(text)
            while len(self._query_cache) > self.query_cache_size:
                self._query_cache.popitem(last=False)
        rows = [found[text] for text in texts]
        return np.stack(rows) if rows else np.zeros((0, self.dimension), dtype=np.float32)

    def _encode_questions(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.prompts.get("query", ""))

    def document_inputs(self, texts: list[str], titles: list[str] | None = None) -> list[str]:
        """The exact model inputs of passages: the ``document`` prompt, with each passage's title in its slot
        when titles are given and the prompt has one."""
        prompt = self.prompts.get("document", "")
        if titles is not None and TITLE_SLOT in prompt:
            return [prompt.replace(TITLE_SLOT, f"title: {title or 'none'}") + text for text, title in zip(texts, titles)]
        return [prompt + text for text in texts]

    def encode_inputs(self, inputs: list[str], progress: bool = False) -> np.ndarray:
        """Embed model inputs that already carry their prompt (see :meth:`document_inputs`).

        Returns:
            Normalised float32 vectors, one row per input.
        """
        return self._encode(inputs, "", progress)

    def encode_documents(self, texts: list[str], titles: list[str] | None = None, progress: bool = False) -> np.ndarray:
        """Embed passages with the model's ``document`` prompt (and titles, see :meth:`document_inputs`).

        Returns:
            Normalised float32 vectors, one row per text.
        """
        return self.encode_inputs(self.document_inputs(texts, titles), progress)

    def encode_texts(self, texts: list[str]) -> np.ndarray:
        """Embed texts symmetrically (sentence similarity), for comparing sentences with each other."""
        return self._encode(texts, self.prompts.get("STS", ""))
