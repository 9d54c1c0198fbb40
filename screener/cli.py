"""The ``screener`` command: the wizard with no arguments, or a headless subcommand.

``check`` validates forms and runs their cases, ``evaluate`` screens an answers file, ``report`` writes
the PDF summary and ``example`` prints example answers. Bad input gets a short plain message and exit
code 2, never a traceback. This module must not import Qt: only the wizard does, and only when opened.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from screener import __version__
from screener.i18n import LANGUAGES, SOURCE_LANGUAGE
from screener.paths import DEFAULT_FORM_DIR, FORMS_DIR

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    """The console command: the CLI, or the wizard when given no arguments."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        return gui_main()
    from screener.content.problems import ProblemsError  # not on the wizard's start-up path

    parser = _parser()
    options = parser.parse_args(args)
    try:
        return options.handler(options)
    except ProblemsError as error:
        _err(error.render())
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `screener export ... -o - | head`: the reader had enough; as other tools, stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return EXIT_OK
    except Exception as error:  # a bug: say so plainly; SCREENER_DEBUG=1 shows the traceback
        if os.environ.get("SCREENER_DEBUG"):
            raise
        _err(
            f"screener stopped because of an internal error ({type(error).__name__}: {error}). "
            "Your files were not changed. Please report this; run again with SCREENER_DEBUG=1 for details."
        )
        return EXIT_INTERNAL


def gui_main() -> int:
    """The windowed command (``screener-gui``): the wizard only."""
    from screener.gui.app import run_wizard  # Qt is imported only on this path

    return run_wizard()


def _parser():
    import argparse  # imported here so that opening the wizard does not pay for it

    parser = argparse.ArgumentParser(
        prog="screener",
        description="Prepare a summary for a specialist consultation from a questionnaire. "
        "Run without arguments to open the questionnaire.",
    )
    parser.add_argument("--version", action="version", version=f"screener {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    check = commands.add_parser("check", help="check forms and run their test cases")
    check.add_argument(
        "form_dirs",
        nargs="*",
        type=Path,
        metavar="FORM_DIR",
        help="form folders to check (default: every form that ships with screener)",
    )
    check.add_argument(
        "--lang",
        choices=sorted(set(LANGUAGES) - {SOURCE_LANGUAGE}),
        help="also check the form's translation into this language: none missing, stale or with broken placeholders",
    )
    check.add_argument(
        "--on",
        metavar="YYYY-MM-DD",
        help="check the recheck_by dates of labels, prices and helplines as on this day (default: today)",
    )
    check.set_defaults(handler=_check)

    evaluate = commands.add_parser("evaluate", help="screen an answers file and print the outcome")
    evaluate.add_argument("answers", type=Path, metavar="ANSWERS.json")
    evaluate.add_argument(
        "--form", type=Path, metavar="FORM_DIR", help="the form folder (default: the shipped form the answers name)"
    )
    evaluate.add_argument("--json", action="store_true", help="JSON instead of text (resources/schemas/)")
    evaluate.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("-"),
        metavar="OUT",
        help="write to this file ('-', the default: print)",
    )
    evaluate.add_argument("--full", action="store_true", help="print the whole summary as text, not only the findings")
    _language_option(evaluate, "the language of the outcome and findings")
    evaluate.set_defaults(handler=_evaluate)

    example = commands.add_parser("example", help="print an example answers file, or list them")
    example.add_argument("name", nargs="?", help="the example to print (omit to list them)")
    example.set_defaults(handler=_example)

    report = commands.add_parser("report", help="write the PDF summary for answers files")
    report.add_argument(
        "answers",
        type=Path,
        nargs="+",
        metavar="ANSWERS.json",
        help="one answers file with -o, or several files and folders of them with --out-dir",
    )
    report.add_argument(
        "--form", type=Path, metavar="FORM_DIR", help="the form folder (default: the shipped form the answers name)"
    )
    where = report.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", type=Path, metavar="SUMMARY.pdf", help="the PDF, for one answers file")
    where.add_argument(
        "--out-dir",
        type=Path,
        metavar="DIR",
        help="a folder for the PDFs (NAME.json -> NAME.pdf); goes on past a bad file, exit 2 if any failed",
    )
    report.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="with --out-dir: N processes at once (0: one per core; default 1)",
    )
    report.add_argument("--paper", choices=["a4", "letter"], help="paper size (default: from the country)")
    report.add_argument(
        "--attach-answers", action="store_true", help="embed the answers file in the PDF, for clinics that import it"
    )
    report.add_argument("--date", help="the date printed as 'made on' (YYYY-MM-DD; default: today)")
    _language_option(report, "the language of the summary, whatever the answers were given in")
    report.set_defaults(handler=_report)

    export = commands.add_parser("export", help="write the answers as standard data for a clinic (FHIR R4)")
    export.add_argument("answers", type=Path, metavar="ANSWERS.json")
    export.add_argument(
        "--fhir",
        action="store_true",
        required=True,
        help="a FHIR R4 Bundle: the Questionnaire (from the form) and the QuestionnaireResponse",
    )
    export.add_argument("--form", type=Path, metavar="FORM_DIR", help="the form folder (default: the shipped one)")
    export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="EXPORT.json", help="the file to write, or - to print it"
    )
    export.set_defaults(handler=_export)

    bring_in = commands.add_parser("import", help="make an answers file from a FHIR QuestionnaireResponse")
    bring_in.add_argument(
        "--fhir",
        type=Path,
        required=True,
        metavar="RESPONSE.json",
        help="a QuestionnaireResponse for this form (or a Bundle holding one, as `export` writes)",
    )
    bring_in.add_argument("--form", type=Path, metavar="FORM_DIR", help="the form folder (default: the shipped one)")
    bring_in.add_argument("-o", "--output", type=Path, required=True, metavar="ANSWERS.json")
    bring_in.set_defaults(handler=_import)
    return parser


