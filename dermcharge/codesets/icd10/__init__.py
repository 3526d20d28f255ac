"""ICD-10-CM: which codes exist and are billable, by release, and how to find one fast."""
