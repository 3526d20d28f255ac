"""What every Practice ▸ Settings tab shares: one error line, and saving through a service."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from dermcharge.security.errors import SecurityError
from dermcharge.services.errors import InvalidRecord, StorageError


class ErrorLine(QLabel):
    """Red for what was refused (each problem on its own line), green for what was saved."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("errorLine")
        self.setWordWrap(True)

    def say(self, text: str, *, ok: bool = False) -> None:
        self.setStyleSheet("color: #1b5e20" if ok else "color: #b00020")
        self.setText(text)


def run_saving(error: ErrorLine, save: Callable[[], object]) -> bool:
    """Run `save`; on a refusal show why and return False (nothing was stored)."""
    try:
        save()
    except InvalidRecord as invalid:
        error.say("\n".join(invalid.problems))
        return False
    except (SecurityError, StorageError) as refused:
        error.say(str(refused))
        return False
    error.say("")
    return True
