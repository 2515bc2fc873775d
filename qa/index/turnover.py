"""How a new generation's keys replace the previous one's in a shared store, where readers of the previous
generation may still be reading: what the previous one held and this one does not lingers until the next."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Turnover:
    """The keys of one write of a generation.

    Attributes:
        existing: the keys the store holds before the write.
        lingering: the previous generation's keys this one no longer holds, kept until the next generation.
        stale: the keys to remove now (held by neither generation).
    """

    existing: frozenset[str]
    lingering: frozenset[str]
    stale: list[str]

    @classmethod
    def of(cls, wanted: set[str], previous: tuple[frozenset[str], frozenset[str]] | None,
           stored: Callable[[], set[str]]) -> "Turnover":
        """The turnover to a generation holding ``wanted``.

        Args:
            wanted: the new generation's keys.
            previous: the keys of the generation this process wrote before, and those lingering from the one
                before it; ``None`` when this process wrote none (then nothing lingers).
            stored: reads the keys the store holds, when there is no ``previous`` to know them from.
        """
        if previous is None:
            existing, lingering = frozenset(stored()), frozenset()
        else:
            keys, kept = previous
            existing, lingering = keys | kept, keys - frozenset(wanted)
        return cls(existing, lingering, sorted(existing - wanted - lingering))
