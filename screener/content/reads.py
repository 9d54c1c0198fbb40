"""Which questions something reads: a rule, a fact, a condition, the cost model or a summary block.

A question that nothing reads is asked for nothing: the patient spends effort and the specialist never
sees the answer. ``unread_questions`` names them so that ``screener check`` can refuse such a form.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from screener.content.conditions import Condition, references
from screener.content.cost_model import CostModel
from screener.content.form import Form, GroupQuestion
from screener.content.report_content import (
    AnswersBlock,
    HeaderBlock,
    OptionsBlock,
    QuestionsBlock,
    ReportContent,
    TableBlock,
)
from screener.content.rules import RuleSet, placeholders
from screener.content.sources import Citation


def unread_questions(form: Form, rules: RuleSet, cost: CostModel, content: ReportContent) -> list[str]:
    """Every question (and group item, as 'group > item') that no rule, fact, condition or block reads."""
    answers, items = _read(form, rules, cost, content)
    unread = []
    for _, question in form.questions():
        if question.id not in answers:
            unread.append(question.id)
        if isinstance(question, GroupQuestion):
            unread += [f"{question.id} > {item.id}" for item in question.questions if item.id not in items]
    return unread


def _read(form: Form, rules: RuleSet, cost: CostModel, content: ReportContent) -> tuple[set[str], set[str]]:
    """The top-level questions and the group items read anywhere (item ids are unique enough per form)."""
    answers: set[str] = {form.region_question, cost.price_question, cost.quoted_question, cost.budget_question}
    items: set[str] = set()

    def conditions(found: Iterable[Condition | None]) -> None:
        for condition in found:
            if condition is None:
                continue
            for kind, name in references(condition):
                (items if kind in ("item", "by") else answers).add(name)

    for section in form.sections:
        conditions([section.enable_when])
        for question in section.questions:
            conditions([question.enable_when])
            if isinstance(question, GroupQuestion):
                conditions(item.enable_when for item in question.questions)
                items |= {question.title_from, *filter(None, [question.title_other])}
    for fact in rules.facts:
        conditions([fact.when, fact.where, *(said.when for said in fact.why_not + fact.notes)])
        answers |= (
            set(fact.unanswered) | set(filter(None, [fact.count])) | set(fact.finds.questions if fact.finds else [])
        )
        items |= set(fact.distinct)
        for said in fact.why_not + fact.notes:
            items |= placeholders(said.text)
            answers |= {ref.answer for ref in said.values.values() if ref.answer}
    for rule in rules.rules:
        conditions([rule.when, *_citation_conditions(rule.cite)])
        answers |= rule.placeholders() | set(rule.shows)
    for outcome in rules.outcomes:
        for variant in outcome.variants:
            conditions([variant.when])
            answers |= placeholders(variant.summary)
    for block in content.blocks:
        answers |= set(block_questions(block))
        conditions(_citation_conditions(getattr(block, "cite", [])))
        if isinstance(block, TableBlock):
            answers.add(block.group)
            items |= {
                name for column in block.columns for name in (column.question, column.detail, column.also) if name
            }
        if isinstance(block, OptionsBlock):
            conditions(option.tried_when for option in block.options)
    return answers, items


def block_questions(block) -> Iterator[str]:
    """The top-level questions a summary block shows by name."""
    if isinstance(block, (HeaderBlock, AnswersBlock)):
        yield from block.questions
    elif isinstance(block, OptionsBlock):
        yield from (value.question for value in block.values)
    elif isinstance(block, QuestionsBlock) and block.own_question:
        yield block.own_question


def _citation_conditions(citations: list[Citation]) -> Iterator[Condition | None]:
    return (citation.when for citation in citations)
