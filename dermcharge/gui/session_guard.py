"""Automatic logoff and switch user: after the idle time every window hides behind the sign-in.

Nothing is closed, so unsaved edits survive: each visit window is parked under the user who
opened it and comes back when that user signs in again. A visit window keeps a backend bound to
its owner, so a pending autosave of a parked window is saved (and audited) as its owner, never
as whoever signs in next. Another user signing in gets the main window and their own parked
windows only.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from dermcharge.gui.login_dialog import LoginDialog
from dermcharge.gui.role_limits import apply_to_main_window, apply_to_visit_window
from dermcharge.gui.secure_backend import SecureBackend
from dermcharge.security.accounts import User
from dermcharge.services import users

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class SessionGuard(QObject):
    locked = Signal()
    unlocked = Signal(object)  # the User now signed in
    user_changed = Signal(object)  # the User, after a switch to someone else

    def __init__(self, backend: SecureBackend, main_window: QWidget, idle_ms: int) -> None:
        super().__init__(main_window)
        self.backend = backend
        self.main_window = main_window
        self.is_locked = False
        self.login_dialog: LoginDialog | None = None
        self.parked: dict[str, list[QWidget]] = {}
        self._owners: dict[int, str] = {}
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self.lock)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        main_window.visit_window_opened.connect(self._on_visit_window_opened)  # type: ignore[attr-defined]
        self._apply_user(backend.user)
        self._idle.start()

    @property
    def user(self) -> User:
        return self.backend.user

    def set_idle_ms(self, idle_ms: int) -> None:
        self._idle.setInterval(idle_ms)
        if not self.is_locked:
            self._idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.is_locked and event.type() in ACTIVITY:
            self._idle.start()  # any input restarts the count
        return False

    def _on_visit_window_opened(self, window: QWidget) -> None:
        owned = copy.copy(self.backend)  # this window saves as the user who opened it
        owned.set_user(self.backend.user)
        window.backend = owned  # type: ignore[attr-defined]
        key = id(window)
        self._owners[key] = self.backend.user.username
        window.destroyed.connect(lambda _o=None: self._owners.pop(key, None))
        apply_to_visit_window(window, self.backend.user)

    def _apply_user(self, user: User) -> None:
        self.backend.set_user(user)
        label = getattr(self.main_window, "user_label", None)
        if label is not None:
            label.setText(f"User: {user.label}")
        apply_to_main_window(self.main_window, user)

    # --- locking ---------------------------------------------------------------------------------
    def lock(self, message: str = "", *, cancellable: bool = False) -> None:
        """Hide every window behind the sign-in; nothing closes, nothing is lost."""
        if self.is_locked:
            return
        self.is_locked = True
        self._idle.stop()
        who = self.backend.user.username
        self.login_dialog = LoginDialog(
            self._authenticate,
            message=message or f"dermcharge is locked. Sign in again as {who}, or as someone else.",
            username=who,
            cancel_as=self.backend.user if cancellable else None,
        )
        self.login_dialog.accepted.connect(self._on_signed_in)
        self.login_dialog.rejected.connect(self._on_quit)
        self.login_dialog.show()  # before hiding the rest: the app always has a visible window
        for window in QApplication.topLevelWidgets():
            if window is self.login_dialog or not window.isVisible():
                continue
            if window is not self.main_window:
                owner = self._owners.get(id(window), who)
                self.parked.setdefault(owner, []).append(window)
            window.hide()
        self.locked.emit()

    def switch_user(self) -> None:
        self.lock("Switch user: sign in as the next person. Open visits stay with their owner.",
                  cancellable=True)  # fmt: skip

    def _authenticate(self, username: str, password: str) -> User:
        return users.verify_login(self.backend.db, username, password)

    def _on_signed_in(self) -> None:
        assert self.login_dialog is not None and self.login_dialog.user is not None
        user = self.login_dialog.user
        previous = self.backend.user.username
        self.login_dialog.deleteLater()
        self.login_dialog = None
        self._apply_user(user)
        self.main_window.show()
        for window in self.parked.pop(user.username, []):
            window.show()
        self.is_locked = False
        self._idle.start()
        if user.username != previous:
            self.user_changed.emit(user)
        self.unlocked.emit(user)

    def quit_app(self) -> None:
        self._on_quit()

    def _on_quit(self) -> None:
        # Quit from the lock screen: visit windows close through their own close handling
        # (which saves what is unsaved, as their owner).
        for windows in self.parked.values():
            for window in windows:
                window.close()
        self.main_window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()
