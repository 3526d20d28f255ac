"""Fee schedules: what the practice charges for each code, by payer and date (pure core)."""
