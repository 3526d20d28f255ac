"""Entry point of the bundled desktop program: the app, with the command line's options
(`dermcharge gui --db URL --exit-when-ready`); the console program is dermcharge/__main__.py."""

from __future__ import annotations

import sys

from dermcharge.cli.main import main

raise SystemExit(main(["gui", *sys.argv[1:]]))
