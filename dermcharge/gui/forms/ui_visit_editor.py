# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'visit_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListView,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_VisitEditor(object):
    def setupUi(self, VisitEditor):
        if not VisitEditor.objectName():
            VisitEditor.setObjectName(u"VisitEditor")
        VisitEditor.resize(1280, 760)
        self.editorLayout = QVBoxLayout(VisitEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.headerRow = QHBoxLayout()
        self.headerRow.setObjectName(u"headerRow")
        self.patientLabel = QLabel(VisitEditor)
        self.patientLabel.setObjectName(u"patientLabel")
        self.patientLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerRow.addWidget(self.patientLabel)

        self.headerSpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerRow.addItem(self.headerSpacer)

        self.statusLabel = QLabel(VisitEditor)
        self.statusLabel.setObjectName(u"statusLabel")

        self.headerRow.addWidget(self.statusLabel)

        self.readyButton = QPushButton(VisitEditor)
        self.readyButton.setObjectName(u"readyButton")

        self.headerRow.addWidget(self.readyButton)

        self.signButton = QPushButton(VisitEditor)
        self.signButton.setObjectName(u"signButton")

        self.headerRow.addWidget(self.signButton)

        self.amendButton = QPushButton(VisitEditor)
        self.amendButton.setObjectName(u"amendButton")

        self.headerRow.addWidget(self.amendButton)

        self.previewButton = QPushButton(VisitEditor)
        self.previewButton.setObjectName(u"previewButton")

        self.headerRow.addWidget(self.previewButton)

        self.printButton = QPushButton(VisitEditor)
        self.printButton.setObjectName(u"printButton")

        self.headerRow.addWidget(self.printButton)


        self.editorLayout.addLayout(self.headerRow)

        self.mainSplitter = QSplitter(VisitEditor)
        self.mainSplitter.setObjectName(u"mainSplitter")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.mainSplitter.sizePolicy().hasHeightForWidth())
        self.mainSplitter.setSizePolicy(sizePolicy)
        self.mainSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.mainSplitter.setChildrenCollapsible(False)
        self.mapColumn = QWidget(self.mainSplitter)
        self.mapColumn.setObjectName(u"mapColumn")
        self.mapLayout = QVBoxLayout(self.mapColumn)
        self.mapLayout.setObjectName(u"mapLayout")
        self.mapLayout.setContentsMargins(0, 0, 0, 0)
        self.bodyMapHost = QWidget(self.mapColumn)
        self.bodyMapHost.setObjectName(u"bodyMapHost")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(3)
        sizePolicy1.setHeightForWidth(self.bodyMapHost.sizePolicy().hasHeightForWidth())
        self.bodyMapHost.setSizePolicy(sizePolicy1)
        self.bodyMapHostLayout = QVBoxLayout(self.bodyMapHost)
        self.bodyMapHostLayout.setObjectName(u"bodyMapHostLayout")
        self.bodyMapHostLayout.setContentsMargins(0, 0, 0, 0)

        self.mapLayout.addWidget(self.bodyMapHost)

        self.hoverLabel = QLabel(self.mapColumn)
        self.hoverLabel.setObjectName(u"hoverLabel")

        self.mapLayout.addWidget(self.hoverLabel)

        self.siteSearchEdit = QLineEdit(self.mapColumn)
        self.siteSearchEdit.setObjectName(u"siteSearchEdit")
        self.siteSearchEdit.setClearButtonEnabled(True)

        self.mapLayout.addWidget(self.siteSearchEdit)

        self.siteListView = QListView(self.mapColumn)
        self.siteListView.setObjectName(u"siteListView")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(1)
        sizePolicy2.setHeightForWidth(self.siteListView.sizePolicy().hasHeightForWidth())
        self.siteListView.setSizePolicy(sizePolicy2)
        self.siteListView.setMaximumSize(QSize(16777215, 120))

        self.mapLayout.addWidget(self.siteListView)

        self.mainSplitter.addWidget(self.mapColumn)
        self.procedureScroll = QScrollArea(self.mainSplitter)
        self.procedureScroll.setObjectName(u"procedureScroll")
        self.procedureScroll.setWidgetResizable(True)
        self.procedureScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.procedureHost = QWidget()
        self.procedureHost.setObjectName(u"procedureHost")
        self.procedureHostLayout = QVBoxLayout(self.procedureHost)
        self.procedureHostLayout.setObjectName(u"procedureHostLayout")
        self.procedureHostLayout.setContentsMargins(0, 0, 0, 0)
        self.procedureScroll.setWidget(self.procedureHost)
        self.mainSplitter.addWidget(self.procedureScroll)
        self.claimColumn = QWidget(self.mainSplitter)
        self.claimColumn.setObjectName(u"claimColumn")
        self.claimLayout = QVBoxLayout(self.claimColumn)
        self.claimLayout.setObjectName(u"claimLayout")
        self.claimLayout.setContentsMargins(0, 0, 0, 0)
        self.claimTitleRow = QHBoxLayout()
        self.claimTitleRow.setObjectName(u"claimTitleRow")
        self.claimTitle = QLabel(self.claimColumn)
        self.claimTitle.setObjectName(u"claimTitle")

        self.claimTitleRow.addWidget(self.claimTitle)

        self.cleanLabel = QLabel(self.claimColumn)
        self.cleanLabel.setObjectName(u"cleanLabel")
        self.cleanLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.claimTitleRow.addWidget(self.cleanLabel)


        self.claimLayout.addLayout(self.claimTitleRow)

        self.claimLinesView = QTableView(self.claimColumn)
        self.claimLinesView.setObjectName(u"claimLinesView")
        sizePolicy1.setHeightForWidth(self.claimLinesView.sizePolicy().hasHeightForWidth())
        self.claimLinesView.setSizePolicy(sizePolicy1)

        self.claimLayout.addWidget(self.claimLinesView)

        self.notBilledTitle = QLabel(self.claimColumn)
        self.notBilledTitle.setObjectName(u"notBilledTitle")

        self.claimLayout.addWidget(self.notBilledTitle)

        self.notBilledView = QTableView(self.claimColumn)
        self.notBilledView.setObjectName(u"notBilledView")
        sizePolicy.setHeightForWidth(self.notBilledView.sizePolicy().hasHeightForWidth())
        self.notBilledView.setSizePolicy(sizePolicy)

        self.claimLayout.addWidget(self.notBilledView)

        self.findingsTitle = QLabel(self.claimColumn)
        self.findingsTitle.setObjectName(u"findingsTitle")

        self.claimLayout.addWidget(self.findingsTitle)

        self.findingsView = QTableView(self.claimColumn)
        self.findingsView.setObjectName(u"findingsView")
        sizePolicy3 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy3.setHorizontalStretch(0)
        sizePolicy3.setVerticalStretch(2)
        sizePolicy3.setHeightForWidth(self.findingsView.sizePolicy().hasHeightForWidth())
        self.findingsView.setSizePolicy(sizePolicy3)

        self.claimLayout.addWidget(self.findingsView)

        self.findingActionRow = QHBoxLayout()
        self.findingActionRow.setObjectName(u"findingActionRow")
        self.addModifierButton = QPushButton(self.claimColumn)
        self.addModifierButton.setObjectName(u"addModifierButton")

        self.findingActionRow.addWidget(self.addModifierButton)

        self.symptomaticButton = QPushButton(self.claimColumn)
        self.symptomaticButton.setObjectName(u"symptomaticButton")

        self.findingActionRow.addWidget(self.symptomaticButton)

        self.abnButton = QPushButton(self.claimColumn)
        self.abnButton.setObjectName(u"abnButton")

        self.findingActionRow.addWidget(self.abnButton)


        self.claimLayout.addLayout(self.findingActionRow)

        self.diagnosesHeader = QHBoxLayout()
        self.diagnosesHeader.setObjectName(u"diagnosesHeader")
        self.diagnosesTitle = QLabel(self.claimColumn)
        self.diagnosesTitle.setObjectName(u"diagnosesTitle")

        self.diagnosesHeader.addWidget(self.diagnosesTitle)

        self.diagnosesHeaderSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.diagnosesHeader.addItem(self.diagnosesHeaderSpacer)

        self.dxUpButton = QPushButton(self.claimColumn)
        self.dxUpButton.setObjectName(u"dxUpButton")

        self.diagnosesHeader.addWidget(self.dxUpButton)

        self.dxDownButton = QPushButton(self.claimColumn)
        self.dxDownButton.setObjectName(u"dxDownButton")

        self.diagnosesHeader.addWidget(self.dxDownButton)

        self.dxResetButton = QPushButton(self.claimColumn)
        self.dxResetButton.setObjectName(u"dxResetButton")

        self.diagnosesHeader.addWidget(self.dxResetButton)


        self.claimLayout.addLayout(self.diagnosesHeader)

        self.diagnosesView = QTableView(self.claimColumn)
        self.diagnosesView.setObjectName(u"diagnosesView")
        sizePolicy3.setHeightForWidth(self.diagnosesView.sizePolicy().hasHeightForWidth())
        self.diagnosesView.setSizePolicy(sizePolicy3)

        self.claimLayout.addWidget(self.diagnosesView)

        self.mainSplitter.addWidget(self.claimColumn)

        self.editorLayout.addWidget(self.mainSplitter)

        self.recordedLabel = QLabel(VisitEditor)
        self.recordedLabel.setObjectName(u"recordedLabel")
        sizePolicy4 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy4.setHorizontalStretch(0)
        sizePolicy4.setVerticalStretch(0)
        sizePolicy4.setHeightForWidth(self.recordedLabel.sizePolicy().hasHeightForWidth())
        self.recordedLabel.setSizePolicy(sizePolicy4)
        self.recordedLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.recordedLabel)

        self.emRow = QHBoxLayout()
        self.emRow.setObjectName(u"emRow")
        self.emCaption = QLabel(VisitEditor)
        self.emCaption.setObjectName(u"emCaption")

        self.emRow.addWidget(self.emCaption)

        self.emButtonsLayout = QHBoxLayout()
        self.emButtonsLayout.setObjectName(u"emButtonsLayout")

        self.emRow.addLayout(self.emButtonsLayout)

        self.separateCheck = QCheckBox(VisitEditor)
        self.separateCheck.setObjectName(u"separateCheck")
        self.separateCheck.setChecked(True)

        self.emRow.addWidget(self.separateCheck)

        self.emDxCaption = QLabel(VisitEditor)
        self.emDxCaption.setObjectName(u"emDxCaption")

        self.emRow.addWidget(self.emDxCaption)

        self.emDxEdit = QLineEdit(VisitEditor)
        self.emDxEdit.setObjectName(u"emDxEdit")
        self.emDxEdit.setClearButtonEnabled(True)

        self.emRow.addWidget(self.emDxEdit)

        self.emDxLabel = QLabel(VisitEditor)
        self.emDxLabel.setObjectName(u"emDxLabel")

        self.emRow.addWidget(self.emDxLabel)


        self.editorLayout.addLayout(self.emRow)

