# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QMainWindow,
    QMenu, QMenuBar, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QStatusBar,
    QTableView, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        self.actionOpenVisit = QAction(MainWindow)
        self.actionOpenVisit.setObjectName(u"actionOpenVisit")
        self.actionNewVisit = QAction(MainWindow)
        self.actionNewVisit.setObjectName(u"actionNewVisit")
        self.actionNewPatient = QAction(MainWindow)
        self.actionNewPatient.setObjectName(u"actionNewPatient")
        self.actionPrintDay = QAction(MainWindow)
        self.actionPrintDay.setObjectName(u"actionPrintDay")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionToday = QAction(MainWindow)
        self.actionToday.setObjectName(u"actionToday")
        self.actionFindPatient = QAction(MainWindow)
        self.actionFindPatient.setObjectName(u"actionFindPatient")
        self.actionRefresh = QAction(MainWindow)
        self.actionRefresh.setObjectName(u"actionRefresh")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QVBoxLayout(self.centralWidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.dateCaption = QLabel(self.centralWidget)
        self.dateCaption.setObjectName(u"dateCaption")

        self.filterRow.addWidget(self.dateCaption)

        self.dateEdit = QDateEdit(self.centralWidget)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.filterRow.addWidget(self.dateEdit)

        self.todayButton = QPushButton(self.centralWidget)
        self.todayButton.setObjectName(u"todayButton")

        self.filterRow.addWidget(self.todayButton)

        self.providerCaption = QLabel(self.centralWidget)
        self.providerCaption.setObjectName(u"providerCaption")

        self.filterRow.addWidget(self.providerCaption)

        self.providerCombo = QComboBox(self.centralWidget)
        self.providerCombo.setObjectName(u"providerCombo")
        self.providerCombo.setMinimumContentsLength(16)

        self.filterRow.addWidget(self.providerCombo)

        self.statusCaption = QLabel(self.centralWidget)
        self.statusCaption.setObjectName(u"statusCaption")

        self.filterRow.addWidget(self.statusCaption)

        self.statusCombo = QComboBox(self.centralWidget)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterRow.addWidget(self.statusCombo)

        self.filterSpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.filterSpacer)

        self.patientSearchEdit = QLineEdit(self.centralWidget)
        self.patientSearchEdit.setObjectName(u"patientSearchEdit")
        self.patientSearchEdit.setMinimumSize(QSize(300, 0))
        self.patientSearchEdit.setClearButtonEnabled(True)

        self.filterRow.addWidget(self.patientSearchEdit)


        self.centralLayout.addLayout(self.filterRow)

        self.listSplitter = QSplitter(self.centralWidget)
        self.listSplitter.setObjectName(u"listSplitter")
        self.listSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.listSplitter.setChildrenCollapsible(False)
        self.visitsColumn = QWidget(self.listSplitter)
        self.visitsColumn.setObjectName(u"visitsColumn")
        self.visitsLayout = QVBoxLayout(self.visitsColumn)
        self.visitsLayout.setObjectName(u"visitsLayout")
        self.visitsLayout.setContentsMargins(0, 0, 0, 0)
        self.visitsTitle = QLabel(self.visitsColumn)
        self.visitsTitle.setObjectName(u"visitsTitle")

        self.visitsLayout.addWidget(self.visitsTitle)

        self.visitsView = QTableView(self.visitsColumn)
        self.visitsView.setObjectName(u"visitsView")

        self.visitsLayout.addWidget(self.visitsView)

        self.listSplitter.addWidget(self.visitsColumn)
        self.patientsColumn = QWidget(self.listSplitter)
        self.patientsColumn.setObjectName(u"patientsColumn")
        self.patientsLayout = QVBoxLayout(self.patientsColumn)
        self.patientsLayout.setObjectName(u"patientsLayout")
        self.patientsLayout.setContentsMargins(0, 0, 0, 0)
        self.patientsTitle = QLabel(self.patientsColumn)
        self.patientsTitle.setObjectName(u"patientsTitle")

        self.patientsLayout.addWidget(self.patientsTitle)

        self.patientsView = QTableView(self.patientsColumn)
        self.patientsView.setObjectName(u"patientsView")

        self.patientsLayout.addWidget(self.patientsView)

        self.listSplitter.addWidget(self.patientsColumn)

        self.centralLayout.addWidget(self.listSplitter)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.openVisitButton = QPushButton(self.centralWidget)
        self.openVisitButton.setObjectName(u"openVisitButton")

        self.buttonRow.addWidget(self.openVisitButton)

        self.newVisitButton = QPushButton(self.centralWidget)
        self.newVisitButton.setObjectName(u"newVisitButton")

        self.buttonRow.addWidget(self.newVisitButton)

        self.newPatientButton = QPushButton(self.centralWidget)
        self.newPatientButton.setObjectName(u"newPatientButton")

        self.buttonRow.addWidget(self.newPatientButton)

        self.buttonSpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.batchProgress = QProgressBar(self.centralWidget)
        self.batchProgress.setObjectName(u"batchProgress")
        self.batchProgress.setVisible(False)

        self.buttonRow.addWidget(self.batchProgress)

        self.printDayButton = QPushButton(self.centralWidget)
        self.printDayButton.setObjectName(u"printDayButton")

        self.buttonRow.addWidget(self.printDayButton)


        self.centralLayout.addLayout(self.buttonRow)

        MainWindow.setCentralWidget(self.centralWidget)
        self.menuBar = QMenuBar(MainWindow)
        self.menuBar.setObjectName(u"menuBar")
        self.menuFile = QMenu(self.menuBar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuView = QMenu(self.menuBar)
        self.menuView.setObjectName(u"menuView")
        self.menuHelp = QMenu(self.menuBar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menuBar)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)
