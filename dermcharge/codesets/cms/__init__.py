"""Importers for the official CMS edit files (NCCI PTP, MUE, add-on codes, PFS RVUs) and the store.

Pure: standard library only. `active_tables(on)` gives the tables in force on a date of service,
imported where loaded, else the curated dermatology subset shipped with the app.
"""
