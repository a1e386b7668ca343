#!/usr/bin/env python3
"""Generates the sample inbox in Fixtures/ (seeded, deterministic) and the expected facts.

Layout written under the target folder:
  inbox/0610001A-ecole-jules-ferry/   ONDE, current headers, quoted, cp1252, CRLF, no final newline,
                                      guardians file with an "organismes d'accueil" trailer
  inbox/0610002B-ecole-pasteur/       older Base Élèves headers, unquoted, cp1252, LF, dd/mm/yyyy dates
  inbox/0610003C/                     small maternelle, UTF-8 with BOM, LF
  inbox/0610004D-ecole-les-tilleuls/  ONDE, guardians file with the `élève` child columns (TPS to CP)
  inbox/0610005E-ecole-saint-exupery/ ONDE, guardians file with the ENT template's `de l'élève` child
                                      columns (3 per child, no usage name) and class labels written
                                      differently from the pupils file (« CM1-CM2 » / « CM1 / CM2 »)
  inbox/colleges/ExportXML_0620001D.zip   SIECLE BEE (ElevesSansAdresses + ResponsablesAvecAdresses)
  expected/truth.csv                  source_file;source_ref;true_person for every person record
  expected/links.csv                  guardian_file;guardian_ref;pupil_file;pupil_ref;expected: every child
                                      reference of every guardian record, and what Alim must do with it
  expected/facts.json                 counts and named scenarios the end-to-end tests check

Scenarios: twins Léa/Léo (same birth date, same parents); a guardian with children in two schools;
the same guardian in ONDE and SIECLE (CM1 child + 5e child: the DOMAIN.md defect); a guardian
listed twice in one school with accents dropped; a child reference that matches no pupil (warning);
a guardian row whose only child is unknown (reject); a pupil row without first name (reject).

Family-link scenarios (issue 12): three « Julien » in one TPS class (one with a usage name, the others
without) whose guardian rows name them by usage name only or by birth name only; siblings with different
surnames; pupils with usage names named either way; twins in a family of four (each guardian spread over
two ONDE rows, since a row holds three children), and a second family of four in school A; class labels
spelled differently in the two files; homonymous pupils (same name, first name and class: the reference
is ambiguous and must give no link); a reference with a misspelt first name (matches nobody). links.csv is
computed from the files as written, with the join rule: a reference names a pupil of the same school when
a non-empty name (birth or usage, either side), the first name and the class agree after folding (case,
accents, spaces, hyphens, apostrophes); one pupil ⇒ `link`, several ⇒ `ambiguous`, none ⇒ `not_found`.
"""
import io
import json
import os
import random
import sys
import unicodedata
import zipfile

SEED = 20260901
R = random.Random(SEED)

SURNAMES = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU",
            "SIMON", "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER",
            "MOREL", "GIRARD", "ANDRÉ", "LEFÈVRE", "MERCIER", "DUPONT", "LAMBERT", "BONNET", "FRANÇOIS", "MARTINEZ",
            "LE GOFF", "DE LA FONTAINE", "N'DIAYE", "KOWALSKI", "ÉTIENNE", "CHÂTEAU", "HÉBERT", "NGUYEN"]
GIRLS = ["Léa", "Emma", "Chloé", "Inès", "Manon", "Zoé", "Camille", "Jade", "Louise", "Anaïs", "Maëlle", "Éloïse", "Noémie"]
BOYS = ["Lucas", "Hugo", "Louis", "Léo", "Gabriel", "Raphaël", "Jules", "Adam", "Nathan", "Théo", "Noé", "Mathéo", "Jean-Pierre"]
WOMEN = ["Sophie", "Nathalie", "Isabelle", "Céline", "Aurélie", "Émilie", "Sandrine", "Hélène", "Marie-Claire", "Françoise"]
MEN = ["Thierry", "Stéphane", "Nicolas", "Frédéric", "Jérôme", "Sébastien", "Éric", "Laurent", "François", "Jean-Marc"]
STREETS = ["rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "place de l'Église", "chemin des Écoliers",
           "boulevard Gambetta", "impasse des Lilas", "allée des Tilleuls"]
CITIES = [("61000", "Alençon"), ("61100", "Flers"), ("61300", "L'Aigle")]

LEVEL_BY_CLASS = {"TPS": "TPS", "CP": "CP", "CE1": "CE1", "CE2": "CE2", "CM1": "CM1", "CM2": "CM2", "PS": "PS", "MS": "MS", "GS": "GS"}
CYCLE = {"TPS": "MATERNELLE", "PS": "MATERNELLE", "MS": "MATERNELLE", "GS": "MATERNELLE", "CP": "CYCLE II", "CE1": "CYCLE II",
         "CE2": "CYCLE III", "CM1": "CYCLE III", "CM2": "CYCLE III"}
BIRTH_YEAR = {"TPS": 2024, "PS": 2023, "MS": 2022, "GS": 2021, "CP": 2020, "CE1": 2019, "CE2": 2018, "CM1": 2017, "CM2": 2016,
              "6E": 2015, "5E": 2014, "4E": 2013, "3E": 2012}


def birth(level):
    return (BIRTH_YEAR[level], R.randint(1, 12), R.randint(1, 28))


def phone():
    return "06" + "".join(str(R.randint(0, 9)) for _ in range(8))


USED_MAILS = set()


