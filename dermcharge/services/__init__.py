"""Use cases shared by the CLI, the GUI and tests: open, capture, code, sign, print, back up."""
