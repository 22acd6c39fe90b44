"""What Express Entry reads from a profile on a date, derived once and shown to the user.

Age in completed years, CLB/NCLC per ability from the best valid test in each language, the
education level and Canadian credential, whole years of skilled work in and outside Canada inside
the CRS window, the spouse's factors, and the additional-point facts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from canpath.facts import Column, deriver
from canpath.params import Snapshot
from canpath.profile import JobOffer, LanguageResult, Profile
from canpath.reference.noc import teer_of
from canpath.rules.federal.express_entry import work_experience as work
from canpath.rules.federal.express_entry.education import CountedEducation, count_education
from canpath.rules.federal.language import ABILITIES, LanguageLevels, convert
from canpath.timeutil import add_years, completed_years

CRS_WINDOW = "federal.express_entry.crs.work_experience_window"
CRS_EXCLUSIONS = "federal.express_entry.crs.canadian_work_exclusions"
SKILLED_WORK = work.SKILLED_WORK
JOB_OFFER = "federal.express_entry.job_offer"
FIRST_LANGUAGE_CODE = {None: 0, "english": 1, "french": 2}


@dataclass(frozen=True)
class LanguageChoice:
    """The tests found for one person: the one used per language, and those set aside."""

    english: LanguageLevels | None
    french: LanguageLevels | None
    set_aside: tuple[LanguageLevels, ...]

    def levels(self, language: str) -> list[int]:
        chosen = self.english if language == "english" else self.french
        return [chosen.levels[a] for a in ABILITIES] if chosen else [0, 0, 0, 0]


@dataclass(frozen=True)
class WorkYears:
    """Skilled work inside the CRS window, in hours and whole years."""

    canadian_hours: float
    foreign_hours: float
    canadian_years: int
    foreign_years: int


@dataclass(frozen=True)
class ExpressEntryDetail:
    """The derivations behind one person's Express Entry columns, for explanations."""

    age_years: int
    languages: LanguageChoice
    education: CountedEducation
    work: WorkYears
    spouse_languages: LanguageChoice | None
    spouse_education: CountedEducation | None
    spouse_work: WorkYears | None
    notes: list[str] = field(default_factory=list)


def choose_languages(results: Sequence[LanguageResult], on: date) -> LanguageChoice:
    """The best valid result in each language (highest total of levels; the later test on ties)."""
    best: dict[str, LanguageLevels] = {}
    set_aside: list[LanguageLevels] = []
    for result in results:
        levels = convert(result.test, result.scores(), result.taken, on)
        if not levels.is_valid:
            set_aside.append(levels)
            continue
        current = best.get(levels.language)
        if current is None or _rank(levels) > _rank(current):
            if current is not None:
                set_aside.append(current)
            best[levels.language] = levels
        else:
            set_aside.append(levels)
    return LanguageChoice(best.get("english"), best.get("french"), tuple(set_aside))


def _rank(levels: LanguageLevels) -> tuple[int, date]:
    return sum(levels.levels.values()), levels.taken or date.min


def crs_work_years(profile_work: Sequence[Any], on: date, snapshot: Snapshot) -> WorkYears:
    """Whole years of skilled work in Canada and abroad inside the CRS window."""
    rules = snapshot.value(SKILLED_WORK)
    window = snapshot.value(CRS_WINDOW)
    exclusions = snapshot.value(CRS_EXCLUSIONS)
    teer = rules["skilled_teer"]
    cap = rules["max_hours_per_week"]
    per_year = rules["hours_per_year"]
    totals = {}
    for place, years_key in (("canadian", "canadian_years"), ("foreign", "foreign_years")):
        rule = exclusions[place]
        chosen = work.select(
            profile_work,
            on,
            teer=teer,
            location="canada" if place == "canadian" else "foreign",
            exclude_student=rule["excludes_full_time_student"],
            exclude_self_employed=rule["excludes_self_employed"],
            exclude_unauthorized=rule["excludes_unauthorized"],
        )
        start = add_years(on, -int(window[years_key]))
        totals[place] = work.full_time_equivalent_hours(chosen, start, on, cap)
    return WorkYears(
        canadian_hours=totals["canadian"],
        foreign_hours=totals["foreign"],
        canadian_years=work.whole_years(totals["canadian"], per_year),
        foreign_years=work.whole_years(totals["foreign"], per_year),
    )


def is_valid_offer(offer: JobOffer, snapshot: Snapshot) -> bool:
    """Full-time, at least a year (or permanent), skilled TEER: the shape of a valid offer."""
    rules = snapshot.value(JOB_OFFER)
    return (
        teer_of(offer.noc) in rules["skilled_teer"]
        and offer.hours_per_week >= rules["min_hours_per_week"]
        and (offer.permanent or (offer.duration_months or 0) >= rules["min_duration_months"])
    )


