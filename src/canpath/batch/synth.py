"""Synthetic pools of people: realistic, random, seeded, for demos, tests and benchmarks.

`people(start, count, seed, on)` draws rows `start .. start+count-1` of an endless pool; rows
come in blocks of 65,536 seeded by `(seed, block)`, so a row never depends on how many are asked
for (the first 10 of a million are the 10 you get alone). Every person exists twice: as a contract
profile (`synth_profiles.profile_of`) and as a flat-layout row whose columns are what the rules
derive from that profile on `on`. Tests check the two agree.

Distributions (independent unless said; figures are shares of people):

* age: normal, mean 31, sd 6, whole years 18-60; birth day uniform in the year.
* citizenship: IN 34%, CN 7%, NG 8%, PH 7%, PK 4%, IR 4%, BR 4%, US 4%, MX 3%, GB 3%, FR 3%,
  MA 3%, others 16%. Francophone: 80% of FR, MA, CM, SN, CI, TN, DZ, HT citizens.
* in Canada: 35% work there (current job, 1-5 years mostly; 8% part-time 25 h/week; 5% in
  TEER 4-5), 5% more study there; the rest live abroad.
* foreign work: 75% of those in Canada, 92% of others; 0-9 whole years plus 10-330 days;
  it ends 30-400 days before Canadian work starts, or is current (70% of those abroad).
* occupations: software, data and IT (TEER 1-2) about 75%, trades 8%, health, research,
  teaching, management and low-skill jobs the rest; 50% keep their occupation when moving.
* education (the credential that counts): secondary 4%, one-year 3%, two-year 7%, three-year
  6%, bachelor's 38%, two or more 12%, master's 25%, professional 1%, doctoral 4%; Canadian for
  55% of those in Canada and 3% of others; foreign credentials have a valid ECA 93% of the time.
* English (CLB via `clb` results taken in the last two years): 97% (60% of francophones),
  level around 8.2 (6.5 for francophones), sd 1.4, abilities within a level of each other,
  4-12. French (NCLC via `nclc`): francophones around 9, 3% of others around 5.5.
  Francophones declare French first half of the time.
* spouse: 45% have one: accompanying 85%, not coming 10%, a citizen or PR 5%; spouses'
  English 75% around CLB 7, French 5%, Canadian work (0-3 years) for 40% of spouses of
  people working in Canada, Canadian study 8%.
* job offer 12% (LMIA approved 25%, exempt 50%, none 25%; 0.3% from the Canadian Armed
  Forces); enhanced nomination 4%, base 3%; sibling in Canada 6%; certificate of
  qualification 2% (15% of trades workers); funds given 85% (log-normal, median CAD 24,000);
  family size given 15%.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from canpath.timeutil import add_years

Array = npt.NDArray[Any]
BLOCK = 65_536
COUNTRIES = ("IN", "CN", "NG", "PH", "PK", "IR", "BR", "US", "MX", "GB", "FR", "MA", "CM", "SN",
             "KR", "VN", "CO", "EG", "TN", "DZ", "HT", "CI", "UA", "DE")  # fmt: skip
COUNTRY_SHARES = (34, 7, 8, 7, 4, 4, 4, 4, 3, 3, 3, 3, 1.5, 1, 2, 2, 2, 2, 1, 1, 0.5, 0.5, 1, 1)
FRANCOPHONE = ("FR", "MA", "CM", "SN", "CI", "TN", "DZ", "HT")
PROVINCES = ("ON", "BC", "AB", "QC", "MB", "SK", "NS", "NB")
PROVINCE_SHARES = (40, 20, 15, 8, 5, 5, 4, 3)
# Occupations people hold, with shares; 75% software, data and IT.
NOCS = ("21231", "21232", "21211", "21223", "21220", "21221", "21222", "21230", "21234", "21311",
        "20012", "22220", "22221", "22222", "21300", "21310", "72410", "72310", "72200", "73300",
        "31301", "41200", "41220", "11101", "00012", "64100", "65201", "62020")  # fmt: skip
NOC_SHARES = (14, 14, 7, 5, 5, 5, 5, 5, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 3, 1, 1, 2, 1, 1, 1, 1)
MILITARY = ("43204", "42102", "40042")
EMPLOYERS = ("Maple Analytics Inc.", "Northern Cloud Ltd.", "Prairie Robotics Corp.", "Harbour Health",
             "Laurentian Software", "Canadian Armed Forces")  # fmt: skip
EDUCATION = ("secondary", "one_year", "two_year", "three_year", "bachelors", "two_or_more",
             "masters", "professional", "doctoral")  # fmt: skip
EDUCATION_SHARES = (4, 3, 7, 6, 38, 12, 25, 1, 4)
LENGTH_YEARS = {"secondary": 4, "one_year": 1, "two_year": 2, "three_year": 3, "bachelors": 4,
                "two_or_more": 4, "masters": 2, "professional": 4, "doctoral": 4}  # fmt: skip
PERMITS = ("pgwp", "lmia", "open_work_permit", "cusma", "ict", "iec")
PERMIT_SHARES = (50, 15, 20, 5, 5, 5)


def _choice(rng: np.random.Generator, shares: tuple[float, ...], size: int) -> Array:
    weights = np.asarray(shares, dtype=float)
    return rng.choice(len(shares), size=size, p=weights / weights.sum())


def _levels(rng: np.random.Generator, mean: Array, has: Array, low: int = 4) -> Array:
    """Levels per ability (reading, writing, listening, speaking) around a mean, 0 without a result."""
    size = len(mean)
    base = np.rint(rng.normal(mean, 1.4))
    offsets = np.array([0.0, -0.4, 0.4, 0.0])
    levels = np.clip(np.rint(base[:, None] + offsets + rng.normal(0, 0.6, (size, 4))), low, 12)
    found: Array = (levels * has[:, None]).astype(np.int8)
    return found


def _birth_dates(age: Array, days_back: Array, on: date) -> Array:
    anniversaries = np.array(
        [add_years(on, -years) for years in range(int(age.max(initial=0)) + 1)],
        dtype="datetime64[D]",
    )
    born: Array = anniversaries[age] - days_back.astype("timedelta64[D]")
    return born


def _block(index: int, seed: int, on: date) -> dict[str, Array]:
    rng = np.random.default_rng([seed, index])
    n = BLOCK
    today = np.datetime64(on, "D")
    days = np.timedelta64(1, "D")
    age = np.clip(np.rint(rng.normal(31, 6, n)), 18, 60).astype(np.int16)
    country = np.asarray(COUNTRIES)[_choice(rng, COUNTRY_SHARES, n)]
    francophone = np.isin(country, FRANCOPHONE) & (rng.random(n) < 0.8)
    worker = rng.random(n) < 0.35
    student = ~worker & (rng.random(n) < 0.05)
    in_canada = worker | student
    people: dict[str, Array] = {
        "_index": np.arange(index * BLOCK, (index + 1) * BLOCK, dtype=np.int64),
        "birth_date": _birth_dates(age, rng.integers(0, 361, n), on),
        "_country": country,
        "_worker": worker,
        "_student": student,
    }
    partnered = rng.random(n) < 0.45
    people["spouse"] = np.where(partnered, 1 + _choice(rng, (85, 10, 5), n), 0).astype(np.int8)
    level = _choice(rng, EDUCATION_SHARES, n)
    canadian_study = rng.random(n) < np.where(in_canada, 0.55, 0.03)
    people.update(
        _education_level=level,
        _education_canadian=canadian_study,
        _education_eca=canadian_study | (rng.random(n) < 0.93),
        _education_completed=today
        - rng.integers(200, 1500, n) * days
        - np.where(canadian_study, 0, 700) * days,
        _eca_date=today - rng.integers(30, 1700, n) * days,
    )
    has_english = rng.random(n) < np.where(francophone, 0.6, 0.97)
    has_french = francophone | (rng.random(n) < 0.03)
    people["_english"] = _levels(rng, np.where(francophone, 6.5, 8.2), has_english)
    people["_french"] = _levels(rng, np.where(francophone, 9.0, 5.5), has_french)
    people["_english_taken"] = today - rng.integers(10, 700, n) * days
    people["_french_taken"] = today - rng.integers(10, 700, n) * days
    first = np.where(francophone & (rng.random(n) < 0.5), 2, np.where(rng.random(n) < 0.05, 1, 0))
    people["first_official_language"] = first.astype(np.int8)
    people.update(_jobs(rng, worker, today))
    people.update(_spouse(rng, people["spouse"], worker, today))
    people.update(_extras(rng, worker, student, people["_canadian_noc"], today))
    return people


def _jobs(rng: np.random.Generator, worker: Array, today: np.datetime64) -> dict[str, Array]:
    """A Canadian job (current) for workers, and a foreign job before it (or current abroad)."""
    n = len(worker)
    days = np.timedelta64(1, "D")
    canadian_days = 364 * _choice(rng, (10, 35, 25, 15, 10, 5), n) + rng.integers(10, 331, n)
    canadian_start = np.where(worker, today - (canadian_days - 1) * days, np.datetime64("NaT"))
    noc = _choice(rng, NOC_SHARES, n)
    has_foreign = rng.random(n) < np.where(worker, 0.75, 0.92)
    foreign_days = 364 * _choice(rng, (8, 14, 16, 16, 13, 10, 8, 6, 5, 4), n) + rng.integers(
        10, 331, n
    )
    gap = rng.integers(30, 400, n)
    current_abroad = ~worker & (rng.random(n) < 0.7)
    foreign_end = np.where(
        worker,
        canadian_start - (gap + 1) * days,
        np.where(current_abroad, today, today - gap * days),
    )
    foreign_noc = np.where(rng.random(n) < 0.5, noc, _choice(rng, NOC_SHARES, n))
    return {
        "_canadian_start": canadian_start,
        "_canadian_noc": np.where(worker, noc, -1),
        "_canadian_hours": np.where(rng.random(n) < 0.08, 25.0, 40.0),
        "_foreign_start": np.where(
            has_foreign, foreign_end - (foreign_days - 1) * days, np.datetime64("NaT")
        ),
        "_foreign_end": np.where(has_foreign, foreign_end, np.datetime64("NaT")),
        "_foreign_current": has_foreign & current_abroad,
        "_foreign_noc": np.where(has_foreign, foreign_noc, -1),
    }


def _spouse(
    rng: np.random.Generator, spouse: Array, worker: Array, today: np.datetime64
) -> dict[str, Array]:
    n = len(spouse)
    days = np.timedelta64(1, "D")
    has = spouse > 0
    canadian = rng.random(n) < 0.10
    counted = canadian | (rng.random(n) < 0.85)
    level = _choice(rng, EDUCATION_SHARES, n)
    works_here = has & worker & (rng.random(n) < 0.4)
    years = 364 * rng.integers(0, 4, n) + rng.integers(10, 331, n)
    return {
        "_spouse_education_level": level,
        "_spouse_education_canadian": canadian,
        "_spouse_education_counted": counted,
        "_spouse_english": _levels(rng, np.full(n, 7.0), rng.random(n) < 0.75),
        "_spouse_french": _levels(rng, np.full(n, 6.0), rng.random(n) < 0.05),
        "_spouse_start": np.where(works_here, today - (years - 1) * days, np.datetime64("NaT")),
        "_spouse_noc": np.where(works_here, _choice(rng, NOC_SHARES, n), -1),
    }


def _extras(
    rng: np.random.Generator,
    worker: Array,
    student: Array,
    canadian_noc: Array,
    today: np.datetime64,
) -> dict[str, Array]:
    n = len(worker)
    days = np.timedelta64(1, "D")
    trade = np.isin(
        canadian_noc, [NOCS.index(code) for code in ("72410", "72310", "72200", "73300")]
    )
    offer = rng.random(n) < 0.12
    military = offer & (rng.random(n) < 0.003)
    offer_noc = np.where(worker & (rng.random(n) < 0.6), canadian_noc, _choice(rng, NOC_SHARES, n))
    nomination = _choice(rng, (93, 4, 3), n)
    funds = np.round(rng.lognormal(10.1, 0.7, n), -2)
    return {
        "_offer": offer,
        "_offer_noc": np.where(military, -1, np.where(offer_noc < 0, 0, offer_noc)),
        "_offer_military": np.where(military, rng.integers(0, len(MILITARY), n), -1),
        "_offer_lmia": np.where(offer, _choice(rng, (25, 25, 50), n), 0).astype(np.int8),
        "_offer_employer": np.where(
            military, len(EMPLOYERS) - 1, rng.integers(0, len(EMPLOYERS) - 1, n)
        ),
        "_province": _choice(rng, PROVINCE_SHARES, n),
        "_permit": _choice(rng, PERMIT_SHARES, n),
        "_permit_expiry": today + rng.integers(30, 900, n) * days,
        "_nomination": nomination,
        "_nomination_date": today - rng.integers(1, 300, n) * days,
        "has_enhanced_nomination": nomination == 1,
        "has_sibling_in_canada": rng.random(n) < 0.06,
        "has_certificate_of_qualification": rng.random(n) < np.where(trade, 0.15, 0.02),
        "_relative": rng.random(n) < 0.08,
        "funds_cad": np.where(rng.random(n) < 0.85, funds, np.nan),
        "_children": np.where(rng.random(n) < 0.15, rng.integers(0, 4, n), -1),
        "is_authorized_to_work": worker,
    }


def people(start: int, count: int, seed: int, on: date) -> dict[str, Array]:
    """Rows `start .. start+count-1` of the pool for `seed` and `on`, as columns (with hidden `_` ones)."""
    from canpath.batch.synth_work import derive

    pieces = []
    for index in range(
        start // BLOCK, (start + count - 1) // BLOCK + 1 if count else start // BLOCK
    ):
        block = _block(index, seed, on)
        low, high = max(start - index * BLOCK, 0), min(start + count - index * BLOCK, BLOCK)
        pieces.append({name: values[low:high] for name, values in block.items()})
    if not pieces:
        pieces.append({name: values[:0] for name, values in _block(0, seed, on).items()})
    columns = {name: np.concatenate([piece[name] for piece in pieces]) for name in pieces[0]}
    columns.update(derive(columns, on))
    return columns
