"""Starting the wizard: the Qt application, its look, and a plain message if the form cannot load."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from screener.gui.palette import light_palette
from screener.i18n import _, current
from screener.paths import DEFAULT_FORM_DIR, resource

if TYPE_CHECKING:
    from screener.content.bundle import FormBundle

DESKTOP_ID = "org.screener.Screener"  # packaging/linux/org.screener.Screener.desktop


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("screener")
    app.setOrganizationDomain("screener.org")
    app.setApplicationName("screener")
    app.setApplicationDisplayName(_("Consultation preparation"))
    app.setDesktopFileName(DESKTOP_ID)  # the .desktop file's name: Wayland and the task bar show our icon and name
    app.setWindowIcon(QIcon(str(resource("icons", "screener.svg"))))
    if app.style().name().lower() != "fusion":  # once: changing the style under live widgets is unsafe
        app.setStyle("Fusion")  # draws with the palette below on every platform
    app.setPalette(light_palette())  # pinned: a dark desktop theme must not turn our text grey on white
    app.setStyleSheet(resource("styles", "wizard.qss").read_text(encoding="utf-8"))
    return app


def run_wizard() -> int:
    """Show the first page at once, then load and check the questionnaire behind it."""
    app = make_application()
    from screener.gui import crash_report

    crash_report.install()  # from here on an unexpected error is a dialog and a log, never a silent stall
    from screener.gui.language import system_language, use_qt_language
    from screener.gui.start_page import read_start_text, start_text_of
    from screener.gui.wizard import Wizard
    from screener.i18n import set_language
    from screener.store.form_cache import read_cached
    from screener.store.locations import data_folder
    from screener.store.preferences import remembered_language

    language = remembered_language(data_folder()) or system_language()  # and changed on any page
    set_language(language)
    use_qt_language(language)
    cached = read_cached(DEFAULT_FORM_DIR, language)  # the form as checked at an earlier start, if unchanged
    try:
        start = start_text_of(cached.form) if cached else read_start_text(DEFAULT_FORM_DIR, language)
    except (OSError, ValueError, KeyError, IndexError, TypeError) as error:
        QMessageBox.critical(
            None,
            _("The questionnaire could not be opened"),
            _("The questionnaire in {folder} could not be read ({error}).").format(
                folder=DEFAULT_FORM_DIR, error=error
            ),
        )
        return 2
    from screener.gui.single_instance import SingleInstance
    from screener.gui.viewer_copies import remove_viewer_copies

    instance = SingleInstance(data_folder())
    if not instance.claim():
        instance.ask_open_one_to_come_forward()
        QMessageBox.information(
            None,
            _("The questionnaire is already open"),
            _(
                "The questionnaire is already open in another window, with your answers. We brought that window "
                "to the front: please go on there. (Two copies at once could overwrite each other's answers.)"
            ),
        )
        return 0
    remove_viewer_copies()  # copies left for the PDF viewer by a run that crashed
    wizard = Wizard(start=start)
    wizard.show()
    instance.bring_forward_on_request(wizard)
    if os.environ.get("SCREENER_QUIT_WHEN_SHOWN"):  # benchmarks and smoke tests: stop once the page is up
        QTimer.singleShot(0, app.quit)
    else:
        QTimer.singleShot(0, lambda: _load_questionnaire(wizard, cached))
    try:
        return app.exec()
    finally:
        remove_viewer_copies()
        instance.release()


def _load_questionnaire(wizard, cached: FormBundle | None) -> None:
    from screener.content.problems import ProblemsError
    from screener.store.drafts import DraftStore
    from screener.store.form_cache import load_cached

    try:
        bundle = cached or load_cached(DEFAULT_FORM_DIR, current())
    except ProblemsError as error:
        QMessageBox.critical(wizard, _("The questionnaire could not be opened"), error.render())
        QApplication.exit(2)
        return
    store = DraftStore(bundle.form, migrations=bundle.migrations)
    wizard.attach(bundle, store, store.find())
    if os.environ.get("SCREENER_QUIT_WHEN_READY"):  # benchmarks: stop once Next can be pressed
        QTimer.singleShot(0, QApplication.quit)
    from screener.gui import smoke_walk

    if smoke_walk.requested():
        QTimer.singleShot(0, lambda: smoke_walk.walk(wizard))
