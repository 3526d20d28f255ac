"""Superbill PDFs: the only package that imports ReportLab; plain records in, PDF bytes out."""

from dermcharge.superbill.render import ProgressCallback, render_batch, render_superbill

__all__ = ["ProgressCallback", "render_batch", "render_superbill"]
