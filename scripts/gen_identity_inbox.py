#!/usr/bin/env python3
"""Writes the records of gen_identity_data.py as a real inbox that `alim run` reads: ONDE CSV (cp1252, both
header spellings, quoted or not, CRLF), SIECLE BEE XML (ISO-8859-15: a letter outside Latin-9 becomes « ? »,
as SIECLE writes it) and AAF (UTF-8, no declaration, DOCTYPE), with the truth keyed by the refs Alim gives
(ONDE: row number; SIECLE: ELEVE_ID / PERSONNE_ID; AAF: the identifier). scripts/score_identity.py then scores
the lineage.csv of the run, persons and accounts, per duplicate category.

Usage: gen_identity_inbox.py --records N --seed S --out DIR [--profile hard]
       writes DIR/inbox/… and DIR/truth.csv, tags.csv, hardneg.csv, records.csv   (stdlib only)
"""
import argparse, csv, os, random
from collections import defaultdict
from xml.sax.saxutils import escape

import gen_identity_data as g

PUPIL_HEADERS = [  # (spellings of ONDE, older Base Élèves): both must be read
    ["Nom Elève", "Nom d'usage Elève", "Prénom Elève", "Date naissance", "Sexe", "INE", "Adresse1", "Cp1", "Commune1",
     "Pays1", " Cycle", "Niveau", "Classe", "Autorisations photos"],
    ["Nom de famille élève", "Nom usage élève", "Prénom 1", "Date de naissance", "Sexe", "INE élève", "Adresse", "CP",
     "Commune", "Pays", " Cycle", "Niveau", "Libellé classe", "Autorisations photos"],
]
GUARDIAN_HEAD = ["Civilité Responsable", "Nom usage responsable", "Nom responsable", "Prénom responsable",
                 "Adresse responsable", "CP responsable", "Commune responsable", "Pays", "Courriel", "Téléphone domicile",
                 "Téléphone travail", "Numéro de poste", "Téléphone portable"]
CHILD_HEAD = [["Nom d'usage enfant", "Nom de famille enfant", "Prénom enfant", "Classes enfants"],
              ["Nom usage élève", "Nom de famille élève", "Prénom élève", "Classes enfants"]]
AAF_NAMES = {"aaf/ENT_Complet_Eleve_0000.xml": "aaf/ENTACNICE_Complet_20260831_Eleve_0000.xml",
             "aaf/ENT_Complet_PersRelEleve_0000.xml": "aaf/ENTACNICE_Complet_20260831_PersRelEleve_0000.xml"}


def french(iso):
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if iso and len(iso) == 10 else ""


def split_phones(rec):
    home = [p["raw"] for p in rec["phones"] if p["kind"] != "mobile"]
    mobile = [p["raw"] for p in rec["phones"] if p["kind"] == "mobile"]
    return (home[0] if home else ""), (home[1] if len(home) > 1 else mobile[1] if len(mobile) > 1 else ""), (mobile[0] if mobile else "")


