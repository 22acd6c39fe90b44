"""A program's verdict from its criteria: eligible when every criterion is met, not eligible when
any is not met (even if others are unknown), unknown otherwise."""

from __future__ import annotations

import numpy as np

from canpath.i18n import msg
from canpath.programs import FALSE, TRUE, UNKNOWN, CriterionColumn, ProgramColumns


def verdicts(*columns: list[int]) -> list[int]:
    criteria = [
        CriterionColumn(rule=f"r{i}", met=np.array(c, dtype=np.int8), reason=lambda r: msg("x"))
        for i, c in enumerate(columns)
    ]
    program = ProgramColumns(
        id="p", kind="permanent_residence", criteria=criteria, size=len(columns[0])
    )
    return program.eligible.tolist()


def test_each_combination_of_criteria() -> None:
    rows = [  # (criterion 1, criterion 2) -> verdict
        (TRUE, TRUE, TRUE),
        (TRUE, FALSE, FALSE),
        (FALSE, UNKNOWN, FALSE),
        (UNKNOWN, FALSE, FALSE),
        (UNKNOWN, TRUE, UNKNOWN),
        (UNKNOWN, UNKNOWN, UNKNOWN),
        (FALSE, FALSE, FALSE),
    ]
    first, second, expected = (list(column) for column in zip(*rows, strict=True))
    assert verdicts(first, second) == expected


def test_a_program_with_no_criteria_is_unknown() -> None:
    program = ProgramColumns(id="p", kind="permanent_residence", criteria=[], size=2)
    assert program.eligible.tolist() == [UNKNOWN, UNKNOWN]
