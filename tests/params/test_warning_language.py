"""Warnings about the rules a result used are written in the result's language."""

from __future__ import annotations

from pathlib import Path

import canpath

PROFILE = (
    Path(__file__).parent.parent.parent
    / "examples"
    / "profiles"
    / "bangalore-software-engineer.yaml"
)


def warnings_of(language: str) -> dict[str, str]:
    result = canpath.crs(canpath.load_profile(PROFILE), on="2026-11-25").to_dict(language)
    return {
        f"{warning['code']} {warning['parameter']}": warning["message"]
        for warning in result["warnings"]
    }


ANNOUNCED = "announced:crs-2026-11-03 federal.express_entry.crs.caps"
WINDOW = "unconfirmed federal.express_entry.crs.work_experience_window"


def test_warnings_are_framed_in_french() -> None:
    french = warnings_of("fr")
    assert french[ANNOUNCED].startswith(
        "Changement annoncé à compter du 2026-11-03 (non confirmé), non modélisé."
    )
    assert french[WINDOW] == (
        "federal.express_entry.crs.work_experience_window (en vigueur depuis le 2015-01-01) "
        "n'est pas confirmé"
    )


def test_english_warnings_keep_their_wording() -> None:
    english = warnings_of("en")
    assert "(from 2026-11-03, announced, unconfirmed). Not modelled:" in english[ANNOUNCED]
    assert english[WINDOW] == (
        "federal.express_entry.crs.work_experience_window (in force since 2015-01-01) is unconfirmed"
    )
