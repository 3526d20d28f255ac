"""Menus added to the main window after it is built (Billing, Pathology, Practice, Reports,
Security) go before Help, which stays last as on every desktop."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu


def add_menu(window: QMainWindow, title: str) -> QMenu:
    bar = window.menuBar()
    help_menu = bar.findChild(QMenu, "menuHelp")
    if help_menu is None:
        return bar.addMenu(title)
    menu = QMenu(title, bar)
    bar.insertMenu(help_menu.menuAction(), menu)
    return menu
