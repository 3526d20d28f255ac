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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_NewPatientDialog(object):
    def setupUi(self, NewPatientDialog):
        if not NewPatientDialog.objectName():
            NewPatientDialog.setObjectName(u"NewPatientDialog")
        NewPatientDialog.resize(440, 420)
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

        self.dobEdit = QDateEdit(NewPatientDialog)
        self.dobEdit.setObjectName(u"dobEdit")
        self.dobEdit.setCalendarPopup(True)

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

        self.payerComboCaption = QLabel(NewPatientDialog)
        self.payerComboCaption.setObjectName(u"payerComboCaption")

        self.patientForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.payerComboCaption)

        self.payerCombo = QComboBox(NewPatientDialog)
        self.payerCombo.setObjectName(u"payerCombo")

        self.patientForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.payerCombo)

        self.payerNameEditCaption = QLabel(NewPatientDialog)
        self.payerNameEditCaption.setObjectName(u"payerNameEditCaption")

        self.patientForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.payerNameEditCaption)

        self.payerNameEdit = QLineEdit(NewPatientDialog)
        self.payerNameEdit.setObjectName(u"payerNameEdit")

        self.patientForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.payerNameEdit)

        self.memberIdEditCaption = QLabel(NewPatientDialog)
        self.memberIdEditCaption.setObjectName(u"memberIdEditCaption")

        self.patientForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.memberIdEditCaption)

        self.memberIdEdit = QLineEdit(NewPatientDialog)
        self.memberIdEdit.setObjectName(u"memberIdEdit")

        self.patientForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.memberIdEdit)

        self.providerComboCaption = QLabel(NewPatientDialog)
        self.providerComboCaption.setObjectName(u"providerComboCaption")

        self.patientForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.providerComboCaption)

        self.providerCombo = QComboBox(NewPatientDialog)
        self.providerCombo.setObjectName(u"providerCombo")

        self.patientForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.providerCombo)

        self.statusComboCaption = QLabel(NewPatientDialog)
        self.statusComboCaption.setObjectName(u"statusComboCaption")

        self.patientForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.statusComboCaption)

        self.statusCombo = QComboBox(NewPatientDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.patientForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.statusCombo)


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
        self.payerComboCaption.setBuddy(self.payerCombo)
        self.payerNameEditCaption.setBuddy(self.payerNameEdit)
        self.memberIdEditCaption.setBuddy(self.memberIdEdit)
        self.providerComboCaption.setBuddy(self.providerCombo)
        self.statusComboCaption.setBuddy(self.statusCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewPatientDialog)
    # setupUi

    def retranslateUi(self, NewPatientDialog):
        NewPatientDialog.setWindowTitle(QCoreApplication.translate("NewPatientDialog", u"New patient and visit", None))
        self.firstNameEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&First name", None))
        self.lastNameEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&Last name", None))
        self.dobEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&Date of birth", None))
        self.dobEdit.setDisplayFormat(QCoreApplication.translate("NewPatientDialog", u"yyyy-MM-dd", None))
        self.sexComboCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&Sex", None))
        self.accountEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&Account number", None))
        self.phoneEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"P&hone", None))
        self.payerComboCaption.setText(QCoreApplication.translate("NewPatientDialog", u"Pa&yer kind", None))
        self.payerNameEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"Payer &name", None))
        self.memberIdEditCaption.setText(QCoreApplication.translate("NewPatientDialog", u"&Member ID", None))
        self.providerComboCaption.setText(QCoreApplication.translate("NewPatientDialog", u"P&rovider", None))
        self.statusComboCaption.setText(QCoreApplication.translate("NewPatientDialog", u"Patient s&tatus", None))
        self.problemsLabel.setText("")
    # retranslateUi

