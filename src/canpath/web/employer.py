"""The employer side of the web app, over `canpath.employer`: `POST /api/role` and `/employer`.

`assess_role_dict` is the whole of the API: `assess_role(parse_role(body), on).to_dict(lang)`,
the JSON `canpath role FILE --json` prints. A bad role raises `ProfileError`, which the API
turns into a 422 naming each field (`problems.py`) and the page shows beside each field.

The page asks the Role model's fields (`ROLE_SECTIONS`, with the questionnaire's `Question` and
`When`), turns the answers into a role (`to_role`, the body the API takes) and shows the answer
built from that same JSON (`RoleOutcome`), so the page says exactly what `/api/role` answers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from canpath.api import resolve_date
from canpath.employer import Role, assess_role, parse_role
from canpath.errors import CanpathError, ProfileError
from canpath.i18n import Language
from canpath.params import RULES
from canpath.reference.wages import region_names
from canpath.web.answers import answer_text, read_group
from canpath.web.form_view import FieldError, FormView, field_id
from canpath.web.language import Translate
from canpath.web.questionnaire import PROVINCES, Group, Question, Section, When, choices, visible

__all__ = [
    "ROLE_GROUPS",
    "ROLE_SECTIONS",
    "RoleFormView",
    "RoleOutcome",
    "RouteView",
    "assess_role_dict",
    "build_outcome",
    "role_answers",
    "to_role",
]

WAGE = "_wage"  # the page's own switch: the wage is given by the hour or by the year
WAGE_FIELDS = {"hourly": "hourly_wage_cad", "annual": "annual_salary_cad"}
PROVINCES_WITH_REGIONS = tuple(code for code in PROVINCES if region_names(code))
PARTNERS = "federal.tfwp.global_talent_stream.referral_partners"


def assess_role_dict(data: dict[str, Any], on: date, language: Language) -> dict[str, Any]:
    """`assess_role(parse_role(data), on).to_dict(language)`; `ProfileError` for a bad role."""
    result: dict[str, Any] = assess_role(parse_role(data), on).to_dict(language)
    return result


YES = ("true",)
ROLE_SECTIONS: tuple[Section, ...] = (
    Section("job", (
        Group("role", "", (
            Question("title", "job_title"),
            Question("noc", "noc", required=True),
            Question("province", "select", required=True, options=PROVINCES, option_set="province"),
            Question("region", "select", when=(When("province", PROVINCES_WITH_REGIONS),)),
            Question("city", "text"),
        )),
    )),
    Section("pay", (
        Group("role", "", (
            Question(WAGE, "choice", required=True, options=tuple(WAGE_FIELDS), option_set="wage"),
            Question("hourly_wage_cad", "number", required=True, step="any", minimum=0.01, when=(When(WAGE, ("hourly",)),)),
            Question("annual_salary_cad", "number", required=True, step="any", minimum=1, when=(When(WAGE, ("annual",)),)),
            Question("hours_per_week", "number", step="any", minimum=1, maximum=168),
            Question("permanent", "yesno"),
            Question("duration_months", "number", step="1", minimum=1, maximum=600, when=(When("permanent", ("false",)),)),
            Question("positions", "number", step="1", minimum=1, maximum=1000),
            Question("prevailing_wage_hourly_cad", "number", step="any", minimum=0.01),
            Question("gts_subset_condition_met", "yesno", unknown=True),
        )),
    )),
    Section("employer", (
        Group("role_employer", "employer", (
            Question("name", "text"),
            Question("gts_referral_partner", "text"),
            Question("gts_category_a_prior_positions_this_year", "number", step="1", minimum=0),
            Question("will_make_lmbp_commitments", "yesno", unknown=True),
            Question("related_foreign_enterprise", "yesno", unknown=True),
        )),
        Group("role", "", (
            Question("intra_company_transfer", "yesno", unknown=True),
            Question("ict_capacity", "select", options=choices(Role, "ict_capacity"), option_set="ict_capacity", when=(When("intra_company_transfer", YES),)),
        )),
    )),
    Section("when", (Group("role", "", (Question("_on", "date"),)),)),
)  # fmt: skip
"""The employer page's questions, in page order: the Role model's fields (the body of /api/role)."""

ROLE_GROUPS: tuple[Group, ...] = tuple(
    group for section in ROLE_SECTIONS for group in section.groups
)
NUMBERS = {
    (group.path, question.name)
    for group in ROLE_GROUPS
    for question in group.questions
    if question.kind == "number"
}
THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")  # 150,000 or 1,250.50 (not a decimal comma)


def _prefix(group: Group) -> str:
    return f"{group.path}." if group.path else ""


def to_role(answers: Mapping[str, str]) -> dict[str, Any]:
    """The role the answers describe (unvalidated; `parse_role` names any problem).

    Only answers the conditions ask for are kept (an hourly wage when the wage is hourly, a
    duration for a job that is not permanent, a region for a province that has them).
    """
    cleaned = dict(answers)
    for path, name in NUMBERS:
        key = f"{path}.{name}" if path else name
        text = cleaned.get(key, "").strip()
        if THOUSANDS.match(text):
            cleaned[key] = text.replace(",", "")
    role: dict[str, Any] = {}
    for group in ROLE_GROUPS:
        if not visible(group.when, cleaned):
            continue
        values = read_group(group, cleaned, _prefix(group))
        if not values:
            continue
        if group.path:
            role.setdefault(group.path, {}).update(values)
        else:
            role.update(values)
    return role


def role_answers(role: Mapping[str, Any]) -> dict[str, str]:
    """Answers that fill the employer form with a role (a parsed role file)."""
    answers: dict[str, str] = {}
    for group in ROLE_GROUPS:
        node = role.get(group.path) if group.path else role
        if not isinstance(node, Mapping):
            continue
        for question in group.questions:
            value = node.get(question.name)
            if not question.is_switch and value is not None:
                answers[_prefix(group) + question.name] = answer_text(value)
    if role.get("hourly_wage_cad") is not None:
        answers[WAGE] = "hourly"
    elif role.get("annual_salary_cad") is not None:
        answers[WAGE] = "annual"
    return answers


def _find(name: str) -> tuple[Group, Question] | None:
    for group in ROLE_GROUPS:
        for question in group.questions:
            if _prefix(group) + question.name == name:
                return group, question
    return None


ROLE_MESSAGES = (
    (re.compile(r"^missing: "), "error.required"),
    (re.compile(r"^must be more than "), "error.range"),
    (re.compile(r"^give the wage"), "employer.error.wage"),
    (re.compile(r"^region .* is not a Job Bank economic region"), "employer.error.region"),
)


class RoleFormView(FormView):
    """The employer form's state: answers, errors beside each field, regions and partners."""

    def add_problems(self, error: ProfileError, converted: Any = None) -> None:
        """Attach each problem of the role to its field (role-wide ones to the field they are about)."""
        for problem in error.problems:
            self.add(
                problem.location or self._about(problem.message),
                self.problem_text(problem),
            )

    def _about(self, message: str) -> str:
        if message.startswith("give the wage"):
            return WAGE_FIELDS.get(self.answers.get(WAGE, ""), WAGE)
        if message.startswith("region "):
            return "region"
        return ""

    def add(self, name: str, message: str) -> None:
        """Attach one problem to the field named `name` (or to the role as a whole)."""
        found = _find(name)
        label = self.label(*found) if found else self.t("employer.general")
        anchor = "employer"
        if found:
            group, question = found
            first = self.options(question)[0][0] if question.kind in ("yesno", "choice") else None
            anchor = field_id(name) + ("" if first is None else f"-{first or 'unknown'}")
        text = self.translate(message)
        if name in self.errors:
            text = f"{self.errors[name].message}; {text}"
        self.errors[name] = FieldError(name, anchor, label, text)

    def translate(self, message: str) -> str:
        """Common messages in the page's language; others as the employer rules wrote them."""
        for pattern, key in ROLE_MESSAGES:
            if pattern.search(message):
                return self.t(key)
        return super().translate(message)

    def regions(self) -> list[tuple[str, str, list[str]]]:
        """(province, its name, its Job Bank economic regions) for the region list."""
        return [
            (code, self.t(f"option.province.{code}"), region_names(code))
            for code in PROVINCES_WITH_REGIONS
        ]

    def partners(self) -> list[str]:
        """The designated GTS referral partners in force on the date asked (else today)."""
        try:
            snapshot = RULES.at(resolve_date(self.answers.get("_on") or None))
        except CanpathError:
            snapshot = RULES.at(date.today())
        if not snapshot.is_in_force(PARTNERS):
            return []
        groups: Mapping[str, list[str]] = snapshot.value(PARTNERS)["partners"]
        return sorted({name for names in groups.values() for name in names})


