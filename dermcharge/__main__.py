"""`python -m dermcharge` runs the command line."""

from dermcharge.cli.main import main

raise SystemExit(main())
