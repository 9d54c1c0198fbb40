"""Start-up stays light: opening the wizard loads neither reportlab nor QtPdf nor QtPrintSupport, and with the
form cached, no pydantic."""

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


def test_wizard_from_a_cached_form_does_not_import_pydantic(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SCREENER_CACHE_DIR": str(tmp_path)}
    warm = "from screener.store.form_cache import load_cached\nfrom screener.paths import DEFAULT_FORM_DIR\n"
    subprocess.run([sys.executable, "-c", warm + "load_cached(DEFAULT_FORM_DIR)"], check=True, env=env)
    code = (
        "import sys\n"
        "from screener.gui.app import make_application\n"
        "from screener.gui.wizard import Wizard\n"
        "from screener.store.form_cache import load_cached\n"
        "from screener.paths import DEFAULT_FORM_DIR\n"
        "app = make_application()\n"
        "wizard = Wizard(load_cached(DEFAULT_FORM_DIR))\n"
        "wizard.show()\n"
        "app.processEvents()\n"
        "wizard.next()\n"
        "app.processEvents()\n"
        "loaded = [m for m in sys.modules if m.startswith('pydantic')]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2], env=env)
