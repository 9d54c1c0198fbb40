"""A question as it appears on a page: its label, a Help button, the input and an inline error."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from screener.content.form import QuestionBase
from screener.gui.text import reflow
from screener.gui.widgets.answer_widgets import AnswerWidget
from screener.i18n import _

INVALID_STYLE = "border: 2px solid #a3140f;"  # text fields only: a box around options would clip them


class QuestionRow(QWidget):
    changed = Signal()

    def __init__(self, question: QuestionBase, input_widget: AnswerWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.question = question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        top = QHBoxLayout()
        text = reflow(question.label) + (_("  (required)") if question.required else "")
        self.label = QLabel(text)
        self.label.setObjectName("question")
        self.label.setWordWrap(True)
        top.addWidget(self.label, 1)
        self.help_button: QPushButton | None = None
        self.help_label: QLabel | None = None
        if question.help:
            self.help_button = QPushButton(_("Help"))
            self.help_button.setObjectName("help")
            self.help_button.setCheckable(True)
            self.help_button.setAccessibleName(_("Help: {question}").format(question=question.label.strip()))
            self.help_button.setAccessibleDescription(_("Shows or hides an explanation of this question (F1)"))
            top.addWidget(self.help_button)
        layout.addLayout(top)
        if question.help:
            self.help_label = QLabel(reflow(question.help))
            self.help_label.setObjectName("helptext")
            self.help_label.setWordWrap(True)
            self.help_label.hide()
            layout.addWidget(self.help_label)
            self.help_button.toggled.connect(self.help_label.setVisible)
        self.input = input_widget
        layout.addWidget(self.input)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        first = self.input.inputs()
        if first:
            self.label.setBuddy(first[0])
        self.input.changed.connect(self._on_change)

    def _on_change(self) -> None:
        if self.error.isVisible() and not self.input.input_error():
            self.show_error(None)
        self.changed.emit()

    def toggle_help(self) -> None:
        if self.help_button is not None:
            self.help_button.toggle()

    def value(self) -> Any:
        return self.input.value()

    def set_value(self, value: Any) -> None:
        self.input.blockSignals(True)
        self.input.set_value(value)
        self.input.blockSignals(False)

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        for widget in self.input.inputs():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setStyleSheet(INVALID_STYLE if message else "")
        if message:
            self.error.setAccessibleName(
                _("Problem with “{question}”: {message}").format(question=self.question.label.strip(), message=message)
            )

    def focus_input(self) -> None:
        """Focus the first input (for options: the chosen one, as Tab would)."""
        self.input.focus_first()

    def focus_problem(self) -> None:
        """Focus where the problem is and announce it to screen readers."""
        self.input.focus_problem()
        if self.error.isVisible():
            QAccessible.updateAccessibility(QAccessibleEvent(self.error, QAccessible.Event.Alert))

    def problem(self, answers: dict[str, Any]) -> str | None:
        """Why the current input cannot be accepted, in plain words; None when it can."""
        typed = self.input.input_error()
        if typed:
            return typed
        value = self.value()
        if value is None:
            return _("Please answer this question.") if self.question.required else None
        reason = self.question.check_answer(value)
        if reason:  # the widget may say it in the patient's words, with the other answers in view
            return self.input.entry_problem(answers) or _plain(reason)
        return self.input.entry_problem(answers)


def _plain(reason: str) -> str:
    return reason[0].upper() + reason[1:] + ("" if reason.endswith(".") else ".")