def _language_option(command, what: str) -> None:
    command.add_argument(
        "--lang", choices=sorted(LANGUAGES), default=SOURCE_LANGUAGE, help=f"{what} (default: {SOURCE_LANGUAGE})"
    )


def _check(options) -> int:
    import datetime as dt

    from screener.content.loading import check_language, load
    from screener.content.problems import Problems, ProblemsError
    from screener.content.recheck import check_recheck_dates
    from screener.engine.cases import run_cases
    from screener.engine.hazards import run_hazards

    today = _parse_date(options.on) or dt.date.today()

    folders = options.form_dirs or sorted(path.parent for path in FORMS_DIR.glob("*/form.yaml"))
    if not folders:
        _err(f"No form was found in {FORMS_DIR}: this copy of screener is incomplete. Please reinstall it.")
        return EXIT_BAD_INPUT
    failures = 0
    for folder in folders:
        try:
            bundles = [load(folder)]
            if options.lang:
                check_language(folder, options.lang)
                bundles.append(load(folder, options.lang))  # the cases hold in the other language too
        except ProblemsError as error:
            _err(error.render())
            failures += 1
            continue
        runs = [run_cases(bundle) for bundle in bundles]  # in English every phrase a case expects is read too
        hazards = [run_hazards(bundle) for bundle in bundles]
        dates = Problems()
        check_recheck_dates(folder, bundles[0].sources, bundles[0].regions, today, dates)
        broken = [problem for run in [*runs, *hazards] for problem in run.problems.items] + dates.items
        if broken:
            _err(
                ProblemsError(
                    f"The cases, the hazard log or the recheck dates in {folder} do not all hold", broken
                ).render()
            )
            failures += 1
            continue
        bundle = bundles[0]
        _out(
            f"{folder}: form '{bundle.form.id}' version {bundle.form.version} is valid "
            f"({sum(1 for _ in bundle.form.questions())} questions, {len(bundle.rules.rules)} rules); "
            f"{runs[0].ran} cases ran and all hold; "
            f"{hazards[0].hazards} {'hazard is' if hazards[0].hazards == 1 else 'hazards are'} controlled in all "
            f"{hazards[0].tried} answer sets that signal them."
            + (f" Its {LANGUAGES[options.lang]} translation is complete and current." if options.lang else "")
        )
    return EXIT_BAD_INPUT if failures else EXIT_OK


def _evaluate(options) -> int:
    from screener.report.pipeline import report_for
    from screener.report.text import render_text

    bundle, document = _load_answers(options.answers, options.form)
    result, report = report_for(_in_language(bundle, options.lang), document)
    if options.json:
        import json

        from screener.report.evaluation_json import evaluation_json

        text = json.dumps(evaluation_json(bundle, result), indent=2, ensure_ascii=False)
    else:
        text = render_text(report, brief=not options.full)
    _write_or_print(options.output, text, options.answers, "The result")
    return EXIT_OK


