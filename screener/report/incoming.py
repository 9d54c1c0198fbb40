"""Earlier answers coming back in: an answers file, a summary PDF that carries its answers, or a FHIR response.

A summary made with ``--attach-answers`` carries the answers file inside it; a PDF without it gets a plain
sentence saying so. A FHIR QuestionnaireResponse (alone or in a Bundle) is read as ``screener import`` reads
it, and what could not be carried over is named. Bringing answers of an earlier form version up to date is
the caller's next step (``screener.engine.migration``), the same for all three.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from screener.content.bundle import FormBundle
from screener.content.frozen import Frozen
from screener.content.problems import Problem, ProblemsError
from screener.engine.answers import AnswersDocument, parse
from screener.i18n import _
from screener.report.fhir_import import NotAResponseError, import_response
from screener.report.pipeline import attached_answers

NO_ANSWERS_INSIDE = (
    "this PDF does not carry the answers it was made from. Only a summary saved with the answers attached "
    "(screener report --attach-answers) does; please use the answers file instead"
)


class Incoming(Frozen):
    document: AnswersDocument
    came_from: str  # "answers file", "summary PDF" or "FHIR response"
    left_out: tuple[tuple[str, str], ...] = ()  # from a FHIR response: (where, why) not carried over


def answers_in(data: bytes, source: str, bundle_for_fhir: Callable[[], FormBundle]) -> Incoming:
    """The answers in a file's bytes, whichever of the three it is; raises ProblemsError with a plain reason."""
    if data.startswith(b"%PDF"):
        try:
            inside = attached_answers(data)
        except ValueError as error:
            raise ProblemsError("This summary cannot be read", [Problem(source, "", str(error))]) from None
        if inside is None:
            raise ProblemsError("This summary holds no answers", [Problem(source, "", NO_ANSWERS_INSIDE)])
        return Incoming(parse(inside, f"{source} (attached answers)"), _("summary PDF"))
    resource = _fhir_resource(data)
    if resource is None:
        return Incoming(parse(data, source), _("answers file"))
    try:
        imported = import_response(bundle_for_fhir(), resource)
    except NotAResponseError as error:
        raise ProblemsError("This is not a response to this questionnaire", [Problem(source, "", str(error))]) from None
    return Incoming(imported.document, _("FHIR response"), imported.left_out)


def _fhir_resource(data: bytes) -> dict | None:
    """The JSON object when it is a FHIR resource (it names its resourceType); None for anything else.

    Only bytes holding the key are parsed here: an answers file, the usual case, is parsed once, by parse()
    (inside a JSON string the quotes would be escaped, so a typed answer cannot look like the key)."""
    if b'"resourceType"' not in data:
        return None
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError):
        return None  # parse() says what is wrong, in the answers file's own words
    return raw if isinstance(raw, dict) and "resourceType" in raw else None
