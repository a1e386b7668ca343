#!/usr/bin/env python3
"""Seeded generator of ONDE inboxes at realistic rates, with the truth of every family link.

Where `make_fixtures.py` writes a small inbox with one of each trap, this one writes schools the
size of real ones, with names drawn by French frequency (gen_identity_data.py's lists), so the link
figures it gives are those of a real département: how many links are right, how many references
are genuinely ambiguous (two pupils of one class with the same name and first name), how many are
lost.

Per school: 4 to 12 classes of 18 to 28 pupils, some double-level (« CM1 / CM2 »); families of one
to six children (twins, siblings with different surnames, step-families), one or two guardians
(separated parents at two addresses), usage names (married names, double names), guardian rows
naming a child by birth name, usage name or both, with case and accents as another tool writes them,
class labels spelled differently in the two files, a guardian of four or more children over two rows,
children who left (named on a guardian row, absent from the pupil file), the three child-column
spellings of the guardian export, quoted or not, cp1252 or UTF-8.

Writes OUT/inbox/<UAI>-ecole-…/CSVExtraction-{eleves,responsables}.csv and OUT/links.csv
(guardian_file;guardian_ref;pupil_file;pupil_ref;expected, expected = link | gone).

Usage: gen_onde_inbox.py --schools 12 --seed 1 --out DIR   (stdlib only)
"""
import argparse
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_identity_data import SURNAMES, SYL, END, BOYS, GIRLS, MEN, WOMEN, TWIN_NAMES, STREETS, strip_accents  # noqa: E402

PUPIL_HEADER = ["Nom Elève", "Nom d'usage Elève", "Prénom Elève", "Date naissance", "Sexe", "Adresse1", "Cp1",
                "Commune1", "Pays1", "Adresse2", "Cp2", "Commune2", "Pays2", " Cycle", "Niveau", "Classe",
                "Attestation fournie", "Autorisations associations", "Autorisations photos", "Décision de passage"]
GUARDIAN_HEAD = ["Civilité Responsable", "Nom usage responsable", "Nom responsable", "Prénom responsable",
                 "Adresse responsable", "CP responsable", "Commune responsable", "Pays", "Courriel",
                 "Téléphone domicile", "Téléphone travail", "Numéro de poste", "Téléphone portable"]
CHILD_GROUPS = [
    ["Nom d'usage enfant", "Nom de famille enfant", "Prénom enfant", "Classes enfants"],
    ["Nom d'usage élève", "Nom de famille élève", "Prénom élève", "Classes élèves"],
    ["Nom de l'élève", "Prénom de l'élève", "Classes de l'élève"],
]
LEVELS = [("TPS", 2023), ("PS", 2022), ("MS", 2021), ("GS", 2020), ("CP", 2019), ("CE1", 2018), ("CE2", 2017),
          ("CM1", 2016), ("CM2", 2015)]
CYCLE = {"TPS": "CYCLE I", "PS": "CYCLE I", "MS": "CYCLE I", "GS": "CYCLE I", "CP": "CYCLE II", "CE1": "CYCLE II",
         "CE2": "CYCLE II", "CM1": "CYCLE III", "CM2": "CYCLE III"}
CITIES = [("06100", "NICE"), ("06200", "NICE"), ("06400", "CANNES"), ("06600", "ANTIBES"), ("06800", "CAGNES SUR MER")]
TEACHERS = ["Mme MARTIN", "M. DURAND", "Mme LEROY", "Mme PETIT", "M. GIRARD", "Mme FAURE", "M. ROUX", "Mme BLANC"]


class School:
    def __init__(self, r, uai, label):
        self.r, self.uai, self.label = r, uai, label
        self.classes = []  # (label, [levels])
        self.pupils = []   # dicts
        self.guardians = []  # dicts: names, contacts, children (pupil indices or "gone" dicts)
        self.families = []   # dicts: surname, other, pupils (indices), guardians (indices); for gen_run_bench.py

    def surname(self):
        if self.r.random() < 0.35:
            return self.r.choice(SYL) + self.r.choice(SYL[:14])[:2] + self.r.choice(END)
        names, weights = zip(*SURNAMES)
        return self.r.choices(names, weights)[0]


