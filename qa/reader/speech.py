"""Questions about what someone said (陈永滔在会上说了什么, 邓铭东是怎么回答的), answered with the words the text
quotes: the quotation whose speaker the surrounding text names; and questions about who said something
(谁说要与时间赛跑), answered with the name the text gives beside the words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.index import Index
from qa.reader.patterns import PERSON_TAGS, entities
from qa.reader.questions import QuestionInfo
from qa.reader.sentences import weighted_coverage, word_weights
from qa.reader.spans import tagged
from qa.schema import Answer, AnswerType, Hit, Span
from qa.text.normalize import SENTENCE_END, fold

SPEECH_VERBS = ("说", "讲", "说道", "讲道", "回答", "回应", "答", "答道", "答复", "回复", "喊", "喊道", "问", "问道",
                "强调", "指出", "告诉", "嘱咐", "叮嘱", "呼吁", "感叹", "坦言", "承诺", "宣布")
"""Verbs of speaking after which 什么 / before which 怎么 asks for the words said, as jieba cuts them (表示 and 称
are left out: 这个符号表示什么 asks what it means, not what it said; 说明 is a word of its own)."""
_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
WHAT_AFTER = re.compile(r"(?:了|过|着)?[^,，的是]{0,6}?(?:些|一些)?什么话?$")
"""What follows the verb in 说了什么, 问了邓铭东什么: at most a short object before 什么, without 的 or 是 (宣布分手的
理由是什么 asks for the reason, not the words)."""
HOW_BEFORE = re.compile(r"(?:怎么|怎样|如何)$")
HOW_AFTER = re.compile(r"[^,，]{0,8}?的?$")
"""What stands before and after the verb in 是怎么回答的, 如何回应媒体."""
QUOTATION = re.compile(r"“[^“”]{4,400}”|「[^「」]{4,400}」")
CLAUSE_INSIDE = re.compile(r"[,，。!！?？;；]")
"""Words said hold a clause break (“好的,没问题,…”); a quoted name or term (“防护墙”, “三人小组”) does not."""
WINDOW_BREAKS = re.compile(rf"[{SENTENCE_END}\n]")
SAID_UNQUOTED = re.compile(rf"(?:{_VERBS})(?:了|道|着)?[:：](?P<words>[^“「{SENTENCE_END}\n][^{SENTENCE_END}\n]{{3,300}})")
"""Words said after a verb of speaking and a colon, without quotation marks (说道：好在历史是人民写的。)."""
SAID_SHARE = 0.5
"""Share of a 谁说… question's word weight that quoted words must hold to be the words it asks about."""
PRONOUN_FIRST = re.compile(r"\s*(?:他|她|他们|她们)")
"""A clause that starts with a pronoun names its speaker in the sentence before."""


@dataclass(frozen=True)
class Quotation:
    """Words said in a passage (``start``/``end`` inside the quotation marks) and the stretches of text before and
    after them that may name who said them: from the last sentence break or other quotation before, to the next
    one after. Quotations with nothing but spaces between them are one exchange (a request and its reply) and
    share what is around it. All offsets index the passage."""

    start: int
    end: int
    before: tuple[int, int]
    after: tuple[int, int]

    def around(self, folded: str) -> str:
        """The text before and after the words, as one string (a space between)."""
        return folded[slice(*self.before)] + " " + folded[slice(*self.after)]


def speech_verb(question: QuestionInfo) -> int | None:
    """Where the verb of speaking stands in a question asking for the words someone said (说了什么, 问了邓铭东什么,
    是怎么回答村委会干部的), or ``None`` for any other question."""
    if question.english:
        return None
    text = question.text
    for start, end, _ in tagged(text):
        if text[start:end] in SPEECH_VERBS and (WHAT_AFTER.match(text, end) or (
                HOW_BEFORE.search(text, 0, start) and HOW_AFTER.match(text, end))):
            return start
    return None


