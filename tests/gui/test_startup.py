"""Start-up stays light: opening the wizard loads neither reportlab nor QtPdf nor QtPrintSupport, and with the
form cached, neither pydantic nor a YAML parser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_wizard_start_does_not_import_the_pdf_stack():
    code = (
        "import sys\n"
        "from screener.gui.app import make_application\n"
        "from screener.gui.wizard import Wizard\n"
        "from screener.content.loading import load\n"
        "from screener.paths import DEFAULT_FORM_DIR\n"
        "app = make_application()\n"
        "wizard = Wizard(load(DEFAULT_FORM_DIR))\n"
        "wizard.show()\n"
        "app.processEvents()\n"
        "heavy = [m for m in sys.modules if m.startswith(('reportlab', 'PySide6.QtPdf', 'PySide6.QtPrintSupport'))]\n"
        "assert not heavy, heavy\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2], env=env)


def test_a_start_with_the_form_cached_reads_no_yaml_and_loads_no_pydantic(tmp_path):
    """The real start-up (run_wizard) until Next is enabled: the checked form comes from the cache, once."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SCREENER_CACHE_DIR": str(tmp_path / "cache"),
        "SCREENER_DATA_DIR": str(tmp_path / "data"),
        "SCREENER_QUIT_WHEN_READY": "1",
    }
    warm = "from screener.store.form_cache import load_cached\nfrom screener.paths import DEFAULT_FORM_DIR\n"
    subprocess.run([sys.executable, "-c", warm + "load_cached(DEFAULT_FORM_DIR)"], check=True, env=env)
    code = (  # printed, not asserted there: the wizard's crash dialog would catch the assertion and wait
        "import sys\n"
        "from screener.gui.app import run_wizard\n"
        "code = run_wizard()\n"
        "print(code, *sorted(m for m in sys.modules if m.startswith(('pydantic', 'yaml'))))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2], env=env, capture_output=True, text=True
    )
    assert run.stdout.split() == ["0"], run.stdout
