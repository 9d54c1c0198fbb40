"""Hypothesis strategies: valid answers built from the form itself, and hostile text and JSON."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from screener.content.form import (
    DateQuestion,
    Form,
    GroupQuestion,
    MultiChoice,
    NumberQuestion,
    QuestionBase,
    SingleChoice,
    TextQuestion,
    YesNo,
)
from screener.engine.visibility import prune

# Everything a keyboard, a paste or a file can put in a text answer. Lone surrogates are left out here:
# they are not valid Unicode, so an answer holding one is rejected with a message (tested elsewhere).
NASTY = [
    "<b>",
    "&amp;",
    "<font size=40>",
    "a <unclosed",
    "\x00",
    "\x07",
    "\r\n",
    "\t",
    "\u202e",
    "😀",
    "李小龙",
    "مرحبا",
    "שלום",
    "Zoë",
    "\ufffd",
    "\u0301",
    "\U00020000",
]
text_pieces = st.one_of(st.text(max_size=40), st.sampled_from(NASTY))
LONGEST = 3000  # long enough to run over a page; longer only makes the property tests slow


# Text that fills a field to its limit in the shapes that once broke the layout: many short lines, one word
# with no space to break at, and a script written without spaces.
AT_THE_LIMIT = ["line\n", "x", "薬", "долгое ", "مرحبا "]


def hostile_text(max_length: int) -> st.SearchStrategy[str]:
    long_run = st.integers(min_value=0, max_value=min(max_length, LONGEST)).map(lambda n: "long text " * (n // 10))
    mixed = st.lists(text_pieces, max_size=12).map("".join)
    full = text_at_the_limit(min(max_length, LONGEST))
    return st.one_of(mixed, long_run, full).map(lambda text: text[:max_length]).filter(lambda text: text.strip())


def text_at_the_limit(max_length: int) -> st.SearchStrategy[str]:
    """A text answer filled to its limit, in one of the AT_THE_LIMIT shapes."""
    return st.sampled_from(AT_THE_LIMIT).map(lambda piece: (piece * (max_length // len(piece) + 1))[:max_length])


def _multi(question: MultiChoice) -> st.SearchStrategy:
    ordinary = [value for value in question.option_values if value not in question.exclusive]
    chosen = st.lists(st.sampled_from(ordinary), min_size=1, unique=True)
    return (
        st.one_of(chosen, st.sampled_from(question.exclusive).map(lambda value: [value]))
        if question.exclusive
        else chosen
    )


def _number(question: NumberQuestion) -> st.SearchStrategy:
    if question.integer:
        return st.integers(min_value=int(question.minimum), max_value=int(question.maximum))
    return st.floats(min_value=question.minimum, max_value=question.maximum, allow_nan=False)


ANSWERS_BY_KIND = {  # one line per question kind
    SingleChoice: lambda question: st.sampled_from(question.option_values),
    MultiChoice: _multi,
    YesNo: lambda question: st.booleans(),
    NumberQuestion: _number,
    DateQuestion: lambda question: st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat),
    TextQuestion: lambda question: hostile_text(question.max_length),
    GroupQuestion: lambda question: st.lists(_entries(question), max_size=4),
}


def answer_for(question: QuestionBase) -> st.SearchStrategy:
    return ANSWERS_BY_KIND[type(question)](question)


def _entries(group: GroupQuestion) -> st.SearchStrategy:
    required = {item.id: answer_for(item) for item in group.questions if item.required}
    optional = {item.id: answer_for(item) for item in group.questions if not item.required}
    return st.fixed_dictionaries(required, optional=optional)


def valid_answers(form: Form) -> st.SearchStrategy[dict]:
    """Any answers a patient could give: each answer valid for its kind, then cut to what applies."""
    questions = [question for _, question in form.questions()]
    required = {q.id: answer_for(q) for q in questions if q.required}
    optional = {q.id: answer_for(q) for q in questions if not q.required}
    return st.fixed_dictionaries(required, optional=optional).map(lambda answers: prune(form, answers))


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