#if QT_CONFIG(shortcut)
        self.emDxCaption.setBuddy(self.emDxEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.siteSearchEdit, self.siteListView)
        QWidget.setTabOrder(self.siteListView, self.claimLinesView)
        QWidget.setTabOrder(self.claimLinesView, self.notBilledView)
        QWidget.setTabOrder(self.notBilledView, self.findingsView)
        QWidget.setTabOrder(self.findingsView, self.addModifierButton)
        QWidget.setTabOrder(self.addModifierButton, self.symptomaticButton)
        QWidget.setTabOrder(self.symptomaticButton, self.abnButton)
        QWidget.setTabOrder(self.abnButton, self.diagnosesView)
        QWidget.setTabOrder(self.diagnosesView, self.dxUpButton)
        QWidget.setTabOrder(self.dxUpButton, self.dxDownButton)
        QWidget.setTabOrder(self.dxDownButton, self.dxResetButton)
        QWidget.setTabOrder(self.dxResetButton, self.separateCheck)
        QWidget.setTabOrder(self.separateCheck, self.emDxEdit)
        QWidget.setTabOrder(self.emDxEdit, self.readyButton)
        QWidget.setTabOrder(self.readyButton, self.signButton)
        QWidget.setTabOrder(self.signButton, self.previewButton)
        QWidget.setTabOrder(self.previewButton, self.printButton)

        self.retranslateUi(VisitEditor)
    # setupUi

    def retranslateUi(self, VisitEditor):
        VisitEditor.setWindowTitle(QCoreApplication.translate("VisitEditor", u"Visit", None))
        self.patientLabel.setText(QCoreApplication.translate("VisitEditor", u"Patient", None))
        self.statusLabel.setText(QCoreApplication.translate("VisitEditor", u"Draft", None))
        self.readyButton.setText(QCoreApplication.translate("VisitEditor", u"Mark ready", None))
        self.signButton.setText(QCoreApplication.translate("VisitEditor", u"Sign", None))
        self.amendButton.setText(QCoreApplication.translate("VisitEditor", u"Amend\u2026", None))
        self.previewButton.setText(QCoreApplication.translate("VisitEditor", u"Preview", None))
        self.printButton.setText(QCoreApplication.translate("VisitEditor", u"Print\u2026", None))
        self.hoverLabel.setText(QCoreApplication.translate("VisitEditor", u"Hover over the map to name a region", None))
        self.siteSearchEdit.setPlaceholderText(QCoreApplication.translate("VisitEditor", u"Find a site: \u201cl nas ala\u201d, \u201cr forea\u201d (Ctrl+L)", None))
