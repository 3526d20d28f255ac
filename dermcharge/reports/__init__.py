"""Reports a practice runs its money on: day reconciliation, productivity, risk, payer mix and
patient estimates — pure functions over plain records (no database, no Qt, no ReportLab)."""
