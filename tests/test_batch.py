"""`screener report --out-dir`: many answers files in one process, past bad ones, each named with its reason."""

from __future__ import annotations

import shutil

from screener.cli import main
from tests.conftest import EXAMPLES_DIR


def test_a_folder_and_files_make_one_pdf_each_and_bad_files_are_named(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in EXAMPLES_DIR.glob("*.json"):
        shutil.copy(path, inputs / path.name)
    (inputs / "broken.json").write_text("{bad", encoding="utf-8")
    extra = tmp_path / "extra.json"
    shutil.copy(EXAMPLES_DIR / "worth_discussing.json", extra)
    out = tmp_path / "out"
    assert main(["report", str(inputs), str(extra), "--out-dir", str(out), "--date", "2026-12-02"]) == 2
    written = sorted(path.name for path in out.iterdir())
    assert written == [
        "extra.pdf",
        "get_help_now.pdf",
        "heavy_history.pdf",
        "other_steps_first.pdf",
        "with_precautions.pdf",
        "worth_discussing.pdf",
    ]
    assert all(path.read_bytes().startswith(b"%PDF") for path in out.iterdir())
    captured = capsys.readouterr()
    assert "6 of 7 summaries written" in captured.out
    assert "1 answers file could not be used" in captured.err and "broken.json: line 1" in captured.err


def test_the_batch_writes_the_same_pdf_as_one_file_at_a_time(tmp_path):
    single = tmp_path / "single.pdf"
    example = EXAMPLES_DIR / "with_precautions.json"
    assert main(["report", str(example), "-o", str(single), "--date", "2026-12-02"]) == 0
    assert main(["report", str(example), "--out-dir", str(tmp_path / "many"), "--date", "2026-12-02"]) == 0
    assert (tmp_path / "many" / "with_precautions.pdf").read_bytes() == single.read_bytes()


def test_o_takes_exactly_one_answers_file(tmp_path, capsys):
    assert main(["report", str(EXAMPLES_DIR), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "use --out-dir DIR" in capsys.readouterr().err
