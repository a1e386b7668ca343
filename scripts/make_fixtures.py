#!/usr/bin/env python3
"""Generates the sample inbox in Fixtures/ (seeded, deterministic) and the expected facts.

Layout written under the target folder:
  inbox/0610001A-ecole-jules-ferry/   ONDE, current headers, quoted, cp1252, CRLF, no final newline,
                                      guardians file with an "organismes d'accueil" trailer
  inbox/0610002B-ecole-pasteur/       older Base Élèves headers, unquoted, cp1252, LF, dd/mm/yyyy dates
  inbox/0610003C/                     small maternelle, UTF-8 with BOM, LF
  inbox/colleges/ExportXML_0620001D.zip   SIECLE BEE (ElevesSansAdresses + ResponsablesAvecAdresses)
  expected/truth.csv                  source_file;source_ref;true_person for every person record
  expected/facts.json                 counts and named scenarios the end-to-end tests check

Scenarios: twins Léa/Léo (same birth date, same parents); a guardian with children in two schools;
the same guardian in ONDE and SIECLE (CM1 child + 5e child: the DOMAIN.md defect); a guardian
listed twice in one school with accents dropped; a child reference that matches no pupil (warning);
a guardian row whose only child is unknown (reject); a pupil row without first name (reject).
"""
import io
import json
import os
import random
import sys
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

LEVEL_BY_CLASS = {"CP": "CP", "CE1": "CE1", "CE2": "CE2", "CM1": "CM1", "CM2": "CM2", "PS": "PS", "MS": "MS", "GS": "GS"}
CYCLE = {"PS": "MATERNELLE", "MS": "MATERNELLE", "GS": "MATERNELLE", "CP": "CYCLE II", "CE1": "CYCLE II",
         "CE2": "CYCLE III", "CM1": "CYCLE III", "CM2": "CYCLE III"}
BIRTH_YEAR = {"PS": 2023, "MS": 2022, "GS": 2021, "CP": 2020, "CE1": 2019, "CE2": 2018, "CM1": 2017, "CM2": 2016,
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
ONDE_GUARDIAN_HEADER = ["Civilité Responsable", "Nom usage responsable", "Nom responsable", "Prénom responsable",
                        "Adresse responsable", "CP responsable", "Commune responsable", "Pays", "Courriel",
                        "Téléphone domicile", "Téléphone travail", "Numéro de poste", "Téléphone portable"] + \
                       ["Nom d'usage enfant", "Nom de famille enfant", "Prénom enfant", "Classes enfants"] * 3
OLD_PUPIL_HEADER = ["Nom de famille élève", "Nom d'usage élève", "Prénom 1", "Date de naissance", "Sexe",
                    "Niveau", "Libellé classe"]
OLD_GUARDIAN_HEADER = ["Civilité Responsable", "Nom de famille responsable", "Nom usage responsable",
                       "Prénom responsable", "Adresse responsable", "CP responsable", "Commune responsable", "Pays",
                       "Courriel", "Téléphone domicile", "Téléphone travail", "Téléphone portable"] + \
                      ["Nom d'usage enfant", "Nom de famille enfant", "Prénom enfant", "Classes enfants"] * 3


class OndeSchool:
    def __init__(self, folder, old=False, quoted=True, crlf=True, encoding="cp1252", iso_dates=True, final_eol=False):
        self.folder, self.old, self.quoted, self.crlf = folder, old, quoted, crlf
        self.encoding, self.iso, self.final_eol = encoding, iso_dates, final_eol
        self.pupil_rows, self.guardian_rows = [], []  # (cells, person id or None for rejects)
        self.trailer = []

    def add_family(self, fam, drop_accents_guardian=None):
        for c in fam["children"]:
            self.add_pupil(c, fam["address"])
        for g in fam["guardians"]:
            self.add_guardian(g, fam["address"], fam["children"])

    def add_pupil(self, c, address, first=None):
        first = c["first"] if first is None else first
        if self.old:
            cells = [c["last"], c["usage"], first, fmt_date(c["birth"], self.iso), c["sex"],
                     LEVEL_BY_CLASS.get(c["class"], c["class"]), c["class"]]
        else:
            cells = [c["last"], c["usage"], first, fmt_date(c["birth"], self.iso), c["sex"], address[0], address[1],
                     address[2], "FRANCE", "", "", "", "", CYCLE.get(c["class"], ""), LEVEL_BY_CLASS.get(c["class"], ""),
                     c["class"], R.choice(["Oui", "Non"]), R.choice(["Oui", "Non"]), R.choice(["Oui", "Non"]), ""]
        self.pupil_rows.append((cells, c["id"] if first else None))

    def add_guardian(self, g, address, children, transform=None, person=None):
        last, first = g["last"], g["first"]
        if transform:
            last, first = transform(last), transform(first)
        kids = []
        for c in children[:3]:
            kids += [c["usage"], c["last"], c["first"], c["class"]]
        if self.old:
            cells = [g["civ"], last, g["usage"], first, address[0], address[1], address[2], "FRANCE", g["mail"],
                     "", "", g["phone"]] + kids
        else:
            cells = [g["civ"], g["usage"], last, first, address[0], address[1], address[2], "", g["mail"], "", "", "",
                     g["phone"]] + kids
        # ONDE rows are not padded: trailing empty child groups are simply absent.
        self.guardian_rows.append((cells, g["id"] if person is None else person))

    def write(self, root, world):
        eol = "\r\n" if self.crlf else "\n"
        folder = os.path.join(root, "inbox", self.folder)
        pupil_header = OLD_PUPIL_HEADER if self.old else ONDE_PUPIL_HEADER
        guardian_header = OLD_GUARDIAN_HEADER if self.old else ONDE_GUARDIAN_HEADER
        for name, header, rows, trailer in (("CSVExtraction-eleves.csv", pupil_header, self.pupil_rows, []),
                                            ("CSVExtraction-responsables.csv", guardian_header, self.guardian_rows,
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

    # Collège: the defect parent (with the address the ONDE file has), the collège-only family, the contact.
    defect_parent = {"id": parent["id"], "civ": parent["civ"], "last": parent["last"], "first": parent["first"],
                     "phone": parent["phone"], "mail": parent["mail"], "personne_id": "2200001",
                     "adresse_id": "3300001", "address": defect["address"], "links": [("1100001", 1, "10")]}
    for s in (a, b, c):
        s.write(root, world)
    siecle_zip(root, world, "0620001D", [college_child, college_only_child],
               [defect_parent, college_only_parent, contact])

    world.truth.sort()
    lines = ["source_file;source_ref;true_person"] + ["%s;%s;%s" % t for t in world.truth]
    write_bytes(os.path.join(root, "expected", "truth.csv"), ("\n".join(lines) + "\n").encode("utf-8"))
    facts["person_records"] = len(world.truth)
    facts["rejected_records"] = sum(1 for t in world.truth if t[2] == "")
    facts["schools"] = ["0610001A", "0610002B", "0610003C", "0620001D"]
    facts["trailer_rows"] = {"0610001A-ecole-jules-ferry/CSVExtraction-responsables.csv": len(a.trailer)}
    write_bytes(os.path.join(root, "expected", "facts.json"),
                (json.dumps(facts, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Fixtures")