def write_csv(path, rows, quoted, encoding="cp1252"):
    def cell(v):
        v = (v or "").replace('"', "'").replace(";", ",")
        return f'"{v}"' if quoted and v else v
    text = "\r\n".join(";".join(cell(c) for c in row) for row in rows)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text.encode(encoding, errors="replace"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    ap.add_argument("--profile", choices=["classic", "hard"], default="hard")
    args = ap.parse_args()
    rates = dict(typo=0.02, swap_date=0.005, digit_date=0.004, swap_names=0.005, moved=0.02)
    if args.profile == "hard":
        rates.update(g.HARD_RATES)
    gen = g.Gen(args.seed, rates)
    gen.build(args.records)
    w = g.Writer(gen)
    tmp = os.path.join(args.out, "records")
    w.write(tmp)  # ingest.json, truth, tags, hardneg in the generator's naming
    r = random.Random(args.seed * 7 + 1)
    inbox = os.path.join(args.out, "inbox")
    by_file = defaultdict(list)
    for rec in w.records:
        by_file[rec["ref"]["file"]].append(rec)
    pupils = {(rec["ref"]["file"], rec["ref"]["ref"]): rec for rec in w.records if rec["kind"] == "pupil"}
    rename = {}
    siecle = defaultdict(dict)
    aaf_pupils, aaf_guardians = [], []
    for file, recs in sorted(by_file.items()):
        name = os.path.basename(file)
        if name == "CSVExtraction-eleves.csv":
            recs.sort(key=lambda x: int(x["ref"]["ref"]))
            assert [int(x["ref"]["ref"]) for x in recs] == list(range(2, len(recs) + 2)), file
            old = r.random() < 0.3
            head = PUPIL_HEADERS[1 if old else 0]
            rows = [head]
            for p in recs:
                rows.append([p["lastName"], p.get("usageName") or "", p["firstName"],
                             french(p.get("birthDate")) if old else p.get("birthDate") or "", p.get("sex") or "", p.get("ine") or "",
                             "", "", "", "", "", p["level"], p["className"], "Oui"])
            write_csv(os.path.join(inbox, file), rows, quoted=r.random() < 0.6)
        elif name == "CSVExtraction-responsables.csv":
            recs.sort(key=lambda x: int(x["ref"]["ref"]))
            assert [int(x["ref"]["ref"]) for x in recs] == list(range(2, len(recs) + 2)), file
            child_head = CHILD_HEAD[1 if r.random() < 0.3 else 0]
            rows = [GUARDIAN_HEAD + child_head * 3]
            for p in recs:
                home, work, mobile = split_phones(p)
                a = p.get("address") or {}
                row = [p.get("civility") or "", p.get("usageName") or "", p["lastName"], p["firstName"], " ".join(a.get("lines") or []),
                       a.get("postalCode") or "", a.get("city") or "", "FRANCE" if a else "", (p.get("email") or "").strip(),
                       home, work, "", mobile]
                for link in p["links"][:3]:
                    k = pupils[(link["pupil"]["file"], link["pupil"]["ref"])]
                    row += [k.get("usageName") or "", k["lastName"], k["firstName"], k["className"]]
                rows.append(row)  # not padded, as ONDE writes it
            write_csv(os.path.join(inbox, file), rows, quoted=r.random() < 0.6)
        elif name in ("ElevesSansAdresses.xml", "ResponsablesAvecAdresses.xml"):
            siecle[os.path.dirname(file)][name] = recs
        elif "PersRelEleve" in name:
            aaf_guardians = recs
        else:
            aaf_pupils = recs
    # AAF links a guardian from its pupils' side: a guardian none of whose children is in the AAF export
    # cannot be read (Alim rejects it), so it is left out of the inbox and of the truth.
    aaf_ids = {p["ref"]["ref"] for p in aaf_pupils}
    kept = [p for p in aaf_guardians if any(aaf_pupil_id(l["pupil"]["ref"]) in aaf_ids for l in p["links"])]
    dropped = {(p["ref"]["file"], p["ref"]["ref"]) for p in aaf_guardians} - {(p["ref"]["file"], p["ref"]["ref"]) for p in kept}
    aaf_guardians = kept
    w.truth = [t for t in w.truth if (t[0], t[1]) not in dropped]
    w.records = [x for x in w.records if (x["ref"]["file"], x["ref"]["ref"]) not in dropped]
    for uai, files in sorted(siecle.items()):
        write_siecle(os.path.join(inbox, uai), uai, files.get("ElevesSansAdresses.xml", []), files.get("ResponsablesAvecAdresses.xml", []))
    write_aaf(inbox, aaf_pupils, aaf_guardians)
    # Truth and meta under the names Alim gives the files.
    def rn(f):
        return AAF_NAMES.get(f, f)
    with open(os.path.join(args.out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(["file", "ref", "true_person"])
        out.writerows(sorted((rn(a), b, p) for a, b, p in w.truth))
    with open(os.path.join(args.out, "tags.csv"), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(["file", "ref", "tags"])
        out.writerows(sorted((rn(a), b, ",".join(sorted(t))) for (a, b), t in w.tags.items() if t))
    with open(os.path.join(args.out, "records.csv"), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(["file", "ref", "kind", "source", "stage"])
        out.writerows(sorted((rn(x["ref"]["file"]), x["ref"]["ref"], "pupil" if x["kind"] == "pupil" else "guardian", x["source"], x["stage"])
                             for x in w.records))
    os.replace(os.path.join(tmp, "hardneg.csv"), os.path.join(args.out, "hardneg.csv"))
    print(f"inbox of {len(w.records)} records ({len(dropped)} AAF guardians without an AAF child left out) -> {inbox}")


def write_siecle(folder, uai, pupils, guardians):
    os.makedirs(folder, exist_ok=True)
    head = ('<?xml version="1.0" encoding="ISO-8859-15"?>\n<{root} VERSION="{v}">\n  <PARAMETRES>\n    <UAJ>{uai}</UAJ>\n'
            "    <ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE>\n    <DATE_EXPORT>31/08/2026</DATE_EXPORT>\n  </PARAMETRES>\n  <DONNEES>\n")
    el = [head.format(root="BEE_ELEVES", v="3.0", uai=uai[:8]), "    <ELEVES>\n"]
    structs = []
    for p in pupils:
        eid = p["ref"]["ref"]
        el.append(f'      <ELEVE ELEVE_ID="{eid}" ELENOET="{eid}">\n'
                  + (f"        <ID_NATIONAL>{p['ine']}</ID_NATIONAL>\n" if p.get("ine") else "")
                  + f"        <NOM_DE_FAMILLE>{escape(p['lastName'])}</NOM_DE_FAMILLE>\n"
                  + (f"        <NOM_USAGE>{escape(p['usageName'])}</NOM_USAGE>\n" if p.get("usageName") else "")
                  + f"        <PRENOM>{escape(p['firstName'])}</PRENOM>\n        <DATE_NAISS>{french(p.get('birthDate'))}</DATE_NAISS>\n"
                  + f"        <CODE_SEXE>{'2' if p.get('sex') == 'F' else '1'}</CODE_SEXE>\n        <CODE_MEF>10010012110</CODE_MEF>\n"
                  + "      </ELEVE>\n")
        structs.append(f'      <STRUCTURES_ELEVE ELEVE_ID="{eid}" ELENOET="{eid}">\n        <STRUCTURE>\n'
                       f"          <CODE_STRUCTURE>{escape(p['className'])}</CODE_STRUCTURE>\n          <TYPE_STRUCTURE>D</TYPE_STRUCTURE>\n"
                       "        </STRUCTURE>\n      </STRUCTURES_ELEVE>\n")
    el += ["    </ELEVES>\n    <STRUCTURES>\n"] + structs + ["    </STRUCTURES>\n  </DONNEES>\n</BEE_ELEVES>\n"]
    rs = [head.format(root="BEE_RESPONSABLES", v="2.1", uai=uai[:8]), "    <PERSONNES>\n"]
    resp, addrs = [], []
    for n, p in enumerate(guardians):
        pid = p["ref"]["ref"]
        home, work, mobile = split_phones(p)
        a = p.get("address")
        aid = f"9{pid}"
        rs.append(f'      <PERSONNE PERSONNE_ID="{pid}">\n        <NOM_DE_FAMILLE>{escape(p["lastName"])}</NOM_DE_FAMILLE>\n'
                  + (f"        <NOM_USAGE>{escape(p['usageName'])}</NOM_USAGE>\n" if p.get("usageName") else "")
                  + f"        <PRENOM>{escape(p['firstName'])}</PRENOM>\n"
                  + f"        <TEL_PERSONNEL>{escape(home)}</TEL_PERSONNEL>\n        <TEL_PORTABLE>{escape(mobile)}</TEL_PORTABLE>\n"
                  + f"        <TEL_PROFESSIONNEL>{escape(work)}</TEL_PROFESSIONNEL>\n"
                  + (f"        <MEL>{escape(p['email'].strip())}</MEL>\n" if p.get("email") else "        <MEL/>\n")
                  + (f"        <ADRESSE_ID>{aid}</ADRESSE_ID>\n" if a else "") + "      </PERSONNE>\n")
        for link in p["links"]:
            level = "1" if link["role"] == "legal" else "3"
            resp.append(f"      <RESPONSABLE_ELEVE>\n        <ELEVE_ID>{link['pupil']['ref']}</ELEVE_ID>\n        <PERSONNE_ID>{pid}</PERSONNE_ID>\n"
                        f"        <NIVEAU_RESPONSABILITE>{level}</NIVEAU_RESPONSABILITE>\n"
                        f"        <CODE_PARENTE>{link.get('relationship') or '90'}</CODE_PARENTE>\n      </RESPONSABLE_ELEVE>\n")
        if a:
            addrs.append(f'      <ADRESSE ADRESSE_ID="{aid}">\n        <LIGNE1_ADRESSE>{escape(" ".join(a.get("lines") or []))}</LIGNE1_ADRESSE>\n'
                         f"        <CODE_POSTAL>{a.get('postalCode') or ''}</CODE_POSTAL>\n        <LIBELLE_POSTAL>{escape(a.get('city') or '')}</LIBELLE_POSTAL>\n"
                         "      </ADRESSE>\n")
    rs += ["    </PERSONNES>\n    <RESPONSABLES>\n"] + resp + ["    </RESPONSABLES>\n    <ADRESSES>\n"] + addrs
    rs.append("    </ADRESSES>\n  </DONNEES>\n</BEE_RESPONSABLES>\n")
    for name, parts in (("ElevesSansAdresses.xml", el), ("ResponsablesAvecAdresses.xml", rs)):
        with open(os.path.join(folder, name), "wb") as f:
            f.write("".join(parts).encode("iso-8859-15", errors="replace"))  # SIECLE writes « ? »


def attr(name, *values):
    values = [v for v in values if v]
    if not values:
        return f'<attr name="{name}"><value/></attr>\n'
    return f'<attr name="{name}">' + "".join(f"<value>{escape(v)}</value>" for v in values) + "</attr>\n"


def aaf_pupil_id(siecle_ref):
    """The AAF id of the pupil a SIECLE ELEVE_ID names (gen_identity_data.py: 100000 + n and A + n)."""
    return "A%07d" % (int(siecle_ref) - 100000) if siecle_ref.isdigit() else siecle_ref


def write_aaf(inbox, pupils, guardians):
    folder = os.path.join(inbox, "aaf")
    os.makedirs(folder, exist_ok=True)
    rels = defaultdict(list)
    for p in guardians:
        for link in p["links"]:
            rels[aaf_pupil_id(link["pupil"]["ref"])].append("%s$%s$0$%d$%d$0" % (p["ref"]["ref"], link.get("relationship") or "4",
                                                                   1 if link["role"] == "legal" else 0, 0 if link["role"] == "legal" else 1))
    head = '<!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">\n<ficAlimMENESR>\n'
    joins = {uai: str(1000 + n) for n, uai in enumerate(sorted({p["uai"] for p in pupils}))}
    etab = [head]
    for uai, join in joins.items():
        etab.append("<addRequest>\n<operationalAttributes>" + attr("categorieStructure", "EtabEducNat").strip() + "</operationalAttributes>\n"
                    f"<identifier><id>{join}</id></identifier>\n<attributes>\n" + attr("ENTStructureJointure", join)
                    + attr("ENTStructureUAI", uai) + attr("ENTEtablissementUAI", uai) + attr("ENTStructureNomCourant", "CLG " + uai)
                    + attr("ENTStructureTypeStruct", "COLLEGE") + "</attributes>\n</addRequest>\n")
    etab.append("</ficAlimMENESR>\n")
    with open(os.path.join(folder, "ENTACNICE_Complet_20260831_EtabEducNat_0000.xml"), "w", encoding="utf-8") as f:
        f.write("".join(etab))
    out = [head]
    for p in pupils:
        out.append("<addRequest>\n<operationalAttributes>" + attr("categoriePersonne", "Eleve").strip() + "</operationalAttributes>\n"
                   f"<identifier><id>{p['ref']['ref']}</id></identifier>\n<attributes>\n"
                   + attr("ENTPersonJointure", p["ref"]["ref"]) + attr("ENTPersonDateNaissance", french(p.get("birthDate")))
                   + attr("ENTPersonNomPatro", p["lastName"]) + attr("sn", p.get("usageName") or p["lastName"])
                   + attr("givenName", p["firstName"]) + attr("personalTitle", "Mlle" if p.get("sex") == "F" else "M.")
                   + attr("ENTEleveINE", p.get("ine") or "") + attr("ENTElevePersRelEleve", *rels[p["ref"]["ref"]])
                   + attr("ENTPersonStructRattach", joins[p["uai"]]) + attr("ENTEleveClasses", joins[p["uai"]] + "$" + p["className"])
                   + "</attributes>\n</addRequest>\n")
    out.append("</ficAlimMENESR>\n")
    with open(os.path.join(inbox, AAF_NAMES["aaf/ENT_Complet_Eleve_0000.xml"]), "w", encoding="utf-8") as f:
        f.write("".join(out))
    out = [head]
    for p in guardians:
        home, work, mobile = split_phones(p)
        a = p.get("address") or {}
        out.append("<addRequest>\n<operationalAttributes>" + attr("categoriePersonne", "PersRelEleve").strip() + "</operationalAttributes>\n"
                   f"<identifier><id>{p['ref']['ref']}</id></identifier>\n<attributes>\n"
                   + attr("ENTPersonJointure", p["ref"]["ref"]) + attr("ENTPersonDateNaissance", french(p.get("birthDate")))
                   + attr("ENTPersonNomPatro", p["lastName"]) + attr("sn", p.get("usageName") or p["lastName"])
                   + attr("givenName", p["firstName"]) + attr("homePhone", home) + attr("telephoneNumber", work)
                   + attr("mobile", mobile) + attr("mail", (p.get("email") or "").strip())
                   + attr("ENTPersonAdresse", (" ".join(a.get("lines") or []) + "$$$") if a else "")
                   + attr("ENTPersonCodePostal", a.get("postalCode") or "") + attr("ENTPersonVille", a.get("city") or "")
                   + "</attributes>\n</addRequest>\n")
    out.append("</ficAlimMENESR>\n")
    with open(os.path.join(inbox, AAF_NAMES["aaf/ENT_Complet_PersRelEleve_0000.xml"]), "w", encoding="utf-8") as f:
        f.write("".join(out))


if __name__ == "__main__":
    main()
