"""`screener report --out-dir`: many answers files in one process, past bad ones, each named with its reason."""

from __future__ import annotations

import shutil

from screener.cli import main
from tests.conftest import EXAMPLES_DIR


def _examples_and_a_broken_file(tmp_path):
    """A folder of every example answers file, and one broken file."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in EXAMPLES_DIR.glob("*.json"):
        shutil.copy(path, inputs / path.name)
    (inputs / "broken.json").write_text("{bad", encoding="utf-8")
    return inputs


def test_a_folder_and_files_make_one_pdf_each_and_bad_files_are_named(tmp_path, capsys):
    inputs = _examples_and_a_broken_file(tmp_path)
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


def test_two_patients_with_one_file_name_never_share_a_pdf(tmp_path, capsys):
    first, second = tmp_path / "x" / "p.json", tmp_path / "y" / "p.json"
    for path, example in ((first, "worth_discussing.json"), (second, "heavy_history.json")):
        path.parent.mkdir()
        shutil.copy(EXAMPLES_DIR / example, path)
    out = tmp_path / "out"
    assert main(["report", str(first), str(second), "--out-dir", str(out)]) == 2
    assert not out.exists()  # refused before anything was written
    err = capsys.readouterr().err
    assert f"{first}: has the same name as {second}" in err and "nothing was written" in err


def test_the_same_file_named_twice_is_one_summary(tmp_path, capsys):
    example = EXAMPLES_DIR / "with_precautions.json"
    assert main(["report", str(example), str(example), "--out-dir", str(tmp_path / "out")]) == 0
    assert "1 of 1 summaries written" in capsys.readouterr().out


def test_an_out_dir_that_is_a_file_or_a_device_is_refused_with_a_sentence(tmp_path, capsys):
    a_file = tmp_path / "taken"
    a_file.write_text("keep me", encoding="utf-8")
    example = str(EXAMPLES_DIR / "with_precautions.json")
    for target in (a_file, "/dev/null"):
        assert main(["report", example, "--out-dir", str(target)]) == 2
        err = capsys.readouterr().err
        assert "--out-dir must be a folder" in err and "internal error" not in err
    assert a_file.read_text(encoding="utf-8") == "keep me"


def test_two_workers_write_every_pdf_and_name_every_bad_file(tmp_path, capsys):
    inputs = _examples_and_a_broken_file(tmp_path)
    out = tmp_path / "out"
    assert main(["report", str(inputs), "--out-dir", str(out), "--workers", "2", "--date", "2026-12-02"]) == 2
    examples = sorted(f"{path.stem}.pdf" for path in EXAMPLES_DIR.glob("*.json"))
    assert sorted(path.name for path in out.iterdir()) == examples
    assert all(path.read_bytes().startswith(b"%PDF") for path in out.iterdir())
    captured = capsys.readouterr()
    assert f"{len(examples)} of {len(examples) + 1} summaries written" in captured.out
    assert "broken.json: line 1" in captured.err
