"""The one error every CMS importer raises: which file, which line, what is wrong."""

from __future__ import annotations

from pathlib import Path


class CmsFileError(ValueError):
    """A CMS file that cannot be loaded. Nothing is written when this is raised."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.detail = message
        where = f"{self.path}, line {line}" if line is not None else str(self.path)
        super().__init__(f"{where}: {message}")
