"""A generation's arrays as files beside the index database, read by row by every process that serves it.

The database is the record; these files are derived from one committed generation of it. Their folder is named by
the generation and the index's creation and update times, so a rebuilt index never reads another's files. A loader
that finds them reads rows from them as searches ask (:class:`RowFile`), so the vectors stay on disk and in the
page cache that all processes share; one that does not find them writes them from the database first. A folder is
written under a temporary name and renamed into place whole, so no reader sees half of one; the newest :data:`KEEP`
generations are kept. Where the index folder cannot be written, the arrays stay in memory (:func:`in_memory`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

GENERATIONS = "generations"
"""Subfolder of an index folder that holds one folder per generation."""
PASSAGE_VECTORS = "passage_vectors.npy"
SENTENCE_SPANS = "sentence_spans.npy"
SENTENCE_VECTORS = "sentence_vectors.npy"
KEEP = 2
"""Generations whose files are kept: the newest, and the one a server may still answer from while it loads it."""

Allocate = Callable[[str, tuple[int, ...], str], np.ndarray]
"""Where a generation's array is made: ``allocate(file name, shape, dtype)`` returns an array to fill."""


def in_memory(name: str, shape: tuple[int, ...], dtype: str) -> np.ndarray:
    """An :data:`Allocate` that keeps the array in this process."""
    return np.empty(shape, dtype=dtype)


def generation_key(meta: dict) -> str:
    """The folder name of one committed generation of one index."""
    created = f"{meta.get('created_at')}|{meta.get('updated_at')}".encode()
    return f"{int(meta.get('generation', 0)):08d}-{hashlib.sha256(created).hexdigest()[:12]}"


@dataclass
class GenerationArrays:
    """The arrays of one generation, rows in index order.

    Attributes:
        passage_vectors: float32, one row per passage.
        sentence_spans: int32 ``(passage_row, start, end)`` per sentence.
        sentence_vectors: float16, one row per sentence.
        folder: the folder they are read from, where a backend may store its own files too; ``None`` in memory.
    """

    passage_vectors: Rows2D
    sentence_spans: np.ndarray
    sentence_vectors: Rows2D
    folder: Path | None = None


def generation_folder(index_folder: Path, key: str) -> Path:
    """Where the files of generation ``key`` live."""
    return Path(index_folder) / GENERATIONS / key


def open_arrays(index_folder: Path, key: str, passages: int, dimension: int) -> GenerationArrays | None:
    """Open the stored arrays of generation ``key``; ``None`` when there are none. Files that do not fit the
    generation (damaged, or cut short) are removed, so that they are written again."""
    folder = generation_folder(index_folder, key)
    if not folder.is_dir():
        return None
    try:
        arrays = GenerationArrays(RowFile(folder / PASSAGE_VECTORS), np.load(folder / SENTENCE_SPANS),
                                  RowFile(folder / SENTENCE_VECTORS), folder)
    except (OSError, ValueError) as error:
        log.warning("generation files %s unreadable (%s); writing them again", folder, error)
        shutil.rmtree(folder, ignore_errors=True)
        return None
    if arrays.passage_vectors.shape != (passages, dimension) or arrays.sentence_vectors.shape[1:] != (dimension,) \
            or len(arrays.sentence_spans) != len(arrays.sentence_vectors):
        log.warning("generation files %s do not fit the index; writing them again", folder)
        shutil.rmtree(folder, ignore_errors=True)
        return None
    return arrays


