"""Claim checks: small pure functions that find what gets a coded claim denied, and say why."""
