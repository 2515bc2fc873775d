"""Distil a Model2Vec static embedder from the verified model, once, into the model cache.

Distillation runs every vocabulary token through the transformer (about 15 minutes on 2 cores)
and needs the ``model2vec[distill]`` extra, which pins an older transformers; install it in the
environment that distils. Using the result needs only ``model2vec``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from qa.embed import STATIC_FOLDER
from qa.model_store import MODEL_NAME, ModelError, file_sha256, verify_model_dir

MANIFEST = "manifest.sha256"


def distill_static(model_dir: Path, dimensions: int = 256) -> Path:
    """Distil the static model into ``model_dir``; skipped when one exists.

    Args:
        model_dir: the model cache.
        dimensions: PCA dimensions of the token vectors.

    Returns:
        The static model's folder.

    Raises:
        ModelError: the distillation extra is not installed.
    """
    model_dir = Path(model_dir)
    final = model_dir / STATIC_FOLDER
    if (final / MANIFEST).is_file():
        return final
    try:
        from model2vec.distill import distill
    except ImportError as error:
        raise ModelError(f"distilling needs `pip install 'model2vec[distill]'` ({error})") from None
    source = model_dir / MODEL_NAME
    verify_model_dir(source, progress=False)
    with tempfile.TemporaryDirectory(dir=model_dir, prefix=".static-") as work:
        staged = Path(work) / STATIC_FOLDER
        distill(model_name=str(source), pca_dims=dimensions, device="cpu").save_pretrained(str(staged))
        lines = [f"{file_sha256(p)}  {p.stat().st_size}  {p.name}" for p in sorted(staged.iterdir()) if p.is_file()]
        (staged / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
        if final.exists():
            shutil.rmtree(final)
        staged.rename(final)
    return final
