# SPDX-License-Identifier: MIT
"""Writes the small survey files of docs/survey.md (run from anywhere; needs openpyxl).

One fictional roster survey of eight organisations (ids 101-108, six of them
answered), exported the ways survey tools and spreadsheets export it:

- akteure.csv        the roster, German Excel CSV (";", decimal comma, cp1252)
- umfrage_lang.csv   long layout: one row per respondent x partner (";", cp1252)
- umfrage_breit.csv  wide layout: one row per respondent (SoSci/LimeSurvey style, UTF-8)
- matrix.csv         the contact frequencies as a labelled matrix (";", UTF-8)
- region.xlsx        a workbook with the sheets "Akteure" (sector ids) and "Kontakte"
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent

ROSTER = [  # id, name, category, staff (full-time equivalents)
    (101, "Hausarztpraxis Dr. Müller", "Ärzte", 4.5),
    (102, "Kreisklinikum Musterstadt", "Krankenhaus", 612.0),
    (103, "Pflegedienst Sonnenschein", "Pflege", 23.5),
    (104, "AOK Regionaldirektion", "Kasse", 41.0),
    (105, "Gesundheitsamt", "Gesundheitsamt", 18.0),
    (106, "Löwen-Apotheke", "Apotheke", 6.0),
    (107, "Selbsthilfegruppe Diabetes", "Selbsthilfe", None),
    (108, "Gemeinde Musterdorf", "Verwaltung", 12.0),
]
RESPONDENTS = [101, 102, 103, 104, 105, 106]  # 107 and 108 did not answer
RELATIONS = ["Informationsaustausch", "Überweisung", "Gemeinsames Projekt"]
# respondent, partner: ticked relations (indices into RELATIONS), frequency 1-4, trust 1-4 (None: not rated)
TIES = {
    (101, 102): ({0, 1}, 4, 3),
    (101, 103): ({0, 1}, 3, 4),
    (101, 104): ({0}, 1, 2),
    (101, 106): ({0}, 3, None),
    (102, 101): ({0, 1}, 4, 3),
    (102, 103): ({1}, 2, 3),
    (102, 105): ({2}, 2, 2),
    (103, 101): ({0}, 3, 4),
    (103, 104): ({0}, 2, 3),
    (103, 107): ({2}, 1, None),
    (104, 102): ({0}, 2, 2),
    (104, 105): ({0, 2}, 2, 3),
    (105, 102): ({2}, 2, 2),
    (105, 107): ({0}, 1, 3),
    (105, 108): ({0, 2}, 4, 4),
    (106, 101): ({0}, 3, 4),
}
IDS = [r[0] for r in ROSTER]
SECTORS = {
    "Ärzte": "outpatient_care",
    "Krankenhaus": "inpatient_care",
    "Pflege": "nursing_care",
    "Kasse": "health_insurance",
    "Gesundheitsamt": "public_health",
    "Apotheke": "pharmacy",
    "Selbsthilfe": "self_help",
    "Verwaltung": "municipality",
}


def german(x) -> str:
    """A number as German Excel writes it (decimal comma), blank for None."""
    if x is None:
        return ""
    return f"{x:g}".replace(".", ",")


def main() -> None:
    with open(HERE / "akteure.csv", "w", encoding="cp1252", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(["ID", "Name", "Kategorie", "Stellen"])
        for i, name, category, staff in ROSTER:
            w.writerow([i, name, category, german(staff)])

    with open(HERE / "umfrage_lang.csv", "w", encoding="cp1252", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(["Befragter", "Partner", *RELATIONS, "Häufigkeit", "Vertrauen"])
        for r in RESPONDENTS:
            for p in IDS:
                if p == r:
                    continue
                ticked, freq, trust = TIES.get((r, p), (set(), None, None))
                boxes = ["x" if k in ticked else "" for k in range(len(RELATIONS))]
                w.writerow([r, p, *boxes, german(freq), german(trust)])

    with open(HERE / "umfrage_breit.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=",", lineterminator="\n")
        partners = [p for p in IDS]
        w.writerow(["CASE", "id", *(f"kontakt_{p}" for p in partners), *(f"vertrauen_{p}" for p in partners)])
        for case, r in enumerate(RESPONDENTS, start=1):
            contact = ["" if p == r else (1 if (r, p) in TIES else 0) for p in partners]
            trust = [german(TIES[(r, p)][2]) if (r, p) in TIES else "" for p in partners]
            w.writerow([case, r, *contact, *trust])

    with open(HERE / "matrix.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["", *IDS])
        for r in IDS:
            if r in RESPONDENTS:
                w.writerow([r, *(0 if p == r else TIES.get((r, p), (None, 0))[1] for p in IDS)])
            else:  # a non-respondent's row is blank: unknown, not "no tie"
                w.writerow([r, *([""] * len(IDS))])

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Akteure"
    ws.append(["ID", "Name", "Sektor", "Stellen"])  # kept by the coordination office: sector ids
    for i, name, category, staff in ROSTER:
        ws.append([i, name, SECTORS[category], staff])
    ws = wb.create_sheet("Kontakte")
    ws.append(["Von", "An", "Beziehungen", "Häufigkeit", "Vertrauen"])
    for (r, p), (ticked, freq, trust) in TIES.items():
        relations = "|".join(["information", "referral", "joint_project"][k] for k in sorted(ticked))
        ws.append([r, p, relations, freq, trust])
    wb.save(HERE / "region.xlsx")


if __name__ == "__main__":
    main()
