"""Job Bank prevailing wages (ESDC, 2025 release, 28 tech NOCs) and 2024 GTS positive-LMIA counts.

Data: `data/jobbank_wages_2025_tech_noc_subset.csv` and
`data/esdc_positive_lmia_global_talent_stream_2024.csv` (provenance in `data/SOURCES_wages.md`).
Both files are read once, on first use, with the csv module.

ESDC's rule for the wage test: the median hourly wage of the occupation in the economic region of
the job; where ESDC publishes no figure for the region ("N/A"), the provincial or territorial
figure, then the national one. `median_for` applies it and returns the row it used, so an
explanation can cite the geography, the survey and the reference period.
"""

from __future__ import annotations

import csv
import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
RELEASE_FILES = {"2025": "jobbank_wages_2025_tech_noc_subset.csv"}
LMIA_FILE = "esdc_positive_lmia_global_talent_stream_2024.csv"
# Profile province codes where the Job Bank file writes them differently.
JOB_BANK_PROVINCE = {"PE": "PEI", "YT": "YK", "NT": "NWT"}
PROVINCE_NAMES = {
    "AB": "Alberta",
    "BC": "British Columbia",
    "MB": "Manitoba",
    "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador",
    "NS": "Nova Scotia",
    "NT": "Northwest Territories",
    "NU": "Nunavut",
    "ON": "Ontario",
    "PE": "Prince Edward Island",
    "QC": "Quebec",
    "SK": "Saskatchewan",
    "YT": "Yukon",
}


@dataclass(frozen=True)
class WageRow:
    """One Job Bank row: an occupation's wages in one geography, with its source."""

    noc: str
    province: str
    region_code: str
    geography: str
    level: str
    median_hourly_cad: float | None
    source: str
    data_source: str
    reference_period: str
    revision_date: str


def _number(text: str) -> float | None:
    return float(text) if text.strip() else None


def _level(code: str, province: str) -> str:
    if code == "ER00":
        return "national"
    if len(code) == 4 or province in ("PEI", "YK", "NWT", "NU"):
        return "province"
    return "economic_region"


@functools.cache
def wage_table(release: str) -> dict[str, list[WageRow]]:
    """Every row of a Job Bank release, by NOC 2021 code, in the file's geography order."""
    table: dict[str, list[WageRow]] = {}
    with (DATA / RELEASE_FILES[release]).open(encoding="utf-8", newline="") as handle:
        for item in csv.DictReader(handle):
            code = item["NOC_CNP"].removeprefix("NOC_")
            province = item["prov"]
            table.setdefault(code, []).append(
                WageRow(
                    noc=code,
                    province=province,
                    region_code=item["ER_Code_Code_RE"],
                    geography=item["ER_Name"],
                    level=_level(item["ER_Code_Code_RE"], province),
                    median_hourly_cad=_number(item["Median_Wage_Salaire_Median"]),
                    source=item["Source2025_NHQ"],
                    data_source=item["Data_Source_E"],
                    reference_period=item["Reference_Period"],
                    revision_date=item["Revision_Date_Date_revision"],
                )
            )
    return table


def has_occupation(noc: str, release: str) -> bool:
    """Whether the shipped subset of the release holds this occupation."""
    return noc in wage_table(release)


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().replace("--", " ").replace("-", " ").split())


def _rows_in(noc: str, province: str, release: str) -> Iterator[WageRow]:
    wanted = JOB_BANK_PROVINCE.get(province, province)
    return (row for row in wage_table(release).get(noc, []) if row.province == wanted)


def _fallback(noc: str, province: str, release: str) -> WageRow | None:
    """The provincial figure, else the national one (ESDC's fallback for an N/A region)."""
    for row in _rows_in(noc, province, release):
        if row.level == "province" and row.median_hourly_cad is not None:
            return row
    for row in wage_table(release).get(noc, []):
        if row.level == "national" and row.median_hourly_cad is not None:
            return row
    return None


def region_names(province: str, release: str = "2025") -> list[str]:
    """The economic regions of a province as Job Bank names them (any occupation's rows)."""
    first = next(iter(wage_table(release)))
    return [
        row.geography
        for row in _rows_in(first, province, release)
        if row.level == "economic_region"
    ]


def find_region(province: str, name: str, release: str = "2025") -> str | None:
    """The Job Bank economic region a place name stands for (accents, case, dashes ignored)."""
    folded = _fold(name)
    for region in region_names(province, release):
        if _fold(region) == folded:
            return region
    return None


def median_for(noc: str, province: str, region: str | None, release: str) -> WageRow | None:
    """The row ESDC's rule uses: the region's median, else the province's, else the nation's.

    With `region` None, the province's own figure is not enough (the job's region may be higher),
    so use `possible_medians` instead.
    """
    if region is not None:
        for row in _rows_in(noc, province, release):
            if row.geography == region and row.median_hourly_cad is not None:
                return row
    return _fallback(noc, province, release)


def possible_medians(noc: str, province: str, release: str) -> list[WageRow]:
    """The row ESDC's rule would use for each economic region of the province (one per region)."""
    regions = [row for row in _rows_in(noc, province, release) if row.level == "economic_region"]
    if not regions:
        found = median_for(noc, province, None, release)
        return [found] if found is not None else []
    used = [median_for(noc, province, row.geography, release) for row in regions]
    return [row for row in used if row is not None]


@dataclass(frozen=True)
class LmiaPrecedent:
    """Positive GTS LMIAs in 2024 (quarters 2-4) for an occupation in a province."""

    noc: str
    province: str
    employers: int
    lmias: int
    positions: int


@functools.cache
def _lmia_rows() -> list[dict[str, str]]:
    with (DATA / LMIA_FILE).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def gts_precedent_2024(noc: str, province: str) -> LmiaPrecedent:
    """How many employers got positive GTS LMIAs in 2024 for this NOC 2021 code and province.

    Only quarters 2 to 4 use NOC 2021 codes (quarter 1 uses NOC 2011), so quarter 1 is left out.
    """
    name = PROVINCE_NAMES.get(province, province)
    employers: set[str] = set()
    lmias = positions = 0
    for row in _lmia_rows():
        if row["Quarter"] == "2024Q1" or row["Province/Territory"] != name:
            continue
        if row["Occupation"].split("-", 1)[0].strip() != noc:
            continue
        employers.add(row["Employer"].strip().lower())
        lmias += int(row["Approved LMIAs"] or 0)
        positions += int(row["Approved Positions"] or 0)
    return LmiaPrecedent(noc, province, len(employers), lmias, positions)
