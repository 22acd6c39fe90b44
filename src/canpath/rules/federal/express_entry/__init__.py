"""Express Entry: the CRS, FSW, CEC, FST and category-based selection."""

PROGRAM_MODULES = [
    "canpath.rules.federal.express_entry.fsw",
    "canpath.rules.federal.express_entry.cec",
    "canpath.rules.federal.express_entry.fst",
    "canpath.rules.federal.express_entry.categories",
]
DERIVER_MODULES = [
    "canpath.rules.federal.express_entry.derived",
    "canpath.rules.federal.express_entry.eligibility_facts",
    "canpath.rules.federal.express_entry.categories",
]