def build(r, uai, label, pupils=None):
    """One school. `pupils`: a target size (about that many pupils, classes of 18 to 28); by default 4 to 12
    classes. Without `pupils` the draws are those of the original generator, so its output is unchanged."""
    s = School(r, uai, label)
    levels = LEVELS[1:] if r.random() < 0.8 else LEVELS
    n_classes = r.randint(4, 12) if pupils is None else max(1, round(pupils / 23))
    for k in range(n_classes):
        lv = levels[min(len(levels) - 1, k * len(levels) // n_classes)]
        if r.random() < 0.25 and lv[0] in ("CE1", "CE2", "CM1", "CM2", "CP"):
            nxt = LEVELS[[l[0] for l in LEVELS].index(lv[0]) + 1] if lv[0] != "CM2" else None
            if nxt:
                label_ = f"{lv[0]} / {nxt[0]}" if r.random() < 0.5 else f"{lv[0]}-{nxt[0]}"
                s.classes.append((label_, [lv, nxt]))
                continue
        tag = r.choice(["", " A", " B", " de " + r.choice(TEACHERS)]) if r.random() < 0.6 else ""
        s.classes.append((lv[0] + tag, [lv]))
    seats = [(c, r.randint(18, 28)) for c in range(len(s.classes))]
    free = {c: n for c, n in seats}

    def place(level_hint=None):
        options = [c for c in free if free[c] > 0]
        if not options:
            return None
        c = r.choice(options)
        free[c] -= 1
        return c

    while any(free.values()):
        # One family.
        surname = s.surname()
        other = s.surname()
        size = r.choices([1, 2, 3, 4, 5, 6], [45, 35, 13, 4, 2, 1])[0]
        twins = size >= 2 and r.random() < 0.04
        kids = []
        for k in range(size):
            c = place()
            if c is None:
                break
            lvl = r.choice(s.classes[c][1])
            sex = r.choice("MF")
            first = r.choice(BOYS if sex == "M" else GIRLS)
            while any(k_["first"] == first for k_ in kids):  # parents never give two children one first name
                first = r.choice(BOYS if sex == "M" else GIRLS)
            if twins and k == 1:
                a, b, sa, sb = r.choice(TWIN_NAMES)
                kids[0]["first"], kids[0]["sex"] = a, sa
                first, sex = b, sb
                c = kids[0]["class"]
                lvl = kids[0]["level"]
            last = surname if (k == 0 or r.random() > 0.12) else other  # step-siblings, other surname
            usage = ""
            if r.random() < 0.06:
                usage = last + "-" + other if r.random() < 0.5 else other
            birth = (kids[0]["birth"] if twins and k == 1
                     else f"{lvl[1] + (1 if r.random() < 0.08 else 0)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}")
            kids.append({"last": last, "usage": usage, "first": first, "sex": sex, "class": c, "level": lvl,
                         "birth": birth})
        if not kids:
            break
        base = len(s.pupils)
        s.pupils.extend(kids)
        idx = list(range(base, base + len(kids)))
        city = r.choice(CITIES)
        addr = f"{r.randint(1, 120)} {r.choice(STREETS)}"
        parents = [("MME", r.choice(WOMEN), surname if r.random() < 0.7 else other),
                   ("M.", r.choice(MEN), surname)]
        n_guardians = r.choices([1, 2], [20, 80])[0]
        gone = []
        if r.random() < 0.005:  # a child who left: still named on the guardian row
            gone.append({"last": surname, "usage": "", "first": r.choice(BOYS + GIRLS), "class": kids[0]["class"]})
        s.families.append({"surname": surname, "other": other, "pupils": idx,
                           "guardians": list(range(len(s.guardians), len(s.guardians) + n_guardians))})
        for g in range(n_guardians):
            civ, first, last = parents[g]
            separated = g == 1 and r.random() < 0.2
            s.guardians.append({
                "civ": civ, "first": first, "last": last,
                "usage": (surname if civ == "MME" and last != surname and r.random() < 0.5 else ""),
                "addr": f"{r.randint(1, 120)} {r.choice(STREETS)}" if separated else addr,
                "city": r.choice(CITIES) if separated else city,
                "mail": f"{strip_accents(first).lower()}.{strip_accents(last).lower().replace(' ', '')}{r.randint(1, 999)}@example.org"
                if r.random() < 0.7 else "",
                "mobile": "06" + "".join(r.choice("0123456789") for _ in range(8)) if r.random() < 0.85 else "",
                "children": idx + ([("gone", x) for x in gone] if g == 0 else []),
            })
    return s


def vary(r, text):
    """The same name as another tool writes it: mostly as is, sometimes case or accents changed."""
    x = r.random()
    if x < 0.80:
        return text
    if x < 0.90:
        return text.upper()
    if x < 0.96:
        return strip_accents(text)
    return text.replace("-", " ")


def vary_class(r, label):
    x = r.random()
    if x < 0.88:
        return label
    if " / " in label:
        return label.replace(" / ", "-")
    if "-" in label:
        return label.replace("-", " / ")
    return label.lower() if x < 0.95 else label.replace(" ", "  ")


def write_school(r, s, inbox, links):
    folder = f"{s.uai}-{s.label}"
    os.makedirs(os.path.join(inbox, folder), exist_ok=True)
    quoted = r.random() < 0.7
    encoding = "cp1252" if r.random() < 0.85 else "utf-8-sig"
    spelling = r.choices([0, 1, 2], [60, 30, 10])[0]

    def line(cells):
        if quoted:
            return ";".join('"' + c.replace('"', '""') + '"' if c else "" for c in cells)
        return ";".join(cells)

    rows = [line(PUPIL_HEADER)]
    for p in s.pupils:
        label, _ = s.classes[p["class"]]
        rows.append(line([p["last"], p["usage"], p["first"], p["birth"], p["sex"], "", "", "", "", "", "", "", "",
                          CYCLE[p["level"][0]], p["level"][0], label, "Oui", "Non", "Oui", ""]))
    pupil_file = f"{folder}/CSVExtraction-eleves.csv"
    with open(os.path.join(inbox, pupil_file), "w", encoding=encoding, newline="") as f:
        f.write("\r\n".join(rows))

    group = CHILD_GROUPS[spelling]
    header = GUARDIAN_HEAD + group * 3
    out = [line(header)]
    guardian_file = f"{folder}/CSVExtraction-responsables.csv"
    for g in s.guardians:
        children = g["children"]
        for start in range(0, len(children), 3):
            cells = [g["civ"], g["usage"], g["last"], g["first"], g["addr"], g["city"][0], g["city"][1], "FRANCE",
                     g["mail"], "", "", "", g["mobile"]]
            record = len(out) + 1
            for ref in children[start:start + 3]:
                if isinstance(ref, tuple):
                    child, pupil = ref[1], None
                else:
                    child, pupil = s.pupils[ref], ref
                label = s.classes[child["class"]][0]
                last, usage = child["last"], child["usage"]
                if usage:
                    way = r.choice(["last", "usage", "both"])
                    last, usage = {"last": (last, ""), "usage": ("", usage), "both": (last, usage)}[way]
                if spelling == 2:
                    cells += [vary(r, last or usage), vary(r, child["first"]), vary_class(r, label)]
                else:
                    cells += [vary(r, usage), vary(r, last), vary(r, child["first"]), vary_class(r, label)]
                if pupil is None:
                    links.append([guardian_file, str(record), "", "", "gone"])
                else:
                    links.append([guardian_file, str(record), pupil_file, str(pupil + 2), "link"])
            out.append(line(cells))
    with open(os.path.join(inbox, guardian_file), "w", encoding=encoding, newline="") as f:
        f.write("\r\n".join(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schools", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    r = random.Random(a.seed)
    inbox = os.path.join(a.out, "inbox")
    links = []
    for k in range(a.schools):
        uai = f"06{r.randint(10000, 99999)}{r.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}"
        s = build(r, uai, f"ecole-{k + 1}")
        write_school(r, s, inbox, links)
    with open(os.path.join(a.out, "links.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["guardian_file", "guardian_ref", "pupil_file", "pupil_ref", "expected"])
        w.writerows(links)


if __name__ == "__main__":
    main()
