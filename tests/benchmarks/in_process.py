"""In-process timings: Finish (Next on the review page) to PDF bytes, and switching between pages."""

from __future__ import annotations

import os
import statistics
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SCREENER_DATA_DIR", tempfile.mkdtemp())

from screener.content.loading import load
from screener.engine.answers import parse
from screener.gui.app import make_application
from screener.gui.wizard import Wizard
from screener.paths import DEFAULT_FORM_DIR


def measure() -> dict[str, list[float]]:
    app = make_application()
    bundle = load(DEFAULT_FORM_DIR)
    answers = parse((DEFAULT_FORM_DIR / "examples" / "with_precautions.json").read_bytes(), "example").answers
    finish, switch = [], []
    for _ in range(6):
        wizard = Wizard(bundle)
        wizard.restore(answers)
        wizard.show()
        deadline = time.perf_counter() + 1.7  # a patient spends minutes here; the PDF stack preloads meanwhile
        while time.perf_counter() < deadline:
            app.processEvents()
        while wizard.currentPage() is not wizard.review_page:
            start = time.perf_counter()
            wizard.next()
            switch.append((time.perf_counter() - start) * 1000)
            app.processEvents()
        start = time.perf_counter()
        wizard.next()  # review -> summary: evaluates, builds the Report and renders the PDF
        assert wizard.summary_page.pdf_bytes.startswith(b"%PDF")
        finish.append((time.perf_counter() - start) * 1000)
        wizard.summary_kept = True
        wizard.deleteLater()
        app.processEvents()
    return {"finish_to_pdf_ms": finish, "page_switch_ms": switch}


if __name__ == "__main__":
    for name, values in measure().items():
        print(
            f"{name}: median {statistics.median(values):.1f}, min {min(values):.1f}, max {max(values):.1f} "
            f"(n={len(values)})"
        )
