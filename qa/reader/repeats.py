"""Names completed by how their passage repeats them.

jieba splits a name it does not know where its dictionary has a word (狄奥多|西, 戴克里|先才): within one sentence
nothing tells the split-off character from a word after the name. A passage that names someone several times does:
the name runs on over the characters that follow it each time, up to where what follows differs.
"""

from __future__ import annotations

from collections.abc import Iterator

from qa.reader.candidates import Candidate
from qa.reader.patterns import CJK_CHAR
from qa.reader.spans import dictionary_count

NAME_KINDS = ("person", "place", "organisation")
"""Kinds of candidate that are names, which a passage's repetitions may complete."""
MIN_REPEATS = 2
"""How often a passage must repeat a name before what follows it each time may complete it."""
WORD_AFTER_A_NAME = frozenset("的之等在和与及并时是为于说曾将被把也都就又亦已乃即则而或同跟向从自对给以因所其该此这那每各"
                              "一二三四五六七八九十百千万两几")
"""Characters that are a word of their own after a name however often they follow it (狄奥多西的, 钱学森等): function
words, the most common verbs and adverbs after a subject, and numerals."""


def repeated_name_end(passage: str, start: int, end: int) -> int:
    """Where a name at ``start:end`` of a folded passage ends once the characters that follow every one of its
    occurrences are taken in (狄奥多 seven times before 西 → 狄奥多西): the name occurs :data:`MIN_REPEATS` times
    or more, each time followed by the same Chinese character, none of :data:`WORD_AFTER_A_NAME`, that at least
    once forms no word of jieba's dictionary with the character after it (台湾 always before 邮票 or 邮政 is not
    completed by 邮); the widened name is kept only where what follows it differs between its occurrences (a name
    always followed by the same two characters is not completed by them).

    Args:
        passage: the folded passage.
        start: where the name starts.
        end: where it ends as found.

    Returns:
        The name's end, ``end`` where the passage does not complete it.
    """
    widened = end
    while True:
        name = passage[start:widened]
        found = list(ends_of(name, passage))
        if len(found) < MIN_REPEATS:
            return end
        followers = {passage[after:after + 1] for after in found}
        if len(followers) > 1:
            return widened
        following = followers.pop()
        if (not CJK_CHAR.match(following) or following in WORD_AFTER_A_NAME
                or all(dictionary_count(passage[after:after + 2]) for after in found)):
            return end
        widened += 1


def ends_of(word: str, text: str) -> Iterator[int]:
    """Where each occurrence of ``word`` in ``text`` ends, left to right, none overlapping the one before (none for
    an empty word)."""
    found = text.find(word) if word else -1
    while found >= 0:
        yield found + len(word)
        found = text.find(word, found + len(word))


def completed_names(candidates: list[Candidate], passage: str, start: int, end: int) -> list[Candidate]:
    """Candidates with the names among them completed by their passage's repetitions (:func:`repeated_name_end`),
    within their sentence.

    Args:
        candidates: a sentence's candidates; spans index the sentence.
        passage: the folded passage.
        start: where the sentence starts in the passage.
        end: where it ends.
    """
    completed = []
    for candidate in candidates:
        if candidate.type in NAME_KINDS:
            widened = repeated_name_end(passage, start + candidate.start, start + candidate.end)
            candidate = Candidate(candidate.start, min(widened, end) - start, candidate.type, candidate.origin)
        completed.append(candidate)
    return completed
