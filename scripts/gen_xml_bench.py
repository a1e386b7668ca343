#!/usr/bin/env python3
"""Generates large, seeded SIECLE BEE or AAF files for scripts/bench-xml.sh.

usage: gen_xml_bench.py siecle|aaf SIZE_MB OUTDIR

siecle: ElevesSansAdresses.xml (~1/3 of SIZE_MB) + ResponsablesAvecAdresses.xml (~2/3), ISO-8859-15,
        two guardians per pupil (levels 1 and 1, sometimes a level-3 contact), with addresses.
aaf:    one ficAlimMENESR Complet file, no XML declaration (UTF-8), Eleve requests then PersRelEleve
        requests, `$`-packed ENTElevePersRelEleve links; numeric character references here and there.
Same seed, same bytes.
"""
import os
import random
import sys

FIRST = ["Léa", "Léo", "Zoé", "Hélène", "Jérôme", "Anaïs", "Noé", "Chloé", "Maël", "Inès", "Paul", "Emma", "Louis", "Jade"]
LAST = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "PETIT", "DURAND", "LEROY", "MOREAU", "SIMON", "LAURENT", "FRANÇOIS"]
STREETS = ["RUE DES HOMMETS", "AVENUE JEAN JAURÈS", "CHEMIN DU MOULIN", "PLACE DE L'ÉGLISE", "BOULEVARD PASTEUR"]
MEF = ["10010012110", "10110001110", "10210001110", "10310019110"]


