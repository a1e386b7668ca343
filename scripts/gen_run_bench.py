#!/usr/bin/env python3
"""Seeded generator of a département- or académie-size inbox for `make bench-run` (issue 15).

Writes OUT/inbox/ in the real mix of what an operator drops for one night of `alim run`:

  inbox/<UAI>-ecole-<k>/CSVExtraction-eleves.csv        ONDE, one folder per primary school, written by
  inbox/<UAI>-ecole-<k>/CSVExtraction-responsables.csv  gen_onde_inbox.py's own school builder and writer
  inbox/colleges/ExportXML_<UAI>.zip                    SIECLE BEE per collège: ElevesSansAdresses.xml +
                                                        ResponsablesAvecAdresses.xml, ISO-8859-15, zipped
  inbox/aaf/ENTACNICE_Complet_20260831_EtabEducNat_0000.xml
  inbox/aaf/ENTACNICE_Complet_20260831_Eleve_0000.xml, _0001…         the académie's AAF Complet export
  inbox/aaf/ENTACNICE_Complet_20260831_PersRelEleve_0000.xml, _0001…  (2D), split in chunks of 4,000 requests

and OUT/manifest.json (counts per source, files, bytes) and OUT/cross_links.csv (every guardian written
both in an ONDE school and in a collège export: ONDE file and row, collège file and id).

A person record is what Alim reads as one: an ONDE pupil row, an ONDE guardian row (a guardian of four or
more children takes two rows), a SIECLE ELEVE or PERSONNE, an AAF Eleve or PersRelEleve request. The inbox
holds exactly --persons of them.

The mix (shares of the person records; the same at every size):
  - ONDE ≈ 20 %: primary schools of 100 to 300 pupils (drawn uniformly; classes of 18 to 28, double levels,
    families, twins, usage names, separated parents, all of gen_onde_inbox.py's spellings), about one
    guardian row per pupil. 150,000 → ~75 schools; 1,000,000 → ~500 schools.
  - SIECLE ≈ 45 %: collèges of 350 to 850 pupils (6e–3e, classes of ~27), ~1.6 guardian PERSONNE per pupil
    (one or two legal guardians per family, siblings in one collège share them, 6 % of families with a
    grand-parent as a level-3 contact). 150,000 → ~45 collèges; 1,000,000 → ~290.
  - AAF ≈ 35 %: the académie's Complet export for the collèges that send no SIECLE file, same families;
    `$`-packed ENTElevePersRelEleve links, numeric character references, no XML declaration.
    150,000 → ~35 collèges; 1,000,000 → ~225.
  - Across sources: 30 % of the primary families also have one (80 %) or two (20 %) older children in a
    collège of the inbox (SIECLE or AAF in proportion to their shares). Their guardians are then written in
    both exports, as the other tool writes them: accents dropped, a compound first name cut or its hyphen
    turned into a space, a one-letter typo, the married name as family name, `LE GALL` / `LEGALL`, phone as
    `+336…` or `06 12 …`, a changed or missing e-mail, the street abbreviated (`R`, `AV`, `BD`); when the
    primary school lists one guardian, the collège lists the other parent too in 40 % of cases.

Same --persons and --seed, same bytes. Stdlib only.

Usage: gen_run_bench.py --persons 150000 --seed 20261203 --out DIR
"""
import argparse
import bisect
import csv
import io
import json
import os
import random
import sys
import zipfile
from functools import lru_cache

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_onde_inbox as onde  # noqa: E402
from gen_identity_data import SURNAMES, SYL, END, BOYS, GIRLS, MEN, WOMEN, ELDERS_W, STREETS, ABBR  # noqa: E402
from gen_identity_data import strip_accents as _strip_accents  # noqa: E402

SHARE_ONDE, SHARE_SIECLE = 0.20, 0.45  # AAF takes the rest
SIBLING_RATE = 0.30                     # primary families with an older child in a collège of the inbox
AAF_CHUNK = 4000                        # requests per AAF file
YEAR = 2026
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
COLLEGE_LEVELS = [("6E", 2014, "10010012110", "6EME"), ("5E", 2013, "10110001110", "5EME"),
                  ("4E", 2012, "10210001110", "4EME"), ("3E", 2011, "10310019110", "3EME")]
SEGPA = {"6E": ("16410002110", "6EME SEGPA"), "5E": ("16510002110", "5EME SEGPA"),
         "4E": ("16610002110", "4EME SEGPA"), "3E": ("16710002110", "3EME SEGPA")}
COMMUNES = [("06000", "NICE"), ("06100", "NICE"), ("06200", "NICE"), ("06300", "NICE"), ("06400", "CANNES"),
            ("06150", "CANNES LA BOCCA"), ("06600", "ANTIBES"), ("06160", "JUAN LES PINS"), ("06800", "CAGNES SUR MER"),
            ("06700", "SAINT LAURENT DU VAR"), ("06130", "GRASSE"), ("06500", "MENTON"), ("06110", "LE CANNET"),
            ("06210", "MANDELIEU LA NAPOULE"), ("06220", "VALLAURIS"), ("06250", "MOUGINS"), ("06340", "LA TRINITE"),
            ("06510", "CARROS"), ("06560", "VALBONNE"), ("06140", "VENCE")]
