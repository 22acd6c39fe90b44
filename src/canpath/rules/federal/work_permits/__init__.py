"""Work-permit routes: Global Talent Stream, CUSMA professionals, and the other routes tech workers enter by."""

PROGRAM_MODULES: list[str] = [
    "canpath.rules.federal.work_permits.gts_category_a",
    "canpath.rules.federal.work_permits.gts_category_b",
    "canpath.rules.federal.work_permits.cusma",
    "canpath.rules.federal.work_permits.ict",
    "canpath.rules.federal.work_permits.pgwp",
    "canpath.rules.federal.work_permits.iec",
    "canpath.rules.federal.work_permits.spousal",
    "canpath.rules.federal.work_permits.gss",
    "canpath.rules.federal.work_permits.h1b",
]
DERIVER_MODULES: list[str] = ["canpath.rules.federal.work_permits.derived"]
