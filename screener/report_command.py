"""``screener report``: evaluate an answers document and write its PDF summary safely to disk.

The PDF is rendered in memory and then written atomically (``screener.files``), so a failure never
leaves half a PDF behind.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from screener.answers import AnswersDocument, dumps
from screener.files import write_atomically
from screener.engine import evaluate_answers
from screener.loader import FormBundle
from screener.pdf import render_pdf
from screener.problems import Problem, ProblemsError
from screener.report import Paper, build_report


def summary_pdf(bundle: FormBundle, document: AnswersDocument, paper: Paper | None = None,
                attach_answers: bool = False, made_on: dt.date | None = None) -> tuple[bytes, list[str]]:
    """The PDF bytes for a document, and warnings about characters that could not be printed."""
    result = evaluate_answers(bundle, document.answers)
    report = build_report(bundle, result, made_on or dt.date.today(), paper)
    rendered = render_pdf(report)
    data = _attach(rendered.data, dumps(document).encode("utf-8")) if attach_answers else rendered.data
    return data, rendered.warnings


def _attach(pdf: bytes, answers_json: bytes) -> bytes:
    """Embed the answers file as a PDF attachment, for clinics that import it (off unless asked)."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.add_attachment("answers.json", answers_json)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_report(bundle: FormBundle, document: AnswersDocument, output: Path, paper: Paper | None = None,
                 attach_answers: bool = False, made_on: str | None = None) -> list[str]:
    day = _parse_date(made_on)
    data, warnings = summary_pdf(bundle, document, paper, attach_answers, day)
    try:
        write_atomically(output, data)
    except OSError as error:
        raise ProblemsError("The PDF could not be saved",
                            [Problem(str(output), "", error.strerror or str(error))]) from None
    return warnings


def _parse_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ProblemsError("The date is not valid",
                            [Problem("--date", "", f"'{text}' is not a date written as YYYY-MM-DD")]) from None
