"""The privacy panel on the first page: resume or start over, start from a file, shared mode, and notices.

It offers an unfinished questionnaire back with the time it was saved, explains a draft that had to be
set aside, offers to start from an earlier summary or answers file, and lets the patient choose to keep
nothing on this computer.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from screener.content.wording import format_date
from screener.i18n import _


class PrivacyPanel(QFrame):
    resume_requested = Signal()
    start_over_requested = Signal()
    shared_mode_changed = Signal(bool)
    start_from_file_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("privacy")
        layout = QVBoxLayout(self)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        self.resume_box = QWidget()
        resume_layout = QVBoxLayout(self.resume_box)
        resume_layout.setContentsMargins(0, 0, 0, 0)
        self.resume_text = QLabel()
        self.resume_text.setWordWrap(True)
        resume_layout.addWidget(self.resume_text)
        buttons = QHBoxLayout()
        self.resume_button = QPushButton()
        self.resume_button.setObjectName("resume")
        self.start_over_button = QPushButton()
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.start_over_button)
        buttons.addStretch(1)
        resume_layout.addLayout(buttons)
        self.resume_box.hide()
        layout.addWidget(self.resume_box)
        self.shared = QCheckBox()
        layout.addWidget(self.shared)
        self.from_file_button = QPushButton()
        self.from_file_button.setObjectName("from_file")
        from_file = QHBoxLayout()
        from_file.addWidget(self.from_file_button)
        from_file.addStretch(1)
        layout.addLayout(from_file)
        self._saved_at = None
        self.retranslate()
        self.from_file_button.clicked.connect(self.start_from_file_requested)
        self.resume_button.clicked.connect(self.resume_requested)
        self.start_over_button.clicked.connect(self.start_over_requested)
        self.shared.toggled.connect(self.shared_mode_changed)

    def retranslate(self) -> None:
        self.resume_button.setText(_("Continue where I left off"))
        self.resume_button.setAccessibleName(_("Continue where I left off"))
        self.resume_button.setAccessibleDescription(_("Brings back your unfinished answers and the page you were on"))
        self.start_over_button.setText(_("Start over"))
        self.start_over_button.setAccessibleName(_("Start over"))
        self.start_over_button.setAccessibleDescription(_("Deletes the unfinished answers from this computer"))
        self.shared.setText(_("Don't keep my answers on this computer (for a shared or public computer)"))
        self.shared.setAccessibleName(_("Don't keep my answers on this computer"))
        self.shared.setAccessibleDescription(
            _("Nothing is saved except the PDF you choose to save. If you close the program, your answers are gone.")
        )
        self.from_file_button.setText(_("Start from an earlier summary or answers file…"))
        self.from_file_button.setAccessibleDescription(
            _(
                "Brings back the answers inside a summary PDF saved with its answers, an answers file, "
                "or a FHIR response from a clinic"
            )
        )
        if not self.resume_box.isHidden():
            self.offer_resume(self._saved_at)

    def offer_resume(self, saved_at) -> None:
        self._saved_at = saved_at
        if saved_at:
            when = _("{date} at {time}").format(date=format_date(saved_at.date()), time=saved_at.strftime("%H:%M"))
        else:
            when = _("an earlier day")
        self.resume_text.setText(
            _("You have unfinished answers on this computer, last saved on {when}.").format(when=when)
        )
        self.resume_box.show()

    def close_offer(self) -> None:
        self.resume_box.hide()

    def say(self, message: str) -> None:
        self.notice.setText(message)
        self.notice.setAccessibleName(message)
        self.notice.setVisible(bool(message))
