"""From an answers document to the PDF summary's bytes: evaluate, build the Report, render, attach.

The PDF is rendered in memory; whoever asked for it (the command line, the wizard) writes it to disk.
"""

from __future__ import annotations

import datetime as dt
import io

from screener.content.bundle import FormBundle
from screener.content.frozen import Frozen
from screener.engine.answers import LARGEST_ANSWERS_FILE, AnswersDocument, dumps
from screener.engine.evaluation import Evaluation, evaluate_answers
from screener.i18n import speaking
from screener.report.build import build_report
from screener.report.model import Paper, Report


class Summary(Frozen):
    """One run of the pipeline: what the engine found, the Report, and the PDF made from it."""

    evaluation: Evaluation
    report: Report
    pdf: bytes
    warnings: list[str]  # characters that could not be printed


def report_for(
    bundle: FormBundle, document: AnswersDocument, paper: Paper | None = None, made_on: dt.date | None = None
) -> tuple[Evaluation, Report]:
    """Evaluate the answers and build the Report (what ``screener evaluate`` prints, without a PDF), in the
    language of the form's words: a Spanish wizard can ask for an English summary, and the reverse."""
    with speaking(bundle.form.language):
        result = evaluate_answers(bundle, document.answers)
        return result, build_report(bundle, result, made_on or dt.date.today(), paper)


def summarise(
    bundle: FormBundle,
    document: AnswersDocument,
    paper: Paper | None = None,
    attach_answers: bool = False,
    made_on: dt.date | None = None,
) -> Summary:
    """Evaluate the answers, build the Report and render its PDF, once, for the wizard and the CLI alike."""
    from screener.report.pdf import render_pdf  # reportlab is loaded only when a PDF is made, not for `evaluate`

    result, report = report_for(bundle, document, paper, made_on)
    with speaking(bundle.form.language):
        rendered = render_pdf(report)
    data = _attach(rendered.data, document, bundle) if attach_answers else rendered.data
    return Summary(result, report, data, rendered.warnings)


def _attach(pdf: bytes, document: AnswersDocument, bundle: FormBundle) -> bytes:
    """Embed the answers file and its FHIR QuestionnaireResponse, for clinics that import them (off unless asked)."""
    import json

    from pypdf import PdfWriter

    from screener.report.fhir import questionnaire_response

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.add_attachment(ATTACHED_ANSWERS, dumps(document).encode("utf-8"))
    response = json.dumps(questionnaire_response(bundle, document), indent=2, ensure_ascii=False)
    writer.add_attachment("questionnaire-response.fhir.json", response.encode("utf-8"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


ATTACHED_ANSWERS = "answers.json"


def attached_answers(pdf: bytes) -> bytes | None:
    """The answers file a summary carries (made with --attach-answers); None when it carries none.

    Raises ValueError when the bytes are not a PDF that can be read at all, or when what it carries would
    inflate past the largest answers file (a 388 KB PDF once inflated to 70 MB of 'answers')."""
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError, PyPdfError

    most = LARGEST_ANSWERS_FILE
    limits = dict.fromkeys(
        (
            "zlib_maximum_output_length",
            "lzw_maximum_output_length",
            "run_length_maximum_output_length",
            "brotli_maximum_output_length",
            "array_based_stream_maximum_output_length",
            "maximum_declared_stream_length",
        ),
        most,
    )
    try:
        with apply_configuration(**limits):
            files = PdfReader(io.BytesIO(pdf)).attachments
            found = files.get(ATTACHED_ANSWERS)
    except LimitReachedError:
        raise ValueError(
            f"the answers attached to this PDF would be larger than {most:,} bytes, so they are not an answers file"
        ) from None
    except (PyPdfError, OSError, KeyError, TypeError, ValueError) as error:
        raise ValueError(f"this PDF could not be read ({error})") from None
    if found and len(found[0]) > most:
        raise ValueError(
            f"the answers attached to this PDF are larger than {most:,} bytes, so they are not an answers file"
        )
    return found[0] if found else None
