"""Reading profiles: the contract format, YAML 1.2 codes, JSON, and clear errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canpath.errors import ProfileError
from canpath.profile import load_profile, parse_profile

EXAMPLES = sorted((Path(__file__).parent.parent.parent / "examples" / "profiles").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_profile_loads(path: Path) -> None:
    assert load_profile(path).birth_date.year > 1900


def test_province_on_and_country_no_stay_codes(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "birth_date: 1990-01-01\ncitizenships: [NO]\nwork:\n  - {noc: '21231', country: NO, province: ON, start: 2020-01-01, hours_per_week: 40}\n"
    )
    profile = load_profile(path)
    assert profile.citizenships == ["NO"]
    assert profile.work[0].province == "ON"


def test_json_profiles_read_the_same_as_yaml(tmp_path: Path) -> None:
    yaml_profile = load_profile(EXAMPLES[0])
    path = tmp_path / "p.json"
    path.write_text(json.dumps(yaml_profile.model_dump(mode="json")))
    assert load_profile(path) == yaml_profile


def test_noc_written_as_a_number_is_read_as_the_code() -> None:
    profile = parse_profile({"birth_date": "1990-01-01", "citizenships": ["IN"], "work": [
        {"noc": 12, "country": "CA", "start": "2020-01-01", "hours_per_week": 40}]})  # fmt: skip
    assert profile.work[0].noc == "00012"


def problems_of(data: object) -> list[str]:
    with pytest.raises(ProfileError) as raised:
        parse_profile(data)
    return [str(problem) for problem in raised.value.problems]


def test_errors_name_the_field_and_the_problem() -> None:
    found = problems_of({"birth_date": "yesterday", "citizenships": ["Canada"], "languages": [
        {"test": "ielts", "taken": "2025-01-01", "listening": 10, "reading": 7, "writing": 7, "speaking": 7}]})  # fmt: skip
    assert any(p.startswith("birth_date:") for p in found)
    assert any(p.startswith("citizenships.0:") and "ISO 3166" in p for p in found)
    assert any(p.startswith("languages.0:") and "0-9" in p for p in found)


def test_unknown_fields_and_unknown_noc_codes_are_reported() -> None:
    found = problems_of({"birth_date": "1990-01-01", "citizenships": ["IN"], "colour": "blue", "work": [
        {"noc": "21239", "country": "IN", "start": "2020-01-01", "hours_per_week": 40}]})  # fmt: skip
    assert any(p.startswith("colour:") and "unknown field" in p for p in found)
    assert any(p.startswith("work.0.noc:") and "21230" in p for p in found)


def test_a_job_ending_before_it_starts_is_an_error() -> None:
    found = problems_of({"birth_date": "1990-01-01", "citizenships": ["IN"], "work": [
        {"noc": "21231", "country": "IN", "start": "2020-01-01", "end": "2019-01-01", "hours_per_week": 40}]})  # fmt: skip
    assert any("before start" in p for p in found)


def test_not_a_mapping() -> None:
    assert "mapping" in problems_of(["a", "list"])[0]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("a: &x [1, 2]\nb: *x\n", "anchors and aliases"),
        ("a: " + "[" * 100 + "]" * 100 + "\n", "nesting"),
        ("a: 1\na: 2\n", "duplicate key"),
        ("birth_date: 1990-02-30\n", "not a valid date"),
        ("key: [unclosed\n", "line"),
    ],
)
def test_hostile_or_broken_yaml_is_a_clear_error(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ProfileError, match=fragment):
        load_profile(path)


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = tmp_path / "lol.yaml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(ProfileError, match="anchors and aliases"):
        load_profile(path)


def test_a_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("x: " + "a" * 2_000_000 + "\n")
    with pytest.raises(ProfileError, match="limit"):
        load_profile(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="does not exist"):
        load_profile(tmp_path / "nope.yaml")
    with pytest.raises(ProfileError, match="is a folder"):
        load_profile(tmp_path)


def test_a_count_too_large_to_be_real_is_an_error_not_an_overflow() -> None:
    found = problems_of({"birth_date": "1990-01-01", "citizenships": ["US"], "job_offer": {
        "noc": "21231", "province": "ON", "gts_category_a_prior_positions_this_year": 32768}})  # fmt: skip
    assert any(p.startswith("job_offer.gts_category_a_prior_positions_this_year:") for p in found)


def test_problems_are_written_in_french_when_asked_and_english_is_unchanged() -> None:
    with pytest.raises(ProfileError) as raised:
        parse_profile({"birth_date": "yesterday", "citizenships": ["IN"], "languages": [
            {"test": "ielts", "taken": "2025-01-01", "listening": -1, "reading": 7, "writing": 7, "speaking": 7}],
            "job_offer": {"noc": "21231", "province": "ON", "lmia": "maybe"}})  # fmt: skip
    french = raised.value.render("fr").splitlines()
    assert "birth_date: une date AAAA-MM-JJ est attendue, reçu : 'yesterday'" in french
    assert "languages.0.listening: doit être supérieur ou égal à 0, reçu : -1" in french
    assert (
        "job_offer.lmia: une de ces valeurs est attendue : 'none', 'approved', 'exempt' ; "
        "reçu : 'maybe'" in french
    )
    english = raised.value.render("en").splitlines()
    assert "job_offer.lmia: Input should be 'none', 'approved' or 'exempt'; got 'maybe'" in english


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_infinite_or_undefined_numbers_are_errors(value: float) -> None:
    found = problems_of({"birth_date": "1990-01-01", "citizenships": ["IN"], "funds_cad": value})
    assert found == ["funds_cad: Input should be a finite number"]
