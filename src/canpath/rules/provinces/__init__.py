"""Provincial nominee streams for tech workers: Alberta, Ontario, British Columbia, Saskatchewan."""

PROGRAM_MODULES: list[str] = [
    "canpath.rules.provinces.ab.aos",
    "canpath.rules.provinces.ab.accelerated_tech",
    "canpath.rules.provinces.on.hcp_tech",
    "canpath.rules.provinces.on.employer_foreign_worker",
    "canpath.rules.provinces.on.workforce_priority",
    "canpath.rules.provinces.bc.tech",
    "canpath.rules.provinces.bc.high_economic_impact",
    "canpath.rules.provinces.sk.tech_talent",
]
DERIVER_MODULES: list[str] = [
    "canpath.rules.provinces.facts",
    "canpath.rules.provinces.ab.aos_facts",
    "canpath.rules.provinces.on.facts",
    "canpath.rules.provinces.sk.tech_talent",
]
