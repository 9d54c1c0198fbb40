"""What an installed copy needs: both entry points, a dialog and a log on failure, a summary without QtPdf."""

from __future__ import annotations

import builtins
import sys
import tomllib
from pathlib import Path

from screener.cli import main
from screener.gui import crash_report
from tests.gui.test_behaviour import to_section

ROOT = Path(__file__).parents[2]


def test_screener_is_a_console_script_and_screener_gui_the_windowed_one():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"screener": "screener.cli:main"}  # prints on Windows too
    assert project["gui-scripts"] == {"screener-gui": "screener.cli:gui_main"}
    from importlib.metadata import entry_points

    installed = {
        entry.name: entry.value
        for entry in entry_points(group="console_scripts")
        if entry.value.startswith("screener.")
    }
    assert installed.get("screener") == "screener.cli:main"


def test_a_failure_during_start_up_shows_a_dialog_and_writes_a_log_without_answers(
    qtbot, monkeypatch, tmp_path, no_real_dialogs
):
    monkeypatch.setenv("SCREENER_LOG_DIR", str(tmp_path / "logs"))
    secret = "Zoë's private answer"
    try:
        raise ImportError(f"No module named screener.gui.pages ({secret})")  # what a bundle missing a module does
    except ImportError:
        crash_report.report_crash(*sys.exc_info())
    title, message = no_real_dialogs[-1][1], no_real_dialogs[-1][2]
    assert title == "Something went wrong" and "Your answers are saved" in message
    log = tmp_path / "logs" / "screener.log"
    assert str(log) in message
    text = log.read_text(encoding="utf-8")
    assert "builtins.ImportError" in text and "test_installed_app.py" in text
    assert secret not in text and "Zoë" not in text
    assert oct(log.stat().st_mode & 0o777) == "0o600"


def test_the_hook_is_installed_when_the_wizard_starts(monkeypatch, tmp_path, no_real_dialogs):
    monkeypatch.setenv("SCREENER_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SCREENER_QUIT_WHEN_SHOWN", "1")
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    assert main([]) == 0
    assert sys.excepthook is crash_report.report_crash


def test_without_pyside6_pdf_the_summary_offers_save_and_open(patient, wizard, monkeypatch):
    real_import = builtins.__import__

    def no_qtpdf(name, *args, **kwargs):
        if name.startswith("PySide6.QtPdf"):
            raise ImportError(f"No module named {name}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_qtpdf)
    to_section(patient, "treatments_overview")
    patient.choose("treatment_kinds", "none")
    patient.next_until_review()
    patient.next()
    page = wizard.summary_page
    assert page.pdf_bytes.startswith(b"%PDF") and not page.preview_holder.isVisible()
    assert "A preview cannot be shown" in page.status.text()
    assert page.save_button.isVisible() and page.open_button.isEnabled()


def test_check_with_no_form_found_exits_2(monkeypatch, tmp_path, capsys):
    import screener.cli as cli

    monkeypatch.setattr(cli, "FORMS_DIR", tmp_path)
    assert main(["check"]) == 2
    assert "No form was found" in capsys.readouterr().err
