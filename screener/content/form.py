"""The questionnaire as data: sections (pages) of questions of seven kinds.

A form is read from ``form.yaml`` and never changed. Each question kind is the one home of its Qt-free
behaviour: what an answer looks like (``check_answer``), how a person reads one (``display``) and which
condition operators may compare it (``operator_problem``), so the loader, the answers document, the report,
the wizard and the CLI share one definition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import field
from typing import Annotated, Any, Literal

from screener.content.conditions import Condition
from screener.content.frozen import ID_PATTERN, Field, Frozen
from screener.content.wording import format_date, format_number, plain_number
from screener.i18n import _

type Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=60)]


class Option(Frozen):
    value: Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$")]
    label: Annotated[str, Field(min_length=1)]
    short: Annotated[str | None, Field(description="a shorter label for the summary's tables and lists")] = None
    help: str | None = None


class QuestionBase(Frozen):
    id: Id
    label: Annotated[str, Field(min_length=1)]
    short_label: Annotated[str | None, Field(description="a few words for headers and the review page")] = None
    help: str | None = None
    required: bool = False
    enable_when: Condition | None = None

    @property
    def short(self) -> str:
        return self.short_label or self.label.strip()

    def check_answer(self, value: Any) -> str | None:
        """None when ``value`` is a valid answer to this question, else the reason in plain words."""
        raise NotImplementedError

    def display(self, value: Any) -> str:
        """A valid answer as a person reads it: option labels, Yes/No, numbers with units, dates in words."""
        return str(value)

    def brief(self, value: Any) -> str:
        """The answer as the summary prints it: as ``display``, but with options' short labels where given."""
        return self.display(value)

    def operator_problem(self, operator: str, values: list[Any]) -> str | None:
        """Why a condition may not compare this question's answer with ``operator`` and ``values``; None if it may.

        Every kind may be tested with ``answered``; other operators are allowed kind by kind.
        """
        if operator == "answered":
            return None
        if operator in ("contains", "contains_any"):
            return f"'{operator}' works only on multiple-choice questions"
        if operator in ("equals", "one_of"):
            return None
        return f"'{operator}' compares numbers, but this is not a number question"


class ChoiceQuestion(QuestionBase):
    options: Annotated[list[Option], Field(min_length=2)]

    def __post_init__(self) -> None:
        values = [option.value for option in self.options]
        repeated = sorted({value for value in values if values.count(value) > 1})
        if repeated:
            raise ValueError(f"option values repeat: {', '.join(repeated)}")

    @property
    def option_values(self) -> list[str]:
        return [option.value for option in self.options]

    def option_label(self, value: str, short: bool = False) -> str:
        for option in self.options:
            if option.value == value:
                return (option.short or option.label) if short else option.label
        return value

    def display(self, value: Any) -> str:
        return self.option_label(value)

    def brief(self, value: Any) -> str:
        if isinstance(value, list):
            return "; ".join(self.option_label(choice, short=True) for choice in value)
        return self.option_label(value, short=True)

    def operator_problem(self, operator: str, values: list[Any]) -> str | None:
        problem = super().operator_problem(operator, values)
        if problem is None and operator != "answered":
            unknown = [str(choice) for choice in values if choice not in self.option_values]
            if unknown:
                return f"no such option: {', '.join(unknown)} (options: {', '.join(self.option_values)})"
        return problem


