# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'procedure_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDoubleSpinBox,
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_ProcedurePanel(object):
    def setupUi(self, ProcedurePanel):
        if not ProcedurePanel.objectName():
            ProcedurePanel.setObjectName(u"ProcedurePanel")
        ProcedurePanel.resize(380, 640)
        self.panelLayout = QVBoxLayout(ProcedurePanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.siteTitle = QLabel(ProcedurePanel)
        self.siteTitle.setObjectName(u"siteTitle")
        self.siteTitle.setWordWrap(True)

        self.panelLayout.addWidget(self.siteTitle)

        self.siteDetail = QLabel(ProcedurePanel)
        self.siteDetail.setObjectName(u"siteDetail")
        self.siteDetail.setWordWrap(True)

        self.panelLayout.addWidget(self.siteDetail)

        self.kindBox = QGroupBox(ProcedurePanel)
        self.kindBox.setObjectName(u"kindBox")
        self.kindGrid = QGridLayout(self.kindBox)
        self.kindGrid.setObjectName(u"kindGrid")
        self.kindButton0 = QPushButton(self.kindBox)
        self.kindButton0.setObjectName(u"kindButton0")

        self.kindGrid.addWidget(self.kindButton0, 0, 0, 1, 1)

        self.kindButton1 = QPushButton(self.kindBox)
        self.kindButton1.setObjectName(u"kindButton1")

        self.kindGrid.addWidget(self.kindButton1, 0, 1, 1, 1)

        self.kindButton2 = QPushButton(self.kindBox)
        self.kindButton2.setObjectName(u"kindButton2")

        self.kindGrid.addWidget(self.kindButton2, 1, 0, 1, 1)

        self.kindButton3 = QPushButton(self.kindBox)
        self.kindButton3.setObjectName(u"kindButton3")

        self.kindGrid.addWidget(self.kindButton3, 1, 1, 1, 1)

        self.kindButton4 = QPushButton(self.kindBox)
        self.kindButton4.setObjectName(u"kindButton4")

        self.kindGrid.addWidget(self.kindButton4, 2, 0, 1, 1)

        self.kindButton5 = QPushButton(self.kindBox)
        self.kindButton5.setObjectName(u"kindButton5")

        self.kindGrid.addWidget(self.kindButton5, 2, 1, 1, 1)

        self.kindButton6 = QPushButton(self.kindBox)
        self.kindButton6.setObjectName(u"kindButton6")

        self.kindGrid.addWidget(self.kindButton6, 3, 0, 1, 1)

        self.kindButton7 = QPushButton(self.kindBox)
        self.kindButton7.setObjectName(u"kindButton7")

        self.kindGrid.addWidget(self.kindButton7, 3, 1, 1, 1)

        self.moreKindsCombo = QComboBox(self.kindBox)
        self.moreKindsCombo.setObjectName(u"moreKindsCombo")

        self.kindGrid.addWidget(self.moreKindsCombo, 4, 0, 1, 2)


        self.panelLayout.addWidget(self.kindBox)

        self.detailsBox = QGroupBox(ProcedurePanel)
        self.detailsBox.setObjectName(u"detailsBox")
        self.detailsForm = QFormLayout(self.detailsBox)
        self.detailsForm.setObjectName(u"detailsForm")
        self.kindLabelCaption = QLabel(self.detailsBox)
        self.kindLabelCaption.setObjectName(u"kindLabelCaption")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabelCaption)

        self.kindLabel = QLabel(self.detailsBox)
        self.kindLabel.setObjectName(u"kindLabel")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindLabel)

        self.countCaption = QLabel(self.detailsBox)
        self.countCaption.setObjectName(u"countCaption")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.countCaption)

        self.countSpin = QSpinBox(self.detailsBox)
        self.countSpin.setObjectName(u"countSpin")
        self.countSpin.setMinimum(0)
        self.countSpin.setMaximum(999)

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.countSpin)

        self.lesionCaption = QLabel(self.detailsBox)
        self.lesionCaption.setObjectName(u"lesionCaption")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lesionCaption)

        self.lesionRow = QHBoxLayout()
        self.lesionRow.setObjectName(u"lesionRow")
        self.lesionSpin = QDoubleSpinBox(self.detailsBox)
        self.lesionSpin.setObjectName(u"lesionSpin")
        self.lesionSpin.setDecimals(1)
        self.lesionSpin.setMaximum(999.000000000000000)

        self.lesionRow.addWidget(self.lesionSpin)

        self.lesionUnitCombo = QComboBox(self.detailsBox)
        self.lesionUnitCombo.setObjectName(u"lesionUnitCombo")

        self.lesionRow.addWidget(self.lesionUnitCombo)


        self.detailsForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.lesionRow)

        self.marginCaption = QLabel(self.detailsBox)
        self.marginCaption.setObjectName(u"marginCaption")

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.marginCaption)

        self.marginRow = QHBoxLayout()
        self.marginRow.setObjectName(u"marginRow")
        self.marginSpin = QDoubleSpinBox(self.detailsBox)
        self.marginSpin.setObjectName(u"marginSpin")
        self.marginSpin.setDecimals(1)
        self.marginSpin.setMaximum(999.000000000000000)

        self.marginRow.addWidget(self.marginSpin)

        self.marginUnitCombo = QComboBox(self.detailsBox)
        self.marginUnitCombo.setObjectName(u"marginUnitCombo")

        self.marginRow.addWidget(self.marginUnitCombo)


        self.detailsForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.marginRow)

        self.repairCaption = QLabel(self.detailsBox)
        self.repairCaption.setObjectName(u"repairCaption")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.repairCaption)

        self.repairRow = QHBoxLayout()
        self.repairRow.setObjectName(u"repairRow")
        self.repairTypeCombo = QComboBox(self.detailsBox)
        self.repairTypeCombo.setObjectName(u"repairTypeCombo")

        self.repairRow.addWidget(self.repairTypeCombo)

        self.repairLengthSpin = QDoubleSpinBox(self.detailsBox)
        self.repairLengthSpin.setObjectName(u"repairLengthSpin")
        self.repairLengthSpin.setDecimals(1)
        self.repairLengthSpin.setMaximum(99.000000000000000)

        self.repairRow.addWidget(self.repairLengthSpin)


        self.detailsForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.repairRow)

        self.lengthCaption = QLabel(self.detailsBox)
        self.lengthCaption.setObjectName(u"lengthCaption")

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lengthCaption)

        self.lengthSpin = QDoubleSpinBox(self.detailsBox)
        self.lengthSpin.setObjectName(u"lengthSpin")
        self.lengthSpin.setDecimals(1)
        self.lengthSpin.setMaximum(99.000000000000000)

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.lengthSpin)

        self.areaCaption = QLabel(self.detailsBox)
        self.areaCaption.setObjectName(u"areaCaption")

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.areaCaption)

        self.areaSpin = QDoubleSpinBox(self.detailsBox)
        self.areaSpin.setObjectName(u"areaSpin")
        self.areaSpin.setDecimals(1)
        self.areaSpin.setMaximum(9999.000000000000000)

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.areaSpin)

        self.stagesCaption = QLabel(self.detailsBox)
        self.stagesCaption.setObjectName(u"stagesCaption")

        self.detailsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.stagesCaption)

        self.stagesEdit = QLineEdit(self.detailsBox)
        self.stagesEdit.setObjectName(u"stagesEdit")

        self.detailsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.stagesEdit)

        self.modalityCaption = QLabel(self.detailsBox)
        self.modalityCaption.setObjectName(u"modalityCaption")

        self.detailsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.modalityCaption)

        self.modalityCombo = QComboBox(self.detailsBox)
        self.modalityCombo.setObjectName(u"modalityCombo")

        self.detailsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.modalityCombo)

        self.complicatedCheck = QCheckBox(self.detailsBox)
        self.complicatedCheck.setObjectName(u"complicatedCheck")

        self.detailsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.complicatedCheck)

        self.pathPendingCheck = QCheckBox(self.detailsBox)
        self.pathPendingCheck.setObjectName(u"pathPendingCheck")

        self.detailsForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.pathPendingCheck)


        self.panelLayout.addWidget(self.detailsBox)

        self.findingBox = QGroupBox(ProcedurePanel)
        self.findingBox.setObjectName(u"findingBox")
        self.findingLayout = QVBoxLayout(self.findingBox)
        self.findingLayout.setObjectName(u"findingLayout")
        self.findingLabel = QLabel(self.findingBox)
        self.findingLabel.setObjectName(u"findingLabel")
        self.findingLabel.setWordWrap(True)

        self.findingLayout.addWidget(self.findingLabel)

        self.favouritesGrid = QGridLayout()
        self.favouritesGrid.setObjectName(u"favouritesGrid")

        self.findingLayout.addLayout(self.favouritesGrid)

        self.findingEdit = QLineEdit(self.findingBox)
        self.findingEdit.setObjectName(u"findingEdit")
        self.findingEdit.setClearButtonEnabled(True)

        self.findingLayout.addWidget(self.findingEdit)


        self.panelLayout.addWidget(self.findingBox)

        self.problemsLabel = QLabel(ProcedurePanel)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.problemsLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.doneButton = QPushButton(ProcedurePanel)
        self.doneButton.setObjectName(u"doneButton")

        self.buttonRow.addWidget(self.doneButton)

        self.removeButton = QPushButton(ProcedurePanel)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonRow.addWidget(self.removeButton)


        self.panelLayout.addLayout(self.buttonRow)

        self.bottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.panelLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.countCaption.setBuddy(self.countSpin)
        self.lesionCaption.setBuddy(self.lesionSpin)
        self.marginCaption.setBuddy(self.marginSpin)
        self.repairCaption.setBuddy(self.repairTypeCombo)
        self.lengthCaption.setBuddy(self.lengthSpin)
        self.areaCaption.setBuddy(self.areaSpin)
        self.stagesCaption.setBuddy(self.stagesEdit)
        self.modalityCaption.setBuddy(self.modalityCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindButton0, self.kindButton1)
        QWidget.setTabOrder(self.kindButton1, self.kindButton2)
        QWidget.setTabOrder(self.kindButton2, self.kindButton3)
        QWidget.setTabOrder(self.kindButton3, self.kindButton4)
        QWidget.setTabOrder(self.kindButton4, self.kindButton5)
        QWidget.setTabOrder(self.kindButton5, self.kindButton6)
        QWidget.setTabOrder(self.kindButton6, self.kindButton7)
        QWidget.setTabOrder(self.kindButton7, self.moreKindsCombo)
        QWidget.setTabOrder(self.moreKindsCombo, self.countSpin)
        QWidget.setTabOrder(self.countSpin, self.lesionSpin)
        QWidget.setTabOrder(self.lesionSpin, self.lesionUnitCombo)
        QWidget.setTabOrder(self.lesionUnitCombo, self.marginSpin)
        QWidget.setTabOrder(self.marginSpin, self.marginUnitCombo)
        QWidget.setTabOrder(self.marginUnitCombo, self.repairTypeCombo)
        QWidget.setTabOrder(self.repairTypeCombo, self.repairLengthSpin)
        QWidget.setTabOrder(self.repairLengthSpin, self.lengthSpin)
        QWidget.setTabOrder(self.lengthSpin, self.areaSpin)
        QWidget.setTabOrder(self.areaSpin, self.stagesEdit)
        QWidget.setTabOrder(self.stagesEdit, self.modalityCombo)
        QWidget.setTabOrder(self.modalityCombo, self.complicatedCheck)
        QWidget.setTabOrder(self.complicatedCheck, self.pathPendingCheck)
        QWidget.setTabOrder(self.pathPendingCheck, self.findingEdit)
        QWidget.setTabOrder(self.findingEdit, self.doneButton)
        QWidget.setTabOrder(self.doneButton, self.removeButton)

        self.retranslateUi(ProcedurePanel)
    # setupUi

    def retranslateUi(self, ProcedurePanel):
        ProcedurePanel.setWindowTitle(QCoreApplication.translate("ProcedurePanel", u"Procedure", None))
        self.siteTitle.setText(QCoreApplication.translate("ProcedurePanel", u"Choose a site on the map or search for it", None))
