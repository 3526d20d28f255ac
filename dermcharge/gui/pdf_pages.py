"""PDF pages as images, rendered by poppler's pdftoppm (Debian's poppler-utils).

Why not QtPdf: its wheel (pyside6-pdf) exists only for PySide6 6.12, whose signal-to-slot calls
leak a reference to Python's True on every call; on Python 3.11 the process aborts after a few
thousand calls ("bool_dealloc"). We pin PySide6 below 6.12 and render superbill pages here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage

TIMEOUT_SECONDS = 60


class PdfRenderError(RuntimeError):
    """The pages could not be rendered; the message says why (a missing tool, a broken PDF)."""


@dataclass(frozen=True)
class PdfPages:
    """The pages of one PDF, rendered once at `dpi`."""

    images: tuple[QImage, ...]
    dpi: int

    @property
    def count(self) -> int:
        return len(self.images)


def _bundled(name: str) -> str | None:
    """The program shipped in a PyInstaller bundle's "poppler" folder (packaging/dermcharge.spec)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is None:
        return None
    for candidate in (name, f"{name}.exe"):
        path = Path(bundle) / "poppler" / candidate
        if path.is_file():
            return str(path)
    return None


def _tool(name: str) -> str:
    path = _bundled(name) or shutil.which(name)
    if path is None:
        raise PdfRenderError(
            f"{name} is not installed: install Debian's poppler-utils (scripts/setup.sh does)"
        )
    return path


def render_pages(pdf: bytes, dpi: int = 110) -> PdfPages:
    """Every page of `pdf` as an image at `dpi` dots per inch."""
    with tempfile.TemporaryDirectory(prefix="dermcharge-pdf-") as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        try:
            subprocess.run(
                [
                    _tool("pdftoppm"),
                    "-r",
                    str(dpi),
                    "-png",
                    str(source),
                    str(Path(folder) / "page"),
                ],
                check=True,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
            )
        except subprocess.CalledProcessError as failed:
            detail = failed.stderr.decode("utf-8", "replace").strip().splitlines()
            raise PdfRenderError(
                f"the PDF could not be rendered: {detail[-1] if detail else failed}"
            ) from None
        except subprocess.TimeoutExpired:
            raise PdfRenderError("rendering the PDF took too long") from None
        pages = sorted(
            Path(folder).glob("page-*.png"), key=lambda p: int(re.findall(r"\d+", p.stem)[-1])
        )
        images = tuple(QImage(str(page)) for page in pages)
    if not images or any(image.isNull() for image in images):
        raise PdfRenderError("the PDF has no pages that could be shown")
    return PdfPages(images, dpi)
