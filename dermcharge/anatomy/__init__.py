"""Body sites: the contract's site vocabulary mapped to every CPT site group and ICD-10-CM site axis."""