def _write_or_print(output: Path, text: str, source: Path, what: str, wrote: str = "") -> None:
    """'-' prints (for a script's pipe); any other path is written as a private file, all at once, and
    said ('Wrote OUT' and ``wrote``)."""
    from screener.content.problems import Problem, ProblemsError
    from screener.store.files import write_atomically
    from screener.store.safe_paths import UnsafePathError

    if str(output) == "-":
        _out(text.rstrip("\n"))
        return
    try:
        write_atomically(output, text.rstrip("\n").encode("utf-8") + b"\n", inputs=[source])
    except UnsafePathError as error:
        raise ProblemsError(f"{what} cannot be written there", [Problem(str(error.path), "", error.reason)]) from None
    except OSError as error:
        raise ProblemsError(
            f"{what} could not be saved", [Problem(str(output), "", error.strerror or str(error))]
        ) from None
    _out(f"Wrote {output}{wrote}")


def _example(options) -> int:
    examples = sorted((DEFAULT_FORM_DIR / "examples").glob("*.json"))
    if options.name is None:
        _out("Examples (print one with: screener example NAME):")
        for path in examples:
            _out(f"  {path.stem}")
        return EXIT_OK
    for path in examples:
        if path.stem == options.name:
            _out(path.read_text(encoding="utf-8").rstrip("\n"))
            return EXIT_OK
    names = ", ".join(path.stem for path in examples)
    _err(f"There is no example called '{options.name}'. The examples are: {names}.")
    return EXIT_BAD_INPUT


def _report(options) -> int:
    from screener.content.problems import Problem, ProblemsError
    from screener.store.files import remove_stale_parts_in

    made_on = _parse_date(options.date)
    remove_stale_parts_in(options.output.parent if options.output is not None else options.out_dir)
    if options.output is not None:
        if len(options.answers) != 1 or options.answers[0].is_dir():
            raise ProblemsError("-o names one PDF", [Problem("-o", "", "give one answers file, or use --out-dir DIR")])
        _report_one(options.answers[0], options.output, options, made_on)
        return EXIT_OK
    return _report_many(_answers_files(options.answers), options.out_dir, options, made_on)


def _answers_files(paths: list[Path]) -> list[Path]:
    """The files given, with each folder replaced by the .json files in it, in name order."""
    files = []
    for path in paths:
        files += sorted(path.glob("*.json")) if path.is_dir() else [path]
    return files


