"""Claims leaving the practice: plain claim records and the writers for each standard (X12 837P,
HL7 v2.5.1 DFT^P03, FHIR R4, CSV). Pure: no database, no Qt, no ReportLab."""
