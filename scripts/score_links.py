#!/usr/bin/env python3
"""Scores the family links of an `alim run` against the generator's truth (links.csv).

A family link is an identity decision: a link to another family's child is a false positive (a
privacy incident), a true child left unlinked (not found, or ambiguous and sent to review) is a miss.
Reads RUN/ingest.json (guardian records and their `links`) and TRUTH (links.csv); prints precision,
recall, the references sent to review and the guardians who would see a stranger's child.

Usage: score_links.py RUN_DIR TRUTH_CSV
"""
import csv
import json
import sys


def main():
    run, truth_path = sys.argv[1], sys.argv[2]
    with open(f"{run}/ingest.json", encoding="utf-8") as f:
        ingest = json.load(f)
    truth, gone = set(), 0
    with open(truth_path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter=";"):
            if row["expected"] == "link":
                truth.add((row["guardian_file"], row["guardian_ref"], row["pupil_file"], row["pupil_ref"]))
            else:
                gone += 1
    made = set()
    for rec in ingest["records"]:
        if rec["kind"] == "pupil" or not rec["ref"]["file"].endswith("responsables.csv"):
            continue
        for link in rec.get("links", []):
            made.add((rec["ref"]["file"], rec["ref"]["ref"], link["pupil"]["file"], link["pupil"]["ref"]))
    right = made & truth
    wrong = made - truth
    strangers = {(f, r) for f, r, _, _ in wrong}
    guardians = {(f, r) for f, r, _, _ in truth}
    audits = ingest.get("familyLinks", [])
    ambiguous = sum(a["ambiguous"] for a in audits)
    not_found = sum(a["not_found"] for a in audits)
    precision = len(right) / len(made) if made else 1.0
    recall = len(right) / len(truth) if truth else 1.0
    print(f"references: {len(truth) + gone} ({len(truth)} to a pupil of the file, {gone} to a child who left)")
    print(f"links made: {len(made)}, right {len(right)}, to another family's child {len(wrong)}")
    print(f"precision {precision:.4f}  recall {recall:.4f}  (ambiguous sent to review: {ambiguous}, not found: {not_found})")
    print(f"guardian rows with a stranger's child: {len(strangers)} of {len(guardians)}")


if __name__ == "__main__":
    main()
