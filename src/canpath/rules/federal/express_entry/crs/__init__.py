"""The Comprehensive Ranking System (CRS): core, spouse, skill transferability, additional points."""