COLLEGE_NAMES = ["JEAN MOULIN", "VICTOR HUGO", "JULES FERRY", "LOUIS PASTEUR", "MARIE CURIE", "JEAN JAURES",
                 "ALBERT CAMUS", "JACQUES PREVERT", "PABLO PICASSO", "SIMONE VEIL", "FREDERIC MISTRAL", "LES BREGUIERES",
                 "LA SINE", "ROLAND GARROS", "ALPHONSE DAUDET", "HENRI MATISSE", "JEAN GIONO", "PAUL ARENE"]
OPTIONS = ["030201", "030602", "030401", "020700", "061300", "100100"]
ENSEIGNEMENTS = ["FRANCAIS", "MATHEMATIQUES", "HISTOIRE-GEOGRAPHIE-EMC", "ANGLAIS LV1", "ESPAGNOL LV2",
                 "SCIENCES DE LA VIE ET DE LA TERRE", "PHYSIQUE-CHIMIE", "TECHNOLOGIE", "EDUCATION PHYSIQUE ET SPORTIVE",
                 "EDUCATION MUSICALE", "ARTS PLASTIQUES"]
ENS_CODES = ["020100", "061300", "040300", "030201", "030602", "068000", "065000", "070000", "100100", "080100", "090100"]
SURNAME_NAMES, SURNAME_CUM = zip(*SURNAMES)
SURNAME_CUM = list(SURNAME_CUM)
for _i in range(1, len(SURNAME_CUM)):
    SURNAME_CUM[_i] += SURNAME_CUM[_i - 1]


@lru_cache(maxsize=None)
def strip_accents(s):
    return _strip_accents(s)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def aaf_text(s):
    """AAF value text: escaped, and (as the 2013 exports do here and there) accents as numeric references."""
    s = esc(s)
    if s.isascii():
        return s
    return "".join(c if ord(c) < 128 else "&#%d;" % ord(c) for c in s)


def uai_of(number):
    """A UAI with the check letter of the real rule (number mod 23)."""
    return "%07d%s" % (number, LETTERS[number % 23])


class Ids:
    def __init__(self):
        self.eleve = 1_200_000
        self.personne = 3_400_000
        self.adresse = 5_600_000
        self.ine = 0
        self.aaf_pupil = 7_000_000
        self.aaf_guardian = 8_000_000
        self.uai_numbers = set()

    def next(self, name):
        v = getattr(self, name) + 1
        setattr(self, name, v)
        return v

    def ine_for(self, r):
        self.ine += 1
        # A bijection of the counter over 9 digits (387420489 is prime to 10): unique, not sequential.
        return "%09d%s%s" % ((self.ine * 387420489) % 10**9, r.choice(LETTERS), r.choice(LETTERS))

    def uai(self, r, dept="006"):
        while True:
            n = int(dept) * 10000 + r.randint(1, 9999)
            if n not in self.uai_numbers:
                self.uai_numbers.add(n)
                return uai_of(n)


def surname(r):
    if r.random() < 0.35:
        return r.choice(SYL) + r.choice(SYL[:14])[:2] + r.choice(END)
    return SURNAME_NAMES[bisect.bisect_right(SURNAME_CUM, r.random() * SURNAME_CUM[-1])]


def mobile(r):
    return "0%d%08d" % (r.choice((6, 6, 6, 7)), r.randrange(10**8))


def mail(r, first, last):
    return "%s.%s%d@%s" % (strip_accents(first).lower().replace(" ", "-"), strip_accents(last).lower().replace(" ", "").replace("'", ""),
                           r.randint(1, 999), r.choice(("example.org", "example.fr", "example.com")))


def typo(r, s):
    """One letter dropped, doubled or swapped with its neighbour, inside the word."""
    if len(s) < 4:
        return s
    i = r.randint(1, len(s) - 2)
    k = r.random()
    if k < 0.4:
        return s[:i] + s[i + 1:]
    if k < 0.7:
        return s[:i] + s[i] + s[i:]
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]


def street_variant(r, addr):
    x = r.random()
    if x < 0.25:
        number, _, rest = addr.partition(" ")
        kind, _, name = rest.partition(" ")
        return "%s %s %s" % (number, ABBR.get(kind, kind), name)
    if x < 0.32:
        return addr.title()
    if x < 0.36:
        return "%d %s" % (r.randint(1, 120), r.choice(STREETS))  # moved since the other export
    return addr


def college_copy(r, g, family_surname):
    """How the collège's export writes a guardian the primary school's ONDE file also lists."""
    first, last, usage = g["first"], g["last"], g["usage"]
    x = r.random()
    if x < 0.12:
        first = strip_accents(first)
    elif x < 0.16 and "-" in first:
        first = first.replace("-", " ")
    elif x < 0.20 and "-" in first:
        first = first.split("-")[0]
    elif x < 0.23:
        first = typo(r, first)
    elif x < 0.25:
        first = first.upper()
    last, usage = last.upper(), usage.upper()
    y = r.random()
    if y < 0.25:
        last, usage = strip_accents(last), strip_accents(usage)
    elif y < 0.30 and " " in last:
        last = last.replace(" ", "")
    elif y < 0.33 and "-" in last:
        last = last.replace("-", " ")
    elif y < 0.35:
        last = typo(r, last)
    z = r.random()
    if usage and z < 0.15:
        last, usage = usage, ""  # the collège has the married name as family name
    elif not usage and g["civ"] == "MME" and last != family_surname.upper() and z < 0.25:
        usage = family_surname.upper()  # the collège knows the married name, the school did not
    phone = g["mobile"]
    w = r.random()
    if not phone or w < 0.08:
        phone = mobile(r) if r.random() < 0.7 else ""
    elif w < 0.60:
        phone = "+33" + phone[1:]
    elif w < 0.80:
        phone = " ".join(phone[i:i + 2] for i in range(0, 10, 2))
    m = g["mail"]
    v = r.random()
    if not m or v < 0.10:
        m = mail(r, first, last) if r.random() < 0.6 else ""
    elif v < 0.20:
        m = ""
    elif v < 0.25:
        m = m.upper()
    return {"civ": g["civ"], "first": first, "last": last, "usage": usage, "mobile": phone, "mail": m,
            "addr": street_variant(r, g["addr"]), "cp": g["city"][0], "city": g["city"][1], "home": None}