#if QT_CONFIG(accessibility)
        self.siteSearchEdit.setAccessibleName(QCoreApplication.translate("VisitEditor", u"Site search", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.siteListView.setAccessibleName(QCoreApplication.translate("VisitEditor", u"Matching sites", None))
#endif // QT_CONFIG(accessibility)
        self.claimTitle.setText(QCoreApplication.translate("VisitEditor", u"<b>Claim</b>", None))
        self.cleanLabel.setText("")
#if QT_CONFIG(accessibility)
        self.claimLinesView.setAccessibleName(QCoreApplication.translate("VisitEditor", u"Claim lines", None))
#endif // QT_CONFIG(accessibility)
        self.notBilledTitle.setText(QCoreApplication.translate("VisitEditor", u"<b>Not billed</b>", None))
#if QT_CONFIG(accessibility)
        self.notBilledView.setAccessibleName(QCoreApplication.translate("VisitEditor", u"Codes not billed", None))
#endif // QT_CONFIG(accessibility)
        self.findingsTitle.setText(QCoreApplication.translate("VisitEditor", u"<b>Findings</b>", None))
#if QT_CONFIG(accessibility)
        self.findingsView.setAccessibleName(QCoreApplication.translate("VisitEditor", u"Findings", None))
#endif // QT_CONFIG(accessibility)
        self.addModifierButton.setText(QCoreApplication.translate("VisitEditor", u"Separate lesion (add 59/XS)", None))
        self.symptomaticButton.setText(QCoreApplication.translate("VisitEditor", u"Mark symptomatic", None))
        self.abnButton.setText(QCoreApplication.translate("VisitEditor", u"Record ABN", None))
        self.diagnosesTitle.setText(QCoreApplication.translate("VisitEditor", u"<b>Diagnoses</b>", None))
        self.dxUpButton.setText(QCoreApplication.translate("VisitEditor", u"Move up", None))
#if QT_CONFIG(accessibility)
        self.dxUpButton.setAccessibleName(QCoreApplication.translate("VisitEditor", u"Move the selected diagnosis up the A to L list", None))
#endif // QT_CONFIG(accessibility)
        self.dxDownButton.setText(QCoreApplication.translate("VisitEditor", u"Move down", None))
#if QT_CONFIG(accessibility)
        self.dxDownButton.setAccessibleName(QCoreApplication.translate("VisitEditor", u"Move the selected diagnosis down the A to L list", None))
#endif // QT_CONFIG(accessibility)
        self.dxResetButton.setText(QCoreApplication.translate("VisitEditor", u"Order of use", None))
#if QT_CONFIG(accessibility)
        self.dxResetButton.setAccessibleName(QCoreApplication.translate("VisitEditor", u"Put the diagnoses back in the order the claim lines use them", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.diagnosesView.setAccessibleName(QCoreApplication.translate("VisitEditor", u"Diagnoses A to L", None))
#endif // QT_CONFIG(accessibility)
        self.recordedLabel.setText(QCoreApplication.translate("VisitEditor", u"Recorded: nothing yet", None))
        self.emCaption.setText(QCoreApplication.translate("VisitEditor", u"<b>E/M</b>", None))
        self.separateCheck.setText(QCoreApplication.translate("VisitEditor", u"Separately &identifiable", None))
#if QT_CONFIG(tooltip)
        self.separateCheck.setToolTip(QCoreApplication.translate("VisitEditor", u"A significant, separately identifiable E/M beyond the procedures' own evaluation (modifier 25)", None))
#endif // QT_CONFIG(tooltip)
        self.emDxCaption.setText(QCoreApplication.translate("VisitEditor", u"E/M &Dx", None))
        self.emDxEdit.setPlaceholderText(QCoreApplication.translate("VisitEditor", u"what the E/M managed: psoriasis, L40.0 \u2026 \u23ce", None))
        self.emDxLabel.setText("")
    # retranslateUi

