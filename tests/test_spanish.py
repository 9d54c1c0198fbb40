"""Spanish, as a reader meets it: plain words measured in Spanish, one term for one thing, the program's
own words all translated, and a summary in either language whatever language the answers were given in."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gettext
import io
import json
import re
import statistics
from pathlib import Path

import pytest
import yaml
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from screener.cli import main
from screener.content.loading import load
from screener.content.reading import read_date, read_number
from screener.content.wording import format_date, format_money, format_number
from screener.engine.answers import parse
from screener.i18n import LOCALE_DIR, speaking
from screener.paths import DEFAULT_FORM_DIR, FORMS_DIR
from screener.report.pipeline import report_for, summarise
from tests.conftest import EXAMPLES_DIR
from tests.pdf_helpers import pdf_text
from tests.readability_es import inflesz, syllables, words

TRANSLATIONS = [DEFAULT_FORM_DIR / "translations" / "es.yaml", FORMS_DIR / "translations" / "es.yaml"]
CATALOG = LOCALE_DIR / "es" / "LC_MESSAGES" / "screener.po"
GLOSSARY = yaml.safe_load((FORMS_DIR / "translations" / "glossary.es.yaml").read_text(encoding="utf-8"))


def _entries() -> dict[str, dict[str, str]]:
    entries: dict[str, dict[str, str]] = {}
    for path in TRANSLATIONS:
        entries |= yaml.safe_load(path.read_text(encoding="utf-8"))
    return entries


def _catalog():
    with CATALOG.open("rb") as file:
        return read_po(file)


# Syllables counted by hand, by the rules of Spanish spelling (RAE, Ortografía 2010): hiatus, diphthongs
# and triphthongs, the silent u of que/gui, y at the end of a word, h between vowels.
SYLLABLES = {
    "idea": 3, "ahora": 3, "país": 2, "día": 2, "huevo": 2, "guion": 1, "ciudad": 2, "murciélago": 4,
    "paciente": 3, "caer": 2, "leer": 2, "oír": 2, "rehúso": 3, "prohibir": 3, "búho": 2, "aéreo": 4,
    "poeta": 3, "cuidado": 3, "buey": 1, "Uruguay": 3, "hoy": 1, "muy": 1, "y": 1, "ley": 1, "reyes": 2,
    "estrés": 2, "psicólogo": 4, "ketamina": 4, "medicamento": 5, "tratamiento": 4, "especialista": 5,
    "quitarse": 3, "guerra": 2, "pingüino": 3, "averigüéis": 4, "queso": 2, "aguja": 3, "maíz": 2,
    "baúl": 2, "reúne": 3, "ahí": 2, "oído": 3, "creer": 2, "leído": 3, "zoológico": 5, "coordinar": 4,
    "ruido": 2, "viuda": 2, "fuiste": 2, "evaluación": 4, "antipsicótico": 6, "suicidio": 3, "hígado": 3,
    "náuseas": 3, "aumento": 3, "presión": 2, "seguridad": 4,
}  # fmt: skip


@pytest.mark.parametrize(("word", "count"), SYLLABLES.items())
def test_spanish_syllables_are_counted_by_spanish_rules(word, count):
    assert syllables(word) == count


def test_the_spanish_reads_as_plain_language():
    """INFLESZ 55 or more (normal or easier) for 95 % of the texts of eight words or more; the shorter ones
    are labels and options, which no reading formula measures fairly."""
    texts = [entry["es"] for entry in _entries().values()]
    texts += [message.string for message in _catalog() if message.id and isinstance(message.string, str)]
    prose = [text for text in texts if len(words(text)) >= 8]
    scores = [inflesz(text) for text in prose]
    plain = sum(score >= 55 for score in scores) / len(scores)
    assert len(prose) > 400
    assert plain >= 0.95, sorted(zip(scores, prose, strict=True))[:10]
    assert statistics.median(scores) >= 65


def _has(text: str, term: str) -> bool:
    import re

    flags = 0 if term.isupper() else re.IGNORECASE
    return re.search(r"(?<![\w-])" + re.escape(term) + r"(?!\w)", text, flags) is not None


def test_the_content_holds_to_the_glossary():
    problems = []
    for key, entry in _entries().items():
        if key.startswith("regions:") and key.endswith(".name"):
            continue  # a service's own name
        for term in GLOSSARY["terms"]:
            wanted = term["es"] if isinstance(term["es"], list) else [term["es"]]
            if _has(entry["en"], term["en"]) and not any(w.lower() in entry["es"].lower() for w in wanted):
                problems.append(f"{key}: “{term['en']}” is not “{' / '.join(wanted)}”")
            problems += [f"{key}: uses “{avoid}”" for avoid in term.get("avoid", []) if _has(entry["es"], avoid)]
        problems += [f"{key}: says “{never}”" for never in GLOSSARY["never"] if never in entry["es"].lower()]
    assert not problems, "\n".join(problems)


def test_the_safety_questions_keep_the_asq_structure_in_spanish():
    """The same five questions, in the same order, each with its own time frame (the ASQ's)."""
    spanish = load(DEFAULT_FORM_DIR, "es").form
    labels = [spanish.question(qid).label for qid in ("wish_dead", "better_off_dead", "suicidal_thoughts")]
    assert labels[0].startswith("En las últimas semanas") and labels[1].startswith("En las últimas semanas")
    assert labels[2].startswith("En la última semana")
    assert "alguna vez" in spanish.question("past_attempt").label.lower()
    assert "ahora mismo" in spanish.question("thoughts_now").label
    assert "nunca le lleva a la ayuda en crisis" in spanish.question("harm_obsessions").help


def test_every_string_the_code_marks_is_in_the_catalog_and_translated():
    in_code = {message_id for *_where, message_id, _comments, _context in _extracted()}
    catalog = {message.id if isinstance(message.id, str) else message.id[0]: message for message in _catalog()}
    assert in_code - set(catalog) == set(), "run the extraction (README, Translations)"
    untranslated = [mid for mid in in_code if not catalog[mid].string or catalog[mid].fuzzy]
    assert untranslated == []
    for message in _catalog():
        if message.id and isinstance(message.id, str):
            assert _fields(message.id) == _fields(message.string), message.id


def _extracted():
    root = Path(__file__).parents[1] / "screener"
    for filename, lineno, message, comments, context in extract_from_dir(
        root, method_map=[("**.py", "python")], keywords={"_": None, "N_": None, "ngettext": (1, 2)}
    ):
        yield filename, lineno, message if isinstance(message, str) else message[0], comments, context


def _fields(text: str) -> list[str]:
    import string

    return sorted(field for _literal, field, _spec, _conv in string.Formatter().parse(text) if field)


def test_the_compiled_catalog_is_the_current_one():
    with CATALOG.open("rb") as file:
        source = {_plain(m.id): _plain(m.string) for m in read_po(file) if m.id}
    with CATALOG.with_suffix(".mo").open("rb") as file:
        compiled = {_plain(m.id): _plain(m.string) for m in read_mo(file) if m.id}
    assert compiled == source, "run pybabel compile (README, Translations)"
    assert gettext.translation("screener", LOCALE_DIR, ["es"]).gettext("&Next") == "&Siguiente"


def _plain(text):
    return text if isinstance(text, str) else tuple(text)


def test_dates_numbers_and_money_are_written_the_spanish_way():
    with speaking("es"):
        assert format_date(dt.date(2026, 12, 14)) == "14 de diciembre de 2026"
        assert format_money(3000, "USD", "$") == "3.000\xa0US$"
        assert format_money(3000.5, "EUR", "€") == "3.000,50\xa0€"
    with speaking("en"):
        assert format_date(dt.date(2026, 12, 14)) == "14 December 2026"
        assert format_money(3000, "USD", "$") == "$3,000"


@pytest.mark.parametrize(
    ("typed", "value"),
    [("20.000", 20000), ("$ 3.000,50", 3000.5), ("3,000", 3000), ("2,5", 2.5), ("1.5", 1.5), ("1.500.000", 1500000)],
)
def test_amounts_are_read_as_spanish_speakers_write_them(typed, value):
    with speaking("es"):
        assert read_number(typed).value == value
    with speaking("en"):
        assert read_number("20.000").value == 20  # in English a dot is a decimal point


@pytest.mark.parametrize(
    "typed", ["14 de diciembre de 2026", "14 dic 2026", "diciembre 14, 2026", "14 December 2026", "2026-12-14"]
)
def test_dates_are_read_in_either_language(typed):
    assert read_date(typed).value == "2026-12-14"


def test_a_typing_problem_is_said_in_spanish():
    with speaking("es"):
        assert read_date("03/04/2026").problem.startswith("Escriba el mes con letras, por ejemplo 14 de diciembre")
        assert read_number("mucho").problem == "Escriba un número con cifras, por ejemplo 200 o 3000."


def test_english_is_written_as_babel_writes_it_without_loading_babel():
    """English skips Babel (70 ms a run) but must read exactly as Babel's CLDR data would write it."""
    from babel.dates import format_date as babel_date
    from babel.numbers import format_decimal

    with speaking("en"):
        for day in (dt.date(2026, 1, 1), dt.date(2026, 12, 14), dt.date(1999, 9, 30)):
            assert format_date(day) == babel_date(day, "d MMMM y", locale="en")
        for number in (0, 7, 1200, 1234567, 2.5, 1200.75):
            assert format_number(number) == format_decimal(number, locale="en")


def _summary(language: str, example: str = "with_precautions") -> str:
    document = parse((EXAMPLES_DIR / f"{example}.json").read_bytes(), example)
    return pdf_text(summarise(load(DEFAULT_FORM_DIR, language), document, made_on=dt.date(2026, 12, 3)).pdf)


def test_page_one_of_a_spanish_summary_is_spanish_with_the_crisis_box_first():
    text = _summary("es", "get_help_now")
    assert text.index("Hay ayuda disponible ahora") < text.index("Resultado de la evaluación")
    for said in ("Resumen para la consulta", "Hecho el: 3 de diciembre de 2026", "Página 1 de", "Emergencias:"):
        assert said in text
    for english in ("Consultation summary", "Page 1 of", "Emergency:", "Screening outcome", "Form version"):
        assert english not in text
    assert "Solo un especialista puede decidir" in text


@pytest.mark.parametrize("example", sorted(path.stem for path in EXAMPLES_DIR.glob("*.json")))
def test_a_spanish_page_one_keeps_what_a_specialist_checks_first(example):
    """Spanish runs about a fifth longer than English: page 1 still ends with the crisis line, with the
    safety answers, the health points and the medicine trials on it, and says what moved to page 2."""
    document = parse((EXAMPLES_DIR / f"{example}.json").read_bytes(), example)
    data = summarise(load(DEFAULT_FORM_DIR, "es"), document, made_on=dt.date(2026, 12, 3)).pdf
    from pypdf import PdfReader

    first, second = (page.extract_text() for page in PdfReader(io.BytesIO(data)).pages[:2])
    for said in ("Respuestas sobre la seguridad", "Puntos de salud que revisar", "Medicamentos probados",
                 "En una crisis:"):  # fmt: skip
        assert said in first, said
    assert "En una crisis:" not in second
    assert "Terapia psicológica probada" in first  # the ERP history stays; what moves instead is said
    for heading in ("El TOC", "Presión arterial, medicamentos, alcohol y drogas ahora"):
        if heading not in first:
            assert "pasan a la página 2" in first and f"“{heading}”" in first and heading in second


ENGLISH = re.compile(
    r"\b(the|and|your|you|with|this|that|what|have|how|please|were|was|are|any|did|does|of|it|is|on|for|to|"
    r"low|high|not|answered|none|page|source)\b",
    re.IGNORECASE,
)
CITATIONS = {"sources", "claim_sources", "entries", "source_ids"}  # sources keep their own names and titles
TYPED = ("success", "own_questions", "medical_other", "stimulant_names", "benzodiazepine_names")  # the patient's


def _words_of(value, where=""):
    """Every string a Report holds, with where it is, except the names and titles of its sources."""
    if isinstance(value, str):
        yield where, value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            if field.name not in CITATIONS:
                yield from _words_of(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _words_of(item, f"{where}[{index}]")


@pytest.mark.parametrize("example", sorted(path.stem for path in EXAMPLES_DIR.glob("*.json")))
def test_a_spanish_summary_has_no_english_but_names_and_source_titles(example):
    raw = json.loads((EXAMPLES_DIR / f"{example}.json").read_text(encoding="utf-8"))
    raw["answers"] = {key: value for key, value in raw["answers"].items() if key not in TYPED}
    document = parse(json.dumps(raw).encode(), example)
    _result, report = report_for(load(DEFAULT_FORM_DIR, "es"), document, made_on=dt.date(2026, 12, 3))
    english = [
        f"{where}: {text}"
        for where, text in _words_of(report)
        if ENGLISH.search(text) and not text.startswith("Fuente: ")  # "Fuente: The GRADE approach (…)"
    ]
    assert english == []


def test_the_same_answers_give_a_summary_in_either_language(tmp_path, capsys):
    example = EXAMPLES_DIR / "worth_discussing.json"
    for language, said in (("es", "Vale la pena hablarlo"), ("en", "Worth discussing")):
        out = tmp_path / f"{language}.pdf"
        assert main(["report", str(example), "-o", str(out), "--lang", language, "--date", "2026-12-03"]) == 0
        assert said in pdf_text(out.read_bytes())
    assert main(["evaluate", str(example), "--lang", "es"]) == 0
    assert "Resultado de la evaluación: Vale la pena hablarlo" in capsys.readouterr().out


def test_each_spanish_speaking_region_has_its_emergency_number_and_only_verified_lines():
    regions = load(DEFAULT_FORM_DIR, "es").regions
    expected = {"ES": "112", "MX": "911", "CO": "123", "AR": "911", "CL": "131", "PE": "106"}
    for code, number in expected.items():
        region = regions.regions[code]
        assert region.emergency.startswith(number) and region.checked >= dt.date(2026, 12, 3)
    assert [line.number for line in regions.crisis_lines(regions.regions["PE"])] == ["113, option 5"]
    spain = regions.crisis_lines(regions.regions["ES"])
    assert [line.number for line in spain] == ["024"] and "gratis" in spain[0].how
    assert [citation.source for citation in spain[0].cite] == ["linea_024"]
    assert [line.number for line in regions.crisis_lines(regions.regions["MX"])] == ["findahelpline.com"]
    united_states = regions.crisis_lines(regions.regions["US"])[0]
    assert "marque 2" in united_states.how and "AYUDA" in united_states.how
    sources = {citation.source for citation in united_states.cite}
    assert "lifeline_988_spanish" in sources


def test_a_spanish_pdf_names_its_language_for_screen_readers():
    document = parse((EXAMPLES_DIR / "worth_discussing.json").read_bytes(), "x")
    data = summarise(load(DEFAULT_FORM_DIR, "es"), document).pdf
    from pypdf import PdfReader

    assert PdfReader(io.BytesIO(data)).trailer["/Root"]["/Lang"] == "es"