class College:
    def __init__(self, kind, uai, name, size, r):
        self.kind, self.uai, self.name, self.size = kind, uai, name, size
        self.per_level = max(1, round(size / 4 / 27))
        self.style = r.choice(["%s%s", "%s %s", "%sEME%d", "%s0%d"])
        self.families = []  # (pupils, guardians): guardians are dicts with "level" and "code"
        self.pupils = 0

    def class_label(self, r, level):
        digit = level[0]
        k = r.randint(1, self.per_level)
        if self.style in ("%s%s", "%s %s"):
            return self.style % (digit, "ABCDEFGHIJKLMNOP"[min(k - 1, 15)])
        return self.style % (digit, k)


def college_pupil(r, ids, last, level, first=None, sex=None, birth=None):
    sex = sex or r.choice("MF")
    if first is None:
        first = r.choice(BOYS if sex == "M" else GIRLS)
    lv = next(x for x in COLLEGE_LEVELS if x[0] == level)
    if birth is None:
        birth = "%02d/%02d/%04d" % (r.randint(1, 28), r.randint(1, 12), lv[1] + (1 if r.random() < 0.06 else 0))
    usage = ""
    if r.random() < 0.04:
        usage = last + "-" + surname(r)
    return {"last": last, "usage": usage, "first": first, "sex": sex, "level": level, "birth": birth,
            "first2": r.choice(BOYS if sex == "M" else GIRLS) if r.random() < 0.6 else "",
            "segpa": r.random() < 0.02}


def new_family(r, ids, college):
    """A collège-only family: 1 to 3 children in this collège, one or two legal guardians, maybe a contact."""
    fam_name, other = surname(r), surname(r)
    n = r.choices([1, 2, 3], [82, 16, 2])[0]
    levels = r.sample([lv[0] for lv in COLLEGE_LEVELS], n)
    kids = []
    twins = n >= 2 and r.random() < 0.03
    for i, level in enumerate(levels):
        if twins and i == 1:
            k0 = kids[0]
            kid = college_pupil(r, ids, fam_name, k0["level"], birth=k0["birth"])
        else:
            kid = college_pupil(r, ids, fam_name if r.random() > 0.08 else other, level)
        while any(k["first"] == kid["first"] for k in kids):
            kid["first"] = r.choice(BOYS if kid["sex"] == "M" else GIRLS)
        kids.append(kid)
    cp, city = r.choice(COMMUNES)
    home = {"addr": "%d %s" % (r.randint(1, 120), r.choice(STREETS)), "cp": cp, "city": city}
    mother_last = fam_name if r.random() < 0.6 else other
    mother = {"civ": "MME", "first": r.choice(WOMEN), "last": mother_last,
              "usage": fam_name if mother_last != fam_name and r.random() < 0.5 else "", "code": "10", "level": "1"}
    father = {"civ": "M.", "first": r.choice(MEN), "last": fam_name, "usage": "", "code": "20", "level": "1"}
    guardians = [mother, father] if r.random() < 0.85 else [r.choice([mother, mother, father])]
    if len(guardians) == 1 and r.random() < 0.15:
        guardians[0]["code"] = "50"  # tuteur
    separated = len(guardians) == 2 and r.random() < 0.2
    for i, g in enumerate(guardians):
        g["mobile"] = mobile(r) if r.random() < 0.9 else ""
        g["mail"] = mail(r, g["first"], g["usage"] or g["last"]) if r.random() < 0.75 else ""
        if separated and i == 1:
            cp2, city2 = r.choice(COMMUNES)
            g.update(addr="%d %s" % (r.randint(1, 120), r.choice(STREETS)), cp=cp2, city=city2, home=None)
        else:
            g.update(home)
            g["home"] = home
    if r.random() < 0.06:
        guardians.append({"civ": "MME", "first": r.choice(ELDERS_W), "last": surname(r) if r.random() < 0.5 else fam_name,
                          "usage": "", "code": "30", "level": "3", "mobile": mobile(r) if r.random() < 0.5 else "",
                          "mail": "", "addr": "%d %s" % (r.randint(1, 120), r.choice(STREETS)), "cp": cp, "city": city,
                          "home": None})
    return kids, guardians