def siecle(target, out, rnd):
    pupils_target, guardians_target = target // 3, target - target // 3
    uai = "0141234A"
    n_pupils = 0
    with open(os.path.join(out, "ElevesSansAdresses.xml"), "w", encoding="iso-8859-15") as f:
        f.write('<?xml version="1.0" encoding="ISO-8859-15"?>\n<BEE_ELEVES VERSION="3.0">\n')
        f.write(f"  <PARAMETRES>\n    <UAJ>{uai}</UAJ>\n    <ANNEE_SCOLAIRE>2024</ANNEE_SCOLAIRE>\n  </PARAMETRES>\n  <DONNEES>\n    <ELEVES>\n")
        structures = []
        while f.tell() < pupils_target * 0.8:
            n_pupils += 1
            eid = 100000 + n_pupils
            f.write(f'      <ELEVE ELEVE_ID="{eid}" ELENOET="{n_pupils}">\n'
                    f"        <ID_NATIONAL>{rnd.randrange(10**9):09d}AB</ID_NATIONAL>\n"
                    f"        <NOM_DE_FAMILLE>{rnd.choice(LAST)}</NOM_DE_FAMILLE>\n"
                    f"        <PRENOM>{rnd.choice(FIRST)}</PRENOM>\n        <PRENOM2>{rnd.choice(FIRST)}</PRENOM2>\n"
                    f"        <DATE_NAISS>{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/{rnd.randint(2010, 2014)}</DATE_NAISS>\n"
                    f"        <DOUBLEMENT>0</DOUBLEMENT>\n        <CODE_SEXE>{rnd.randint(1, 2)}</CODE_SEXE>\n"
                    f"        <CODE_MEF>{rnd.choice(MEF)}</CODE_MEF>\n        <VILLE_NAISS></VILLE_NAISS>\n"
                    f"        <SCOLARITE_AN_DERNIER>\n          <CODE_MEF>{rnd.choice(MEF)}</CODE_MEF>\n          <CODE_RNE>{uai}</CODE_RNE>\n        </SCOLARITE_AN_DERNIER>\n"
                    "      </ELEVE>\n")
            structures.append(eid)
        f.write("    </ELEVES>\n    <STRUCTURES>\n")
        for eid in structures:
            f.write(f'      <STRUCTURES_ELEVE ELEVE_ID="{eid}">\n        <STRUCTURE>\n          <CODE_STRUCTURE>{rnd.randint(3, 6)} {rnd.choice("ABCD")}</CODE_STRUCTURE>\n'
                    "          <TYPE_STRUCTURE>D</TYPE_STRUCTURE>\n        </STRUCTURE>\n      </STRUCTURES_ELEVE>\n")
        f.write("    </STRUCTURES>\n    <BOURSES />\n  </DONNEES>\n</BEE_ELEVES>\n")

    with open(os.path.join(out, "ResponsablesAvecAdresses.xml"), "w", encoding="iso-8859-15") as f:
        f.write('<?xml version="1.0" encoding="ISO-8859-15"?>\n<BEE_RESPONSABLES VERSION="2.1">\n')
        f.write(f"  <PARAMETRES>\n    <UAJ>{uai}</UAJ>\n  </PARAMETRES>\n  <DONNEES>\n    <PERSONNES>\n")
        n = 0
        links = []
        while f.tell() < guardians_target * 0.45:
            n += 1
            pid = 200000 + n
            f.write(f'      <PERSONNE PERSONNE_ID="{pid}">\n        <LC_CIVILITE>{rnd.choice(["M.", "MME"])}</LC_CIVILITE>\n'
                    f"        <NOM_DE_FAMILLE>{rnd.choice(LAST)}</NOM_DE_FAMILLE>\n        <PRENOM>{rnd.choice(FIRST)}</PRENOM>\n"
                    f"        <TEL_PERSONNEL>+332{rnd.randrange(10**8):08d}</TEL_PERSONNEL>\n        <TEL_PORTABLE>+336{rnd.randrange(10**8):08d}</TEL_PORTABLE>\n"
                    f"        <ACCEPTE_SMS>{rnd.randint(0, 1)}</ACCEPTE_SMS>\n        <TEL_PROFESSIONNEL></TEL_PROFESSIONNEL>\n"
                    f"        <MEL>p{pid}@example.fr</MEL>\n        <ADRESSE_ID>{pid}</ADRESSE_ID>\n      </PERSONNE>\n")
            links.append((100000 + rnd.randint(1, max(n_pupils, 1)), pid))
        f.write("    </PERSONNES>\n    <RESPONSABLES>\n")
        for eid, pid in links:
            f.write(f"      <RESPONSABLE_ELEVE>\n        <ELEVE_ID>{eid}</ELEVE_ID>\n        <PERSONNE_ID>{pid}</PERSONNE_ID>\n"
                    f"        <NIVEAU_RESPONSABILITE>{rnd.choice('1113')}</NIVEAU_RESPONSABILITE>\n        <CODE_PARENTE>{rnd.choice(['10', '20', '50'])}</CODE_PARENTE>\n"
                    f"        <PAIE_FRAIS_SCOLAIRES>{rnd.randint(0, 1)}</PAIE_FRAIS_SCOLAIRES>\n        <PERCOIT_LES_AIDES>{rnd.choice(['true', 'false'])}</PERCOIT_LES_AIDES>\n"
                    "      </RESPONSABLE_ELEVE>\n")
        f.write("    </RESPONSABLES>\n    <ADRESSES>\n")
        for _, pid in links:
            f.write(f'      <ADRESSE ADRESSE_ID="{pid}">\n        <LIGNE1_ADRESSE>{rnd.randint(1, 99)} {rnd.choice(STREETS)}</LIGNE1_ADRESSE>\n'
                    "        <LIGNE2_ADRESSE></LIGNE2_ADRESSE>\n        <LIGNE3_ADRESSE/>\n"
                    f"        <CODE_POSTAL>14{rnd.randrange(1000):03d}</CODE_POSTAL>\n        <LIBELLE_POSTAL>CAEN</LIBELLE_POSTAL>\n        <LL_PAYS>FRANCE</LL_PAYS>\n"
                    "      </ADRESSE>\n")
        f.write("    </ADRESSES>\n  </DONNEES>\n</BEE_RESPONSABLES>\n")


