# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_patient_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_NewPatientDialog(object):
    def setupUi(self, NewPatientDialog):
        if not NewPatientDialog.objectName():
            NewPatientDialog.setObjectName(u"NewPatientDialog")
        NewPatientDialog.resize(480, 640)
        self.dialogLayout = QVBoxLayout(NewPatientDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.patientForm = QFormLayout()
        self.patientForm.setObjectName(u"patientForm")
        self.firstNameEditCaption = QLabel(NewPatientDialog)
        self.firstNameEditCaption.setObjectName(u"firstNameEditCaption")

        self.patientForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameEditCaption)

        self.firstNameEdit = QLineEdit(NewPatientDialog)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.patientForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameEditCaption = QLabel(NewPatientDialog)
        self.lastNameEditCaption.setObjectName(u"lastNameEditCaption")

        self.patientForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameEditCaption)

        self.lastNameEdit = QLineEdit(NewPatientDialog)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.patientForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lastNameEdit)

        self.dobEditCaption = QLabel(NewPatientDialog)
        self.dobEditCaption.setObjectName(u"dobEditCaption")

        self.patientForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dobEditCaption)

        self.dobEdit = QLineEdit(NewPatientDialog)
        self.dobEdit.setObjectName(u"dobEdit")

        self.patientForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dobEdit)

        self.sexComboCaption = QLabel(NewPatientDialog)
        self.sexComboCaption.setObjectName(u"sexComboCaption")

        self.patientForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sexComboCaption)

        self.sexCombo = QComboBox(NewPatientDialog)
        self.sexCombo.setObjectName(u"sexCombo")

        self.patientForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sexCombo)

        self.accountEditCaption = QLabel(NewPatientDialog)
        self.accountEditCaption.setObjectName(u"accountEditCaption")

        self.patientForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.accountEditCaption)

        self.accountEdit = QLineEdit(NewPatientDialog)
        self.accountEdit.setObjectName(u"accountEdit")

        self.patientForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.accountEdit)

        self.phoneEditCaption = QLabel(NewPatientDialog)
        self.phoneEditCaption.setObjectName(u"phoneEditCaption")

        self.patientForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phoneEditCaption)

        self.phoneEdit = QLineEdit(NewPatientDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.patientForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.addressLine1EditCaption = QLabel(NewPatientDialog)
        self.addressLine1EditCaption.setObjectName(u"addressLine1EditCaption")

        self.patientForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.addressLine1EditCaption)

        self.addressLine1Edit = QLineEdit(NewPatientDialog)
        self.addressLine1Edit.setObjectName(u"addressLine1Edit")

        self.patientForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.addressLine1Edit)

        self.addressLine2EditCaption = QLabel(NewPatientDialog)
        self.addressLine2EditCaption.setObjectName(u"addressLine2EditCaption")

        self.patientForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.addressLine2EditCaption)

        self.addressLine2Edit = QLineEdit(NewPatientDialog)
        self.addressLine2Edit.setObjectName(u"addressLine2Edit")

        self.patientForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.addressLine2Edit)

        self.cityEditCaption = QLabel(NewPatientDialog)
        self.cityEditCaption.setObjectName(u"cityEditCaption")

        self.patientForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.cityEditCaption)

        self.cityEdit = QLineEdit(NewPatientDialog)
        self.cityEdit.setObjectName(u"cityEdit")

        self.patientForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.cityEdit)

        self.stateEditCaption = QLabel(NewPatientDialog)
        self.stateEditCaption.setObjectName(u"stateEditCaption")

        self.patientForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.stateEditCaption)

        self.stateEdit = QLineEdit(NewPatientDialog)
        self.stateEdit.setObjectName(u"stateEdit")

        self.patientForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.stateEdit)

        self.zipEditCaption = QLabel(NewPatientDialog)
        self.zipEditCaption.setObjectName(u"zipEditCaption")

        self.patientForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.zipEditCaption)

        self.zipEdit = QLineEdit(NewPatientDialog)
        self.zipEdit.setObjectName(u"zipEdit")

        self.patientForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.zipEdit)

        self.payerComboCaption = QLabel(NewPatientDialog)
        self.payerComboCaption.setObjectName(u"payerComboCaption")

        self.patientForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.payerComboCaption)

        self.payerCombo = QComboBox(NewPatientDialog)
        self.payerCombo.setObjectName(u"payerCombo")

        self.patientForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.payerCombo)

        self.payerNameEditCaption = QLabel(NewPatientDialog)
        self.payerNameEditCaption.setObjectName(u"payerNameEditCaption")

        self.patientForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.payerNameEditCaption)

        self.payerNameEdit = QLineEdit(NewPatientDialog)
        self.payerNameEdit.setObjectName(u"payerNameEdit")

        self.patientForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.payerNameEdit)

        self.memberIdEditCaption = QLabel(NewPatientDialog)
        self.memberIdEditCaption.setObjectName(u"memberIdEditCaption")

        self.patientForm.setWidget(13, QFormLayout.ItemRole.LabelRole, self.memberIdEditCaption)

        self.memberIdEdit = QLineEdit(NewPatientDialog)
        self.memberIdEdit.setObjectName(u"memberIdEdit")

        self.patientForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.memberIdEdit)

        self.secondaryPayerEditCaption = QLabel(NewPatientDialog)
        self.secondaryPayerEditCaption.setObjectName(u"secondaryPayerEditCaption")

        self.patientForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.secondaryPayerEditCaption)

        self.secondaryPayerEdit = QLineEdit(NewPatientDialog)
        self.secondaryPayerEdit.setObjectName(u"secondaryPayerEdit")

        self.patientForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.secondaryPayerEdit)

        self.secondaryMemberIdEditCaption = QLabel(NewPatientDialog)
        self.secondaryMemberIdEditCaption.setObjectName(u"secondaryMemberIdEditCaption")

        self.patientForm.setWidget(15, QFormLayout.ItemRole.LabelRole, self.secondaryMemberIdEditCaption)

        self.secondaryMemberIdEdit = QLineEdit(NewPatientDialog)
        self.secondaryMemberIdEdit.setObjectName(u"secondaryMemberIdEdit")

        self.patientForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.secondaryMemberIdEdit)

        self.providerComboCaption = QLabel(NewPatientDialog)
        self.providerComboCaption.setObjectName(u"providerComboCaption")

        self.patientForm.setWidget(16, QFormLayout.ItemRole.LabelRole, self.providerComboCaption)

        self.providerCombo = QComboBox(NewPatientDialog)
        self.providerCombo.setObjectName(u"providerCombo")

        self.patientForm.setWidget(16, QFormLayout.ItemRole.FieldRole, self.providerCombo)

        self.statusComboCaption = QLabel(NewPatientDialog)
        self.statusComboCaption.setObjectName(u"statusComboCaption")

        self.patientForm.setWidget(17, QFormLayout.ItemRole.LabelRole, self.statusComboCaption)

        self.statusCombo = QComboBox(NewPatientDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.patientForm.setWidget(17, QFormLayout.ItemRole.FieldRole, self.statusCombo)


        self.dialogLayout.addLayout(self.patientForm)

        self.problemsLabel = QLabel(NewPatientDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.problemsLabel)

        self.buttonBox = QDialogButtonBox(NewPatientDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.firstNameEditCaption.setBuddy(self.firstNameEdit)
        self.lastNameEditCaption.setBuddy(self.lastNameEdit)
        self.dobEditCaption.setBuddy(self.dobEdit)
        self.sexComboCaption.setBuddy(self.sexCombo)
        self.accountEditCaption.setBuddy(self.accountEdit)
        self.phoneEditCaption.setBuddy(self.phoneEdit)
        self.addressLine1EditCaption.setBuddy(self.addressLine1Edit)
        self.addressLine2EditCaption.setBuddy(self.addressLine2Edit)
        self.cityEditCaption.setBuddy(self.cityEdit)
        self.stateEditCaption.setBuddy(self.stateEdit)
        self.zipEditCaption.setBuddy(self.zipEdit)
        self.payerComboCaption.setBuddy(self.payerCombo)
        self.payerNameEditCaption.setBuddy(self.payerNameEdit)
        self.memberIdEditCaption.setBuddy(self.memberIdEdit)
        self.secondaryPayerEditCaption.setBuddy(self.secondaryPayerEdit)
        self.secondaryMemberIdEditCaption.setBuddy(self.secondaryMemberIdEdit)
        self.providerComboCaption.setBuddy(self.providerCombo)
        self.statusComboCaption.setBuddy(self.statusCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.dobEdit)
        QWidget.setTabOrder(self.dobEdit, self.sexCombo)
        QWidget.setTabOrder(self.sexCombo, self.accountEdit)
        QWidget.setTabOrder(self.accountEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.addressLine1Edit)
        QWidget.setTabOrder(self.addressLine1Edit, self.addressLine2Edit)
        QWidget.setTabOrder(self.addressLine2Edit, self.cityEdit)
        QWidget.setTabOrder(self.cityEdit, self.stateEdit)
        QWidget.setTabOrder(self.stateEdit, self.zipEdit)
        QWidget.setTabOrder(self.zipEdit, self.payerCombo)
        QWidget.setTabOrder(self.payerCombo, self.payerNameEdit)
        QWidget.setTabOrder(self.payerNameEdit, self.memberIdEdit)
        QWidget.setTabOrder(self.memberIdEdit, self.secondaryPayerEdit)
        QWidget.setTabOrder(self.secondaryPayerEdit, self.secondaryMemberIdEdit)
        QWidget.setTabOrder(self.secondaryMemberIdEdit, self.providerCombo)
        QWidget.setTabOrder(self.providerCombo, self.statusCombo)

        self.retranslateUi(NewPatientDialog)
    # setupUi

    def retranslateUi(self, NewPatientDialog):
        NewPatientDialog.setWindowTitle(QCoreApplication.translate("NewPatientDialog", u"New patient and visit", None))
        self.firstNameEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&First name", None))
        self.lastNameEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&Last name", None))
        self.dobEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&Date of birth", None))
        self.dobEdit.setPlaceholderText(QCoreApplication.translate("NewPatientDialog", u"MM/DD/YYYY or YYYY-MM-DD", None))
        self.sexComboCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&Sex", None))
        self.accountEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&Account number", None))
        self.phoneEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"P&hone", None))
        self.addressLine1EditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"Add&ress", None))
        self.addressLine1Edit.setPlaceholderText(QCoreApplication.translate("NewPatientDialog", u"street and number", None))
        self.addressLine2EditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"Address line 2", None))
        self.addressLine2Edit.setPlaceholderText(QCoreApplication.translate("NewPatientDialog", u"apartment, suite (optional)", None))
        self.cityEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&City", None))
        self.stateEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"S&tate", None))
        self.stateEdit.setPlaceholderText(QCoreApplication.translate("NewPatientDialog", u"two letters, e.g. OH", None))
        self.zipEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&ZIP", None))
        self.zipEdit.setPlaceholderText(QCoreApplication.translate("NewPatientDialog", u"12345 or 12345-6789", None))
        self.payerComboCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&Payer", None))
        self.payerNameEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"Payer &name", None))
        self.payerNameEdit.setPlaceholderText(QCoreApplication.translate("NewPatientDialog", u"e.g. Medicare Part B", None))
        self.memberIdEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&Member ID", None))
        self.secondaryPayerEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"Secondar&y payer", None))
        self.secondaryPayerEdit.setPlaceholderText(QCoreApplication.translate("NewPatientDialog", u"optional, e.g. AARP Medigap", None))
        self.secondaryMemberIdEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"Secondary member &ID", None))
        self.providerComboCaption.setText(QCoreApplication.translate("NewPatientDialog", u"Pro&vider", None))
        self.statusComboCaption.setText(QCoreApplication.translate("NewPatientDialog", u"Patient stat&us", None))
        self.problemsLabel.setText("")
    # retranslateUi