def money(amount: float, language: Language) -> str:
    """An amount in Canadian dollars as each language writes it: $1,000 or 1 000 $."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    if language == "fr":
        return text.replace(",", "\u202f").replace(".", ",") + "\u00a0$"
    return f"${text}"


def number(value: float, language: Language) -> str:
    """A number of weeks or months: 4, 1.5 (1,5 in French)."""
    text = f"{value:g}"
    return text.replace(".", ",") if language == "fr" else text


VERDICT_ORDER = ("open", "unknown", "not_open", "not_yet_open", "closed")
# The results page's colours: open is "eligible", unknown stays, any other verdict "not_eligible".
VERDICT_STYLE = {"open": "eligible", "unknown": "unknown"}


@dataclass
class RouteView:
    """One route as the page shows it, from one entry of the API's `routes`."""

    id: str
    name: str
    verdict: str
    hiring: str
    candidates: list[str]
    fees: list[str]
    employer_cost: str
    time: str
    commitments: list[str]
    criteria: list[dict[str, Any]]
    warnings: list[dict[str, Any]]

    @property
    def style(self) -> str:
        """The colour class: eligible (open), unknown, or not_eligible."""
        return VERDICT_STYLE.get(self.verdict, "not_eligible")

    @property
    def is_open(self) -> bool:
        """Whether the route is open on the date (whatever its verdict for the role)."""
        return self.verdict not in ("closed", "not_yet_open")


