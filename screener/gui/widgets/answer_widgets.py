"""One input widget per question kind, all with the same small interface.

``value()`` gives the answer in the answers document's form (None when empty), ``set_value`` restores
one, ``input_error()`` says in plain words why typed text is not yet an answer, and ``changed`` fires on
every edit. Every input gets an accessible name and description from the question. Which widget a kind
gets is decided in one table, ``screener.gui.widgets.kinds``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from screener.content.form import ChoiceQuestion, DateQuestion, MultiChoice, NumberQuestion, QuestionBase, TextQuestion
from screener.content.reading import read_date, read_number
from screener.content.wording import EXAMPLE_DATE, format_date, format_number, plain_number
from screener.i18n import _


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

    def focus_first(self) -> None:
        inputs = self.inputs()
        if inputs:
            inputs[0].setFocus(Qt.FocusReason.TabFocusReason)

    def focus_problem(self) -> None:
        self.focus_first()

    def _describe(self, widget: QWidget, name: str) -> None:
        widget.setAccessibleName(name)
        widget.setAccessibleDescription((self.question.help or "").strip())


class ChoiceWidget(AnswerWidget):
    """Radio buttons (one answer) or check boxes (several), one per option, stacked.

    Radio buttons form one exclusive group: Tab enters it at the chosen option, the arrow keys move and
    choose. Check boxes are each their own Tab stop, toggled with Space, so every option can be ticked.
    """

    def __init__(self, question: ChoiceQuestion, parent: QWidget | None = None):
        super().__init__(question, parent)
        self.multiple = isinstance(question, MultiChoice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = None if self.multiple else QButtonGroup(self)
        self.buttons: dict[Any, QCheckBox | QRadioButton] = {}
        for value, label in self._options(question):
            button = QCheckBox(label) if self.multiple else QRadioButton(label)
            self._describe(button, f"{question.label.strip()}: {label}")
            if self.group is not None:
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
        if self.group is not None:
            self.group.setExclusive(False)  # lets a radio button be cleared
        for key, button in self.buttons.items():
            button.setChecked(key in wanted)
        if self.group is not None:
            self.group.setExclusive(True)

    def inputs(self) -> list[QWidget]:
        return list(self.buttons.values())

    def focus_first(self) -> None:
        chosen = [button for button in self.buttons.values() if button.isChecked()]
        (chosen or list(self.buttons.values()))[0].setFocus(Qt.FocusReason.TabFocusReason)


class YesNoWidget(ChoiceWidget):
    """Two radio buttons, Yes and No."""

    @staticmethod
    def _options(question: QuestionBase) -> list[tuple[Any, str]]:
        return [(True, _("Yes")), (False, _("No"))]


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


def limit_notice(limit: int) -> QLabel:
    """The sentence shown when typing or pasting ran over an answer's limit and the text was cut."""
    notice = QLabel(
        _("Your text was cut at {limit} characters, the most this answer can hold.").format(limit=format_number(limit))
    )
    notice.setObjectName("hint")
    notice.setWordWrap(True)
    notice.hide()
    return notice


class TextLineWidget(LineWidget):
    """One line of text, held to the question's limit while typing and pasting (with a notice, never silently)."""

    def __init__(self, question: TextQuestion, parent: QWidget | None = None):
        super().__init__(question, "", parent)
        self.edit.setMaxLength(question.max_length)
        self.notice = limit_notice(question.max_length)
        self.layout().addWidget(self.notice)
        self.edit.inputRejected.connect(self.notice.show)

    def value(self) -> Any:
        return self.text() or None

    def set_value(self, value: Any) -> None:
        self.edit.setText(value or "")


class ReadLineWidget(LineWidget):
    """A field read forgivingly (``screener.content.reading``) that says what it understood."""

    def __init__(self, question: QuestionBase, hint: str, reader, parent: QWidget | None = None):
        super().__init__(question, hint, parent)
        self.reader = reader
        self.edit.setMaximumWidth(200)
        layout = self.layout()
        layout.setStretchFactor(self.edit, 0)
        self.understood = QLabel()
        self.understood.setObjectName("hint")
        self.understood.hide()
        layout.addWidget(self.understood)
        layout.addStretch(1)
        self.edit.textChanged.connect(self._show_understood)

    def _reading(self):
        return self.reader(self.text()) if self.text() else None

    def value(self) -> Any:
        reading = self._reading()
        return reading.value if reading is not None else None

    def input_error(self) -> str | None:
        reading = self._reading()
        return reading.problem if reading is not None else None

    def _show_understood(self) -> None:
        """Say what was understood when it is not what was typed ('$3,000' -> 3,000; '14/12/2026')."""
        value = self.value()
        plain = "" if value is None else plain_number(value) if isinstance(value, (int, float)) else value
        shown = self.question.display(value) if value is not None and plain != self.text() else ""
        self.understood.setText(_("Understood as {answer}").format(answer=shown) if shown else "")
        self.understood.setVisible(bool(shown))


