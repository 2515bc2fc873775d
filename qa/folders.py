"""Replacing a folder atomically: the one way the index, the model store and the ONNX export publish a result."""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from qa.errors import QAError

RENAME_EXCHANGE = 2
AT_FDCWD = -100


class FolderBusy(QAError):
    """Another process is writing the folder."""


def lock_path(target: Path) -> Path:
    """The lock file of a folder: beside it, so it survives the folder being replaced."""
    return target.with_name(f".{target.name}.lock")


LOCK_POLL_SECONDS = 0.05


@contextmanager
def writer_lock(target: Path, timeout: float = 0.0) -> Iterator[None]:
    """Hold the one writer lock of ``target`` (an advisory ``flock``, released when the process dies), waiting up to
    ``timeout`` seconds for another writer to finish.

    Raises:
        FolderBusy: another writer still holds it after ``timeout``.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(lock_path(target), os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise FolderBusy(f"index {target.name} is being written by another writer; try again when it "
                                     "is done") from None
                time.sleep(LOCK_POLL_SECONDS)
        yield
    finally:
        os.close(handle)


def remove_leftovers(target: Path) -> list[Path]:
    """Delete what killed writers left beside ``target`` (staging and retired folders); call it holding the lock."""
    removed = []
    for pattern in (f".{target.name}.staging-*", f".{target.name}.old-*"):
        for path in target.parent.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def staging_folder(target: Path) -> Path:
    """A fresh, empty folder beside ``target`` (same file system, so it can be renamed into place)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.staging-"))


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step with Linux ``renameat2(RENAME_EXCHANGE)``; False where it is unavailable."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    return result == 0


def replace_folder(staged: Path, target: Path) -> None:
    """Publish ``staged`` at ``target``; an older ``target`` is replaced only once the new one is complete.

    Where the system can exchange two paths in one step, readers never find ``target`` missing;
    elsewhere the old folder is set aside and the new one renamed in right after.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        staged.rename(target)
        return
    if _exchange(staged, target):
        shutil.rmtree(staged, ignore_errors=True)
        return
    retired = target.with_name(f".{target.name}.old-{int(time.time() * 1000)}")
    target.rename(retired)
    staged.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
