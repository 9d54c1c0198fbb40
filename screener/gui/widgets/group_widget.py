"""A repeatable group (medicine trials, therapy courses): a list of entries with add, edit and remove.

The selected entry is edited in place below the list, with one input per item question, so the whole
thing works with the keyboard and no dialog. Item questions that do not apply to an entry are hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from screener.content.form import GroupQuestion
from screener.engine.visibility import applicable_item_questions
from screener.gui.widgets.answer_widgets import AnswerWidget
from screener.i18n import _


class GroupWidget(AnswerWidget):
    """``make_row`` builds the row (label, input, error) of one item question; the kinds table passes it in."""

    def __init__(self, question: GroupQuestion, make_row: Callable[[Any], Any], parent: QWidget | None = None):
        super().__init__(question, parent)
        self.group = question
        self.entries: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setMaximumHeight(130)
        self.list.setAccessibleName(_("{question}: list").format(question=question.label.strip()))
        self.list.setAccessibleDescription(_("Choose a {item} to change it below").format(item=question.item_name))
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Add a {item}").format(item=question.item_name))
        self.add_button.setAccessibleName(_("Add a {item}").format(item=question.item_name))
        self.remove_button = QPushButton(_("Remove this {item}").format(item=question.item_name))
        self.remove_button.setAccessibleName(_("Remove the selected {item}").format(item=question.item_name))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.editor = QFrame()
        self.editor.setObjectName("entry")
        editor_layout = QVBoxLayout(self.editor)
        self.editor_title = QLabel()
        self.editor_title.setObjectName("entrytitle")
        editor_layout.addWidget(self.editor_title)
        self.rows = {item.id: make_row(item) for item in question.questions}
        for row in self.rows.values():
            editor_layout.addWidget(row)
            row.changed.connect(self._entry_edited)
        layout.addWidget(self.editor)
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button.clicked.connect(self.remove_entry)
        self.list.currentRowChanged.connect(self._show_entry)
        self._show_entry(-1)

    def add_entry(self) -> None:
        self.entries.append({})
        self.list.addItem(self._title(len(self.entries) - 1))
        self.list.setCurrentRow(len(self.entries) - 1)
        first = self.rows[self.group.questions[0].id].input.inputs()
        if first:
            first[0].setFocus(Qt.FocusReason.TabFocusReason)
        self.changed.emit()

    def remove_entry(self) -> None:
        index = self.list.currentRow()
        if index < 0:
            return
        del self.entries[index]
        self.list.takeItem(index)
        self._show_entry(self.list.currentRow())
        self.changed.emit()

    def _title(self, index: int) -> str:
        name = self.group.entry_title(self.entries[index])
        new = _("New {item} (not chosen yet)").format(item=self.group.item_name)
        return f"{index + 1}. {name or new}"

    def _show_entry(self, index: int) -> None:
        has_entry = 0 <= index < len(self.entries)
        self.editor.setVisible(has_entry)
        self.remove_button.setEnabled(has_entry)
        if not has_entry:
            return
        self.editor_title.setText(f"{self.group.item_name.capitalize()} {index + 1}")
        for item_id, row in self.rows.items():
            row.show_error(None)
            row.set_value(self.entries[index].get(item_id))
        self._refresh_rows(index)

    def _refresh_rows(self, index: int) -> None:
        visible = {q.id for q in applicable_item_questions(self.group, self.entries[index], {})}
        for item_id, row in self.rows.items():
            row.setVisible(item_id in visible)

    def _entry_edited(self) -> None:
        index = self.list.currentRow()
        if not 0 <= index < len(self.entries):
            return
        entry = {item_id: row.value() for item_id, row in self.rows.items() if row.value() is not None}
        self.entries[index] = entry
        self._refresh_rows(index)
        self.list.item(index).setText(self._title(index))
        self.changed.emit()

    def value(self) -> Any:
        if not self.entries:
            return None
        return [
            {
                key: value
                for key, value in entry.items()
                if key in {q.id for q in applicable_item_questions(self.group, entry, {})}
            }
            for entry in self.entries
        ]

    def set_value(self, value: Any) -> None:
        self.entries = [dict(entry) for entry in value or []]
        self.list.clear()
        for index in range(len(self.entries)):
            self.list.addItem(self._title(index))
        self.list.setCurrentRow(0 if self.entries else -1)
        self._show_entry(self.list.currentRow())

    def input_error(self) -> str | None:
        index = self.list.currentRow()
        if 0 <= index < len(self.entries):
            for row in self.rows.values():
                typed = row.input.input_error() if row.isVisibleTo(self) else None
                if typed:
                    row.show_error(typed)
                    return f"{self.group.item_name.capitalize()} {index + 1}: {typed}"
        return None

    def entry_problem(self, answers: dict[str, Any]) -> str | None:
        """The first problem in any entry; that entry is selected and its field marked."""
        for index, entry in enumerate(self.entries):
            for item in applicable_item_questions(self.group, entry, answers):
                value = entry.get(item.id)
                reason = (
                    _("Please answer this.")
                    if item.required and value is None
                    else item.check_answer(value)
                    if value is not None
                    else None
                )
                if reason:
                    self.list.setCurrentRow(index)
                    self.rows[item.id].show_error(reason)
                    return f"{self.group.item_name.capitalize()} {index + 1}: {item.label.strip()}: {reason}"
        return None

    def inputs(self) -> list[QWidget]:
        return [self.list, self.add_button, self.remove_button]

    def focus_first(self) -> None:
        (self.list if self.entries else self.add_button).setFocus(Qt.FocusReason.TabFocusReason)

    def focus_problem(self) -> None:
        """Focus the field of the selected entry whose problem is marked, rather than the list."""
        for row in self.rows.values():
            if row.isVisibleTo(self) and row.error.isVisible():
                row.focus_input()
                return
        self.focus_first()
