"""The reader's weights, one documented field each, so a calibration script can tune them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReaderWeights:
    """How sentences and answer candidates are scored (defaults set by hand on the seed gold questions;
    ``slot_overlap``, ``chunk_penalty``, ``agreement`` and ``question_words_penalty`` lowered after measuring CMRC
    trial and DRCD test, the seed unchanged).

    Sentence score: ``dense_share · cosine + (1 − dense_share) · coverage + passage_rank_bonus / (rank + 1)``.

    Attributes:
        dense_share: share of embedding similarity in a sentence's score (the rest is word coverage).
        dense_share_english: the same for English questions, which share no words with Chinese text.
        passage_rank_bonus: bonus of a sentence by its passage's retrieval rank (divided by rank + 1).
        context_coverage: credit of a question word found in the passage and not in the sentence (one found in the
            title of its document counts in full).
        type_match: bonus of a candidate of exactly the asked type ...
        type_compatible: ... or of a type that may answer it (a slot, a clause).
        question_words_penalty: penalty by the share of the candidate made of the question's own words.
        slot_overlap: bonus by overlap with the question's aligned slot, times the slot's anchoring strength.
        firm_slot: a slot framed at least this firmly (its strength) outranks, as a candidate of the asked type,
            any name that stands before it qualifying one of the question's own words (茂南区 of 茂南区城南街道).
        place_slot_overlap: a slot of a where question that names no kind of place, overlapping the question's
            aligned slot at least this much and ending in a place, may replace the best candidate it starts with
            (澳洲 → 澳洲南部岛屿及西岸地区), as a wholly framed slot does for any place.
        naming_quote: bonus of a quoted phrase when the question asks for a name, slogan or motto.
        proximity: bonus of closeness to the question's words: ``proximity / (1 + distance / proximity_scale)``.
        proximity_scale: characters over which the proximity bonus halves.
        measure_match: bonus of a quantity ending in the measure word asked for (几轮 → 5轮) ...
        measure_mismatch: ... and penalty of one that does not.
        counted_noun: bonus of a quantity close before the counted noun: ``counted_noun / (1 + gap / counted_noun_scale)``.
        counted_noun_scale: characters over which that bonus halves.
        english_people: bonus of a count of people (名, 人, 位) for an English question about people.
        clause_penalty: penalty of the fallback clause (a last resort).
        chunk_penalty: penalty of a bare noun phrase (a candidate of no other kind).
        asked_noun: bonus of a candidate that ends in the noun the question asks for (罗马帝国 for 哪一个帝国; half
            for one of its characters, 梵语 for 哪一门语言) ...
        asked_noun_chars: ... when it is a short noun phrase: at most this many characters longer than the noun.
        predicate_penalty: penalty of a candidate ending in a verb, adjective, adverb or function word, for a
            question asking for a thing, place, person or body.
        long_answer_chars: answers longer than this are penalised ...
        long_answer_penalty: ... by this much per extra character.
        agreement: bonus per other candidate of the top sentences with the same answer text (one sentence's span
            found by several patterns counts once for each; counting sentences instead measured worse).
        restatement: with ``QA_ANSWER_RESTATE``, bonus per unit of cosine similarity between the question restated
            with a candidate in place of its interrogative and the candidate's sentence.
        highlight_ratio: sentences scoring at least this share of the best one are highlighted ...
        highlight_min_dense: ... unless they hold no question word and are less similar than this.
        highlights_per_passage: at most this many highlighted sentences per passage.
    """

    dense_share: float = 0.45
    dense_share_english: float = 0.8
    passage_rank_bonus: float = 0.05
    context_coverage: float = 0.5
    type_match: float = 0.3
    type_compatible: float = 0.15
    question_words_penalty: float = 0.3
    slot_overlap: float = 0.2
    firm_slot: float = 0.8
    place_slot_overlap: float = 0.5
    naming_quote: float = 0.2
    proximity: float = 0.15
    proximity_scale: float = 4.0
    measure_match: float = 0.2
    measure_mismatch: float = 0.25
    counted_noun: float = 0.15
    counted_noun_scale: float = 3.0
    english_people: float = 0.15
    clause_penalty: float = 0.1
    chunk_penalty: float = 0.2
    asked_noun: float = 0.15
    asked_noun_chars: int = 8
    predicate_penalty: float = 0.1
    long_answer_chars: int = 20
    long_answer_penalty: float = 0.003
    agreement: float = 0.03
    restatement: float = 0.5
    highlight_ratio: float = 0.75
    highlight_min_dense: float = 0.3
    highlights_per_passage: int = 2