class RowFile:
    """The rows of a ``.npy`` array, read from its file when asked for (``pread``): they pass through the system's
    page cache, shared by every process, but never stay in this one's memory, nor bring their neighbours with them
    as mapped pages do. Indexed like a read-only array by row (an int, a slice or a list of rows); ``np.asarray``
    reads it whole.

    Raises:
        OSError: the file cannot be read.
        ValueError: it is not a whole C-ordered ``.npy`` array.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._file = open(path, "rb")
        try:
            version = np.lib.format.read_magic(self._file)
            if version not in ((1, 0), (2, 0)):
                raise ValueError(f"{self.path.name} has .npy format {version}")
            header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = header(self._file)
            self._offset = self._file.tell()
            self.shape: tuple[int, ...] = tuple(shape)
            self.dtype = np.dtype(dtype)
            self._row_bytes = int(np.prod(self.shape[1:], dtype=np.int64)) * self.dtype.itemsize
            size = os.fstat(self._file.fileno()).st_size
            if fortran or self.dtype.hasobject or not self.shape or size != self._offset + self._row_bytes * len(self):
                raise ValueError(f"{self.path.name} is not a whole C-ordered array")
        except BaseException:
            self._file.close()
            raise

    @property
    def ndim(self) -> int:
        return len(self.shape)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, key: int | slice | list[int] | np.ndarray) -> np.ndarray:
        if isinstance(key, (int, np.integer)):
            return self._read(np.array([key], dtype=np.int64))[0]
        if isinstance(key, slice):
            return self._read(np.arange(*key.indices(len(self)), dtype=np.int64))
        return self._read(np.asarray(key, dtype=np.int64).reshape(-1))

    def __array__(self, dtype: np.dtype | None = None, copy: bool | None = None) -> np.ndarray:
        whole = self[:]
        return whole if dtype is None else whole.astype(dtype)

    def _read(self, rows: np.ndarray) -> np.ndarray:
        """Rows in the order asked, one read per run of consecutive rows."""
        rows = np.where(rows < 0, rows + len(self), rows)
        if rows.size and (rows.min() < 0 or rows.max() >= len(self)):
            raise IndexError(f"row out of range for {len(self)} rows of {self.path.name}")
        out = np.empty((len(rows), *self.shape[1:]), dtype=self.dtype)
        starts = np.flatnonzero(np.diff(rows, prepend=-2) != 1)
        for start, end in zip(starts, [*starts[1:], len(rows)]):
            data = os.pread(self._file.fileno(), (end - start) * self._row_bytes,
                            self._offset + int(rows[start]) * self._row_bytes)
            out[start:end] = np.frombuffer(data, dtype=self.dtype).reshape(end - start, *self.shape[1:])
        return out


Rows2D = np.ndarray | RowFile
"""A table of vectors: in memory, or read from a generation's file by row."""


class ArraysWriter:
    """The arrays of a new generation, written under a temporary name and then published whole.

    Args:
        index_folder: the index folder.
        key: the generation's :func:`generation_key`.

    Raises:
        OSError: the index folder cannot be written.
    """

    def __init__(self, index_folder: Path, key: str) -> None:
        self.index_folder = Path(index_folder)
        self.key = key
        parent = self.index_folder / GENERATIONS
        parent.mkdir(exist_ok=True)
        self.scratch = parent / f".{key}.{os.getpid()}.{secrets.token_hex(4)}"
        self.scratch.mkdir()
        self._arrays: list[np.memmap] = []

    def allocate(self, name: str, shape: tuple[int, ...], dtype: str) -> np.ndarray:
        """An :data:`Allocate` into this generation's files."""
        array = np.lib.format.open_memmap(self.scratch / name, mode="w+", dtype=dtype, shape=shape)
        self._arrays.append(array)
        return array

    def publish(self, passages: int, dimension: int) -> GenerationArrays:
        """Move the written files into place (or keep another process's, when it published first), map them and
        remove older generations' files."""
        for array in self._arrays:
            array.flush()
        self._arrays.clear()
        target = generation_folder(self.index_folder, self.key)
        try:
            self.scratch.rename(target)
        except OSError:
            shutil.rmtree(self.scratch, ignore_errors=True)
        prune(self.index_folder, self.key)
        arrays = open_arrays(self.index_folder, self.key, passages, dimension)
        if arrays is None:
            raise OSError(f"generation files {target} vanished as they were published")
        return arrays

    def discard(self) -> None:
        """Remove the files written so far."""
        self._arrays.clear()
        shutil.rmtree(self.scratch, ignore_errors=True)


