"""Disable what the signed-in user's roles do not allow, with a tooltip naming who may."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from dermcharge.security.accounts import User
from dermcharge.security.roles import Action, refusal

# Visit editor buttons (ui attribute names) and the visit window's menu entries (their text).
EDITOR_BUTTONS = {
    "readyButton": Action.MARK_READY,
    "signButton": Action.SIGN,
    "amendButton": Action.AMEND,
    "printButton": Action.PRINT_EXPORT,
    "previewButton": Action.PRINT_EXPORT,
    # The capture area itself: a biller reviews a visit but does not change it.
    "mainSplitter": Action.CAPTURE,
    "emDxEdit": Action.CAPTURE,
    "separateCheck": Action.CAPTURE,
}
VISIT_MENU_ENTRIES = {
    "Mark &ready for review": Action.MARK_READY,
    "Si&gn": Action.SIGN,
    "&Amend…": Action.AMEND,
    "Pre&view superbill": Action.PRINT_EXPORT,
    "&Print superbill…": Action.PRINT_EXPORT,
    "&Save": Action.CAPTURE,
}
MAIN_WINDOW_ACTIONS = {
    "actionOpenVisit": Action.VIEW_RECORDS,
    "actionNewVisit": Action.CAPTURE,
    "actionNewPatient": Action.CAPTURE,
    "actionEditPatient": Action.CAPTURE,
    "actionPrintDay": Action.PRINT_EXPORT,
}
MAIN_WINDOW_BUTTONS = {
    "openVisitButton": Action.VIEW_RECORDS,
    "newVisitButton": Action.CAPTURE,
    "newPatientButton": Action.CAPTURE,
    "editPatientButton": Action.CAPTURE,
    "printDayButton": Action.PRINT_EXPORT,
}
_ORIGINAL_TIP = "dermcharge_original_tooltip"


def _limit(widget: QWidget | QAction, allowed: bool, action: Action) -> None:
    original = widget.property(_ORIGINAL_TIP)
    if original is None:
        original = widget.toolTip()
        widget.setProperty(_ORIGINAL_TIP, original)
    if allowed:
        widget.setToolTip(str(original))
    else:
        widget.setEnabled(False)
        widget.setToolTip(refusal(action))


def apply_to_visit_window(window: QWidget, user: User) -> None:
    """For a VisitWindow: its editor keeps the limits through every status change."""
    editor = window.editor  # type: ignore[attr-defined]
    editor.role_limits = {
        name: refusal(action) for name, action in EDITOR_BUTTONS.items() if not user.may(action)
    }
    for name, action in EDITOR_BUTTONS.items():
        _limit(getattr(editor.ui, name), user.may(action), action)
    editor.set_status(editor.status)  # re-enable what the status and the roles allow
    for entry in window.findChildren(QAction):
        action = VISIT_MENU_ENTRIES.get(entry.text())
        if action is not None:
            entry.setEnabled(user.may(action))
            _limit(entry, user.may(action), action)


def apply_to_main_window(window: QWidget, user: User) -> None:
    ui = window.ui  # type: ignore[attr-defined]
    for names in (MAIN_WINDOW_ACTIONS, MAIN_WINDOW_BUTTONS):
        for name, action in names.items():
            widget = getattr(ui, name)
            widget.setEnabled(user.may(action))
            _limit(widget, user.may(action), action)
    bar = window.statusBar()  # type: ignore[attr-defined]
    if not user.may(Action.VIEW_RECORDS) and not user.may(Action.CAPTURE):
        # Greyed buttons with no word why confuse the first-run admin: say it where they look.
        bar.showMessage(
            f"Signed in as {user.username}: visits are opened by providers, medical assistants "
            f"and billers — add their accounts in Security ▸ Users, then sign in as one of them."
        )
    else:
        bar.clearMessage()