class World:
    def __init__(self):
        self.next_person = 1
        self.truth = []  # (file, ref, person)
        self.links = []  # (guardian file, guardian ref, pupil file, pupil ref, expected)

    def person(self):
        pid = "H%04d" % self.next_person
        self.next_person += 1
        return pid


def family(world, surname, city, n_children, classes, twins=False):
    """A family: two guardians (sometimes one) and children in the given classes."""
    mother = {"id": world.person(), "civ": "Mme", "last": surname if R.random() < 0.6 else R.choice(SURNAMES),
              "usage": "", "first": R.choice(WOMEN), "phone": phone(), "mail": "", "sex": "F"}
    mother["mail"] = strip_accents(mother["first"].split("-")[0] + "." + mother["last"].split(" ")[-1]).lower() \
        .replace("'", "") + "@exemple.fr" if R.random() < 0.6 else ""
    if mother["mail"]:
        # An address belongs to one person: two homonymous mothers never share one.
        base, n = mother["mail"], 2
        while mother["mail"] in USED_MAILS:
            mother["mail"] = base.replace("@", str(n) + "@")
            n += 1
        USED_MAILS.add(mother["mail"])
    if mother["last"] != surname and R.random() < 0.5:
        mother["usage"] = surname
    father = {"id": world.person(), "civ": "M.", "last": surname, "usage": "", "first": R.choice(MEN),
              "phone": phone(), "mail": "", "sex": "M"}
    address = ("%d %s" % (R.randint(1, 120), R.choice(STREETS)), city[0], city[1])
    guardians = [mother, father] if R.random() < 0.85 else [mother]
    children = []
    for i in range(n_children):
        cls = classes[i % len(classes)]
        girl = R.random() < 0.5
        child = {"id": world.person(), "last": surname, "usage": "", "first": R.choice(GIRLS if girl else BOYS),
                 "sex": "F" if girl else "M", "class": cls, "birth": birth(LEVEL_BY_CLASS.get(cls, cls))}
        children.append(child)
    if twins and children:
        a = children[0]
        b = dict(a)
        b["id"] = world.person()
        a["first"], a["sex"] = "Léa", "F"
        b["first"], b["sex"] = "Léo", "M"
        children.insert(1, b)
    return {"guardians": guardians, "children": children, "address": address}


def guardian(world, civ, last, first, usage="", mail=True):
    """One guardian given by name (the family-link scenarios choose names so that only the intended
    references collide); phone and e-mail as `family` makes them."""
    g = {"id": world.person(), "civ": civ, "last": last, "usage": usage, "first": first, "phone": phone(), "mail": "",
         "sex": "F" if civ == "Mme" else "M"}
    if mail:
        base = strip_accents(first.split("-")[0] + "." + (usage or last).split(" ")[-1]).lower().replace("'", "") \
            + "@exemple.fr"
        g["mail"], n = base, 2
        while g["mail"] in USED_MAILS:
            g["mail"] = base.replace("@", str(n) + "@")
            n += 1
        USED_MAILS.add(g["mail"])
    return g


def pupil(world, last, first, sex, cls, level=None, usage="", born=None):
    return {"id": world.person(), "last": last, "usage": usage, "first": first, "sex": sex, "class": cls,
            "level": level or LEVEL_BY_CLASS[cls], "birth": born or birth(level or LEVEL_BY_CLASS[cls])}


def home(city):
    return ("%d %s" % (R.randint(1, 120), R.choice(STREETS)), city[0], city[1])


def fmt_date(d, iso):
    y, m, dd = d
    return "%04d-%02d-%02d" % (y, m, dd) if iso else "%02d/%02d/%04d" % (dd, m, y)


def strip_accents(s):
    table = str.maketrans("ÉÈÊËÀÂÄÎÏÔÖÙÛÜÇéèêëàâäîïôöùûüçŒœ", "EEEEAAAIIOOUUUCeeeeaaaiioouuucOo")
    return s.translate(table)


def csv_line(cells, quoted):
    if quoted:
        return ";".join('"%s"' % c.replace('"', '""') if c != "" else "" for c in cells)
    return ";".join(cells)


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


ONDE_PUPIL_HEADER = ["Nom Elève", "Nom d'usage Elève", "Prénom Elève", "Date naissance", "Sexe", "Adresse1", "Cp1",
                     "Commune1", "Pays1", "Adresse2", "Cp2", "Commune2", "Pays2", " Cycle", "Niveau", "Classe",
                     "Attestation fournie", "Autorisations associations", "Autorisations photos", "Décision de passage"]
# The three spellings of an ONDE guardian file's child columns (one group per child, three groups a row).
CHILD_GROUPS = {
    "enfant": ["Nom d'usage enfant", "Nom de famille enfant", "Prénom enfant", "Classes enfants"],
    "élève": ["Nom d'usage élève", "Nom de famille élève", "Prénom élève", "Classes élèves"],
    # The ENT's admin import template: no usage-name column, one name per child.
    "de l'élève": ["Nom de l'élève", "Prénom de l'élève", "Classes de l'élève"],
}
ONDE_GUARDIAN_COLUMNS = ["Civilité Responsable", "Nom usage responsable", "Nom responsable", "Prénom responsable",
                         "Adresse responsable", "CP responsable", "Commune responsable", "Pays", "Courriel",
                         "Téléphone domicile", "Téléphone travail", "Numéro de poste", "Téléphone portable"]
