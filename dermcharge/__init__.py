"""dermcharge: dermatology charge capture — from body sites and procedures to a checked claim."""

__version__ = "0.1.0"
