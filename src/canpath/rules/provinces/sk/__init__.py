"""Saskatchewan Immigrant Nominee Program: the (Innovation and) Tech Talent Pathway."""