#if QT_CONFIG(accessibility)
        self.siteTitle.setAccessibleName(QCoreApplication.translate("ProcedurePanel", u"Selected site", None))
#endif // QT_CONFIG(accessibility)
        self.siteDetail.setText("")
        self.kindBox.setTitle(QCoreApplication.translate("ProcedurePanel", u"What was done", None))
#if QT_CONFIG(tooltip)
        self.moreKindsCombo.setToolTip(QCoreApplication.translate("ProcedurePanel", u"Every other procedure kind", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.moreKindsCombo.setAccessibleName(QCoreApplication.translate("ProcedurePanel", u"More procedure kinds", None))
#endif // QT_CONFIG(accessibility)
        self.detailsBox.setTitle(QCoreApplication.translate("ProcedurePanel", u"Details", None))
        self.kindLabelCaption.setText(QCoreApplication.translate("ProcedurePanel", u"Procedure", None))
        self.kindLabel.setText(QCoreApplication.translate("ProcedurePanel", u"\u2014", None))
        self.countCaption.setText(QCoreApplication.translate("ProcedurePanel", u"&Count", None))
#if QT_CONFIG(tooltip)
        self.countSpin.setToolTip(QCoreApplication.translate("ProcedurePanel", u"How many lesions (type the number; arrows or Up/Down change it by one)", None))
#endif // QT_CONFIG(tooltip)
        self.lesionCaption.setText(QCoreApplication.translate("ProcedurePanel", u"Lesion si&ze", None))
        self.lesionSpin.setSpecialValueText(QCoreApplication.translate("ProcedurePanel", u"\u2014", None))
#if QT_CONFIG(tooltip)
        self.lesionSpin.setToolTip(QCoreApplication.translate("ProcedurePanel", u"Lesion diameter (0 = not entered)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.lesionUnitCombo.setAccessibleName(QCoreApplication.translate("ProcedurePanel", u"Lesion size unit", None))
#endif // QT_CONFIG(accessibility)
        self.marginCaption.setText(QCoreApplication.translate("ProcedurePanel", u"Mar&gin", None))
#if QT_CONFIG(tooltip)
        self.marginSpin.setToolTip(QCoreApplication.translate("ProcedurePanel", u"Narrowest margin taken around the lesion", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.marginUnitCombo.setAccessibleName(QCoreApplication.translate("ProcedurePanel", u"Margin unit", None))
#endif // QT_CONFIG(accessibility)
        self.repairCaption.setText(QCoreApplication.translate("ProcedurePanel", u"&Repair", None))
#if QT_CONFIG(accessibility)
        self.repairTypeCombo.setAccessibleName(QCoreApplication.translate("ProcedurePanel", u"Repair type", None))
#endif // QT_CONFIG(accessibility)
        self.repairLengthSpin.setSuffix(QCoreApplication.translate("ProcedurePanel", u" cm", None))
#if QT_CONFIG(tooltip)
        self.repairLengthSpin.setToolTip(QCoreApplication.translate("ProcedurePanel", u"Repair length in cm", None))
#endif // QT_CONFIG(tooltip)
        self.lengthCaption.setText(QCoreApplication.translate("ProcedurePanel", u"&Length", None))
        self.lengthSpin.setSuffix(QCoreApplication.translate("ProcedurePanel", u" cm", None))
        self.areaCaption.setText(QCoreApplication.translate("ProcedurePanel", u"&Area", None))
        self.areaSpin.setSuffix(QCoreApplication.translate("ProcedurePanel", u" cm\u00b2", None))
        self.stagesCaption.setText(QCoreApplication.translate("ProcedurePanel", u"Stage&s", None))
        self.stagesEdit.setPlaceholderText(QCoreApplication.translate("ProcedurePanel", u"blocks per stage, e.g. 6, 3, 2", None))
        self.modalityCaption.setText(QCoreApplication.translate("ProcedurePanel", u"M&odality", None))
        self.complicatedCheck.setText(QCoreApplication.translate("ProcedurePanel", u"Complicated", None))
        self.pathPendingCheck.setText(QCoreApplication.translate("ProcedurePanel", u"Pathology pending", None))
#if QT_CONFIG(tooltip)
        self.pathPendingCheck.setToolTip(QCoreApplication.translate("ProcedurePanel", u"Sent for pathology: coded D49.2 until the result is back", None))
#endif // QT_CONFIG(tooltip)
        self.findingBox.setTitle(QCoreApplication.translate("ProcedurePanel", u"Finding", None))
        self.findingLabel.setText(QCoreApplication.translate("ProcedurePanel", u"\u2014", None))
        self.findingEdit.setPlaceholderText(QCoreApplication.translate("ProcedurePanel", u"Type a finding or an ICD-10-CM code\u2026", None))
#if QT_CONFIG(accessibility)
        self.findingEdit.setAccessibleName(QCoreApplication.translate("ProcedurePanel", u"Finding search", None))
#endif // QT_CONFIG(accessibility)
        self.problemsLabel.setText("")
        self.doneButton.setText(QCoreApplication.translate("ProcedurePanel", u"&Next procedure", None))
        self.removeButton.setText(QCoreApplication.translate("ProcedurePanel", u"Remove", None))
    # retranslateUi