ONDE_GUARDIAN_HEADER = ONDE_GUARDIAN_COLUMNS + CHILD_GROUPS["enfant"] * 3
OLD_PUPIL_HEADER = ["Nom de famille élève", "Nom d'usage élève", "Prénom 1", "Date de naissance", "Sexe",
                    "Niveau", "Libellé classe"]
OLD_GUARDIAN_HEADER = ["Civilité Responsable", "Nom de famille responsable", "Nom usage responsable",
                       "Prénom responsable", "Adresse responsable", "CP responsable", "Commune responsable", "Pays",
                       "Courriel", "Téléphone domicile", "Téléphone travail", "Téléphone portable"] + \
                      ["Nom d'usage enfant", "Nom de famille enfant", "Prénom enfant", "Classes enfants"] * 3
CHILDREN_PER_ROW = 3


def fold(s):
    """The join's comparison form: case, accents, spaces, hyphens, apostrophes (any non-alphanumeric) ignored."""
    s = unicodedata.normalize("NFKD", (s or "").replace("Œ", "OE").replace("œ", "oe").replace("Æ", "AE").replace("æ", "ae"))
    return "".join(ch for ch in s.lower() if ch.isalnum() and not unicodedata.combining(ch))


class OndeSchool:
    def __init__(self, folder, old=False, quoted=True, crlf=True, encoding="cp1252", iso_dates=True, final_eol=False,
                 spelling="enfant", class_labels=None):
        self.folder, self.old, self.quoted, self.crlf = folder, old, quoted, crlf
        self.encoding, self.iso, self.final_eol = encoding, iso_dates, final_eol
        self.spelling = spelling
        # How the guardians file writes a class label of the pupils file, when it writes it differently.
        self.class_labels = class_labels or {}
        self.pupil_rows = []     # (cells, person id or None for rejects)
        self.guardian_rows = []  # (cells, person id or "" for rejects, [(child id, (usage, last, first, class))])
        self.trailer = []

    def add_family(self, fam, drop_accents_guardian=None):
        for c in fam["children"]:
            self.add_pupil(c, fam["address"])
        for g in fam["guardians"]:
            self.add_guardian(g, fam["address"], fam["children"])

    def add_pupil(self, c, address, first=None):
        first = c["first"] if first is None else first
        level = c.get("level") or LEVEL_BY_CLASS.get(c["class"], "")
        if self.old:
            cells = [c["last"], c["usage"], first, fmt_date(c["birth"], self.iso), c["sex"],
                     LEVEL_BY_CLASS.get(c["class"], c["class"]), c["class"]]
        else:
            cells = [c["last"], c["usage"], first, fmt_date(c["birth"], self.iso), c["sex"], address[0], address[1],
                     address[2], "FRANCE", "", "", "", "", CYCLE.get(level, ""), level,
                     c["class"], R.choice(["Oui", "Non"]), R.choice(["Oui", "Non"]), R.choice(["Oui", "Non"]), ""]
        self.pupil_rows.append((cells, c["id"] if first else None))

    def add_guardian(self, g, address, children, transform=None, person=None, naming=None):
        """One guardian row per three children (ONDE has three child groups a row). `naming` maps a child id
        to how this guardian's row writes the child when it differs from the pupils file (keys usage, last,
        first, class)."""
        last, first = g["last"], g["first"]
        if transform:
            last, first = transform(last), transform(first)
        for start in range(0, max(len(children), 1), CHILDREN_PER_ROW):
            kids, refs = [], []
            for c in children[start:start + CHILDREN_PER_ROW]:
                cid = c.get("id", "")
                named = dict(usage=c["usage"], last=c["last"], first=c["first"],
                             cls=self.class_labels.get(c["class"], c["class"]))
                named.update((naming or {}).get(cid, {}) if cid else {})
                if self.spelling == "de l'élève":
                    # One name column: the birth name unless the row is told to give the usage name.
                    name = named["usage"] if named.get("by_usage") else named["last"]
                    kids += [name, named["first"], named["cls"]]
                    refs.append((cid, ("", name, named["first"], named["cls"])))
                else:
                    kids += [named["usage"], named["last"], named["first"], named["cls"]]
                    refs.append((cid, (named["usage"], named["last"], named["first"], named["cls"])))
            if self.old:
                cells = [g["civ"], last, g["usage"], first, address[0], address[1], address[2], "FRANCE", g["mail"],
                         "", "", g["phone"]] + kids
            else:
                cells = [g["civ"], g["usage"], last, first, address[0], address[1], address[2], "", g["mail"], "", "",
                         "", g["phone"]] + kids
            # ONDE rows are not padded: trailing empty child groups are simply absent.
            self.guardian_rows.append((cells, g["id"] if person is None else person, refs))

    def pupil_file(self):
        return "%s/CSVExtraction-eleves.csv" % self.folder

    def guardian_file(self):
        return "%s/CSVExtraction-responsables.csv" % self.folder

    def links(self):
        """Every child reference of every guardian row, resolved by the join rule over the pupils file as
        written: (guardian ref, pupil ref or "", expected)."""
        index = {}
        row_of = {}
        for i, (cells, pid) in enumerate(self.pupil_rows):
            if pid is None:
                continue  # rejected pupil row: no record to link to
            row_of[pid] = str(i + 2)
            last, usage, first = cells[0], cells[1], cells[2]
            cls = cells[6] if self.old else cells[15]
            for name in {fold(last), fold(usage)} - {""}:
                index.setdefault((name, fold(first), fold(cls)), set()).add(str(i + 2))
        out = []
        for i, (cells, pid, refs) in enumerate(self.guardian_rows):
            ref = str(i + 2)
            kinds = []
            for child_id, (usage, last, first, cls) in refs:
                candidates = set()
                if fold(first) and fold(cls):
                    for name in {fold(usage), fold(last)} - {""}:
                        candidates |= index.get((name, fold(first), fold(cls)), set())
                true_row = row_of.get(child_id, "") if child_id else ""
                if not candidates:
                    expected = "not_found"
                elif true_row in candidates:
                    expected = "link" if len(candidates) == 1 else "ambiguous"
                else:
                    raise SystemExit("%s row %s: reference %r names %s, not the true child %r"
                                     % (self.guardian_file(), ref, (usage, last, first, cls), sorted(candidates), child_id))
                kinds.append(expected)
                out.append((ref, true_row, expected))
            if pid and "link" not in kinds:
                # Such a row is rejected by the join (no child found): it must then be a reject in truth.csv.
                raise SystemExit("%s row %s: a kept guardian row without any resolvable child" % (self.guardian_file(), ref))
        return out

    def write(self, root, world):
        eol = "\r\n" if self.crlf else "\n"
        folder = os.path.join(root, "inbox", self.folder)
        pupil_header = OLD_PUPIL_HEADER if self.old else ONDE_PUPIL_HEADER
        guardian_header = OLD_GUARDIAN_HEADER if self.old else ONDE_GUARDIAN_COLUMNS + CHILD_GROUPS[self.spelling] * 3
        guardian_rows = [(cells, pid) for cells, pid, _ in self.guardian_rows]
        for name, header, rows, trailer in (("CSVExtraction-eleves.csv", pupil_header, self.pupil_rows, []),
                                            ("CSVExtraction-responsables.csv", guardian_header, guardian_rows,
                                             self.trailer)):
            lines = [csv_line(header, self.quoted)]
            for i, (cells, pid) in enumerate(rows):
                lines.append(csv_line(cells, self.quoted))
                world.truth.append(("%s/%s" % (self.folder, name), str(i + 2), pid or ""))
            for cells in trailer:
                lines.append(csv_line(cells, self.quoted))
            text = eol.join(lines) + (eol if self.final_eol else "")
            data = text.encode(self.encoding) if self.encoding != "utf-8-sig" else b"\xef\xbb\xbf" + text.encode("utf-8")
            write_bytes(os.path.join(folder, name), data)
        for ref, pupil_ref, expected in self.links():
            world.links.append((self.guardian_file(), ref, self.pupil_file() if pupil_ref else "", pupil_ref, expected))


