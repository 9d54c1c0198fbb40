"""Print: through Qt at a sensible resolution, or, without the preview part of Qt, Save offered with the reason."""

from __future__ import annotations

import sys

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.gui.test_behaviour import to_summary_with_nothing_tried


def test_print_makes_a_job_of_sensible_size(patient, wizard, monkeypatch, tmp_path):
    job = tmp_path / "job.pdf"

    def print_to_file(dialog):  # the patient picks "Print to file" and presses Print
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(job))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", print_to_file)
    to_summary_with_nothing_tried(patient)
    summary = wizard.summary_page
    patient._click(summary.print_button)
    assert summary.status.text() == "Sent your summary to the printer."
    pages = summary.pdf_document.pageCount()
    assert job.read_bytes().startswith(b"%PDF")
    assert job.stat().st_size < 4_000_000 * pages  # at the printer's full resolution it was 80 MB


def test_without_the_preview_part_print_offers_save_and_says_why(patient, wizard, monkeypatch, tmp_path):
    for name in ("PySide6.QtPdf", "PySide6.QtPdfWidgets"):
        monkeypatch.setitem(sys.modules, name, None)  # as on a system without PySide6-Pdf
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.Save
    )
    saved = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(saved), ""))
    to_summary_with_nothing_tried(patient)
    patient._click(wizard.summary_page.print_button)  # once raised, left a 0-byte file and crashed at exit
    title, message = asked[-1][1], asked[-1][2]
    assert title == "Print from your PDF viewer" and "cannot print the summary itself" in message
    assert saved.read_bytes().startswith(b"%PDF")
