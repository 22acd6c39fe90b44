"""Work-permit routes: Global Talent Stream, CUSMA professionals, and the other routes tech workers enter by."""

PROGRAM_MODULES: list[str] = []
DERIVER_MODULES: list[str] = []
