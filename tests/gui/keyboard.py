"""Drives the wizard with the keyboard alone, as a person without a mouse does: Tab, arrows, Space, typing.

No widget value is ever set: every answer is reached through the real focus chain and changed by keys.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QWidget, QWizard

from tests.conftest import SAFETY_ANSWERS
from tests.gui.windows import assert_at_most_one_window

TAB_LIMIT = 400  # more Tab presses than any page has stops


class KeyboardPatient:
    def __init__(self, qtbot, wizard):
        self.qtbot = qtbot
        self.wizard = wizard
        self.tabs = 0

    def focused(self) -> QWidget:
        return self.wizard.focusWidget() or self.wizard

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focused(), key, modifier)

    def tab_to(self, target: QWidget) -> None:
        self.tab_until(lambda widget: widget is target, getattr(target, "text", lambda: repr(target))())

    def tab_until(self, wanted, what: str) -> None:
        for _ in range(TAB_LIMIT):
            if wanted(self.focused()):
                return
            self.key(Qt.Key.Key_Tab)
            self.tabs += 1
        raise AssertionError(f"Tab never reached {what} on “{self.wizard.currentPage().title()}”")

    def _row(self, question_id: str, group: str | None = None):
        page = self.wizard.currentPage()
        if group is None:
            return page.rows[question_id]
        return page.rows[group].input.rows[question_id]

    def choose(self, question_id: str, value, group: str | None = None) -> None:
        """A radio button: Tab into its group, then the arrow keys to the option (which also chooses it)."""
        buttons = self._row(question_id, group).input.buttons
        self.tab_until(lambda widget: widget in buttons.values(), f"the options of {question_id}")
        for _ in range(len(buttons)):
            if self.focused() is buttons[value]:
                break
            self.key(Qt.Key.Key_Down)
        assert self.focused() is buttons[value], f"the arrow keys never reached {value}"
        if not buttons[value].isChecked():
            self.key(Qt.Key.Key_Space)
        assert buttons[value].isChecked()
        assert_at_most_one_window()

    def answer_safety(self, risk: str = "none") -> None:
        """The safety questions, one by one as a person would: "none", "screen" (a yes) or "now"."""
        for question_id, value in SAFETY_ANSWERS[risk].items():
            self.choose(question_id, value)

    def tick(self, question_id: str, *values) -> None:
        """Check boxes: each is its own Tab stop, toggled with Space."""
        buttons = self._row(question_id).input.buttons
        for value in values:
            assert isinstance(buttons[value], QCheckBox)
            self.tab_to(buttons[value])
            self.key(Qt.Key.Key_Space)
            assert buttons[value].isChecked(), f"{question_id}: {value} was not ticked"

    def type(self, question_id: str, text: str, group: str | None = None) -> None:
        edit = self._row(question_id, group).input.inputs()[0]
        self.tab_to(edit)
        self.qtbot.keyClicks(edit, text)

    def press(self, button: QWidget) -> None:
        self.tab_to(button)
        self.key(Qt.Key.Key_Space)

    def add_entry(self, group: str) -> None:
        self.press(self._row(group).input.add_button)

    def next(self) -> None:
        before = self.wizard.currentId()
        self.press(self.wizard.button(QWizard.WizardButton.NextButton))
        assert self.wizard.currentId() != before, f"Next was refused on “{self.wizard.currentPage().title()}”"
        assert_at_most_one_window()

    def on(self, step_id: str) -> None:
        assert self.wizard.currentPage().step_id == step_id, self.wizard.currentPage().title()
