"""The plain-text summary that ``screener evaluate`` prints: crisis lines first, then outcome and findings."""

from __future__ import annotations

import textwrap

from screener.content.bundle import FormBundle
from screener.engine.evaluation import Evaluation
from screener.report.build import crisis_box


def render_text(bundle: FormBundle, result: Evaluation) -> str:
    out: list[str] = []
    crisis = crisis_box(bundle, result)
    if crisis:
        out += ["HELP IS AVAILABLE NOW", *(f"  {line}" for line in crisis.plain_lines()), ""]
    out += [f"Outcome: {result.outcome.title}", *_wrap(result.outcome.summary, "  "), ""]
    out.append("Findings:" if result.findings else "Findings: none")
    for number, finding in enumerate(result.findings, start=1):
        out += _wrap(finding.text, f"  {number}. ", "     ")
        out += _wrap(f"Why: {finding.reason}", "     ")
        out += _wrap(f"Ask: {finding.ask}", "     ")
        out += _wrap(f"Source: {'; '.join(finding.sources)}", "     ")
    out += ["", *_wrap(bundle.rules.closing)]
    return "\n".join(out)


def _wrap(text: str, first: str = "", rest: str | None = None) -> list[str]:
    return textwrap.wrap(text, width=100, initial_indent=first, subsequent_indent=first if rest is None else rest) or [
        first
    ]