def siecle_zip(r, ids, c, path):
    """One collège's SIECLE export: the two BEE files, ISO-8859-15, zipped with fixed dates. Returns XML bytes."""
    el = ['<?xml version="1.0" encoding="ISO-8859-15"?>\n<BEE_ELEVES VERSION="3.0">\n  <PARAMETRES>\n'
          f"    <UAJ>{c.uai}</UAJ>\n    <ANNEE_SCOLAIRE>{YEAR}</ANNEE_SCOLAIRE>\n    <DATE_EXPORT>31/08/{YEAR}</DATE_EXPORT>\n"
          f"    <HORODATAGE>31/08/{YEAR} 19:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}</HORODATAGE>\n  </PARAMETRES>\n"
          "  <DONNEES>\n    <ELEVES>\n"]
    opts, structs = [], []
    rs = ['<?xml version="1.0" encoding="ISO-8859-15"?>\n<BEE_RESPONSABLES VERSION="2.1">\n  <PARAMETRES>\n'
          f"    <UAJ>{c.uai}</UAJ>\n    <ANNEE_SCOLAIRE>{YEAR}</ANNEE_SCOLAIRE>\n    <DATE_EXPORT>31/08/{YEAR}</DATE_EXPORT>\n"
          f"    <HORODATAGE>31/08/{YEAR} 19:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}</HORODATAGE>\n  </PARAMETRES>\n"
          "  <DONNEES>\n    <PERSONNES>\n"]
    resp, addrs = [], []
    cross = []
    elenoet = 0
    for kids, guardians in c.families:
        eids = []
        for k in kids:
            eid = ids.next("eleve")
            elenoet += 1
            k["ref"] = str(eid)
            eids.append(eid)
            lv = next(x for x in COLLEGE_LEVELS if x[0] == k["level"])
            mef = SEGPA[k["level"]][0] if k["segpa"] else lv[2]
            prev = COLLEGE_LEVELS[max(0, COLLEGE_LEVELS.index(lv) - 1)]
            ine = ids.ine_for(r)
            el.append(
                f'      <ELEVE ELEVE_ID="{eid}" ELENOET="{elenoet}">\n'
                f"        <ID_NATIONAL>{ine}</ID_NATIONAL>\n        <INE_RNIE>{ine}</INE_RNIE>\n"
                f"        <ELENOET>{elenoet}</ELENOET>\n        <ID_ELEVE_ETAB>{eid % 10**11:011d}</ID_ELEVE_ETAB>\n"
                f"        <NOM_DE_FAMILLE>{esc(k['last'])}</NOM_DE_FAMILLE>\n"
                + (f"        <NOM_USAGE>{esc(k['usage'])}</NOM_USAGE>\n" if k["usage"] else "")
                + f"        <PRENOM>{esc(k['first'])}</PRENOM>\n"
                + (f"        <PRENOM2>{esc(k['first2'])}</PRENOM2>\n" if k["first2"] else "")
                + f"        <DATE_NAISS>{k['birth']}</DATE_NAISS>\n        <DOUBLEMENT>{1 if r.random() < 0.03 else 0}</DOUBLEMENT>\n"
                f"        <CODE_PAYS>100</CODE_PAYS>\n        <ACCEPTE_SMS>{r.randint(0, 1)}</ACCEPTE_SMS>\n"
                f"        <DATE_MODIFICATION>{r.randint(1, 28):02d}/0{r.randint(6, 8)}/{YEAR}</DATE_MODIFICATION>\n"
                f"        <CODE_REGIME>{r.choice(('0', '2', '24', '29'))}</CODE_REGIME>\n"
                f"        <DATE_ENTREE>0{r.randint(1, 4)}/09/{YEAR - COLLEGE_LEVELS.index(lv)}</DATE_ENTREE>\n"
                f"        <VILLE_NAISS/>\n        <CODE_SEXE>{'2' if k['sex'] == 'F' else '1'}</CODE_SEXE>\n"
                f"        <CODE_PAYS_NAT>100</CODE_PAYS_NAT>\n        <CODE_STATUT>ST</CODE_STATUT>\n"
                f"        <CODE_MEF>{mef}</CODE_MEF>\n        <CODE_DEPARTEMENT_NAISS>006</CODE_DEPARTEMENT_NAISS>\n"
                f"        <CODE_COMMUNE_INSEE_NAISS>06{r.randint(1, 160):03d}</CODE_COMMUNE_INSEE_NAISS>\n"
                f"        <ADHESION_TRANSPORT>{r.randint(0, 1)}</ADHESION_TRANSPORT>\n        <CODE_PROVENANCE>1</CODE_PROVENANCE>\n"
                f"        <SCOLARITE_AN_DERNIER>\n          <CODE_MEF>{prev[2]}</CODE_MEF>\n"
                f"          <CODE_RNE>{c.uai}</CODE_RNE>\n          <SIGLE>CLG</SIGLE>\n          <DENOM_PRINC>COLLEGE</DENOM_PRINC>\n"
                f"          <DENOM_COMPL>{c.name}</DENOM_COMPL>\n        </SCOLARITE_AN_DERNIER>\n      </ELEVE>\n")
            opts.append(f'      <OPTION ELEVE_ID="{eid}" ELENOET="{elenoet}">\n'
                        + "".join(f"        <OPTIONS_ELEVE>\n          <NUM_OPTION>{i + 1}</NUM_OPTION>\n"
                                  f"          <CODE_MODALITE_ELECT>O</CODE_MODALITE_ELECT>\n          <CODE_MATIERE>{m}</CODE_MATIERE>\n"
                                  "        </OPTIONS_ELEVE>\n" for i, m in enumerate(r.sample(OPTIONS, r.randint(1, 3))))
                        + "      </OPTION>\n")
            structs.append(f'      <STRUCTURES_ELEVE ELEVE_ID="{eid}" ELENOET="{elenoet}">\n        <STRUCTURE>\n'
                           f"          <CODE_STRUCTURE>{c.class_label(r, k['level'])}</CODE_STRUCTURE>\n"
                           "          <TYPE_STRUCTURE>D</TYPE_STRUCTURE>\n        </STRUCTURE>\n      </STRUCTURES_ELEVE>\n")
        for g in guardians:
            pid = ids.next("personne")
            g["ref"] = str(pid)
            home = g.get("home")
            if home is not None and "adresse_id" in home:
                aid = home["adresse_id"]
            else:
                aid = ids.next("adresse")
                if home is not None:
                    home["adresse_id"] = aid
                addrs.append(f'      <ADRESSE ADRESSE_ID="{aid}">\n        <LIGNE1_ADRESSE>{esc(g["addr"])}</LIGNE1_ADRESSE>\n'
                             "        <LIGNE2_ADRESSE></LIGNE2_ADRESSE>\n        <LIGNE3_ADRESSE></LIGNE3_ADRESSE>\n"
                             "        <LIGNE4_ADRESSE></LIGNE4_ADRESSE>\n        <COMMUNE_ETRANGERE></COMMUNE_ETRANGERE>\n"
                             f"        <CODE_POSTAL>{g['cp']}</CODE_POSTAL>\n        <CODE_PAYS>100</CODE_PAYS>\n"
                             f"        <CODE_COMMUNE_INSEE>06{r.randint(1, 160):03d}</CODE_COMMUNE_INSEE>\n        <LL_PAYS>FRANCE</LL_PAYS>\n"
                             f"        <CODE_DEPARTEMENT>006</CODE_DEPARTEMENT>\n        <LIBELLE_POSTAL>{esc(g['city'])}</LIBELLE_POSTAL>\n"
                             "      </ADRESSE>\n")
            phone = g["mobile"]
            rs.append(f'      <PERSONNE PERSONNE_ID="{pid}">\n        <LC_CIVILITE>{g["civ"]}</LC_CIVILITE>\n'
                      f"        <LL_CIVILITE>{'MADAME' if g['civ'] == 'MME' else 'MONSIEUR'}</LL_CIVILITE>\n"
                      f"        <NOM_DE_FAMILLE>{esc(g['last'])}</NOM_DE_FAMILLE>\n"
                      + (f"        <NOM_USAGE>{esc(g['usage'])}</NOM_USAGE>\n" if g["usage"] else "")
                      + f"        <PRENOM>{esc(g['first'])}</PRENOM>\n"
                      + (f"        <TEL_PERSONNEL>+334{r.randrange(10**8):08d}</TEL_PERSONNEL>\n" if r.random() < 0.3 else "        <TEL_PERSONNEL></TEL_PERSONNEL>\n")
                      + (f"        <TEL_PORTABLE>{phone}</TEL_PORTABLE>\n" if phone else "        <TEL_PORTABLE/>\n")
                      + f"        <ACCEPTE_SMS>{r.randint(0, 1)}</ACCEPTE_SMS>\n        <TEL_PROFESSIONNEL></TEL_PROFESSIONNEL>\n"
                      + (f"        <MEL>{esc(g['mail'])}</MEL>\n" if g["mail"] else "        <MEL/>\n")
                      + f"        <COMMUNICATION_ADRESSE>{r.randint(0, 1)}</COMMUNICATION_ADRESSE>\n"
                      f"        <ADRESSE_ID>{aid}</ADRESSE_ID>\n        <CODE_PROFESSION>{r.choice(('23', '37', '46', '54', '56', '62', '99'))}</CODE_PROFESSION>\n"
                      "      </PERSONNE>\n")
            for eid in eids:
                payer = g["level"] == "1" and r.random() < 0.6
                resp.append(f"      <RESPONSABLE_ELEVE>\n        <ELEVE_ID>{eid}</ELEVE_ID>\n        <PERSONNE_ID>{pid}</PERSONNE_ID>\n"
                            f"        <NIVEAU_RESPONSABILITE>{g['level']}</NIVEAU_RESPONSABILITE>\n        <CODE_PARENTE>{g['code']}</CODE_PARENTE>\n"
                            f"        <PAIE_FRAIS_SCOLAIRES>{1 if payer else 0}</PAIE_FRAIS_SCOLAIRES>\n"
                            f"        <PERCOIT_LES_AIDES>{'true' if payer else 'false'}</PERCOIT_LES_AIDES>\n"
                            f"        <HEBERGE_ELEVE>{'true' if home is not None else 'false'}</HEBERGE_ELEVE>\n"
                            f"        <A_CONTACTER_EN_PRIORITE>{'true' if g['code'] == '10' else 'false'}</A_CONTACTER_EN_PRIORITE>\n"
                            "      </RESPONSABLE_ELEVE>\n")
            if "onde" in g:
                cross.append(g["onde"] + ("colleges/ExportXML_%s.zip!ResponsablesAvecAdresses.xml" % c.uai, str(pid)))
    el.append("    </ELEVES>\n    <OPTIONS>\n")
    el += opts
    el.append("    </OPTIONS>\n    <STRUCTURES>\n")
    el += structs
    el.append("    </STRUCTURES>\n    <BOURSES />\n  </DONNEES>\n</BEE_ELEVES>\n")
    rs.append("    </PERSONNES>\n    <RESPONSABLES>\n")
    rs += resp
    rs.append("    </RESPONSABLES>\n    <ADRESSES>\n")
    rs += addrs
    rs.append("    </ADRESSES>\n  </DONNEES>\n</BEE_RESPONSABLES>\n")
    total = 0
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, parts in (("ElevesSansAdresses.xml", el), ("ResponsablesAvecAdresses.xml", rs)):
            data = "".join(parts).encode("iso-8859-15", errors="xmlcharrefreplace")
            total += len(data)
            info = zipfile.ZipInfo(name, date_time=(YEAR, 8, 31, 19, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())
    return total, cross


class AAFWriter:
    """Writes one category's requests into `…_<category>_0000.xml`, `_0001`… of AAF_CHUNK requests each."""

    def __init__(self, folder, category):
        self.folder, self.category = folder, category
        self.chunk, self.count, self.f, self.bytes, self.files = -1, 0, None, 0, []

    def write(self, text):
        if self.f is None or self.count == AAF_CHUNK:
            self.close()
            self.chunk += 1
            name = "ENTACNICE_Complet_%d0831_%s_%04d.xml" % (YEAR, self.category, self.chunk)
            self.files.append("aaf/" + name)
            self.f = open(os.path.join(self.folder, name), "w", encoding="utf-8", newline="\n")
            self.f.write('<!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">\n<ficAlimMENESR>\n'
                         f'<!-- versionAF="AAF-VE2407" codeAcademieExport="23" degre="2" dateGenerationExport="31/08/{YEAR}" -->\n')
            self.count = 0
        self.f.write(text)
        self.count += 1

    def current(self):
        return self.files[-1]

    def close(self):
        if self.f is not None:
            self.f.write("</ficAlimMENESR>\n")
            self.bytes += self.f.tell()
            self.f.close()
            self.f = None


def attr(name, *values):
    if not values or (len(values) == 1 and values[0] == ""):
        return f'<attr name="{name}"><value/></attr>\n'
    return f'<attr name="{name}">' + "".join(f"<value>{v}</value>" for v in values) + "</attr>\n"


def aaf_college(r, ids, c, pupils_out, guardians_out):
    cross = []
    for kids, guardians in c.families:
        gids = []
        for g in guardians:
            gid = ids.next("aaf_guardian")
            g["ref"] = str(gid)
            gids.append(gid)
        pupil_ids = []
        for k in kids:
            pid = ids.next("aaf_pupil")
            pupil_ids.append(pid)
            lv = next(x for x in COLLEGE_LEVELS if x[0] == k["level"])
            mef, label = SEGPA[k["level"]] if k["segpa"] else (lv[2], lv[3])
            legal = [(gid, g) for gid, g in zip(gids, guardians) if g["level"] == "1"]
            lien = {"10": "2", "20": "1", "50": "3", "30": "4"}
            rels = ["%d$%s$%d$%d$%d$%d" % (gid, lien.get(g["code"], "4"), 1 if i == 0 and g["level"] == "1" else 0,
                                            (i + 1) if g["level"] == "1" else 0, 1 if g["level"] == "3" else 0,
                                            1 if i == 0 else 0)
                    for i, (gid, g) in enumerate(zip(gids, guardians))]
            father = next((gid for gid, g in legal if g["code"] == "20"), "")
            mother = next((gid for gid, g in legal if g["code"] == "10"), "")
            cls = c.class_label(r, k["level"])
            ens = r.sample(range(len(ENSEIGNEMENTS)), 8)
            pupils_out.write(
                "<addRequest>\n<operationalAttributes>" + attr("categoriePersonne", "Eleve").strip() + "</operationalAttributes>\n"
                f"<identifier><id>{pid}</id></identifier>\n<attributes>\n"
                + attr("ENTPersonJointure", pid) + attr("ENTEleveStructRattachId", c.join * 10 + r.randint(0, 9))
                + attr("ENTPersonDateNaissance", k["birth"]) + attr("ENTPersonNomPatro", aaf_text(k["last"]))
                + attr("sn", aaf_text(k["usage"] or k["last"])) + attr("givenName", aaf_text(k["first"]))
                + attr("ENTPersonAutresPrenoms", *([aaf_text(k["first2"])] if k["first2"] else []))
                + attr("personalTitle", "Mlle" if k["sex"] == "F" else "M.") + attr("ENTEleveINE", ids.ine_for(r))
                + attr("ENTEleveParents", *[gid for gid, _ in legal]) + attr("ENTElevePere", father) + attr("ENTEleveMere", mother)
                + attr("ENTEleveAutoriteParentale", *[gid for gid, _ in legal])
                + attr("ENTElevePersRelEleve1") + attr("ENTEleveQualitePersRelEleve1") + attr("ENTElevePersRelEleve2")
                + attr("ENTEleveQualitePersRelEleve2") + attr("ENTElevePersRelEleve", *rels)
                + attr("ENTEleveBoursier", "O" if r.random() < 0.2 else "N") + attr("ENTEleveRegime", r.choice(("EXTERNE LIBRE", "DEMI-PENSIONNAIRE DANS L'ETABLISSEMENT")))
                + attr("ENTEleveTransport", r.choice("ON")) + attr("ENTEleveStatutEleve", "SCOLAIRE")
                + attr("ENTEleveMEF", mef) + attr("ENTEleveLibelleMEF", label) + attr("ENTEleveNivFormation", label)
                + attr("ENTEleveFiliere", "GENERAL" if not k["segpa"] else "SEGPA")
                + attr("ENTEleveEnseignements", *[ENSEIGNEMENTS[i] for i in ens]) + attr("ENTEleveCodeEnseignements", *[ENS_CODES[i] for i in ens])
                + attr("ENTPersonStructRattach", c.join) + attr("ENTEleveClasses", f"{c.join}${cls}")
                + attr("ENTEleveGroupes", *([f"{c.join}${cls}-LATIN"] if r.random() < 0.1 else []))
                + "</attributes>\n</addRequest>\n")
        for gid, g in zip(gids, guardians):
            phone = g["mobile"]
            guardians_out.write(
                "<addRequest>\n<operationalAttributes>" + attr("categoriePersonne", "PersRelEleve").strip() + "</operationalAttributes>\n"
                f"<identifier><id>{gid}</id></identifier>\n<attributes>\n"
                + attr("ENTPersonJointure", gid) + attr("ENTPersonDateNaissance")
                + attr("ENTPersonNomPatro", aaf_text(g["last"])) + attr("sn", aaf_text(g["usage"] or g["last"]))
                + attr("givenName", aaf_text(g["first"])) + attr("personalTitle", "Mme" if g["civ"] == "MME" else "M.")
                + attr("homePhone", f"04{r.randrange(10**8):08d}" if r.random() < 0.3 else "") + attr("telephoneNumber")
                + attr("mobile", phone.replace(" ", "").replace("+33", "0") if phone else "")
                + attr("mail", esc(g["mail"]))
                + attr("ENTPersonAdresse", aaf_text(g["addr"]) + "$$$") + attr("ENTPersonCodePostal", g["cp"])
                + attr("ENTPersonVille", aaf_text(g["city"])) + attr("ENTPersonPays", "FRANCE")
                + "</attributes>\n</addRequest>\n")
            if "onde" in g:
                cross.append(g["onde"] + (guardians_out.current(), str(gid)))
    return cross


def records_of(kids, guardians):
    return len(kids) + len(guardians)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--persons", type=int, required=True)
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    N = a.persons
    if N < 5000:
        ap.error("--persons must be at least 5000 (one collège holds 350 to 850 pupils)")
    r = random.Random(a.seed)
    ids = Ids()
    inbox = os.path.join(a.out, "inbox")
    os.makedirs(os.path.join(inbox, "colleges"), exist_ok=True)
    os.makedirs(os.path.join(inbox, "aaf"), exist_ok=True)
    counts = {"onde_pupils": 0, "onde_guardian_rows": 0, "siecle_pupils": 0, "siecle_guardians": 0,
              "aaf_pupils": 0, "aaf_guardians": 0}

    # 1. Primary schools (ONDE), each with its own generator so the school builder draws as it always does.
    schools = []
    onde_target = round(N * SHARE_ONDE)
    onde_records = 0
    while onde_records < onde_target:
        k = len(schools) + 1
        rs = random.Random("%d-onde-%d" % (a.seed, k))
        uai = ids.uai(r)
        s = onde.build(rs, uai, "ecole-%d" % k, pupils=rs.randint(100, 300))
        onde.write_school(rs, s, inbox, [])
        rows = [(len(g["children"]) + 2) // 3 for g in s.guardians]
        counts["onde_pupils"] += len(s.pupils)
        counts["onde_guardian_rows"] += sum(rows)
        onde_records += len(s.pupils) + sum(rows)
        first_row, n = [], 2
        for x in rows:
            first_row.append(n)
            n += x
        s.first_row = first_row
        schools.append(s)

    # 2. Older siblings of primary pupils, in a collège of the inbox; their guardians copied as a collège writes them.
    siblings = []  # (kids, guardians)
    for s in schools:
        gfile = "%s-%s/CSVExtraction-responsables.csv" % (s.uai, s.label)
        for fam in s.families:
            if not fam["guardians"] or r.random() >= SIBLING_RATE:
                continue
            n = 1 if r.random() < 0.8 else 2
            taken = {s.pupils[i]["first"] for i in fam["pupils"]}
            last = s.pupils[fam["pupils"][0]]["last"]
            kids = []
            for level in r.sample([lv[0] for lv in COLLEGE_LEVELS], n):
                kid = college_pupil(r, ids, last, level)
                while kid["first"] in taken:
                    kid["first"] = r.choice(BOYS if kid["sex"] == "M" else GIRLS)
                taken.add(kid["first"])
                kids.append(kid)
            guardians = []
            home = None
            for gi in fam["guardians"]:
                g = s.guardians[gi]
                copy = college_copy(r, g, fam["surname"])
                copy["code"] = "10" if g["civ"] == "MME" else "20"
                copy["level"] = "1"
                copy["onde"] = (gfile, str(s.first_row[gi]))
                if home is None:
                    home = {"addr": copy["addr"], "cp": copy["cp"], "city": copy["city"]}
                    copy["home"] = home
                elif g["addr"] == s.guardians[fam["guardians"][0]]["addr"]:
                    copy.update(addr=home["addr"], cp=home["cp"], city=home["city"], home=home)
                guardians.append(copy)
            if len(guardians) == 1 and r.random() < 0.4:
                g0 = guardians[0]
                civ = "M." if g0["civ"] == "MME" else "MME"
                other = {"civ": civ, "first": r.choice(MEN if civ == "M." else WOMEN), "last": fam["surname"].upper(),
                         "usage": "", "code": "20" if civ == "M." else "10", "level": "1",
                         "mobile": mobile(r) if r.random() < 0.9 else "", "mail": "", "home": g0["home"],
                         "addr": g0["addr"], "cp": g0["cp"], "city": g0["city"]}
                guardians.append(other)
            siblings.append((kids, guardians))

    # 3. SIECLE collèges: planned sizes, siblings placed by size, then filled with collège-only families.
    per_pupil = 2.6
    siecle_share = SHARE_SIECLE / (1 - SHARE_ONDE)
    siecle_target = round(N * SHARE_SIECLE)

    def plan(kind, pupils_budget):
        out, total = [], 0
        while total < pupils_budget:
            size = r.randint(350, 850)
            c = College(kind, ids.uai(r), "%s %s" % (r.choice(COLLEGE_NAMES), r.choice(COMMUNES)[1]), size, r)
            out.append(c)
            total += size
        return out

    def place(colleges, fams):
        cum, t = [], 0
        for c in colleges:
            t += c.size
            cum.append(t)
        for fam in fams:
            c = colleges[bisect.bisect_right(cum, r.random() * t)]
            c.families.append(fam)
            c.pupils += len(fam[0])

    to_siecle, to_aaf = [], []
    for fam in siblings:
        (to_siecle if r.random() < siecle_share else to_aaf).append(fam)
    siecle = plan("siecle", siecle_target / per_pupil)
    place(siecle, to_siecle)
    cross = []
    xml_bytes = 0
    siecle_records = sum(records_of(*f) for f in to_siecle)
    for c in siecle:
        while c.pupils < c.size:
            fam = new_family(r, ids, c)
            c.families.append(fam)
            c.pupils += len(fam[0])
            siecle_records += records_of(*fam)
        n, x = siecle_zip(r, ids, c, os.path.join(inbox, "colleges", "ExportXML_%s.zip" % c.uai))
        xml_bytes += n
        cross += x
        for kids, guardians in c.families:
            counts["siecle_pupils"] += len(kids)
            counts["siecle_guardians"] += len(guardians)
        c.families = []
    measured = siecle_records / max(1, sum(c.size for c in siecle))

    # 4. AAF: the rest, exactly, in the académie's collèges.
    aaf_budget = N - onde_records - siecle_records
    fixed = sum(records_of(*f) for f in to_aaf)
    aaf = plan("aaf", max(0, aaf_budget) / measured)
    for j, c in enumerate(aaf):
        c.join = 60000 + j
    if not aaf and to_aaf:
        aaf = plan("aaf", 1)
        aaf[0].join = 60000
    place(aaf, to_aaf)
    free = aaf_budget - fixed
    pupils_out = AAFWriter(os.path.join(inbox, "aaf"), "Eleve")
    guardians_out = AAFWriter(os.path.join(inbox, "aaf"), "PersRelEleve")
    i = 0
    while i < len(aaf) or free > 0:
        if i == len(aaf):  # the plan fell short: one more collège
            c = College("aaf", ids.uai(r), "%s %s" % (r.choice(COLLEGE_NAMES), r.choice(COMMUNES)[1]), r.randint(350, 850), r)
            c.join = 60000 + i
            aaf.append(c)
        c = aaf[i]
        # The last collège of the plan may grow by a fifth rather than leave a tiny one for the remainder.
        cap = c.size * (1.2 if i == len(aaf) - 1 else 1)
        while free > 0 and c.pupils < cap:
            kids, guardians = new_family(r, ids, c)
            if len(kids) + len(guardians) > free:
                kids = kids[:max(1, min(len(kids), free - 1))] if free > 1 else kids[:1]
                guardians = guardians[:free - len(kids)]
            c.families.append((kids, guardians))
            c.pupils += len(kids)
            free -= len(kids) + len(guardians)
        cross += aaf_college(r, ids, c, pupils_out, guardians_out)
        for kids, guardians in c.families:
            counts["aaf_pupils"] += len(kids)
            counts["aaf_guardians"] += len(guardians)
        c.families = []
        i += 1
    pupils_out.close()
    guardians_out.close()
    etab = ['<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">\n<ficAlimMENESR>\n'
            f'<!-- versionAF="AAF-VE2407" codeAcademieExport="23" degre="2" dateGenerationExport="31/08/{YEAR}" -->\n']
    for c in aaf:
        etab.append("<addRequest>\n<operationalAttributes>" + attr("categorieStructure", "EtabEducNat").strip() + "</operationalAttributes>\n"
                    f"<identifier><id>{c.join}</id></identifier>\n<attributes>\n" + attr("ENTStructureJointure", c.join)
                    + attr("ENTStructureUAI", c.uai) + attr("ENTEtablissementUAI", c.uai)
                    + attr("ENTStructureNomCourant", esc("CLG " + c.name)) + attr("ENTStructureTypeStruct", "COLLEGE")
                    + attr("ENTEtablissementContrat", "PU") + attr("ENTServAcAcademie", "NICE") + "</attributes>\n</addRequest>\n")
    etab.append("</ficAlimMENESR>\n")
    etab_name = "ENTACNICE_Complet_%d0831_EtabEducNat_0000.xml" % YEAR
    data = "".join(etab).encode("utf-8")
    with open(os.path.join(inbox, "aaf", etab_name), "wb") as f:
        f.write(data)

    total = sum(counts.values())
    if total != N:
        raise SystemExit("internal: %d person records written, %d asked" % (total, N))
    with open(os.path.join(a.out, "cross_links.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["onde_file", "onde_ref", "college_file", "college_ref"])
        w.writerows(cross)
    manifest = {
        "persons": N, "seed": a.seed, "counts": counts,
        "primary_schools": len(schools), "siecle_colleges": len(siecle), "aaf_colleges": len(aaf),
        "aaf_files": {"Eleve": len(pupils_out.files), "PersRelEleve": len(guardians_out.files), "EtabEducNat": 1},
        "guardians_in_onde_and_college": len(cross),
        "xml_bytes": {"siecle_unzipped": xml_bytes, "aaf": pupils_out.bytes + guardians_out.bytes + len(data)},
    }
    with open(os.path.join(a.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(manifest, sort_keys=True))


if __name__ == "__main__":
    main()