def asks_speech(question: QuestionInfo) -> bool:
    """Whether a question asks for the words someone said (:func:`speech_verb`)."""
    return speech_verb(question) is not None


def exchanges(folded: str) -> list[list[re.Match]]:
    """The quotations of a text, grouped into exchanges (only spaces between one and the next)."""
    groups: list[list[re.Match]] = []
    for match in QUOTATION.finditer(folded):
        if groups and not folded[groups[-1][-1].end():match.start()].strip():
            groups[-1].append(match)
        else:
            groups.append([match])
    return groups


def quotations(folded: str) -> list[Quotation]:
    """The words said in a passage, quoted or after a verb of speaking and a colon, with the text around each
    (see :class:`Quotation`); where that text starts with a pronoun (她谈到…), the sentence before is taken in.

    Args:
        folded: the passage's folded text (the same length as the passage, so offsets index both).
    """
    groups = exchanges(folded)
    quotes = []
    for index, group in enumerate(groups):
        first, last = group[0].start(), group[-1].end()
        before = window_start(folded, groups[index - 1][-1].end() if index else 0, first)
        after = groups[index + 1][0].start() if index + 1 < len(groups) else len(folded)
        after = next((m.start() for m in WINDOW_BREAKS.finditer(folded, last, after)), after)
        quotes += [Quotation(match.start() + 1, match.end() - 1, (before, first), (last, after)) for match in group
                   if CLAUSE_INSIDE.search(match.group()[1:-1])]
    for match in SAID_UNQUOTED.finditer(folded):
        start = match.start()
        quotes.append(Quotation(match.start("words"), match.end("words"), (window_start(folded, 0, start), start),
                                (match.end(), match.end())))
    return quotes


def window_start(folded: str, floor: int, start: int) -> int:
    """Where the text that may name the speaker of words said at ``start`` begins: the last sentence break after
    ``floor``, or the one before it when the clause starts with a pronoun."""
    breaks = [floor] + [m.end() for m in WINDOW_BREAKS.finditer(folded, floor, start)]
    if PRONOUN_FIRST.match(folded, breaks[-1]) and len(breaks) > 1:
        return breaks[-2]
    return breaks[-1]


def addressed(words: str) -> str:
    """The part of quoted words that may address the hearer: their first clause (邓铭东同志 in “邓铭东同志,你好!…”)."""
    return CLAUSE_INSIDE.split(words, maxsplit=1)[0]


def speaker_word(question: QuestionInfo) -> str | None:
    """Who the question says spoke: the last name before the verb of speaking (娜塔莎 in 针对…报道,娜塔莎是怎么回应的;
    not 邓铭东 in 村委会干部问了邓铭东什么), else the first content word before it (村委会干部问了什么 → 村委会).
    ``None`` when nothing stands before the verb."""
    verb = speech_verb(question)
    if verb is None:
        return None
    before = question.text[:verb]
    names = [before[a:b] for a, b, flag in tagged(before) if flag.startswith("nr")]
    words = [word for word in question.words if word in before and word not in SPEECH_VERBS]
    first = min(words, key=lambda word: (before.find(word), -len(word)), default=None)
    return names[-1] if names else first


def said_weights(question: QuestionInfo, index: Index) -> dict[str, float]:
    """The IDF weights of the question's content words but its verbs of speaking, which the words said need not
    hold."""
    return {word: weight for word, weight in word_weights(question, index).items() if word not in SPEECH_VERBS}


