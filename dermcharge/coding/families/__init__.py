"""One module per CPT code family; each codes its procedures into the visit's draft."""
