"""The questionnaire and results in a real browser: system Chromium driven by Playwright.

Each test types the answers of an example profile into the questionnaire as a person would
(choosing the occupation from the job-title search when it offers it), submits, and checks
the results against the public API; the employer tests do the same with an example role on the
employer page, against `POST /api/role`. Screenshots go to test-artifacts/web/.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import canpath
from canpath.i18n import catalog
from canpath.web.answers import from_profile
from canpath.web.employer import ROLE_GROUPS, role_answers, verdict_of
from canpath.web.questionnaire import groups
from canpath.yamlio import load_yaml_file
from tests.web.conftest import ARTIFACTS, EXAMPLES, ON, ROLE_EXAMPLES, example

pytestmark = pytest.mark.browser

CASES = [
    ("bangalore-software-engineer", "en"),
    ("bangalore-software-engineer", "fr"),
    ("vancouver-pgwp-developer", "en"),
    ("vancouver-pgwp-developer", "fr"),
]


def control(page: Any, name: str) -> Any:
    return page.locator(f'[name="{name}"]')


def search_occupation(page: Any, name: str, title: str, code: str) -> bool:
    """Type a job title, and choose the occupation with `code` if the search offers it."""
    field = control(page, name)
    field.fill(title)
    listbox = page.locator(f"#{field.get_attribute('aria-controls')}")
    listbox.locator("li").first.wait_for()
    option = listbox.locator('[role="option"]', has_text=code)
    if option.count():
        option.first.click()
        return True
    field.press("Escape")
    return False


def fill_questionnaire(page: Any, profile: dict[str, Any]) -> list[str]:
    """Answer every question of the profile through the page, in page order."""
    answers = from_profile(profile)
    answers["_on"] = ON
    searched = []
    for _, group in groups():
        if group.repeated:
            indices = sorted(
                {
                    int(name[len(group.path) + 1 :].split(".")[0])
                    for name in answers
                    if name.startswith(f"{group.path}.")
                    and name[len(group.path) + 1 :].split(".")[0].isdigit()
                }
            )
            for index in indices:
                if index > 0:
                    page.locator(f'[data-repeat="{group.path}"] > [data-action="add"]').click()
                prefixes = [f"{group.path}.{index}."]
                searched += answer_group(page, group, answers, prefixes[0])
        else:
            searched += answer_group(page, group, answers, f"{group.path}." if group.path else "")
    return searched


def answer_group(page: Any, group: Any, answers: dict[str, str], prefix: str) -> list[str]:
    searched = []
    for question in group.questions:
        name = prefix + question.name
        value = answers.get(name, "")
        if not value:
            continue
        if question.kind in ("yesno", "choice"):
            page.locator(f'[name="{name}"][value="{value}"]').check()
        elif question.kind == "select":
            control(page, name).select_option(value)
        elif question.kind == "job_title":
            code = answers.get(prefix + "noc", "")
            if search_occupation(page, name, value, code):
                searched.append(code)
        elif question.kind == "noc" and control(page, name).input_value() == value:
            continue
        else:
            control(page, name).fill(value)
    return searched


def verdict(program: dict[str, Any]) -> str:
    return (
        "unknown"
        if program["eligible"] is None
        else ("eligible" if program["eligible"] else "not_eligible")
    )


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_questionnaire_to_results(page: Any, name: str, lang: str) -> None:
    profile = example(name)
    page.goto(f"/?lang={lang}")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == catalog(lang)["web.questionnaire.title"]
    searched = fill_questionnaire(page, profile)
    if name == "bangalore-software-engineer":
        assert "21231" in searched  # the occupation came from the job-title search
    page.screenshot(path=ARTIFACTS / f"questionnaire-{name}-{lang}.png", full_page=True)
    page.get_by_test_id("submit").click()
    page.get_by_test_id("crs-total").wait_for()

    expected = canpath.assess(profile, ON).to_dict(lang)
    assert page.locator("h1").inner_text() == catalog(lang)["web.results.title"]
    assert int(page.get_by_test_id("crs-total").inner_text()) == expected["crs"]["total"]
    for program in expected["programs"]:
        card = page.locator(f'[data-program="{program["id"]}"]')
        assert card.get_attribute("data-verdict") == verdict(program)
        assert program["name"] in card.locator("h4").inner_text()
    sources = page.locator("#programs a.source")
    assert sources.count() > 0
    assert sources.first.get_attribute("href").startswith("https://")
    bars = page.locator('[data-testid="crs-chart"] svg rect.bar')
    factors = sum(
        len(part["factors"]) for part in expected["crs"]["breakdown"].values() if part["maximum"]
    )
    assert bars.count() == factors
    assert page.locator('[data-testid="plan-chart"] svg circle').count() > 0
    assert page.locator('[data-testid="cutoff-chart"] svg circle.round').count() > 0
    assert page.get_by_test_id("cutoff-table").locator("tbody tr").count() > 0
    assert page.off_site == []  # everything came from canpath itself
    page.screenshot(path=ARTIFACTS / f"results-{name}-{lang}.png", full_page=True)


def test_results_switch_language_without_losing_the_answers(page: Any) -> None:
    page.goto("/?lang=en")
    fill_questionnaire(page, example("vancouver-pgwp-developer"))
    page.get_by_test_id("submit").click()
    total = page.get_by_test_id("crs-total").inner_text()
    page.get_by_test_id("language-switch").click()
    page.get_by_test_id("crs-total").wait_for()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_test_id("crs-total").inner_text() == total
    assert page.locator("h1").inner_text() == catalog("fr")["web.results.title"]


def test_only_the_questions_the_rules_need_are_asked(page: Any) -> None:
    page.goto("/?lang=en")
    spouse = page.locator("#section-spouse")
    assert spouse.is_hidden()
    control(page, "marital_status").select_option("married")
    assert spouse.is_visible()
    details = page.locator('[name="spouse.birth_date"]')
    assert details.is_hidden()
    page.locator('[name="spouse.accompanying"][value="true"]').check()
    page.locator('[name="spouse.canadian_citizen_or_pr"][value="false"]').check()
    assert details.is_visible()
    page.locator('[name="spouse.canadian_citizen_or_pr"][value="true"]').check()
    assert details.is_hidden() and details.is_disabled()  # a hidden answer is never sent
    assert page.locator('[name="languages.0.listening"]').is_hidden()
    page.locator('[name="_languages"][value="taken"]').check()
    assert page.locator('[name="languages.0.listening"]').is_visible()
    control(page, "education.0.country").fill("CA")
    assert page.locator('[name="education.0.province"]').is_visible()
    assert page.locator('[name="education.0.eca"]').first.is_hidden()
    control(page, "education.0.country").fill("IN")
    assert page.locator('[name="education.0.eca"]').first.is_visible()


def test_progress_is_saved_in_the_browser_only(page: Any) -> None:
    page.goto("/?lang=en")
    control(page, "birth_date").fill("1990-04-05")
    page.locator('[data-repeat="work"] > [data-action="add"]').click()
    control(page, "work.1.hours_per_week").fill("20")
    control(page, "work.1.hours_per_week").blur()
    page.wait_for_timeout(400)
    page.reload()
    assert control(page, "birth_date").input_value() == "1990-04-05"
    assert control(page, "work.1.hours_per_week").input_value() == "20"
    stored = page.evaluate("localStorage.getItem('canpath.questionnaire.v1')")
    assert "1990-04-05" in stored


def test_import_fills_the_questionnaire(page: Any) -> None:
    page.goto("/?lang=fr")
    page.set_input_files("#import-file", str(EXAMPLES / "austin-data-scientist-married.yaml"))
    page.get_by_test_id("import").click()
    page.get_by_test_id("notice").wait_for()
    assert control(page, "birth_date").input_value() == "1991-11-02"
    assert page.locator("#section-spouse").is_visible()
    assert control(page, "spouse.education.0.level").input_value() == "bachelors"
    page.get_by_test_id("submit").click()
    expected = canpath.crs(example("austin-data-scientist-married")).total
    assert int(page.get_by_test_id("crs-total").inner_text()) == expected


def test_errors_are_shown_beside_each_field(page: Any) -> None:
    page.goto("/?lang=fr")
    control(page, "birth_date").fill("2001-01-01")
    control(page, "marital_status").select_option("single")
    control(page, "work.0.hours_per_week").fill("40")
    page.get_by_test_id("submit").click()
    summary = page.get_by_test_id("error-summary")
    summary.wait_for()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert control(page, "citizenships").get_attribute("aria-invalid") == "true"
    assert catalog("fr")["web.error.required"] in page.locator("#f-citizenships-error").inner_text()
    assert control(page, "work.0.noc").get_attribute("aria-invalid") == "true"


def test_keyboard_reaches_every_control_with_a_visible_focus(page: Any) -> None:
    page.goto("/?lang=en")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    outlines = []
    for _ in range(12):
        page.keyboard.press("Tab")
        outlines.append(
            page.evaluate(
                "document.activeElement.tagName + '#' + document.activeElement.id + ':' + getComputedStyle(document.activeElement).outlineStyle"
            )
        )
    assert not [item for item in outlines if item.endswith(":none")], outlines
    control(page, "work.0.title").focus()
    page.keyboard.type("software developer")
    page.locator('[role="option"]').first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert control(page, "work.0.noc").input_value() == "21232"


PHONE_WIDTH = 390


@pytest.fixture
def phone(browser: Any, live_server: str) -> Iterator[Any]:
    """A page on a phone-sized touch screen."""
    context = browser.new_context(
        viewport={"width": PHONE_WIDTH, "height": 844},
        base_url=live_server,
        is_mobile=True,
        has_touch=True,
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def test_phone_layout(phone: Any) -> None:
    phone.goto("/?lang=fr")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    phone.screenshot(path=ARTIFACTS / "phone-questionnaire-fr.png")
    fill_questionnaire(phone, example("bangalore-software-engineer"))
    phone.get_by_test_id("submit").click()
    phone.get_by_test_id("crs-total").wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    phone.screenshot(path=ARTIFACTS / "phone-results-fr.png", full_page=True)


def test_employer_and_api_pages(page: Any) -> None:
    page.goto("/employer?lang=fr")
    assert page.locator("h1").inner_text() == catalog("fr")["web.employer.title"]
    page.screenshot(path=ARTIFACTS / "employer-fr.png", full_page=True)
    page.goto("/docs?lang=en")
    assert page.locator("h2").filter(has_text="/api/assess").count() == 1
    page.get_by_test_id("language-switch").click()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.off_site == []


TORONTO_ROLE = ROLE_EXAMPLES / "toronto-software-engineer.yaml"


def fill_role(page: Any, role: dict[str, Any]) -> list[str]:
    """Answer the employer form for a role through the page, in page order."""
    answers = role_answers(role)
    answers["_on"] = ON
    searched = []
    for group in ROLE_GROUPS:
        searched += answer_group(page, group, answers, f"{group.path}." if group.path else "")
    return searched


def api_routes(page: Any, role: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """What the running app's `POST /api/role` answers for the role."""
    answer = page.request.post(f"/api/role?on={ON}&lang={lang}", data=role)
    assert answer.ok, answer.text()
    routes: list[dict[str, Any]] = answer.json()["routes"]
    return routes


