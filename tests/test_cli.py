"""The command line: exit codes, messages, JSON shape, and no Qt on the headless path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import typing
from pathlib import Path

import jsonschema
import pytest

from screener.cli import main
from screener.content.rules import Category
from screener.paths import resource
from screener.report.evaluation_json import SCHEMA_FILE
from tests.conftest import EXAMPLES_DIR

EXPECTED_OUTCOME = {  # CONTENT.md section 3: each example is named after the outcome it must produce
    "get_help_now": "get_help_now",
    "heavy_history": "worth_discussing_with_precautions",  # five medicines, augmentation, four points
    "other_steps_first": "other_steps_first",
    "with_precautions": "worth_discussing_with_precautions",
    "worth_discussing": "worth_discussing",
}


def test_check_passes_and_counts_cases(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "is valid" in out and "cases ran and all hold" in out


def test_check_fails_with_every_problem(form_copy, capsys):
    rules = form_copy / "rules.yaml"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace("id: precaution_heart", "id: precaution_liver"), encoding="utf-8"
    )
    assert main(["check", str(form_copy)]) == 2
    assert "rule 'precaution_liver': this rule id is used more than once" in capsys.readouterr().err


@pytest.mark.parametrize("name", sorted(EXPECTED_OUTCOME))
def test_every_example_evaluates_to_its_outcome(name, capsys):
    assert main(["evaluate", str(EXAMPLES_DIR / f"{name}.json"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    jsonschema.validate(result, json.loads(resource("schemas", SCHEMA_FILE).read_text(encoding="utf-8")))
    assert result["outcome"] == EXPECTED_OUTCOME[name]
    for finding in result["findings"]:
        assert finding["sources"], finding["id"]
    precautions = [finding for finding in result["findings"] if finding["category"] == "precaution"]
    assert bool(precautions) == (EXPECTED_OUTCOME[name] == "worth_discussing_with_precautions")
    assert all(
        finding["raises"] == result["outcome"] for finding in precautions if finding["id"] in result["raised_by"]
    )
    assert isinstance(result["facts"]["adequate_med_trials"], int)


def test_the_schema_knows_every_category_a_rule_may_have():
    schema = json.loads(resource("schemas", SCHEMA_FILE).read_text(encoding="utf-8"))
    categories = schema["properties"]["findings"]["items"]["properties"]["category"]["enum"]
    assert set(categories) == set(typing.get_args(Category))


def test_dash_prints_for_a_script_and_a_path_writes_a_file(tmp_path, capsys):
    example = str(EXAMPLES_DIR / "with_precautions.json")
    assert main(["export", "--fhir", example, "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["resourceType"] == "Bundle"
    assert main(["evaluate", example, "--json", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "worth_discussing_with_precautions"
    out = tmp_path / "result.json"
    assert main(["evaluate", example, "--json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == 1
    assert oct(out.stat().st_mode & 0o777) == "0o600"  # health data: readable by the user only


def test_examples_cover_every_outcome():
    assert {path.stem for path in EXAMPLES_DIR.glob("*.json")} == set(EXPECTED_OUTCOME)


def test_text_output_puts_crisis_lines_first(capsys):
    assert main(["evaluate", str(EXAMPLES_DIR / "get_help_now.json")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("HELP IS AVAILABLE NOW")
    assert "Call or text 988" in out.split("Screening outcome:")[0]
    assert "Only a specialist can decide" in out


def test_example_lists_and_prints(capsys):
    assert main(["example"]) == 0
    assert "worth_discussing" in capsys.readouterr().out
    assert main(["example", "worth_discussing"]) == 0
    assert json.loads(capsys.readouterr().out)["form"]["id"] == "ketamine_ocd"
    assert main(["example", "nope"]) == 2
    assert "There is no example called 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize(
    "content, message",
    [
        ("{broken", "This answers file is damaged"),
        (
            '{"schema_version": 1, "form": {"id": "ketamine_ocd", "version": "1.5.0"}, "answers": {"x": 1}}',
            "answers > x: there is no question with this id in the form",
        ),
        (  # from an earlier version, when nothing at all can be carried over
            '{"schema_version": 1, "form": {"id": "ketamine_ocd", "version": "1.0.0"}, "answers": {"x": 1}}',
            "No answer could be carried over from version 1.0.0",
        ),
        ('{"schema_version": 1, "form": {"id": "tarot", "version": "1.0.0"}, "answers": {}}', "no form called 'tarot'"),
        (  # a form id is a name, never a path to another folder's form
            '{"schema_version": 1, "form": {"id": "/tmp/evil_form", "version": "1.0.0"}, "answers": {}}',
            "form > id: ",
        ),
        (
            '{"schema_version": 1, "form": {"id": "../tests/forms/mini", "version": "1.0.0"}, "answers": {}}',
            "form > id: ",
        ),
    ],
)
def test_bad_answers_file_gets_a_message_and_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "a.json"
    path.write_text(content, encoding="utf-8")
    assert main(["evaluate", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_missing_answers_file(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "nope.json")]) == 2
    assert "could not be read" in capsys.readouterr().err


def test_headless_path_never_imports_qt():
    example = EXAMPLES_DIR / "worth_discussing.json"
    code = (
        "import sys, contextlib, io\n"
        "from screener.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['check']) == 0\n"
        f"    assert main(['evaluate', {str(example)!r}]) == 0\n"
        "    assert main(['example', 'worth_discussing']) == 0\n"
        "qt = sorted(name for name in sys.modules if name.startswith('PySide6'))\n"
        "assert not qt, qt\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[1])


def test_a_cached_form_runs_without_pydantic_and_evaluate_without_reportlab(tmp_path):
    """pydantic checks a form when it is first cached; afterwards `evaluate` and `report` run on the plain model."""
    example = EXAMPLES_DIR / "worth_discussing.json"
    env = {**os.environ, "SCREENER_CACHE_DIR": str(tmp_path / "cache")}
    first = "from screener.store.form_cache import load_cached\nfrom screener.paths import DEFAULT_FORM_DIR\n"
    subprocess.run([sys.executable, "-c", first + "load_cached(DEFAULT_FORM_DIR)"], check=True, env=env)
    for command, heavy in (
        (["evaluate", str(example)], ("pydantic", "reportlab")),
        (["report", str(example), "-o", str(tmp_path / "s.pdf")], ("pydantic",)),
    ):
        code = (
            "import sys, contextlib, io\n"
            "from screener.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
            f"    assert main({command!r}) == 0\n"
            f"loaded = sorted(name for name in sys.modules if name.startswith({heavy!r}))\n"
            "assert not loaded, loaded\n"
        )
        subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[1], env=env)


def test_full_text_has_every_block_of_the_summary(capsys):
    assert main(["evaluate", str(EXAMPLES_DIR / "with_precautions.json"), "--full"]) == 0
    out = capsys.readouterr().out
    for part in ("SAFETY ANSWERS", "MEDICINES TRIED FOR OCD", "Price of one infusion: $400 – $800", "SOURCES"):
        assert part in out, part
    assert out.index("SAFETY ANSWERS") < out.index("COST AND SCHEDULE") < out.index("QUESTIONS FOR THE SPECIALIST")