def siecle_zip(root, world, uai, pupils, guardians):
    """ElevesSansAdresses.xml + ResponsablesAvecAdresses.xml (BEE), ISO-8859-15, zipped with fixed dates."""
    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    el = ['<?xml version="1.0" encoding="ISO-8859-15"?>', '<BEE_ELEVES VERSION="3.0">', "<PARAMETRES>",
          "<UAJ>%s</UAJ>" % uai, "<ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE>", "</PARAMETRES>", "<DONNEES>", "<ELEVES>"]
    structures = ["<STRUCTURES>"]
    for p in pupils:
        y, m, d = p["birth"]
        el += ['<ELEVE ELEVE_ID="%s" ELENOET="%s">' % (p["eleve_id"], p["eleve_id"][-4:]),
               "<ID_NATIONAL>%s</ID_NATIONAL>" % p["ine"], "<NOM_DE_FAMILLE>%s</NOM_DE_FAMILLE>" % esc(p["last"]),
               "<NOM_USAGE/>", "<PRENOM>%s</PRENOM>" % esc(p["first"]),
               "<DATE_NAISS>%02d/%02d/%04d</DATE_NAISS>" % (d, m, y),
               "<CODE_SEXE>%s</CODE_SEXE>" % ("2" if p["sex"] == "F" else "1"),
               "<CODE_MEF>10010012110</CODE_MEF>" if p["level"] == "6E" else "<CODE_MEF>10110001110</CODE_MEF>",
               "</ELEVE>"]
        structures += ['<STRUCTURES_ELEVE ELEVE_ID="%s">' % p["eleve_id"], "<STRUCTURE>",
                       "<CODE_STRUCTURE>%s</CODE_STRUCTURE>" % p["class"], "<TYPE_STRUCTURE>D</TYPE_STRUCTURE>",
                       "</STRUCTURE>", "</STRUCTURES_ELEVE>"]
        world.truth.append(("colleges/ExportXML_%s.zip!ElevesSansAdresses.xml" % uai, p["eleve_id"], p["id"]))
    el += ["</ELEVES>"] + structures + ["</STRUCTURES>", "</DONNEES>", "</BEE_ELEVES>"]
    rs = ['<?xml version="1.0" encoding="ISO-8859-15"?>', '<BEE_RESPONSABLES VERSION="2.1">', "<PARAMETRES>",
          "<UAJ>%s</UAJ>" % uai, "</PARAMETRES>", "<DONNEES>", "<PERSONNES>"]
    links, addresses = [], []
    for g in guardians:
        rs += ['<PERSONNE PERSONNE_ID="%s">' % g["personne_id"], "<LC_CIVILITE>%s</LC_CIVILITE>" % g["civ"],
               "<NOM_DE_FAMILLE>%s</NOM_DE_FAMILLE>" % esc(g["last"]), "<PRENOM>%s</PRENOM>" % esc(g["first"]),
               "<TEL_PORTABLE>%s</TEL_PORTABLE>" % ("+33 " + g["phone"][1:2] + " " + g["phone"][2:]),
               ("<MEL>%s</MEL>" % g["mail"]) if g["mail"] else "<MEL/>",
               "<ADRESSE_ID>%s</ADRESSE_ID>" % g["adresse_id"], "</PERSONNE>"]
        addresses.append(g)
        for (eleve_id, level, code) in g["links"]:
            world.links.append(("colleges/ExportXML_%s.zip!ResponsablesAvecAdresses.xml" % uai, g["personne_id"],
                                "colleges/ExportXML_%s.zip!ElevesSansAdresses.xml" % uai, eleve_id, "link"))
            links += ["<RESPONSABLE_ELEVE>", "<ELEVE_ID>%s</ELEVE_ID>" % eleve_id,
                      "<PERSONNE_ID>%s</PERSONNE_ID>" % g["personne_id"],
                      "<NIVEAU_RESPONSABILITE>%s</NIVEAU_RESPONSABILITE>" % level,
                      "<CODE_PARENTE>%s</CODE_PARENTE>" % code, "<PAIE_FRAIS_SCOLAIRES>1</PAIE_FRAIS_SCOLAIRES>",
                      "<PERCOIT_LES_AIDES>true</PERCOIT_LES_AIDES>", "</RESPONSABLE_ELEVE>"]
        world.truth.append(("colleges/ExportXML_%s.zip!ResponsablesAvecAdresses.xml" % uai, g["personne_id"], g["id"]))
    rs += ["</PERSONNES>", "<RESPONSABLES>"] + links + ["</RESPONSABLES>", "<ADRESSES>"]
    for g in addresses:
        line, cp, city = g["address"]
        rs += ['<ADRESSE ADRESSE_ID="%s">' % g["adresse_id"], "<LIGNE1_ADRESSE>%s</LIGNE1_ADRESSE>" % esc(line),
               "<CODE_POSTAL>%s</CODE_POSTAL>" % cp, "<LIBELLE_POSTAL>%s</LIBELLE_POSTAL>" % esc(city.upper()),
               "</ADRESSE>"]
    rs += ["</ADRESSES>", "</DONNEES>", "</BEE_RESPONSABLES>"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, lines in (("ElevesSansAdresses.xml", el), ("ResponsablesAvecAdresses.xml", rs)):
            info = zipfile.ZipInfo(name, date_time=(2026, 9, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            z.writestr(info, ("\n".join(lines) + "\n").encode("iso-8859-15"))
    write_bytes(os.path.join(root, "inbox", "colleges", "ExportXML_%s.zip" % uai), buf.getvalue())


def main(root):
    world = World()
    a = OndeSchool("0610001A-ecole-jules-ferry", quoted=True, crlf=True, iso_dates=True)
    b = OndeSchool("0610002B-ecole-pasteur", old=True, quoted=False, crlf=False, iso_dates=False, final_eol=True)
    c = OndeSchool("0610003C", quoted=True, crlf=False, encoding="utf-8-sig", iso_dates=True, final_eol=True)
    facts = {"scenarios": {}}

    # School A: ordinary families, twins, a child reference not found, a guardian row with no child found.
    fams_a = [family(world, R.choice(SURNAMES), CITIES[0], R.randint(1, 2), R.sample(["CP", "CE2", "CM1", "CM2"], 2))
              for _ in range(8)]
    twins = family(world, "LEFÈVRE", CITIES[0], 1, ["CM1"], twins=True)
    fams_a.append(twins)
    for f in fams_a:
        a.add_family(f)
    facts["scenarios"]["twins"] = [ch["id"] for ch in twins["children"][:2]]

    # The DOMAIN.md defect: a guardian of a CM1 pupil (school A) and of a 5e pupil (collège).
    defect = family(world, "ROUSSEAU", CITIES[0], 1, ["CM1"])
    a.add_family(defect)
    parent = defect["guardians"][0]
    college_child = {"id": world.person(), "last": "ROUSSEAU", "usage": "", "first": "Maxime", "sex": "M",
                     "class": "5A", "level": "5E", "birth": birth("5E"), "eleve_id": "1100001", "ine": "123456789AB"}
    facts["scenarios"]["college_link_guardian"] = parent["id"]

    # A collège-only family: their guardian must get no One account.
    college_only_child = {"id": world.person(), "last": "BLANC", "usage": "", "first": "Clara", "sex": "F",
                          "class": "6B", "level": "6E", "birth": birth("6E"), "eleve_id": "1100002", "ine": "123456789CD"}
    college_only_parent = {"id": world.person(), "civ": "M.", "last": "BLANC", "first": "Olivier", "phone": phone(),
                           "mail": "olivier.blanc@exemple.fr", "personne_id": "2200002", "adresse_id": "3300002",
                           "address": ("4 rue Pasteur", "61000", "Alençon"), "links": [("1100002", 1, "20")]}
    # A level-3 contact (grand-mother): listed, no account.
    contact = {"id": world.person(), "civ": "Mme", "last": "BLANC", "first": "Jeanne", "phone": phone(), "mail": "",
               "personne_id": "2200003", "adresse_id": "3300002", "address": ("4 rue Pasteur", "61000", "Alençon"),
               "links": [("1100002", 3, "90")]}
    facts["scenarios"]["college_only_guardian"] = college_only_parent["id"]
    facts["scenarios"]["contact"] = contact["id"]

    # Child reference not found (warning): a guardian whose second child is not in the pupil file.
    fam_w = family(world, "PERRIN", CITIES[0], 1, ["CE2"])
    a.add_family(fam_w)
    ghost = {"id": "", "last": "PERRIN", "usage": "", "first": "Arthur", "class": "CM2"}
    g = fam_w["guardians"][0]
    a.guardian_rows[-len(fam_w["guardians"])] = None  # replaced just below
    a.guardian_rows = [r for r in a.guardian_rows if r is not None]
    a.add_guardian(g, fam_w["address"], fam_w["children"] + [ghost])
    # Guardian row whose only child is unknown: rejected.
    stranger = {"id": world.person(), "civ": "Mme", "last": "INCONNUE", "usage": "", "first": "Valérie",
                "phone": phone(), "mail": ""}
    a.add_guardian(stranger, ("1 rue Nulle", "61000", "Alençon"),
                   [{"usage": "", "last": "FANTÔME", "first": "Casper", "class": "CM1"}], person="")
    facts["scenarios"]["rejected_guardian"] = "0610001A-ecole-jules-ferry/CSVExtraction-responsables.csv"
    a.trailer = [["Intitulé", "Adresse Organisme", "CP Organisme", "Commune Organisme"],
                 ["Centre de loisirs Les Petits Loups", "12 rue des Écoles", "61000", "Alençon"],
                 ["Garderie municipale", "3 place du Marché", "61000", "Alençon"]]

    # School B: older headers; one guardian also has a child in school A (guardian in two schools).
    fams_b = [family(world, R.choice(SURNAMES), CITIES[1], R.randint(1, 2), R.sample(["CP", "CE1", "CM1", "CM2"], 2))
              for _ in range(6)]
    for f in fams_b:
        b.add_family(f)
    two_schools = family(world, "GAUTHIER", CITIES[0], 2, ["CE2", "CM2"])
    kid_a, kid_b = two_schools["children"]
    a.add_pupil(kid_a, two_schools["address"])
    b.add_pupil(kid_b, two_schools["address"])
    for gg in two_schools["guardians"]:
        a.add_guardian(gg, two_schools["address"], [kid_a])
        b.add_guardian(gg, two_schools["address"], [kid_b])
    facts["scenarios"]["two_schools_guardians"] = [gg["id"] for gg in two_schools["guardians"]]
    # A pupil row without first name: rejected.
    b.add_pupil({"id": "", "last": "SANSPRENOM", "usage": "", "first": "", "sex": "M", "class": "CP",
                 "birth": birth("CP")}, CITIES[1], first="")
    # The same guardian listed twice in school B, once with accents dropped.
    dup = family(world, "HÉBERT", CITIES[1], 1, ["CE1"])
    b.add_family(dup)
    b.add_guardian(dup["guardians"][0], dup["address"], dup["children"], transform=strip_accents)
    facts["scenarios"]["duplicate_guardian"] = dup["guardians"][0]["id"]

    # School C: maternelle, UTF-8 with BOM.
    for f in [family(world, R.choice(SURNAMES), CITIES[2], 1, [R.choice(["PS", "MS", "GS"])]) for _ in range(4)]:
        c.add_family(f)

    # ---- Family-link scenarios (issue 12). Drawn after every earlier scenario, so those stay byte for byte.
    d = OndeSchool("0610004D-ecole-les-tilleuls", quoted=True, crlf=True, iso_dates=True, spelling="élève")
    e = OndeSchool("0610005E-ecole-saint-exupery", quoted=True, crlf=True, iso_dates=True, spelling="de l'élève",
                   class_labels={"CP-CE1": "Cp - Ce1", "CM1-CM2": "CM1 / CM2"})
    scenarios = facts["scenarios"]

    def distinct_first_names(fam):
        # `family` draws each child's first name alone; siblings are never given one first name twice here.
        seen = set()
        for ch in fam["children"]:
            while ch["first"] in seen:
                ch["first"] = R.choice(GIRLS if ch["sex"] == "F" else BOYS)
            seen.add(ch["first"])
        return fam

    def household(school, guardians, children, address=None, naming=None):
        address = address or home(CITIES[0])
        for ch in children:
            school.add_pupil(ch, address)
        for g in guardians:
            school.add_guardian(g, address, children, naming=(naming or {}).get(g["id"]))

    # School A (classic `enfant` columns). A family of four: each guardian spread over two rows.
    mercier_kids = [pupil(world, "MERCIER", "Camille", "F", "CP"), pupil(world, "MERCIER", "Nathan", "M", "CE1"),
                    pupil(world, "MERCIER", "Manon", "F", "CE2"), pupil(world, "MERCIER", "Gabriel", "M", "CM2")]
    mercier = [guardian(world, "Mme", "VINCENT", "Hélène", usage="MERCIER"), guardian(world, "M.", "MERCIER", "Nicolas")]
    household(a, mercier, mercier_kids)
    # Siblings with different surnames: the mother's row names both; each father names his own child.
    caron_mother = guardian(world, "Mme", "CARON", "Sandrine")
    brun_father = guardian(world, "M.", "BRUN", "Jérôme")
    chloe, louis = pupil(world, "BRUN", "Chloé", "F", "CE2"), pupil(world, "CARON", "Louis", "M", "CP")
    caron_home, brun_home = home(CITIES[0]), home(CITIES[0])
    a.add_pupil(chloe, caron_home)
    a.add_pupil(louis, caron_home)
    a.add_guardian(caron_mother, caron_home, [chloe, louis])
    a.add_guardian(brun_father, brun_home, [chloe])
    # Homonyms: two Lucas COLIN in CM1, of two families; each family has a second child named without doubt.
    colin1_kids = [pupil(world, "COLIN", "Lucas", "M", "CM1", born=(2017, 2, 11)), pupil(world, "COLIN", "Jade", "F", "CP")]
    colin2_kids = [pupil(world, "COLIN", "Lucas", "M", "CM1", born=(2017, 9, 23)), pupil(world, "COLIN", "Zoé", "F", "CE2")]
    colin1 = [guardian(world, "M.", "COLIN", "Frédéric"), guardian(world, "Mme", "COLIN", "Émilie")]
    colin2 = [guardian(world, "M.", "COLIN", "Éric"), guardian(world, "Mme", "PERROT", "Céline", mail=False)]
    household(a, colin1, colin1_kids)
    household(a, colin2, colin2_kids)
    # A pupil with a usage name, written in both columns of the guardian rows.
    ines = pupil(world, "BARBIER", "Inès", "F", "CM2", usage="BARBIER-MEUNIER")
    household(a, [guardian(world, "M.", "BARBIER", "Laurent"), guardian(world, "Mme", "MEUNIER", "Aurélie")], [ines])

    # School D (`élève` columns), TPS to CP: ordinary families first.
    for _ in range(5):
        d.add_family(distinct_first_names(family(world, R.choice(SURNAMES), CITIES[1], R.randint(1, 2),
                                                 R.sample(["TPS", "PS", "MS", "GS", "CP"], 2))))
    # Three Julien in TPS: two without a usage name (the 2026 defect linked each of their guardians to both),
    # one with a usage name, named by usage name only on his mother's row and by birth name only on his father's.
    julien_delaunay = pupil(world, "DELAUNAY", "Julien", "M", "TPS")
    julien_commaret = pupil(world, "COMMARET", "Julien", "M", "TPS")
    julien_leroy = pupil(world, "LEROY", "Julien", "M", "TPS", usage="PETIT-LEROY")
    household(d, [guardian(world, "M.", "DELAUNAY", "Sébastien"), guardian(world, "Mme", "FONTAINE", "Nathalie", usage="DELAUNAY")],
              [julien_delaunay], address=home(CITIES[1]))
    household(d, [guardian(world, "Mme", "COMMARET", "Isabelle")], [julien_commaret], address=home(CITIES[1]))
    leroy_mother = guardian(world, "Mme", "PETIT", "Sophie")
    leroy_father = guardian(world, "M.", "LEROY", "Thierry")
    household(d, [leroy_mother, leroy_father], [julien_leroy], address=home(CITIES[1]),
              naming={leroy_mother["id"]: {julien_leroy["id"]: {"last": ""}},
                      leroy_father["id"]: {julien_leroy["id"]: {"usage": ""}}})
    # A family of four with twins (same birth date, Jade and Jules): two rows per guardian.
    twin_born = birth("GS")
    blanchard_kids = [pupil(world, "BLANCHARD", "Noé", "M", "PS"),
                      pupil(world, "BLANCHARD", "Jade", "F", "GS", born=twin_born),
                      pupil(world, "BLANCHARD", "Jules", "M", "GS", born=twin_born),
                      pupil(world, "BLANCHARD", "Louise", "F", "CP")]
    blanchard = [guardian(world, "M.", "BLANCHARD", "François"),
                 guardian(world, "Mme", "ROUSSEL", "Marie-Claire", usage="BLANCHARD")]
    household(d, blanchard, blanchard_kids, address=home(CITIES[1]))
    # A reference that matches nobody: the mother's row misspells her daughter's first name (Noemi).
    noemie, hugo = pupil(world, "MARCHAND", "Noémie", "F", "MS"), pupil(world, "MARCHAND", "Hugo", "M", "CP")
    marchand_mother = guardian(world, "Mme", "MARCHAND", "Céline")
    household(d, [marchand_mother, guardian(world, "M.", "MARCHAND", "Jérôme")], [noemie, hugo], address=home(CITIES[1]),
              naming={marchand_mother["id"]: {noemie["id"]: {"first": "Noemi"}}})

    # School E (the ENT template's `de l'élève` columns; class labels written differently): ordinary families.
    e_class = {"CP": "CP-CE1", "CE1": "CP-CE1", "CE2": "CE2", "CM1": "CM1-CM2", "CM2": "CM1-CM2"}
    for _ in range(5):
        f = distinct_first_names(family(world, R.choice(SURNAMES), CITIES[0], R.randint(1, 2),
                                        R.sample(["CP", "CE1", "CE2", "CM1", "CM2"], 2)))
        for ch in f["children"]:
            ch["level"], ch["class"] = ch["class"], e_class[ch["class"]]
        e.add_family(f)
    # Siblings with different surnames (two fathers); Hugo's father lives with the mother.
    huet = guardian(world, "Mme", "HUET", "Céline")
    lea = pupil(world, "GUERIN", "Léa", "F", "CM1-CM2", level="CM1")
    hugo_r = pupil(world, "RENAUD", "Hugo", "M", "CP-CE1", level="CP")
    huet_home = home(CITIES[0])
    e.add_pupil(lea, huet_home)
    e.add_pupil(hugo_r, huet_home)
    e.add_guardian(huet, huet_home, [lea, hugo_r])
    e.add_guardian(guardian(world, "M.", "RENAUD", "Stéphane"), huet_home, [hugo_r])
    e.add_guardian(guardian(world, "M.", "GUERIN", "Frédéric"), home(CITIES[0]), [lea])
    # Homonyms: two Emma NGUYEN in CM1-CM2 (one CM1, one CM2), each with a sibling named without doubt.
    emma1 = pupil(world, "NGUYEN", "Emma", "F", "CM1-CM2", level="CM1", born=(2017, 5, 14))
    emma2 = pupil(world, "NGUYEN", "Emma", "F", "CM1-CM2", level="CM2", born=(2016, 11, 3))
    household(e, [guardian(world, "M.", "NGUYEN", "Thierry"), guardian(world, "Mme", "TRAN", "Sophie", usage="NGUYEN")],
              [emma1, pupil(world, "NGUYEN", "Louis", "M", "CE2")])
    household(e, [guardian(world, "M.", "NGUYEN", "Bruno"), guardian(world, "Mme", "NGUYEN", "Aurélie", mail=False)],
              [emma2, pupil(world, "NGUYEN", "Adam", "M", "CP-CE1", level="CE1")])
    # A usage name in a file with one name column: the mother's row gives it, the father's the birth name.
    anais = pupil(world, "ROCHE", "Anaïs", "F", "CE2", usage="ROCHE-VIDAL")
    vidal = guardian(world, "Mme", "VIDAL", "Hélène")
    household(e, [vidal, guardian(world, "M.", "ROCHE", "Laurent")], [anais],
              naming={vidal["id"]: {anais["id"]: {"by_usage": True}}})

    scenarios["shared_first_name_class"] = {"school": "0610004D", "class": "TPS", "first_name": "Julien",
                                        "pupils": [julien_delaunay["id"], julien_commaret["id"], julien_leroy["id"]]}
    scenarios["usage_name_only_reference"] = leroy_mother["id"]
    scenarios["birth_name_only_reference"] = leroy_father["id"]
    scenarios["homonym_pupils"] = [[colin1_kids[0]["id"], colin2_kids[0]["id"]], [emma1["id"], emma2["id"]]]
    scenarios["four_children_guardians"] = [g["id"] for g in mercier + blanchard]
    scenarios["twins_in_large_family"] = [blanchard_kids[1]["id"], blanchard_kids[2]["id"]]
    scenarios["siblings_different_surnames"] = [caron_mother["id"], huet["id"]]
    scenarios["misspelt_reference"] = marchand_mother["id"]
    facts["class_labels"] = {e.folder: dict(sorted(e.class_labels.items()))}
    facts["guardian_child_columns"] = {s.guardian_file(): s.spelling for s in (a, b, c, d, e)}

    # Collège: the defect parent (with the address the ONDE file has), the collège-only family, the contact.
    defect_parent = {"id": parent["id"], "civ": parent["civ"], "last": parent["last"], "first": parent["first"],
                     "phone": parent["phone"], "mail": parent["mail"], "personne_id": "2200001",
                     "adresse_id": "3300001", "address": defect["address"], "links": [("1100001", 1, "10")]}
    for s in (a, b, c, d, e):
        s.write(root, world)
    siecle_zip(root, world, "0620001D", [college_child, college_only_child],
               [defect_parent, college_only_parent, contact])

    world.truth.sort()
    lines = ["source_file;source_ref;true_person"] + ["%s;%s;%s" % t for t in world.truth]
    write_bytes(os.path.join(root, "expected", "truth.csv"), ("\n".join(lines) + "\n").encode("utf-8"))
    facts["person_records"] = len(world.truth)
    facts["rejected_records"] = sum(1 for t in world.truth if t[2] == "")
    facts["schools"] = ["0610001A", "0610002B", "0610003C", "0610004D", "0610005E", "0620001D"]
    facts["trailer_rows"] = {"0610001A-ecole-jules-ferry/CSVExtraction-responsables.csv": len(a.trailer)}
    world.links.sort(key=lambda t: (t[0], int(t[1]) if t[1].isdigit() else 0, t[1], t[2], t[3], t[4]))
    lines = ["guardian_file;guardian_ref;pupil_file;pupil_ref;expected"] + ["%s;%s;%s;%s;%s" % t for t in world.links]
    write_bytes(os.path.join(root, "expected", "links.csv"), ("\n".join(lines) + "\n").encode("utf-8"))
    counts = {}
    for t in world.links:
        counts[t[4]] = counts.get(t[4], 0) + 1
    counts["not_found_true_child_present"] = sum(1 for t in world.links if t[4] == "not_found" and t[3])
    facts["family_links"] = counts
    write_bytes(os.path.join(root, "expected", "facts.json"),
                (json.dumps(facts, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Fixtures")
