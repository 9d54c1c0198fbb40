"""What an installed copy needs: both entry points, a dialog and a log on failure, a summary without QtPdf."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from screener.cli import main
from tests.gui.test_behaviour import to_summary_with_nothing_tried

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


INJECTED = """
import sys
from PySide6.QtWidgets import QApplication, QMessageBox
import screener.store.form_cache as cache


def broken(folder, language="en"):  # what a bundle missing a module does, with a patient's words in the message
    raise ImportError("No module named screener.gui.pages (Zoë's private answer)")


def dialog(parent, title, text, *args, **kwargs):
    print("DIALOG", title, "|", text, flush=True)
    QApplication.exit(0)


cache.load_cached = broken
QMessageBox.critical = staticmethod(dialog)
from screener.cli import main
sys.exit(main([]))
"""


def test_a_failure_during_start_up_shows_a_dialog_and_writes_a_log_without_answers(tmp_path):
    env = {
        **os.environ,
        "SCREENER_DATA_DIR": str(tmp_path / "data"),
        "SCREENER_LOG_DIR": str(tmp_path / "logs"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-c", INJECTED], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-800:]
    log = tmp_path / "logs" / "screener.log"
    assert "DIALOG Something went wrong |" in done.stdout and "Your answers are saved" in done.stdout
    assert str(log) in done.stdout
    text = log.read_text(encoding="utf-8")
    assert "builtins.ImportError" in text and "app.py" in text  # the kind of error and where it happened
    assert "Zoë" not in text and "private answer" not in text  # never what the patient typed
    assert oct(log.stat().st_mode & 0o777) == "0o600"


def test_the_hook_is_installed_when_the_wizard_starts(tmp_path):
    """In a child process: after QApplication.exec() returns, Qt runs no more timers in that process."""
    code = (
        "import sys\nfrom screener.cli import main\nassert main([]) == 0\n"
        "print(sys.excepthook.__module__, sys.excepthook.__name__)\n"
    )
    env = {
        **os.environ,
        "SCREENER_DATA_DIR": str(tmp_path),
        "SCREENER_QUIT_WHEN_SHOWN": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-800:]
    assert done.stdout.split() == ["screener.gui.crash_report", "report_crash"]


def test_without_pyside6_pdf_the_summary_offers_save_and_open(patient, wizard, monkeypatch):
    real_import = builtins.__import__

    def no_qtpdf(name, *args, **kwargs):
        if name.startswith("PySide6.QtPdf"):
            raise ImportError(f"No module named {name}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_qtpdf)
    to_summary_with_nothing_tried(patient)
    page = wizard.summary_page
    assert page.pdf_bytes.startswith(b"%PDF") and not page.preview_holder.isVisible()
    assert "A preview cannot be shown" in page.status.text()
    assert page.save_button.isVisible() and page.open_button.isEnabled()


def test_check_with_no_form_found_exits_2(monkeypatch, tmp_path, capsys):
    import screener.cli as cli

    monkeypatch.setattr(cli, "FORMS_DIR", tmp_path)
    assert main(["check"]) == 2
    assert "No form was found" in capsys.readouterr().err
