"""Shared test set-up: YAML rule cases under tests/rules/ become pytest items.

A rule file names a rule id and lists cases:

    rule: federal.express_entry.crs.core.age_points
    cases:
      - name: A 29-year-old without a spouse gets 110 points
        on: 2026-06-01
        input: {age_years: 29, with_spouse: false}
        expect: 110
      - name: Sibling points start on 2017-06-06
        on: [2017-06-05, 2017-06-06]
        input: {has_sibling: true}
        expect: [0, 15]

Scalars in `input` become one-row arrays, lists become one row of a 2-D array (e.g. CLB per
ability); `snapshot` is passed as the rules in force on `on`. `error: ParameterNotInForce`
expects that error instead of a value.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import canpath.errors
from canpath.params import RULES
from canpath.programs import all_programs
from canpath.rules.registry import REGISTRY
from canpath.yamlio import load_yaml_file

RULES_DIR = Path(__file__).parent / "rules"
EXAMPLES = Path(__file__).parent.parent / "examples" / "profiles"


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and RULES_DIR in file_path.parents:
        return RuleFile.from_parent(parent, path=file_path)
    return None


def _as_array(value: Any) -> Any:
    if isinstance(value, list):
        return np.asarray([value])
    if isinstance(value, bool):
        return np.asarray([value], dtype=bool)
    if isinstance(value, int | float):
        return np.asarray([value])
    return value


class RuleFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        content = load_yaml_file(self.path)
        all_programs()  # import every rule module so the registry is complete
        for index, case in enumerate(content["cases"]):
            dates = case["on"] if isinstance(case["on"], list) else [case["on"]]
            expected = case.get("expect")
            expectations = expected if isinstance(case["on"], list) else [expected]
            for day, expect in zip(dates, expectations, strict=True):
                yield RuleCase.from_parent(
                    self,
                    name=f"{index}:{day}:{case['name']}",
                    rule_id=content["rule"],
                    on=day,
                    inputs=case["input"],
                    expect=expect,
                    error=case.get("error"),
                )


class RuleCase(pytest.Item):
    def __init__(
        self,
        *,
        rule_id: str,
        on: date,
        inputs: dict[str, Any],
        expect: Any,
        error: str | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.rule_id, self.on, self.inputs, self.expect, self.error = (
            rule_id,
            on,
            inputs,
            expect,
            error,
        )

    def runtest(self) -> None:
        function = REGISTRY[self.rule_id].function
        arguments = {name: _as_array(value) for name, value in self.inputs.items()}
        if self.error is not None:
            with pytest.raises(getattr(canpath.errors, self.error)):
                function(**arguments, snapshot=RULES.at(self.on))
            return
        result = function(**arguments, snapshot=RULES.at(self.on))
        if isinstance(result, tuple):
            got: Any = [int(np.asarray(part)[0]) for part in result]
        else:
            got = np.asarray(result).tolist()[0]
        assert got == self.expect, (
            f"{self.rule_id} on {self.on} with {self.inputs}: got {got}, expected {self.expect}"
        )

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.rule_id}: {self.name}"


@pytest.fixture
def example_profiles() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))