def attr(name, *values):
    inner = "".join(f"<value>{v}</value>" for v in values) if values else "<value/>"
    return f'<attr name="{name}">{inner}</attr>\n'


def aaf(target, out, rnd):
    path = os.path.join(out, "ENT_Complet_20240101_Eleve_PersRelEleve_0000.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">\n<ficAlimMENESR>\n<!-- versionAF="AAF-VE2407" degre="2" -->\n')
        f.write("<addRequest>\n<operationalAttributes>" + attr("categorieStructure", "EtabEducNat").strip() + "</operationalAttributes>\n"
                "<identifier><id>52006</id></identifier>\n<attributes>\n" + attr("ENTStructureJointure", "52006")
                + attr("ENTStructureUAI", "0061234B") + attr("ENTStructureNomCourant", "COLLEGE TEST") + "</attributes>\n</addRequest>\n")
        n = 0
        while f.tell() < target * 0.43:
            n += 1
            pid = 2600000 + n
            g1, g2 = 2 * pid, 2 * pid + 1
            f.write("<addRequest>\n<operationalAttributes>" + attr("categoriePersonne", "Eleve").strip() + "</operationalAttributes>\n"
                    f"<identifier><id>{pid}</id></identifier>\n<attributes>\n"
                    + attr("ENTPersonJointure", pid) + attr("ENTPersonDateNaissance", f"{rnd.randint(1, 28):02d}/09/2011")
                    + attr("ENTPersonNomPatro", rnd.choice(LAST)) + attr("sn", rnd.choice(LAST)) + attr("givenName", "J&#233;r&#244;me" if n % 7 == 0 else rnd.choice(FIRST))
                    + attr("ENTPersonAutresPrenoms", rnd.choice(FIRST), rnd.choice(FIRST)) + attr("personalTitle", "Mlle")
                    + attr("ENTEleveAutoriteParentale", g1, g2)
                    + attr("ENTElevePersRelEleve", f"{g1}$2$1$1$0$0", f"{g2}$1$0$2$0$0")
                    + attr("ENTEleveMEF", rnd.choice(MEF)) + attr("ENTEleveNivFormation", "4EME") + attr("ENTEleveFiliere", "GENERAL")
                    + attr("ENTEleveEnseignements", "FRANCAIS", "MATHEMATIQUES", "ANGLAIS LV1", "EDUCATION PHYSIQUE ET SPORTIVE")
                    + attr("ENTPersonStructRattach", "52006") + attr("ENTEleveClasses", f"52006${rnd.randint(3, 6)}EME {rnd.choice('ABCD')}")
                    + attr("ENTEleveGroupes") + "</attributes>\n</addRequest>\n")
        for i in range(1, n + 1):
            for gid in (2 * (2600000 + i), 2 * (2600000 + i) + 1):
                f.write("<addRequest>\n<operationalAttributes>" + attr("categoriePersonne", "PersRelEleve").strip() + "</operationalAttributes>\n"
                        f"<identifier><id>{gid}</id></identifier>\n<attributes>\n"
                        + attr("ENTPersonJointure", gid) + attr("sn", rnd.choice(LAST)) + attr("givenName", rnd.choice(FIRST))
                        + attr("personalTitle", rnd.choice(["M.", "Mme"])) + attr("homePhone", f"04{rnd.randrange(10**8):08d}")
                        + attr("telephoneNumber") + attr("mail", f"g{gid}@example.fr")
                        + attr("ENTPersonAdresse", f"{rnd.randint(1, 99)} {rnd.choice(STREETS)}$$$") + attr("ENTPersonCodePostal", "06000")
                        + attr("ENTPersonVille", "NICE") + attr("ENTPersonPays", "FRANCE") + "</attributes>\n</addRequest>\n")
        f.write("</ficAlimMENESR>\n")


def main():
    kind, size_mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(20240101)
    {"siecle": siecle, "aaf": aaf}[kind](size_mb * 1024 * 1024, out, rnd)


if __name__ == "__main__":
    main()
