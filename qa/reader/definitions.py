"""What-is questions (什么是乙酰胺, 易颉输入法是什么): the sentence that defines the term answers with what its copula
equates the term with (乙酰胺是由乙酸衍生出的酰胺 → 由乙酸衍生出的酰胺)."""

from __future__ import annotations

import re

from qa.reader.questions import QuestionInfo
from qa.reader.spans import clause_bounds

TERM_FIRST = ("什么是", "何为", "何谓")
"""Interrogatives that come before the term they ask about (什么是暴发户) ..."""
TERM_LAST = ("是什么", "是指什么", "指什么")
"""... and those that close a question after it (CS/MPQ-78雷达是什么, 六片指的是什么)."""
TERM_TAIL = re.compile(r"(?:所指的|指的|的)$")
"""What a term's question puts between it and a closing interrogative (指的 of 六片指的是什么)."""
PARENTHETICAL = r"[（(][^）)]{0,60}[）)]"
ALIAS = rf"[,，](?:亦|又|也|或)?(?:称做|称作|称为|简称|俗称|又名|称|叫做|叫)(?:[^,，。；;（(]|{PARENTHETICAL}){{1,40}}"
"""A clause that gives a term's other names (，亦称做三角恋、三角恋爱, ，也称为新贵（，）)."""
DEFINING = re.compile(rf"(?:{PARENTHETICAL})*(?:{ALIAS})*[,，]?(?:也|则|就|即|乃|便|正|亦)?"
                      r"(?:是指|指的是|就是|是|为|乃|系指|指(?!出|导|挥|示|定|标|南|数|责|控|派|引|向))(?!否|了|止)")
"""What stands between a term and its definition: parentheticals and clauses giving its other names, an adverb
and a copula."""
NAMED_AFTER = re.compile(r"[,，]?(?:就|则|即|便|也|又|皆|均|都)?(?:被)?(?:称之为|称为|称作|称做|叫做|史称|谓之)[「“\"《]?$")
"""What stands between a definition and the term it names after it (总杆数低于标准杆数一杆完成比赛，称为小鸟球)."""
MIN_TERM_CHARS = 2


def defined_term(question: QuestionInfo) -> str:
    """The term a what-is question asks to have defined (乙酰胺 in 什么是乙酰胺, CS/MPQ-78雷达 in CS/MPQ-78雷达是什么,
    盾柱木的别名 in 盾柱木的别名是什么), as folded in ``question.text``; "" for any other question."""
    if question.type != "identity":
        return ""
    if question.wh in TERM_FIRST and not question.prefix:
        term = question.suffix
    elif question.wh in TERM_LAST and question.suffix in ("", "意思"):
        term = TERM_TAIL.sub("", question.prefix)
    else:
        return ""
    return term if len(term) >= MIN_TERM_CHARS else ""


def definitions(folded: str, term: str) -> list[tuple[int, int]]:
    """Where ``folded`` defines ``term``: from after the copula that follows the term (and any parenthetical or
    clause of other names after it) to the end of that clause, or the clause before a 称为 that names the term
    after its definition."""
    spans = []
    position = folded.find(term)
    while position >= 0:
        copula = DEFINING.match(folded, position + len(term))
        if copula:
            end = clause_bounds(folded, copula.end())[1]
            if end - copula.end() >= MIN_TERM_CHARS:
                spans.append((copula.end(), end))
        named = NAMED_AFTER.search(folded, 0, position)
        if named:
            start = clause_bounds(folded, named.start())[0]
            if named.start() - start >= MIN_TERM_CHARS:
                spans.append((start, named.start()))
        position = folded.find(term, position + 1)
    return spans
