"""The plain runtime model's base: what a record refuses, and what it keeps, without pydantic."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from screener.content.conditions import Compare, ValueRef
from screener.content.form import Option
from screener.engine.answers import AnswersDocument, FormRef


def test_a_record_cannot_be_changed():
    option = Option(value="yes", label="Yes")
    with pytest.raises(dataclasses.FrozenInstanceError):
        option.label = "No"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del option.label


def test_a_record_is_made_by_name_or_in_order_and_compared_by_value():
    by_name = FormRef(id="ketamine_ocd", version="1.2.0")
    assert by_name == FormRef("ketamine_ocd", "1.2.0") and by_name != FormRef("ketamine_ocd", "1.1.0")
    assert hash(by_name) == hash(FormRef("ketamine_ocd", "1.2.0"))
    assert repr(by_name) == "FormRef(id='ketamine_ocd', version='1.2.0')"
    document = AnswersDocument(schema_version=1, form=by_name)
    assert document.answers == {} and document.answers is not AnswersDocument(schema_version=1, form=by_name).answers


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda: FormRef(id="x"), "FormRef needs 'version'"),
        (lambda: FormRef(id="x", version="1", colour="red"), "FormRef has no 'colour'"),
        (lambda: FormRef("x", id="y"), "FormRef got 'id' twice"),
        (lambda: FormRef("x", "1", "2"), "FormRef takes 2 fields, not 3"),
    ],
)
def test_a_wrong_record_names_the_field(make, reason):
    with pytest.raises(TypeError, match=reason):
        make()


def test_checks_across_fields_run_on_construction():
    with pytest.raises(ValueError, match="exactly one of param, answer or fact"):
        ValueRef(param="a", fact="b")
    with pytest.raises(ValueError, match="exactly one of answer, fact, item"):
        Compare(at_least=3)


def test_replace_and_pickle_keep_the_record():
    document = AnswersDocument(schema_version=1, form=FormRef("ketamine_ocd", "1.2.0"), answers={"name": "Zoë"})
    changed = dataclasses.replace(document, answers={})
    assert changed.answers == {} and changed.form == document.form and document.answers == {"name": "Zoë"}
    assert pickle.loads(pickle.dumps(document)) == document
