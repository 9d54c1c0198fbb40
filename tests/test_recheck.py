"""The update policy, enforced with the clock pinned: labels, prices and helplines are checked again by a date."""

from __future__ import annotations

from screener.cli import main


def test_check_passes_the_day_before_the_first_recheck_date(capsys):
    assert main(["check", "--on", "2027-05-31"]) == 0


def test_check_fails_once_a_recheck_date_has_passed_naming_each_fact(capsys):
    assert main(["check", "--on", "2027-06-02"]) == 2
    err = capsys.readouterr().err
    assert "source 'fda_spravato': recheck_by 2027-06-01 has passed: check US FDA label for Spravato" in err
    assert "source 'lifeline_988': recheck_by 2027-06-01 has passed" in err
    assert "source 'cost_estimate': recheck_by 2027-06-01 has passed" in err  # prices
    assert "region 'PE': recheck_by 2027-06-01 has passed: check the crisis lines of Peru" in err
    assert "source 'bloch_2010'" not in err  # a trial's result does not expire


def test_a_label_without_its_dates_fails(form_copy, capsys):
    sources = form_copy.parent / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    start = text.index("  fda_spravato:")
    dates = text.index("    as_of: ", start)
    end = text.index("\n", text.index("    recheck_by: ", dates)) + 1
    sources.write_text(text[:dates] + text[end:], encoding="utf-8")
    assert main(["check", str(form_copy), "--on", "2027-01-01"]) == 2
    assert "source 'fda_spravato': a regulator source carries as_of and recheck_by" in capsys.readouterr().err


def test_a_recheck_date_without_its_as_of_is_refused_when_the_form_loads(form_copy, capsys):
    sources = form_copy.parent / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    start = text.index("  fda_spravato:")
    as_of = text.index("    as_of: ", start)
    sources.write_text(text[:as_of] + text[text.index("\n", as_of) + 1 :], encoding="utf-8")
    assert main(["check", str(form_copy)]) == 2
    assert "a time-sensitive fact carries both as_of and recheck_by" in capsys.readouterr().err
