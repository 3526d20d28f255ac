"""Immutable records shared by every layer: the visit as captured and the claim as coded."""
