"""Where each CMS-1500 (02/12) box is printed: (line, column) on the form's print grid.

The form is designed for 10 characters an inch and 6 lines an inch (NUCC 1500 Reference
Instruction Manual 02/12, "Print specifications"; the red form is printed in OCR drop-out ink so
that only the data is scanned). Lines count from the top of the sheet, columns from the left
print position; the positions are those PM systems print pre-printed forms with (e.g. OpenEMR's
1500 print driver). A printer's own feed shifts the sheet: the practice sets the alignment offset
in millimetres (app settings `cms1500.offset_x_mm`, `cms1500.offset_y_mm`).
"""

from __future__ import annotations

LINE_PT = 12.0  # 6 lines an inch
COLUMN_PT = 7.2  # 10 characters an inch: Courier 12 pt
LEFT_PT = 18.0  # the first print column, a quarter inch from the sheet's edge

FIELDS: dict[str, tuple[int, int]] = {
    "carrier_name": (2, 41),
    "1_medicare": (8, 1), "1_medicaid": (8, 8), "1_group": (8, 31), "1_other": (8, 45),
    "1a": (8, 50),
    "2": (10, 1), "3_dob": (10, 31), "3_m": (10, 42), "3_f": (10, 47), "4": (10, 50),
    "5_street": (12, 1), "6_self": (12, 33), "6_spouse": (12, 38), "6_child": (12, 42),
    "6_other": (12, 47), "7_street": (12, 50),
    "5_city": (14, 1), "5_state": (14, 26), "7_city": (14, 50), "7_state": (14, 74),
    "5_zip": (16, 1), "5_phone": (16, 15), "7_zip": (16, 50),
    "11": (18, 50),
    "10a_no": (20, 41), "11a_dob": (20, 53), "11a_m": (20, 68), "11a_f": (20, 75),
    "10b_no": (22, 41), "10c_no": (24, 41), "11c": (24, 50), "11d_no": (26, 57),
    "12": (29, 7), "13": (29, 55),
    "21_ind": (37, 34),
    "21_A": (38, 3), "21_B": (38, 16), "21_C": (38, 29), "21_D": (38, 42),
    "21_E": (39, 3), "21_F": (39, 16), "21_G": (39, 29), "21_H": (39, 42),
    "21_I": (40, 3), "21_J": (40, 16), "21_K": (40, 29), "21_L": (40, 42),
    "22_code": (38, 50), "22_ref": (38, 62),
    "25": (56, 1), "25_ein": (56, 19), "26": (56, 23), "27_yes": (56, 38), "28": (56, 52),
    "33_phone": (57, 66),
    "32_name": (58, 23), "33_name": (58, 50),
    "32_street": (59, 23), "33_street": (59, 50),
    "31": (60, 1), "32_city": (60, 23), "33_city": (60, 50),
    "31_date": (61, 14), "32a": (61, 24), "33a": (61, 51),
    "page": (64, 60),
}  # fmt: skip

# Box 24, service line n (1-6): the unshaded line 44, 46, ... 54 holds the data.
LINE_FIELDS: dict[str, int] = {
    "from": 1, "to": 10, "pos": 19, "cpt": 25, "mod": 33, "ptr": 45, "charge": 50,
    "units": 59, "npi": 68,
}  # fmt: skip


def service_line(number: int) -> int:
    return 42 + 2 * number


def position(box: str) -> tuple[int, int]:
    """(line, column) of a box name as claims_out.cms1500_fields writes it."""
    if box.startswith("24_"):
        _, number, part = box.split("_", 2)
        return service_line(int(number)), LINE_FIELDS[part]
    return FIELDS[box]


# The printed form's captions (full mode), above the box's data line: (box, caption).
CAPTIONS: tuple[tuple[str, str], ...] = (
    ("1_medicare", "1. MEDICARE   MEDICAID   TRICARE   CHAMPVA   GROUP HEALTH PLAN   FECA   OTHER"),
    ("1a", "1a. INSURED'S I.D. NUMBER"),
    ("2", "2. PATIENT'S NAME (Last Name, First Name, Middle Initial)"),
    ("3_dob", "3. PATIENT'S BIRTH DATE   SEX"),
    ("4", "4. INSURED'S NAME (Last Name, First Name, Middle Initial)"),
    ("5_street", "5. PATIENT'S ADDRESS (No., Street)"),
    ("6_self", "6. PATIENT RELATIONSHIP TO INSURED"),
    ("7_street", "7. INSURED'S ADDRESS (No., Street)"),
    ("5_city", "CITY                         STATE"),
    ("7_city", "CITY                         STATE"),
    ("5_zip", "ZIP CODE      TELEPHONE"),
    ("7_zip", "ZIP CODE"),
    ("11", "11. INSURED'S POLICY GROUP OR FECA NUMBER"),
    ("10a_no", "10a. EMPLOYMENT?"),
    ("11a_dob", "a. INSURED'S DATE OF BIRTH   SEX"),
    ("10b_no", "b. AUTO ACCIDENT?"),
    ("10c_no", "c. OTHER ACCIDENT?"),
    ("11c", "c. INSURANCE PLAN NAME OR PROGRAM NAME"),
    ("11d_no", "d. IS THERE ANOTHER HEALTH BENEFIT PLAN?"),
    ("12", "12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE"),
    ("13", "13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE"),
    ("21_A", "21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY   ICD Ind."),
    ("22_code", "22. RESUBMISSION CODE   ORIGINAL REF. NO."),
    ("25", "25. FEDERAL TAX I.D. NUMBER   SSN EIN   26. PATIENT'S ACCOUNT NO.   27. ACCEPT ASSIGNMENT?"),
    ("28", "28. TOTAL CHARGE"),
    ("32_name", "32. SERVICE FACILITY LOCATION INFORMATION"),
    ("33_name", "33. BILLING PROVIDER INFO & PH #"),
    ("31", "31. SIGNATURE OF PHYSICIAN OR SUPPLIER"),
)  # fmt: skip
LINE_CAPTION = (
    "24. A. DATE(S) OF SERVICE   B. POS  C. EMG  D. PROCEDURES (CPT/HCPCS  MODIFIER)"
    "   E. DX PTR   F. $ CHARGES   G. UNITS   J. RENDERING PROVIDER ID. #"
)
