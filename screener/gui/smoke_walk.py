"""A walk of the real wizard for installers' smoke checks: from the first page to the summary, then a PDF.

With ``SCREENER_SMOKE_WALK=ANSWERS.json`` and ``SCREENER_SMOKE_PDF=OUT.pdf`` the wizard, once ready, puts
the answers in, presses Next page by page up to the summary (every page validates as for a patient),
writes the summary's PDF and quits: exit code 0, or 3 with the page where it stopped. CI uses it on the
frozen bundle, where a missing module or data file would otherwise show only as a stall.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from screener.session.questionnaire import SUMMARY
from screener.store.files import write_atomically


def requested() -> bool:
    return bool(os.environ.get("SCREENER_SMOKE_WALK"))


def walk(wizard) -> None:
    answers = json.loads(Path(os.environ["SCREENER_SMOKE_WALK"]).read_text(encoding="utf-8"))["answers"]
    wizard.restore(answers)
    if not wizard.walk_forward_to(SUMMARY):
        print(f"smoke walk stopped on “{wizard.currentPage().title()}”", file=sys.stderr)
        QApplication.exit(3)
        return
    write_atomically(Path(os.environ["SCREENER_SMOKE_PDF"]), wizard.summary_page.pdf_bytes)  # 0600, like any PDF
    print(f"smoke walk reached the summary: {wizard.summary_page.report.outcome_title}")
    wizard.summary_kept = True
    QApplication.exit(0)
