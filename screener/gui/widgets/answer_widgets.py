"""One input widget per question kind, all with the same small interface.

``value()`` gives the answer in the answers document's form (None when empty), ``set_value`` restores
one, ``input_error()`` says in plain words why typed text is not yet an answer, and ``changed`` fires on
every edit. Every input gets an accessible name and description from the question. Which widget a kind
gets is decided in one table, ``screener.gui.widgets.kinds``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from screener.content.form import ChoiceQuestion, DateQuestion, MultiChoice, NumberQuestion, QuestionBase, TextQuestion


class AnswerWidget(QWidget):
    """Base class: an input for one question."""

    changed = Signal()

    def __init__(self, question: QuestionBase, parent: QWidget | None = None):
        super().__init__(parent)
        self.question = question

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def input_error(self) -> str | None:
        return None

    def entry_problem(self, answers: dict[str, Any]) -> str | None:
        """A problem inside the answer that only the widget can point at (a group entry); None by default."""
        return None

    def inputs(self) -> list[QWidget]:
        """The focusable inputs, in tab order."""
        raise NotImplementedError

    def _describe(self, widget: QWidget, name: str) -> None:
        widget.setAccessibleName(name)
        widget.setAccessibleDescription((self.question.help or "").strip())


class ChoiceWidget(AnswerWidget):
    """Radio buttons (one answer) or check boxes (several), one per option, stacked."""

    def __init__(self, question: ChoiceQuestion, parent: QWidget | None = None):
        super().__init__(question, parent)
        self.multiple = isinstance(question, MultiChoice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not self.multiple)
        self.buttons: dict[Any, QCheckBox | QRadioButton] = {}
        for value, label in self._options(question):
            button = QCheckBox(label) if self.multiple else QRadioButton(label)
            self._describe(button, f"{question.label.strip()}: {label}")
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[value] = button
            button.toggled.connect(self._toggled)
        self._exclusive = set(getattr(question, "exclusive", []))

    @staticmethod
    def _options(question: QuestionBase) -> list[tuple[Any, str]]:
        return [(option.value, option.label) for option in question.options]

    def _toggled(self, checked: bool) -> None:
        button = self.sender()
        if self.multiple and checked:  # "None of these" clears the others, and the other way round
            chosen = next(value for value, item in self.buttons.items() if item is button)
            for value, other in self.buttons.items():
                if (
                    other is not button
                    and other.isChecked()
                    and (chosen in self._exclusive or value in self._exclusive)
                ):
                    other.setChecked(False)
        self.changed.emit()

    def value(self) -> Any:
        chosen = [value for value, button in self.buttons.items() if button.isChecked()]
        if self.multiple:
            return chosen or None
        return chosen[0] if chosen else None

    def set_value(self, value: Any) -> None:
        wanted = set(value or []) if self.multiple else {value}
        self.group.setExclusive(False)  # lets a radio button be cleared
        for key, button in self.buttons.items():
            button.setChecked(key in wanted)
        self.group.setExclusive(not self.multiple)

    def inputs(self) -> list[QWidget]:
        return list(self.buttons.values())


class YesNoWidget(ChoiceWidget):
    """Two radio buttons, Yes and No."""

    @staticmethod
    def _options(question: QuestionBase) -> list[tuple[Any, str]]:
        return [(True, "Yes"), (False, "No")]


class LineWidget(AnswerWidget):
    """A one-line text field with an optional unit or hint beside it."""

    def __init__(self, question: QuestionBase, hint: str = "", parent: QWidget | None = None):
        super().__init__(question, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self._describe(self.edit, question.label.strip())
        if hint:
            self.edit.setAccessibleDescription(" ".join(filter(None, [hint, (question.help or "").strip()])))
        layout.addWidget(self.edit, 1)
        if hint:
            unit = QLabel(hint)
            unit.setObjectName("hint")
            layout.addWidget(unit)
        self.edit.textChanged.connect(self.changed)

    def text(self) -> str:
        return self.edit.text().strip()

    def inputs(self) -> list[QWidget]:
        return [self.edit]


class TextLineWidget(LineWidget):
    def __init__(self, question: TextQuestion, parent: QWidget | None = None):
        super().__init__(question, "", parent)
        self.edit.setMaxLength(question.max_length)

    def value(self) -> Any:
        return self.text() or None

    def set_value(self, value: Any) -> None:
        self.edit.setText(value or "")


class NumberWidget(LineWidget):
    """A number with its unit and range shown beside it."""

    def __init__(self, question: NumberQuestion, parent: QWidget | None = None):
        super().__init__(question, f"{question.unit}  ({question.range_text()})", parent)
        self.edit.setMaximumWidth(160)

    def _parse(self) -> float | None:
        text = self.text().replace(",", "").replace(" ", "")
        try:
            return float(text)
        except ValueError:
            return None

    def value(self) -> Any:
        number = self._parse()
        if number is None:
            return None
        return int(number) if number.is_integer() else number

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else f"{value:g}")

    def input_error(self) -> str | None:
        if self.text() and self._parse() is None:
            return "Please type a number, using digits (for example 200)."
        return None


class DateWidget(LineWidget):
    def __init__(self, question: DateQuestion, parent: QWidget | None = None):
        super().__init__(question, "year-month-day, for example 2026-12-14", parent)
        self.edit.setMaximumWidth(160)
        self.edit.setPlaceholderText("YYYY-MM-DD")

    def value(self) -> Any:
        try:
            return dt.date.fromisoformat(self.text()).isoformat()
        except ValueError:
            return None

    def set_value(self, value: Any) -> None:
        self.edit.setText(value or "")

    def input_error(self) -> str | None:
        if self.text() and self.value() is None:
            return "Please write the date as year-month-day, for example 2026-12-14."
        return None


class ParagraphWidget(AnswerWidget):
    """Several lines of text. Enter starts a new line; Tab moves on, so nothing is skipped by accident."""

    def __init__(self, question: TextQuestion, parent: QWidget | None = None):
        super().__init__(question, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(90)
        self._describe(self.edit, question.label.strip())
        layout.addWidget(self.edit)
        self.edit.textChanged.connect(self.changed)

    def value(self) -> Any:
        return self.edit.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText(value or "")

    def inputs(self) -> list[QWidget]:
        return [self.edit]
