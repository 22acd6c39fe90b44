"""Provincial nominee streams for tech workers: Alberta, Ontario, British Columbia, Saskatchewan."""

PROGRAM_MODULES: list[str] = []
DERIVER_MODULES: list[str] = []