#if QT_CONFIG(shortcut)
        self.dateCaption.setBuddy(self.dateEdit)
        self.providerCaption.setBuddy(self.providerCombo)
        self.statusCaption.setBuddy(self.statusCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.todayButton)
        QWidget.setTabOrder(self.todayButton, self.providerCombo)
        QWidget.setTabOrder(self.providerCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.patientSearchEdit)
        QWidget.setTabOrder(self.patientSearchEdit, self.visitsView)
        QWidget.setTabOrder(self.visitsView, self.patientsView)
        QWidget.setTabOrder(self.patientsView, self.openVisitButton)
        QWidget.setTabOrder(self.openVisitButton, self.newVisitButton)
        QWidget.setTabOrder(self.newVisitButton, self.newPatientButton)
        QWidget.setTabOrder(self.newPatientButton, self.printDayButton)

        self.menuBar.addAction(self.menuFile.menuAction())
        self.menuBar.addAction(self.menuView.menuAction())
        self.menuBar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionOpenVisit)
        self.menuFile.addAction(self.actionNewVisit)
        self.menuFile.addAction(self.actionNewPatient)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionPrintDay)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuView.addAction(self.actionToday)
        self.menuView.addAction(self.actionFindPatient)
        self.menuView.addAction(self.actionRefresh)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"dermcharge", None))
        self.actionOpenVisit.setText(QCoreApplication.translate("MainWindow", u"&Open visit", None))
#if QT_CONFIG(shortcut)
        self.actionOpenVisit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+O", None))
#endif // QT_CONFIG(shortcut)
        self.actionNewVisit.setText(QCoreApplication.translate("MainWindow", u"&New visit", None))
#if QT_CONFIG(shortcut)
        self.actionNewVisit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+N", None))
#endif // QT_CONFIG(shortcut)
        self.actionNewPatient.setText(QCoreApplication.translate("MainWindow", u"New &patient\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionNewPatient.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Shift+N", None))
#endif // QT_CONFIG(shortcut)
        self.actionPrintDay.setText(QCoreApplication.translate("MainWindow", u"Print the &day's superbills\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionPrintDay.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Shift+P", None))
#endif // QT_CONFIG(shortcut)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionToday.setText(QCoreApplication.translate("MainWindow", u"&Today's visits", None))
#if QT_CONFIG(shortcut)
        self.actionToday.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+T", None))
#endif // QT_CONFIG(shortcut)
        self.actionFindPatient.setText(QCoreApplication.translate("MainWindow", u"&Find a patient", None))
#if QT_CONFIG(shortcut)
        self.actionFindPatient.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+F", None))
#endif // QT_CONFIG(shortcut)
        self.actionRefresh.setText(QCoreApplication.translate("MainWindow", u"&Refresh", None))
#if QT_CONFIG(shortcut)
        self.actionRefresh.setShortcut(QCoreApplication.translate("MainWindow", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About dermcharge", None))
        self.dateCaption.setText(QCoreApplication.translate("MainWindow", u"D&ate", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("MainWindow", u"yyyy-MM-dd", None))
        self.todayButton.setText(QCoreApplication.translate("MainWindow", u"Today", None))
        self.providerCaption.setText(QCoreApplication.translate("MainWindow", u"&Provider", None))
        self.statusCaption.setText(QCoreApplication.translate("MainWindow", u"S&tatus", None))
        self.patientSearchEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Find a patient: name, DOB (yyyy-mm-dd) or account (Ctrl+F)", None))
#if QT_CONFIG(accessibility)
        self.patientSearchEdit.setAccessibleName(QCoreApplication.translate("MainWindow", u"Patient search", None))
#endif // QT_CONFIG(accessibility)
        self.visitsTitle.setText(QCoreApplication.translate("MainWindow", u"<b>Visits</b>", None))
#if QT_CONFIG(accessibility)
        self.visitsView.setAccessibleName(QCoreApplication.translate("MainWindow", u"Visits of the day", None))
#endif // QT_CONFIG(accessibility)
        self.patientsTitle.setText(QCoreApplication.translate("MainWindow", u"<b>Patients</b>", None))
#if QT_CONFIG(accessibility)
        self.patientsView.setAccessibleName(QCoreApplication.translate("MainWindow", u"Patients found", None))
#endif // QT_CONFIG(accessibility)
        self.openVisitButton.setText(QCoreApplication.translate("MainWindow", u"&Open visit", None))
        self.newVisitButton.setText(QCoreApplication.translate("MainWindow", u"&New visit", None))
        self.newPatientButton.setText(QCoreApplication.translate("MainWindow", u"New pat&ient", None))
        self.printDayButton.setText(QCoreApplication.translate("MainWindow", u"Print the &day's superbills\u2026", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

