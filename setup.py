"""Build hook: the wheel carries the top-level `resources/` folder as `dermcharge/resources`.

The source tree keeps one `resources/` folder beside the package (tools, tests and the
PyInstaller spec read it there); an installed copy finds it inside the package instead
(dermcharge/resource_files.py looks in both). Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = Path(__file__).resolve().parent / "resources"


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the source tree's resources/ directly
        target = Path(self.build_lib) / "dermcharge" / "resources"
        shutil.copytree(RESOURCES, target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithResources})