class NumberWidget(ReadLineWidget):
    """A number with its unit and range beside it. '$3,000', '3 000' and '3000.50' are all understood."""

    def __init__(self, question: NumberQuestion, parent: QWidget | None = None):
        # a most that depends on another answer (money, by country) is said when a number goes over it
        hint = question.unit if question.maximum_by else f"{question.unit}  ({question.range_text()})"
        super().__init__(question, hint, read_number, parent)

    def input_error(self) -> str | None:
        """The number's own problems, in the patient's words rather than the answers file's."""
        problem = super().input_error()
        value = self.value()
        if problem or value is None:
            return problem
        question = self.question
        if question.integer and not float(value).is_integer():
            return _("Please type a whole number of {unit}, without decimals.").format(unit=question.unit)
        if value < question.minimum or (question.maximum_by is None and value > question.maximum):
            return self._outside(question.maximum, value)
        return None

    def entry_problem(self, answers: dict[str, Any]) -> str | None:
        """Over the most for the patient's other answers (a budget in Colombian pesos may run to billions)."""
        value = self.value()
        if value is not None and self.question.above_most(value, answers):
            return self._outside(self.question.most(answers), value)
        return None

    def _outside(self, most: float, value: float) -> str:
        return _("Please type a number from {low} to {high} {unit}; {value} is outside that range.").format(
            low=format_number(self.question.minimum),
            high=format_number(most),
            unit=self.question.unit,
            value=format_number(value),
        )

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else f"{value:g}")


class DateWidget(ReadLineWidget):
    """A date typed in common forms, or picked from a calendar (the button beside the field)."""

    def __init__(self, question: DateQuestion, parent: QWidget | None = None):
        example = format_date(EXAMPLE_DATE)
        super().__init__(question, _("for example {date}").format(date=example), read_date, parent)
        self.edit.setPlaceholderText(example)
        self.pick = QToolButton()
        self.pick.setText(_("Calendar…"))
        self.pick.setAccessibleName(_("Pick {question} from a calendar").format(question=question.label.strip()))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.pick)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self.pick.setMenu(menu)
        self.layout().insertWidget(1, self.pick)  # right after the field, before its hint
        self.calendar.activated.connect(self._picked)
        self.calendar.clicked.connect(self._picked)

    def _picked(self, day) -> None:
        self.edit.setText(format_date(dt.date(day.year(), day.month(), day.day())))
        self.pick.menu().hide()
        self.edit.setFocus(Qt.FocusReason.TabFocusReason)

    def set_value(self, value: Any) -> None:
        self.edit.setText(format_date(dt.date.fromisoformat(value)) if value else "")


class LimitedPlainTextEdit(QPlainTextEdit):
    """A multi-line field that never holds more than ``limit`` characters: a paste is cut before it lands,
    so a million pasted characters cost no more than the limit."""

    cut = Signal()

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit
        self.textChanged.connect(self._hold_limit)

    def _room(self) -> int:
        return self.limit - len(self.toPlainText()) + len(self.textCursor().selectedText())

    def insertFromMimeData(self, source) -> None:
        text = source.text()
        room = max(self._room(), 0)
        if len(text) > room:
            self.insertPlainText(text[:room])
            self.cut.emit()
            return
        super().insertFromMimeData(source)

    def inputMethodEvent(self, event) -> None:
        """An input method's text (a dictation, a handwriting pad) is cut to the room left before it lands."""
        commit = event.commitString()
        room = max(self._room(), 0)
        if len(commit) > room:
            cut = QInputMethodEvent(event.preeditString(), event.attributes())
            cut.setCommitString(commit[:room], event.replacementStart(), event.replacementLength())
            super().inputMethodEvent(cut)
            self.cut.emit()
            return
        super().inputMethodEvent(event)

    def _hold_limit(self) -> None:
        """Any other way past the limit (a program setting the text) is cut back at once, with the notice."""
        text = self.toPlainText()
        if len(text) > self.limit:
            self.blockSignals(True)
            self.setPlainText(text[: self.limit])
            self.moveCursor(QTextCursor.MoveOperation.End)
            self.blockSignals(False)
            self.cut.emit()


class ParagraphWidget(AnswerWidget):
    """Several lines of text. Enter starts a new line; Tab moves on, so nothing is skipped by accident."""

    def __init__(self, question: TextQuestion, parent: QWidget | None = None):
        super().__init__(question, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = LimitedPlainTextEdit(question.max_length)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(90)
        self._describe(self.edit, question.label.strip())
        layout.addWidget(self.edit)
        self.notice = limit_notice(question.max_length)
        layout.addWidget(self.notice)
        self.edit.cut.connect(self.notice.show)
        self.edit.textChanged.connect(self.changed)

    def value(self) -> Any:
        return self.edit.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText(value or "")

    def inputs(self) -> list[QWidget]:
        return [self.edit]