def speech_answer(question: QuestionInfo, hits: list[Hit], index: Index, passages: int) -> Answer | None:
    """The words the question's speaker is quoted as saying, or ``None`` (not such a question, or no quotation
    in the top passages names the speaker next to it).

    The speaker is the last name before the question's verb of speaking, else its first content word there
    (:func:`speaker_word`); among the quotations it stands beside and is not addressed in (“邓铭东同志,你好!…” was
    said to 邓铭东), the one whose surroundings hold most of the question's words wins, the earlier on a tie.

    Args:
        question: the analysed question.
        hits: retrieved passages, best first.
        index: the index (word statistics, sentences).
        passages: how many of the top passages are searched.
    """
    speaker = speaker_word(question)
    if speaker is None:
        return None
    weights = said_weights(question, index)
    best: tuple[float, Hit, Quotation] | None = None
    for hit in hits[:passages]:
        folded = fold(hit.passage.text)
        for quote in quotations(folded):
            around = quote.around(folded)
            if speaker not in around or speaker in addressed(folded[quote.start:quote.end]):
                continue
            covered = weighted_coverage(weights, around)
            if best is None or covered > best[0]:
                best = (covered, hit, quote)
    if best is None:
        return None
    covered, hit, quote = best
    text, start, end = hit.passage.text, quote.start, quote.end
    while end > start and (text[end - 1] in SENTENCE_END or text[end - 1].isspace()):
        end -= 1
    return located_answer(hit, index, start, end, "speech", covered)


def names_speaker(question: QuestionInfo) -> bool:
    """Whether a question asks who said something (谁说要与时间赛跑, “…”是谁说的): a 谁 question with a verb of
    speaking."""
    return question.type == "person" and not question.english and any(
        question.text[start:end] in SPEECH_VERBS for start, end, _ in tagged(question.text))


def speaker_of(folded: str, quote: Quotation) -> tuple[int, int] | None:
    """The name of who said the words: the last name before them when that text ends in a colon (陈永滔说：“…”),
    else the first name after them (“…”在会议上,陈永滔的话语掷地有声), else the last name
    before; never a name the words address (“邓铭东同志,你好!…”)."""
    addressee = addressed(folded[quote.start:quote.end])
    before, after = ([(start + a, start + b) for a, b in entities(folded[start:end], PERSON_TAGS)
                      if folded[start + a:start + b] not in addressee] for start, end in (quote.before, quote.after))
    if before and folded[slice(*quote.before)].rstrip().endswith(":"):
        return before[-1]
    return after[0] if after else before[-1] if before else None


def speaker_answer(question: QuestionInfo, hits: list[Hit], index: Index, passages: int) -> Answer | None:
    """Who said the words a 谁说 question quotes or restates (:func:`names_speaker`), or ``None``: the speaker
    (:func:`speaker_of`) of the quotation in the top passages that holds most of the question's word weight, at
    least :data:`SAID_SHARE` of it.

    Args:
        question: the analysed question.
        hits: retrieved passages, best first.
        index: the index (word statistics, sentences).
        passages: how many of the top passages are searched.
    """
    if not names_speaker(question):
        return None
    weights = said_weights(question, index)
    best: tuple[float, Hit, tuple[int, int]] | None = None
    for hit in hits[:passages]:
        folded = fold(hit.passage.text)
        for quote in quotations(folded):
            covered = weighted_coverage(weights, folded[quote.start:quote.end])
            name = speaker_of(folded, quote) if covered >= SAID_SHARE else None
            if name is not None and (best is None or covered > best[0]):
                best = (covered, hit, name)
    if best is None:
        return None
    covered, hit, (start, end) = best
    return located_answer(hit, index, start, end, "person", covered)


def located_answer(hit: Hit, index: Index, start: int, end: int, answer_type: AnswerType, score: float) -> Answer:
    """An answer for the stretch ``start``–``end`` of a hit's passage, its sentence the passage's sentences it
    touches."""
    passage = hit.passage
    row = index.passage_row(passage.id)
    sentences = [(a, b) for _, a, b in index.sentences.of_passage(row) if a < end and start < b] or [(start, end)]
    return Answer(text=passage.text[start:end], type=answer_type, score=round(score, 4), passage_id=passage.id,
                  start=start, end=end, sentence=Span(sentences[0][0], sentences[-1][1]), doc_id=passage.doc_id,
                  doc_start=passage.start + start, doc_end=passage.start + end)