@dataclass
class RoleOutcome:
    """Everything the employer page shows for a role: the API's answer, explained."""

    answer: dict[str, Any]
    routes: list[RouteView]
    summary: str
    prevailing_wage: str
    precedent: str
    open_routes: list[RouteView] = field(default_factory=list)


def verdict_of(route: Mapping[str, Any]) -> str:
    """open / not_open / unknown for a route open on the date, else closed / not_yet_open."""
    if route["status"] != "open":
        return str(route["status"])
    return {True: "open", False: "not_open", None: "unknown"}[route["open"]]


def _time(route: Mapping[str, Any], t: Translate, language: Language) -> str:
    if route["hiring"] == "without_permit":
        return t("employer.time_none")
    weeks = route.get("processing_weeks")
    if weeks is None:
        return t("employer.time_unknown")
    return t("employer.weeks", weeks=number(weeks, language))


def route_view(
    route: Mapping[str, Any], positions: int, t: Translate, language: Language
) -> RouteView:
    """One route of the API's answer, with its words and amounts in the page's language."""
    verdict = verdict_of(route)
    shown = verdict not in ("closed", "not_yet_open")
    fees = [
        t(
            "employer.fee",
            label=fee["label"],
            amount=money(fee["amount_cad"], language),
            paid_by=t(f"employer.paid_by.{fee['paid_by']}"),
        )
        for fee in route["fees"]
    ]
    return RouteView(
        id=route["id"],
        name=route["name"],
        verdict=verdict,
        hiring=route["hiring"] if shown else "",
        candidates=list(route["candidates"]),
        fees=fees,
        employer_cost=t(
            "employer.employer_cost",
            amount=money(route["employer_cost_cad"], language),
            positions=positions,
        )
        if shown
        else "",
        time=_time(route, t, language) if shown else "",
        commitments=list(route["commitments"]),
        criteria=list(route["criteria"]),
        warnings=list(route["warnings"]),
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def build_outcome(answer: dict[str, Any], t: Translate, language: Language) -> RoleOutcome:
    """The page's view of `/api/role`'s answer: routes open to the role first."""
    role = answer["role"]
    positions = int(role.get("positions", 1))
    routes = [route_view(route, positions, t, language) for route in answer["routes"]]
    routes.sort(key=lambda route: VERDICT_ORDER.index(route.verdict))
    parts = [role.get("city"), role.get("region"), t(f"option.province.{role['province']}")]
    place = ", ".join(dict.fromkeys(part for part in parts if part))  # Toronto once, not twice
    summary = t(
        "employer.as_of",
        on=answer["on"],
        noc=role["noc"],
        title=role.get("title") or "-",
        place=place,
    )
    precedent = answer.get("gts_precedent_2024") or {}
    precedent_text = (
        t(
            "employer.precedent",
            lmias=precedent["lmias"],
            positions=precedent["positions"],
            employers=precedent["employers"],
        )
        if precedent.get("lmias")
        else t("employer.precedent_none")
    )
    return RoleOutcome(
        answer=answer,
        routes=routes,
        summary=summary,
        prevailing_wage=_sentence(answer.get("prevailing_wage") or ""),
        precedent=precedent_text,
        open_routes=[route for route in routes if route.verdict == "open"],
    )
