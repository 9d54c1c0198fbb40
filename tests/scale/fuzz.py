"""Fuzz `screener evaluate` and `screener report` with generated and mutated answers files, in one process.

Usage: python -m tests.scale.fuzz [--files 10000] [--seed 20261202] [--keep tests/regressions/fuzz]
Every file must end in a result (exit 0) or a clean refusal (exit 2, a plain message); an internal error
(exit 1), an exception escaping the command or a run longer than HANG_SECONDS is a failure, and the file
that caused it is kept under --keep as a regression case for the normal test run
(tests/test_fuzz_regressions.py).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import signal
import tempfile
import traceback
from collections import Counter
from pathlib import Path

from screener.cli import main as screener
from tests.conftest import EXAMPLES_DIR

HANG_SECONDS = 20
EXAMPLES = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES_DIR.glob("*.json"))]
ODD_VALUES = [
    None,
    True,
    False,
    0,
    -1,
    2.5,
    10**30,
    -(10**30),
    "",
    "x" * 100_000,
    "😀",
    "\u202e",
    [],
    {},
    [[]],
    "NaN",
    1e308,
    "2026-13-45",
    "<b>&amp;</b>",
    "\x00",
]
RAW_TOKENS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "0x10", "01", "1.", ".5", "true", "null", '"\\ud800"']


class HangError(Exception):
    pass


def _random_json(chooser: random.Random, depth: int = 0):
    roll = chooser.random()
    if depth > 4 or roll < 0.4:
        return chooser.choice(ODD_VALUES)
    if roll < 0.7:
        return [_random_json(chooser, depth + 1) for _ in range(chooser.randint(0, 4))]
    return {
        chooser.choice(["answers", "form", "schema_version", "name", "med_trials", "x"]): _random_json(
            chooser, depth + 1
        )
        for _ in range(chooser.randint(0, 4))
    }


def _mutated(chooser: random.Random) -> dict:
    document = json.loads(json.dumps(chooser.choice(EXAMPLES)))
    answers = document["answers"]
    for _ in range(chooser.randint(1, 4)):
        kind = chooser.random()
        key = chooser.choice(list(answers) or ["name"])
        if kind < 0.35:
            answers[key] = chooser.choice(ODD_VALUES)
        elif kind < 0.5:
            answers.pop(key, None)
        elif kind < 0.6:
            answers["med_trials"] = [{"medicine": "sertraline", "dose_mg": chooser.randint(-5, 5000)}] * chooser.choice(
                [1, 40, 41, 5000]
            )
        elif kind < 0.7:
            document[chooser.choice(["schema_version", "form", "page", "saved_at"])] = chooser.choice(ODD_VALUES)
        elif kind < 0.8:
            answers[f"unknown_{chooser.randint(0, 9)}"] = chooser.choice(ODD_VALUES)
        else:
            answers[key] = _random_json(chooser)
    return document


def generate(number: int, chooser: random.Random) -> bytes:
    """One input file: random JSON, a mutated example, raw tokens, deep nesting, odd encodings or bytes."""
    kind = number % 10
    if kind == 0:
        return json.dumps(_random_json(chooser)).encode()
    if kind in (1, 2, 3, 4):
        return json.dumps(_mutated(chooser), ensure_ascii=chooser.random() < 0.5).encode()
    if kind == 5:
        text = json.dumps(_mutated(chooser))
        spot = chooser.randrange(len(text))
        return (text[:spot] + chooser.choice(RAW_TOKENS) + text[spot:]).encode()
    if kind == 6:
        depth = chooser.choice([100, 1000, 100_000])
        return (
            ("[" * depth + "]" * depth).encode()
            if chooser.random() < 0.5
            else ('{"a":' * depth + "1" + "}" * depth).encode()
        )
    if kind == 7:
        text = json.dumps(chooser.choice(EXAMPLES))
        return chooser.choice(
            [
                b"\xef\xbb\xbf" + text.encode(),
                text.encode("utf-16"),
                text.encode("utf-32"),
                text.encode()[: chooser.randrange(1, len(text))],
            ]
        )
    if kind == 8:
        data = bytearray(json.dumps(chooser.choice(EXAMPLES)).encode())
        for _ in range(chooser.randint(1, 20)):
            data[chooser.randrange(len(data))] = chooser.randrange(256)
        return bytes(data)
    return bytes(chooser.randrange(256) for _ in range(chooser.randint(0, 400)))


def _alarm(_signum, _frame):
    raise HangError()


def run_one(path: Path, out: Path) -> list[str]:
    """Both commands on one file: the failures, if any ('internal error', 'exception', 'hang')."""
    failures = []
    for command in (["evaluate", str(path)], ["evaluate", str(path), "--json"], ["report", str(path), "-o", str(out)]):
        signal.alarm(HANG_SECONDS)
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
                code = screener(command)
            if code not in (0, 2):
                failures.append(f"{command[0]}: exit {code}: {err.getvalue()[-300:]}")
        except HangError:
            failures.append(f"{command[0]}: hang over {HANG_SECONDS} s")
        except BaseException:
            failures.append(f"{command[0]}: {traceback.format_exc()[-600:]}")
        finally:
            signal.alarm(0)
    return failures


def fuzz(files: int, seed: int, keep: Path | None) -> Counter:
    chooser = random.Random(seed)
    counts: Counter = Counter()
    signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for number in range(files):
            data = generate(number, chooser)
            path = work / "answers.json"
            path.write_bytes(data)
            failures = run_one(path, work / "summary.pdf")
            counts["files"] += 1
            if failures:
                counts["failed files"] += 1
                counts["tracebacks"] += sum("Traceback" in failure or "exit 1" in failure for failure in failures)
                counts["hangs"] += sum(": hang over" in failure for failure in failures)
                if keep is not None:
                    keep.mkdir(parents=True, exist_ok=True)
                    (keep / f"fuzz-{seed}-{number}.json").write_bytes(data)
                print(f"file {number}:", *failures, sep="\n  ")
            else:
                counts["results" if (work / "summary.pdf").exists() else "refusals"] += 1
            (work / "summary.pdf").unlink(missing_ok=True)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--keep", type=Path, default=Path(__file__).parents[1] / "regressions" / "fuzz")
    options = parser.parse_args()
    counts = fuzz(options.files, options.seed, options.keep)
    print(
        f"{counts['files']} files: {counts['results']} reports, {counts['refusals']} clean refusals, "
        f"{counts['failed files']} failed ({counts['tracebacks']} tracebacks, {counts['hangs']} hangs)"
    )


if __name__ == "__main__":
    main()