def write_arrays(index_folder: Path, key: str, passages: int, dimension: int,
                 fill: Callable[[Allocate], GenerationArrays]) -> GenerationArrays:
    """Write a generation's arrays with ``fill`` and map them; where the folder cannot be written, keep them in
    memory instead.

    Args:
        index_folder: the index folder.
        key: the generation's :func:`generation_key`.
        passages: its passage count (checked against what is written).
        dimension: the vector dimension.
        fill: makes the arrays through the allocator it is given.
    """
    try:
        writer = ArraysWriter(index_folder, key)
    except OSError as error:
        log.warning("index folder %s cannot be written (%s); keeping its arrays in memory", index_folder, error)
        return fill(in_memory)
    try:
        fill(writer.allocate)
        return writer.publish(passages, dimension)
    except BaseException:
        writer.discard()
        raise


def save_beside(folder: Path | None, name: str, save: Callable[[Path], None]) -> Path | None:
    """Store a file or folder of the search backend with a generation's arrays, under a temporary name renamed into
    place (a process that stored it first wins).

    Args:
        folder: the generation's folder (``None`` when its arrays are in memory).
        name: file or folder name.
        save: writes it at the path given.

    Returns:
        Its path, or ``None`` when the generation is in memory or its folder cannot be written.
    """
    if folder is None:
        return None
    target = folder / name
    scratch = folder / f".{name}.{os.getpid()}.{secrets.token_hex(4)}"
    try:
        save(scratch)
        if scratch.is_dir():
            scratch.rename(target)
        else:
            os.replace(scratch, target)
    except OSError as error:
        if scratch.is_dir():
            shutil.rmtree(scratch, ignore_errors=True)
        else:
            scratch.unlink(missing_ok=True)
        if not target.exists():
            log.warning("could not store %s (%s); it is rebuilt on every load", target, error)
            return None
    return target


def prune(index_folder: Path, current: str) -> None:
    """Remove the files of all generations but ``current`` and the :data:`KEEP` − 1 written last before it, and
    scratch folders of processes that are gone (a process that still reads removed files keeps them until it lets
    them go). Ages come from the folders' times, not their names: an index rebuilt in the same folder starts its
    generations again from 1."""
    parent = Path(index_folder) / GENERATIONS
    others = [p for p in parent.iterdir() if p.is_dir() and not p.name.startswith(".") and p.name != current]
    others.sort(key=lambda folder: folder.stat().st_mtime_ns, reverse=True)
    for folder in others[KEEP - 1:]:
        shutil.rmtree(folder, ignore_errors=True)
    for scratch in parent.glob(".*"):
        pid = scratch.name.rsplit(".", 2)[-2] if scratch.name.count(".") >= 3 else ""
        if pid.isdigit() and not alive(int(pid)):
            shutil.rmtree(scratch, ignore_errors=True)


def alive(pid: int) -> bool:
    """Whether a process of this machine with that id runs."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def gather(sources: list[np.ndarray], take: np.ndarray, out: np.ndarray, chunk: int = 8192) -> np.ndarray:
    """Write rows ``take`` of the sources stacked one after another into ``out``, a chunk at a time (the sources
    are never stacked whole, so stored rows stay on disk).

    Returns:
        ``out``.
    """
    bounds = np.cumsum([0] + [len(source) for source in sources])
    for begin in range(0, len(take), chunk):
        rows = take[begin:begin + chunk]
        target = out[begin:begin + len(rows)]
        which = np.searchsorted(bounds, rows, side="right") - 1
        for number, source in enumerate(sources):
            mine = which == number
            if mine.any():
                target[mine] = source[rows[mine] - bounds[number]]
    return out