def qualifying_offer(offer: JobOffer | None, snapshot: Snapshot) -> tuple[int, bool]:
    """A qualifying offer of arranged employment: (0 none, 1 skilled, 2 senior management, LMIA?).

    It must be full-time (30 hours a week or more), non-seasonal, for at least a year (or
    permanent), in a skilled TEER, and backed by an LMIA or exempt from one (interpretation
    INT-002: an LMIA-exempt offer is taken at the profile's word; IRCC also requires a year of
    work for that employer on the exempt permit).
    """
    if offer is None or offer.lmia == "none" or not is_valid_offer(offer, snapshot):
        return 0, False
    rules = snapshot.value(JOB_OFFER)
    group = 2 if offer.noc[:2] == rules["senior_management_major_group"] else 1
    return group, offer.lmia == "approved"


EXPRESS_ENTRY_COLUMNS = (
    Column("age_years", "int16", "age in completed years on the assessment date"),
    Column("is_scored_with_spouse", "bool", "an accompanying spouse who is not a citizen or PR"),
    Column("education_level", "int8", "CRS education level code (0 less than secondary .. 7 doctoral)"),
    Column("canadian_credential", "int8", "Canadian post-secondary credential: 0 none, 1 one or two years, 2 three years or more"),
    Column("english_clb", "int8", "CLB per ability: reading, writing, listening, speaking (0 = no valid test)", width=4),
    Column("french_nclc", "int8", "NCLC per ability: reading, writing, listening, speaking (0 = no valid test)", width=4),
    Column("first_official_language", "int8", "0 = the better of the two, 1 = English, 2 = French"),
    Column("canadian_work_years", "int8", "whole years of skilled Canadian work in the CRS window"),
    Column("foreign_work_years", "int8", "whole years of skilled foreign work in the CRS window"),
    Column("has_certificate_of_qualification", "bool", "a Canadian certificate of qualification in a trade"),
    Column("has_enhanced_nomination", "bool", "a nomination from an enhanced (Express Entry) provincial stream"),
    Column("has_sibling_in_canada", "bool", "a brother or sister in Canada, 18+, citizen or PR"),
    Column("arranged_employment", "int8", "qualifying offer: 0 none, 1 skilled, 2 senior management (NOC 00)"),
    Column("arranged_employment_is_lmia_backed", "bool", "the qualifying offer has a positive LMIA"),
    Column("spouse_education_level", "int8", "the spouse's CRS education level code"),
    Column("spouse_clb", "int8", "the spouse's levels per ability in their better official language", width=4),
    Column("spouse_canadian_work_years", "int8", "the spouse's whole years of skilled Canadian work"),
)  # fmt: skip


@deriver("express_entry", EXPRESS_ENTRY_COLUMNS)
def derive_express_entry(
    profile: Profile, on: date, snapshot: Snapshot
) -> tuple[Mapping[str, Any], Any]:
    """Derive the Express Entry columns and their explanation for one profile."""
    notes: list[str] = []
    languages = choose_languages(profile.languages, on)
    education = count_education(profile.education, on, snapshot)
    years = crs_work_years(profile.work, on, snapshot)
    offer_group, offer_lmia = qualifying_offer(profile.job_offer, snapshot)
    spouse = profile.spouse if profile.has_scored_spouse else None
    if profile.marital_status in ("married", "common_law") and profile.spouse is None:
        notes.append("married or common-law, but no spouse given: scored as single")
    spouse_languages = choose_languages(spouse.languages, on) if spouse else None
    spouse_education = count_education(spouse.education, on, snapshot) if spouse else None
    spouse_work = crs_work_years(spouse.work, on, snapshot) if spouse else None
    spouse_clb = [0, 0, 0, 0]
    if spouse_languages is not None:
        spouse_clb = max(
            spouse_languages.levels("english"), spouse_languages.levels("french"), key=sum
        )
    nomination = profile.provincial_nomination
    row = {
        "age_years": completed_years(profile.birth_date, on),
        "is_scored_with_spouse": spouse is not None,
        "education_level": education.level_code,
        "canadian_credential": education.canadian_credential_code,
        "english_clb": languages.levels("english"),
        "french_nclc": languages.levels("french"),
        "first_official_language": FIRST_LANGUAGE_CODE[profile.first_official_language],
        "canadian_work_years": years.canadian_years,
        "foreign_work_years": years.foreign_years,
        "has_certificate_of_qualification": profile.certificate_of_qualification is not None,
        "has_enhanced_nomination": bool(
            nomination
            and nomination.enhanced
            and (nomination.date is None or nomination.date <= on)
        ),
        "has_sibling_in_canada": profile.sibling_in_canada,
        "arranged_employment": offer_group,
        "arranged_employment_is_lmia_backed": offer_lmia,
        "spouse_education_level": spouse_education.level_code if spouse_education else 0,
        "spouse_clb": spouse_clb,
        "spouse_canadian_work_years": spouse_work.canadian_years if spouse_work else 0,
    }
    detail = ExpressEntryDetail(
        age_years=completed_years(profile.birth_date, on),
        languages=languages,
        education=education,
        work=years,
        spouse_languages=spouse_languages,
        spouse_education=spouse_education,
        spouse_work=spouse_work,
        notes=notes,
    )
    return row, detail
