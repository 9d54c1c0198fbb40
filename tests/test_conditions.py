"""Condition trees: operators, missing answers, and the trace that explains a result."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from screener.content.conditions import Condition
from screener.engine.conditions import Scope, evaluate

CONDITION = TypeAdapter(Condition)


def _eval(raw, answers=None, **scope):
    return evaluate(CONDITION.validate_python(raw), Scope(answers or {}, **scope))


@pytest.mark.parametrize(
    "raw, answers, expected",
    [
        ({"answer": "a", "equals": "x"}, {"a": "x"}, True),
        ({"answer": "a", "one_of": ["x", "y"]}, {"a": "z"}, False),
        ({"answer": "a", "contains": "x"}, {"a": ["x", "y"]}, True),
        ({"answer": "a", "contains_any": ["q", "y"]}, {"a": ["x", "y"]}, True),
        ({"answer": "a", "at_least": 8}, {"a": 8}, True),
        ({"answer": "a", "more_than": 8}, {"a": 8}, False),
        ({"answer": "a", "less_than": 8}, {"a": 7.5}, True),
        ({"answer": "a", "at_most": 8}, {"a": 9}, False),
        ({"answer": "a", "at_least": 1}, {"a": True}, False),
        ({"answer": "a", "answered": True}, {"a": ""}, False),
        ({"answer": "a", "answered": False}, {}, True),
        ({"answer": "a", "equals": "x"}, {}, False),
        ({"not": {"answer": "a", "equals": "x"}}, {}, True),
        ({"all": [{"answer": "a", "equals": 1}, {"answer": "b", "equals": 2}]}, {"a": 1, "b": 2}, True),
        ({"any": [{"answer": "a", "equals": 1}, {"answer": "b", "equals": 2}]}, {"a": 0, "b": 2}, True),
    ],
)
def test_operators(raw, answers, expected):
    assert _eval(raw, answers).value is expected


def test_value_references_and_table_parameters():
    params = {"target": {"sertraline": 200, "escitalopram": 20}}
    raw = {"item": "dose", "at_least": {"param": "target", "by": "medicine"}}
    scope = Scope({}, params=params)
    condition = CONDITION.validate_python(raw)
    assert evaluate(condition, scope.with_item({"medicine": "escitalopram", "dose": 20})).value
    assert not evaluate(condition, scope.with_item({"medicine": "sertraline", "dose": 150})).value
    assert not evaluate(condition, scope.with_item({"medicine": "unknown", "dose": 900})).value


def test_trace_names_the_deciding_comparisons():
    result = _eval(
        {"all": [{"fact": "n", "at_least": 2}, {"answer": "d", "equals": "yes"}]}, {"d": "yes"}, facts={"n": 3}
    )
    assert result.because == ["n is 3 (at least 2)", "d is yes (equals yes)"]


@pytest.mark.parametrize(
    "raw",
    [
        {"answer": "a"},
        {"answer": "a", "fact": "b", "equals": 1},
        {"answer": "a", "equals": 1, "one_of": [1]},
        {"all": []},
        {"answer": "a", "at_least": {"param": "p", "fact": "f"}},
    ],
)
def test_malformed_conditions_are_rejected(raw):
    with pytest.raises(ValidationError):
        CONDITION.validate_python(raw)