def _report_many(inputs: list[Path], out_dir: Path, options, made_on) -> int:
    """Many answers files in one process, the form loaded once; every bad file named, none stops the rest."""
    from screener.content.problems import Problem, ProblemsError

    inputs = list({path.resolve(): path for path in inputs}.values())  # a file named twice is one patient
    _refuse_clashing_names(inputs)
    if out_dir.exists() and not out_dir.is_dir():
        raise ProblemsError("--out-dir must be a folder", [Problem(str(out_dir), "", "this is not a folder")])
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ProblemsError(
            "The folder for the PDFs cannot be made", [Problem(str(out_dir), "", error.strerror or str(error))]
        ) from None
    if options.workers < 0:
        raise ProblemsError("--workers is a count", [Problem("--workers", "", "give 1 or more, or 0 for one per core")])
    jobs = [(path, out_dir / f"{path.stem}.pdf", options, made_on) for path in inputs]
    workers = options.workers or os.cpu_count() or 1
    if workers > 1 and len(jobs) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from screener.workers import end_with_parent

        # Each worker loads the form, the fonts and the styles once, and keeps them for all its files.
        # "spawn", as on Windows and macOS: a fresh process, never a fork of one that may hold threads.
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(
            max_workers=min(workers, len(jobs)),
            mp_context=context,
            initializer=end_with_parent,  # a clinic that stops a batch, even with kill -9, stops it all
            initargs=(os.getpid(),),
        )
        with pool:
            outcomes = list(pool.map(_report_job, jobs, chunksize=max(1, len(jobs) // (4 * workers))))
    else:
        outcomes = [_report_job(job) for job in jobs]
    failed: list[Problem] = [problem for problems in outcomes for problem in problems]
    written = len(inputs) - len({problem.file for problem in failed})
    _out(f"{written} of {len(inputs)} summaries written to {out_dir}.")
    if failed:
        bad = len({problem.file for problem in failed})
        _err(ProblemsError(f"{bad} answers file{'s' if bad != 1 else ''} could not be used", failed).render())
        return EXIT_BAD_INPUT
    return EXIT_OK


def _report_job(job) -> list:
    """One file of a batch, in this process or a worker: the problems that stopped it (none when written)."""
    from screener.content.problems import Problem, ProblemsError

    path, output, options, made_on = job
    try:
        _report_one(path, output, options, made_on)
    except ProblemsError as error:
        return [Problem(problem.file, problem.where, problem.reason) for problem in error.problems]
    return []


def _refuse_clashing_names(inputs: list[Path]) -> None:
    """Two answers files with one name would share one PDF, and the second would replace the first: refuse
    before anything is written, so a clinic never hands one patient's summary out under another's file."""
    from screener.content.problems import Problem, ProblemsError

    by_name: dict[str, list[Path]] = {}
    for path in inputs:
        by_name.setdefault(f"{path.stem}.pdf", []).append(path)
    clashes = [
        Problem(str(path), "", f"has the same name as {', '.join(str(other) for other in paths if other != path)}")
        for name, paths in by_name.items()
        if len(paths) > 1
        for path in paths
    ]
    if clashes:
        raise ProblemsError(
            "Answers files with the same name would get the same PDF; rename them or use one --out-dir each, "
            "nothing was written",
            clashes,
        )


def _report_one(answers: Path, output: Path, options, made_on) -> None:
    from screener.content.problems import Problem, ProblemsError
    from screener.report.pipeline import summarise
    from screener.store.files import write_atomically
    from screener.store.safe_paths import UnsafePathError, output_target

    try:
        output_target(output, [answers])  # refused before any work is done
    except UnsafePathError as error:
        raise ProblemsError("The PDF cannot be written there", [Problem(str(error.path), "", error.reason)]) from None
    bundle, document = _load_answers(answers, options.form)
    summary = summarise(_in_language(bundle, options.lang), document, options.paper, options.attach_answers, made_on)
    try:
        write_atomically(output, summary.pdf, inputs=[answers])
    except UnsafePathError as error:
        raise ProblemsError("The PDF cannot be written there", [Problem(str(error.path), "", error.reason)]) from None
    except OSError as error:
        raise ProblemsError(
            "The PDF could not be saved", [Problem(str(output), "", error.strerror or str(error))]
        ) from None
    for warning in summary.warnings:
        _err(f"Warning: {answers}: {warning}" if options.out_dir else f"Warning: {warning}")
    _out(f"Wrote {output}")


def _export(options) -> int:
    import json

    from screener.report.fhir import export_bundle

    bundle, document = _load_answers(options.answers, options.form)
    text = json.dumps(export_bundle(bundle, document), indent=2, ensure_ascii=False)
    _write_or_print(options.output, text, options.answers, "The export")
    return EXIT_OK


def _import(options) -> int:
    """A FHIR response in, an answers file out; whatever could not be carried over is listed (exit 2 if nothing)."""
    import json

    from screener.content.problems import Problem, ProblemsError
    from screener.engine.answers import check, dumps
    from screener.report.fhir_import import NotAResponseError, import_response
    from screener.store.safe_paths import UnsafePathError, read_input

    source = str(options.fhir)
    try:
        resource = json.loads(read_input(options.fhir))
    except UnsafePathError as error:
        raise ProblemsError("This cannot be read as a FHIR file", [Problem(source, "", error.reason)]) from None
    except OSError as error:
        raise ProblemsError(
            "The FHIR file could not be read", [Problem(source, "", error.strerror or str(error))]
        ) from None
    except (ValueError, RecursionError) as error:
        raise ProblemsError("This is not a FHIR JSON file", [Problem(source, "", str(error))]) from None
    bundle = _loaded(options.form or DEFAULT_FORM_DIR)
    try:
        imported = import_response(bundle, resource)
    except NotAResponseError as error:
        raise ProblemsError("This is not a response to this questionnaire", [Problem(source, "", str(error))]) from None
    left_out = [Problem(source, where, why) for where, why in imported.left_out]
    if not imported.document.answers:
        raise ProblemsError("No answer could be carried over", left_out or [Problem(source, "", "it holds no answers")])
    missing = check(bundle.form, imported.document, source)  # what evaluate would refuse is not written
    if missing:
        raise ProblemsError(
            "These answers cannot be used as they are, so nothing was written", [*missing.items, *left_out]
        )
    count = len(imported.document.answers)
    carried = f" ({count} answer{'s' if count != 1 else ''} carried over)"
    _write_or_print(options.output, dumps(imported.document), options.fhir, "The answers", carried)
    if left_out:
        _err(ProblemsError(f"{len(left_out)} could not be carried over", left_out).render())
    return EXIT_OK


def _parse_date(text: str | None):
    import datetime as dt

    from screener.content.problems import Problem, ProblemsError

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ProblemsError(
            "The date is not valid", [Problem("--date", "", f"'{text}' is not a date written as YYYY-MM-DD")]
        ) from None


def _load_answers(path: Path, form_dir: Path | None = None):
    """Read an answers file (or a summary PDF that carries one, or a FHIR response), load its form (the one
    given, or the shipped one it names), carry it over from an earlier form version, check the answers."""
    from screener.content.problems import Problem, ProblemsError
    from screener.engine.answers import check
    from screener.engine.migration import carry_over
    from screener.report.incoming import answers_in
    from screener.store.safe_paths import UnsafePathError, read_input

    try:
        incoming = answers_in(read_input(path), str(path), lambda: _loaded(form_dir or DEFAULT_FORM_DIR))
        document = incoming.document
        for where, why in incoming.left_out:
            _err(f"{path}: not carried over from the FHIR response: {where}: {why}")
    except UnsafePathError as error:
        raise ProblemsError("This cannot be read as an answers file", [Problem(str(path), "", error.reason)]) from None
    except OSError as error:
        raise ProblemsError(
            "The answers file could not be read", [Problem(str(path), "", error.strerror or str(error))]
        ) from None
    folder = form_dir or FORMS_DIR / document.form.id
    if not (folder / "form.yaml").is_file():
        raise ProblemsError(
            "These answers are for a form this program does not have",
            [Problem(str(path), "form", f"no form called '{document.form.id}' in {folder.parent}")],
        )
    bundle = _loaded(folder)
    carried = carry_over(bundle.form, bundle.migrations, document)
    if carried.from_version is None:
        check(bundle.form, document, str(path)).raise_if_any("These answers cannot be used as they are")
        return bundle, document
    document = carried.document
    if not document.answers:
        raise ProblemsError(
            f"No answer could be carried over from version {carried.from_version}",
            [Problem(str(path), question_id, why) for question_id, why in carried.left_behind]
            or [Problem(str(path), "answers", "there are none")],
        )
    check(bundle.form, document, str(path), complete=False).raise_if_any("These answers cannot be used as they are")
    _say_what_was_carried_over(bundle, path, carried)
    return bundle, document


def _say_what_was_carried_over(bundle, path: Path, carried) -> None:
    """Answers from an earlier version: what did not come over, and what this version asks that they lack."""
    from screener.engine.answers import check

    form = bundle.form
    _err(f"{path}: made with version {carried.from_version} of the form, carried over to {form.version}.")
    for question_id, why in carried.left_behind:
        question = form.question(question_id)
        _err(f"  - not carried over: {question.short if question else question_id} ({why})")
    for problem in check(form, carried.document, str(path)):
        question = form.question(problem.where.removeprefix("answers > "))
        if question is not None and "needs an answer" in problem.reason:
            _err(f"  - new since then, not answered: {question.short}")


_BUNDLES: dict = {}  # (form folder, language) -> loaded form: a process reading many answers loads each form once


def _loaded(folder: Path, language: str = SOURCE_LANGUAGE):
    from screener.store.form_cache import load_cached

    key = (Path(folder).resolve(), language)
    if key not in _BUNDLES:
        _BUNDLES[key] = load_cached(folder, language)
    return _BUNDLES[key]


def _in_language(bundle, language: str):
    """The same form with its words in ``language`` (the answers were checked against it in English)."""
    return bundle if bundle.form.language == language else _loaded(bundle.folder, language)


def _out(text: str) -> None:
    if sys.stdout is not None:  # a gui-script on Windows has no console
        print(text)


def _err(text: str) -> None:
    if sys.stderr is not None:
        print(text, file=sys.stderr)
