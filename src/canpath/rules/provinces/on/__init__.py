"""Ontario Immigrant Nominee Program: Human Capital Priorities tech draws, Employer Job Offer Foreign Worker, Workforce Priority."""
