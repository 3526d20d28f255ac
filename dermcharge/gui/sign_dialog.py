"""Sign and Amend ask first: what is still open on the claim, and why, when a reason is needed.

The rule itself (open errors block a signature unless overridden with a reason) is the services'
(`services.visits.sign`); this dialog shows the signer what that rule will see and collects the
reason, so nothing is signed unseen.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

SHOWN_AT_MOST = 8  # more than this and the list says "and N more"


def _bullets(messages: list[str]) -> str:
    shown = "".join(f"<li>{escape(m)}</li>" for m in messages[:SHOWN_AT_MOST])
    more = len(messages) - SHOWN_AT_MOST
    extra = f"<li>… and {more} more (see Findings)</li>" if more > 0 else ""
    return f"<ul style='margin:2px'>{shown}{extra}</ul>"


class ReasonedConfirmation(QDialog):
    """A question, what it concerns, a reason box and the confirming button; the button stays
    disabled while a needed reason is blank."""

    def __init__(
        self,
        title: str,
        text: str,
        confirm: str,
        *,
        needs_reason: bool,
        reason_prompt: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.text_label = QLabel(text, self)
        self.text_label.setWordWrap(True)
        layout.addWidget(self.text_label)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setAccessibleName("Reason")
        self.reason_edit.setMaximumHeight(80)
        self.reason_edit.setPlaceholderText(reason_prompt)
        self.reason_edit.setVisible(needs_reason)
        layout.addWidget(self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm_button = self.buttons.addButton(
            confirm, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setDefault(not needs_reason)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._needs_reason = needs_reason
        self.reason_edit.textChanged.connect(self._on_reason_changed)
        self._on_reason_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        # Where the person's next keys belong: the reason when one is needed, else the button.
        (self.reason_edit if self._needs_reason else self.confirm_button).setFocus()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _on_reason_changed(self) -> None:
        self.confirm_button.setEnabled(bool(self.reason()) or not self._needs_reason)


def sign_confirmation(
    errors: list[str], warnings: list[str], parent: QWidget | None = None
) -> ReasonedConfirmation:
    """ "Sign this visit?" with the open errors (which need an override reason) and warnings."""
    parts = ["<b>Sign this visit?</b> A signed visit is locked; only an amendment changes it."]
    if errors:
        parts.append(
            f"<p><b>{len(errors)} error(s) still open</b> — the claim would be wrong as it "
            f"stands. Fix them, or sign anyway and say why (the reason is kept with each "
            f"finding and in the audit log):</p>{_bullets(errors)}"
        )
    if warnings:
        parts.append(f"<p>{len(warnings)} warning(s) not yet reviewed:</p>{_bullets(warnings)}")
    if not errors and not warnings:
        parts.append("<p>Nothing is open on the claim.</p>")
    return ReasonedConfirmation(
        "Sign visit",
        "".join(parts),
        "Sign with override" if errors else "Sign",
        needs_reason=bool(errors),
        reason_prompt="Why sign with these errors?",
        parent=parent,
    )


def amend_confirmation(
    signed_by: str | None, parent: QWidget | None = None
) -> ReasonedConfirmation:
    who = f" by {escape(signed_by)}" if signed_by else ""
    return ReasonedConfirmation(
        "Amend visit",
        f"<b>Amend this visit?</b> The version signed{who} is kept as it is; the visit becomes "
        f"a draft again and must be signed again. Why is it amended?",
        "Amend",
        needs_reason=True,
        reason_prompt="e.g. pathology result received; wrong count",
        parent=parent,
    )