def check_routes(page: Any, routes: list[dict[str, Any]]) -> None:
    """The page shows every route of the API's answer, with its verdict, name and criteria."""
    shown = page.locator("[data-route]")
    assert shown.count() == len(routes)
    for route in routes:
        card = page.locator(f'[data-route="{route["id"]}"]')
        assert card.get_attribute("data-verdict") == verdict_of(route)
        assert card.locator("h3").inner_text() == route["name"]
        assert card.locator("li.criterion").count() == len(route["criteria"])
    opened = [route["name"] for route in routes if verdict_of(route) == "open"]
    assert page.get_by_test_id("open-routes").locator("li").all_inner_texts() == opened


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_employer_form_to_routes(page: Any, lang: str) -> None:
    role: dict[str, Any] = load_yaml_file(TORONTO_ROLE)
    page.goto(f"/employer?lang={lang}")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == catalog(lang)["web.employer.title"]
    assert "21231" in fill_role(page, role)  # the occupation came from the job-title search
    assert control(page, "region").input_value() == "Toronto"
    page.get_by_test_id("submit").click()
    page.get_by_test_id("routes").wait_for()

    routes = api_routes(page, role, lang)
    check_routes(page, routes)
    gts = page.locator('[data-route="gts.category_b"]')
    assert gts.get_attribute("data-verdict") == "open"
    assert gts.locator(".badge").inner_text() == catalog(lang)["web.employer.verdict.open"]
    assert gts.locator(".commitments li").count() > 0
    sources = page.locator("#routes a.source")
    assert sources.count() > 0
    assert sources.first.get_attribute("href").startswith("https://")
    assert page.evaluate("document.activeElement.id") == "heading-routes"
    assert page.off_site == []  # everything came from canpath itself
    page.screenshot(
        path=ARTIFACTS / f"employer-toronto-software-engineer-{lang}.png", full_page=True
    )


