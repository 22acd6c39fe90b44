"""Reference data shipped with canpath (NOC 2021, rounds of invitations, wages), with provenance.

See `data/SOURCES.md` for where every file comes from.
"""
