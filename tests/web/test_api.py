"""The JSON API: the same answers as the public API and the CLI; structured 422s, never a 500."""

from __future__ import annotations

import importlib.util
import json
import logging
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import canpath
from canpath.cli import app as cli_app
from canpath.profile import Profile
from tests.web.conftest import EXAMPLES, ON, example

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


def employer_ready() -> bool:
    """Whether canpath.employer (built separately) offers parse_role and assess_role yet."""
    try:
        module = importlib.import_module("canpath.employer")
    except ModuleNotFoundError:
        return False
    return hasattr(module, "parse_role") and hasattr(module, "assess_role")


def test_role_is_501_until_the_employer_module_exists(client: TestClient) -> None:
    answer = client.post(f"/api/role?on={ON}", json={"noc": "21231", "province": "AB"})
    if not employer_ready():
        assert answer.status_code == 501
        assert "employer" in answer.json()["detail"][0]["msg"]
    else:
        assert answer.status_code in (200, 422)


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
    assert client.get("/api/noc?q=").status_code == 422


def test_openapi_documents_every_endpoint_and_the_profile(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    for path in ("/api/crs", "/api/assess", "/api/plan", "/api/role", "/api/draws", "/api/schema"):
        assert path in document["paths"]
    assert document["paths"]["/api/crs"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ] == {"$ref": "#/components/schemas/Profile"}
    assert "Education" in document["components"]["schemas"]
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
    assert "1997-03-14" not in caplog.text
    assert "Example Tech" not in caplog.text