def test_employer_regions_follow_the_province_and_results_switch_language(page: Any) -> None:
    role: dict[str, Any] = load_yaml_file(TORONTO_ROLE)
    page.goto("/employer?lang=en")
    region = control(page, "region")
    assert region.is_hidden()  # until a province with economic regions is chosen
    control(page, "province").select_option("PE")
    assert region.is_hidden()
    control(page, "province").select_option("ON")
    assert region.is_visible()
    region.select_option("Toronto")
    control(page, "province").select_option("QC")
    assert region.input_value() == ""  # a region of another province is not kept
    assert page.locator('optgroup[data-when="province=ON"]').is_hidden()
    fill_role(page, role)
    page.get_by_test_id("submit").click()
    page.get_by_test_id("routes").wait_for()
    page.get_by_test_id("language-switch").click()
    page.get_by_test_id("routes").wait_for()
    assert page.locator("html").get_attribute("lang") == "fr"
    check_routes(page, api_routes(page, role, "fr"))
    assert page.locator("#f-annual_salary_cad").input_value() == "150000"


def test_employer_phone_layout(phone: Any) -> None:
    phone.goto("/employer?lang=fr")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    fill_role(phone, load_yaml_file(TORONTO_ROLE))
    phone.get_by_test_id("submit").click()
    phone.get_by_test_id("routes").wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    phone.screenshot(path=ARTIFACTS / "phone-employer-fr.png", full_page=True)
