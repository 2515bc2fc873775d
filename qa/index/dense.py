"""Dense vector index: exact FAISS inner-product search for small corpora, IVF above a size threshold (its vectors
kept at half precision: a search compares the question with them, and the scores move by about 1e-3).

The IVF probe count is tuned at build time until recall@10 against exact search reaches the
target on a sample of the corpus's own vectors, and recorded with the index.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path

import faiss
import numpy as np

from qa.index.arrays import Rows2D

IVF_TYPES = ("ivf-fp16", "ivf-flat")
"""IVF index types: the one built now, and the full-precision one built before."""
PROBES = (1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512)
SLICE_ROWS = 8192
"""Vectors read and handed to FAISS at a time: a build reads the generation's vector file slice by slice, so no
float32 copy of the whole corpus is made beside the index's own."""


def row_slices(vectors: Rows2D) -> Iterator[tuple[int, np.ndarray]]:
    """The first row and the float32 rows of each :data:`SLICE_ROWS`-long slice of ``vectors``."""
    for start in range(0, len(vectors), SLICE_ROWS):
        yield start, np.ascontiguousarray(vectors[start:start + SLICE_ROWS], dtype=np.float32)


def add_in_slices(index: faiss.Index, vectors: Rows2D) -> None:
    """Add ``vectors`` to ``index`` in passage order, a slice at a time."""
    for _, rows in row_slices(vectors):
        index.add(rows)


def exact_neighbours(vectors: Rows2D, queries: np.ndarray, k: int) -> np.ndarray:
    """Rows of each query's ``k`` largest inner products with ``vectors`` (exact; read a slice at a time)."""
    heap = faiss.ResultHeap(len(queries), k, keep_max=True)
    for start, rows in row_slices(vectors):
        exact = faiss.IndexFlatIP(rows.shape[1])
        exact.add(rows)
        scores, found = exact.search(queries, min(k, len(rows)))
        heap.add_result(scores, np.where(found >= 0, found + start, -1))
    heap.finalize()
    return heap.I


def recall_at(found: np.ndarray, truth: np.ndarray, k: int = 10) -> float:
    """Mean share of the true top-``k`` rows that a search found (rows of ``found``/``truth`` per query)."""
    hits = [len(set(f[:k].tolist()) & set(t[:k].tolist())) / min(k, len(t)) for f, t in zip(found, truth)]
    return float(np.mean(hits)) if hits else 1.0


def ivf_cells(count: int) -> int:
    """IVF cells for ``count`` vectors: ``4·√n``, between 16 and 65,536."""
    return int(min(65_536, max(16, 4 * math.sqrt(count))))


def empty_ivf(quantizer: faiss.IndexFlatIP, nlist: int) -> faiss.IndexIVFScalarQuantizer:
    """An inner-product IVF index over ``quantizer``'s cells that stores vectors at half precision (whole vectors,
    not residuals: a half-precision vector is as exact as the cell it lies in)."""
    index = faiss.IndexIVFScalarQuantizer(quantizer, quantizer.d, nlist, faiss.ScalarQuantizer.QT_fp16,
                                          faiss.METRIC_INNER_PRODUCT, False)
    index.is_trained = quantizer.ntotal == nlist  # half precision itself learns nothing: trained cells suffice
    return index


