"""The one table from question kind to widget, and the question row built around it.

Adding a question kind means one model in ``screener.content.form`` and one line here.
"""

from __future__ import annotations

from collections.abc import Callable

from screener.content.form import (
    DateQuestion,
    GroupQuestion,
    MultiChoice,
    NumberQuestion,
    QuestionBase,
    SingleChoice,
    TextQuestion,
    YesNo,
)
from screener.gui.widgets.answer_widgets import (
    AnswerWidget,
    ChoiceWidget,
    DateWidget,
    NumberWidget,
    ParagraphWidget,
    TextLineWidget,
    YesNoWidget,
)
from screener.gui.widgets.group_widget import GroupWidget
from screener.gui.widgets.question_row import QuestionRow


def _text_widget(question: TextQuestion) -> AnswerWidget:
    return ParagraphWidget(question) if question.multiline else TextLineWidget(question)


WIDGETS: dict[type[QuestionBase], Callable[..., AnswerWidget]] = {
    SingleChoice: ChoiceWidget,
    MultiChoice: ChoiceWidget,
    YesNo: YesNoWidget,
    NumberQuestion: NumberWidget,
    DateQuestion: DateWidget,
    TextQuestion: _text_widget,
    GroupQuestion: lambda question: GroupWidget(question, make_row=question_row),
}


def question_row(question: QuestionBase) -> QuestionRow:
    """A question's label, Help, input widget (by kind) and inline error."""
    return QuestionRow(question, WIDGETS[type(question)](question))
