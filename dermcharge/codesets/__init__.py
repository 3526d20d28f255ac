"""Code sets: ICD-10-CM, CPT/HCPCS, and the CMS edit tables, each chosen by the date of service."""
