"""qa: offline question answering and summarisation over Chinese news text.

The public API, imported on first use (``import qa`` loads nothing heavy)::

    from qa import QAService, Settings, build_from_corpus, get_settings
    service = QAService(get_settings())
    service.warm_up()
    result = service.ask("多少党员志愿者")
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.2.0"

_EXPORTS = {
    "QAService": "qa.service",
    "Settings": "qa.config",
    "get_settings": "qa.config",
    "build_from_corpus": "qa.index",
    "build_index": "qa.index",
    "load_index": "qa.index",
    "create_app": "qa.api",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:
    from qa.api import create_app
    from qa.config import Settings, get_settings
    from qa.index import build_from_corpus, build_index, load_index
    from qa.service import QAService


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'qa' has no attribute {name!r}")
