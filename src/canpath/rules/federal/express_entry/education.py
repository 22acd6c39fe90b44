"""Which credentials count, and the education level they give for the CRS and the FSW grid.

A credential counts once completed, if it is Canadian or has an Educational Credential Assessment
(ECA) that has not expired. "Two or more credentials, one of three years or more" is derived from
the list. Canadian post-secondary credentials also earn additional CRS points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from canpath.params import Snapshot
from canpath.profile import Education
from canpath.rules.registry import rule
from canpath.timeutil import add_years

ECA_VALIDITY = "federal.express_entry.eca_validity"

# CRS education levels, lowest to highest; the position is the level's code in columns.
LEVELS = (
    "less_than_secondary",
    "secondary",
    "one_year",
    "two_year",
    "bachelors",
    "two_or_more",
    "masters",
    "doctoral",
)
LEVEL_CODE = {name: code for code, name in enumerate(LEVELS)}
# Profile levels that share a CRS row: a three-year diploma scores as a bachelor's degree, an
# entry-to-practice professional degree as a master's.
PROFILE_TO_LEVEL = {
    "less_than_secondary": "less_than_secondary",
    "secondary": "secondary",
    "one_year": "one_year",
    "two_year": "two_year",
    "three_year": "bachelors",
    "bachelors": "bachelors",
    "two_or_more": "two_or_more",
    "masters": "masters",
    "professional": "masters",
    "doctoral": "doctoral",
}
POST_SECONDARY = {"one_year", "two_year", "bachelors", "two_or_more", "masters", "doctoral"}
CANADIAN_CREDENTIAL = ("none", "one_or_two_years", "three_years_or_more")


@dataclass(frozen=True)
class CountedEducation:
    """The credentials that count on a date, and what they add up to."""

    level: str
    canadian_credential: str
    counted: tuple[int, ...]
    not_counted: tuple[tuple[int, str], ...]

    @property
    def level_code(self) -> int:
        return LEVEL_CODE[self.level]

    @property
    def canadian_credential_code(self) -> int:
        return CANADIAN_CREDENTIAL.index(self.canadian_credential)


@rule(uses=(ECA_VALIDITY,))
def counted_credentials(
    credentials: Sequence[Education], on: date, snapshot: Snapshot
) -> tuple[list[int], list[tuple[int, str]]]:
    """Indexes of credentials that count on `on`, and the others with the reason they do not."""
    counted, not_counted = [], []
    eca_years = int(snapshot.value(ECA_VALIDITY)["years"])
    for index, credential in enumerate(credentials):
        if credential.completed is None or credential.completed > on:
            not_counted.append((index, "not completed by the assessment date"))
        elif not credential.is_canadian and not credential.eca:
            not_counted.append((index, "foreign credential without an ECA"))
        elif (
            not credential.is_canadian
            and credential.eca_date is not None
            and on >= add_years(credential.eca_date, eca_years)
        ):
            not_counted.append((index, f"ECA older than {eca_years} years"))
        else:
            counted.append(index)
    return counted, not_counted


@rule()
def education_level(credentials: Sequence[Education]) -> str:
    """The highest CRS education level the counted credentials give.

    Two or more post-secondary credentials, one of a program of three years or more, make the
    "two or more" level, unless a single credential ranks higher (master's, doctoral).
    """
    if not credentials:
        return "less_than_secondary"
    levels = [PROFILE_TO_LEVEL[credential.level] for credential in credentials]
    best = max(levels, key=LEVEL_CODE.__getitem__)
    post_secondary = [
        c for c, level in zip(credentials, levels, strict=True) if level in POST_SECONDARY
    ]
    if len(post_secondary) >= 2 and any(c.length_years >= 3 for c in post_secondary):
        best = max(best, "two_or_more", key=LEVEL_CODE.__getitem__)
    return best


@rule()
def canadian_credential(credentials: Sequence[Education]) -> str:
    """The Canadian post-secondary credential that earns additional CRS points, if any.

    Three years or more, or a master's, professional or doctoral degree, is the higher band;
    a one- or two-year credential the lower. Study must have been full-time.
    """
    best = "none"
    for credential in credentials:
        level = PROFILE_TO_LEVEL[credential.level]
        if not credential.is_canadian or not credential.full_time or level not in POST_SECONDARY:
            continue
        if level in ("masters", "doctoral") or credential.length_years >= 3:
            return "three_years_or_more"
        best = "one_or_two_years"
    return best


def count_education(
    credentials: Sequence[Education], on: date, snapshot: Snapshot
) -> CountedEducation:
    """Everything the rules need from a list of credentials on a date."""
    counted, not_counted = counted_credentials(credentials, on, snapshot)
    chosen = [credentials[index] for index in counted]
    return CountedEducation(
        level=education_level(chosen),
        canadian_credential=canadian_credential(chosen),
        counted=tuple(counted),
        not_counted=tuple(not_counted),
    )


def has_two_years_canadian_study(credentials: Sequence[Education], on: date) -> bool:
    """FSW adaptability: two academic years or more of full-time study in Canada."""
    return any(
        c.is_canadian
        and c.full_time
        and c.length_years >= 2
        and c.completed is not None
        and c.completed <= on
        for c in credentials
        if c.level != "less_than_secondary"
    )
