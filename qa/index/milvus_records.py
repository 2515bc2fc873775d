"""Named records of any size in a Milvus collection: compressed, and split into parts a VARCHAR holds.

Milvus stores rows, not files, and a VARCHAR holds at most 65,535 bytes; a record (a JSON document of any size) is
compressed, written as base64 text in parts, and read back only when every part is there, so a record being written
reads as absent rather than cut short.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterable, Iterator

MAX_TEXT_BYTES = 65_535
"""Longest VARCHAR value Milvus stores."""
NAME_CHARS = 72
"""Longest record name."""
SLOT_DIMENSION = 2
"""Milvus refuses a collection without a vector field; records carry this small constant one."""
SLOT = [0.0, 0.0]
READ_BATCH = 64
"""Keys asked for in one lookup, or names in one delete."""
QUERY_LIMIT = 16_384
"""Most rows one Milvus query returns."""
SCAN_ABOVE = 4_096
"""Records asked for at once above which one pass over the whole collection costs less than a lookup each (about
0.2 ms a record by key, against a pass over 20,000 records in 2.5 s, on Milvus Lite)."""
SCAN_BATCH = 512
"""Rows per batch of a pass over the collection (a row holds up to 64 KiB)."""


def encoded_parts(data: bytes) -> list[str]:
    """``data`` compressed, as base64 text cut into VARCHAR-sized parts."""
    text = base64.b64encode(zlib.compress(data, 6)).decode("ascii")
    return [text[start:start + MAX_TEXT_BYTES] for start in range(0, len(text), MAX_TEXT_BYTES)] or [""]


def decoded(parts: list[str]) -> bytes:
    """The record whose parts these are, in order."""
    return zlib.decompress(base64.b64decode("".join(parts)))


class RecordStore:
    """Records keyed by name in one Milvus collection; each has a ``kind`` to list records by.

    Args:
        client: a ``pymilvus.MilvusClient``.
        collection: the collection's name.
    """

    def __init__(self, client, collection: str) -> None:
        self.client = client
        self.collection = collection

    @classmethod
    def ensure(cls, client, collection: str) -> "RecordStore":
        """The store in ``collection``, made (empty) when it does not exist, and loaded."""
        store = cls.existing(client, collection)
        if store is not None:
            return store
        from pymilvus import DataType

        schema = client.create_schema(auto_id=False)
        schema.add_field("pk", DataType.VARCHAR, is_primary=True, max_length=NAME_CHARS + 8)
        schema.add_field("record", DataType.VARCHAR, max_length=NAME_CHARS)
        schema.add_field("kind", DataType.VARCHAR, max_length=16)
        schema.add_field("part", DataType.INT64)
        schema.add_field("parts", DataType.INT64)
        schema.add_field("data", DataType.VARCHAR, max_length=MAX_TEXT_BYTES)
        schema.add_field("slot", DataType.FLOAT_VECTOR, dim=SLOT_DIMENSION)
        index = client.prepare_index_params()
        index.add_index("slot", index_type="FLAT", metric_type="L2")
        client.create_collection(collection, schema=schema, index_params=index, consistency_level="Strong")
        return cls(client, collection)

    @classmethod
    def existing(cls, client, collection: str) -> "RecordStore | None":
        """The store in ``collection``, or ``None`` when there is no such collection."""
        if not client.has_collection(collection):
            return None
        client.load_collection(collection)
        return cls(client, collection)

    def put(self, kind: str, records: dict[str, bytes], batch: int) -> None:
        """Write records (a name written again is replaced; give it a new name to keep the old one readable)."""
        rows = [{"pk": f"{name}#{part}", "record": name, "kind": kind, "part": part, "parts": len(parts),
                 "data": text, "slot": SLOT}
                for name, data in records.items() for parts in [encoded_parts(data)]
                for part, text in enumerate(parts)]
        for start in range(0, len(rows), batch):
            self.client.upsert(self.collection, rows[start:start + batch])

    def get(self, names: list[str]) -> dict[str, bytes]:
        """The complete records among ``names`` (one that is missing or partly written is left out). A few are
        looked up by their parts' keys (first part 0, which tells how many there are, then the rest); many are read
        in one pass over the collection, which costs less than that many lookups."""
        fields = ["record", "part", "parts", "data"]
        if len(names) > SCAN_ABOVE:
            wanted = set(names)
            return self._assembled(row for batch in self._scan("part >= 0", fields) for row in batch
                                   if row["record"] in wanted)
        firsts = self._fetch([f"{name}#0" for name in names], fields)
        rest = self._fetch([f"{row['record']}#{part}" for row in firsts for part in range(1, int(row["parts"]))],
                           fields)
        return self._assembled(firsts + rest)

    def _fetch(self, keys: list[str], fields: list[str]) -> list[dict]:
        """The rows with these primary keys (those that exist)."""
        return [row for start in range(0, len(keys), READ_BATCH)
                for row in self.client.get(self.collection, ids=keys[start:start + READ_BATCH], output_fields=fields)]

    @staticmethod
    def _assembled(rows: Iterable[dict]) -> dict[str, bytes]:
        """Records from their part rows, those with every part that their part 0 counts."""
        found: dict[str, dict[int, str]] = {}
        counts: dict[str, int] = {}
        for row in rows:
            found.setdefault(row["record"], {})[int(row["part"])] = row["data"]
            if int(row["part"]) == 0:
                counts[row["record"]] = int(row["parts"])
        return {name: decoded([parts[i] for i in range(counts[name])]) for name, parts in found.items()
                if name in counts and all(i in parts for i in range(counts[name]))}

    def _scan(self, expression: str, fields: list[str]) -> Iterator[list[dict]]:
        """Every row matching ``expression``, in batches."""
        iterator = self.client.query_iterator(self.collection, batch_size=SCAN_BATCH, filter=expression,
                                              output_fields=fields)
        try:
            while rows := iterator.next():
                yield rows
        finally:
            iterator.close()

    def names(self, kind: str) -> set[str]:
        """Every record of one kind."""
        return {row["record"] for batch in self._scan(f'kind == "{kind}" and part == 0', ["record"]) for row in batch}

    def delete(self, names: list[str]) -> None:
        """Remove records with all their parts."""
        for start in range(0, len(names), READ_BATCH):
            self.client.delete(self.collection, filter=f"record in {json.dumps(names[start:start + READ_BATCH])}")

    def flush(self) -> None:
        """Seal what was written, so that searches and queries need not rebuild it."""
        self.client.flush(self.collection)
