"""Neither the program nor the command line touches the network, and the guard really catches it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES_DIR
from tests.no_network import NetworkUsedError

ROOT = Path(__file__).parents[1]


def test_the_guard_catches_a_socket():
    with pytest.raises(NetworkUsedError):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsedError):
        socket.getaddrinfo("example.org", 443)


def _run_guarded(code: str, tmp_path: Path) -> None:
    program = "from tests import no_network\nno_network.install()\n" + code
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SCREENER_DATA_DIR": str(tmp_path / "data")}
    subprocess.run([sys.executable, "-c", program], check=True, cwd=ROOT, env=env)


def test_command_line_uses_no_network(tmp_path):
    example = EXAMPLES_DIR / "with_precautions.json"
    _run_guarded(
        "import contextlib, io\n"
        "from screener.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['check']) == 0\n"
        f"    assert main(['evaluate', {str(example)!r}, '--json']) == 0\n"
        f"    assert main(['report', {str(example)!r}, '-o', {str(tmp_path / 's.pdf')!r}, '--attach-answers']) == 0\n",
        tmp_path,
    )


def test_wizard_uses_no_network(tmp_path):
    _run_guarded(
        "import sys\n"
        "from screener.gui.app import make_application\n"
        "from screener.gui.wizard import Wizard\n"
        "from screener.store.drafts import DraftStore\n"
        "from screener.content.loading import load\n"
        "from screener.paths import DEFAULT_FORM_DIR\n"
        "app = make_application()\n"
        "bundle = load(DEFAULT_FORM_DIR)\n"
        "store = DraftStore(bundle.form)\n"
        "wizard = Wizard(bundle, store, store.find())\n"
        "wizard.show()\n"
        "wizard.next(); wizard.next()\n"
        "for question in ('wish_dead', 'better_off_dead', 'suicidal_thoughts', 'past_attempt'):\n"
        "    wizard.currentPage().rows[question].input.buttons[False].click()\n"
        "wizard.save_draft()\n"
        "for _ in range(20):\n"
        "    wizard.next()\n"
        "assert wizard.currentPage() is wizard.summary_page\n"
        "app.processEvents()\n"
        "assert 'PySide6.QtNetwork' not in sys.modules, 'Qt networking was loaded'\n",
        tmp_path,
    )
