"""The visit editor: body map and site search, procedure entry, the live claim, E/M and diagnoses.

Everything goes through the capture flow; this widget only turns clicks into flow calls and
redraws from the flow after each change (the flow recodes the visit every time).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QMessageBox, QSizePolicy, QWidget

from dermcharge.anatomy.sites import describe
from dermcharge.domain.claim import ClaimLine
from dermcharge.domain.record import VisitRecord
from dermcharge.gui.body_map_regions import MapRegion
from dermcharge.gui.body_map_widget import BodyMapWidget, Marker
from dermcharge.gui.claim_panel import ClaimPanel
from dermcharge.gui.em_picker import EmPicker, diagnosis_text
from dermcharge.gui.forms.ui_visit_editor import Ui_VisitEditor
from dermcharge.gui.procedure_panel import ProcedurePanel
from dermcharge.gui.site_list_model import SiteListModel
from dermcharge.gui.visit_header import header_text
from dermcharge.gui.visit_undo import VisitHistory
from dermcharge.gui.vocabulary import kind_label
from dermcharge.services.capture_flow import CaptureFlow

if TYPE_CHECKING:
    from dermcharge.services.database import Database

FeeLookup = Callable[[ClaimLine], Decimal | None]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def fee_lookup_for(
    db: Database | None, payer: str, on: date, payer_name: str = ""
) -> FeeLookup | None:
    """Prices from services.fee_schedules.fee_schedule_for — the schedule the superbill and the
    claims export use (the demo schedule only while the practice has stored none)."""
    from dermcharge.services.fee_schedules import fee_schedule_for  # loads storage: not at start

    schedule = fee_schedule_for(db, payer, on, payer_name)
    if schedule is None:
        return None
    return lambda line: schedule.fee_for(line.cpt, line.modifiers, on=on)


class VisitEditor(QWidget):
    """One visit being captured. Asks its window to save, mark ready, sign and print."""

    ready_requested = Signal()
    sign_requested = Signal()
    amend_requested = Signal()
    print_requested = Signal()
    preview_requested = Signal()
    visit_edited = Signal()

    def __init__(
        self,
        flow: CaptureFlow,
        record: VisitRecord | None = None,
        status: str = "draft",
        fee_lookup: FeeLookup | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_VisitEditor()
        self.ui.setupUi(self)
        self.flow = flow
        self.record = record
        self.status = status
        # Buttons this user's roles do not allow: ui attribute name -> why (gui.role_limits).
        self.role_limits: dict[str, str] = {}
        visit = flow.visit
        self.fee_lookup = fee_lookup or fee_lookup_for(
            None,
            visit.payer.value,
            visit.date_of_service,
            record.primary_payer_name if record else "",
        )
        self.body_map = BodyMapWidget(self.ui.bodyMapHost)
        self.ui.bodyMapHostLayout.addWidget(self.body_map)
        self.procedure_panel = ProcedurePanel(flow, self.ui.procedureHost)
        self.ui.procedureHostLayout.addWidget(self.procedure_panel)
        self.claim_panel = ClaimPanel(self.ui, flow, self.fee_lookup, self)
        self.claim_panel.procedure_opened.connect(self._on_claim_panel_procedure_opened)
        self.claim_model = self.claim_panel.claim_model
        self.finding_model = self.claim_panel.finding_model
        self.diagnosis_model = self.claim_panel.diagnosis_model
        self.ui.procedureScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there, so its coming and going never narrows the panel and rewraps its text.
        self.ui.procedureScroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._set_up_site_search()
        self.em_picker = EmPicker(self.ui, flow, self)
        self.em_buttons = self.em_picker.em_buttons
        self._set_up_actions()
        self.ui.procedureScroll.setMinimumWidth(330)
        self.ui.mapColumn.setMinimumWidth(280)
        self.ui.claimColumn.setMinimumWidth(420)
        for column, stretch in enumerate((4, 3, 5)):
            self.ui.mainSplitter.setStretchFactor(column, stretch)
        self.ui.mainSplitter.setSizes([400, 360, 520])
        # A long region name must not widen the map column (and push the others about).
        self.ui.hoverLabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.body_map.site_clicked.connect(self._on_body_map_site_clicked)
        self.body_map.hover_changed.connect(self._on_body_map_hover_changed)
        self.ui.recordedLabel.linkActivated.connect(self._on_recorded_link_activated)
        flow.subscribe(self._on_flow_changed)
        self._on_flow_changed(flow)

    # --- set-up ----------------------------------------------------------------------------------
    def _set_up_site_search(self) -> None:
        self.site_model = SiteListModel(self)
        self.ui.siteListView.setModel(self.site_model)
        self.ui.siteSearchEdit.textEdited.connect(self.site_model.set_query)
        self.ui.siteSearchEdit.returnPressed.connect(self._on_site_search_entered)
        self.ui.siteSearchEdit.installEventFilter(self)
        self.ui.siteListView.activated.connect(self._on_site_list_activated)

    def _set_up_actions(self) -> None:
        ui = self.ui
        ui.readyButton.clicked.connect(self.ready_requested)
        ui.signButton.clicked.connect(self.sign_requested)
        ui.amendButton.clicked.connect(self.amend_requested)
        ui.amendButton.setToolTip(
            "Reopen the signed visit as a new version to change it; it must be signed again"
        )
        ui.printButton.clicked.connect(self.print_requested)
        ui.previewButton.clicked.connect(self.preview_requested)
        ui.readyButton.setToolTip("Ready for the provider's review (Ctrl+R)")
        ui.signButton.setToolTip("Sign and lock the visit (Ctrl+Shift+S)")
        ui.printButton.setToolTip("Print the superbill (Ctrl+P)")
        ui.previewButton.setToolTip("Preview the superbill (Ctrl+Shift+P)")
        # Actions, not bare shortcuts: the window puts the same actions in its menus, so each
        # key is bound once and shown beside its menu entry.
        self.editor_actions: list[QAction] = []
        self._add_action("Find a &site", "Ctrl+L", self.focus_site_search)
        done = self.procedure_panel.ui.doneButton
        self._add_action("&Next procedure", "Ctrl+Return", done.click)
        self._add_action("E/M &diagnosis", "Ctrl+E", self.ui.emDxEdit.setFocus)
        self._add_action("&Remove procedure…", "Ctrl+Delete", self.remove_current_procedure)
        self.history = VisitHistory(self.flow, self)
        self.history.let_through(self.ui.emDxEdit, self.ui.siteSearchEdit,
                                 self.procedure_panel.ui.findingEdit)  # fmt: skip
        for action in (self.history.undo_action, self.history.redo_action):
            self.addAction(action)
        self.editor_actions[:0] = [self.history.undo_action, self.history.redo_action]
        self.view_actions: list[QAction] = []
        show = self.body_map.show_view
        for number, name in enumerate(self.body_map.views, start=1):
            action = self._add_action(
                f"{name.title()} view", f"Ctrl+{number}", lambda _c=False, n=name: show(n)
            )
            self.view_actions.append(action)
            self.editor_actions.remove(action)

    def _add_action(self, text: str, keys: str, slot: Callable[..., object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        self.editor_actions.append(action)
        return action

    def remove_current_procedure(self) -> bool:
        """Ctrl+Delete asks first (a key is easily hit by mistake); Ctrl+Z brings it back."""
        index = self.flow.current
        proc = self.flow.current_procedure
        if index is None or proc is None:
            return False
        where = describe(proc.site, proc.laterality.value if proc.laterality else None,
                         proc.digit) if proc.site else "no site"  # fmt: skip
        answer = QMessageBox.question(
            self, "Remove procedure?",
            f"Remove procedure {index + 1}: {kind_label(proc.kind)} ({where})?\n\n"
            "Edit ▸ Undo (Ctrl+Z) brings it back.",
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.flow.remove_procedure(index)
        return True

    def focus_site_search(self) -> None:
        self.ui.siteSearchEdit.setFocus()
        self.ui.siteSearchEdit.selectAll()

    # --- redraw ----------------------------------------------------------------------------------
    def _on_flow_changed(self, flow: CaptureFlow) -> None:
        self._refresh_header()
        self.claim_panel.refresh()
        self._refresh_recorded()
        self.em_picker.refresh()
        site = flow.site
        if site is None:
            self.body_map.select(None, None, None)
        else:
            self.body_map.select(site.site, site.laterality, site.digit)
        self.visit_edited.emit()

    def set_status(self, status: str) -> None:
        self.status = status
        self._refresh_header()

    def _refresh_header(self) -> None:
        self.ui.patientLabel.setText(header_text(self.record, self.flow.visit))
        locked = self.status in ("signed", "billed")
        self.ui.statusLabel.setText(f"status: <b>{self.status}</b>")
        self.ui.readyButton.setEnabled(self.status == "draft")
        self.ui.signButton.setEnabled(self.status in ("draft", "ready"))
        self.ui.amendButton.setVisible(locked)
        self.ui.amendButton.setEnabled(locked)
        # A signed visit is read-only, all of it: the capture columns, the E/M row and the
        # editing shortcuts (only an amendment changes it).
        for widget in (self.ui.mainSplitter, self.ui.emDxEdit, self.ui.separateCheck,
                       *self.em_buttons.values()):  # fmt: skip
            widget.setEnabled(not locked)
        for action in self.editor_actions:
            action.setEnabled(not locked)
        if locked:
            self.history.forget()
        for name, why in self.role_limits.items():  # what this user's roles do not allow
            widget = getattr(self.ui, name)
            widget.setEnabled(False)
            widget.setToolTip(why)

    def _refresh_recorded(self) -> None:
        procs = self.flow.visit.procedures
        problems = self.flow.all_problems()
        parts = []
        markers = []
        colour = self.palette().color(QPalette.ColorRole.WindowText).name()  # light or dark theme
        for i, proc in enumerate(procs):
            mark = CIRCLED[i] if i < len(CIRCLED) else f"({i + 1})"
            where = describe(proc.site, proc.laterality.value if proc.laterality else None,
                             proc.digit) if proc.site else "no site"  # fmt: skip
            count = f" ×{proc.count}" if proc.count and proc.count > 1 else ""
            dx = proc.diagnosis
            finding = diagnosis_text(dx) if dx else "no finding"
            flag = " ✖" if i in problems else ""
            text = f"{mark} {where}: {kind_label(proc.kind)}{count} ({finding}){flag}"
            weight = "bold" if i == self.flow.current else "normal"
            parts.append(f"<a href='#proc-{i}' style='color:{colour};font-weight:{weight};"
                         f"text-decoration:none'>{text}</a>")  # fmt: skip
            if proc.site:
                markers.append(Marker(i + 1, proc.site, proc.laterality, proc.digit))
        text = " · ".join(parts) if parts else "nothing yet: pick a site, then what was done"
        self.ui.recordedLabel.setText(f"<b>Recorded:</b> {text}")
        self.body_map.set_markers(markers)

    # --- map and site search ---------------------------------------------------------------------
    def _on_body_map_site_clicked(self, region: MapRegion) -> None:
        self.flow.select_site(region.site, region.laterality, region.digit)

    def _on_body_map_hover_changed(self, label: str) -> None:
        self.ui.hoverLabel.setText(label or "Hover over the map to name a region")
        self.ui.hoverLabel.setToolTip(label)

    def _on_site_search_entered(self) -> None:
        index = self.ui.siteListView.currentIndex()
        row = index.row() if index.isValid() else 0
        if self.site_model.rowCount() > row:
            self._choose_site_row(row)

    def _on_site_list_activated(self, index: QModelIndex) -> None:
        self._choose_site_row(index.row())

    def _choose_site_row(self, row: int) -> None:
        entry = self.site_model.entry(row)
        self.flow.select_site(entry.site, entry.laterality, entry.digit)
        self.procedure_panel.ui.kindButton0.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.ui.siteSearchEdit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self.ui.siteListView.setFocus()
            self.ui.siteListView.setCurrentIndex(self.site_model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def _on_recorded_link_activated(self, link: str) -> None:
        self.flow.select_procedure(int(link.rsplit("-", 1)[1]))

    def _on_claim_panel_procedure_opened(self, _index: int) -> None:
        self.procedure_panel.ui.findingEdit.setFocus()
