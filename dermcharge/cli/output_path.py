"""A command's output file (`-o`): written through services.output_files, refusals as exit 2."""

from __future__ import annotations

from pathlib import Path

from dermcharge.cli.errors import EXIT_FAILURE, EXIT_USAGE, CliError
from dermcharge.services.database import resolve_database_url
from dermcharge.services.output_files import OutputRefused, write_output_file


def write_output(output: str, data: bytes, *, force: bool, db_option: str | None) -> Path:
    """Write `data` to the file named by `-o`; the database in use (--db) is never replaced."""
    try:
        return write_output_file(
            Path(output), data, force=force, database_url=resolve_database_url(db_option)
        )
    except OutputRefused as refused:
        raise CliError(f"-o {refused}", EXIT_USAGE) from None
    except OSError as error:
        raise CliError(
            f"-o {output}: cannot be written ({error.strerror or error})", EXIT_FAILURE
        ) from None
