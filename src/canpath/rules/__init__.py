"""Rules: one module per legal unit, mirroring params/data. Pure functions over columns."""

DERIVER_MODULES = ["canpath.rules.common_facts"]
