"""The JSON API: the same answers as the public API and the CLI; structured 422s, never a 500."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import canpath
from canpath.cli import app as cli_app
from canpath.employer import Employer, Role, assess_role, parse_role
from canpath.errors import ProfileError
from canpath.profile import Profile
from canpath.yamlio import load_yaml_file
from tests.web.conftest import EXAMPLES, ON, ROLE_EXAMPLES, example

PROFILES = (
    "bangalore-software-engineer",
    "vancouver-pgwp-developer",
    "austin-data-scientist-married",
)


def body(name: str) -> str:
    return json.dumps(example(name), default=str)


def as_json(data: Any) -> Any:
    """What a value becomes once sent as JSON (dates as strings, tuples as lists)."""
    return json.loads(json.dumps(data, ensure_ascii=False, default=str))


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", PROFILES)
def test_crs_answers_what_the_public_api_returns(client: TestClient, name: str, lang: str) -> None:
    answer = client.post(f"/api/crs?on={ON}&lang={lang}", content=body(name))
    assert answer.status_code == 200
    assert answer.json() == as_json(canpath.crs(example(name), ON).to_dict(lang))


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", PROFILES)
def test_assess_answers_what_the_public_api_returns(
    client: TestClient, name: str, lang: str
) -> None:
    answer = client.post(f"/api/assess?on={ON}&lang={lang}", content=body(name))
    assert answer.status_code == 200
    assert answer.json() == as_json(canpath.assess(example(name), ON).to_dict(lang))


@pytest.mark.parametrize("command", ["crs", "assess"])
def test_api_json_equals_the_cli_json(client: TestClient, command: str) -> None:
    path = EXAMPLES / "vancouver-pgwp-developer.yaml"
    printed = CliRunner().invoke(
        cli_app, [command, str(path), "--on", ON, "--json", "--lang", "fr"]
    )
    assert printed.exit_code == 0, printed.output
    answer = client.post(
        f"/api/{command}?on={ON}&lang=fr", content=body("vancouver-pgwp-developer")
    )
    assert answer.json() == json.loads(printed.stdout)


def test_the_date_defaults_to_today(client: TestClient) -> None:
    answer = client.post("/api/crs", content=body("bangalore-software-engineer"))
    assert answer.status_code == 200
    assert answer.json()["on"] == date.today().isoformat()


def test_assess_can_be_limited_to_programs(client: TestClient) -> None:
    answer = client.post(
        f"/api/assess?on={ON}&program=express_entry.cec",
        content=body("bangalore-software-engineer"),
    )
    assert [program["id"] for program in answer.json()["programs"]] == ["express_entry.cec"]
    unknown = client.post(
        f"/api/assess?on={ON}&program=express_entry.nope",
        content=body("bangalore-software-engineer"),
    )
    assert unknown.status_code == 422
    assert "express_entry.nope" in unknown.json()["detail"][0]["msg"]


MALFORMED = [b"", b"{", b"{'a': 1}", b"[]", b"null", b"42", b'"profile"', b"\xff\xfe\x00", b"[{}]"]


@pytest.mark.parametrize("endpoint", ["crs", "assess", "plan", "role"])
@pytest.mark.parametrize("raw", MALFORMED)
def test_a_malformed_body_is_a_422_naming_the_body(
    client: TestClient, endpoint: str, raw: bytes
) -> None:
    answer = client.post(f"/api/{endpoint}", content=raw)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body"]


def with_change(name: str, path: list[str | int], value: Any) -> dict[str, Any]:
    data = as_json(example(name))
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


WRONG_TYPES = [
    (["birth_date"], "soon", ["body", "birth_date"]),
    (["birth_date"], [1997], ["body", "birth_date"]),
    (["citizenships"], "IN", ["body", "citizenships"]),
    (["citizenships"], [], ["body", "citizenships"]),
    (["languages", 0, "listening"], "high", ["body", "languages", 0, "listening"]),
    (["languages", 0, "test"], "toefl", ["body", "languages", 0, "test"]),
    (["education", 0, "length_years"], -2, ["body", "education", 0, "length_years"]),
    (["work", 0, "noc"], "99999", ["body", "work", 0, "noc"]),
    (["work", 0, "hours_per_week"], {"a": 1}, ["body", "work", 0, "hours_per_week"]),
    (["job_offer"], "yes", ["body", "job_offer"]),
    (["marital_status"], True, ["body", "marital_status"]),
    (["favourite_colour"], "red", ["body", "favourite_colour"]),
    (["education", 0, "grade"], "A", ["body", "education", 0, "grade"]),
]


@pytest.mark.parametrize(("path", "value", "loc"), WRONG_TYPES)
@pytest.mark.parametrize("endpoint", ["crs", "assess", "plan"])
def test_a_wrong_value_is_a_422_naming_its_field(
    client: TestClient, endpoint: str, path: list[str | int], value: Any, loc: list[str | int]
) -> None:
    answer = client.post(
        f"/api/{endpoint}?on={ON}", json=with_change("bangalore-software-engineer", path, value)
    )
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert loc in [item["loc"] for item in detail]
    assert all(item["msg"] and item["type"] for item in detail)


def test_every_problem_is_listed(client: TestClient) -> None:
    answer = client.post(
        "/api/crs", json={"birth_date": "x", "citizenships": ["IN"], "education": [{"level": "x"}]}
    )
    locations = [item["loc"] for item in answer.json()["detail"]]
    assert ["body", "birth_date"] in locations
    assert ["body", "education", 0, "level"] in locations
    assert ["body", "education", 0, "country"] in locations


def test_problems_are_in_the_language_asked_for(client: TestClient) -> None:
    body = {"birth_date": "x", "citizenships": ["IN"], "education": [{"level": "x"}]}
    french = client.post("/api/crs?lang=fr", json=body).json()["detail"]
    by_place = {tuple(item["loc"]): item["msg"] for item in french}
    assert by_place[("body", "birth_date")] == "une date AAAA-MM-JJ est attendue, reçu : 'x'"
    assert by_place[("body", "education", 0, "country")] == "ce champ est obligatoire"
    english = client.post("/api/crs?lang=en", json=body).json()["detail"]
    assert {tuple(item["loc"]): item["msg"] for item in english}[
        ("body", "education", 0, "country")
    ] == "Field required"


@pytest.mark.parametrize("on", ["tomorrow", "2026-13-01", "2026-02-30", "01/06/2026", ""])
@pytest.mark.parametrize("endpoint", ["crs", "assess", "plan"])
def test_a_bad_date_is_a_422_naming_on(client: TestClient, endpoint: str, on: str) -> None:
    answer = client.post(f"/api/{endpoint}?on={on}", content=body("bangalore-software-engineer"))
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "on"]


@pytest.mark.parametrize("endpoint", ["crs", "assess", "plan"])
def test_a_date_before_the_rules_exist_is_a_422_naming_on(
    client: TestClient, endpoint: str
) -> None:
    answer = client.post(
        f"/api/{endpoint}?on=2014-06-01", content=body("bangalore-software-engineer")
    )
    assert answer.status_code == 422
    detail = answer.json()["detail"][0]
    assert detail["loc"] == ["query", "on"]
    assert "2015-01-01" in detail["msg"]


@pytest.mark.parametrize("query", ["lang=de", "months=0", "months=500", "months=many"])
def test_bad_query_values_are_422s(client: TestClient, query: str) -> None:
    answer = client.post(f"/api/plan?{query}", content=body("bangalore-software-engineer"))
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"][0] == "query"


def test_a_huge_body_is_refused_with_413(client: TestClient) -> None:
    answer = client.post("/api/crs", content=b" " * (300 * 1024))
    assert answer.status_code == 413
    assert answer.json()["detail"][0]["type"] == "body_too_large"


def test_a_huge_streamed_body_is_refused_with_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b" " * 10_000

    answer = client.post("/api/assess", content=chunks())
    assert answer.status_code == 413


def test_plan_answers_the_planner_json(client: TestClient) -> None:
    from canpath.planner import plan

    answer = client.post(
        f"/api/plan?on={ON}&months=24&lang=fr", content=body("vancouver-pgwp-developer")
    )
    assert answer.status_code == 200
    data = answer.json()
    assert data == as_json(plan(example("vancouver-pgwp-developer"), ON, 24).to_dict("fr"))
    assert {"routes", "cliffs"} <= set(data)
    for route in data["routes"]:
        assert {"id", "steps", "probability", "expected_pr_date"} <= set(route)


ROLES = sorted(ROLE_EXAMPLES.glob("*.yaml"))
TORONTO = ROLE_EXAMPLES / "toronto-software-engineer.yaml"


def role_example(path: Path = TORONTO) -> dict[str, Any]:
    """An example role as parsed YAML (`province: ON` stays a string)."""
    data: dict[str, Any] = load_yaml_file(path)
    return data


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("path", ROLES, ids=[path.stem for path in ROLES])
def test_role_answers_what_assess_role_returns(client: TestClient, path: Path, lang: str) -> None:
    data = role_example(path)
    answer = client.post(f"/api/role?on={ON}&lang={lang}", json=data)
    assert answer.status_code == 200
    expected = assess_role(parse_role(data), date.fromisoformat(ON)).to_dict(lang)
    assert answer.json() == as_json(expected)
    assert answer.json()["routes"]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("path", ROLES, ids=[path.stem for path in ROLES])
def test_role_json_equals_the_cli_json(client: TestClient, path: Path, lang: str) -> None:
    printed = CliRunner().invoke(cli_app, ["role", str(path), "--json", "--on", ON, "--lang", lang])
    assert printed.exit_code == 0, printed.output
    answer = client.post(f"/api/role?on={ON}&lang={lang}", json=role_example(path))
    assert answer.json() == json.loads(printed.stdout)


def test_role_date_defaults_to_today(client: TestClient) -> None:
    answer = client.post("/api/role", json=role_example())
    assert answer.status_code == 200
    assert answer.json()["on"] == date.today().isoformat()


def changed_role(changes: dict[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
    data = {key: value for key, value in role_example().items() if key not in drop}
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return data


BAD_ROLES = [
    ({"noc": "99999"}, (), ["body", "noc"]),
    ({"noc": "2123"}, (), ["body", "noc"]),
    ({"noc": ["21231"]}, (), ["body", "noc"]),
    ({"annual_salary_cad": -150000}, (), ["body", "annual_salary_cad"]),
    ({"hourly_wage_cad": 0}, (), ["body", "hourly_wage_cad"]),
    ({}, ("province",), ["body", "province"]),
    ({}, ("noc",), ["body", "noc"]),
    ({"province": "Ontario"}, (), ["body", "province"]),
    ({"province": None}, (), ["body", "province"]),
    ({"hours_per_week": "full time"}, (), ["body", "hours_per_week"]),
    ({"hours_per_week": 200}, (), ["body", "hours_per_week"]),
    ({"positions": "two"}, (), ["body", "positions"]),
    ({"positions": 0}, (), ["body", "positions"]),
    ({"permanent": "perhaps"}, (), ["body", "permanent"]),
    ({"duration_months": 2.5}, (), ["body", "duration_months"]),
    ({"ict_capacity": "boss"}, (), ["body", "ict_capacity"]),
    ({"employer": "Example Software Inc."}, (), ["body", "employer"]),
    (
        {"employer": {"will_make_lmbp_commitments": "maybe"}},
        (),
        ["body", "employer", "will_make_lmbp_commitments"],
    ),
    (
        {"employer": {"gts_category_a_prior_positions_this_year": -1}},
        (),
        ["body", "employer", "gts_category_a_prior_positions_this_year"],
    ),
    ({"favourite_colour": "red"}, (), ["body", "favourite_colour"]),
    ({"employer": {"nme": "Example"}}, (), ["body", "employer", "nme"]),
]


@pytest.mark.parametrize(("changes", "drop", "loc"), BAD_ROLES)
def test_a_bad_role_is_a_422_naming_its_field(
    client: TestClient, changes: dict[str, Any], drop: tuple[str, ...], loc: list[str | int]
) -> None:
    data = changed_role(changes, drop)
    answer = client.post(f"/api/role?on={ON}", json=data)
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert loc in [item["loc"] for item in detail]
    assert all(item["msg"] and item["type"] == "value_error" for item in detail)
    with pytest.raises(ProfileError) as raised:
        parse_role(data)
    assert detail == [  # the role's own problems, as the profile endpoints give theirs
        {
            "loc": ["body", *location(problem.location)],
            "msg": problem.message,
            "type": "value_error",
        }
        for problem in raised.value.problems
    ]


def location(path: str) -> list[str | int]:
    return [int(part) if part.isdigit() else part for part in path.split(".")] if path else []


def test_every_problem_of_a_role_is_listed(client: TestClient) -> None:
    answer = client.post(
        "/api/role",
        json={"noc": "99999", "annual_salary_cad": -1, "employer": {"colour": "red"}},
    )
    assert answer.status_code == 422
    locations = [item["loc"] for item in answer.json()["detail"]]
    assert ["body", "noc"] in locations
    assert ["body", "province"] in locations
    assert ["body", "annual_salary_cad"] in locations
    assert ["body", "employer", "colour"] in locations


@pytest.mark.parametrize(
    ("changes", "drop", "words"),
    [
        ({}, ("annual_salary_cad",), "hourly_wage_cad or annual_salary_cad"),
        ({"region": "Atlantis"}, (), "region 'Atlantis'"),
    ],
)
def test_a_role_wide_problem_is_a_422_that_names_the_fields(
    client: TestClient, changes: dict[str, Any], drop: tuple[str, ...], words: str
) -> None:
    answer = client.post(f"/api/role?on={ON}", json=changed_role(changes, drop))
    assert answer.status_code == 422
    assert words in answer.json()["detail"][0]["msg"]


ROLE_FIELDS = [*Role.model_fields, *(f"employer.{name}" for name in Employer.model_fields)]
ODD_VALUES = [None, "", "x", -1, 0, 32768, 1e12, True, [], {}, "21231"]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        pytest.param(name, value, id=f"{name}={value!r}")
        for name in ROLE_FIELDS
        for value in ODD_VALUES
    ],
)
def test_no_value_of_any_role_field_is_a_500(client: TestClient, name: str, value: Any) -> None:
    head, _, rest = name.partition(".")
    data = changed_role({head: {rest: value}} if rest else {head: value})
    answer = client.post(f"/api/role?on={ON}&lang=fr", json=data)
    assert answer.status_code in (200, 422), answer.text


@pytest.mark.parametrize("on", ["tomorrow", "2026-13-01", "01/06/2026", ""])
def test_a_bad_role_date_is_a_422_naming_on(client: TestClient, on: str) -> None:
    answer = client.post(f"/api/role?on={on}", json=role_example())
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "on"]


def test_a_role_date_before_the_rules_exist_is_a_422_naming_on(client: TestClient) -> None:
    answer = client.post("/api/role?on=2014-06-01", json=role_example())
    assert answer.status_code == 422
    detail = answer.json()["detail"][0]
    assert detail["loc"] == ["query", "on"]
    assert "2015-01-01" in detail["msg"]


def test_role_language_must_be_en_or_fr(client: TestClient) -> None:
    answer = client.post(f"/api/role?on={ON}&lang=de", json=role_example())
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "lang"]


def test_draws_lists_rounds_like_the_cli(client: TestClient) -> None:
    printed = CliRunner().invoke(cli_app, ["draws", "--json", "--since", "2025-01-01"])
    assert printed.exit_code == 0, printed.output
    answer = client.get("/api/draws?since=2025-01-01")
    assert answer.status_code == 200
    rounds = answer.json()["rounds"]
    assert rounds == json.loads(printed.stdout)["rounds"]
    assert {"number", "date", "name", "category", "size", "crs_cutoff"} <= set(rounds[0])
    assert [item["date"] for item in rounds] == sorted(
        (item["date"] for item in rounds), reverse=True
    )


def test_draws_filters_by_category_date_and_score(client: TestClient) -> None:
    answer = client.get(
        "/api/draws?category=cec,french&since=2025-06-01&on=2026-06-01&limit=5&score=480"
    ).json()
    assert 0 < len(answer["rounds"]) <= 5
    assert {item["category"] for item in answer["rounds"]} <= {"cec", "french"}
    assert all("2025-06-01" <= item["date"] <= "2026-06-01" for item in answer["rounds"])
    assert answer["score_position"]["score"] == 480


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("category=nope", "category"),
        ("since=yesterday", "since"),
        ("on=2026-1-1", "on"),
        ("score=5000", "score"),
        ("limit=0", "limit"),
    ],
)
def test_draws_bad_queries_are_422s(client: TestClient, query: str, name: str) -> None:
    answer = client.get(f"/api/draws?{query}")
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", name]


def test_schema_is_the_profile_json_schema(client: TestClient) -> None:
    assert client.get("/api/schema").json() == as_json(Profile.model_json_schema())


def test_noc_search_finds_occupations_by_job_title(client: TestClient) -> None:
    results = client.get("/api/noc?q=Senior software engineer&lang=en").json()["results"]
    assert results[0]["code"] == "21231"
    french = client.get("/api/noc?q=développeur de logiciels&lang=fr").json()["results"]
    assert french[0]["code"] == "21232"
    unaccented = client.get("/api/noc?q=DEVELOPPEUR de logiciels&lang=fr").json()["results"]
    assert unaccented[0]["code"] == "21232"
    assert client.get("/api/noc?q=").status_code == 422


def test_openapi_documents_every_endpoint_and_the_profile(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    for path in ("/api/crs", "/api/assess", "/api/plan", "/api/role", "/api/draws", "/api/schema"):
        assert path in document["paths"]
    assert document["paths"]["/api/crs"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ] == {"$ref": "#/components/schemas/Profile"}
    assert "Education" in document["components"]["schemas"]
    assert document["paths"]["/api/role"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ] == {"$ref": "#/components/schemas/Role"}
    assert {"Role", "Employer"} <= set(document["components"]["schemas"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/assess" in docs.text
    assert "cdn" not in docs.text.lower()


def test_answers_carry_privacy_and_security_headers(client: TestClient) -> None:
    answer = client.post(f"/api/crs?on={ON}", content=body("bangalore-software-engineer"))
    assert answer.headers["cache-control"] == "no-store"
    assert "default-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_an_internal_fault_is_a_500_that_logs_nothing_personal(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("born 1997-03-14 in Bangalore")

    monkeypatch.setattr(canpath, "crs", broken)
    with caplog.at_level(logging.DEBUG):
        answer = client.post(f"/api/crs?on={ON}", content=body("bangalore-software-engineer"))
    assert answer.status_code == 500
    assert answer.json()["detail"][0]["type"] == "internal"
    assert "RuntimeError" in caplog.text
    assert "1997-03-14" not in caplog.text
    assert "Bangalore" not in caplog.text


def test_a_request_logs_nothing_about_the_person(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        client.post(f"/api/assess?on={ON}", content=body("bangalore-software-engineer"))
        client.post("/api/crs", json={"birth_date": "1997-03-14", "citizenships": ["ZZZ"]})
        client.post(f"/api/role?on={ON}", json=role_example())
        client.post(f"/api/role?on={ON}", json=changed_role({"noc": "99999"}))
    assert "1997-03-14" not in caplog.text
    assert "Example Tech" not in caplog.text
    assert "Example Software" not in caplog.text
