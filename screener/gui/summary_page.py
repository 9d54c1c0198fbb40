"""The summary page: the same Report as the PDF (crisis lines first), a PDF preview, and save, print, open.

QtPdf and QtPrintSupport are imported only here, when the summary is reached, to keep start-up fast.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from screener.engine.answers import new_document
from screener.gui.pictures_panel import pictures_panel
from screener.gui.scroll import scrolling
from screener.gui.viewer_copies import new_viewer_folder
from screener.i18n import LANGUAGES, N_, _
from screener.report.html import options_parts, render_block
from screener.report.model import OptionsView, Report
from screener.session.questionnaire import QuestionnaireSession
from screener.store.files import write_atomically
from screener.store.safe_paths import UnsafePathError

PRINT_DPI = 200  # sharp text on paper; at the printer's full resolution a job was 80 MB and froze the window
NO_PREVIEW = N_("A preview cannot be shown on this computer. Use Save PDF… or Open in PDF viewer to see your summary.")
WIDE_ENOUGH = 820  # logical pixels of page width for the summary and its preview side by side


class SummaryPage(QWizardPage):
    """``kept`` fires when the patient saved, printed or opened the PDF (closing then asks nothing)."""

    kept = Signal()

    def __init__(self, session: QuestionnaireSession):
        super().__init__()
        self.session = session
        self.setFinalPage(True)
        self.summary_language: str | None = None  # None: the wizard's; else the one the patient chose here
        self.report: Report | None = None
        self.pdf_bytes = b""
        self.text = QLabel()  # the summary up to and with the options' tables
        self.text.setObjectName("summary")
        self.text.setWordWrap(True)
        self.pictures = QWidget()  # the options' pictures of 100 people, drawn (replaced each time)
        self.rest = QLabel()  # the summary after the pictures
        self.rest.setWordWrap(True)
        self.shown = QWidget()
        shown = QVBoxLayout(self.shown)
        shown.setContentsMargins(0, 0, 0, 0)
        for part in (self.text, self.pictures, self.rest):
            shown.addWidget(part)
        shown.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.save_button = QPushButton()
        self.print_button = QPushButton()
        self.open_button = QPushButton()
        self.language_label = QLabel()
        self.language = QComboBox()
        self.language.setObjectName("summary_language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language_label.setBuddy(self.language)
        self.language.activated.connect(self._language_chosen)
        chooser = QHBoxLayout()
        chooser.addWidget(self.language_label)
        chooser.addWidget(self.language)
        chooser.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.print_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.splitter = QSplitter()
        self.splitter.addWidget(scrolling(self.shown))
        self.preview_holder = QWidget()
        QVBoxLayout(self.preview_holder).setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.preview_holder)
        self.preview_holder.setMinimumSize(240, 200)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        self.open_button.clicked.connect(self.open_pdf)
        self.pdf_document = None
        self.pdf_view = None
        self._buffer = None
        self.retranslate()

    def retranslate(self) -> None:
        """The page's own words in the wizard's language; the summary keeps the language chosen for it."""
        self.setTitle(_("Your summary"))
        self.language_label.setText(_("Summary for the specialist &in:"))
        self.language.setAccessibleName(_("Language of the summary for the specialist"))
        for button, text, description in (
            (self.save_button, _("Save PDF…"), _("Save your summary as a PDF file")),
            (self.print_button, _("Print…"), _("Print your summary")),
            (self.open_button, _("Open in PDF viewer"), _("Open your summary in your PDF viewer")),
        ):
            button.setText(text)
            button.setAccessibleName(text.rstrip("…"))
            button.setAccessibleDescription(description)

    def _language_chosen(self, index: int) -> None:
        self.summary_language = self.language.itemData(index)
        self.show_current()

    def _bundle(self):
        """The form in the summary's language: the wizard's own, or the same form in the language chosen here."""
        from screener.store.form_cache import load_cached

        wizard_bundle = self.session.bundle
        wanted = self.summary_language or wizard_bundle.form.language
        self.language.setCurrentIndex(self.language.findData(wanted))
        if wanted == wizard_bundle.form.language:
            return wizard_bundle
        return load_cached(wizard_bundle.folder, wanted)

    def show_current(self) -> None:
        """Build the summary and its PDF from the session's answers now (each time the page is entered)."""
        from screener.report.pipeline import summarise  # reportlab loads here, not at start-up

        summary = summarise(self._bundle(), new_document(self.session.form, self.session.pruned()))
        self.report = summary.report
        self.pdf_bytes = summary.pdf
        self._show_summary(self.report)
        self.status.setText(" ".join(_("Note: {warning}.").format(warning=warning) for warning in summary.warnings))
        self._show_preview()

    def _show_summary(self, report: Report) -> None:
        """The summary's words in two labels, with the options' pictures drawn between them."""
        before, after, options = [], [], None
        for block in report.blocks:
            if isinstance(block, OptionsView):
                tables, _pictures_in_words, about = options_parts(block)
                before.append(tables)
                after.append(about)
                options = block
            else:
                (after if options else before).append(render_block(block))
        self.text.setText("".join(before))
        self.rest.setText("".join(after))
        replacement = pictures_panel(options) if options else QWidget()
        self.shown.layout().replaceWidget(self.pictures, replacement)
        self.pictures.deleteLater()
        self.pictures = replacement

    def resizeEvent(self, event) -> None:
        """Side by side on a wide window; on a narrow one (a netbook, 200 %) the preview goes below."""
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE_ENOUGH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
        length = event.size().width() if wide else event.size().height()
        self.splitter.setSizes([length * 3 // 5, length * 2 // 5])

    def focus_first(self) -> None:
        self.save_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _show_preview(self) -> None:
        try:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView
        except ImportError:  # PySide6-Pdf is not installed (it exists only for some systems): no preview
            self.preview_holder.hide()
            self.status.setText(" ".join(filter(None, [self.status.text(), _(NO_PREVIEW)])))
            return
        if self.pdf_view is None:
            self.pdf_document = QPdfDocument(self)
            self.pdf_view = QPdfView(self.preview_holder)
            self.pdf_view.setAccessibleName(_("Preview of your summary PDF"))
            self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.pdf_view.setDocument(self.pdf_document)
            self.preview_holder.layout().addWidget(self.pdf_view)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf_bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf_document.load(self._buffer)

    def default_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return str(Path(folder) / f"{self.report.file_name}-{dt.date.today().isoformat()}.pdf")

    def save_pdf(self) -> None:
        path, _kind = QFileDialog.getSaveFileName(
            self, _("Save your summary"), self.default_path(), _("PDF files (*.pdf)")
        )
        if not path:
            return
        try:
            write_atomically(Path(path), self.pdf_bytes)
        except UnsafePathError as error:  # open in a viewer (Windows), a folder, a device: nothing is lost
            self.status.setText(_("The summary was not saved: {reason}.").format(reason=error.reason))
            return
        except OSError as error:
            self.status.setText(
                _("The summary could not be saved there ({reason}). Please choose another folder.").format(
                    reason=error.strerror or error
                )
            )
            return
        self.kept.emit()
        self.status.setText(_("Saved your summary to {path}").format(path=path))

    def print_pdf(self) -> None:
        """Print through Qt: each page drawn at PRINT_DPI, the window kept alive between pages.

        Without the preview part of Qt (PySide6-Pdf, missing on some systems) the pages cannot be drawn:
        the patient is told so and offered Save, to print from their own PDF viewer.
        """
        if self.pdf_document is None:
            buttons = QMessageBox.StandardButton
            choice = QMessageBox.question(
                self,
                _("Print from your PDF viewer"),
                _(
                    "This computer lacks the part of the program that draws PDF pages, so it cannot print the "
                    "summary itself. Save the PDF, then open it in your PDF viewer and print it from there. "
                    "Save it now?"
                ),
                buttons.Save | buttons.Cancel,
                buttons.Save,
            )
            if choice == buttons.Save:
                self.save_pdf()
            return
        from PySide6.QtCore import QSize
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setResolution(PRINT_DPI)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(_("The printer could not be started. Please save the PDF and print it from there."))
            return
        area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
        pages = self.pdf_document.pageCount()
        for page in range(pages):
            self.status.setText(_("Printing page {page} of {pages}…").format(page=page + 1, pages=pages))
            QApplication.processEvents()  # the window stays alive while the pages are drawn
            if page:
                printer.newPage()
            image = self.pdf_document.render(page, QSize(area.width(), area.height()))
            painter.drawImage(area, image)
        painter.end()
        self.kept.emit()
        self.status.setText(_("Sent your summary to the printer."))

    def open_pdf(self) -> None:
        try:
            path = new_viewer_folder() / Path(self.default_path()).name  # deleted when the wizard closes
            write_atomically(path, self.pdf_bytes)
        except OSError as error:  # a full or read-only temporary folder: Save still works
            self.status.setText(
                _(
                    "The summary could not be opened: no copy could be made for the viewer ({reason}). "
                    "Please use “Save PDF” and open the saved file."
                ).format(reason=error.strerror or error)
            )
            return
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.kept.emit()
            self.status.setText(_("Opened your summary in your PDF viewer."))
        else:
            self.status.setText(_("No PDF viewer could be opened. The file is at {path}").format(path=path))