class SingleChoice(ChoiceQuestion):
    kind: Literal["single"]

    def check_answer(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return f"expected one of {', '.join(self.option_values)}"
        if value not in self.option_values:
            return f"'{value}' is not an option here; the options are {', '.join(self.option_values)}"
        return None


class MultiChoice(ChoiceQuestion):
    kind: Literal["multi"]
    exclusive: Annotated[list[str], Field(description="options that cannot be combined with others")] = field(
        default_factory=list
    )

    def check_answer(self, value: Any) -> str | None:
        if not isinstance(value, list) or not all(isinstance(choice, str) for choice in value):
            return "expected a list of options"
        unknown = [choice for choice in value if choice not in self.option_values]
        if unknown:
            return f"not an option here: {', '.join(unknown)}; the options are {', '.join(self.option_values)}"
        if len(set(value)) != len(value):
            return "the same option is chosen twice"
        lone = [choice for choice in value if choice in self.exclusive]
        if lone and len(value) > 1:
            return f"'{lone[0]}' cannot be combined with other choices"
        return None

    def display(self, value: Any) -> str:
        return "; ".join(self.option_label(choice) for choice in value)

    def operator_problem(self, operator: str, values: list[Any]) -> str | None:
        if operator in ("contains", "contains_any"):
            operator = "one_of"  # the same option check, on a list of choices
        return super().operator_problem(operator, values)


class YesNo(QuestionBase):
    kind: Literal["yesno"]

    def check_answer(self, value: Any) -> str | None:
        return None if isinstance(value, bool) else "expected yes (true) or no (false)"

    def display(self, value: Any) -> str:
        return _("Yes") if value else _("No")

    def operator_problem(self, operator: str, values: list[Any]) -> str | None:
        problem = super().operator_problem(operator, values)
        if problem is None and operator != "answered" and not all(isinstance(choice, bool) for choice in values):
            return "a yes/no question compares with true or false"
        return problem


class Reading(Frozen):
    """Two number answers printed as one reading, as a clinician writes it: 'Last blood pressure: 150/95 mmHg'."""

    second: Annotated[str, Field(min_length=1, description="the number question holding the reading's second part")]
    label: Annotated[str, Field(min_length=1)]


class MaximumBy(Frozen):
    """A larger most for some answers of another question: money in a currency whose unit is worth far less
    than a US dollar runs to more digits ('4,000,000' Colombian pesos is about 1,000 dollars)."""

    question: Annotated[str, Field(min_length=1, description="a single-choice question, such as the country")]
    values: Annotated[dict[str, float], Field(min_length=1, description="option -> the most for it")]


class NumberQuestion(QuestionBase):
    kind: Literal["number"]
    unit: Annotated[str, Field(min_length=1)]
    minimum: float
    maximum: Annotated[float, Field(description="the most, unless maximum_by gives another for these answers")]
    maximum_by: MaximumBy | None = None
    integer: bool = True
    reading: Annotated[Reading | None, Field(description="this answer is the first part of a reading")] = None

    def __post_init__(self) -> None:
        for most in self.mosts:
            if self.minimum > most:
                raise ValueError(f"minimum {self.minimum} is above maximum {most}")

    @property
    def mosts(self) -> list[float]:
        """The most, and the other mosts that other answers may give."""
        return [self.maximum, *(self.maximum_by.values.values() if self.maximum_by else [])]

    def most(self, answers: Mapping[str, Any]) -> float:
        """The most an answer may be, given the other answers (the country, for money)."""
        if self.maximum_by is None:
            return self.maximum
        return self.maximum_by.values.get(answers.get(self.maximum_by.question), self.maximum)

    def range_text(self, answers: Mapping[str, Any] | None = None, high: float | None = None) -> str:
        """'0 to 40 points': up to the most for these answers, or to ``high``."""
        high = self.most(answers or {}) if high is None else high
        return _("{low} to {high} {unit}").format(
            low=plain_number(self.minimum), high=plain_number(high), unit=self.unit
        )

    def above_most(self, value: Any, answers: Mapping[str, Any]) -> str | None:
        """Why a number is too large for these answers (the check that needs the other answers), or None."""
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > self.most(answers):
            return f"{plain_number(value)} is outside the range {self.range_text(answers)}"
        return None

    def display(self, value: Any) -> str:
        return f"{format_number(value)} {self.unit}"

    def operator_problem(self, operator: str, values: list[Any]) -> str | None:
        if operator in ("contains", "contains_any"):
            return super().operator_problem(operator, values)
        return None

    def check_answer(self, value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return "expected a number"
        if self.integer and not float(value).is_integer():
            return "expected a whole number"
        largest = max(self.mosts)
        if not self.minimum <= value <= largest:  # the most for the other answers: above_most
            return f"{plain_number(value)} is outside the range {self.range_text(high=largest)}"
        return None


class DateQuestion(QuestionBase):
    kind: Literal["date"]

    def check_answer(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return "expected a date written as YYYY-MM-DD"
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return f"'{value}' is not a date written as YYYY-MM-DD"
        return None

    def display(self, value: Any) -> str:
        return format_date(dt.date.fromisoformat(value))


class TextQuestion(QuestionBase):
    kind: Literal["text"]
    multiline: bool = False
    max_length: Annotated[int, Field(ge=1, le=20000)] = 200

    def check_answer(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return "expected text"
        broken = next((char for char in value if "\ud800" <= char <= "\udfff"), None)
        if broken is not None:
            return f"the text has a broken character (U+{ord(broken):04X}) that cannot be saved; please retype it"
        if len(value) > self.max_length:
            return f"the text is {len(value)} characters long; the limit is {self.max_length}"
        return None


type ItemQuestion = Annotated[
    SingleChoice | MultiChoice | YesNo | NumberQuestion | DateQuestion | TextQuestion,
    Field(discriminator="kind"),
]


class GroupQuestion(QuestionBase):
    """A repeatable group, such as one row per medicine tried."""

    kind: Literal["group"]
    item_name: Annotated[str, Field(min_length=1, description="what one entry is called, e.g. 'medicine trial'")]
    title_from: Annotated[str, Field(description="the item question whose answer names an entry in lists")]
    title_other: Annotated[
        str | None, Field(description="an item text question whose answer, when given, names the entry instead")
    ] = None
    questions: Annotated[list[ItemQuestion], Field(min_length=1)]
    max_items: Annotated[int, Field(ge=1, le=500)] = 40

    def __post_init__(self) -> None:
        ids = {question.id for question in self.questions}
        for name in filter(None, (self.title_from, self.title_other)):
            if name not in ids:
                raise ValueError(f"'{name}' (the entry's title) is not one of this group's questions")

    def item_question(self, question_id: str) -> QuestionBase | None:
        return next((question for question in self.questions if question.id == question_id), None)

    def entry_title(self, entry: dict[str, Any], short: bool = False) -> str:
        """What one entry is called in lists: the name the patient typed, else the chosen answer's label (its
        short label where ``short``: 'Sertraline' rather than 'Sertraline (Zoloft)')."""
        typed = entry.get(self.title_other) if self.title_other else None
        if isinstance(typed, str) and typed.strip():
            return typed.strip()
        question = self.item_question(self.title_from)
        value = entry.get(self.title_from)
        if question is None or value is None:
            return ""
        return question.brief(value) if short else question.display(value)

    def check_answer(self, value: Any) -> str | None:
        if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
            return f"expected a list of {self.item_name} entries"
        if len(value) > self.max_items:
            return f"{len(value)} entries; the limit is {self.max_items}"
        return None


type Question = Annotated[
    SingleChoice | MultiChoice | YesNo | NumberQuestion | DateQuestion | TextQuestion | GroupQuestion,
    Field(discriminator="kind"),
]


class Section(Frozen):
    """One page of the wizard. A page whose ``enable_when`` is false is skipped as a whole."""

    id: Id
    title: Annotated[str, Field(min_length=1)]
    intro: str | None = None
    enable_when: Condition | None = None
    questions: list[Question] = field(default_factory=list)


class Form(Frozen):
    id: Id
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    title: str
    language: str = "en"
    region_question: Annotated[str, Field(description="the single-choice question whose answer picks the region")]
    sections: Annotated[list[Section], Field(min_length=1)]

    def questions(self) -> Iterator[tuple[Section, QuestionBase]]:
        """Every top-level question, in order, with its section."""
        for section in self.sections:
            for question in section.questions:
                yield section, question

    def question(self, question_id: str) -> QuestionBase | None:
        return next((question for _, question in self.questions() if question.id == question_id), None)

    def reading_with(self, question_id: str) -> NumberQuestion | None:
        """The number question whose reading this question is a part of (itself, or the first part), if any."""
        for _section, question in self.questions():
            reading = question.reading if isinstance(question, NumberQuestion) else None
            if reading is not None and question_id in (question.id, reading.second):
                return question
        return None