class DenseIndex:
    """Inner-product search over normalised vectors; the one place that knows which FAISS index is used.

    Args:
        index: a FAISS index holding the passage vectors in passage order.
        info: how it was built (``type``, and for IVF ``nlist``, ``nprobe``, ``recall_at_10``).
    """

    FILE = "dense.faiss"
    INFO = "dense.json"

    def __init__(self, index: faiss.Index, info: dict | None = None) -> None:
        self.index = index
        self.info = info or {"type": "flat-ip"}
        if self.info.get("type") in IVF_TYPES:
            faiss.extract_index_ivf(self.index).nprobe = int(self.info["nprobe"])

    @classmethod
    def build(cls, vectors: Rows2D, exact_below: int, target_recall: float, nlist: int | None = None,
              seed: int = 0) -> "DenseIndex":
        """Index ``vectors`` (rows in passage order), read a slice at a time.

        Args:
            vectors: normalised rows, in memory or in a generation's file.
            exact_below: corpora smaller than this get exact search.
            target_recall: recall@10 against exact search the IVF probe count must reach.
            nlist: IVF cells (default ``4·√n``).
            seed: sampling seed.
        """
        count, dimension = vectors.shape
        if count < exact_below:
            index = faiss.IndexFlatIP(dimension)
            add_in_slices(index, vectors)
            return cls(index, {"type": "flat-ip"})
        nlist = nlist or ivf_cells(count)
        index = empty_ivf(faiss.IndexFlatIP(dimension), nlist)
        rng = np.random.default_rng(seed)
        sample = rng.choice(count, size=min(count, 64 * nlist), replace=False)
        index.train(np.ascontiguousarray(vectors[sample], dtype=np.float32))
        add_in_slices(index, vectors)
        nprobe, recall = cls._tune(index, vectors, target_recall, rng)
        return cls(index, {"type": "ivf-fp16", "nlist": nlist, "nprobe": nprobe, "recall_at_10": round(recall, 4)})

    def refilled(self, vectors: Rows2D, exact_below: int, target_recall: float) -> "DenseIndex":
        """An index of ``vectors`` that keeps this one's trained IVF cells and probe count when both are IVF-sized
        (only the vectors are added again); otherwise built afresh."""
        if self.info["type"] not in IVF_TYPES or len(vectors) < exact_below:
            return DenseIndex.build(vectors, exact_below, target_recall)
        trained = faiss.extract_index_ivf(self.index)
        index = empty_ivf(faiss.clone_index(trained.quantizer), trained.nlist)
        add_in_slices(index, vectors)
        return DenseIndex(index, self.info | {"type": IVF_TYPES[0]})

    @staticmethod
    def _tune(index: faiss.IndexIVF, vectors: Rows2D, target: float, rng: np.random.Generator,
              queries: int = 200) -> tuple[int, float]:
        """Smallest probe count whose recall@10 reaches ``target`` on synthetic queries that stand
        between three random corpus vectors (their normalised sum, slightly perturbed): like real
        questions, their nearest neighbours spread over several regions, not one tight cluster."""
        mixed = rng.integers(0, len(vectors), size=(queries, 3))
        probes = np.asarray(vectors[mixed.reshape(-1)], dtype=np.float32).reshape(queries, 3, -1).sum(axis=1)
        probes += rng.normal(scale=0.5 / math.sqrt(vectors.shape[1]), size=probes.shape).astype(np.float32)
        probes /= np.linalg.norm(probes, axis=1, keepdims=True)
        truth = exact_neighbours(vectors, probes, 10)
        recall = 0.0
        for nprobe in PROBES:
            if nprobe > index.nlist:
                break
            index.nprobe = nprobe
            _, found = index.search(probes, 10)
            recall = recall_at(found, truth)
            if recall >= target:
                return nprobe, recall
        return index.nprobe, recall

    @property
    def dimension(self) -> int:
        """Vector dimension."""
        return int(self.index.d)

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Return the scores and passage rows of the ``k`` nearest passages to one query vector."""
        k = min(k, len(self))
        if k <= 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        scores, rows = self.index.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32), k)
        keep = rows[0] >= 0
        return scores[0][keep], rows[0][keep]

    def vectors(self) -> np.ndarray:
        """All stored vectors, in passage order (flat indexes only reconstruct cheaply; IVF needs a direct map)."""
        if self.info["type"] == "flat-ip":
            return self.index.reconstruct_n(0, len(self))
        ivf = faiss.extract_index_ivf(self.index)
        ivf.make_direct_map()
        return self.index.reconstruct_n(0, len(self))

    def save(self, folder: Path) -> None:
        """Write the index and how it was built into a new folder."""
        folder.mkdir()
        faiss.write_index(self.index, str(folder / self.FILE))
        (folder / self.INFO).write_text(json.dumps(self.info), encoding="utf-8")

    @classmethod
    def open(cls, folder: Path) -> "DenseIndex":
        """Map an index that :meth:`save` wrote: its vectors stay in the file, and only the pages a search reads
        become resident.

        Raises:
            RuntimeError: FAISS cannot read the file.
            OSError: the folder cannot be read.
        """
        info = json.loads((folder / cls.INFO).read_text(encoding="utf-8"))
        return cls(faiss.read_index(str(folder / cls.FILE), faiss.IO_FLAG_MMAP_IFC), info)
