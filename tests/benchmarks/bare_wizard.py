"""Baseline for the start-up benchmark: a bare QWizard with one page, shown and then stopped."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

app = QApplication(sys.argv)
wizard = QWizard()
page = QWizardPage()
page.setTitle("Welcome")
QVBoxLayout(page).addWidget(QLabel("A bare wizard page."))
wizard.addPage(page)
wizard.show()
QTimer.singleShot(0, app.quit)  # the same way screener stops with SCREENER_QUIT_WHEN_SHOWN=1
sys.exit(app.exec())
