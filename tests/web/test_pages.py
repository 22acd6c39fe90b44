"""Pages without a browser: languages, labels, the questionnaire's conditions, import and export."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

import canpath
from canpath.draws import CATEGORY_IDS
from canpath.employer import Employer, Role, parse_role
from canpath.i18n import catalog
from canpath.profile import parse_profile
from canpath.web.answers import entry_indices, from_profile, to_profile
from canpath.web.employer import ROLE_GROUPS, role_answers, to_role, verdict_of
from canpath.web.form_view import field_id
from canpath.web.language import choose_language
from canpath.web.questionnaire import groups
from canpath.yamlio import load_yaml_file, load_yaml_text
from tests.web.conftest import EXAMPLES, ON, ROLE_EXAMPLES, example

NAMES = sorted(path.stem for path in EXAMPLES.glob("*.yaml"))
PAGES = ["/", "/employer", "/docs"]


class Controls(HTMLParser):
    """The form controls of a page, the ids that labels point to, and the assets it loads."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str]] = []
        self.labelled: set[str] = set()
        self.assets: list[str] = []
        self.in_template = 0
        self.in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "template":
            self.in_template += 1
        elif tag == "label":
            self.in_label += 1
            self.labelled.add(found.get("for", ""))
        elif tag in ("input", "select") and not self.in_template and found.get("type") != "hidden":
            self.controls.append({**found, "wrapped": "yes" if self.in_label else ""})
        if tag in ("script", "img") and "src" in found:
            self.assets.append(found["src"])
        if tag == "link" and "href" in found:
            self.assets.append(found["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self.in_template -= 1
        elif tag == "label":
            self.in_label -= 1


def parsed(html: str) -> Controls:
    parser = Controls()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("url", PAGES)
def test_every_page_in_both_languages_with_a_switch(
    client: TestClient, url: str, lang: str
) -> None:
    answer = client.get(f"{url}?lang={lang}")
    assert answer.status_code == 200
    assert f'<html lang="{lang}">' in answer.text
    other = "fr" if lang == "en" else "en"
    assert f"lang={other}" in answer.text
    assert catalog(lang)["web.nav.switch"] in answer.text
    assert "web." not in re.sub(r"<[^>]+>", "", answer.text)  # no message key left untranslated


@pytest.mark.parametrize("url", PAGES)
def test_pages_load_nothing_from_elsewhere(client: TestClient, url: str) -> None:
    assets = parsed(client.get(url).text).assets
    assert assets
    assert all(asset.startswith("/static/") for asset in assets)


def test_the_browser_language_is_the_default(client: TestClient) -> None:
    answer = client.get("/", headers={"accept-language": "fr-CA,fr;q=0.9,en;q=0.8"})
    assert '<html lang="fr">' in answer.text
    assert choose_language(None, "de-DE, en;q=0.5, fr;q=0.7") == "fr"
    assert choose_language(None, "es") == "en"
    assert choose_language("en", "fr") == "en"


@pytest.mark.parametrize("url", ["/", "/employer"])
def test_every_control_has_a_label(client: TestClient, url: str) -> None:
    page = parsed(client.get(url).text)
    assert page.controls
    for control in page.controls:
        if control.get("type") in ("radio", "checkbox"):
            assert control["wrapped"], control
        else:
            assert control.get("id") in page.labelled, control


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_question_and_choice_has_its_words(lang: str) -> None:
    messages = catalog(lang)
    for _, group in [*groups(), *((None, group) for group in ROLE_GROUPS)]:
        for question in group.questions:
            assert f"web.q.{group.kind}.{question.name}" in messages
            for value in question.options:
                assert f"web.option.{question.option_set}.{value}" in messages
    for category in CATEGORY_IDS:
        assert f"web.category.{category}" in messages


def test_both_languages_have_the_same_page_strings() -> None:
    english = {key for key in catalog("en") if key.startswith("web.")}
    french = {key for key in catalog("fr") if key.startswith("web.")}
    assert english == french
    assert all(catalog("fr")[key] for key in french)


@pytest.mark.parametrize("name", NAMES)
def test_a_profile_survives_the_form_both_ways(name: str) -> None:
    profile = example(name)
    assert parse_profile(to_profile(from_profile(profile)).profile) == parse_profile(profile)


def test_hidden_answers_are_dropped() -> None:
    answers = from_profile(example("austin-data-scientist-married"))
    assert "spouse" in to_profile(answers).profile
    single = {**answers, "marital_status": "single"}
    assert "spouse" not in to_profile(single).profile
    not_counted = {**answers, "spouse.canadian_citizen_or_pr": "true"}
    assert set(to_profile(not_counted).profile["spouse"]) == {
        "accompanying",
        "canadian_citizen_or_pr",
    }
    no_tests = {**answers, "_languages": "not_yet"}
    assert "languages" not in to_profile(no_tests).profile


def test_answers_become_typed_values_and_blank_entries_are_skipped() -> None:
    answers = {
        "citizenships": "in, us",
        "languages.0.listening": "7,5",
        "_languages": "taken",
        "work.0.hours_per_week": "",
        "work.3.noc": "21231",
        "work.3.country": "ca",
        "work.3.student": "false",
        "work.3.hours_per_week": "abc",
    }
    converted = to_profile(answers)
    assert converted.profile["citizenships"] == ["IN", "US"]
    assert converted.profile["languages"][0]["listening"] == 7.5
    assert converted.profile["work"] == [
        {"noc": "21231", "country": "CA", "student": False, "hours_per_week": "abc"}
    ]
    assert converted.form_name("work.0.hours_per_week") == "work.3.hours_per_week"
    assert entry_indices(answers, "work") == [0, 3]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", NAMES)
def test_results_page_shows_the_api_score_and_verdicts(
    client: TestClient, name: str, lang: str
) -> None:
    answers = {**from_profile(example(name)), "_on": ON, "_lang": lang}
    page = client.post("/results", data=answers)
    assert page.status_code == 200
    expected = canpath.assess(example(name), ON).to_dict(lang)
    assert f'data-testid="crs-total">{expected["crs"]["total"]}<' in page.text
    for program in expected["programs"]:
        assert f'data-program="{program["id"]}"' in page.text
    assert catalog(lang)["web.results.title"] in page.text
    assert page.text.count("<svg") >= 2


def test_a_route_outside_express_entry_shows_no_invitation_chance(client: TestClient) -> None:
    # On 2026-06-01 the Bangalore engineer's best route is GTS then a base Alberta nomination:
    # a separate application, so there is no invitation to estimate (the plan's probability is null).
    answers = {**from_profile(example("bangalore-software-engineer")), "_on": ON, "_lang": "fr"}
    page = client.post("/results", data=answers).text
    plan = canpath.plan(example("bangalore-software-engineer"), on=ON).to_dict("fr")
    assert plan["routes"][0]["probability"] is None
    assert str(escape(catalog("fr")["web.results.plan.no_invitation"])) in page
    with_chance = [route for route in plan["routes"] if route["probability"] is not None]
    assert page.count(str(escape("Probabilité d'une invitation d'ici 36 mois"))) == len(with_chance)


def test_results_problems_come_back_on_their_fields(client: TestClient) -> None:
    answers = {**from_profile(example("bangalore-software-engineer")), "_lang": "fr"}
    answers.update({"birth_date": "", "work.0.noc": "99999", "_on": "bientôt"})
    page = client.post("/results", data=answers)
    assert page.status_code == 422
    assert 'id="f-birth_date"' in page.text
    assert 'aria-invalid="true"' in page.text
    assert 'id="f-work-0-noc-error"' in page.text
    assert catalog("fr")["web.error.required"] in page.text
    assert 'id="f-_on-error"' in page.text


def test_a_date_before_the_rules_comes_back_on_the_date_field(client: TestClient) -> None:
    answers = {**from_profile(example("bangalore-software-engineer")), "_on": "2014-01-01"}
    page = client.post("/results", data=answers)
    assert page.status_code == 422
    assert 'id="f-_on-error"' in page.text


def test_the_results_language_switch_posts_the_profile_back(client: TestClient) -> None:
    profile = json.dumps(example("vancouver-pgwp-developer"), default=str)
    page = client.post("/results?lang=fr", data={"_profile": profile, "_on": ON, "_lang": "fr"})
    assert page.status_code == 200
    assert '<html lang="fr">' in page.text
    assert f">{canpath.crs(example('vancouver-pgwp-developer'), ON).total}<" in page.text


@pytest.mark.parametrize("format_", ["yaml", "json"])
def test_export_gives_back_the_profile(client: TestClient, format_: str) -> None:
    answers = from_profile(example("toronto-nominee-cloud-engineer"))
    answer = client.post(f"/profile/export?format={format_}", data=answers)
    assert answer.status_code == 200
    assert f"canpath-profile.{format_}" in answer.headers["content-disposition"]
    assert parse_profile(load_yaml_text(answer.text)) == parse_profile(
        example("toronto-nominee-cloud-engineer")
    )


def test_import_fills_the_form_and_shows_problems(client: TestClient) -> None:
    text = Path(EXAMPLES / "casablanca-computer-engineer-francophone.yaml").read_bytes()
    page = client.post("/profile/import?lang=fr", files={"file": ("profile.yaml", text)})
    assert page.status_code == 200
    assert 'value="1994-08-09"' in page.text
    assert 'data-from-server="true"' in page.text
    broken = client.post(
        "/profile/import", files={"file": ("p.yaml", b"birth_date: 1990-01-01\nfoo: 1\n")}
    )
    assert "error-summary" in broken.text
    invalid = client.post("/profile/import", files={"file": ("p.yaml", b"a: [1\n")})
    assert invalid.status_code == 422


ROLE_NAMES = sorted(path.stem for path in ROLE_EXAMPLES.glob("*.yaml"))


def role_example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_yaml_file(ROLE_EXAMPLES / f"{name}.yaml")
    return data


@pytest.mark.parametrize("name", ROLE_NAMES)
def test_a_role_survives_the_form(name: str) -> None:
    role = role_example(name)
    through_form = parse_role(to_role(role_answers(role)))
    assert through_form == parse_role({**role, "id": None})  # the form does not ask for an id


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", ROLE_NAMES)
def test_employer_page_shows_the_api_routes(client: TestClient, name: str, lang: str) -> None:
    answers = {**role_answers(role_example(name)), "_on": ON, "_lang": lang}
    page = client.post("/employer", data=answers)
    assert page.status_code == 200
    assert f'<html lang="{lang}">' in page.text
    expected = client.post(f"/api/role?on={ON}&lang={lang}", json=to_role(answers)).json()
    assert expected["routes"]
    cards = dict(re.findall(r'data-route="([^"]+)" data-verdict="([^"]+)"', page.text))
    assert cards == {route["id"]: verdict_of(route) for route in expected["routes"]}
    text = html.unescape(page.text)
    for route in expected["routes"]:
        assert route["name"] in text
        for criterion in route["criteria"]:
            assert criterion["reason"] in text
            if criterion.get("reference"):
                assert f'href="{criterion["reference"]["href"]}"' in text
        for sentence in (*route["candidates"], *route["commitments"]):
            assert sentence in text
    assert "web." not in re.sub(r"<[^>]+>", "", page.text)


def test_employer_routes_say_cost_time_and_who_in_each_language(client: TestClient) -> None:
    answers = {**role_answers(role_example("toronto-software-engineer")), "_on": ON}
    english = client.post("/employer", data={**answers, "_lang": "en"}).text
    french = client.post("/employer", data={**answers, "_lang": "fr"}).text
    gts = english[english.index('data-route="gts.category_b"') :]
    assert "$1,000" in gts[: gts.index("</article>")]
    assert "About 4 weeks" in gts
    assert catalog("en")["web.employer.who"] in gts
    assert catalog("en")["web.employer.commitments"] in gts
    gts_fr = french[french.index('data-route="gts.category_b"') :]
    assert "1\u202f000\u00a0$" in gts_fr[: gts_fr.index("</article>")]
    assert "Environ 4 semaines" in gts_fr
    assert catalog("fr")["web.employer.verdict.open"] in gts_fr
    assert english.index('data-verdict="open"') < english.index('data-verdict="not_open"')


def test_employer_problems_come_back_on_their_fields(client: TestClient) -> None:
    answers = {**role_answers(role_example("toronto-software-engineer")), "_lang": "fr"}
    answers.update({"noc": "99999", "province": "", "annual_salary_cad": "-5", "_on": "bientôt"})
    page = client.post("/employer", data=answers)
    assert page.status_code == 422
    assert 'data-testid="error-summary"' in page.text
    for name in ("noc", "province", "annual_salary_cad", "_on"):
        assert f'id="{field_id(name)}-error"' in page.text, name
    assert 'aria-invalid="true"' in page.text
    assert catalog("fr")["web.error.required"] in page.text
    assert catalog("fr")["web.error.range"] in page.text
    assert 'data-testid="routes"' not in page.text


@pytest.mark.parametrize(
    ("changes", "field", "key"),
    [
        ({"annual_salary_cad": ""}, "annual_salary_cad", "web.employer.error.wage"),
        ({"_wage": "", "annual_salary_cad": ""}, "_wage", "web.employer.error.wage"),
        ({"province": "QC", "region": "Toronto"}, "region", "web.employer.error.region"),
    ],
)
def test_role_wide_problems_are_shown_on_the_field_they_are_about(
    client: TestClient, changes: dict[str, str], field: str, key: str
) -> None:
    answers = {**role_answers(role_example("toronto-software-engineer")), "_on": ON, **changes}
    page = client.post("/employer?lang=fr", data=answers)
    assert page.status_code == 422
    assert f'id="{field_id(field)}-error"' in page.text
    assert catalog("fr")[key] in html.unescape(page.text)


def test_a_role_date_before_the_rules_comes_back_on_the_date_field(client: TestClient) -> None:
    answers = {**role_answers(role_example("toronto-software-engineer")), "_on": "2014-01-01"}
    page = client.post("/employer", data=answers)
    assert page.status_code == 422
    assert f'id="{field_id("_on")}-error"' in page.text


def test_only_the_answers_the_role_needs_are_kept() -> None:
    answers = {
        "noc": "21231",
        "province": "PE",
        "region": "Toronto",
        "_wage": "hourly",
        "hourly_wage_cad": "45,5",
        "annual_salary_cad": "150,000",
        "permanent": "true",
        "duration_months": "12",
        "intra_company_transfer": "false",
        "ict_capacity": "manager",
        "employer.will_make_lmbp_commitments": "",
        "employer.related_foreign_enterprise": "true",
    }
    assert to_role(answers) == {
        "noc": "21231",
        "province": "PE",
        "hourly_wage_cad": 45.5,
        "permanent": True,
        "intra_company_transfer": False,
        "employer": {"related_foreign_enterprise": True},
    }
    annual = to_role({**answers, "_wage": "annual", "permanent": "false", "province": "ON"})
    assert annual["annual_salary_cad"] == 150000  # a thousands comma, not a decimal one
    assert annual["duration_months"] == 12 and annual["region"] == "Toronto"
    assert "hourly_wage_cad" not in annual


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_employer_form_has_the_role_fields_and_their_words(
    client: TestClient, lang: str
) -> None:
    page = client.get(f"/employer?lang={lang}").text
    names = set(re.findall(r'name="([^"]+)"', page))
    asked = {f"employer.{name}" for name in Employer.model_fields} | set(Role.model_fields)
    assert asked - {"id", "employer"} <= names
    for code, regions in (("ON", ["Toronto", "Ottawa"]), ("QC", ["Montréal"])):
        assert f'data-when="province={code}"' in page
        for region in regions:
            assert f'<option value="{region}">' in page
    assert '<option value="Communitech Corporation">' in page  # partner suggestions
    assert 'id="page-strings"' in page


def test_the_employer_results_switch_language_with_the_answers(client: TestClient) -> None:
    answers = {**role_answers(role_example("montreal-network-technician")), "_on": ON}
    page = client.post("/employer?lang=en", data={**answers, "_lang": "en"}).text
    switch = page[page.index('action="/employer?lang=fr"') :]
    switch = switch[: switch.index("</form>")]
    assert 'name="_lang" value="fr"' in switch
    assert 'name="ict_capacity" value="specialized_knowledge"' in switch
    assert 'name="region" value="Montréal"' in switch


def test_static_assets_are_cacheable_and_pages_are_not(client: TestClient) -> None:
    assert "no-store" not in client.get("/static/canpath.css").headers.get("cache-control", "")
    assert client.get("/").headers["cache-control"] == "no-store"


def test_forms_post_no_personal_data_in_addresses(client: TestClient) -> None:
    page = client.get("/").text
    for form in re.findall(r"<form[^>]*>", page):
        assert 'method="post"' in form, form
    assert "localStorage" in client.get("/static/questionnaire.js").text


def test_answers_have_no_unknown_names() -> None:
    names: set[Any] = {question.name for _, group in groups() for question in group.questions}
    assert "_on" in names


def test_serve_is_a_canpath_command_without_an_access_log(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from canpath.cli import app as cli_app

    called: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: called.update(app=app, **options))
    result = CliRunner().invoke(cli_app, ["serve", "--host", "127.0.0.1", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert called["app"] == "canpath.web.app:create_app" and called["factory"] is True
    assert called["port"] == 8123 and called["access_log"] is False
    assert called["log_config"]["loggers"]["uvicorn.access"]["handlers"] == []
