"""Keys that outlive their generation by one, for readers still on it."""

from qa.index.turnover import Turnover


def test_without_a_previous_write_the_store_is_read_and_nothing_lingers():
    turnover = Turnover.of({"a", "b"}, None, lambda: {"b", "c", "d"})
    assert turnover.existing == {"b", "c", "d"} and turnover.lingering == frozenset()
    assert turnover.stale == ["c", "d"]


def test_the_previous_generations_dropped_keys_linger_one_generation():
    first = Turnover.of({"a", "b"}, (frozenset({"a", "b", "c"}), frozenset({"x"})), lambda: set())
    assert first.existing == {"a", "b", "c", "x"} and first.lingering == {"c"} and first.stale == ["x"]
    second = Turnover.of({"a"}, (frozenset({"a", "b"}), first.lingering), lambda: set())
    assert second.lingering == {"b"} and second.stale == ["c"]


def test_the_store_is_not_read_when_the_previous_write_is_known():
    def unread() -> set[str]:
        raise AssertionError("the store was read")

    assert Turnover.of({"a"}, (frozenset({"a"}), frozenset()), unread).stale == []
