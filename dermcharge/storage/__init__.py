"""Storage: the only package that imports SQLAlchemy; it maps table rows to the core's records."""
